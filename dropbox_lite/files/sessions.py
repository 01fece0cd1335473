"""Upload sessions: bytes staged as 4 MiB blocks, then committed by a metadata write.

One mechanism under both faces: tus (files/tus.py) and our own sessions (GraphQL
`startUploadSession` / `finishUploadSession` / `finishUploadBatch` / `missingBlocks`,
bytes over plain HTTP in files/session_routes.py).

A session (`upload_sessions`) belongs to one user and expires after
UPLOAD_SESSION_HOURS. Bytes arrive in one of two ways:

- **at an offset** (tus, `PATCH /upload-sessions/{id}`): appended in order; whole
  blocks are stored as they fill, and the last, unfinished one (the *tail*, less
  than a block) is kept as a staging GridFS file of its own until more bytes
  complete it. The session document holds the offset, the block list and the
  tail; every change is a compare-and-set on (offset, version), so a second
  append at the same offset loses (IncorrectOffset, with the right offset) and
  changes nothing. Progress is saved every CHECKPOINT_BLOCKS blocks and when the
  connection is cut, so a resumed upload sends at most that much again.
- **by block** (`PUT /upload-sessions/{id}/blocks/{index}`, or many at once):
  in any order and in parallel; each block is one `upload_parts` document,
  inserted by its own unique id, so parallel writers never overwrite each other.

A commit copies no bytes: it checks the block list, then writes the entry and its
revision as `uploadFile` does (files/writes.py, same rules and errors).

Block existence is never an oracle: a client learns that a block is missing only
relative to what it may already read (blocks of its own files, of shared folders it
is a member of, and of its own sessions), never whether another user stores it.

The parts: session_lifecycle.py (records, start, get, cancel, prune), session_append.py
(bytes at an offset, by block, missingBlocks) and session_finish.py (finish, batch).
This module re-exports what the rest of the code uses.
"""

from __future__ import annotations

from dropbox_lite.files.session_append import CHECKPOINT_BLOCKS as CHECKPOINT_BLOCKS
from dropbox_lite.files.session_append import append as append
from dropbox_lite.files.session_append import available_blocks as available_blocks
from dropbox_lite.files.session_append import missing_blocks as missing_blocks
from dropbox_lite.files.session_append import put_blocks as put_blocks
from dropbox_lite.files.session_finish import BatchItem as BatchItem
from dropbox_lite.files.session_finish import finish as finish
from dropbox_lite.files.session_finish import finish_batch as finish_batch
from dropbox_lite.files.session_lifecycle import CHECKSUMS as CHECKSUMS
from dropbox_lite.files.session_lifecycle import DIGEST_RE as DIGEST_RE
from dropbox_lite.files.session_lifecycle import MAX_BATCH as MAX_BATCH
from dropbox_lite.files.session_lifecycle import MAX_BLOCKS_PER_REQUEST as MAX_BLOCKS_PER_REQUEST
from dropbox_lite.files.session_lifecycle import PARTS as PARTS
from dropbox_lite.files.session_lifecycle import SESSIONS as SESSIONS
from dropbox_lite.files.session_lifecycle import SMALL_BLOCKS_BYTES as SMALL_BLOCKS_BYTES
from dropbox_lite.files.session_lifecycle import IncorrectOffset as IncorrectOffset
from dropbox_lite.files.session_lifecycle import SessionRecord as SessionRecord
from dropbox_lite.files.session_lifecycle import cancel as cancel
from dropbox_lite.files.session_lifecycle import check_digest as check_digest
from dropbox_lite.files.session_lifecycle import get as get
from dropbox_lite.files.session_lifecycle import parse_checksum as parse_checksum
from dropbox_lite.files.session_lifecycle import prune as prune
from dropbox_lite.files.session_lifecycle import start as start
