"""Files and folders: store_file, fetch_file, list_user_files, folders, trash, revisions.

Every metadata change is a conditional write (invariant 2): an insert that the
unique (owner, parent, slot) index may refuse, or an update filtered on what was
read (`rev`, `parent_id`, `trashed`). Every change takes a sequence number from
the owner's journal and writes it onto the entry (invariant 3).
"""

from __future__ import annotations

import base64
import binascii
import json
import mimetypes
import re
from collections.abc import AsyncIterator
from dataclasses import dataclass, replace
from datetime import UTC, datetime
from typing import Any

from bson import ObjectId
from pymongo.errors import DuplicateKeyError, OperationFailure

from dropbox_lite.core import errors
from dropbox_lite.core.config import Settings
from dropbox_lite.core.db import Database
from dropbox_lite.files import blobs, names
from dropbox_lite.sync import journal

MAX_PAGE = 1000
MAX_SEARCH = 200
MAX_REVISIONS = 100
WRITE_MODES = ("add", "overwrite", "update")
FALLBACK_MIME = "application/octet-stream"
# Retries of an optimistic write that lost a race to another writer of the same name.
MAX_ATTEMPTS = 20


@dataclass(frozen=True)
class EntryRecord:
    id: str
    owner_id: str
    parent_id: str | None
    name: str
    is_file: bool
    size: int
    rev: int
    content_hash: str
    sha256: str
    mime_type: str
    blob_id: str | None
    created_at: datetime
    modified_at: datetime
    trashed: bool
    deleted: bool
    seq: int
    trashed_at: datetime | None = None
    trash_root: bool = False


@dataclass(frozen=True)
class RevisionRecord:
    file_id: str
    rev: int
    size: int
    content_hash: str
    sha256: str
    blob_id: str
    created_at: datetime


@dataclass(frozen=True)
class EntryPage:
    items: list[EntryRecord]
    total_count: int
    start_cursor: str | None
    end_cursor: str | None
    has_next_page: bool
    has_previous_page: bool


@dataclass(frozen=True)
class Usage:
    used_bytes: int
    quota_bytes: int | None


def now() -> datetime:
    return datetime.now(UTC)


def _aware(value: datetime | None) -> datetime | None:
    # mongomock returns naive datetimes; they are UTC.
    if value is None or value.tzinfo is not None:
        return value
    return value.replace(tzinfo=UTC)


def entry_record(doc: dict[str, Any]) -> EntryRecord:
    blob_id = doc.get("blob_id")
    parent_id = doc.get("parent_id")
    created = _aware(doc["created_at"])
    modified = _aware(doc["modified_at"])
    assert created is not None and modified is not None
    return EntryRecord(
        id=str(doc["_id"]),
        owner_id=str(doc["owner_id"]),
        parent_id=None if parent_id is None else str(parent_id),
        name=doc["name"],
        is_file=bool(doc["is_file"]),
        size=int(doc.get("size", 0)),
        rev=int(doc.get("rev", 0)),
        content_hash=doc.get("content_hash", ""),
        sha256=doc.get("sha256", ""),
        mime_type=doc.get("mime_type", ""),
        blob_id=None if blob_id is None else str(blob_id),
        created_at=created,
        modified_at=modified,
        trashed=bool(doc.get("trashed", False)),
        deleted=bool(doc.get("deleted", False)),
        seq=int(doc.get("seq", 0)),
        trashed_at=_aware(doc.get("trashed_at")),
        trash_root=bool(doc.get("trash_root", False)),
    )


def revision_record(doc: dict[str, Any]) -> RevisionRecord:
    created = _aware(doc["created_at"])
    assert created is not None
    return RevisionRecord(
        file_id=str(doc["entry_id"]),
        rev=int(doc["rev"]),
        size=int(doc["size"]),
        content_hash=doc["content_hash"],
        sha256=doc["sha256"],
        blob_id=str(doc["blob_id"]),
        created_at=created,
    )


def oid(value: str | None) -> ObjectId:
    """The ObjectId of an API id; NotFound when it cannot be one (like a missing id)."""
    if not isinstance(value, str) or not ObjectId.is_valid(value):
        raise errors.NotFound()
    return ObjectId(value)


