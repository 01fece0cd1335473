"""Queries on entries in and out of the trash: the trash's pages, expired trash, trashing
and bringing back one entry or many, and purging (tombstones). store.py re-exports them."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from bson import ObjectId

from dropbox_lite.core.db import Database, update_unique
from dropbox_lite.files.entry_doc import ENTRIES, EntryDoc, Owned, owned_or_shared, trashed_slot

_TRASH_ROOTS: dict[str, Any] = {"trashed": True, "trash_root": True, "deleted": False}


async def trash_page(
    db: Database,
    owner: ObjectId,
    *,
    before: ObjectId | None,
    limit: int,
    shares: list[ObjectId] | None = None,
) -> list[EntryDoc]:
    """Up to `limit` entries deleted explicitly, newest first, older than `before`.

    With `shares`: also those deleted inside these shared folders.
    """
    query: dict[str, Any] = {**owned_or_shared(owner, shares or []), **_TRASH_ROOTS}
    if before is not None:
        query["_id"] = {"$lt": before}
    return [doc async for doc in db.collection(ENTRIES).find(query).sort("_id", -1).limit(limit)]


async def expired_trash(db: Database, *, before: datetime, limit: int) -> list[Owned]:
    """Entries deleted explicitly before `before` (any owner), oldest first: owner_id and _id."""
    query = {**_TRASH_ROOTS, "trashed_at": {"$lt": before}}
    cursor = db.collection(ENTRIES).find(query, {"owner_id": 1}).sort("trashed_at", 1).limit(limit)
    return [doc async for doc in cursor]


async def count_trash(db: Database, owner: ObjectId, shares: list[ObjectId] | None = None) -> int:
    """How many entries the owner deleted explicitly (the trash's top level)."""
    query = {**owned_or_shared(owner, shares or []), **_TRASH_ROOTS}
    return int(await db.collection(ENTRIES).count_documents(query))


async def trash_with_folder(db: Database, entry: EntryDoc, *, at: datetime, seq: int) -> bool:
    """Trash a live entry with the folder it is in (not a trash root of its own).

    Not if it was moved out meanwhile: its new folder decides.
    """
    result = await db.collection(ENTRIES).update_one(
        {"_id": entry["_id"], "parent_id": entry["parent_id"], "trashed": False},
        {"$set": {"trashed": True, "trash_root": False, "trashed_at": at, "seq": seq}},
    )
    return bool(result.matched_count)


async def back_with_folder(db: Database, entry: EntryDoc, *, seq: int) -> bool:
    """Bring back an entry that went to the trash with its folder (not one deleted alone)."""
    result = await db.collection(ENTRIES).update_one(
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
    result = await db.collection(ENTRIES).update_one(query, {"$set": changes})
    return bool(result.matched_count)


async def untrash(db: Database, entry_id: ObjectId, changes: dict[str, Any]) -> bool:
    """Bring a trashed entry back (DuplicateKeyError when its name is taken meanwhile)."""
    result = await update_unique(
        db.collection(ENTRIES),
        {"_id": entry_id, "trashed": True, "deleted": False},
        {"$set": changes},
    )
    return bool(result.matched_count)


async def mark_purged(db: Database, entry: EntryDoc, *, seq: int) -> bool:
    """Purge an entry, leaving a tombstone for the change feed: True when this call did."""
    result = await db.collection(ENTRIES).update_one(
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


async def trash_many(
    db: Database, ids: list[ObjectId], *, folders: list[ObjectId], at: datetime, seq: int
) -> int:
    """Trash live entries with the folder above them, in one write.

    Only those still in one of `folders` (the subtree's folders): one moved out
    meanwhile follows its new folder.
    """
    if not ids:
        return 0
    result = await db.collection(ENTRIES).update_many(
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
    result = await db.collection(ENTRIES).update_many(
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
