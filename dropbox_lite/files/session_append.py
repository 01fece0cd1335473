"""Bytes into an upload session (see files/sessions.py): at an offset, by block, and
which blocks a user may name without sending them."""

from __future__ import annotations

import asyncio
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

from bson import ObjectId

from dropbox_lite.core import errors
from dropbox_lite.core.config import Settings
from dropbox_lite.core.db import Database
from dropbox_lite.files import blobs, store, upload_store
from dropbox_lite.files.records import now, oid
from dropbox_lite.files.session_lifecycle import (
    CHECKSUMS,
    MAX_BLOCKS_PER_REQUEST,
    SMALL_BLOCKS_BYTES,
    IncorrectOffset,
    SessionRecord,
    _load,
    _record,
    check_digest,
)
from dropbox_lite.sharing import members

# Offset appends save their progress every this many blocks (a cut or a crash of the
# server costs at most this much again).
CHECKPOINT_BLOCKS = 8


@dataclass
class _Appending:
    """An offset append's state between saves: the session as last saved, and the
    blocks stored since."""

    session: upload_store.StoredSession
    blocks: list[str] = field(default_factory=list)
    block_ids: list[ObjectId] = field(default_factory=list)


# -- bytes at an offset ---------------------------------------------------------------


async def _save(
    db: Database, state: _Appending, *, offset: int, tail_id: ObjectId | None, tail_size: int
) -> None:
    """Compare-and-set the session to its new offset; IncorrectOffset when another
    append moved it first (what this one stored is left to gc)."""
    old_tail = state.session.tail_id
    moved, current = await upload_store.advance(
        db,
        state.session,
        offset=offset,
        more_blocks=state.blocks,
        more_block_ids=state.block_ids,
        tail_id=tail_id,
        tail_size=tail_size,
    )
    if moved is None:
        raise IncorrectOffset(0 if current is None else current)
    state.session = moved
    state.blocks, state.block_ids = [], []
    if old_tail is not None and old_tail != tail_id:
        await blobs.drop_staged(db, old_tail)


async def append(
    *,
    db: Database,
    settings: Settings,
    user_id: str,
    session_id: str,
    offset: int,
    stream: blobs.Readable,
    checksum: tuple[str, bytes] | None = None,
) -> SessionRecord:
    """Append the stream's bytes at `offset` (IncorrectOffset when it is not the
    session's). With `checksum` (algorithm, digest of these bytes), a mismatch
    discards them all (ChecksumMismatch). A stream that reports `cut` (the client
    went away) keeps what arrived, unless a checksum was to be checked."""
    session = await _load(db, user_id, session_id)
    if session.committed_id is not None:
        raise errors.BadInput("This upload is finished already.")
    if offset != session.offset:
        raise IncorrectOffset(session.offset)
    if len(session.blocks) * blobs.BLOCK_SIZE + session.tail_size != offset:
        # A finish closed its short last block: it takes no more bytes.
        raise errors.BadInput("This upload was finished; start a new session to send more.")
    limit = session.length if session.length is not None else settings.max_upload_bytes
    checker = CHECKSUMS[checksum[0]]() if checksum is not None else None
    state = _Appending(session=session)
    buffer = blobs.Blocks(await _tail_bytes(db, session))
    received = 0
    writer = blobs.BlockWriter(db)
    saved = 0  # blocks of this append saved already

    def stored() -> None:
        """What the writer stored since the last save, for the next one."""
        nonlocal saved
        state.blocks, state.block_ids = writer.digests[saved:], writer.ids[saved:]
        saved = len(writer.ids)

    try:
        while True:
            chunk = await stream.read(blobs.READ_CHUNK)
            if not chunk:
                break
            if offset + received + len(chunk) > limit:
                if session.length is not None:
                    raise errors.BadInput("More bytes than the upload's declared length.")
                raise errors.FileTooLarge(
                    f"The file is larger than this server accepts ({limit} bytes)."
                )
            if checker is not None:
                checker.update(chunk)
            received += len(chunk)
            for block in buffer.feed(chunk):
                await writer.add(block)
            if checker is None and writer.count - saved >= CHECKPOINT_BLOCKS:
                await writer.finish()
                stored()
                at = (len(state.session.blocks) + len(state.blocks)) * blobs.BLOCK_SIZE
                await _save(db, state, offset=at, tail_id=None, tail_size=0)
        cut = bool(getattr(stream, "cut", False))
        if checker is not None:
            assert checksum is not None
            if cut or checker.digest() != checksum[1]:
                raise errors.ChecksumMismatch(
                    "The bytes do not match Upload-Checksum; they were discarded."
                )
        end = offset + received
        complete = session.length is not None and end == session.length
        tail_id: ObjectId | None = None
        tail_size = buffer.filled
        rest = buffer.rest() if tail_size else b""
        if rest and complete:
            await writer.add(rest)
            tail_size = 0
        await writer.finish()
        stored()
        if received == 0 and not state.blocks:
            return _record(state.session)
        if tail_size:
            tail_id = await blobs.store_staged(db, rest)
        try:
            await _save(db, state, offset=end, tail_id=tail_id, tail_size=tail_size)
        except BaseException:
            if tail_id is not None:
                await asyncio.shield(blobs.drop_staged(db, tail_id))
            raise
    except BaseException:
        await asyncio.shield(writer.abort())
        raise
    return _record(state.session)


async def _tail_bytes(db: Database, session: upload_store.StoredSession) -> bytes:
    if session.tail_id is None:
        return b""
    return await blobs.read_all(db=db, blob_id=str(session.tail_id), limit=blobs.BLOCK_SIZE)