def mime_type_for(name: str) -> str:
    guessed, _ = mimetypes.guess_type(name, strict=False)
    return guessed or FALLBACK_MIME


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


async def create_root_folder(*, db: Database, owner_id: ObjectId, root_id: ObjectId) -> None:
    """The user's root folder (name "", no parent), created with the account."""
    async with journal.change(db=db, owner_id=owner_id) as seq:
        at = now()
        await db["entries"].insert_one(
            {
                "_id": root_id,
                "owner_id": owner_id,
                "parent_id": None,
                "name": "",
                "name_key": "",
                "slot": "",
                "is_file": False,
                "size": 0,
                "rev": 0,
                "created_at": at,
                "modified_at": at,
                "trashed": False,
                "trash_root": False,
                "deleted": False,
                "seq": seq,
            }
        )


# ---------------------------------------------------------------------------- reading


async def _user_doc(db: Database, user_oid: ObjectId) -> dict[str, Any]:
    doc: dict[str, Any] | None = await db["users"].find_one({"_id": user_oid})
    if doc is None:
        raise errors.NotFound()
    return doc


async def root_id_of(*, db: Database, user_id: str) -> str:
    """The id of the user's root folder."""
    return str((await _user_doc(db, oid(user_id)))["root_id"])


async def _entry_doc(
    db: Database, user_oid: ObjectId, entry_id: str, *, include_trashed: bool = False
) -> dict[str, Any]:
    query: dict[str, Any] = {"_id": oid(entry_id), "owner_id": user_oid, "deleted": False}
    if not include_trashed:
        query["trashed"] = False
    doc: dict[str, Any] | None = await db["entries"].find_one(query)
    if doc is None:
        raise errors.NotFound()
    return doc


async def get_entry(
    *, db: Database, user_id: str, entry_id: str, include_trashed: bool = False
) -> EntryRecord:
    """The user's entry with this id; NotFound when missing, purged or someone else's."""
    return entry_record(
        await _entry_doc(db, oid(user_id), entry_id, include_trashed=include_trashed)
    )


async def get_folder(*, db: Database, user_id: str, folder_id: str | None = None) -> EntryRecord:
    """A live folder of the user (the root when no id is given); NotFound otherwise."""
    user_oid = oid(user_id)
    if folder_id is None:
        folder_id = str((await _user_doc(db, user_oid))["root_id"])
    doc = await _entry_doc(db, user_oid, folder_id)
    if doc["is_file"]:
        raise errors.NotFound()
    return entry_record(doc)


async def entry_path(*, db: Database, record: EntryRecord) -> str:
    """The entry's path from the owner's root: "/a/b/c.txt"; the root is "/"."""
    parts: list[str] = []
    parent = record.parent_id
    if parent is None:
        return "/"
    parts.append(record.name)
    seen = 0
    while parent is not None and seen < 10_000:
        doc = await db["entries"].find_one({"_id": ObjectId(parent)}, {"name": 1, "parent_id": 1})
        if doc is None or doc.get("parent_id") is None:
            break
        parts.append(doc["name"])
        parent = str(doc["parent_id"])
        seen += 1
    return "/" + "/".join(reversed(parts))


async def resolve_path(*, db: Database, user_id: str, path: str) -> EntryRecord:
    """The live entry at a path like "/a/b.txt" (names compared ignoring case)."""
    user_oid = oid(user_id)
    current = await get_folder(db=db, user_id=user_id)
    for part in (p for p in path.split("/") if p):
        if current.is_file:
            raise errors.NotFound()
        doc = await db["entries"].find_one(
            {
                "owner_id": user_oid,
                "parent_id": ObjectId(current.id),
                "slot": names.name_key(part),
                "trashed": False,
            }
        )
        if doc is None:
            raise errors.NotFound()
        current = entry_record(doc)
    return current


def _encode_cursor(value: list[Any]) -> str:
    return base64.urlsafe_b64encode(json.dumps(value).encode()).decode().rstrip("=")


