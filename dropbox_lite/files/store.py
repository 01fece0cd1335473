"""The stored shape of entries and revisions, built in one place, and queries on them.

An entry document is made only by `new_entry` (the root, a folder, an uploaded
file, a copy); `slot` follows one rule (`live_slot` / `trashed_slot`): the unique
(owner, parent, slot) index keeps names unique among live entries, because
FerretDB v1 has no partial indexes. Datetimes come back from `aware`, as UTC.

Services in files/ import DuplicateKeyError from here, not from the driver: only
this module, the quota ledger's queries and blobs.py talk to the database
directly (see tests/files/test_layers.py).
"""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any, NotRequired, TypedDict

from bson import ObjectId
from pymongo.errors import DuplicateKeyError

from dropbox_lite.core.db import Database
from dropbox_lite.files import names

__all__ = [
    "DuplicateKeyError",
    "EntryDoc",
    "RevisionDoc",
    "aware",
    "find_live_child",
    "insert_entry",
    "insert_revision",
    "live_slot",
    "new_entry",
    "new_revision",
    "trashed_slot",
]

ENTRIES = "entries"
REVISIONS = "revisions"


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
    blob_id: NotRequired[ObjectId | None]
    mime_type: NotRequired[str]


class RevisionDoc(TypedDict):
    entry_id: ObjectId
    owner_id: ObjectId
    rev: int
    blob_id: ObjectId
    size: int
    content_hash: str
    sha256: str
    created_at: datetime


def aware(value: datetime) -> datetime:
    """A stored datetime as UTC (mongomock returns naive ones)."""
    return value if value.tzinfo else value.replace(tzinfo=UTC)


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
) -> EntryDoc:
    """The one constructor of an entry document: live, at rev 1 (files) or 0 (folders).

    `file`: size, content_hash, sha256, blob_id and mime_type of a file's bytes.
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
        doc["blob_id"] = file["blob_id"]
        doc["mime_type"] = file["mime_type"]
    return doc


async def insert_entry(db: Database, doc: EntryDoc) -> None:
    """Store a new entry; DuplicateKeyError when its name is taken in its folder."""
    await db[ENTRIES].insert_one(dict(doc))


def new_revision(
    *, entry_id: ObjectId, owner: ObjectId, rev: int, fields: dict[str, Any], at: datetime
) -> RevisionDoc:
    """The record of revision `rev` of a file (its bytes as `fields` describe them)."""
    return {
        "entry_id": entry_id,
        "owner_id": owner,
        "rev": rev,
        "blob_id": fields["blob_id"],
        "size": int(fields["size"]),
        "content_hash": fields["content_hash"],
        "sha256": fields["sha256"],
        "created_at": at,
    }


async def insert_revision(db: Database, doc: RevisionDoc) -> None:
    """Store a revision record; DuplicateKeyError when that revision is claimed already."""
    await db[REVISIONS].insert_one(dict(doc))


async def find_live_child(
    db: Database, owner: ObjectId, parent: ObjectId, name: str
) -> dict[str, Any] | None:
    """The live entry named `name` (ignoring case) in the folder, if any."""
    doc: dict[str, Any] | None = await db[ENTRIES].find_one(
        {"owner_id": owner, "parent_id": parent, "slot": live_slot(name)}
    )
    return doc
