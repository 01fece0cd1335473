"""Changes to the folder tree: new folders, rename, move, copy, trash, restore, purge."""

from __future__ import annotations

from collections.abc import AsyncIterator
from typing import Any

from bson import ObjectId
from pymongo.errors import DuplicateKeyError, OperationFailure

from dropbox_lite.core import errors
from dropbox_lite.core.db import Database
from dropbox_lite.files import names
from dropbox_lite.files.entries import entry_doc, get_folder, root_id_of
from dropbox_lite.files.quota import release, reserve
from dropbox_lite.files.records import EntryRecord, entry_record, mime_type_for, now, oid
from dropbox_lite.files.revisions import record_revision
from dropbox_lite.sync import journal


async def _update_entry(db: Database, query: dict[str, Any], update: dict[str, Any]) -> Any:
    """update_one on entries where a unique-index clash is always DuplicateKeyError.

    FerretDB v1 reports a clash on update (not on insert) as error code 1 with the
    SQLite message instead of code 11000.
    """
    try:
        return await db["entries"].update_one(query, update)
    except OperationFailure as exc:
        if "UNIQUE constraint failed" in str(exc):
            raise DuplicateKeyError(str(exc)) from exc
        raise


def _trashed_slot(key: str, entry_id: ObjectId) -> str:
    return f"{key}\x00{entry_id}"


async def create_folder(
    *, db: Database, user_id: str, parent_id: str | None, name: str
) -> EntryRecord:
    """A new empty folder; NameTaken or InvalidName otherwise."""
    name = names.validate_name(name)
    owner = oid(user_id)
    parent = await get_folder(db=db, user_id=user_id, folder_id=parent_id)
    key = names.name_key(name)
    at = now()
    try:
        async with journal.change(db=db, owner_id=owner) as seq:
            doc = {
                "_id": ObjectId(),
                "owner_id": owner,
                "parent_id": ObjectId(parent.id),
                "name": name,
                "name_key": key,
                "slot": key,
                "is_file": False,
                "size": 0,
                "rev": 0,
                "created_at": at,
                "modified_at": at,
                "trashed": False,
                "trashed_at": None,
                "trash_root": False,
                "deleted": False,
                "seq": seq,
            }
            await db["entries"].insert_one(doc)
    except DuplicateKeyError:
        raise errors.NameTaken() from None
    return entry_record(doc)


async def _movable(db: Database, user_id: str, entry_id: str) -> dict[str, Any]:
    doc = await entry_doc(db, oid(user_id), entry_id)
    if doc.get("parent_id") is None:
        raise errors.BadInput("The root folder cannot be renamed, moved or deleted.")
    return doc


async def rename_entry(*, db: Database, user_id: str, entry_id: str, name: str) -> EntryRecord:
    """Give an entry a new name in its folder."""
    name = names.validate_name(name)
    doc = await _movable(db, user_id, entry_id)
    return await _relocate(db, doc, parent=doc["parent_id"], name=name)


async def _relocate(
    db: Database, doc: dict[str, Any], *, parent: ObjectId, name: str
) -> EntryRecord:
    key = names.name_key(name)
    at = now()
    changes: dict[str, Any] = {"parent_id": parent, "name": name, "name_key": key, "slot": key}
    if doc["is_file"]:
        changes["mime_type"] = mime_type_for(name)
    try:
        async with journal.change(db=db, owner_id=doc["owner_id"]) as seq:
            result = await _update_entry(
                db,
                {"_id": doc["_id"], "parent_id": doc["parent_id"], "trashed": False},
                {"$set": {**changes, "modified_at": at, "seq": seq}},
            )
    except DuplicateKeyError:
        raise errors.NameTaken() from None
    if result.matched_count == 0:
        raise errors.Conflict("The entry changed meanwhile; try again.")
    return entry_record({**doc, **changes, "modified_at": at, "seq": seq})


