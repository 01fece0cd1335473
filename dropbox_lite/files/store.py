"""The stored shape of entries and revisions, built in one place, and queries on them.

An entry document is made only by `new_entry` (the root, a folder, an uploaded
file, a copy); `slot` follows one rule (`live_slot` / `trashed_slot`): the unique
(owner, parent, slot) index keeps names unique among live entries, because
FerretDB v1 has no partial indexes. Datetimes come back through core/clock.aware, as UTC.

Every query on entries and revisions in the files services is here or, for
revisions, in revision_store.py, re-exported here (quota.py keeps its own ledger's
queries, block_store.py GridFS's). Services import DuplicateKeyError
from here: only the stores import the driver (tests/test_layers.py).
"""

from __future__ import annotations

from collections.abc import AsyncIterator
from datetime import datetime
from typing import Any, NotRequired, TypedDict

from bson import ObjectId
from pymongo.errors import BulkWriteError, DuplicateKeyError

from dropbox_lite.core.db import Database, update_unique
from dropbox_lite.files import names
from dropbox_lite.files.revision_store import REVISIONS as REVISIONS
from dropbox_lite.files.revision_store import RevisionDoc as RevisionDoc
from dropbox_lite.files.revision_store import delete_revision as delete_revision
from dropbox_lite.files.revision_store import drop_claim as drop_claim
from dropbox_lite.files.revision_store import drop_claims as drop_claims
from dropbox_lite.files.revision_store import drop_revisions as drop_revisions
from dropbox_lite.files.revision_store import find_revision as find_revision
from dropbox_lite.files.revision_store import insert_revision as insert_revision
from dropbox_lite.files.revision_store import insert_revisions as insert_revisions
from dropbox_lite.files.revision_store import new_revision as new_revision
from dropbox_lite.files.revision_store import owner_revisions as owner_revisions
from dropbox_lite.files.revision_store import revisions_of as revisions_of
from dropbox_lite.files.revision_store import revisions_up_to as revisions_up_to

__all__ = [
    "DuplicateKeyError",
    "EntryDoc",
    "RevisionDoc",
    "children_page",
    "count_children",
    "find_entry",
    "find_live_child_by_key",
    "find_live_child",
    "insert_entry",
    "insert_revision",
    "live_slot",
    "names_and_parents",
    "new_entry",
    "new_revision",
    "trashed_slot",
    "walk_up",
]

ENTRIES = "entries"
# How far up (or down) the tree a walk goes before it gives up.
MAX_DEPTH = 10_000


class EntryDoc(TypedDict):
    _id: ObjectId
    owner_id: ObjectId
    parent_id: ObjectId | None
    name: str
    name_key: str
    slot: str
    is_file: bool
    size: int
    rev: int
    created_at: datetime
    modified_at: datetime
    trashed: bool
    trashed_at: datetime | None
    trash_root: bool
    deleted: bool
    seq: int
    content_hash: NotRequired[str]
    sha256: NotRequired[str]
    blob_id: NotRequired[ObjectId | None]  # an old whole-file blob
    blocks: NotRequired[list[str] | None]  # SHA-256 of each 4 MiB block
    block_ids: NotRequired[list[ObjectId] | None]  # the stored blocks, in order
    mime_type: NotRequired[str]
    share_id: NotRequired[ObjectId | None]
    left_share: NotRequired[ObjectId | None]
    mount_of: NotRequired[ObjectId]
    mount_owner: NotRequired[ObjectId]


def live_slot(name: str) -> str:
    """The slot of a live entry: its name key (unique in its folder)."""
    return names.name_key(name)


def trashed_slot(key: str, entry_id: ObjectId) -> str:
    """The slot of a trashed or purged entry: never clashes with a live one."""
    return f"{key}\x00{entry_id}"


