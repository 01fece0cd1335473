"""Blocks (and staged tails) as GridFS files, each block stored once by SHA-256 through
`blob_index` (see files/blobs.py)."""

from __future__ import annotations

import asyncio
import hashlib
from collections.abc import Sequence
from datetime import UTC, datetime
from typing import Any

from bson import ObjectId
from pymongo.errors import BulkWriteError, DuplicateKeyError, PyMongoError

from dropbox_lite.core.db import Database
from dropbox_lite.files.blob_handles import BLOCK_CHUNK_BYTES, BLOCK_SIZE, INDEX, chunk_id


def block_digest(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


async def find_block(db: Database, digest: str) -> ObjectId | None:
    """The stored block with this SHA-256, kept from gc for a grace period; None if none.

    Only for a writer that holds the block's bytes (or may see a file holding it):
    whether a block exists must never be told to anyone else.
    """
    # Touching `used_at` keeps gc off the block we are about to reference (gc deletes
    # an index document only while its `used_at` is older than the grace period).
    found = await db.collection(INDEX).find_one_and_update(
        {"_id": digest}, {"$set": {"used_at": datetime.now(UTC)}}
    )
    return None if found is None else ObjectId(found["blob_id"])


async def find_blocks(db: Database, digests: Sequence[str]) -> dict[str, ObjectId]:
    """The stored blocks among `digests`, kept from gc for a grace period (see find_block)."""
    wanted = list(dict.fromkeys(digests))
    if not wanted:
        return {}
    index = db.collection(INDEX)
    found = {
        doc["_id"]: ObjectId(doc["blob_id"])
        async for doc in index.find({"_id": {"$in": wanted}}, {"blob_id": 1})
    }
    if found:
        await index.update_many(
            {"_id": {"$in": list(found)}}, {"$set": {"used_at": datetime.now(UTC)}}
        )
    return found


async def store_block(db: Database, data: bytes, digest: str) -> ObjectId:
    """Store one block (at most BLOCK_SIZE bytes whose SHA-256 is `digest`) once.

    A full block is looked up first: bytes already stored are not written again. A
    short one (most small files) is written straight away, as new content usually is.
    """
    if len(data) > BLOCK_SIZE:
        raise ValueError(f"a block holds at most {BLOCK_SIZE} bytes, not {len(data)}")
    if len(data) == BLOCK_SIZE:
        found = await find_block(db, digest)
        if found is not None:
            return found
    file_id = ObjectId()
    docs = _chunk_docs(file_id, data)
    try:
        await _insert_chunks(db, docs)
        await db.collection("blobs.files").insert_one(
            {
                "_id": file_id,
                "length": len(data),
                "chunkSize": BLOCK_CHUNK_BYTES,
                "uploadDate": datetime.now(UTC),
                "filename": digest,
                "metadata": {"sha256": digest},
            }
        )
    except BaseException:
        await asyncio.shield(_drop_partial(db, file_id))
        raise
    content_hash = hashlib.sha256(bytes.fromhex(digest)).hexdigest()
    return await _dedup(db, file_id, digest, len(data), content_hash)


async def store_small_blocks(db: Database, blocks: Sequence[tuple[bytes, str]]) -> list[ObjectId]:
    """Store many short blocks (data, SHA-256) once each, with a few inserts in all
    (chunks, one per MiB; files documents; index entries) instead of three per block:
    many small files staged in one request. The stored id of each, in order."""
    own: dict[str, ObjectId] = {}
    sizes: dict[str, int] = {}
    chunks: list[dict[str, Any]] = []
    files: list[dict[str, Any]] = []
    at = datetime.now(UTC)
    for data, digest in blocks:
        if len(data) > BLOCK_SIZE:
            raise ValueError(f"a block holds at most {BLOCK_SIZE} bytes, not {len(data)}")
        if digest in own:
            continue
        file_id = own[digest] = ObjectId()
        sizes[digest] = len(data)
        chunks.extend(_chunk_docs(file_id, data))
        files.append(
            {
                "_id": file_id,
                "length": len(data),
                "chunkSize": BLOCK_CHUNK_BYTES,
                "uploadDate": at,
                "filename": digest,
                "metadata": {"sha256": digest},
            }
        )
    if not own:
        return []
    try:
        await _insert_chunks(db, chunks)
        await db.collection("blobs.files").insert_many(files, ordered=False)
    except BaseException:
        await asyncio.shield(_drop_many(db, list(own.values())))
        raise
    entries = [
        {
            "_id": digest,
            "blob_id": file_id,
            "size": sizes[digest],
            "content_hash": hashlib.sha256(bytes.fromhex(digest)).hexdigest(),
            "created_at": at,
            "used_at": at,
        }
        for digest, file_id in own.items()
    ]
    lost: list[str] = []
    try:
        await db.collection(INDEX).insert_many(entries, ordered=False)
    except BulkWriteError as clash:
        errors_seen = clash.details.get("writeErrors", [])
        if any(error.get("code") != 11000 for error in errors_seen):
            raise
        lost = [str(entries[int(error["index"])]["_id"]) for error in errors_seen]
    if lost:
        # Stored before by someone: use theirs (kept from gc by the touch), drop ours.
        await db.collection(INDEX).update_many({"_id": {"$in": lost}}, {"$set": {"used_at": at}})
        winners = {
            doc["_id"]: ObjectId(doc["blob_id"])
            async for doc in db.collection(INDEX).find({"_id": {"$in": lost}}, {"blob_id": 1})
        }
        ours = [own[digest] for digest in lost]
        for digest in lost:
            if digest in winners:
                own[digest] = winners[digest]
            else:  # swept in between: ours stands after all
                block_hash = hashlib.sha256(bytes.fromhex(digest)).hexdigest()
                own[digest] = await _dedup(db, own[digest], digest, sizes[digest], block_hash)
        await _drop_many(db, [oid for oid in ours if oid not in own.values()])
    return [own[digest] for _, digest in blocks]


async def _insert_chunks(db: Database, docs: list[dict[str, Any]]) -> None:
    """Insert chunk documents, at most about BLOCK_CHUNK_BYTES of data per command.

    The driver encodes each command in one of motor's worker threads, and glibc keeps
    a freed buffer of that size in the thread's own arena once its (dynamic) mmap
    threshold has risen to it: 4 MiB commands from a dozen threads held tens of MB
    (server peak RSS 154 MB for 256 MiB through tus after 200 parallel small uploads;
    105 MB with 1 MiB commands, at the same speed on FerretDB).
    """
    group: list[dict[str, Any]] = []
    size = 0
    for doc in docs:
        length = len(doc["data"])
        if group and size + length > BLOCK_CHUNK_BYTES:
            await db.collection("blobs.chunks").insert_many(group, ordered=True)
            group, size = [], 0
        group.append(doc)
        size += length
    if group:
        await db.collection("blobs.chunks").insert_many(group, ordered=True)


async def _drop_many(db: Database, file_ids: list[ObjectId]) -> None:
    if not file_ids:
        return
    try:
        await db.collection("blobs.chunks").delete_many({"files_id": {"$in": file_ids}})
        await db.collection("blobs.files").delete_many({"_id": {"$in": file_ids}})
    except PyMongoError:  # the database may be why we are aborting
        pass  # gc sweeps what is left


async def _drop_partial(db: Database, file_id: ObjectId) -> None:
    try:
        await db.collection("blobs.chunks").delete_many({"files_id": file_id})
        await db.collection("blobs.files").delete_one({"_id": file_id})
    except PyMongoError:  # the database may be why we are aborting
        pass  # gc sweeps chunks that have no files document


async def store_staged(db: Database, data: bytes) -> ObjectId:
    """Store bytes that are not a block yet (an upload session's unfinished tail).

    Not in the block index: nobody else can find it, and gc frees it once no
    session names it and it is older than the grace period.
    """
    file_id = ObjectId()
    docs = _chunk_docs(file_id, data)
    try:
        await _insert_chunks(db, docs)
        await db.collection("blobs.files").insert_one(
            {
                "_id": file_id,
                "length": len(data),
                "chunkSize": BLOCK_CHUNK_BYTES,
                "uploadDate": datetime.now(UTC),
                "filename": "staged",
                "metadata": {"staged": True},
            }
        )
    except BaseException:
        await asyncio.shield(_drop_partial(db, file_id))
        raise
    return file_id


async def drop_staged(db: Database, file_id: ObjectId) -> None:
    """Delete staged bytes nothing needs any more (never a block: blocks are shared)."""
    await _drop_partial(db, file_id)


async def keep_blocks(db: Database, block_ids: Sequence[ObjectId]) -> None:
    """Keep gc off these blocks for a grace period (a commit is about to name them)."""
    if block_ids:
        await db.collection(INDEX).update_many(
            {"blob_id": {"$in": list(block_ids)}}, {"$set": {"used_at": datetime.now(UTC)}}
        )


def _chunk_docs(file_id: ObjectId, data: bytes) -> list[dict[str, Any]]:
    """The chunk documents of `data` stored as `file_id`, in BLOCK_CHUNK_BYTES pieces.

    Each piece is plain `bytes` (the driver stores it as binary subtype 0, as `Binary`
    would): one copy of the data, where `Binary(data[a:b])` made two."""
    return [
        {
            "_id": chunk_id(file_id, n),
            "files_id": file_id,
            "n": n,
            "data": bytes(data[at : at + BLOCK_CHUNK_BYTES]),
        }
        for n, at in enumerate(range(0, len(data), BLOCK_CHUNK_BYTES))
    ]


async def _dedup(
    db: Database, own_id: ObjectId, sha256: str, size: int, content_hash: str
) -> ObjectId:
    """The blob to use for these bytes: an existing one (ours deleted) or ours.

    New content is the common case: its index entry is inserted straight away (one
    round trip); only when that clashes is the existing entry touched and used.
    """
    index = db.collection(INDEX)
    now = datetime.now(UTC)
    try:
        await index.insert_one(
            {
                "_id": sha256,
                "blob_id": own_id,
                "size": size,
                "content_hash": content_hash,
                "created_at": now,
                "used_at": now,
            }
        )
        return own_id
    except DuplicateKeyError:
        pass
    existing = await index.find_one_and_update({"_id": sha256}, {"$set": {"used_at": now}})
    if existing is None:  # the winner was swept in between: keep ours
        return await _dedup(db, own_id, sha256, size, content_hash)
    await db.bucket.delete(own_id)
    winner: ObjectId = existing["blob_id"]
    return winner
