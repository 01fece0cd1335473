"""Blob storage in GridFS: streaming, hashing, dedup, ranges, garbage collection.

Blobs are content-addressed: `blob_index` maps a SHA-256 to the one GridFS file
holding those bytes. Its unique `_id` decides races between concurrent uploads of
the same content: the loser deletes its copy and uses the winner's.
"""

from __future__ import annotations

import asyncio
import contextlib
import hashlib
from collections.abc import AsyncIterator, Callable
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from typing import Any, Protocol

from bson import Binary, ObjectId
from pymongo.errors import DuplicateKeyError, PyMongoError

from dropbox_lite.core import errors
from dropbox_lite.core.db import BLOB_CHUNK_BYTES, Database

READ_CHUNK = 1024 * 1024
HASH_BLOCK = 4 * 1024 * 1024  # the Dropbox content hash's block size
# Hashing smaller buffers inline costs less than a hop to a worker thread.
THREAD_HASH_MIN = 64 * 1024


class Readable(Protocol):
    async def read(self, size: int = -1, /) -> bytes: ...


@dataclass(frozen=True)
class BlobRecord:
    blob_id: str
    size: int
    sha256: str
    content_hash: str


class ContentHasher:
    """SHA-256 of the whole stream and the Dropbox content hash, fed in any slices."""

    def __init__(self) -> None:
        self.sha256 = hashlib.sha256()
        self.block = hashlib.sha256()
        self.block_fill = 0
        self.block_digests = hashlib.sha256()
        self.size = 0

    def update(self, data: bytes) -> None:
        self.sha256.update(data)
        self.size += len(data)
        view = memoryview(data)
        while view:
            take = min(len(view), HASH_BLOCK - self.block_fill)
            self.block.update(view[:take])
            self.block_fill += take
            view = view[take:]
            if self.block_fill == HASH_BLOCK:
                self.block_digests.update(self.block.digest())
                self.block = hashlib.sha256()
                self.block_fill = 0

    def content_hash(self) -> str:
        digests = self.block_digests.copy()
        if self.block_fill:
            digests.update(self.block.digest())
        return digests.hexdigest()


def content_hash_of(data: bytes) -> str:
    """The Dropbox content hash of bytes in memory (tests, small files)."""
    hasher = ContentHasher()
    hasher.update(data)
    return hasher.content_hash()


async def _hash(hasher: ContentHasher, data: bytes) -> None:
    if len(data) >= THREAD_HASH_MIN:
        # hashlib releases the GIL on large buffers: the event loop keeps running.
        await asyncio.to_thread(hasher.update, data)
    else:
        hasher.update(data)


async def write_blob(
    *,
    db: Database,
    stream: Readable,
    max_bytes: int,
    quota_left: int | None = None,
    expected_content_hash: str | None = None,
    filename: str = "",
) -> BlobRecord:
    """Stream bytes into GridFS while hashing; dedup by SHA-256.

    Aborts and deletes what was written once the stream passes `max_bytes`
    (FileTooLarge) or `quota_left` (QuotaExceeded), or when the bytes do not match
    `expected_content_hash` (ChecksumMismatch): nothing stays stored.

    Reading the next piece of the body and hashing it overlap with the insert of
    the chunks before it (one insert in flight): neither waits for the other.
    """
    hasher = ContentHasher()
    upload = _ChunkWriter(db, filename=filename or "blob")
    try:
        while True:
            chunk = await stream.read(READ_CHUNK)
            if not chunk:
                break
            if hasher.size + len(chunk) > max_bytes:
                raise errors.FileTooLarge(
                    f"The file is larger than this server accepts ({max_bytes} bytes)."
                )
            if quota_left is not None and hasher.size + len(chunk) > quota_left:
                raise errors.QuotaExceeded()
            await _hash(hasher, chunk)
            await upload.write(chunk)
        sha256 = hasher.sha256.hexdigest()
        content_hash = hasher.content_hash()
        if expected_content_hash is not None and expected_content_hash.lower() != content_hash:
            raise errors.ChecksumMismatch()
        await upload.close(metadata={"sha256": sha256, "content_hash": content_hash})
    except BaseException:
        await asyncio.shield(upload.abort())
        raise
    blob_id = await _dedup(db, upload.file_id, sha256, hasher.size, content_hash)
    return BlobRecord(
        blob_id=str(blob_id), size=hasher.size, sha256=sha256, content_hash=content_hash
    )


def chunk_id(file_id: ObjectId, n: int) -> str:
    """The `_id` of chunk `n` of a blob: derived, so that a read addresses chunks by `_id`.

    Any GridFS client still reads them through the standard `files_id`/`n` fields.
    """
    return f"{file_id}:{n}"