async def _ancestors(db: Database, folder_id: ObjectId) -> AsyncIterator[ObjectId]:
    current: ObjectId | None = folder_id
    seen = 0
    while current is not None and seen < 10_000:
        yield current
        doc = await db["entries"].find_one({"_id": current}, {"parent_id": 1})
        current = None if doc is None else doc.get("parent_id")
        seen += 1


async def move_entry(
    *, db: Database, user_id: str, entry_id: str, parent_id: str, name: str | None = None
) -> EntryRecord:
    """Move an entry into another folder (never into itself or a descendant)."""
    doc = await _movable(db, user_id, entry_id)
    target = await get_folder(db=db, user_id=user_id, folder_id=parent_id)
    name = names.validate_name(doc["name"] if name is None else name)
    async for ancestor in _ancestors(db, ObjectId(target.id)):
        if ancestor == doc["_id"]:
            raise errors.InvalidMove()
    return await _relocate(db, doc, parent=ObjectId(target.id), name=name)


async def _subtree(db: Database, root: dict[str, Any]) -> list[dict[str, Any]]:
    """The entry and every entry below it that is in the same state (breadth first)."""
    found = [root]
    frontier = [root["_id"]] if not root["is_file"] else []
    while frontier:
        children = db["entries"].find(
            {"owner_id": root["owner_id"], "parent_id": {"$in": frontier}, "deleted": False}
        )
        frontier = []
        async for child in children:
            found.append(child)
            if not child["is_file"]:
                frontier.append(child["_id"])
    return found


async def copy_entry(
    *, db: Database, user_id: str, entry_id: str, parent_id: str, name: str | None = None
) -> EntryRecord:
    """Copy a file or a folder tree; copies share blobs but count against the quota."""
    owner = oid(user_id)
    doc = await entry_doc(db, owner, entry_id)
    if doc.get("parent_id") is None:
        raise errors.BadInput("The root folder cannot be copied.")
    target = await get_folder(db=db, user_id=user_id, folder_id=parent_id)
    name = names.validate_name(doc["name"] if name is None else name)
    if not doc["is_file"]:
        async for ancestor in _ancestors(db, ObjectId(target.id)):
            if ancestor == doc["_id"]:
                raise errors.InvalidMove("A folder cannot be copied into itself or a descendant.")
    tree = [d for d in await _subtree(db, doc) if d is doc or not d["trashed"]]
    total = sum(int(d.get("size", 0)) for d in tree if d["is_file"])
    await reserve(db, owner, total)
    new_ids = {d["_id"]: ObjectId() for d in tree}
    copied = 0
    top: dict[str, Any] | None = None
    try:
        for source in tree:
            at = now()
            is_top = source is doc
            entry_name = name if is_top else source["name"]
            key = names.name_key(entry_name)
            new_parent = ObjectId(target.id) if is_top else new_ids[source["parent_id"]]
            copy = {
                **{k: v for k, v in source.items() if k not in ("_id", "seq")},
                "_id": new_ids[source["_id"]],
                "parent_id": new_parent,
                "name": entry_name,
                "name_key": key,
                "slot": key,
                "created_at": at,
                "modified_at": at,
                "trashed": False,
                "trashed_at": None,
                "trash_root": False,
                "deleted": False,
            }
            if source["is_file"]:
                copy["rev"] = 1
            async with journal.change(db=db, owner_id=owner) as seq:
                copy["seq"] = seq
                await db["entries"].insert_one(copy)
            if source["is_file"]:
                copied += int(source.get("size", 0))
                await record_revision(
                    db, entry_id=copy["_id"], owner=owner, rev=1, fields=copy, at=at
                )
            if is_top:
                top = copy
    except DuplicateKeyError:
        await release(db, owner, total - copied)
        if top is None:
            raise errors.NameTaken() from None
        raise
    except BaseException:
        await release(db, owner, total - copied)
        raise
    assert top is not None
    return entry_record(top)