def _decode_cursor(cursor: str) -> list[Any]:
    try:
        raw = base64.urlsafe_b64decode(cursor + "=" * (-len(cursor) % 4))
        value = json.loads(raw)
    except (binascii.Error, ValueError, UnicodeDecodeError):
        raise errors.BadInput("This cursor is not valid.") from None
    if not isinstance(value, list):
        raise errors.BadInput("This cursor is not valid.")
    return value


def _page_size(first: int) -> int:
    if first < 0:
        raise errors.BadInput("`first` cannot be negative.")
    return min(first, MAX_PAGE)


async def list_children(
    *, db: Database, user_id: str, folder_id: str | None, first: int = 100, after: str | None = None
) -> EntryPage:
    """A page of a folder's live children: folders first, then by name ignoring case.

    Names are unique per folder by their key, so (is_file, name_key) orders the
    children totally and each page is an equality prefix plus a range on the
    `listing` index.
    """
    limit = _page_size(first)
    folder = await get_folder(db=db, user_id=user_id, folder_id=folder_id)
    base = {"owner_id": oid(user_id), "parent_id": ObjectId(folder.id), "trashed": False}
    start_files, start_key = False, None
    if after is not None:
        value = _decode_cursor(after)
        if len(value) != 2 or not isinstance(value[0], bool) or not isinstance(value[1], str):
            raise errors.BadInput("This cursor is not valid.")
        start_files, start_key = value
    docs: list[dict[str, Any]] = []
    for is_file in (False, True):
        if is_file < start_files or len(docs) > limit:
            continue
        query: dict[str, Any] = {**base, "is_file": is_file}
        if start_key is not None and is_file == start_files:
            query["name_key"] = {"$gt": start_key}
        cursor = db["entries"].find(query).sort("name_key", 1).limit(limit + 1 - len(docs))
        docs.extend([doc async for doc in cursor])
    has_next = len(docs) > limit
    docs = docs[:limit]
    total = await db["entries"].count_documents(base)
    items = [entry_record(doc) for doc in docs]
    return EntryPage(
        items=items,
        total_count=total,
        start_cursor=_encode_cursor([docs[0]["is_file"], docs[0]["name_key"]]) if docs else None,
        end_cursor=_encode_cursor([docs[-1]["is_file"], docs[-1]["name_key"]]) if docs else None,
        has_next_page=has_next,
        has_previous_page=after is not None,
    )


def child_cursor(record: EntryRecord) -> str:
    """The opaque cursor of one child in its folder's listing."""
    return _encode_cursor([record.is_file, names.name_key(record.name)])


async def list_user_files(
    *, db: Database, user_id: str, folder_id: str | None, first: int = 100, after: str | None = None
) -> EntryPage:
    """The seed's name for a folder listing."""
    return await list_children(
        db=db, user_id=user_id, folder_id=folder_id, first=first, after=after
    )


async def list_trash(
    *, db: Database, user_id: str, first: int = 100, after: str | None = None
) -> EntryPage:
    """Entries deleted explicitly (not those inside a deleted folder), newest first."""
    limit = _page_size(first)
    base: dict[str, Any] = {
        "owner_id": oid(user_id),
        "trashed": True,
        "trash_root": True,
        "deleted": False,
    }
    query = dict(base)
    if after is not None:
        value = _decode_cursor(after)
        if len(value) != 1 or not isinstance(value[0], str) or not ObjectId.is_valid(value[0]):
            raise errors.BadInput("This cursor is not valid.")
        query["_id"] = {"$lt": ObjectId(value[0])}
    cursor = db["entries"].find(query).sort("_id", -1).limit(limit + 1)
    docs = [doc async for doc in cursor]
    has_next = len(docs) > limit
    docs = docs[:limit]
    total = await db["entries"].count_documents(base)
    return EntryPage(
        items=[entry_record(d) for d in docs],
        total_count=total,
        start_cursor=_encode_cursor([str(docs[0]["_id"])]) if docs else None,
        end_cursor=_encode_cursor([str(docs[-1]["_id"])]) if docs else None,
        has_next_page=has_next,
        has_previous_page=after is not None,
    )