class _ChunkWriter:
    """Writes one GridFS file (the spec's `files` and `chunks` layout) chunk by chunk.

    pymongo's GridIn buffers up to a whole message (48 MB) of chunks before one
    insert_many, which with its BSON copy added ~140 MB to the server's peak RSS
    during a large upload; writing each read's chunks as they fill keeps memory
    at a few MiB whatever the file size. One insert runs in the background while
    the caller reads the next piece. The files document is written last, as GridFS
    does, so a file is complete once it is visible.
    """

    def __init__(self, db: Database, *, filename: str) -> None:
        self.db = db
        self.file_id = ObjectId()
        self.filename = filename
        self.chunk_size = BLOB_CHUNK_BYTES
        self.buffer = bytearray()
        self.n = 0
        self.length = 0
        self.pending: asyncio.Task[Any] | None = None

    async def write(self, data: bytes) -> None:
        self.buffer += data
        self.length += len(data)
        await self._flush(full_only=True)

    async def _settle_pending(self) -> None:
        if self.pending is not None:
            pending, self.pending = self.pending, None
            await pending

    async def _flush(self, *, full_only: bool) -> None:
        docs = []
        while len(self.buffer) >= self.chunk_size or (self.buffer and not full_only):
            piece = bytes(self.buffer[: self.chunk_size])
            del self.buffer[: self.chunk_size]
            docs.append(
                {
                    "_id": chunk_id(self.file_id, self.n),
                    "files_id": self.file_id,
                    "n": self.n,
                    "data": Binary(piece),
                }
            )
            self.n += 1
        if docs:
            await self._settle_pending()
            self.pending = asyncio.ensure_future(
                self.db["blobs.chunks"].insert_many(docs, ordered=True)
            )

    async def close(self, *, metadata: dict[str, Any]) -> None:
        await self._flush(full_only=False)
        await self._settle_pending()
        await self.db["blobs.files"].insert_one(
            {
                "_id": self.file_id,
                "length": self.length,
                "chunkSize": self.chunk_size,
                "uploadDate": datetime.now(UTC),
                "filename": self.filename,
                "metadata": metadata,
            }
        )

    async def abort(self) -> None:
        try:
            if self.pending is not None:
                with contextlib.suppress(Exception):
                    await self._settle_pending()
            await self.db["blobs.chunks"].delete_many({"files_id": self.file_id})
            await self.db["blobs.files"].delete_one({"_id": self.file_id})
        except PyMongoError:  # the database may be why we are aborting
            # gc sweeps chunks that have no files document.
            pass


async def _dedup(
    db: Database, own_id: ObjectId, sha256: str, size: int, content_hash: str
) -> ObjectId:
    """The blob to use for these bytes: an existing one (ours deleted) or ours.

    New content is the common case: its index entry is inserted straight away (one
    round trip); only when that clashes is the existing entry touched and used.
    """
    index = db["blob_index"]
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
    # Touching `used_at` keeps gc off the blob we are about to reference (gc deletes
    # an index document only while its `used_at` is older than the grace period).
    existing = await index.find_one_and_update({"_id": sha256}, {"$set": {"used_at": now}})
    if existing is None:  # the winner was swept in between: keep ours
        return await _dedup(db, own_id, sha256, size, content_hash)
    await db.bucket.delete(own_id)
    winner: ObjectId = existing["blob_id"]
    return winner


def _oid(blob_id: str | ObjectId) -> ObjectId:
    if isinstance(blob_id, ObjectId):
        return blob_id
    if not ObjectId.is_valid(blob_id):
        raise errors.NotFound()
    return ObjectId(blob_id)


async def blob_size(*, db: Database, blob_id: str) -> int:
    """The stored length of a blob (NotFound when it is gone)."""
    doc = await db["blobs.files"].find_one({"_id": _oid(blob_id)}, {"length": 1})
    if doc is None:
        raise errors.NotFound()
    return int(doc["length"])


