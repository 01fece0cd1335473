"""The Dropbox content hash of local files (what the server reports as `contentHash`)."""

from __future__ import annotations

import hashlib
import os
from pathlib import Path

BLOCK = 4 * 1024 * 1024


class ContentHasher:
    """SHA-256 of the concatenated SHA-256s of 4 MiB blocks, fed in any slices."""

    def __init__(self) -> None:
        self.digests = hashlib.sha256()
        self.block = hashlib.sha256()
        self.fill = 0

    def update(self, data: bytes) -> None:
        view = memoryview(data)
        while view:
            take = min(len(view), BLOCK - self.fill)
            self.block.update(view[:take])
            self.fill += take
            view = view[take:]
            if self.fill == BLOCK:
                self.digests.update(self.block.digest())
                self.block = hashlib.sha256()
                self.fill = 0

    def hexdigest(self) -> str:
        digests = self.digests.copy()
        if self.fill:
            digests.update(self.block.digest())
        return digests.hexdigest()


def hash_bytes(data: bytes) -> str:
    hasher = ContentHasher()
    hasher.update(data)
    return hasher.hexdigest()


def hash_file(path: Path) -> str:
    hasher = ContentHasher()
    with path.open("rb") as handle:
        while chunk := handle.read(1024 * 1024):
            hasher.update(chunk)
    return hasher.hexdigest()


def hash_fd(fd: int) -> str:
    """The content hash of an open file, read from its start (the descriptor stays open)."""
    hasher = ContentHasher()
    offset = 0
    while chunk := os.pread(fd, 1024 * 1024, offset):
        hasher.update(chunk)
        offset += len(chunk)
    return hasher.hexdigest()


def block_digests(fd: int) -> tuple[list[str], str]:
    """The SHA-256 of each 4 MiB block of an open file, and its content hash."""
    digests: list[str] = []
    whole = hashlib.sha256()
    offset = 0
    while block := os.pread(fd, BLOCK, offset):
        digest = hashlib.sha256(block).digest()
        digests.append(digest.hex())
        whole.update(digest)
        offset += len(block)
    return digests, whole.hexdigest()
