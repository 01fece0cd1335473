"""Queries on entries: plain reads and writes of one entry or many.

An entry document is made only by `new_entry` in entry_doc.py (the stored shape and
the slot rule: the unique (owner, parent, slot) index keeps names unique among live
entries, because FerretDB v1 has no partial indexes). Datetimes come back through
core/clock.aware, as UTC.

Every query on entries and revisions in the files services is here or in
trash_store.py (the trash, purging), share_marks.py (shared-folder marks),
entry_queries.py (what the feed, upkeep, admin, blob gc and uploads ask of entries) and
revision_store.py (revisions), all re-exported here with entry_doc's names (quota.py
keeps its own ledger's queries, block_store.py GridFS's). Services import
DuplicateKeyError from here: only the stores import the driver (tests/test_layers.py).
"""

from __future__ import annotations

from collections.abc import AsyncIterator
from datetime import datetime
from typing import Any

from bson import ObjectId
from pymongo.errors import BulkWriteError, DuplicateKeyError

from dropbox_lite.auth import user_store
from dropbox_lite.core.db import Database, update_unique
from dropbox_lite.files.entry_doc import ENTRIES as ENTRIES
from dropbox_lite.files.entry_doc import (
    Ancestor,
    FileFields,
    NameAndParent,
    OwnedFile,
    owned_or_shared,
)
from dropbox_lite.files.entry_doc import EntryDoc as EntryDoc
from dropbox_lite.files.entry_doc import changed as changed
from dropbox_lite.files.entry_doc import live_slot as live_slot
from dropbox_lite.files.entry_doc import new_entry as new_entry
from dropbox_lite.files.entry_doc import trashed_slot as trashed_slot
from dropbox_lite.files.entry_queries import any_entry as any_entry
from dropbox_lite.files.entry_queries import count_live as count_live
from dropbox_lite.files.entry_queries import delete_tombstones as delete_tombstones
from dropbox_lite.files.entry_queries import entries_with_blocks as entries_with_blocks
from dropbox_lite.files.entry_queries import find_sorted as find_sorted
from dropbox_lite.files.entry_queries import holds_blob as holds_blob
from dropbox_lite.files.entry_queries import holds_content as holds_content
from dropbox_lite.files.entry_queries import live_file_owner as live_file_owner
from dropbox_lite.files.revision_store import REVISIONS as REVISIONS
from dropbox_lite.files.revision_store import RevisionSummary as RevisionSummary
from dropbox_lite.files.revision_store import StoredRevision as StoredRevision
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
from dropbox_lite.files.revision_store import revisions_with_blocks as revisions_with_blocks
from dropbox_lite.files.revision_store import total_size as total_size
from dropbox_lite.files.share_marks import end_share as end_share
from dropbox_lite.files.share_marks import marks_below as marks_below
from dropbox_lite.files.share_marks import mounts_of as mounts_of
from dropbox_lite.files.share_marks import restamp as restamp
from dropbox_lite.files.share_marks import restamp_many as restamp_many
from dropbox_lite.files.share_marks import set_share as set_share
from dropbox_lite.files.share_marks import usernames as usernames
from dropbox_lite.files.trash_store import back_with_folder as back_with_folder
from dropbox_lite.files.trash_store import count_trash as count_trash
from dropbox_lite.files.trash_store import expired_trash as expired_trash
from dropbox_lite.files.trash_store import mark_purged as mark_purged
from dropbox_lite.files.trash_store import restore_many as restore_many
from dropbox_lite.files.trash_store import trash_alone as trash_alone
from dropbox_lite.files.trash_store import trash_many as trash_many
from dropbox_lite.files.trash_store import trash_page as trash_page
from dropbox_lite.files.trash_store import trash_with_folder as trash_with_folder
from dropbox_lite.files.trash_store import untrash as untrash

