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

The parts: blob_handles.py (sizes, handles, BlobRecord), blob_write.py (streaming
writes), block_store.py (blocks and staged tails in GridFS, the block index),
blob_read.py (ranges) and blob_gc.py (garbage collection). This module re-exports
what the rest of the code uses, so callers say `blobs.x` and tests patch it here.
"""

from __future__ import annotations

from dropbox_lite.core import errors as errors  # re-exported
from dropbox_lite.core.contenthash import content_hash_of as content_hash_of  # re-exported
from dropbox_lite.core.contenthash import (
    content_hash_of_digests as content_hash_of_digests,  # re-exported
)
from dropbox_lite.files.blob_gc import GarbageReport as GarbageReport
from dropbox_lite.files.blob_gc import collect_garbage as collect_garbage
from dropbox_lite.files.blob_handles import BLOCK_CHUNK_BYTES as BLOCK_CHUNK_BYTES
from dropbox_lite.files.blob_handles import BLOCK_HOLDERS as BLOCK_HOLDERS
from dropbox_lite.files.blob_handles import BLOCK_SIZE as BLOCK_SIZE
from dropbox_lite.files.blob_handles import CHUNKS_PER_BATCH as CHUNKS_PER_BATCH
from dropbox_lite.files.blob_handles import HANDLE_PREFIX as HANDLE_PREFIX
from dropbox_lite.files.blob_handles import INDEX as INDEX
from dropbox_lite.files.blob_handles import MAX_BLOCKS_PER_QUERY as MAX_BLOCKS_PER_QUERY
from dropbox_lite.files.blob_handles import READ_CHUNK as READ_CHUNK
from dropbox_lite.files.blob_handles import THREAD_HASH_MIN as THREAD_HASH_MIN
from dropbox_lite.files.blob_handles import BlobRecord as BlobRecord
from dropbox_lite.files.blob_handles import Readable as Readable
from dropbox_lite.files.blob_handles import block_ids_of as block_ids_of
from dropbox_lite.files.blob_handles import block_ranges as block_ranges
from dropbox_lite.files.blob_handles import chunk_id as chunk_id
from dropbox_lite.files.blob_handles import handle as handle
from dropbox_lite.files.blob_read import blob_size as blob_size
from dropbox_lite.files.blob_read import block_sizes as block_sizes
from dropbox_lite.files.blob_read import read_all as read_all
from dropbox_lite.files.blob_read import read_range as read_range
from dropbox_lite.files.blob_read import stored_totals as stored_totals
from dropbox_lite.files.blob_write import Blocks as Blocks
from dropbox_lite.files.blob_write import BlockWriter as BlockWriter
from dropbox_lite.files.blob_write import write_blob as write_blob
from dropbox_lite.files.block_store import block_digest as block_digest
from dropbox_lite.files.block_store import drop_staged as drop_staged
from dropbox_lite.files.block_store import find_block as find_block
from dropbox_lite.files.block_store import find_blocks as find_blocks
from dropbox_lite.files.block_store import keep_blocks as keep_blocks
from dropbox_lite.files.block_store import store_block as store_block
from dropbox_lite.files.block_store import store_small_blocks as store_small_blocks
from dropbox_lite.files.block_store import store_staged as store_staged
