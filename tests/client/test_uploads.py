"""Uploads over the content plane (issue 23 item 9, issue 20): batched small files, delta
edits, resumed sessions, refusals inside a batch. Counts of requests and bytes, not times."""

from __future__ import annotations

import asyncio
import os
from collections import Counter
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import httpx
import pytest
from bson import ObjectId

from dropbox_lite.client import uploads
from dropbox_lite.client.hashing import BLOCK, hash_bytes, hash_file
from dropbox_lite.client.remote import Remote, Unreachable
from dropbox_lite.client.scan import STATE_DIR
from dropbox_lite.client.state import State
from dropbox_lite.core.db import Database
from tests.client.conftest import MakeDevice
from tests.client.devices import Device, local_tree, server_tree
from tests.support import Account

OVERHEAD = 64 * 1024  # GraphQL bodies next to the blocks
UPLOADING = ("missingBlocks", "UploadSession", "finishUploadBatch")


class Traffic:
    """The requests a device sends and the body bytes of its block uploads."""

    def __init__(self, device: Device) -> None:
        self.requests: Counter[str] = Counter()
        self.uploading = 0  # requests of the upload part: blocks, sessions, commits
        self.block_bytes = 0
        self.block_requests = 0
        self.on_block: list[object] = []
        device.http.event_hooks["request"].append(self.seen)

    async def seen(self, request: httpx.Request) -> None:
        self.requests[request.url.path] += 1
        if request.headers.get("content-type", "").startswith("multipart/"):
            self.uploading += 1  # uploadFile
        elif request.url.path == "/graphql" and any(
            name.encode() in request.content for name in UPLOADING
        ):
            self.uploading += 1
        if "/blocks" in request.url.path:
            self.uploading += 1
            self.block_requests += 1
            self.block_bytes += int(request.headers.get("content-length", 0))
            for hook in self.on_block:
                hook()  # type: ignore[operator]

    @property
    def total(self) -> int:
        return sum(self.requests.values())

    def reset(self) -> None:
        self.requests.clear()
        self.block_bytes = self.block_requests = self.uploading = 0


def sessions_of(device: Device) -> dict[str, tuple[str, str, str, int]]:
    state = State(device.folder / STATE_DIR / "state.db")
    try:
        return state.sessions()
    finally:
        state.close()


def big_file(path: Path, size: int) -> bytes:
    data = os.urandom(size)
    path.write_bytes(data)
    return data


async def test_small_files_are_sent_and_committed_in_batches(device: MakeDevice) -> None:
    one, two = await device("one"), await device("two")
    for n in range(200):
        folder = one.folder / f"d{n % 4}"
        folder.mkdir(exist_ok=True)
        (folder / f"f{n:03}.txt").write_bytes(os.urandom(4096))
    (one.folder / "empty.txt").write_bytes(b"")
    (one.folder / "d0" / "twin.txt").write_bytes((one.folder / "d0" / "f000.txt").read_bytes())
    traffic = Traffic(one)
    stats = await one.sync()
    assert (stats.up_files, stats.refused) == (202, [])
    # 1,000 files may take 60 requests in all to upload (issue 20): 200 take at most 12
    # (here: the files of the root, then those of the four folders once they are made).
    assert traffic.uploading <= 12, traffic.requests
    assert traffic.total <= 20, traffic.requests
    assert traffic.block_requests == 1
    assert traffic.block_bytes <= 200 * 4096  # the twin's block is sent once
    await two.sync()
    assert local_tree(two.folder) == local_tree(one.folder)
    assert sessions_of(one) == {}


