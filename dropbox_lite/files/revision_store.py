"""Every query on revisions (`revisions`): files/store.py re-exports these for the files
services.

A revision is `{_id, entry_id, owner_id, rev, blob_id, blocks, block_ids, size,
content_hash, sha256, created_at}` (its bytes: a block list, or an old whole-file blob).
One above its entry's rev is a claim: a write in flight (files/revisions.py). They leave
this module as `StoredRevision` records (`RevisionSummary` for what expiry reads); the
documents are built and read here only.
"""

from __future__ import annotations

from collections.abc import AsyncIterator, Mapping, Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from bson import ObjectId

from dropbox_lite.core.clock import aware
from dropbox_lite.core.db import Database
from dropbox_lite.files.entry_doc import Content

REVISIONS = "revisions"


@dataclass(frozen=True)
class StoredRevision:
    """A revision of a file as stored: its bytes (blocks, or an old whole-file blob)."""

    id: ObjectId
    entry_id: ObjectId
    owner_id: ObjectId
    rev: int
    blob_id: ObjectId | None  # an old whole-file blob, or None ...
    blocks: tuple[str, ...] | None  # ... and the block digests ...
    block_ids: tuple[ObjectId, ...] | None  # ... and their stored ids
    size: int
    content_hash: str
    sha256: str
    created_at: datetime


@dataclass(frozen=True)
class RevisionSummary:
    """Which revision of which file, its size and age: what expiry and purges read."""

    id: ObjectId
    entry_id: ObjectId
    rev: int
    size: int
    created_at: datetime


def _revision(doc: Mapping[str, Any]) -> StoredRevision:
    blocks = doc.get("blocks")
    block_ids = doc.get("block_ids")
    return StoredRevision(
        id=doc["_id"],
        entry_id=doc["entry_id"],
        owner_id=doc["owner_id"],
        rev=int(doc["rev"]),
        blob_id=doc.get("blob_id"),
        blocks=None if blocks is None else tuple(blocks),
        block_ids=None if block_ids is None else tuple(block_ids),
        size=int(doc["size"]),
        content_hash=str(doc["content_hash"]),
        sha256=str(doc.get("sha256", "")),
        created_at=aware(doc["created_at"]),
    )


# The fields a RevisionSummary is read from.
_SUMMARY = {"entry_id": 1, "rev": 1, "size": 1, "created_at": 1}


def _summary(doc: Mapping[str, Any]) -> RevisionSummary:
    return RevisionSummary(
        id=doc["_id"],
        entry_id=doc["entry_id"],
        rev=int(doc["rev"]),
        size=int(doc["size"]),
        created_at=aware(doc["created_at"]),
    )


def new_revision(
    *, entry_id: ObjectId, owner: ObjectId, rev: int, fields: Mapping[str, Any], at: datetime
) -> StoredRevision:
    """Revision `rev` of a file, its bytes as an entry's content `fields` name them."""
    blocks = fields.get("blocks")
    block_ids = fields.get("block_ids")
    return StoredRevision(
        id=ObjectId(),
        entry_id=entry_id,
        owner_id=owner,
        rev=rev,
        blob_id=fields.get("blob_id"),
        blocks=None if blocks is None else tuple(blocks),
        block_ids=None if block_ids is None else tuple(block_ids),
        size=int(fields["size"]),
        content_hash=str(fields["content_hash"]),
        sha256=str(fields["sha256"]),
        created_at=at,
    )


def content_fields(revision: StoredRevision) -> Content:
    """A revision's content as an entry's (or its own document's) fields: restoring it
    makes these the file's content again."""
    return {
        "blob_id": revision.blob_id,
        "blocks": None if revision.blocks is None else list(revision.blocks),
        "block_ids": None if revision.block_ids is None else list(revision.block_ids),
        "size": revision.size,
        "content_hash": revision.content_hash,
        "sha256": revision.sha256,
    }


def _doc(revision: StoredRevision) -> dict[str, Any]:
    return {
        "_id": revision.id,
        "entry_id": revision.entry_id,
        "owner_id": revision.owner_id,
        "rev": revision.rev,
        **content_fields(revision),
        "created_at": revision.created_at,
    }


async def insert_revision(db: Database, revision: StoredRevision) -> None:
    """Store a revision; DuplicateKeyError when that revision is claimed already."""
    await db.collection(REVISIONS).insert_one(_doc(revision))