def trash_cursor(record: EntryRecord) -> str:
    return _encode_cursor([record.id])


async def search(*, db: Database, user_id: str, query: str, first: int = 50) -> list[EntryRecord]:
    """Live entries whose name contains `query`, ignoring case (the input is escaped)."""
    limit = min(max(first, 0), MAX_SEARCH)
    needle = names.name_key(query.strip())
    if not needle or limit == 0:
        return []
    cursor = (
        db["entries"]
        .find(
            {
                "owner_id": oid(user_id),
                "trashed": False,
                "parent_id": {"$ne": None},
                "name_key": {"$regex": re.escape(needle)},
            }
        )
        .sort("name_key", 1)
        .limit(limit)
    )
    return [entry_record(doc) async for doc in cursor]


async def usage(*, db: Database, user_id: str) -> Usage:
    """Bytes used (every file not purged, at its current revision) and the quota."""
    doc = await _user_doc(db, oid(user_id))
    return Usage(used_bytes=int(doc.get("used_bytes", 0)), quota_bytes=doc.get("quota_bytes"))


# ---------------------------------------------------------------------------- revisions


async def list_revisions(
    *, db: Database, user_id: str, file_id: str, first: int = 20
) -> list[RevisionRecord]:
    """A file's revisions, newest first."""
    doc = await _entry_doc(db, oid(user_id), file_id, include_trashed=True)
    if not doc["is_file"]:
        raise errors.NotFound()
    limit = min(max(first, 0), MAX_REVISIONS)
    if limit == 0:
        return []
    cursor = db["revisions"].find({"entry_id": doc["_id"]}).sort("rev", -1).limit(limit)
    return [revision_record(r) async for r in cursor]


async def get_revision(*, db: Database, user_id: str, file_id: str, rev: int) -> RevisionRecord:
    """One revision of the user's file; NotFound when there is no such revision."""
    doc = await _entry_doc(db, oid(user_id), file_id, include_trashed=True)
    if not doc["is_file"]:
        raise errors.NotFound()
    found = await db["revisions"].find_one({"entry_id": doc["_id"], "rev": rev})
    if found is None:
        raise errors.NotFound("This file has no such revision.")
    return revision_record(found)


async def get_revision_blob(*, db: Database, user_id: str, file_id: str, rev: int) -> str:
    """The blob id holding revision `rev` of the file (Sync reads a merge base with it)."""
    return (await get_revision(db=db, user_id=user_id, file_id=file_id, rev=rev)).blob_id


async def fetch_file(
    *, db: Database, user_id: str, file_id: str, rev: int | None = None
) -> EntryRecord:
    """The file, with size, hashes and blob of revision `rev` (default: the current one)."""
    doc = await _entry_doc(db, oid(user_id), file_id, include_trashed=True)
    if not doc["is_file"] or doc.get("blob_id") is None:
        raise errors.NotFound()
    record = entry_record(doc)
    if rev is None or rev == record.rev:
        return record
    revision = await get_revision(db=db, user_id=user_id, file_id=file_id, rev=rev)
    return replace(
        record,
        rev=revision.rev,
        size=revision.size,
        content_hash=revision.content_hash,
        sha256=revision.sha256,
        blob_id=revision.blob_id,
    )


async def read_file_bytes(
    *, db: Database, user_id: str, file_id: str, rev: int | None = None, limit: int
) -> bytes:
    """A small file's bytes at a revision (merges)."""
    record = await fetch_file(db=db, user_id=user_id, file_id=file_id, rev=rev)
    assert record.blob_id is not None
    return await blobs.read_all(db=db, blob_id=record.blob_id, limit=limit)


# ---------------------------------------------------------------------------- quota


async def _reserve(db: Database, owner: ObjectId, delta: int) -> None:
    """Take `delta` bytes of the owner's quota atomically, or QuotaExceeded (invariant 4)."""
    if delta <= 0:
        return
    user = await _user_doc(db, owner)
    quota = user.get("quota_bytes")
    query: dict[str, Any] = {"_id": owner}
    if quota is not None:
        if delta > quota:
            raise errors.QuotaExceeded()
        query["used_bytes"] = {"$lte": quota - delta}
    result = await db["users"].update_one(query, {"$inc": {"used_bytes": delta}})
    if result.matched_count == 0:
        raise errors.QuotaExceeded()