def new_entry(
    *,
    owner: ObjectId,
    parent: ObjectId | None,
    name: str,
    is_file: bool,
    seq: int,
    at: datetime,
    entry_id: ObjectId | None = None,
    file: dict[str, Any] | None = None,
    share: ObjectId | None = None,
    mount_of: tuple[ObjectId, ObjectId] | None = None,
) -> EntryDoc:
    """The one constructor of an entry document: live, at rev 1 (files) or 0 (folders).

    `file`: size, content_hash, sha256, mime_type and the content (blocks and
    block_ids, or an old blob_id) of a file's bytes.
    `share`: the shared folder it is in; `mount_of`: the shared folder a mount stands
    for, and its owner.
    """
    key = "" if parent is None else live_slot(name)
    doc: EntryDoc = {
        "_id": entry_id or ObjectId(),
        "owner_id": owner,
        "parent_id": parent,
        "name": name,
        "name_key": key,
        "slot": key,
        "is_file": is_file,
        "size": 0,
        "rev": 1 if is_file else 0,
        "created_at": at,
        "modified_at": at,
        "trashed": False,
        "trashed_at": None,
        "trash_root": False,
        "deleted": False,
        "seq": seq,
    }
    if is_file and file is not None:
        doc["size"] = int(file["size"])
        doc["content_hash"] = file["content_hash"]
        doc["sha256"] = file["sha256"]
        doc["blob_id"] = file.get("blob_id")
        if file.get("block_ids") is not None:
            doc["blocks"] = list(file.get("blocks") or ())
            doc["block_ids"] = list(file["block_ids"])
        doc["mime_type"] = file["mime_type"]
    if share is not None:
        doc["share_id"] = share
    if mount_of is not None:
        doc["mount_of"], doc["mount_owner"] = mount_of
    return doc


async def insert_entry(db: Database, doc: EntryDoc) -> None:
    """Store a new entry; DuplicateKeyError when its name is taken in its folder."""
    await db[ENTRIES].insert_one(dict(doc))


async def find_live_child(
    db: Database, owner: ObjectId, parent: ObjectId, name: str
) -> dict[str, Any] | None:
    """The live entry named `name` (ignoring case) in the folder, if any."""
    doc: dict[str, Any] | None = await db[ENTRIES].find_one(
        {"owner_id": owner, "parent_id": parent, "slot": live_slot(name)}
    )
    return doc


async def find_entry(
    db: Database, owner: ObjectId, entry_id: ObjectId, *, include_trashed: bool = False
) -> dict[str, Any] | None:
    """The owner's entry that is not purged (and not trashed, unless asked), if any."""
    query: dict[str, Any] = {"_id": entry_id, "owner_id": owner, "deleted": False}
    if not include_trashed:
        query["trashed"] = False
    doc: dict[str, Any] | None = await db[ENTRIES].find_one(query)
    return doc


async def find_live_child_by_key(
    db: Database, owner: ObjectId, parent: ObjectId, key: str
) -> dict[str, Any] | None:
    """The live, untrashed entry whose slot is `key` in the folder (path resolution)."""
    doc: dict[str, Any] | None = await db[ENTRIES].find_one(
        {"owner_id": owner, "parent_id": parent, "slot": key, "trashed": False}
    )
    return doc


async def names_and_parents(db: Database, ids: list[ObjectId]) -> dict[ObjectId, dict[str, Any]]:
    """Name and parent of each entry, in one query (paths are built from them)."""
    return {
        doc["_id"]: doc
        async for doc in db[ENTRIES].find({"_id": {"$in": ids}}, {"name": 1, "parent_id": 1})
    }


async def walk_up(
    db: Database, start: ObjectId | None, *, fields: tuple[str, ...], stop: ObjectId | None = None
) -> AsyncIterator[tuple[ObjectId, dict[str, Any] | None]]:
    """The ancestor walk: each entry from `start` up to the root, as (id, document).

    Bounded (MAX_DEPTH) and safe against cycles; `fields` are read besides
    `parent_id`. A document of None means that id has no entry: the walk ends
    there. `stop` ends the walk before that id, without reading it.
    """
    projection = {name: 1 for name in ("parent_id", *fields)}
    current = start
    seen: set[ObjectId] = set()
    while current is not None and current not in seen and len(seen) < MAX_DEPTH:
        if current == stop:
            return
        seen.add(current)
        doc: dict[str, Any] | None = await db[ENTRIES].find_one({"_id": current}, projection)
        yield current, doc
        if doc is None:
            return
        current = doc.get("parent_id")


