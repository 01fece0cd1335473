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
"""

from __future__ import annotations

import asyncio
import base64
import hashlib
import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from typing import Any

from bson import ObjectId

from dropbox_lite.core import errors
from dropbox_lite.core.clock import aware
from dropbox_lite.core.config import Settings
from dropbox_lite.core.db import Database
from dropbox_lite.files import batch, blobs, members, quota, store
from dropbox_lite.files.access import owners_quota
from dropbox_lite.files.entries import entry_doc
from dropbox_lite.files.records import EntryRecord, entry_record, now, oid
from dropbox_lite.files.writes import Target, commit_write, prepare_write

SESSIONS = "upload_sessions"
PARTS = "upload_parts"
MAX_BATCH = 1000  # files committed by one finishUploadBatch
MAX_BLOCKS_PER_REQUEST = 1000
# Short blocks of one request up to this many bytes are stored with one insert each of
# chunks, files documents and index entries.
SMALL_BLOCKS_BYTES = 16 * 1024 * 1024
# Offset appends save their progress every this many blocks (a cut or a crash of the
# server costs at most this much again).
CHECKPOINT_BLOCKS = 8
DIGEST_RE = re.compile(r"^[0-9a-f]{64}$")
CHECKSUMS = {"sha1": hashlib.sha1, "sha256": hashlib.sha256}


class IncorrectOffset(errors.DomainError):
    """Bytes sent at an offset that is not the session's; `correct` is its offset."""

    code = "INCORRECT_OFFSET"

    def __init__(self, correct: int = 0) -> None:
        super().__init__(f"The upload is at offset {correct}.", correct_offset=correct)
        self.correct = correct


@dataclass(frozen=True)
class SessionRecord:
    id: str
    offset: int  # bytes appended at offsets so far
    length: int | None  # the declared length (tus), if any
    created_at: datetime
    expires_at: datetime
    metadata: dict[str, str]
    committed_id: str | None  # the file its content became, once finished
    committed_rev: int | None


@dataclass(frozen=True)
class BatchItem:
    """One file of finishUploadBatch: the content of a session, or a block list."""

    folder_id: str | None
    name: str
    session_id: str | None = None
    blocks: Sequence[str] | None = None
    mode: str = "add"
    parent_rev: int | None = None
    autorename: bool = False
    content_hash: str | None = None


@dataclass
class _Appending:
    """An offset append's state between saves."""

    doc: dict[str, Any]
    blocks: list[str] = field(default_factory=list)
    block_ids: list[ObjectId] = field(default_factory=list)


def _record(doc: dict[str, Any]) -> SessionRecord:
    committed = doc.get("committed") or {}
    return SessionRecord(
        id=str(doc["_id"]),
        offset=int(doc["offset"]),
        length=None if doc.get("length") is None else int(doc["length"]),
        created_at=aware(doc["created_at"]),
        expires_at=aware(doc["expires_at"]),
        metadata=dict(doc.get("metadata") or {}),
        committed_id=None if committed.get("entry_id") is None else str(committed["entry_id"]),
        committed_rev=None if committed.get("rev") is None else int(committed["rev"]),
    )


def check_digest(digest: str) -> str:
    """A block's SHA-256 as the API takes it: 64 hex digits (BadInput otherwise)."""
    value = digest.strip().lower() if isinstance(digest, str) else ""
    if not DIGEST_RE.match(value):
        raise errors.BadInput("A block hash is the SHA-256 of the block: 64 hex digits.")
    return value


async def start(
    *,
    db: Database,
    settings: Settings,
    user_id: str,
    length: int | None = None,
    target: Target | None = None,
    metadata: dict[str, str] | None = None,
) -> SessionRecord:
    """Open a session. With `length`, refuse at once what could never be committed:
    over MAX_UPLOAD_BYTES (FileTooLarge) or over the free quota (QuotaExceeded) of
    the target's owner (or the user's own, without a target)."""
    user = oid(user_id)
    if length is not None:
        if length < 0:
            raise errors.BadInput("The length must not be negative.")
        if length > settings.max_upload_bytes:
            raise errors.FileTooLarge(
                f"The file is larger than this server accepts ({settings.max_upload_bytes} bytes)."
            )
        owner, freed = user, 0
        if target is not None:
            owner = target.into.owner
            if target.existing is not None and target.existing["is_file"]:
                freed = int(target.existing.get("size", 0))
        room = await quota.quota_left(db, owner, freed=freed)
        if room is not None and length > room:
            if target is not None:
                with owners_quota(target.into):
                    raise errors.QuotaExceeded()
            raise errors.QuotaExceeded()
    at = now()
    doc: dict[str, Any] = {
        "_id": ObjectId(),
        "user_id": user,
        "created_at": at,
        "expires_at": at + timedelta(hours=settings.upload_session_hours),
        "length": length,
        "offset": 0,
        "version": 0,
        "blocks": [],
        "block_ids": [],
        "tail_id": None,
        "tail_size": 0,
        "metadata": dict(metadata or {}),
        "committed": None,
    }
    await db[SESSIONS].insert_one(doc)
    return _record(doc)