__all__ = [
    "DuplicateKeyError",
    "EntryDoc",
    "changed",
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

# How far up (or down) the tree a walk goes before it gives up.
MAX_DEPTH = 10_000


async def insert_entry(db: Database, doc: EntryDoc) -> None:
    """Store a new entry; DuplicateKeyError when its name is taken in its folder."""
    await db.collection(ENTRIES).insert_one(dict(doc))


async def find_live_child(
    db: Database, owner: ObjectId, parent: ObjectId, name: str
) -> EntryDoc | None:
    """The live entry named `name` (ignoring case) in the folder, if any."""
    doc: EntryDoc | None = await db.collection(ENTRIES).find_one(
        {"owner_id": owner, "parent_id": parent, "slot": live_slot(name)}
    )
    return doc


async def find_entry(
    db: Database, owner: ObjectId, entry_id: ObjectId, *, include_trashed: bool = False
) -> EntryDoc | None:
    """The owner's entry that is not purged (and not trashed, unless asked), if any."""
    doc = await _by_id(db, entry_id)
    if doc is None or doc["owner_id"] != owner or doc["deleted"] is not False:
        return None
    return doc if include_trashed or doc["trashed"] is False else None


async def find_live_child_by_key(
    db: Database, owner: ObjectId, parent: ObjectId, key: str
) -> EntryDoc | None:
    """The live, untrashed entry whose slot is `key` in the folder (path resolution)."""
    doc: EntryDoc | None = await db.collection(ENTRIES).find_one(
        {"owner_id": owner, "parent_id": parent, "slot": key, "trashed": False}
    )
    return doc


async def names_and_parents(db: Database, ids: list[ObjectId]) -> dict[ObjectId, NameAndParent]:
    """Name and parent of each entry, in one query (paths are built from them)."""
    return {
        doc["_id"]: doc
        async for doc in db.collection(ENTRIES).find(
            {"_id": {"$in": ids}}, {"name": 1, "parent_id": 1}
        )
    }


async def walk_up(
    db: Database, start: ObjectId | None, *, fields: tuple[str, ...], stop: ObjectId | None = None
) -> AsyncIterator[tuple[ObjectId, Ancestor | None]]:
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
        doc: Ancestor | None = await db.collection(ENTRIES).find_one({"_id": current}, projection)
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
) -> list[EntryDoc]:
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
    cursor = db.collection(ENTRIES).find(query).sort([("is_file", 1), ("name_key", 1)]).limit(limit)
    return [doc async for doc in cursor]


async def count_children(
    db: Database, owner: ObjectId, parent: ObjectId, share: ObjectId | None = None
) -> int:
    """How many live children the folder has (inside the shared folder `share`)."""
    query: dict[str, Any] = {"owner_id": owner, "parent_id": parent, "trashed": False}
    if share is not None:
        query["share_id"] = share
    return int(await db.collection(ENTRIES).count_documents(query))


async def entry_rev(db: Database, entry_id: ObjectId) -> int | None:
    """The entry's current rev; None when there is no such entry."""
    doc = await db.collection(ENTRIES).find_one({"_id": entry_id}, {"rev": 1})
    return None if doc is None else int(doc.get("rev", 0))