async def children_page(
    db: Database,
    owner: ObjectId,
    parent: ObjectId,
    *,
    after: tuple[bool, str] | None,
    limit: int,
    share: ObjectId | None = None,
) -> list[dict[str, Any]]:
    """Up to `limit` live children after the cursor, folders first, by name key.

    One query on the `listing` index: an equality prefix, then a range. `share`: only
    those inside that shared folder (what a member may read).
    """
    query: dict[str, Any] = {"owner_id": owner, "parent_id": parent, "trashed": False}
    if share is not None:
        query["share_id"] = share
    if after is not None:
        start_files, start_key = after
        if start_files:
            query.update(is_file=True, name_key={"$gt": start_key})
        else:
            query["$or"] = [{"is_file": False, "name_key": {"$gt": start_key}}, {"is_file": True}]
    cursor = db[ENTRIES].find(query).sort([("is_file", 1), ("name_key", 1)]).limit(limit)
    return [doc async for doc in cursor]


async def count_children(
    db: Database, owner: ObjectId, parent: ObjectId, share: ObjectId | None = None
) -> int:
    """How many live children the folder has (inside the shared folder `share`)."""
    query: dict[str, Any] = {"owner_id": owner, "parent_id": parent, "trashed": False}
    if share is not None:
        query["share_id"] = share
    return int(await db[ENTRIES].count_documents(query))


async def entry_rev(db: Database, entry_id: ObjectId) -> int | None:
    """The entry's current rev; None when there is no such entry."""
    doc = await db[ENTRIES].find_one({"_id": entry_id}, {"rev": 1})
    return None if doc is None else int(doc.get("rev", 0))


async def move_to_revision(
    db: Database,
    current: dict[str, Any],
    *,
    rev: int,
    fields: dict[str, Any],
    at: datetime,
    seq: int,
) -> bool:
    """Point the live file at revision `rev` if it is still at current's rev."""
    result = await db[ENTRIES].update_one(
        {"_id": current["_id"], "rev": current["rev"], "trashed": False, "deleted": False},
        {
            "$set": {
                **{k: v for k, v in fields.items() if k != "mime_type"},
                "rev": rev,
                "modified_at": at,
                "seq": seq,
            }
        },
    )
    return bool(result.matched_count == 1)


async def current_revs(db: Database, entry_ids: list[ObjectId]) -> dict[ObjectId, int]:
    """The current rev of each entry that is not purged."""
    found: dict[ObjectId, int] = {}
    async for doc in db[ENTRIES].find({"_id": {"$in": entry_ids}, "deleted": False}, {"rev": 1}):
        found[doc["_id"]] = int(doc.get("rev", 0))
    return found


async def owner_files(db: Database, owner: ObjectId) -> AsyncIterator[dict[str, Any]]:
    """The owner's files that are not purged (id, rev, size, content): what counts against
    the quota."""
    async for doc in db[ENTRIES].find(
        {"owner_id": owner, "is_file": True, "deleted": False},
        {
            "rev": 1,
            "size": 1,
            "modified_at": 1,
            "content_hash": 1,
            "sha256": 1,
            "blob_id": 1,
            "blocks": 1,
            "block_ids": 1,
        },
    ):
        yield doc


_TRASH_ROOTS: dict[str, Any] = {"trashed": True, "trash_root": True, "deleted": False}


def _owned_or_shared(owner: ObjectId, shares: list[ObjectId]) -> dict[str, Any]:
    """The owner's entries and those in the shared folders they are a member of (not the
    shared folders themselves: their members see their mounts instead)."""
    if not shares:
        return {"owner_id": owner}
    inside = {"share_id": {"$in": shares}, "_id": {"$nin": shares}}
    return {"$or": [{"owner_id": owner}, inside]}


async def trash_page(
    db: Database,
    owner: ObjectId,
    *,
    before: ObjectId | None,
    limit: int,
    shares: list[ObjectId] | None = None,
) -> list[dict[str, Any]]:
    """Up to `limit` entries deleted explicitly, newest first, older than `before`.

    With `shares`: also those deleted inside these shared folders.
    """
    query: dict[str, Any] = {**_owned_or_shared(owner, shares or []), **_TRASH_ROOTS}
    if before is not None:
        query["_id"] = {"$lt": before}
    return [doc async for doc in db[ENTRIES].find(query).sort("_id", -1).limit(limit)]


