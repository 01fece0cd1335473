"""Content storage in GridFS: 4 MiB blocks stored once by SHA-256, read back as ranges.

A file's content is an ordered list of blocks of BLOCK_SIZE bytes (the last one
shorter; an empty file has none). Each block is one GridFS file, stored once:
`blob_index` maps a block's SHA-256 to the GridFS file holding it, and its unique
`_id` decides races between writers of the same block (the loser deletes its copy
and uses the winner's). An entry or revision names its content by `block_ids`
(the GridFS ids, in order; `blocks` holds their SHA-256 digests), so a read needs
no lookup, and the Dropbox content hash is SHA-256 over the block digests.

Files stored before blocks existed name one whole-file GridFS file by `blob_id`;
they stay readable as they are (dual read, no migration): everything above this
module passes a *content handle* (`handle`) and never asks which kind it holds.
"""

from __future__ import annotations

import asyncio
import contextlib
import hashlib
from collections.abc import AsyncIterator, Callable, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from typing import Any, Protocol

from bson import ObjectId
from pymongo.errors import BulkWriteError, DuplicateKeyError, PyMongoError

from dropbox_lite.core import errors
from dropbox_lite.core.clock import aware
from dropbox_lite.core.contenthash import BLOCK, ContentHasher
from dropbox_lite.core.contenthash import content_hash_of as content_hash_of  # re-exported
from dropbox_lite.core.contenthash import (
    content_hash_of_digests as content_hash_of_digests,  # re-exported
)
from dropbox_lite.core.db import BLOB_CHUNK_BYTES, Database

READ_CHUNK = 1024 * 1024
# Chunks of the GridFS files this module writes (blocks, staged tails): four per block.
# Each chunk is one document (and one unique-index entry) in every backend, so fewer,
# larger ones cost less per byte than GridFS's default 255 KiB (which old whole-file
# blobs keep: every reader takes a file's chunk size from what it reads).
BLOCK_CHUNK_BYTES = 1024 * 1024
# Chunks a reader's cursor fetches per round trip (4 MiB of blocks, 1 MiB of old blobs).
CHUNKS_PER_BATCH = 4
BLOCK_SIZE = BLOCK  # Dropbox's block: the unit of storage, dedup and delta
# Hashing smaller buffers inline costs less than a hop to a worker thread.
THREAD_HASH_MIN = 64 * 1024
HANDLE_PREFIX = "blocks:"
# Digests one missingBlocks question may name (1,000 files of one block each, or a
# 4 GiB file, per question).
MAX_BLOCKS_PER_QUERY = 1000
INDEX = "blob_index"
# Collections whose documents hold blocks by `block_ids` (gc keeps what they name).
BLOCK_HOLDERS = ("entries", "revisions", "upload_sessions", "upload_parts")


class Readable(Protocol):
    async def read(self, size: int = -1, /) -> bytes: ...


@dataclass(frozen=True)
class BlobRecord:
    """Stored content: its handle, size and hashes (and its blocks, unless it is an old
    whole-file blob)."""

    blob_id: str  # the content handle (see `handle`)
    size: int
    sha256: str  # of the whole bytes; "" when committed from blocks (never read back)
    content_hash: str
    blocks: tuple[str, ...] | None = None  # SHA-256 of each block, hex
    block_ids: tuple[ObjectId, ...] | None = None


def handle(block_ids: Sequence[ObjectId | str]) -> str:
    """The content handle of a block list (an old whole-file blob's handle is its id)."""
    return HANDLE_PREFIX + ",".join(str(b) for b in block_ids)


def block_ids_of(content: str) -> list[ObjectId] | None:
    """The blocks a handle names; None for an old whole-file blob's handle."""
    if not content.startswith(HANDLE_PREFIX):
        return None
    rest = content[len(HANDLE_PREFIX) :]
    return [_oid(part) for part in rest.split(",")] if rest else []