async def _load(db: Database, user_id: str, session_id: str) -> dict[str, Any]:
    """The user's live session (NotFound when missing, someone else's, or expired)."""
    doc: dict[str, Any] | None = await db[SESSIONS].find_one(
        {"_id": oid(session_id), "user_id": oid(user_id)}
    )
    if doc is None or aware(doc["expires_at"]) <= now():
        raise errors.NotFound("No such upload session (or it has expired).")
    return doc


async def get(*, db: Database, user_id: str, session_id: str) -> SessionRecord:
    """The user's session: its offset, length, expiry, and the file it became."""
    return _record(await _load(db, user_id, session_id))


async def cancel(*, db: Database, user_id: str, session_id: str) -> bool:
    """End a session: its staged bytes are freed by gc. False when there was none."""
    try:
        doc = await _load(db, user_id, session_id)
    except errors.NotFound:
        return False
    await _drop(db, doc)
    return True


async def _drop(db: Database, doc: dict[str, Any]) -> None:
    await db[PARTS].delete_many({"session_id": doc["_id"]})
    await db[SESSIONS].delete_one({"_id": doc["_id"]})
    if doc.get("tail_id") is not None:
        await blobs.drop_staged(db, doc["tail_id"])


async def prune(*, db: Database) -> int:
    """Remove expired sessions, their staged parts and tails (upkeep); how many."""
    removed = 0
    async for doc in db[SESSIONS].find({"expires_at": {"$lt": now()}}):
        await _drop(db, doc)
        removed += 1
    await db[PARTS].delete_many({"expires_at": {"$lt": now()}})
    return removed


# -- bytes at an offset ---------------------------------------------------------------


async def _save(
    db: Database, state: _Appending, *, offset: int, tail_id: ObjectId | None, tail_size: int
) -> None:
    """Compare-and-set the session to its new offset; IncorrectOffset when another
    append moved it first (what this one stored is left to gc)."""
    doc = state.doc
    changes = {
        "offset": offset,
        "version": int(doc["version"]) + 1,
        "blocks": [*doc["blocks"], *state.blocks],
        "block_ids": [*doc["block_ids"], *state.block_ids],
        "tail_id": tail_id,
        "tail_size": tail_size,
    }
    result = await db[SESSIONS].update_one(
        {"_id": doc["_id"], "offset": doc["offset"], "version": doc["version"]},
        {"$set": changes},
    )
    if result.matched_count != 1:
        current = await db[SESSIONS].find_one({"_id": doc["_id"]}, {"offset": 1})
        raise IncorrectOffset(0 if current is None else int(current["offset"]))
    old_tail = doc.get("tail_id")
    state.doc = {**doc, **changes}
    state.blocks, state.block_ids = [], []
    if old_tail is not None and old_tail != tail_id:
        await blobs.drop_staged(db, old_tail)