async def expired_trash(db: Database, *, before: datetime, limit: int) -> list[dict[str, Any]]:
    """Entries deleted explicitly before `before` (any owner), oldest first: owner_id and _id."""
    query = {**_TRASH_ROOTS, "trashed_at": {"$lt": before}}
    cursor = db[ENTRIES].find(query, {"owner_id": 1}).sort("trashed_at", 1).limit(limit)
    return [doc async for doc in cursor]


async def count_trash(db: Database, owner: ObjectId, shares: list[ObjectId] | None = None) -> int:
    """How many entries the owner deleted explicitly (the trash's top level)."""
    query = {**_owned_or_shared(owner, shares or []), **_TRASH_ROOTS}
    return int(await db[ENTRIES].count_documents(query))


async def find_by_name(
    db: Database,
    owner: ObjectId,
    pattern: str,
    *,
    limit: int,
    shares: list[ObjectId] | None = None,
) -> list[Any]:
    """Live entries (not the root) whose name key matches the regular expression, by name.

    With `shares`: also those inside these shared folders (not the folders themselves).
    """
    cursor = (
        db[ENTRIES]
        .find(
            {
                **_owned_or_shared(owner, shares or []),
                "trashed": False,
                "parent_id": {"$ne": None},
                "name_key": {"$regex": pattern},
            }
        )
        .sort("name_key", 1)
        .limit(limit)
    )
    return [doc async for doc in cursor]


async def entry_by_id(
    db: Database, entry_id: ObjectId, *, with_purged: bool = True
) -> dict[str, Any] | None:
    """The entry with this id, whoever owns it (a tombstone too unless `with_purged` is off)."""
    query: dict[str, Any] = {"_id": entry_id}
    if not with_purged:
        query["deleted"] = False
    doc: dict[str, Any] | None = await db[ENTRIES].find_one(query)
    return doc


async def owner_of(db: Database, entry_id: ObjectId, *, files_only: bool) -> ObjectId | None:
    """The owner of the entry if it is not purged (and is a file, if asked)."""
    query: dict[str, Any] = {"_id": entry_id, "deleted": {"$ne": True}}
    if files_only:
        query["is_file"] = True
    doc = await db[ENTRIES].find_one(query, {"owner_id": 1})
    return None if doc is None else ObjectId(doc["owner_id"])


async def find_live_folder(db: Database, owner: ObjectId, folder_id: ObjectId) -> bool:
    """Whether the owner's folder is live (neither trashed nor purged)."""
    doc = await db[ENTRIES].find_one(
        {"_id": folder_id, "owner_id": owner, "trashed": False, "deleted": False}, {"_id": 1}
    )
    return doc is not None


async def children_of(
    db: Database, owner: ObjectId, parents: list[ObjectId], *, include_deleted: bool
) -> list[dict[str, Any]]:
    """The entries directly in any of `parents` (tombstones too with include_deleted)."""
    query: dict[str, Any] = {"owner_id": owner, "parent_id": {"$in": parents}}
    if not include_deleted:
        query["deleted"] = False
    return [doc async for doc in db[ENTRIES].find(query)]


async def relocate(
    db: Database, doc: dict[str, Any], changes: dict[str, Any], *, live_only: bool = True
) -> bool:
    """Give the entry `changes` (a new folder or name) if it is still in its folder.

    DuplicateKeyError when the name is taken there; False when the entry moved on.
    """
    query: dict[str, Any] = {"_id": doc["_id"], "parent_id": doc["parent_id"]}
    if live_only:
        query["trashed"] = False
    result = await update_unique(db[ENTRIES], query, {"$set": changes})
    return bool(result.matched_count)


async def trash_with_folder(db: Database, entry: dict[str, Any], *, at: datetime, seq: int) -> bool:
    """Trash a live entry with the folder it is in (not a trash root of its own).

    Not if it was moved out meanwhile: its new folder decides.
    """
    result = await db[ENTRIES].update_one(
        {"_id": entry["_id"], "parent_id": entry["parent_id"], "trashed": False},
        {"$set": {"trashed": True, "trash_root": False, "trashed_at": at, "seq": seq}},
    )
    return bool(result.matched_count)