async def _release(db: Database, owner: ObjectId, delta: int) -> None:
    if delta > 0:
        await db["users"].update_one({"_id": owner}, {"$inc": {"used_bytes": -delta}})


async def _quota_left(db: Database, owner: ObjectId, *, freed: int = 0) -> int | None:
    user = await _user_doc(db, owner)
    quota = user.get("quota_bytes")
    if quota is None:
        return None
    return max(int(quota) - int(user.get("used_bytes", 0)) + freed, 0)


# ---------------------------------------------------------------------------- writing


def _file_fields(blob: blobs.BlobRecord, *, blob_oid: ObjectId, name: str) -> dict[str, Any]:
    return {
        "size": blob.size,
        "content_hash": blob.content_hash,
        "sha256": blob.sha256,
        "blob_id": blob_oid,
        "mime_type": mime_type_for(name),
    }


async def _record_revision(
    db: Database,
    *,
    entry_id: ObjectId,
    owner: ObjectId,
    rev: int,
    fields: dict[str, Any],
    at: datetime,
) -> None:
    await db["revisions"].insert_one(
        {
            "entry_id": entry_id,
            "owner_id": owner,
            "rev": rev,
            "blob_id": fields["blob_id"],
            "size": fields["size"],
            "content_hash": fields["content_hash"],
            "sha256": fields["sha256"],
            "created_at": at,
        }
    )


async def _insert_file(
    db: Database,
    *,
    owner: ObjectId,
    parent: ObjectId,
    name: str,
    fields: dict[str, Any],
) -> dict[str, Any]:
    """Insert a new file (rev 1); DuplicateKeyError when the name is taken."""
    entry_id = ObjectId()
    at = now()
    key = names.name_key(name)
    await _reserve(db, owner, fields["size"])
    try:
        async with journal.change(db=db, owner_id=owner) as seq:
            doc = {
                "_id": entry_id,
                "owner_id": owner,
                "parent_id": parent,
                "name": name,
                "name_key": key,
                "slot": key,
                "is_file": True,
                "rev": 1,
                **fields,
                "mime_type": mime_type_for(name),
                "created_at": at,
                "modified_at": at,
                "trashed": False,
                "trashed_at": None,
                "trash_root": False,
                "deleted": False,
                "seq": seq,
            }
            await db["entries"].insert_one(doc)
    except BaseException:
        await _release(db, owner, fields["size"])
        raise
    await _record_revision(db, entry_id=entry_id, owner=owner, rev=1, fields=fields, at=at)
    return doc


async def _insert_with_names(
    db: Database,
    *,
    owner: ObjectId,
    parent: ObjectId,
    candidates: list[str] | Any,
    fields: dict[str, Any],
) -> dict[str, Any]:
    """Insert under the first free name of `candidates`; NameTaken when none is free."""
    for candidate in candidates:
        try:
            return await _insert_file(db, owner=owner, parent=parent, name=candidate, fields=fields)
        except DuplicateKeyError:
            continue
    raise errors.NameTaken()


