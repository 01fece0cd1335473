"""The Dropbox content hash: SHA-256 over the SHA-256 digests of a file's 4 MiB blocks.

Pure (hashlib only), so that both sides hash with the same code: the server's block
store (files/blobs.py) and the sync client (client/hashing.py, which imports nothing
of the server's).
"""

from __future__ import annotations

import hashlib
from collections.abc import Sequence

BLOCK = 4 * 1024 * 1024  # Dropbox's block: the unit of hashing, storage, dedup and delta


class ContentHasher:
    """The content hash (and each block's digest, and the size), fed in any slices."""

    def __init__(self) -> None:
        self.block = hashlib.sha256()
        self.block_fill = 0
        self.block_digests = hashlib.sha256()
        self.digests: list[bytes] = []  # of the blocks completed so far
        self.size = 0

    def update(self, data: bytes) -> None:
        self.size += len(data)
        view = memoryview(data)
        while view:
            take = min(len(view), BLOCK - self.block_fill)
            self.block.update(view[:take])
            self.block_fill += take
            view = view[take:]
            if self.block_fill == BLOCK:
                self._close_block()

    def _close_block(self) -> None:
        digest = self.block.digest()
        self.digests.append(digest)
        self.block_digests.update(digest)
        self.block = hashlib.sha256()
        self.block_fill = 0

    def finish(self) -> None:
        """Close the last, shorter block (after the last byte): `digests` is then whole."""
        if self.block_fill:
            self._close_block()

    def hexdigest(self) -> str:
        """The content hash of what was fed so far (finished or not)."""
        digests = self.block_digests.copy()
        if self.block_fill:
            digests.update(self.block.digest())
        return digests.hexdigest()


def content_hash_of(data: bytes) -> str:
    """The content hash of bytes in memory."""
    hasher = ContentHasher()
    hasher.update(data)
    return hasher.hexdigest()


def content_hash_of_digests(digests: Sequence[str]) -> str:
    """The content hash of a block list (the blocks' SHA-256 digests, hex, in order)."""
    hasher = hashlib.sha256()
    for digest in digests:
        hasher.update(bytes.fromhex(digest))
    return hasher.hexdigest()