async def test_a_one_byte_edit_sends_one_block(device: MakeDevice) -> None:
    one, two = await device("one"), await device("two")
    data = bytearray(big_file(one.folder / "big.bin", 3 * BLOCK))
    await one.sync()
    await two.sync()
    data[len(data) // 2] ^= 0xFF
    (one.folder / "big.bin").write_bytes(bytes(data))
    traffic = Traffic(one)
    stats = await one.sync()
    assert (stats.up_files, stats.up_bytes) == (1, 3 * BLOCK)
    assert traffic.block_requests == 1
    assert traffic.block_bytes <= BLOCK + OVERHEAD
    await two.sync()
    assert (two.folder / "big.bin").read_bytes() == bytes(data)
    tree, _ = await server_tree(two.http, two.token)
    assert tree["big.bin"] == hash_bytes(bytes(data))


async def killed_half_way(dev: Device, blocks: int) -> Traffic:
    """Sync until half the blocks are on their way, then cancel the sync (a kill)."""
    traffic = Traffic(dev)
    task = asyncio.create_task(dev.sync())

    def kill() -> None:
        if traffic.block_requests == blocks // 2:
            task.cancel()

    traffic.on_block.append(kill)
    with pytest.raises(asyncio.CancelledError):
        await task
    traffic.on_block.clear()
    return traffic


async def test_a_killed_sync_resumes_its_upload_session(device: MakeDevice) -> None:
    one, two = await device("one"), await device("two")
    # Five blocks, killed after two: a restart would send all five again (the last
    # assertions fail then), a resume the three left.
    size = 4 * BLOCK + 1000
    data = big_file(one.folder / "big.bin", size)
    traffic = await killed_half_way(one, 5)
    kept = sessions_of(one)
    assert list(kept) == ["big.bin"] and kept["big.bin"][2] == hash_bytes(data)
    first = traffic.block_bytes
    assert 0 < first < size
    stats = await one.sync()
    assert stats.up_files == 1
    assert traffic.block_bytes <= size + 2 * BLOCK  # resumed, not restarted
    assert traffic.block_bytes - first < size
    assert sessions_of(one) == {}
    await two.sync()
    assert hash_file(two.folder / "big.bin") == hash_bytes(data)


async def test_an_expired_or_unknown_session_is_started_again(
    device: MakeDevice, account: Account, db: Database
) -> None:
    one = await device("one")
    size = 2 * BLOCK + 10
    data = big_file(one.folder / "big.bin", size)
    await killed_half_way(one, 3)
    # Unknown: the server ended it (cancelled, or its staged bytes were cleaned up).
    session_id = sessions_of(one)["big.bin"][0]
    assert await Remote(one.http, one.token).cancel_session(session_id)
    traffic = Traffic(one)
    stats = await one.sync()
    assert (stats.up_files, stats.refused) == (1, [])
    assert traffic.block_bytes >= size  # all of it again, into a new session
    assert sessions_of(one) == {}
    tree, _ = await server_tree(one.http, one.token)
    assert tree["big.bin"] == hash_bytes(data)

    # Expired: the server's clock passed its end; the client's record is dropped unasked.
    more = big_file(one.folder / "more.bin", 2 * BLOCK + 5)
    await killed_half_way(one, 3)
    session_id = sessions_of(one)["more.bin"][0]
    await db["upload_sessions"].update_one(
        {"_id": ObjectId(session_id)},
        {"$set": {"expires_at": datetime.now(UTC) - timedelta(minutes=1)}},
    )
    stats = await one.sync()
    assert (stats.up_files, stats.refused) == (1, [])
    tree, _ = await server_tree(one.http, one.token)
    assert tree["more.bin"] == hash_bytes(more)


async def test_a_refusal_inside_a_batch_is_that_files_alone(
    device: MakeDevice, account: Account, db: Database
) -> None:
    one = await device("one")
    await db["users"].update_one(
        {"_id": ObjectId(account.user_id)}, {"$set": {"quota_bytes": 20_000}}
    )
    (one.folder / "a.txt").write_bytes(b"a" * 1000)
    (one.folder / "b-too-big.bin").write_bytes(os.urandom(30_000))
    (one.folder / "c.txt").write_bytes(b"c" * 1000)
    stats = await one.sync()
    assert stats.up_files == 2
    assert len(stats.refused) == 1 and stats.refused[0].startswith("skipped b-too-big.bin: ")
    tree, _ = await server_tree(one.http, one.token)
    assert sorted(tree) == ["a.txt", "c.txt"]


async def test_many_small_files_go_in_several_batches(
    device: MakeDevice, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(uploads, "MAX_BATCH_FILES", 50)
    monkeypatch.setattr(uploads, "FIRST_BATCH_FILES", 50)
    monkeypatch.setattr(uploads, "MAX_BATCH_BYTES", 100_000)
    one, two = await device("one"), await device("two")
    for n in range(120):
        (one.folder / f"f{n:03}.bin").write_bytes(os.urandom(1000 if n < 60 else 5000))
    traffic = Traffic(one)
    stats = await one.sync()
    assert (stats.up_files, stats.refused) == (120, [])
    # A batch is full at 50 files or 100,000 bytes: 50 by 1,000, then 10 by 1,000 and 18
    # by 5,000, then 20, 20 and the last 2.
    assert traffic.block_requests == 5, traffic.requests
    await two.sync()
    assert local_tree(two.folder) == local_tree(one.folder)


async def test_a_batch_the_server_stops_is_sent_again_in_smaller_batches(
    device: MakeDevice, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The server stops a request after REQUEST_TIMEOUT_SECONDS (part of a batch may be
    committed by then): the sync goes on with smaller batches."""
    one = await device("one")
    for n in range(60):
        (one.folder / f"f{n:02}.txt").write_bytes(os.urandom(100))
    real_finish = Remote.finish_batch
    sizes: list[int] = []

    async def stopped_once(self: Remote, entries: list[dict[str, Any]]) -> list[dict[str, Any]]:
        sizes.append(len(entries))
        if len(sizes) == 1:
            await real_finish(self, entries[:20])  # what the server did before it stopped
            raise Unreachable("The request ran longer than 30 s and was stopped")
        return await real_finish(self, entries)

    monkeypatch.setattr(Remote, "finish_batch", stopped_once)
    stats = await one.sync()
    assert (stats.up_files, stats.refused) == (60, [])  # 20 found committed
    assert sizes[0] == 60 and max(sizes[1:]) == 25
    tree, _ = await server_tree(one.http, one.token)
    assert sorted(tree) == [f"f{n:02}.txt" for n in range(60)]