async def _new_revision(
    db: Database, *, current: dict[str, Any], fields: dict[str, Any]
) -> dict[str, Any] | None:
    """Make `fields` the next revision if the file is still at current's rev; else None.

    The revision record is inserted first: the unique (entry_id, rev) index lets
    exactly one writer claim rev N+1 on every backend. A conditional update alone is
    not enough on FerretDB v1, which evaluates it without isolation (several writers
    all match the old rev and the last one silently wins).
    """
    owner: ObjectId = current["owner_id"]
    delta = fields["size"] - int(current.get("size", 0))
    at = now()
    rev = int(current["rev"]) + 1
    try:
        await _record_revision(
            db, entry_id=current["_id"], owner=owner, rev=rev, fields=fields, at=at
        )
    except DuplicateKeyError:
        return None  # another writer took this revision first
    updated: dict[str, Any] | None = None
    try:
        await _reserve(db, owner, delta)
        try:
            async with journal.change(db=db, owner_id=owner) as seq:
                result = await db["entries"].update_one(
                    {
                        "_id": current["_id"],
                        "rev": current["rev"],
                        "trashed": False,
                        "deleted": False,
                    },
                    {
                        "$set": {
                            **{k: v for k, v in fields.items() if k != "mime_type"},
                            "rev": rev,
                            "modified_at": at,
                            "seq": seq,
                        }
                    },
                )
                if result.matched_count == 1:
                    updated = {**current, **fields, "rev": rev, "modified_at": at, "seq": seq}
                    updated["mime_type"] = current.get("mime_type", fields["mime_type"])
        finally:
            if updated is None:
                await _release(db, owner, delta)
    finally:
        if updated is None:
            await db["revisions"].delete_one({"entry_id": current["_id"], "rev": rev})
    if updated is None:
        return None
    await _release(db, owner, -delta)
    return updated


async def _find_live_child(
    db: Database, owner: ObjectId, parent: ObjectId, name: str
) -> dict[str, Any] | None:
    doc: dict[str, Any] | None = await db["entries"].find_one(
        {"owner_id": owner, "parent_id": parent, "slot": names.name_key(name)}
    )
    return doc


async def store_file(
    *,
    db: Database,
    settings: Settings,
    user_id: str,
    file_obj: blobs.Readable,
    folder_id: str | None,
    name: str,
    mode: str = "add",
    parent_rev: int | None = None,
    autorename: bool = False,
    content_hash: str | None = None,
    username: str | None = None,
) -> EntryRecord:
    """Stream an upload into the folder under `name` with Dropbox's write modes.

    add: never replaces (NameTaken, or a free "name (1)" with autorename);
    overwrite: a new revision whatever the current one is; update: a new revision only
    while the file is still at `parent_rev`, else Conflict (or a conflicted copy with
    autorename). The same content as the current revision changes nothing.
    """
    if mode not in WRITE_MODES:
        raise errors.BadInput(f"mode must be one of {', '.join(WRITE_MODES)}.")
    if mode == "update" and parent_rev is None:
        raise errors.BadInput("mode UPDATE needs parentRev.")
    name = names.validate_name(name)
    owner = oid(user_id)
    folder = await get_folder(db=db, user_id=user_id, folder_id=folder_id)
    parent = ObjectId(folder.id)
    existing = await _find_live_child(db, owner, parent, name)
    freed = (
        int(existing.get("size", 0)) if existing and existing["is_file"] and mode != "add" else 0
    )
    blob = await blobs.write_blob(
        db=db,
        stream=file_obj,
        max_bytes=settings.max_upload_bytes,
        quota_left=await _quota_left(db, owner, freed=freed),
        expected_content_hash=content_hash,
        filename=name,
    )
    fields = _file_fields(blob, blob_oid=ObjectId(blob.blob_id), name=name)
    # Bytes are stored (invariant 1); from here on only metadata is written.
    for _ in range(MAX_ATTEMPTS):
        current = await _find_live_child(db, owner, parent, name)
        if current is None:
            try:
                return entry_record(
                    await _insert_file(db, owner=owner, parent=parent, name=name, fields=fields)
                )
            except DuplicateKeyError:
                continue  # someone took the name meanwhile: look again
        if current["is_file"] and current.get("sha256") == blob.sha256:
            return entry_record(current)  # the same bytes: nothing to do
        if not current["is_file"] or mode == "add":
            if not autorename:
                raise errors.NameTaken()
            doc = await _insert_with_names(
                db,
                owner=owner,
                parent=parent,
                candidates=names.autorename_candidates(name),
                fields=fields,
            )
            return entry_record(doc)
        if mode == "update" and current["rev"] != parent_rev:
            if autorename:
                return await _conflicted_copy(
                    db, owner=owner, parent=parent, name=name, fields=fields, username=username
                )
            raise errors.Conflict(current=entry_record(current), your_parent_rev=parent_rev)
        updated = await _new_revision(db, current=current, fields=fields)
        if updated is not None:
            return entry_record(updated)
        # The file moved on between our read and our write: overwrite looks again,
        # update reports the conflict on the next pass.
    raise errors.Conflict("Too many concurrent writers; try again.")