async def delete_entry(*, db: Database, user_id: str, entry_id: str) -> EntryRecord:
    """Move an entry to the trash; a folder goes with everything in it."""
    doc = await _movable(db, user_id, entry_id)
    at = now()
    owner: ObjectId = doc["owner_id"]
    changes = {
        "trashed": True,
        "trash_root": True,
        "trashed_at": at,
        "slot": _trashed_slot(doc["name_key"], doc["_id"]),
    }
    async with journal.change(db=db, owner_id=owner) as seq:
        result = await db["entries"].update_one(
            {"_id": doc["_id"], "trashed": False}, {"$set": {**changes, "seq": seq}}
        )
    if result.matched_count == 0:
        raise errors.NotFound()
    trashed = entry_record({**doc, **changes, "seq": seq})
    for child in (await _subtree(db, doc))[1:]:
        if child["trashed"]:
            continue  # deleted on its own before: stays a trash root of its own
        async with journal.change(db=db, owner_id=owner) as seq:
            await db["entries"].update_one(
                {"_id": child["_id"], "trashed": False},
                {"$set": {"trashed": True, "trash_root": False, "trashed_at": at, "seq": seq}},
            )
    return trashed


async def restore_entry(*, db: Database, user_id: str, entry_id: str) -> EntryRecord:
    """Bring an entry back from the trash to its old folder (renamed if the name is taken).

    When its old folder is itself gone, it comes back into the root.
    """
    owner = oid(user_id)
    doc = await entry_doc(db, owner, entry_id, include_trashed=True)
    if not doc["trashed"] or not doc.get("trash_root"):
        raise errors.NotFound("This entry is not in the trash.")
    parent_doc = await db["entries"].find_one(
        {"_id": doc["parent_id"], "owner_id": owner, "trashed": False, "deleted": False}
    )
    parent = doc["parent_id"] if parent_doc else ObjectId(await root_id_of(db=db, user_id=user_id))
    restored: dict[str, Any] | None = None
    for candidate in [doc["name"], *names.autorename_candidates(doc["name"])]:
        key = names.name_key(candidate)
        changes = {
            "parent_id": parent,
            "name": candidate,
            "name_key": key,
            "slot": key,
            "trashed": False,
            "trash_root": False,
            "trashed_at": None,
        }
        try:
            async with journal.change(db=db, owner_id=owner) as seq:
                result = await _update_entry(
                    db,
                    {"_id": doc["_id"], "trashed": True, "deleted": False},
                    {"$set": {**changes, "seq": seq}},
                )
        except DuplicateKeyError:
            continue
        if result.matched_count == 0:
            raise errors.NotFound("This entry is not in the trash.")
        restored = {**doc, **changes, "seq": seq}
        break
    if restored is None:
        raise errors.NameTaken()
    for child in (await _subtree(db, doc))[1:]:
        if not child["trashed"] or child.get("trash_root"):
            continue  # deleted on its own: stays in the trash
        async with journal.change(db=db, owner_id=owner) as seq:
            await db["entries"].update_one(
                {"_id": child["_id"], "trashed": True, "trash_root": False},
                {"$set": {"trashed": False, "trashed_at": None, "seq": seq}},
            )
    return entry_record(restored)


async def purge_entry(*, db: Database, user_id: str, entry_id: str) -> bool:
    """Delete an entry for good (a folder with everything in it); its bytes go at next gc.

    A tombstone stays so that the change feed can report the deletion.
    """
    owner = oid(user_id)
    doc = await entry_doc(db, owner, entry_id, include_trashed=True)
    if doc.get("parent_id") is None:
        raise errors.BadInput("The root folder cannot be purged.")
    freed = 0
    for entry in reversed(await _subtree(db, doc)):
        async with journal.change(db=db, owner_id=owner) as seq:
            result = await db["entries"].update_one(
                {"_id": entry["_id"], "deleted": False},
                {
                    "$set": {
                        "deleted": True,
                        "trashed": True,
                        "slot": _trashed_slot(entry["name_key"], entry["_id"]),
                        "blob_id": None,
                        "seq": seq,
                    }
                },
            )
        if result.matched_count and entry["is_file"]:
            freed += int(entry.get("size", 0))
            await db["revisions"].delete_many({"entry_id": entry["_id"]})
    await release(db, owner, freed)
    return True
