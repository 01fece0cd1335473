"""Questions other modules ask of entries: the change feed's page (files/journal.py),
upkeep's and admin's counts and prunes, blob gc, thumbnails, links, and the blocks an
upload may reuse. Part of the entries' repository: files/store.py re-exports it."""

from __future__ import annotations

from typing import Any

from bson import ObjectId

from dropbox_lite.core.db import Database
from dropbox_lite.files.entry_doc import ENTRIES, EntryDoc


async def find_sorted(db: Database, query: dict[str, Any], limit: int) -> list[EntryDoc]:
    """Up to `limit` entries matching `query` by (seq, _id), in one batch (a getMore would
    be another round trip): the change feed's page (files/journal.py)."""
    cursor = (
        db.collection(ENTRIES)
        .find(query)
        .sort([("seq", 1), ("_id", 1)])
        .limit(limit)
        .batch_size(limit)
    )
    return [doc async for doc in cursor]


async def any_entry(db: Database, query: dict[str, Any]) -> bool:
    """Whether any entry matches `query`."""
    return await db.collection(ENTRIES).find_one(query, {"_id": 1}) is not None


async def delete_tombstones(db: Database, owner_id: ObjectId, up_to_seq: int) -> int:
    """Delete the owner's deletion tombstones numbered at most `up_to_seq`; how many."""
    result = await db.collection(ENTRIES).delete_many(
        {"owner_id": owner_id, "deleted": True, "seq": {"$lte": up_to_seq}}
    )
    return int(result.deleted_count)


async def live_file_owner(db: Database, file_id: ObjectId) -> ObjectId | None:
    """The owner of a live file (whatever its state in the trash); None if none."""
    doc = await db.collection(ENTRIES).find_one(
        {"_id": file_id, "is_file": True, "deleted": {"$ne": True}}, {"owner_id": 1}
    )
    return None if doc is None else ObjectId(doc["owner_id"])


async def count_live(db: Database) -> tuple[int, int]:
    """How many entries are not deleted, and how many of them are files (admin stats)."""
    live = {"deleted": {"$ne": True}}
    entries = int(await db.collection(ENTRIES).count_documents(live))
    files = int(await db.collection(ENTRIES).count_documents({**live, "is_file": True}))
    return entries, files


async def holds_content(db: Database, content_hash: str) -> bool:
    """Whether an entry has this content (thumbnails' pruning)."""
    return (
        await db.collection(ENTRIES).find_one({"content_hash": content_hash}, {"_id": 1})
        is not None
    )


async def holds_blob(db: Database, blob_id: ObjectId) -> bool:
    """Whether an entry holds this blob, whole or as one of its blocks (blob gc)."""
    query = {"$or": [{"blob_id": blob_id}, {"block_ids": blob_id}]}
    return await db.collection(ENTRIES).find_one(query, {"_id": 1}) is not None


async def entries_with_blocks(
    db: Database, scope: dict[str, Any], digests: list[str]
) -> list[tuple[list[str], list[ObjectId]]]:
    """The live entries in `scope` holding any of these blocks: (digests, block ids) of
    each."""
    cursor = db.collection(ENTRIES).find(
        {**scope, "blocks": {"$in": digests}, "deleted": False}, {"blocks": 1, "block_ids": 1}
    )
    return [(doc.get("blocks") or [], doc.get("block_ids") or []) async for doc in cursor]
