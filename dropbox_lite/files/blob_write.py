"""Streaming bytes into stored blocks while hashing (see files/blobs.py)."""

from __future__ import annotations

import asyncio
import contextlib

from bson import ObjectId

from dropbox_lite.core import errors
from dropbox_lite.core.contenthash import ContentHasher
from dropbox_lite.core.db import Database
from dropbox_lite.files.blob_handles import (
    BLOCK_SIZE,
    READ_CHUNK,
    THREAD_HASH_MIN,
    BlobRecord,
    Readable,
    handle,
)
from dropbox_lite.files.block_store import block_digest, store_block


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
