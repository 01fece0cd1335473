from __future__ import annotations

import asyncio
import hashlib
import os

import pytest
from bson import ObjectId

from dropbox_lite.core.config import Settings
from dropbox_lite.core.db import Database
from dropbox_lite.files import blobs, service
from tests.files.factories import Stream, make_user, upload

MiB = 1024 * 1024


def test_content_hash_is_dropbox_block_hash() -> None:
    data = bytes(range(256)) * (9 * MiB // 256 + 7)
    blocks = [data[i : i + 4 * MiB] for i in range(0, len(data), 4 * MiB)]
    expected = hashlib.sha256(b"".join(hashlib.sha256(b).digest() for b in blocks)).hexdigest()
    assert blobs.content_hash_of(data) == expected
    assert blobs.content_hash_of(b"") == hashlib.sha256(b"").hexdigest()


async def test_content_is_stored_as_4_mib_blocks_and_read_across_them(db: Database) -> None:
    data = bytes(range(256)) * (9 * MiB // 256) + b"tail"
    blob = await blobs.write_blob(db=db, stream=Stream(data), max_bytes=10 * MiB)
    pieces = [data[i : i + 4 * MiB] for i in range(0, len(data), 4 * MiB)]
    assert blob.blocks == tuple(hashlib.sha256(p).hexdigest() for p in pieces)
    assert blob.block_ids is not None and len(blob.block_ids) == 3
    assert blob.content_hash == blobs.content_hash_of(data)
    assert blob.content_hash == blobs.content_hash_of_digests(blob.blocks)
    assert blobs.block_ids_of(blob.blob_id) == list(blob.block_ids)
    for start, end in [
        (0, 10),
        (261_000, 261_300),
        (MiB - 5, 2 * MiB + 5),
        (4 * MiB - 3, 4 * MiB + 3),  # across a block boundary
        (3 * MiB, 9 * MiB + 2),  # three blocks
        (0, len(data)),
    ]:
        parts = [
            p async for p in blobs.read_range(db=db, blob_id=blob.blob_id, start=start, end=end)
        ]
        assert b"".join(parts) == data[start:end]
        assert all(len(p) <= MiB + 255 * 1024 for p in parts)
    assert await blobs.blob_size(db=db, blob_id=blob.blob_id) == len(data)
    assert await blobs.read_all(db=db, blob_id=blob.blob_id, limit=len(data)) == data


async def test_a_block_is_stored_once_whoever_uploads_it(db: Database) -> None:
    shared = b"s" * (4 * MiB)
    one = await blobs.write_blob(db=db, stream=Stream(shared + b"one"), max_bytes=10 * MiB)
    two = await blobs.write_blob(db=db, stream=Stream(shared + b"two!"), max_bytes=10 * MiB)
    assert one.block_ids is not None and two.block_ids is not None
    assert one.block_ids[0] == two.block_ids[0] and one.block_ids[1] != two.block_ids[1]
    assert await db["blobs.files"].count_documents({}) == 3
    assert await db["blob_index"].count_documents({}) == 3
    empty = await blobs.write_blob(db=db, stream=Stream(b""), max_bytes=MiB)
    assert empty.block_ids == () and empty.size == 0
    assert await blobs.read_all(db=db, blob_id=empty.blob_id, limit=1) == b""


async def test_blocks_are_standard_gridfs_files(db: Database) -> None:
    # Blocks are laid out as GridFS files by blobs.py itself; the driver must read them back.
    data = bytes(range(251)) * (2 * MiB // 251) + b"tail"
    blob = await blobs.write_blob(db=db, stream=Stream(data), max_bytes=10 * MiB)
    assert blob.block_ids is not None
    (block,) = blob.block_ids
    download = await db.bucket.open_download_stream(block)
    assert download.length == len(data)
    assert await download.read() == data
    chunks = db["blobs.chunks"].find({"files_id": block}).sort("n", 1)
    sizes = [len(c["data"]) async for c in chunks]
    assert sizes[:-1] == [blobs.BLOCK_CHUNK_BYTES] * (len(sizes) - 1) and sum(sizes) == len(data)
    # Chunk ids are derived from the file id and the chunk number.
    ids = [c["_id"] async for c in db["blobs.chunks"].find({"files_id": block})]
    assert sorted(ids) == sorted(blobs.chunk_id(block, n) for n in range(len(sizes)))


async def test_blobs_from_other_gridfs_writers_are_read_too(db: Database) -> None:
    # Chunks with the driver's own ObjectId _ids (blobs stored before ids were derived).
    data = bytes(range(256)) * (1200 * 1024 // 256)
    blob_id = await db.bucket.upload_from_stream("legacy", data)
    parts = [
        p async for p in blobs.read_range(db=db, blob_id=str(blob_id), start=1000, end=len(data))
    ]
    assert b"".join(parts) == data[1000:]
    sized = blobs.read_range(db=db, blob_id=str(blob_id), start=0, end=10, size=len(data))
    assert b"".join([p async for p in sized]) == data[:10]
    # As a block (an old small file's blob is one): its 255 KiB chunks placed by their bytes.
    block = blobs.handle([blob_id])
    start, end = 300 * 1024, len(data) - 5
    read = [p async for p in blobs.read_range(db=db, blob_id=block, start=start, end=end)]
    assert b"".join(read) == data[start:end]
    gone = blobs.read_range(db=db, blob_id=str(ObjectId()), start=0, end=10, size=10)
    with pytest.raises(blobs.errors.NotFound):
        await anext(aiter(gone))


async def test_too_large_is_aborted_while_streaming(db: Database) -> None:
    stream = Stream(b"x" * (4 * MiB))
    with pytest.raises(blobs.errors.FileTooLarge):
        await blobs.write_blob(db=db, stream=stream, max_bytes=2 * MiB)
    assert stream.position <= 3 * MiB  # it stopped reading, not after storing everything
    assert await db["blobs.files"].count_documents({}) == 0
    assert await db["blobs.chunks"].count_documents({}) == 0


async def test_aborted_upload_leaves_no_entry_and_gc_leaves_no_chunks(
    db: Database, settings: Settings
) -> None:
    user = await make_user(db)
    with pytest.raises(ConnectionResetError):
        await service.store_file(
            db=db,
            settings=settings,
            user_id=user,
            file_obj=Stream(b"y" * (12 * MiB), fail_after=9 * MiB),
            folder_id=None,
            name="big.bin",
        )
    assert await db["entries"].count_documents({"is_file": True}) == 0
    # A process killed mid-upload leaves chunks without a files document.
    orphan = ObjectId()
    await db["blobs.chunks"].insert_many(
        [{"files_id": orphan, "n": n, "data": b"z" * 1024} for n in range(3)]
    )
    kept = await upload(db, settings, user, b"keep me", "keep.txt")
    await asyncio.sleep(0.01)
    removed = await blobs.collect_garbage(db=db, grace_seconds=0)
    assert str(orphan) in removed
    # The blocks the aborted upload stored (2 of 4 MiB) went after the grace period.
    kept_blocks = blobs.block_ids_of(kept.blob_id)
    assert kept_blocks is not None and len(kept_blocks) == 1
    assert [f["_id"] async for f in db["blobs.files"].find({})] == kept_blocks
    assert set(await db["blobs.chunks"].distinct("files_id")) == set(kept_blocks)
    # Every file entry points at bytes that exist.
    async for entry in db["entries"].find({"is_file": True, "deleted": False}):
        for block in entry["block_ids"]:
            assert await db["blobs.files"].find_one({"_id": block}) is not None


async def test_gc_spares_young_and_referenced_blobs_and_sweeps_purged(
    db: Database, settings: Settings
) -> None:
    user = await make_user(db)
    one = await upload(db, settings, user, b"v1", "a.txt")
    await upload(db, settings, user, b"v2", "a.txt", mode="overwrite")
    unreferenced = await blobs.write_blob(db=db, stream=Stream(b"loose"), max_bytes=MiB)
    assert await blobs.collect_garbage(db=db, grace_seconds=3600) == []  # all young
    await asyncio.sleep(0.01)  # grace 0 sweeps what is older than now, to the millisecond
    removed = await blobs.collect_garbage(db=db, grace_seconds=0)
    # Old revision v1 is still referenced.
    assert removed == [str(b) for b in blobs.block_ids_of(unreferenced.blob_id) or []]
    await service.purge_entry(db=db, user_id=user, entry_id=one.id)
    await asyncio.sleep(0.01)
    removed = await blobs.collect_garbage(db=db, grace_seconds=0)
    assert len(removed) == 2
    assert await db["blobs.files"].count_documents({}) == 0
    assert await db["blob_index"].count_documents({}) == 0


async def test_a_missing_chunk_in_a_run_of_blocks_is_not_found(db: Database) -> None:
    data = os.urandom(9 * MiB)  # three different blocks
    blob = await blobs.write_blob(db=db, stream=Stream(data), max_bytes=10 * MiB)
    assert blob.block_ids is not None
    await db["blobs.chunks"].delete_one({"_id": blobs.chunk_id(blob.block_ids[1], 3)})
    with pytest.raises(blobs.errors.NotFound):
        async for _ in blobs.read_range(db=db, blob_id=blob.blob_id, start=0, end=len(data)):
            pass
    # Blocks in any order (a delta's new block is younger than the rest) read in file order.
    swapped = blobs.handle([blob.block_ids[0], blob.block_ids[0], blob.block_ids[2]])
    parts = [p async for p in blobs.read_range(db=db, blob_id=swapped, start=0, end=8 * MiB + 1)]
    assert b"".join(parts) == data[: 4 * MiB] * 2 + data[8 * MiB : 8 * MiB + 1]


async def test_many_small_blocks_are_stored_once_each_in_three_inserts(db: Database) -> None:
    known = await blobs.write_blob(db=db, stream=Stream(b"known"), max_bytes=MiB)
    pieces = [b"known", b"new one", b"new two", b"new one"]
    stored = await blobs.store_small_blocks(
        db, [(p, hashlib.sha256(p).hexdigest()) for p in pieces]
    )
    assert known.block_ids is not None
    assert stored[0] == known.block_ids[0]  # stored before: that copy is used
    assert stored[1] == stored[3] and len(set(stored)) == 3
    assert await db["blobs.files"].count_documents({}) == 3
    assert await db["blob_index"].count_documents({}) == 3
    assert await db["blobs.chunks"].count_documents({}) == 3
    for piece, block in zip(pieces, stored, strict=True):
        read = [
            p
            async for p in blobs.read_range(
                db=db, blob_id=blobs.handle([block]), start=0, end=len(piece)
            )
        ]
        assert b"".join(read) == piece
