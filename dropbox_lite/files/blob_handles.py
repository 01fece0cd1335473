"""The shared vocabulary of content storage (see files/blobs.py): sizes, the content
handle and what a stored blob is."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Protocol

from bson import ObjectId

from dropbox_lite.core import errors
from dropbox_lite.core.contenthash import BLOCK

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


def chunk_id(file_id: ObjectId, n: int) -> str:
    """The `_id` of chunk `n` of a blob: derived, so that a read addresses chunks by `_id`.

    Any GridFS client still reads them through the standard `files_id`/`n` fields.
    """
    return f"{file_id}:{n}"


def _oid(blob_id: str | ObjectId) -> ObjectId:
    if isinstance(blob_id, ObjectId):
        return blob_id
    if not ObjectId.is_valid(blob_id):
        raise errors.NotFound()
    return ObjectId(blob_id)