async def back_with_folder(db: Database, entry: dict[str, Any], *, seq: int) -> bool:
    """Bring back an entry that went to the trash with its folder (not one deleted alone)."""
    result = await db[ENTRIES].update_one(
        {
            "_id": entry["_id"],
            "parent_id": entry["parent_id"],
            "trashed": True,
            "trash_root": False,
            "deleted": False,
        },
        {"$set": {"trashed": False, "trashed_at": None, "seq": seq}},
    )
    return bool(result.matched_count)


async def trash_alone(
    db: Database, entry_id: ObjectId, changes: dict[str, Any], *, rev: int | None = None
) -> bool:
    """Move a live entry to the trash as a trash root (`changes` carry slot, time and seq).

    `rev`: only while the file is at that revision."""
    query: dict[str, Any] = {"_id": entry_id, "trashed": False}
    if rev is not None:
        query["rev"] = rev
    result = await db[ENTRIES].update_one(query, {"$set": changes})
    return bool(result.matched_count)


async def untrash(db: Database, entry_id: ObjectId, changes: dict[str, Any]) -> bool:
    """Bring a trashed entry back (DuplicateKeyError when its name is taken meanwhile)."""
    result = await update_unique(
        db[ENTRIES], {"_id": entry_id, "trashed": True, "deleted": False}, {"$set": changes}
    )
    return bool(result.matched_count)


async def mark_purged(db: Database, entry: dict[str, Any], *, seq: int) -> bool:
    """Purge an entry, leaving a tombstone for the change feed: True when this call did."""
    result = await db[ENTRIES].update_one(
        {"_id": entry["_id"], "deleted": False},
        {
            "$set": {
                "deleted": True,
                "trashed": True,
                "slot": trashed_slot(entry["name_key"], entry["_id"]),
                "blob_id": None,
                "blocks": None,
                "block_ids": None,
                "seq": seq,
            }
        },
    )
    return bool(result.matched_count)


# -- shared folders ---------------------------------------------------------------------


async def mounts_of(db: Database, user: ObjectId) -> list[dict[str, Any]]:
    """The user's mounts that are not purged (live or trashed with a folder of theirs)."""
    query = {"owner_id": user, "mount_of": {"$exists": True}, "deleted": False}
    return [doc async for doc in db[ENTRIES].find(query)]


async def set_share(db: Database, ids: list[ObjectId], share: ObjectId | None) -> None:
    """Mark entries as inside the shared folder `share` (None: inside none)."""
    await db[ENTRIES].update_many({"_id": {"$in": ids}}, {"$set": {"share_id": share}})


async def end_share(db: Database, share: ObjectId) -> None:
    """Nothing is inside the shared folder `share` any more (its last member went)."""
    await db[ENTRIES].update_many({"share_id": share}, {"$set": {"share_id": None}})


async def restamp(
    db: Database, entry: dict[str, Any], *, share: ObjectId | None, left: ObjectId | None, seq: int
) -> None:
    """Move an entry that is not purged into the shared folder `share` (or out of `left`)."""
    changes: dict[str, Any] = {"share_id": share, "seq": seq}
    if left is not None:
        changes["left_share"] = left
    await db[ENTRIES].update_one({"_id": entry["_id"], "deleted": False}, {"$set": changes})


async def usernames(db: Database, user_ids: list[ObjectId]) -> dict[ObjectId, str]:
    """The usernames of users (members of shared folders are shown by name)."""
    cursor = db["users"].find({"_id": {"$in": user_ids}}, {"username": 1})
    return {doc["_id"]: str(doc["username"]) async for doc in cursor}


async def marks_below(
    db: Database, owner: ObjectId, parents: list[ObjectId]
) -> list[dict[str, Any]]:
    """Every entry in these folders of one owner, whatever its state: only what a
    folder's WebDAV ETag and size are made of, and what a walk down needs (listing index)."""
    fields = {"parent_id": 1, "seq": 1, "is_file": 1, "size": 1, "trashed": 1, "deleted": 1}
    cursor = db[ENTRIES].find(
        {"owner_id": owner, "parent_id": {"$in": parents}},
        {**fields, "mount_of": 1, "mount_owner": 1},
    )
    return [doc async for doc in cursor]


# -- many entries at once (operations on a subtree) ---------------------------------------