def block_ranges(size: int) -> list[tuple[int, int]]:
    """[start, end) of each block of content of `size` bytes."""
    return [(at, min(at + BLOCK_SIZE, size)) for at in range(0, size, BLOCK_SIZE)]


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
    """Stream bytes into stored blocks while hashing; each block is stored once.

    Aborts once the stream passes `max_bytes` (FileTooLarge) or `quota_left`
    (QuotaExceeded), or when the bytes do not match `expected_content_hash`
    (ChecksumMismatch). Blocks stored before an abort are left to gc, after its
    grace period (another upload may share them by now).

    Reading the next block and storing the one before it overlap (one store in
    flight): neither waits for the other.
    """
    del filename  # blocks are shared between files: they carry no name
    hasher = ContentHasher()
    writer = BlockWriter(db)
    buffer = Blocks()
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
            for block in buffer.feed(chunk):
                await writer.add(block, hasher.digests[writer.count].hex())
        content_hash = hasher.hexdigest()
        if expected_content_hash is not None and expected_content_hash.lower() != content_hash:
            raise errors.ChecksumMismatch()
        hasher.finish()
        if buffer.filled:
            await writer.add(buffer.rest(), hasher.digests[writer.count].hex())
        ids = await writer.finish()
    except BaseException:
        await asyncio.shield(writer.abort())
        raise
    digests = tuple(d.hex() for d in hasher.digests)
    return BlobRecord(
        blob_id=handle(ids),
        size=hasher.size,
        sha256="",
        content_hash=content_hash,
        blocks=digests,
        block_ids=tuple(ids),
    )


class BlockWriter:
    """Stores blocks in order, one in flight (hashed, then stored) while the caller
    reads the next: `digests` and `ids` of the blocks stored so far, in order."""

    def __init__(self, db: Database) -> None:
        self.db = db
        self.ids: list[ObjectId] = []
        self.digests: list[str] = []
        self.count = 0
        self.pending: asyncio.Task[tuple[str, ObjectId]] | None = None

    async def _settle(self) -> None:
        if self.pending is not None:
            pending, self.pending = self.pending, None
            digest, block = await pending
            self.digests.append(digest)
            self.ids.append(block)

    async def _store(self, data: bytes, digest: str | None) -> tuple[str, ObjectId]:
        if digest is None:
            if len(data) >= THREAD_HASH_MIN:
                digest = await asyncio.to_thread(block_digest, data)
            else:
                digest = block_digest(data)
        return digest, await store_block(self.db, data, digest)

    async def add(self, data: bytes, digest: str | None = None) -> None:
        """Store the next block (`digest`: its SHA-256, computed here when not given)."""
        await self._settle()
        self.count += 1
        self.pending = asyncio.ensure_future(self._store(data, digest))

    async def finish(self) -> list[ObjectId]:
        await self._settle()
        return self.ids

    async def abort(self) -> None:
        if self.pending is not None:
            with contextlib.suppress(BaseException):
                await self._settle()


class Blocks:
    """Cuts a stream's pieces into blocks, copying each byte once (when a block is put
    together): pieces are kept as views until a block is full."""

    def __init__(self, start: bytes = b"") -> None:
        self.pieces: list[bytes | memoryview] = [start] if start else []
        self.filled = len(start)

    def feed(self, data: bytes) -> list[bytes]:
        """Take the next piece; the blocks it completed."""
        done: list[bytes] = []
        view = memoryview(data)
        while view:
            take = min(len(view), BLOCK_SIZE - self.filled)
            self.pieces.append(view[:take])
            self.filled += take
            view = view[take:]
            if self.filled == BLOCK_SIZE:
                done.append(self.rest())
        return done

    def rest(self) -> bytes:
        """The bytes after the last full block (taken: the buffer is empty after)."""
        data = b"".join(self.pieces)
        self.pieces, self.filled = [], 0
        return data


