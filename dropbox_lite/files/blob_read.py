"""Reading stored content back as byte ranges (see files/blobs.py)."""

from __future__ import annotations

import asyncio
import contextlib
from collections.abc import AsyncIterator, Callable, Sequence
from typing import Any

from bson import ObjectId

from dropbox_lite.core import errors
from dropbox_lite.core.db import BLOB_CHUNK_BYTES, Database
from dropbox_lite.files.blob_handles import (
    CHUNKS_PER_BATCH,
    READ_CHUNK,
    _oid,
    block_ids_of,
    block_ranges,
    chunk_id,
)


async def block_sizes(db: Database, block_ids: Sequence[ObjectId]) -> dict[ObjectId, int]:
    """The stored length of each of these blocks that still exists."""
    wanted = list(dict.fromkeys(block_ids))
    if not wanted:
        return {}
    cursor = db.collection("blobs.files").find({"_id": {"$in": wanted}}, {"length": 1})
    return {doc["_id"]: int(doc["length"]) async for doc in cursor}


async def blob_size(*, db: Database, blob_id: str) -> int:
    """The stored length of content by its handle (NotFound when any of it is gone)."""
    ids = block_ids_of(blob_id)
    if ids is None:
        doc = await db.collection("blobs.files").find_one({"_id": _oid(blob_id)}, {"length": 1})
        if doc is None:
            raise errors.NotFound()
        return int(doc["length"])
    if not ids:
        return 0
    lengths = {
        doc["_id"]: int(doc["length"])
        async for doc in db.collection("blobs.files").find({"_id": {"$in": ids}}, {"length": 1})
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
    collection = db.collection("blobs.chunks")

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
        db.collection("blobs.chunks")
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
        meta = await db.collection("blobs.files").find_one(
            {"_id": oid}, {"chunkSize": 1, "length": 1}
        )
        if meta is None:
            raise errors.NotFound()
        chunk_size, size = int(meta["chunkSize"]), int(meta["length"])
    end = min(end, size)
    if end <= start:
        return
    first, last = start // chunk_size, (end - 1) // chunk_size
    per_piece = max(READ_CHUNK // chunk_size, 1)
    cursor = (
        db.collection("blobs.chunks")
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


async def stored_totals(db: Database) -> tuple[int, int]:
    """How many blobs are stored, and their bytes together (admin stats)."""
    count = stored = 0
    async for doc in db.collection("blobs.files").find({}, {"length": 1}):
        count += 1
        stored += int(doc.get("length", 0))
    return count, stored
