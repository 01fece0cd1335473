"""Cutting a stream into 4 MiB blocks without copying its pieces more than once."""

from __future__ import annotations

import hashlib
import os

from dropbox_lite.files import blobs


def test_pieces_of_any_size_make_the_same_blocks() -> None:
    data = os.urandom(2 * blobs.BLOCK_SIZE + 12345)
    start = data[:1000]  # a tail kept from an earlier append
    cutter = blobs.Blocks(start)
    blocks: list[bytes] = []
    at = len(start)
    for size in (1, 65536, 3 * blobs.BLOCK_SIZE // 2, 7, 10**9):
        blocks.extend(cutter.feed(data[at : at + size]))
        at += size
    assert [len(b) for b in blocks] == [blobs.BLOCK_SIZE, blobs.BLOCK_SIZE]
    assert cutter.filled == 12345
    assert b"".join(blocks) + cutter.rest() == data
    assert cutter.filled == 0 and cutter.rest() == b""
    assert hashlib.sha256(blocks[1]).hexdigest() == blobs.block_digest(
        data[blobs.BLOCK_SIZE : 2 * blobs.BLOCK_SIZE]
    )