# -- bytes by block -------------------------------------------------------------------


async def put_blocks(
    *,
    db: Database,
    settings: Settings,
    user_id: str,
    session_id: str,
    first: int,
    sizes: Sequence[int],
    stream: blobs.Readable,
    digests: Sequence[str] | None = None,
) -> list[str]:
    """Stage blocks `first`, `first + 1`, ... of the session, of the given sizes, read
    one after another from the stream; their SHA-256 digests. With `digests`, each
    block must match its own (ChecksumMismatch, nothing staged)."""
    session = await _load(db, user_id, session_id)
    if not sizes or len(sizes) > MAX_BLOCKS_PER_REQUEST:
        raise errors.BadInput(f"Send 1 to {MAX_BLOCKS_PER_REQUEST} blocks per request.")
    if any(size <= 0 or size > blobs.BLOCK_SIZE for size in sizes):
        raise errors.BadInput(f"A block has 1 to {blobs.BLOCK_SIZE} bytes.")
    if first < 0 or (first + len(sizes)) * blobs.BLOCK_SIZE > settings.max_upload_bytes + (
        blobs.BLOCK_SIZE
    ):
        raise errors.BadInput("The block index is out of range.")
    if digests is not None and len(digests) != len(sizes):
        raise errors.BadInput("Give one hash per block.")
    wanted = [check_digest(d) for d in digests] if digests is not None else None
    reader = _Exact(stream)
    writer = blobs.BlockWriter(db)
    # Many short blocks (small files) are stored together: a few inserts in all.
    together = max(sizes) < blobs.BLOCK_SIZE and sum(sizes) <= SMALL_BLOCKS_BYTES
    held: list[tuple[bytes, str]] = []
    found: list[str] = []
    try:
        for n, size in enumerate(sizes):
            block = await reader.take(size)
            if len(block) != size:
                raise errors.BadInput("The body is shorter than the block sizes say.")
            if size > 65536:
                digest = await asyncio.to_thread(blobs.block_digest, block)
            else:
                digest = blobs.block_digest(block)
            if wanted is not None and wanted[n] != digest:
                raise errors.ChecksumMismatch(f"Block {first + n} does not match its hash.")
            found.append(digest)
            if together:
                held.append((block, digest))
            else:
                await writer.add(block, digest)
        if await reader.take(1):
            raise errors.BadInput("The body is longer than the block sizes say.")
        ids = await blobs.store_small_blocks(db, held) if together else await writer.finish()
    except BaseException:
        await asyncio.shield(writer.abort())
        raise
    parts = [
        upload_store.StoredPart(
            session_id=session.id,
            user_id=session.user_id,
            index=first + n,
            sha=digest,
            size=sizes[n],
            block_id=ids[n],
            expires_at=session.expires_at,
        )
        for n, digest in enumerate(found)
    ]
    await upload_store.put_parts(db, parts)
    return found


class _Exact:
    """Reads exactly n bytes at a time from a stream that hands out any slices."""

    def __init__(self, stream: blobs.Readable) -> None:
        self.stream = stream
        self.buffer = bytearray()
        self.done = False

    async def take(self, size: int) -> bytes:
        while len(self.buffer) < size and not self.done:
            chunk = await self.stream.read(blobs.READ_CHUNK)
            if not chunk:
                self.done = True
                break
            self.buffer += chunk
        piece = bytes(self.buffer[:size])
        del self.buffer[:size]
        return piece


# -- what a user may name without sending ---------------------------------------------


async def available_blocks(
    db: Database, user: ObjectId, digests: Sequence[str]
) -> dict[str, ObjectId]:
    """The blocks among `digests` this user may commit without sending them: in their
    own sessions, their own files and history, and files of shared folders they are a
    member of. Never a lookup in the global block index (that would be an oracle)."""
    remaining = set(digests)
    found: dict[str, ObjectId] = {}
    at = now()

    def take(shas: Sequence[str] | None, ids: Sequence[ObjectId] | None) -> None:
        for sha, block in zip(shas or (), ids or (), strict=False):
            if sha in remaining:
                found[sha] = block
                remaining.discard(sha)

    if remaining:
        for shas, ids in await upload_store.parts_with_blocks(db, user, sorted(remaining), at):
            take(shas, ids)
    if remaining:
        for shas, ids in await upload_store.sessions_with_blocks(db, user, sorted(remaining), at):
            take(shas, ids)
    if remaining:
        shares = [m.share_id for m in await members.of_user(db, user)]
        scope: dict[str, Any] = {"owner_id": user}
        if shares:
            scope = {"$or": [scope, {"share_id": {"$in": shares}}]}
        for shas, ids in await store.entries_with_blocks(db, scope, sorted(remaining)):
            take(shas, ids)
    if remaining:
        for shas, ids in await store.revisions_with_blocks(db, user, sorted(remaining)):
            take(shas, ids)
    if found:
        await blobs.keep_blocks(db, list(found.values()))
    return found


async def missing_blocks(*, db: Database, user_id: str, digests: Sequence[str]) -> list[str]:
    """The digests (each once, in the order given) this user must still send."""
    wanted = list(dict.fromkeys(check_digest(d) for d in digests))
    if len(wanted) > blobs.MAX_BLOCKS_PER_QUERY:
        raise errors.BadInput(f"Ask about at most {blobs.MAX_BLOCKS_PER_QUERY} blocks at once.")
    found = await available_blocks(db, oid(user_id), wanted)
    return [d for d in wanted if d not in found]
