"""Committing upload sessions and block lists as files (see files/sessions.py): finish
and finishUploadBatch."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from bson import ObjectId

from dropbox_lite.core import errors
from dropbox_lite.core.config import Settings
from dropbox_lite.core.db import Database
from dropbox_lite.files import batch, blobs, upload_store
from dropbox_lite.files.entries import entry_doc
from dropbox_lite.files.records import EntryRecord, now, oid
from dropbox_lite.files.session_append import (
    _Appending,
    _save,
    _tail_bytes,
    available_blocks,
)
from dropbox_lite.files.session_lifecycle import MAX_BATCH, _load, check_digest
from dropbox_lite.files.upload_store import StoredPart, StoredSession
from dropbox_lite.files.writes import Target, commit_write, prepare_write


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
    db: Database, session: StoredSession, parts: list[StoredPart] | None = None
) -> blobs.BlobRecord:
    """What the session holds as one file: its offset appends, or its blocks by index
    (`parts`: its staged blocks in index order, when read already)."""
    if session.offset > 0 or session.length is not None:
        if session.length is not None and session.offset != session.length:
            raise errors.InvalidInput(
                f"The upload is incomplete: {session.offset} of {session.length} bytes."
            )
        if session.tail_id is not None:
            session = await _close_tail(db, session)
        digests = list(session.blocks)
        return await _from_blocks(db, digests, dict(zip(digests, session.block_ids, strict=False)))
    if parts is None:
        parts = sorted(await upload_store.parts_of(db, [session.id]), key=lambda p: p.index)
    if [p.index for p in parts] != list(range(len(parts))):
        raise errors.InvalidInput("Blocks are missing: send blocks 0 to N-1 of the file.")
    digests = [p.sha for p in parts]
    return await _from_blocks(db, digests, {p.sha: p.block_id for p in parts})


async def _close_tail(db: Database, session: StoredSession) -> StoredSession:
    """Store the tail of a session without a declared length as its last block."""
    data = await _tail_bytes(db, session)
    digest = blobs.block_digest(data)
    block = await blobs.store_block(db, data, digest)
    state = _Appending(session=session, blocks=[digest], block_ids=[block])
    await _save(db, state, offset=session.offset, tail_id=None, tail_size=0)
    return state.session


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
    session = await _load(db, user_id, session_id)
    if session.committed_id is not None:
        return (await entry_doc(db, oid(user_id), str(session.committed_id))).record()
    target = await prepare_write(
        db=db, user_id=user_id, folder_id=folder_id, name=name, mode=mode, parent_rev=parent_rev
    )
    blob = await _session_content(db, session)
    record = await _commit(db, settings, target, blob, autorename, content_hash, username)
    await _mark_committed(db, session.id, record)
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
    await upload_store.mark_committed(db, session_id, ObjectId(record.id), record.rev)


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
    loaded = await _load_many(db, user, session_ids)
    parts = await _parts_of(db, [s for s in loaded.values() if _by_block(s)])
    targets = batch.Targets(db, user)
    outcomes: list[EntryRecord | errors.DomainError | None] = [None] * len(items)
    pending: list[tuple[int, batch.NewFile]] = []
    for n, item in enumerate(items):
        try:
            session = None
            if item.session_id is not None:
                session = loaded.get(oid(item.session_id))
                if session is None:
                    raise errors.NotFound("No such upload session (or it has expired).")
                if session.committed_id is not None:
                    outcomes[n] = (await entry_doc(db, user, str(session.committed_id))).record()
                    continue
            target = await targets.target(
                folder_id=item.folder_id, name=item.name, mode=item.mode, parent_rev=item.parent_rev
            )
            if session is not None:
                blob = await _session_content(db, session, parts.get(session.id, []))
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
) -> dict[ObjectId, StoredSession]:
    """The user's live sessions among these, by id (in one query)."""
    if not session_ids:
        return {}
    at = now()
    found = await upload_store.find_sessions(db, session_ids, user)
    return {session.id: session for session in found if session.expires_at > at}


def _by_block(session: StoredSession) -> bool:
    """Whether the session's bytes came block by block (not at offsets)."""
    return session.offset == 0 and session.length is None and session.committed_id is None


async def _parts_of(
    db: Database, sessions: list[StoredSession]
) -> dict[ObjectId, list[StoredPart]]:
    """The staged blocks of these sessions, by session, in index order (one query)."""
    if not sessions:
        return {}
    found: dict[ObjectId, list[StoredPart]] = {}
    for part in await upload_store.parts_of(db, [s.id for s in sessions]):
        found.setdefault(part.session_id, []).append(part)
    for parts in found.values():
        parts.sort(key=lambda part: part.index)
    return found
