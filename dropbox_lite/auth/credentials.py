"""App passwords, and the `Authorization` header in both its forms (Bearer, Basic).

An app password is a session of its own (device name "App password: NAME") with a
random password stored only as its SHA-256. Everything that ends sessions
(revokeSession, signing out everywhere, a password change, disabling or deleting the
account) therefore ends app passwords at once, with no extra rule; revoking one
ends its session.

HTTP Basic takes an app password, or the account password. The account password
goes through `service.login` (the same throttle as the GraphQL login) the first time;
a success is remembered by the app (`LiveSessions.basic`) under an HMAC of (user,
password, stored password hash), bound to a session named "HTTP Basic", so that a WebDAV client
sending the password with every request costs one user read, not one bcrypt each.
A changed password changes the stored hash, so the old one is never found again.
"""

from __future__ import annotations

import base64
import binascii
import hashlib
import hmac
import secrets
import string
from datetime import timedelta

from dropbox_lite.auth import service, store
from dropbox_lite.auth.live import LiveSessions, touch_every
from dropbox_lite.auth.store import AppPasswordRecord as AppPasswordRecord
from dropbox_lite.auth.store import SessionRecord, UserRecord
from dropbox_lite.core import errors
from dropbox_lite.core.config import Settings
from dropbox_lite.core.db import Database
from dropbox_lite.core.security import Signer

MAX_NAME = 100
# App passwords do not expire by time; their session's expiry is only a bound.
APP_PASSWORD_LIFETIME = timedelta(days=3650)
ALPHABET = string.ascii_letters + string.digits
GROUPS, GROUP_LENGTH = 5, 6  # 30 characters of 62: 178 bits
BASIC_DEVICE = "HTTP Basic"
MAX_REMEMBERED = 10_000

Found = tuple[UserRecord, SessionRecord]


def _secret_hash(password: str) -> str:
    return hashlib.sha256(password.encode("utf-8")).hexdigest()


def new_password() -> str:
    """A fresh app password: five groups of six letters and digits."""
    return "-".join(
        "".join(secrets.choice(ALPHABET) for _ in range(GROUP_LENGTH)) for _ in range(GROUPS)
    )


def validate_name(name: object) -> str:
    """An app password's name, trimmed; InvalidInput when empty or not text."""
    if not isinstance(name, str):
        raise errors.InvalidInput("An app password needs a name.", field="name")
    name = service.validate_device_name(name) or ""
    if not name:
        raise errors.InvalidInput("An app password needs a name.", field="name")
    return name[:MAX_NAME]


async def create_app_password(
    *, db: Database, user_id: str, name: str
) -> tuple[str, AppPasswordRecord]:
    """A new app password for the user (the password is returned once, never stored)."""
    name = validate_name(name)
    at = service.now()
    session = await store.insert_session(
        db=db,
        user_id=user_id,
        device_name=f"App password: {name}"[: service.MAX_DEVICE_NAME],
        at=at,
        expires_at=at + APP_PASSWORD_LIFETIME,
    )
    password = new_password()
    record = await store.insert_app_password(
        db=db,
        user_id=user_id,
        session_id=session.id,
        name=name,
        secret_hash=_secret_hash(password),
        at=at,
    )
    return password, record


async def list_app_passwords(
    *, db: Database, user_id: str
) -> list[tuple[AppPasswordRecord, SessionRecord]]:
    """The user's live app passwords with their sessions (last use), oldest first."""
    sessions = {
        s.id: s for s in await store.live_sessions(db=db, user_id=user_id, at=service.now())
    }
    records = await store.app_passwords_of(db=db, user_id=user_id)
    if any(r.session_id not in sessions for r in records):
        await store.prune_app_passwords(db=db, user_id=user_id, live=list(sessions))
    return [(r, sessions[r.session_id]) for r in records if r.session_id in sessions]


async def revoke_app_password(
    *, db: Database, live: LiveSessions, user_id: str, app_password_id: str
) -> None:
    """End one of the user's app passwords (and its session); NotFound for any other id."""
    if not isinstance(app_password_id, str):
        raise errors.NotFound()
    session_id = await store.delete_app_password(
        db=db, user_id=user_id, app_password_id=app_password_id
    )
    if session_id is None:
        raise errors.NotFound()
    await store.revoke_session(db=db, user_id=user_id, session_id=session_id, at=service.now())
    live.ended([session_id])