async def _conflicted_copy(
    db: Database,
    *,
    owner: ObjectId,
    parent: ObjectId,
    name: str,
    fields: dict[str, Any],
    username: str | None,
) -> EntryRecord:
    if username is None:
        username = str((await _user_doc(db, owner))["username"])
    copy_name = names.conflicted_copy_name(name, username, now().date())
    candidates = [copy_name, *names.autorename_candidates(copy_name)]
    doc = await _insert_with_names(
        db, owner=owner, parent=parent, candidates=candidates, fields=fields
    )
    return entry_record(doc)


async def store_conflicted_copy(
    *,
    db: Database,
    user_id: str,
    folder_id: str,
    name: str,
    blob: blobs.BlobRecord,
    username: str | None = None,
) -> EntryRecord:
    """Keep bytes already stored as "name (user's conflicted copy DATE)" (Sync's KEEP_BOTH)."""
    owner = oid(user_id)
    folder = await get_folder(db=db, user_id=user_id, folder_id=folder_id)
    fields = _file_fields(blob, blob_oid=ObjectId(blob.blob_id), name=name)
    return await _conflicted_copy(
        db, owner=owner, parent=ObjectId(folder.id), name=name, fields=fields, username=username
    )


async def commit_revision(
    *, db: Database, user_id: str, file_id: str, parent_rev: int, blob: blobs.BlobRecord
) -> EntryRecord:
    """Make stored bytes the file's next revision if it is still at `parent_rev` (Conflict)."""
    current = await _entry_doc(db, oid(user_id), file_id)
    if not current["is_file"]:
        raise errors.NotFound()
    if current["rev"] != parent_rev:
        raise errors.Conflict(current=entry_record(current), your_parent_rev=parent_rev)
    if current.get("sha256") == blob.sha256:
        return entry_record(current)
    fields = _file_fields(blob, blob_oid=ObjectId(blob.blob_id), name=current["name"])
    updated = await _new_revision(db, current=current, fields=fields)
    if updated is None:
        latest = await _entry_doc(db, oid(user_id), file_id)
        raise errors.Conflict(current=entry_record(latest), your_parent_rev=parent_rev)
    return entry_record(updated)


async def restore_revision(*, db: Database, user_id: str, file_id: str, rev: int) -> EntryRecord:
    """Make an old revision's bytes the file's newest revision."""
    revision = await get_revision(db=db, user_id=user_id, file_id=file_id, rev=rev)
    for _ in range(MAX_ATTEMPTS):
        current = await _entry_doc(db, oid(user_id), file_id)
        if current.get("sha256") == revision.sha256:
            return entry_record(current)
        fields = {
            "size": revision.size,
            "content_hash": revision.content_hash,
            "sha256": revision.sha256,
            "blob_id": ObjectId(revision.blob_id),
            "mime_type": current.get("mime_type", FALLBACK_MIME),
        }
        updated = await _new_revision(db, current=current, fields=fields)
        if updated is not None:
            return entry_record(updated)
    raise errors.Conflict("Too many concurrent writers; try again.")


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
    doc = await _entry_doc(db, oid(user_id), entry_id)
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
    doc = await _entry_doc(db, owner, entry_id)
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
    await _reserve(db, owner, total)
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
                await _record_revision(
                    db, entry_id=copy["_id"], owner=owner, rev=1, fields=copy, at=at
                )
            if is_top:
                top = copy
    except DuplicateKeyError:
        await _release(db, owner, total - copied)
        if top is None:
            raise errors.NameTaken() from None
        raise
    except BaseException:
        await _release(db, owner, total - copied)
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
    doc = await _entry_doc(db, owner, entry_id, include_trashed=True)
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
    doc = await _entry_doc(db, owner, entry_id, include_trashed=True)
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
    await _release(db, owner, freed)
    return True