def parse_checksum(header: str | None) -> tuple[str, bytes] | None:
    """tus `Upload-Checksum: <algorithm> <base64 digest>` (BadInput when malformed)."""
    if header is None:
        return None
    algorithm, _, encoded = header.strip().partition(" ")
    if algorithm not in CHECKSUMS:
        raise errors.BadInput(f"Unsupported checksum algorithm {algorithm!r}.")
    try:
        digest = base64.b64decode(encoded.strip(), validate=True)
    except ValueError:
        raise errors.BadInput("The checksum is not base64.") from None
    return algorithm, digest


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
    doc = await _load(db, user_id, session_id)
    if doc.get("committed") is not None:
        raise errors.BadInput("This upload is finished already.")
    if offset != int(doc["offset"]):
        raise IncorrectOffset(int(doc["offset"]))
    if len(doc["blocks"]) * blobs.BLOCK_SIZE + int(doc["tail_size"]) != offset:
        # A finish closed its short last block: it takes no more bytes.
        raise errors.BadInput("This upload was finished; start a new session to send more.")
    limit = int(doc["length"]) if doc.get("length") is not None else settings.max_upload_bytes
    checker = CHECKSUMS[checksum[0]]() if checksum is not None else None
    state = _Appending(doc=doc)
    buffer = blobs.Blocks(await _tail_bytes(db, doc))
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
                if doc.get("length") is not None:
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
                at = (len(state.doc["blocks"]) + len(state.blocks)) * blobs.BLOCK_SIZE
                await _save(db, state, offset=at, tail_id=None, tail_size=0)
        cut = bool(getattr(stream, "cut", False))
        if checker is not None:
            assert checksum is not None
            if cut or checker.digest() != checksum[1]:
                raise errors.ChecksumMismatch(
                    "The bytes do not match Upload-Checksum; they were discarded."
                )
        end = offset + received
        complete = doc.get("length") is not None and end == int(doc["length"])
        tail_id: ObjectId | None = None
        tail_size = buffer.filled
        rest = buffer.rest() if tail_size else b""
        if rest and complete:
            await writer.add(rest)
            tail_size = 0
        await writer.finish()
        stored()
        if received == 0 and not state.blocks:
            return _record(state.doc)
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
    return _record(state.doc)


async def _tail_bytes(db: Database, doc: dict[str, Any]) -> bytes:
    tail = doc.get("tail_id")
    if tail is None:
        return b""
    return await blobs.read_all(db=db, blob_id=str(tail), limit=blobs.BLOCK_SIZE)


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
    doc = await _load(db, user_id, session_id)
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
        {
            "_id": f"{doc['_id']}:{first + n}",
            "session_id": doc["_id"],
            "user_id": doc["user_id"],
            "index": first + n,
            "sha": digest,
            "size": sizes[n],
            "block_ids": [ids[n]],
            "expires_at": doc["expires_at"],
        }
        for n, digest in enumerate(found)
    ]
    await store.put_parts(db, PARTS, parts)
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
        cursor = db[PARTS].find(
            {"user_id": user, "sha": {"$in": sorted(remaining)}, "expires_at": {"$gt": at}},
            {"sha": 1, "block_ids": 1},
        )
        async for part in cursor:
            take([part["sha"]], part["block_ids"])
    if remaining:
        cursor = db[SESSIONS].find(
            {"user_id": user, "blocks": {"$in": sorted(remaining)}, "expires_at": {"$gt": at}},
            {"blocks": 1, "block_ids": 1},
        )
        async for session in cursor:
            take(session["blocks"], session["block_ids"])
    if remaining:
        shares = [m["share_id"] for m in await members.of_user(db, user)]
        scope: dict[str, Any] = {"owner_id": user}
        if shares:
            scope = {"$or": [scope, {"share_id": {"$in": shares}}]}
        cursor = db["entries"].find(
            {**scope, "blocks": {"$in": sorted(remaining)}, "deleted": False},
            {"blocks": 1, "block_ids": 1},
        )
        async for entry in cursor:
            take(entry.get("blocks"), entry.get("block_ids"))
    if remaining:
        cursor = db["revisions"].find(
            {"owner_id": user, "blocks": {"$in": sorted(remaining)}},
            {"blocks": 1, "block_ids": 1},
        )
        async for revision in cursor:
            take(revision.get("blocks"), revision.get("block_ids"))
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


# -- commits --------------------------------------------------------------------------


async def _from_blocks(
    db: Database,
    digests: Sequence[str],
    found: dict[str, ObjectId],
    known_sizes: dict[ObjectId, int] | None = None,
) -> blobs.BlobRecord:
    missing = [d for d in digests if d not in found]
    if missing:
        raise errors.InvalidInput(
            f"{len(missing)} block(s) are not uploaded yet (ask missingBlocks, then send them).",
            missing=missing,
        )
    ids = [found[d] for d in digests]
    sizes = known_sizes if known_sizes is not None else await blobs.block_sizes(db, ids)
    if any(block not in sizes for block in ids):
        raise errors.InvalidInput("A block is no longer stored; send it again.")
    lengths = [sizes[block] for block in ids]
    if any(size != blobs.BLOCK_SIZE for size in lengths[:-1]):
        raise errors.InvalidInput("Every block but the last must have 4 MiB (4,194,304 bytes).")
    return blobs.BlobRecord(
        blob_id=blobs.handle(ids),
        size=sum(lengths),
        sha256="",
        content_hash=blobs.content_hash_of_digests(digests),
        blocks=tuple(digests),
        block_ids=tuple(ids),
    )