def block_digest(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


async def find_block(db: Database, digest: str) -> ObjectId | None:
    """The stored block with this SHA-256, kept from gc for a grace period; None if none.

    Only for a writer that holds the block's bytes (or may see a file holding it):
    whether a block exists must never be told to anyone else.
    """
    # Touching `used_at` keeps gc off the block we are about to reference (gc deletes
    # an index document only while its `used_at` is older than the grace period).
    found = await db[INDEX].find_one_and_update(
        {"_id": digest}, {"$set": {"used_at": datetime.now(UTC)}}
    )
    return None if found is None else ObjectId(found["blob_id"])


async def find_blocks(db: Database, digests: Sequence[str]) -> dict[str, ObjectId]:
    """The stored blocks among `digests`, kept from gc for a grace period (see find_block)."""
    wanted = list(dict.fromkeys(digests))
    if not wanted:
        return {}
    index = db[INDEX]
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
        await db["blobs.files"].insert_one(
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
        await db["blobs.files"].insert_many(files, ordered=False)
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
        await db[INDEX].insert_many(entries, ordered=False)
    except BulkWriteError as clash:
        errors_seen = clash.details.get("writeErrors", [])
        if any(error.get("code") != 11000 for error in errors_seen):
            raise
        lost = [str(entries[int(error["index"])]["_id"]) for error in errors_seen]
    if lost:
        # Stored before by someone: use theirs (kept from gc by the touch), drop ours.
        await db[INDEX].update_many({"_id": {"$in": lost}}, {"$set": {"used_at": at}})
        winners = {
            doc["_id"]: ObjectId(doc["blob_id"])
            async for doc in db[INDEX].find({"_id": {"$in": lost}}, {"blob_id": 1})
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
            await db["blobs.chunks"].insert_many(group, ordered=True)
            group, size = [], 0
        group.append(doc)
        size += length
    if group:
        await db["blobs.chunks"].insert_many(group, ordered=True)


async def _drop_many(db: Database, file_ids: list[ObjectId]) -> None:
    if not file_ids:
        return
    try:
        await db["blobs.chunks"].delete_many({"files_id": {"$in": file_ids}})
        await db["blobs.files"].delete_many({"_id": {"$in": file_ids}})
    except PyMongoError:  # the database may be why we are aborting
        pass  # gc sweeps what is left


async def _drop_partial(db: Database, file_id: ObjectId) -> None:
    try:
        await db["blobs.chunks"].delete_many({"files_id": file_id})
        await db["blobs.files"].delete_one({"_id": file_id})
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
        await db["blobs.files"].insert_one(
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
        await db[INDEX].update_many(
            {"blob_id": {"$in": list(block_ids)}}, {"$set": {"used_at": datetime.now(UTC)}}
        )


async def block_sizes(db: Database, block_ids: Sequence[ObjectId]) -> dict[ObjectId, int]:
    """The stored length of each of these blocks that still exists."""
    wanted = list(dict.fromkeys(block_ids))
    if not wanted:
        return {}
    cursor = db["blobs.files"].find({"_id": {"$in": wanted}}, {"length": 1})
    return {doc["_id"]: int(doc["length"]) async for doc in cursor}


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


def chunk_id(file_id: ObjectId, n: int) -> str:
    """The `_id` of chunk `n` of a blob: derived, so that a read addresses chunks by `_id`.

    Any GridFS client still reads them through the standard `files_id`/`n` fields.
    """
    return f"{file_id}:{n}"


async def _dedup(
    db: Database, own_id: ObjectId, sha256: str, size: int, content_hash: str
) -> ObjectId:
    """The blob to use for these bytes: an existing one (ours deleted) or ours.

    New content is the common case: its index entry is inserted straight away (one
    round trip); only when that clashes is the existing entry touched and used.
    """
    index = db[INDEX]
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


def _oid(blob_id: str | ObjectId) -> ObjectId:
    if isinstance(blob_id, ObjectId):
        return blob_id
    if not ObjectId.is_valid(blob_id):
        raise errors.NotFound()
    return ObjectId(blob_id)


async def blob_size(*, db: Database, blob_id: str) -> int:
    """The stored length of content by its handle (NotFound when any of it is gone)."""
    ids = block_ids_of(blob_id)
    if ids is None:
        doc = await db["blobs.files"].find_one({"_id": _oid(blob_id)}, {"length": 1})
        if doc is None:
            raise errors.NotFound()
        return int(doc["length"])
    if not ids:
        return 0
    lengths = {
        doc["_id"]: int(doc["length"])
        async for doc in db["blobs.files"].find({"_id": {"$in": ids}}, {"length": 1})
    }
    if any(block not in lengths for block in ids):
        raise errors.NotFound()
    return sum(lengths[block] for block in ids)


async def read_range(
    *, db: Database, blob_id: str, start: int, end: int, size: int | None = None
) -> AsyncIterator[bytes]:
    """Bytes [start, end) of content (by its handle) in about 1 MiB pieces.

    With `size` (the content's length, as its entry records it) no files document is
    read. NotFound when the content (or a block of it) is gone.
    """
    ids = block_ids_of(blob_id)
    if ids is None:
        async for piece in _read_blob(db=db, oid=_oid(blob_id), start=start, end=end, size=size):
            yield piece
        return
    if end <= start:
        return
    if size is None:
        size = await blob_size(db=db, blob_id=blob_id)
    end = min(end, size)
    spans = [
        (block, at, stop - at)
        for block, (at, stop) in zip(ids, block_ranges(size), strict=False)
        if stop > start and at < end
    ]
    # One query per run of blocks whose ids ascend (a file uploaded in one go is one
    # run): FerretDB v1 scans the chunks for every query, so one query per block
    # would scan them once per 4 MiB.
    runs: list[list[tuple[ObjectId, int, int]]] = []
    for span in spans:
        if runs and span[0] > runs[-1][-1][0]:
            runs[-1].append(span)
        else:
            runs.append([span])
    for run in runs:
        async for piece in _read_by_id_or_scan(db, run, start, end):
            yield piece


# Reads of content of up to this many blocks (16 MiB) go chunk by chunk by `_id` on a
# server backend; longer ones take one cursor (see _read_by_id).
BY_ID_MAX_BLOCKS = 4
# Chunk reads by `_id` kept in flight at once.
BY_ID_WINDOW = 4


class _NotDerived(Exception):
    """A block's first chunk is not at its derived `_id` (nothing read yet)."""


async def _read_by_id(
    db: Database, run: Sequence[tuple[ObjectId, int, int]], start: int, end: int
) -> AsyncIterator[bytes]:
    """Bytes [start, end) of these blocks (id, offset in the file, length), each chunk
    read by its derived `_id` (chunk_id).

    FerretDB v1 pushes only `_id` equality down to SQLite and answers every other
    filter (`files_id`, even `_id: {$in}`) by decoding every stored chunk in Go: with
    200 MiB stored, each read of even the smallest file took 10 s (and rclone timed
    out), against well under a second this way. A real MongoDB serves either from an
    index. A block's chunk size is the length of its first chunk (BLOCK_CHUNK_BYTES,
    or 255 KiB before). _NotDerived when the first block's first chunk is missing.
    """
    collection = db["blobs.chunks"]

    async def fetch(block: ObjectId, n: int) -> dict[str, Any] | None:
        found: dict[str, Any] | None = await collection.find_one({"_id": chunk_id(block, n)})
        return found

    first = True
    for block, at, length in run:
        lo, hi = max(start - at, 0), min(end - at, length)
        head = await fetch(block, 0)
        if head is None:
            raise _NotDerived() if first else errors.NotFound()
        first = False
        size = len(head["data"])
        if hi <= lo or size == 0:
            continue
        wanted = list(range(lo // size, (hi - 1) // size + 1))

        async def chunk_at(n: int, block: ObjectId = block, head: Any = head) -> Any:
            return head if n == 0 else await fetch(block, n)

        ahead = iter(wanted)
        pending: list[asyncio.Future[Any]] = []
        try:
            for n in wanted:
                while len(pending) < BY_ID_WINDOW:
                    m = next(ahead, None)
                    if m is None:
                        break
                    pending.append(asyncio.ensure_future(chunk_at(m)))
                chunk = await pending.pop(0)
                if chunk is None:
                    raise errors.NotFound()
                data = bytes(chunk["data"])
                base = n * size
                part = data[max(lo - base, 0) : max(min(hi - base, len(data)), 0)]
                if part:
                    yield part
        finally:
            for future in pending:
                future.cancel()
                with contextlib.suppress(BaseException):
                    await future


async def _read_by_id_or_scan(
    db: Database, run: list[tuple[ObjectId, int, int]], start: int, end: int
) -> AsyncIterator[bytes]:
    """A run of blocks read by `_id` (a short one, on a server backend), else by one
    cursor (_read_run). NotFound when any of it is gone."""
    if db.backend == "mongodb" and len(run) <= BY_ID_MAX_BLOCKS:
        expected = sum(min(end, at + length) - max(start, at) for _, at, length in run)
        got = 0
        try:
            async for piece in _read_by_id(db, run, start, end):
                got += len(piece)
                yield piece
        except _NotDerived:
            pass  # chunks stored under other ids: the cursor reads them
        else:
            if got != expected:
                raise errors.NotFound()
            return
    async for piece in _read_run(db=db, run=run, start=start, end=end):
        yield piece


async def _read_run(
    *, db: Database, run: list[tuple[ObjectId, int, int]], start: int, end: int
) -> AsyncIterator[bytes]:
    """Bytes [start, end) of the file that fall in a run of blocks (ascending ids), from
    one cursor sorted by (files_id, n), which is file order. NotFound when a chunk is
    missing (fewer bytes than the run holds).

    Each block's chunks are placed by the bytes before them in the block, whatever the
    chunk size it was written with (BLOCK_CHUNK_BYTES, or 255 KiB before)."""
    at_of = {block: at for block, at, _ in run}
    expected = sum(min(end, at + length) - max(start, at) for _, at, length in run)
    cursor = (
        db["blobs.chunks"]
        .find({"files_id": {"$in": list(at_of)}})
        .sort([("files_id", 1), ("n", 1)])
        .batch_size(CHUNKS_PER_BATCH)
    )
    passed: dict[ObjectId, tuple[int, int]] = {}  # each block's chunks and bytes so far

    def cut(chunk: dict[str, Any]) -> bytes:
        data = bytes(chunk["data"])
        block = chunk["files_id"]
        count, before = passed.get(block, (0, 0))
        if int(chunk["n"]) != count:
            raise errors.NotFound()  # a chunk is missing
        passed[block] = (count + 1, before + len(data))
        base = at_of[block] + before
        return data[max(start - base, 0) : max(min(end - base, len(data)), 0)]

    got = 0
    async for piece in _prefetched(cursor, cut):
        got += len(piece)
        yield piece
    if got != expected:
        raise errors.NotFound()


async def _prefetched(cursor: Any, cut: Callable[[dict[str, Any]], bytes]) -> AsyncIterator[bytes]:
    """The cursor's chunks, cut, in pieces of about READ_CHUNK; the next piece is read
    while the caller sends this one."""

    async def piece() -> bytes:
        parts: list[bytes] = []
        filled = 0
        async for chunk in cursor:
            part = cut(chunk)
            if part:
                parts.append(part)
                filled += len(part)
            if filled >= READ_CHUNK:
                break
        return parts[0] if len(parts) == 1 else b"".join(parts)

    ahead: asyncio.Future[bytes] | None = asyncio.ensure_future(piece())
    try:
        while ahead is not None:
            data = await ahead
            ahead = None
            if not data:
                break
            ahead = asyncio.ensure_future(piece())
            yield data
    finally:
        if ahead is not None:
            ahead.cancel()
            with contextlib.suppress(BaseException):
                await ahead
        await cursor.close()


async def _read_blob(
    *, db: Database, oid: ObjectId, start: int, end: int, size: int | None = None
) -> AsyncIterator[bytes]:
    """Bytes [start, end) of one GridFS file.

    The chunks come from one cursor (FerretDB v1 scans the collection for every
    query, so one query beats one per piece, or one per chunk by `_id`), and the next
    piece is read while the caller sends this one. NotFound when the file is gone.
    """
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
    """Small content's bytes (merges); BadInput when it is larger than `limit`."""
    size = await blob_size(db=db, blob_id=blob_id)
    if size > limit:
        raise errors.BadInput(f"The file is larger than {limit} bytes.")
    parts = [
        part async for part in read_range(db=db, blob_id=blob_id, start=0, end=size, size=size)
    ]
    return b"".join(parts)


async def _referenced(db: Database, oid: ObjectId) -> bool:
    """Whether a file, a revision, an upload session or a staged part holds the blob."""
    for collection in BLOCK_HOLDERS:
        query: dict[str, Any] = {"block_ids": oid}
        if collection in ("entries", "revisions"):
            query = {"$or": [{"blob_id": oid}, query]}
        elif collection == "upload_sessions":
            query = {"$or": [{"tail_id": oid}, query]}
        if await db[collection].find_one(query, {"_id": 1}) is not None:
            return True
    return False


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
    """Remove blobs (blocks, and old whole-file blobs) nothing references, once older
    than the grace period.

    A block counts as referenced while a file, a revision, an upload session or a
    staged part names it. Also removes chunks whose upload never finished (no files
    document), once the upload's id is older than the grace period. `dry_run` removes nothing and
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
        young = aware(meta["uploadDate"]) > cutoff
        index = await db["blob_index"].find_one({"blob_id": oid})
        if not young and index is not None:
            if dry_run:
                young = aware(index["used_at"]) >= cutoff
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