async def read_range(
    *, db: Database, blob_id: str, start: int, end: int, size: int | None = None
) -> AsyncIterator[bytes]:
    """Bytes [start, end) of a blob in about 1 MiB pieces.

    With `size` (the blob's length, as its entry records it) the files document is
    not read. The chunks come from one cursor (FerretDB v1 scans the collection for
    every query, so one query beats one per piece, or one per chunk by `_id`), and
    the next piece is read while the caller sends this one. NotFound when the blob
    is gone.
    """
    oid = _oid(blob_id)
    if end <= start:
        return
    chunk_size = BLOB_CHUNK_BYTES
    if size is None:
        meta = await db["blobs.files"].find_one({"_id": oid}, {"chunkSize": 1, "length": 1})
        if meta is None:
            raise errors.NotFound()
        chunk_size, size = int(meta["chunkSize"]), int(meta["length"])
    end = min(end, size)
    if end <= start:
        return
    first, last = start // chunk_size, (end - 1) // chunk_size
    per_piece = max(READ_CHUNK // chunk_size, 1)
    cursor = (
        db["blobs.chunks"]
        .find({"files_id": oid, "n": {"$gte": first, "$lte": last}})
        .sort("n", 1)
        .batch_size(per_piece)
    )

    async def piece() -> bytes:
        parts: list[bytes] = []
        async for chunk in cursor:
            data = bytes(chunk["data"])
            base = int(chunk["n"]) * chunk_size
            parts.append(data[max(start - base, 0) : max(min(end - base, len(data)), 0)])
            if len(parts) >= per_piece:
                break
        return b"".join(parts)

    ahead: asyncio.Future[bytes] | None = asyncio.ensure_future(piece())
    try:
        first_piece = True
        while ahead is not None:
            data = await ahead
            ahead = None
            if not data:
                if first_piece:
                    raise errors.NotFound()
                break
            first_piece = False
            ahead = asyncio.ensure_future(piece())
            yield data
    finally:
        if ahead is not None:
            ahead.cancel()
            with contextlib.suppress(BaseException):
                await ahead
        await cursor.close()


async def read_all(*, db: Database, blob_id: str, limit: int) -> bytes:
    """A small blob's bytes (merges); BadInput when it is larger than `limit`."""
    size = await blob_size(db=db, blob_id=blob_id)
    if size > limit:
        raise errors.BadInput(f"The file is larger than {limit} bytes.")
    parts = [
        part async for part in read_range(db=db, blob_id=blob_id, start=0, end=size, size=size)
    ]
    return b"".join(parts)


async def _referenced(db: Database, oid: ObjectId) -> bool:
    for collection in ("entries", "revisions"):
        if await db[collection].find_one({"blob_id": oid}, {"_id": 1}) is not None:
            return True
    return False


def _aware(value: datetime) -> datetime:
    # mongomock returns naive datetimes; they are UTC.
    return value if value.tzinfo else value.replace(tzinfo=UTC)


class GarbageReport(list[str]):
    """What collect_garbage did: the ids it removed (a list, as it always returned).

    `young` counts the unreferenced blobs it kept because they are inside the grace
    period (an upload may still be about to use them), `young_bytes` their size.
    """

    def __init__(self) -> None:
        super().__init__()
        self.bytes_reclaimed = 0
        self.young = 0
        self.young_bytes = 0
        self.checked = 0


async def collect_garbage(
    *,
    db: Database,
    grace_seconds: int,
    dry_run: bool = False,
    progress: Callable[[int, int], None] | None = None,
) -> GarbageReport:
    """Remove blobs nothing references that are older than the grace period.

    Also removes chunks whose upload never finished (no files document), once the
    upload's id is older than the grace period. `dry_run` removes nothing and
    reports what would go; `progress(checked, total)` follows the scan.
    """
    if grace_seconds < 0:
        raise ValueError(f"the grace period must not be negative, not {grace_seconds} s")
    cutoff = datetime.now(UTC) - timedelta(seconds=grace_seconds)
    report = GarbageReport()
    total = await db["blobs.files"].count_documents({})
    async for meta in db["blobs.files"].find({}, {"_id": 1, "uploadDate": 1, "length": 1}):
        report.checked += 1
        if progress is not None:
            progress(report.checked, max(total, report.checked))
        oid: ObjectId = meta["_id"]
        size = int(meta.get("length", 0))
        if await _referenced(db, oid):
            continue
        young = _aware(meta["uploadDate"]) > cutoff
        index = await db["blob_index"].find_one({"blob_id": oid})
        if not young and index is not None:
            if dry_run:
                young = _aware(index["used_at"]) >= cutoff
            else:
                gone = await db["blob_index"].delete_one(
                    {"_id": index["_id"], "used_at": {"$lt": cutoff}}
                )
                young = gone.deleted_count == 0  # an upload just reused it
        if young:
            report.young += 1
            report.young_bytes += size
            continue
        if await _referenced(db, oid):
            continue
        if not dry_run:
            await db.bucket.delete(oid)
        report.append(str(oid))
        report.bytes_reclaimed += size
    known = {doc["_id"] async for doc in db["blobs.files"].find({}, {"_id": 1})}
    for files_id in await db["blobs.chunks"].distinct("files_id"):
        if files_id in known or not isinstance(files_id, ObjectId):
            continue
        chunks = await db["blobs.chunks"].count_documents({"files_id": files_id})
        last = await db["blobs.chunks"].find_one({"files_id": files_id}, sort=[("n", -1)])
        size = (chunks - 1) * BLOB_CHUNK_BYTES + (len(last["data"]) if last else 0)
        if files_id.generation_time > cutoff:
            report.young += 1
            report.young_bytes += size
            continue
        if not dry_run:
            await db["blobs.chunks"].delete_many({"files_id": files_id})
        report.append(str(files_id))
        report.bytes_reclaimed += size
    return report