async def _session_of(
    *, db: Database, live: LiveSessions, settings: Settings, session_id: str
) -> Found | None:
    """The user and session if the session is live and the user enabled (cached a second)."""
    found = live.cached(session_id)
    if found is not None:
        return found
    at = service.now()
    session = await store.live_session(db=db, session_id=session_id, at=at)
    if session is None:
        live.ended([session_id])
        return None
    user_found = await store.user_by_id(db=db, user_id=session.user_id)
    if user_found is None or user_found[0].disabled:
        return None
    live.remember(user_found[0], session)
    if at - session.last_seen_at >= touch_every(timedelta(seconds=settings.session_ttl_seconds)):
        # Last use, for the list of app passwords; the expiry stays the session's own.
        await store.touch_session(
            db=db,
            session_id=session.id,
            user_id=user_found[0].id,
            at=at,
            expires_at=max(
                session.expires_at, at + timedelta(seconds=settings.session_ttl_seconds)
            ),
        )
    return user_found[0], session


async def authenticate_app_password(
    *, db: Database, live: LiveSessions, settings: Settings, username: str, password: str
) -> Found | None:
    """The user and session of a live app password given with its username, else None."""
    record = await store.app_password_by_hash(db=db, secret_hash=_secret_hash(password))
    if record is None:
        return None
    found = await _session_of(db=db, live=live, settings=settings, session_id=record.session_id)
    if found is None or service.username_key(found[0].username) != service.username_key(username):
        return None
    return found


async def authenticate_basic(
    *,
    db: Database,
    live: LiveSessions,
    settings: Settings,
    signer: Signer,
    username: str,
    password: str,
    client_ip: str,
) -> Found | None:
    """HTTP Basic: an app password, or the account password (throttled like `login`).

    None for wrong credentials; RateLimited once this address is locked out.
    """
    if len(password) <= service.MAX_PASSWORD:
        found = await authenticate_app_password(
            db=db, live=live, settings=settings, username=username, password=password
        )
        if found is not None:
            return found
    by_name = None
    if service.USERNAME_RE.fullmatch(username):
        by_name = await store.user_by_name(db=db, username_key=service.username_key(username))
    key = None
    if by_name is not None:
        material = "\0".join((by_name[0].id, by_name[1], password)).encode("utf-8", "replace")
        key = hmac.new(live.basic_key, material, hashlib.sha256).hexdigest()
        session_id = live.basic.get(key)
        if session_id is not None:
            found = await _session_of(db=db, live=live, settings=settings, session_id=session_id)
            if found is not None and found[0].id == by_name[0].id:
                return found
            live.basic.pop(key, None)
    try:
        user = await service.login(
            db=db, settings=settings, username=username, password=password, client_ip=client_ip
        )
    except (errors.InvalidCredentials, errors.InvalidInput):
        return None
    session, _ = await service.create_session(
        db=db,
        live=live,
        settings=settings,
        signer=signer,
        user_id=user.id,
        device_name=BASIC_DEVICE,
    )
    if key is not None:
        if len(live.basic) >= MAX_REMEMBERED:
            live.basic.clear()
        live.basic[key] = session.id
    return user, session


def basic_credentials(authorization: str | None) -> tuple[str, str] | None:
    """The (username, password) of an `Authorization: Basic` header, else None."""
    if not authorization:
        return None
    scheme, _, value = authorization.partition(" ")
    if scheme.lower() != "basic" or not value.strip():
        return None
    try:
        decoded = base64.b64decode(value.strip(), validate=True).decode("utf-8")
    except (binascii.Error, UnicodeDecodeError):
        return None
    username, colon, password = decoded.partition(":")
    return (username, password) if colon else None


def bearer_token(authorization: str | None) -> str | None:
    """The token of an `Authorization: Bearer <token>` header, else None."""
    if not authorization:
        return None
    scheme, _, token = authorization.partition(" ")
    if scheme.lower() != "bearer" or not token.strip():
        return None
    return token.strip()


async def authenticate_header(
    *,
    db: Database,
    live: LiveSessions,
    signer: Signer,
    settings: Settings,
    authorization: str | None,
    client_ip: str,
) -> Found | None:
    """Whoever an `Authorization` header names (Bearer or Basic), else None.

    RateLimited when Basic's account password is locked out for this address.
    """
    token = bearer_token(authorization)
    if token is not None:
        return await service.authenticate(
            db=db, live=live, signer=signer, settings=settings, token=token
        )
    basic = basic_credentials(authorization)
    if basic is None:
        return None
    return await authenticate_basic(
        db=db,
        live=live,
        settings=settings,
        signer=signer,
        username=basic[0],
        password=basic[1],
        client_ip=client_ip,
    )
