"""The Dropbox content hash of local files (what the server reports as `contentHash`).

The hasher itself is core/contenthash.py, the one the server stores blocks with.
"""

from __future__ import annotations

import os
from pathlib import Path

from dropbox_lite.core.contenthash import BLOCK, ContentHasher, content_hash_of

__all__ = ["BLOCK", "ContentHasher", "block_digests", "hash_bytes", "hash_fd", "hash_file"]

hash_bytes = content_hash_of


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
    hasher = ContentHasher()
    offset = 0
    while block := os.pread(fd, BLOCK, offset):
        hasher.update(block)
        offset += len(block)
    hasher.finish()
    return [digest.hex() for digest in hasher.digests], hasher.hexdigest()