async def move_to_revision(
    db: Database,
    current: EntryDoc,
    *,
    rev: int,
    fields: FileFields,
    at: datetime,
    seq: int,
) -> bool:
    """Point the live file at revision `rev` if it is still at current's rev."""
    result = await db.collection(ENTRIES).update_one(
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
    async for doc in db.collection(ENTRIES).find(
        {"_id": {"$in": entry_ids}, "deleted": False}, {"rev": 1}
    ):
        found[doc["_id"]] = int(doc.get("rev", 0))
    return found


async def owner_files(db: Database, owner: ObjectId) -> AsyncIterator[OwnedFile]:
    """The owner's files that are not purged (id, rev, size, content): what counts against
    the quota."""
    query = {"owner_id": owner, "is_file": True, "deleted": False}
    async for doc in db.collection(ENTRIES).find(
        query, dict.fromkeys(OwnedFile.__annotations__, 1)
    ):
        yield doc


async def find_by_name(
    db: Database,
    owner: ObjectId,
    pattern: str,
    *,
    limit: int,
    shares: list[ObjectId] | None = None,
) -> list[EntryDoc]:
    """Live entries (not the root) whose name key matches the regular expression, by name.

    With `shares`: also those inside these shared folders (not the folders themselves).
    """
    cursor = (
        db.collection(ENTRIES)
        .find(
            {
                **owned_or_shared(owner, shares or []),
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
) -> EntryDoc | None:
    """The entry with this id, whoever owns it (a tombstone too unless `with_purged` is off)."""
    doc = await _by_id(db, entry_id)
    return doc if doc is None or with_purged or doc["deleted"] is False else None


async def _by_id(
    db: Database, entry_id: ObjectId | None, fields: tuple[str, ...] | None = None
) -> EntryDoc | None:
    """The entry with this id, by its id alone (FerretDB v1 uses the `_id` index only for a
    filter that is exactly `{_id: ...}`, else reads every entry): callers check the rest."""
    projection = None if fields is None else dict.fromkeys(fields, 1)
    doc: EntryDoc | None = await db.collection(ENTRIES).find_one({"_id": entry_id}, projection)
    return doc


async def owner_of(db: Database, entry_id: ObjectId, *, files_only: bool) -> ObjectId | None:
    """The owner of the entry if it is not purged (and is a file, if asked)."""
    doc = await _by_id(db, entry_id, ("owner_id", "deleted", "is_file"))
    if doc is None or doc.get("deleted") is True or (files_only and doc["is_file"] is not True):
        return None
    return ObjectId(doc["owner_id"])


async def find_live_folder(db: Database, owner: ObjectId, folder_id: ObjectId | None) -> bool:
    """Whether the owner's folder is live (neither trashed nor purged)."""
    doc = await _by_id(db, folder_id, ("owner_id", "trashed", "deleted"))
    live = doc is not None and doc["trashed"] is False and doc["deleted"] is False
    return live and doc is not None and doc["owner_id"] == owner


async def children_of(
    db: Database, owner: ObjectId, parents: list[ObjectId], *, include_deleted: bool
) -> list[EntryDoc]:
    """The entries directly in any of `parents` (tombstones too with include_deleted)."""
    query: dict[str, Any] = {"owner_id": owner, "parent_id": {"$in": parents}}
    if not include_deleted:
        query["deleted"] = False
    return [doc async for doc in db.collection(ENTRIES).find(query)]


async def relocate(
    db: Database, doc: EntryDoc, changes: dict[str, Any], *, live_only: bool = True
) -> bool:
    """Give the entry `changes` (a new folder or name) if it is still in its folder.

    DuplicateKeyError when the name is taken there; False when the entry moved on.
    """
    query: dict[str, Any] = {"_id": doc["_id"], "parent_id": doc["parent_id"]}
    if live_only:
        query["trashed"] = False
    result = await update_unique(db.collection(ENTRIES), query, {"$set": changes})
    return bool(result.matched_count)


# -- many entries at once (operations on a subtree) ---------------------------------------


async def insert_entries(db: Database, docs: list[EntryDoc]) -> None:
    """Store new entries in one write per thousand (DuplicateKeyError on a taken name)."""
    for start in range(0, len(docs), 1000):
        await db.collection(ENTRIES).insert_many([dict(d) for d in docs[start : start + 1000]])


async def insert_new_entries(db: Database, docs: list[EntryDoc]) -> list[int]:
    """Store new entries in one write (unordered): the positions of those whose name was
    taken (each refused on its own; every other one is stored)."""
    if not docs:
        return []
    try:
        await db.collection(ENTRIES).insert_many([dict(d) for d in docs], ordered=False)
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
    return {
        doc["_id"] async for doc in db.collection(ENTRIES).find({"_id": {"$in": ids}}, {"_id": 1})
    }


async def forget_unseen(db: Database, ids: list[ObjectId]) -> None:
    """Delete entries no reader can have seen yet (their change number still open), and
    their revisions: what a copy that failed had written."""
    if ids:
        await drop_claims(db, ids)
        await db.collection(ENTRIES).delete_many({"_id": {"$in": ids}})


async def user_exists(db: Database, user_id: ObjectId) -> bool:
    """Whether the account exists (its root is made before it: see entries.NewAccount)."""
    return await user_store.user_exists(db=db, user_id=user_id)


async def delete_root(db: Database, owner: ObjectId, root_id: ObjectId) -> None:
    """Delete the root folder of an account that never came to be (nothing is in it)."""
    await db.collection(ENTRIES).delete_one({"_id": root_id, "owner_id": owner, "parent_id": None})
