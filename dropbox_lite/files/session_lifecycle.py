"""Upload sessions (see files/sessions.py): their records, start, get, cancel and
prune."""

from __future__ import annotations

import base64
import hashlib
import re
from dataclasses import dataclass
from datetime import datetime, timedelta

from dropbox_lite.core import errors
from dropbox_lite.core.config import Settings
from dropbox_lite.core.db import Database
from dropbox_lite.files import blobs, quota, upload_store
from dropbox_lite.files.access import owners_quota
from dropbox_lite.files.records import now, oid
from dropbox_lite.files.writes import Target

SESSIONS = upload_store.SESSIONS
PARTS = upload_store.PARTS
MAX_BATCH = 1000  # files committed by one finishUploadBatch
MAX_BLOCKS_PER_REQUEST = 1000
# Short blocks of one request up to this many bytes are stored with one insert each of
# chunks, files documents and index entries.
SMALL_BLOCKS_BYTES = 16 * 1024 * 1024
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


def _record(session: upload_store.StoredSession) -> SessionRecord:
    return SessionRecord(
        id=str(session.id),
        offset=session.offset,
        length=session.length,
        created_at=session.created_at,
        expires_at=session.expires_at,
        metadata=dict(session.metadata),
        committed_id=None if session.committed_id is None else str(session.committed_id),
        committed_rev=session.committed_rev,
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
    session = await upload_store.new_session(
        db,
        user=user,
        at=at,
        expires_at=at + timedelta(hours=settings.upload_session_hours),
        length=length,
        metadata=dict(metadata or {}),
    )
    return _record(session)


async def _load(db: Database, user_id: str, session_id: str) -> upload_store.StoredSession:
    """The user's live session (NotFound when missing, someone else's, or expired)."""
    session = await upload_store.find_session(db, oid(session_id), oid(user_id))
    if session is None or session.expires_at <= now():
        raise errors.NotFound("No such upload session (or it has expired).")
    return session


async def get(*, db: Database, user_id: str, session_id: str) -> SessionRecord:
    """The user's session: its offset, length, expiry, and the file it became."""
    return _record(await _load(db, user_id, session_id))


async def cancel(*, db: Database, user_id: str, session_id: str) -> bool:
    """End a session: its staged bytes are freed by gc. False when there was none."""
    try:
        session = await _load(db, user_id, session_id)
    except errors.NotFound:
        return False
    await _drop(db, session)
    return True


async def _drop(db: Database, session: upload_store.StoredSession) -> None:
    await upload_store.drop_session(db, session.id)
    if session.tail_id is not None:
        await blobs.drop_staged(db, session.tail_id)


async def prune(*, db: Database) -> int:
    """Remove expired sessions, their staged parts and tails (upkeep); how many."""
    removed = 0
    for session in await upload_store.expired_sessions(db, now()):
        await _drop(db, session)
        removed += 1
    await upload_store.prune_parts(db, now())
    return removed


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