async def revisions_of(
    db: Database, entry_id: ObjectId, *, up_to: int, limit: int
) -> list[StoredRevision]:
    """A file's revisions at or below `up_to` (above it: claims in flight), newest first."""
    cursor = (
        db.collection(REVISIONS)
        .find({"entry_id": entry_id, "rev": {"$lte": up_to}})
        .sort("rev", -1)
        .limit(limit)
    )
    return [_revision(doc) async for doc in cursor]


async def find_revision(db: Database, entry_id: ObjectId, rev: int) -> StoredRevision | None:
    """The record of revision `rev` of the file (or a claim of it), if any."""
    doc = await db.collection(REVISIONS).find_one({"entry_id": entry_id, "rev": rev})
    return None if doc is None else _revision(doc)


async def delete_revision(db: Database, revision_id: ObjectId) -> bool:
    """Delete one revision record: True when this call deleted it (its bytes are freed once)."""
    return bool((await db.collection(REVISIONS).delete_one({"_id": revision_id})).deleted_count)


async def drop_claim(db: Database, entry_id: ObjectId, rev: int) -> None:
    """Withdraw this writer's claim of revision `rev` (its write did not happen)."""
    await db.collection(REVISIONS).delete_one({"entry_id": entry_id, "rev": rev})


async def owner_revisions(
    db: Database, owner: ObjectId, *, oldest_from: datetime | None = None, limit: int = 0
) -> AsyncIterator[RevisionSummary]:
    """The owner's revisions (size, rev, entry, age), oldest first."""
    query: dict[str, Any] = {"owner_id": owner}
    if oldest_from is not None:
        query["created_at"] = {"$gte": oldest_from}
    cursor = db.collection(REVISIONS).find(query, _SUMMARY).sort([("created_at", 1), ("_id", 1)])
    if limit:
        cursor = cursor.limit(limit)
    async for doc in cursor:
        yield _summary(doc)


async def revisions_up_to(
    db: Database, entry_id: ObjectId, rev: int, *, below: bool = False
) -> AsyncIterator[RevisionSummary]:
    """The file's revisions at or below `rev` (strictly below with `below`)."""
    bound = {"$lt": rev} if below else {"$lte": rev}
    async for doc in db.collection(REVISIONS).find({"entry_id": entry_id, "rev": bound}, _SUMMARY):
        yield _summary(doc)


async def drop_revisions(db: Database, entry_id: ObjectId) -> None:
    """Delete every revision record of a purged file (claims in flight too)."""
    await db.collection(REVISIONS).delete_many({"entry_id": entry_id})


async def insert_revisions(db: Database, revisions: Sequence[StoredRevision]) -> None:
    """Record revisions in one write per thousand."""
    for start in range(0, len(revisions), 1000):
        batch = revisions[start : start + 1000]
        await db.collection(REVISIONS).insert_many([_doc(r) for r in batch])


async def drop_claims(db: Database, entry_ids: list[ObjectId]) -> None:
    """Withdraw the history records of new files whose entries were not inserted."""
    if entry_ids:
        await db.collection(REVISIONS).delete_many({"entry_id": {"$in": entry_ids}})


async def total_size(db: Database) -> int:
    """The bytes every revision record names, together (admin stats)."""
    total = 0
    async for doc in db.collection(REVISIONS).find({}, {"size": 1}):
        total += int(doc.get("size", 0))
    return total


async def holds_content(db: Database, content_hash: str) -> bool:
    """Whether a revision has this content (thumbnails' pruning)."""
    return (
        await db.collection(REVISIONS).find_one({"content_hash": content_hash}, {"_id": 1})
        is not None
    )


async def holds_blob(db: Database, blob_id: ObjectId) -> bool:
    """Whether a revision holds this blob, whole or as one of its blocks (blob gc)."""
    query = {"$or": [{"blob_id": blob_id}, {"block_ids": blob_id}]}
    return await db.collection(REVISIONS).find_one(query, {"_id": 1}) is not None


async def revisions_with_blocks(
    db: Database, owner_id: ObjectId, digests: list[str]
) -> list[tuple[list[str], list[ObjectId]]]:
    """The owner's revisions holding any of these blocks: (digests, block ids) of each."""
    cursor = db.collection(REVISIONS).find(
        {"owner_id": owner_id, "blocks": {"$in": digests}}, {"blocks": 1, "block_ids": 1}
    )
    return [(doc.get("blocks") or [], doc.get("block_ids") or []) async for doc in cursor]
