"""Device sessions: create one (and its bearer token), list, revoke, sign out everywhere,
authenticate a token (through the app's LiveSessions cache), and prune ended ones with
expired invites.

Every query is in auth/store.py.
"""

from __future__ import annotations

from datetime import datetime, timedelta

from dropbox_lite.auth import store
from dropbox_lite.auth.live import LiveSessions, touch_every
from dropbox_lite.auth.rules import device_key_hash, validate_device_key, validate_device_name
from dropbox_lite.auth.store import SessionRecord, UserRecord
from dropbox_lite.core import errors
from dropbox_lite.core.clock import now
from dropbox_lite.core.config import Settings
from dropbox_lite.core.db import Database
from dropbox_lite.core.security import Signer

TOKEN_PURPOSE = "session"


async def sign_out_everywhere(
    *, db: Database, live: LiveSessions, user_id: str, keep: str | None = None
) -> None:
    """Revoke every live session of the user (but `keep`); their sockets close."""
    ended = await store.revoke_sessions(
        db=db, user_id=user_id, at=now(), keep=[keep] if keep else None
    )
    live.ended(ended)


async def list_sessions(*, db: Database, user_id: str) -> list[SessionRecord]:
    """The user's live sessions (not revoked, not expired), most recently used first."""
    records = await store.live_sessions(db=db, user_id=user_id, at=now())
    return sorted(records, key=lambda r: (r.last_seen_at, r.id), reverse=True)


async def revoke_session(
    *, db: Database, live: LiveSessions, user_id: str, session_id: str
) -> None:
    """End one of the user's live sessions; NotFound for any other id."""
    if not isinstance(session_id, str):
        raise errors.NotFound()
    if not await store.revoke_session(db=db, user_id=user_id, session_id=session_id, at=now()):
        raise errors.NotFound()
    live.ended([session_id])


async def create_session(
    *,
    db: Database,
    live: LiveSessions,
    settings: Settings,
    signer: Signer,
    user_id: str,
    device_name: str | None,
    device_key: str | None = None,
) -> tuple[SessionRecord, str]:
    """A new device session and its bearer token (the session id, signed).

    With a device key (one browser's opaque key), the user's older sessions that carry
    the same key are signed out once the new one exists: one browser is one device.
    Past `settings.max_sessions_per_user` live sessions, the least recently used
    ones are signed out.
    """
    device_name = validate_device_name(device_name)
    device_key = validate_device_key(device_key)
    key_hash = None if device_key is None else device_key_hash(device_key)
    at = now()
    session = await store.insert_session(
        db=db,
        user_id=user_id,
        device_name=device_name,
        at=at,
        expires_at=at + timedelta(seconds=settings.session_ttl_seconds),
        device_key_hash=key_hash,
    )
    if key_hash is not None:
        replaced = await store.revoke_sessions(
            db=db, user_id=user_id, at=at, keep=[session.id], device_key_hash=key_hash
        )
        live.ended(replaced)
    sessions = await list_sessions(db=db, user_id=user_id)
    if len(sessions) > settings.max_sessions_per_user:
        for old in [s for s in sessions if s.id != session.id][
            settings.max_sessions_per_user - 1 :
        ]:
            await revoke_session(db=db, live=live, user_id=user_id, session_id=old.id)
    token = signer.sign(session.id, purpose=TOKEN_PURPOSE)
    return session, token


def _ttl(settings: Settings) -> timedelta:
    return timedelta(seconds=settings.session_ttl_seconds)


async def session_active(*, db: Database, session_id: str) -> bool:
    """Whether the session is still signed in (not revoked, not expired)."""
    return await store.live_session(db=db, session_id=session_id, at=now()) is not None


async def authenticate(
    *, db: Database, live: LiveSessions, signer: Signer, settings: Settings, token: str
) -> tuple[UserRecord, SessionRecord] | None:
    """The user and session behind a bearer token, or None (forged, expired or revoked).

    From the app's cache when it can: no round trip within a second of the last
    check, one (the session) after that, two (session and user) the first time.
    """
    session_id = signer.unsign(token, purpose=TOKEN_PURPOSE)
    if not isinstance(session_id, str):
        return None
    at = now()
    found = live.cached(session_id)
    if found is None:
        session = await store.live_session(db=db, session_id=session_id, at=at)
        if session is None:
            live.ended([session_id])
            return None
        known = live.cached_user(session_id)
        if known is not None and known.id == session.user_id:
            found = (known, session)
            live.remember(known, session, user_is_fresh=False)
        else:
            user_found = await store.user_by_id(db=db, user_id=session.user_id)
            if user_found is None or user_found[0].disabled:
                return None
            found = (user_found[0], session)
            live.remember(*found)
    user, session = found
    if at - session.last_seen_at >= touch_every(_ttl(settings)):
        expires = at + _ttl(settings)
        await store.touch_session(
            db=db, session_id=session.id, user_id=user.id, at=at, expires_at=expires
        )
        session = SessionRecord(
            id=session.id,
            user_id=session.user_id,
            device_name=session.device_name,
            created_at=session.created_at,
            last_seen_at=at,
            expires_at=expires,
        )
        live.refresh(session)
    return user, session


async def prune(*, db: Database, at: datetime) -> tuple[int, int]:
    """Upkeep: delete ended sessions and expired invites; how many of each."""
    return await store.prune_sessions(db=db, at=at), await store.prune_invites(db=db, at=at)