async def _session_content(
    db: Database, doc: dict[str, Any], parts: list[dict[str, Any]] | None = None
) -> blobs.BlobRecord:
    """What the session holds as one file: its offset appends, or its blocks by index
    (`parts`: its staged blocks in index order, when read already)."""
    if int(doc["offset"]) > 0 or doc.get("length") is not None:
        if doc.get("length") is not None and int(doc["offset"]) != int(doc["length"]):
            raise errors.InvalidInput(
                f"The upload is incomplete: {doc['offset']} of {doc['length']} bytes."
            )
        if doc.get("tail_id") is not None:
            doc = await _close_tail(db, doc)
        digests = list(doc["blocks"])
        return await _from_blocks(db, digests, dict(zip(digests, doc["block_ids"], strict=False)))
    if parts is None:
        parts = [p async for p in db[PARTS].find({"session_id": doc["_id"]}).sort("index", 1)]
    if [p["index"] for p in parts] != list(range(len(parts))):
        raise errors.InvalidInput("Blocks are missing: send blocks 0 to N-1 of the file.")
    digests = [p["sha"] for p in parts]
    return await _from_blocks(db, digests, {p["sha"]: p["block_ids"][0] for p in parts})


async def _close_tail(db: Database, doc: dict[str, Any]) -> dict[str, Any]:
    """Store the tail of a session without a declared length as its last block."""
    data = await _tail_bytes(db, doc)
    digest = blobs.block_digest(data)
    block = await blobs.store_block(db, data, digest)
    state = _Appending(doc=doc, blocks=[digest], block_ids=[block])
    await _save(db, state, offset=int(doc["offset"]), tail_id=None, tail_size=0)
    return state.doc


async def finish(
    *,
    db: Database,
    settings: Settings,
    user_id: str,
    session_id: str,
    folder_id: str | None,
    name: str,
    mode: str = "add",
    parent_rev: int | None = None,
    autorename: bool = False,
    content_hash: str | None = None,
    username: str | None = None,
) -> EntryRecord:
    """Commit the session's content as one file, as uploadFile would (same errors).

    Finishing again returns the file it became. A refused commit changes nothing:
    the session stays, to be finished again (until it expires).
    """
    doc = await _load(db, user_id, session_id)
    committed = doc.get("committed")
    if committed is not None:
        return entry_record(await entry_doc(db, oid(user_id), str(committed["entry_id"])))
    target = await prepare_write(
        db=db, user_id=user_id, folder_id=folder_id, name=name, mode=mode, parent_rev=parent_rev
    )
    blob = await _session_content(db, doc)
    record = await _commit(db, settings, target, blob, autorename, content_hash, username)
    await _mark_committed(db, doc["_id"], record)
    return record


def _check_commit(settings: Settings, blob: blobs.BlobRecord, content_hash: str | None) -> None:
    """What a commit checks of the content itself: its size and expected hash."""
    if blob.size > settings.max_upload_bytes:
        raise errors.FileTooLarge(
            f"The file is larger than this server accepts ({settings.max_upload_bytes} bytes)."
        )
    if content_hash is not None and content_hash.lower() != blob.content_hash:
        raise errors.ChecksumMismatch()


async def _commit(
    db: Database,
    settings: Settings,
    target: Target,
    blob: blobs.BlobRecord,
    autorename: bool,
    content_hash: str | None,
    username: str | None,
) -> EntryRecord:
    _check_commit(settings, blob, content_hash)
    return await commit_write(
        db=db,
        settings=settings,
        target=target,
        blob=blob,
        autorename=autorename,
        username=username,
    )


async def _mark_committed(db: Database, session_id: ObjectId, record: EntryRecord) -> None:
    """The session became this file: finishing it again returns the file."""
    await db[SESSIONS].update_one(
        {"_id": session_id},
        {"$set": {"committed": {"entry_id": ObjectId(record.id), "rev": record.rev}}},
    )