async def restamp_many(
    db: Database, ids: list[ObjectId], *, share: ObjectId | None, left: ObjectId | None, seq: int
) -> int:
    """Put the entries (not purged) into the shared folder `share` (or none), in one write.

    `left`: the shared folder they leave, whose members' feeds then report them gone.
    """
    if not ids:
        return 0
    changes: dict[str, Any] = {"share_id": share, "seq": seq}
    if left is not None:
        changes["left_share"] = left
    result = await db[ENTRIES].update_many(
        {"_id": {"$in": ids}, "deleted": False}, {"$set": changes}
    )
    return int(result.modified_count)


async def trash_many(
    db: Database, ids: list[ObjectId], *, folders: list[ObjectId], at: datetime, seq: int
) -> int:
    """Trash live entries with the folder above them, in one write.

    Only those still in one of `folders` (the subtree's folders): one moved out
    meanwhile follows its new folder.
    """
    if not ids:
        return 0
    result = await db[ENTRIES].update_many(
        {"_id": {"$in": ids}, "parent_id": {"$in": folders}, "trashed": False},
        {"$set": {"trashed": True, "trash_root": False, "trashed_at": at, "seq": seq}},
    )
    return int(result.modified_count)


async def restore_many(
    db: Database, ids: list[ObjectId], *, folders: list[ObjectId], seq: int
) -> int:
    """Bring back entries that went to the trash with a folder of `folders`, in one write."""
    if not ids:
        return 0
    result = await db[ENTRIES].update_many(
        {
            "_id": {"$in": ids},
            "parent_id": {"$in": folders},
            "trashed": True,
            "trash_root": False,
            "deleted": False,
        },
        {"$set": {"trashed": False, "trashed_at": None, "seq": seq}},
    )
    return int(result.modified_count)


async def insert_entries(db: Database, docs: list[EntryDoc]) -> None:
    """Store new entries in one write per thousand (DuplicateKeyError on a taken name)."""
    for start in range(0, len(docs), 1000):
        await db[ENTRIES].insert_many([dict(d) for d in docs[start : start + 1000]])


async def insert_new_entries(db: Database, docs: list[EntryDoc]) -> list[int]:
    """Store new entries in one write (unordered): the positions of those whose name was
    taken (each refused on its own; every other one is stored)."""
    if not docs:
        return []
    try:
        await db[ENTRIES].insert_many([dict(d) for d in docs], ordered=False)
    except BulkWriteError as clash:
        seen = clash.details.get("writeErrors", [])
        if not seen or any(error.get("code") != 11000 for error in seen):
            raise
        return sorted(int(error["index"]) for error in seen)
    return []


async def existing_ids(db: Database, ids: list[ObjectId]) -> set[ObjectId]:
    """Which of these entries exist (whatever their state)."""
    if not ids:
        return set()
    return {doc["_id"] async for doc in db[ENTRIES].find({"_id": {"$in": ids}}, {"_id": 1})}


async def forget_unseen(db: Database, ids: list[ObjectId]) -> None:
    """Delete entries no reader can have seen yet (their change number still open), and
    their revisions: what a copy that failed had written."""
    if ids:
        await db[REVISIONS].delete_many({"entry_id": {"$in": ids}})
        await db[ENTRIES].delete_many({"_id": {"$in": ids}})


async def put_parts(db: Database, collection: str, parts: list[dict[str, Any]]) -> None:
    """Insert staged blocks by their unique ids, replacing any sent before under the same
    id (a block sent again): one round trip when none was."""
    if not parts:
        return
    try:
        await db[collection].insert_many(parts, ordered=False)
    except BulkWriteError:
        for part in parts:
            await db[collection].replace_one({"_id": part["_id"]}, part, upsert=True)


async def user_exists(db: Database, user_id: ObjectId) -> bool:
    """Whether the account exists (its root is made before it: see entries.NEW_ACCOUNT)."""
    return await db["users"].find_one({"_id": user_id}, {"_id": 1}) is not None


async def delete_root(db: Database, owner: ObjectId, root_id: ObjectId) -> None:
    """Delete the root folder of an account that never came to be (nothing is in it)."""
    await db[ENTRIES].delete_one({"_id": root_id, "owner_id": owner, "parent_id": None})