async def finish_batch(
    *,
    db: Database,
    settings: Settings,
    user_id: str,
    items: Sequence[BatchItem],
    username: str | None = None,
) -> list[EntryRecord | errors.DomainError]:
    """Commit up to MAX_BATCH files; each result on its own (a file or its error).

    What is shared is read once for the whole batch (the blocks named, the sessions and
    their staged blocks, each folder and each owner's quota), and new files are written
    together (files/batch.py): a few round trips per batch, not per file.
    """
    if len(items) > MAX_BATCH:
        raise errors.BadInput(f"A batch commits at most {MAX_BATCH} files.")
    user = oid(user_id)
    named: list[str] = []
    session_ids: list[ObjectId] = []
    for item in items:
        if (item.session_id is None) == (item.blocks is None):
            raise errors.BadInput("Give each file either a sessionId or its blocks.")
        named.extend(check_digest(d) for d in item.blocks or ())
        if item.session_id is not None and ObjectId.is_valid(item.session_id):
            session_ids.append(ObjectId(item.session_id))
    found = await available_blocks(db, user, list(dict.fromkeys(named))) if named else {}
    sizes = await blobs.block_sizes(db, list(found.values()))  # once for the whole batch
    docs = await _load_many(db, user, session_ids)
    parts = await _parts_of(db, [d for d in docs.values() if _by_block(d)])
    targets = batch.Targets(db, user)
    outcomes: list[EntryRecord | errors.DomainError | None] = [None] * len(items)
    pending: list[tuple[int, batch.NewFile]] = []
    for n, item in enumerate(items):
        try:
            doc = None
            if item.session_id is not None:
                doc = docs.get(oid(item.session_id))
                if doc is None:
                    raise errors.NotFound("No such upload session (or it has expired).")
                committed = doc.get("committed")
                if committed is not None:
                    outcomes[n] = entry_record(
                        await entry_doc(db, user, str(committed["entry_id"]))
                    )
                    continue
            target = await targets.target(
                folder_id=item.folder_id, name=item.name, mode=item.mode, parent_rev=item.parent_rev
            )
            if doc is not None:
                blob = await _session_content(db, doc, parts.get(doc["_id"], []))
            else:
                digests = [check_digest(d) for d in item.blocks or ()]
                blob = await _from_blocks(db, digests, found, sizes)
            _check_commit(settings, blob, item.content_hash)
            pending.append((n, batch.NewFile(target=target, blob=blob, autorename=item.autorename)))
        except errors.DomainError as refused:
            outcomes[n] = refused
    results = await batch.commit_files(
        db=db, settings=settings, files=[new for _, new in pending], username=username
    )
    for (n, _), result in zip(pending, results, strict=True):
        outcomes[n] = result
        session_id = items[n].session_id
        if session_id is not None and isinstance(result, EntryRecord):
            await _mark_committed(db, oid(session_id), result)
    assert all(outcome is not None for outcome in outcomes)
    return [outcome for outcome in outcomes if outcome is not None]


async def _load_many(
    db: Database, user: ObjectId, session_ids: list[ObjectId]
) -> dict[ObjectId, dict[str, Any]]:
    """The user's live sessions among these, by id (in one query)."""
    if not session_ids:
        return {}
    at = now()
    cursor = db[SESSIONS].find({"_id": {"$in": list(set(session_ids))}, "user_id": user})
    return {doc["_id"]: doc async for doc in cursor if aware(doc["expires_at"]) > at}


def _by_block(doc: dict[str, Any]) -> bool:
    """Whether the session's bytes came block by block (not at offsets)."""
    return int(doc["offset"]) == 0 and doc.get("length") is None and doc.get("committed") is None


async def _parts_of(
    db: Database, docs: list[dict[str, Any]]
) -> dict[ObjectId, list[dict[str, Any]]]:
    """The staged blocks of these sessions, by session, in index order (one query)."""
    if not docs:
        return {}
    found: dict[ObjectId, list[dict[str, Any]]] = {}
    cursor = db[PARTS].find({"session_id": {"$in": [d["_id"] for d in docs]}})
    async for part in cursor:
        found.setdefault(part["session_id"], []).append(part)
    for parts in found.values():
        parts.sort(key=lambda part: int(part["index"]))
    return found
