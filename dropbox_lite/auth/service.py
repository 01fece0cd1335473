"""Accounts and device sessions: sign-up, sign-in, sessions, authenticate, invites.

Every query is in auth/store.py. Creating an account here does not create its root
folder: the caller (the signup face, the admin CLI) does that with files' service,
so that auth never imports files.
"""

from __future__ import annotations

import hashlib
import re
import secrets
from collections.abc import Awaitable, Callable
from datetime import datetime, timedelta
from typing import Any

from bson import ObjectId

from dropbox_lite.auth import live, passwords, store
from dropbox_lite.auth.store import InviteRecord as InviteRecord
from dropbox_lite.auth.store import SessionRecord as SessionRecord
from dropbox_lite.auth.store import UserRecord as UserRecord
from dropbox_lite.core import errors
from dropbox_lite.core.clock import now as now  # auth.credentials takes it from here
from dropbox_lite.core.config import Settings
from dropbox_lite.core.db import Database
from dropbox_lite.core.ratelimit import PasswordGuard, Throttle
from dropbox_lite.core.security import Signer

# ASCII only, checked as typed: lower() would let "\u212a" (KELVIN SIGN) pass as "k".
USERNAME_RE = re.compile(r"[A-Za-z0-9._-]{3,32}")
MIN_PASSWORD = 8
MAX_PASSWORD = 1024
MAX_DEVICE_NAME = 100
MAX_DEVICE_KEY = 128
MAX_INVITE_CODE = 200
TOKEN_PURPOSE = "session"
# Failed logins, per (client address, username), with a growing delay (issue 12).
LOGIN_GUARD = PasswordGuard(name="login")
# Wrong current passwords given to changePassword, per user: a stolen session must
# not become an unthrottled password oracle.
PASSWORD_THROTTLE = Throttle(name="password")
# Sign-ups per client address (each one costs a bcrypt hash), failed or not.
# Makes a new account whole: given (user id, root id, insert), creates the root folder
# first and then runs `insert` (the account), as one operation (files own roots:
# files.service.account_maker).
MakeAccount = Callable[
    [ObjectId, ObjectId, Callable[[], Awaitable["UserRecord"]]], Awaitable["UserRecord"]
]
SIGNUP_THROTTLE = Throttle(name="signup", max_failures=20, window=timedelta(hours=1))


class SignupRefused(errors.DomainError):
    """The sign-up policy refuses this sign-up (closed, or no valid invite)."""

    code = "SIGNUP_REFUSED"
    default_message = "Sign-up is not open on this server."


def username_key(username: str) -> str:
    return username.casefold()


def _is_text(value: str) -> bool:
    # A lone UTF-16 surrogate (JSON allows "\ud800") cannot be encoded or stored.
    try:
        value.encode("utf-8")
    except UnicodeEncodeError:
        return False
    return True


def validate_username(username: Any) -> str:
    """The username as typed, or InvalidInput saying what is wrong with it."""
    if not isinstance(username, str) or not USERNAME_RE.fullmatch(username):
        raise errors.InvalidInput(
            "A username is 3 to 32 characters of letters, digits, '.', '_' and '-'.",
            field="username",
        )
    return username


def validate_password(password: Any, *, username: str | None = None) -> str:
    """The password, or InvalidInput (NIST 800-63B: length only, no composition rules)."""
    if not isinstance(password, str) or "\x00" in password:
        raise errors.InvalidInput("A password is text without NUL characters.", field="password")
    if not _is_text(password):
        raise errors.InvalidInput(
            "A password must be valid Unicode text (it holds a lone surrogate).",
            field="password",
        )
    if len(password) < MIN_PASSWORD:
        raise errors.InvalidInput(
            f"A password needs at least {MIN_PASSWORD} characters.", field="password"
        )
    if len(password) > MAX_PASSWORD:
        raise errors.InvalidInput(
            f"A password may have at most {MAX_PASSWORD} characters.", field="password"
        )
    if username is not None and password.casefold() == username.casefold():
        raise errors.InvalidInput("A password must differ from the username.", field="password")
    return password


def validate_device_name(device_name: Any) -> str | None:
    """The device name trimmed to MAX_DEVICE_NAME (None if blank), or InvalidInput."""
    if device_name is None:
        return None
    if not isinstance(device_name, str) or not _is_text(device_name):
        raise errors.InvalidInput(
            "A device name must be valid Unicode text (it holds a lone surrogate).",
            field="deviceName",
        )
    return device_name.strip()[:MAX_DEVICE_NAME].strip() or None


def validate_device_key(device_key: Any) -> str | None:
    """The device key as sent (1 to MAX_DEVICE_KEY characters), None, or InvalidInput."""
    if device_key is None:
        return None
    if (
        not isinstance(device_key, str)
        or not 1 <= len(device_key) <= MAX_DEVICE_KEY
        or not _is_text(device_key)
    ):
        raise errors.InvalidInput(
            f"A device key is 1 to {MAX_DEVICE_KEY} characters of text.", field="deviceKey"
        )
    return device_key


def device_key_hash(device_key: str) -> str:
    """How a device key is stored on its sessions: a SHA-256 (the key itself never is)."""
    return hashlib.sha256(f"device-key:{device_key}".encode()).hexdigest()


def _given_password(password: Any) -> str:
    """A password to check against a hash: over-long or non-text ones check as ""."""
    if not isinstance(password, str) or len(password) > MAX_PASSWORD:
        return ""
    if not _is_text(password):
        raise errors.InvalidInput(
            "A password must be valid Unicode text (it holds a lone surrogate).",
            field="password",
        )
    return password


def invite_hash(code: str) -> str:
    """How an invite code is stored: its SHA-256 (a code has 160 random bits)."""
    return hashlib.sha256(code.encode("utf-8")).hexdigest()


async def create_user(
    *,
    db: Database,
    settings: Settings,
    username: str,
    password: str,
    quota_bytes: int | None = None,
    is_admin: bool = False,
    make_account: MakeAccount | None = None,
) -> UserRecord:
    """A new account; UsernameTaken or InvalidInput.

    `make_account` creates its root folder (files own it) before the account exists:
    an account is never without its root, whenever the process dies; a root whose
    account then failed (a name taken meanwhile) goes again.
    """
    username = validate_username(username)
    password = validate_password(password, username=username)
    key = username_key(username)
    # A taken name is refused before bcrypt: asking costs no hash.
    if await store.username_in_use(db=db, username_key=key):
        raise errors.UsernameTaken()
    password_hash = await passwords.hash_password(password, rounds=settings.bcrypt_rounds)
    user_id, root_id = ObjectId(), ObjectId()

    async def insert() -> UserRecord:
        return await _insert_user(
            db=db,
            user_id=user_id,
            root_id=root_id,
            username=username,
            key=key,
            password_hash=password_hash,
            settings=settings,
            quota_bytes=quota_bytes,
            is_admin=is_admin,
        )

    if make_account is None:
        return await insert()
    return await make_account(user_id, root_id, insert)


async def _insert_user(
    *,
    db: Database,
    user_id: ObjectId,
    root_id: ObjectId,
    username: str,
    key: str,
    password_hash: str,
    settings: Settings,
    quota_bytes: int | None,
    is_admin: bool,
) -> UserRecord:
    try:
        return await store.insert_user(
            db=db,
            user_id=user_id,
            root_id=root_id,
            username=username,
            username_key=key,
            password_hash=password_hash,
            created_at=now(),
            quota_bytes=settings.default_quota_bytes if quota_bytes is None else quota_bytes,
            is_admin=is_admin,
        )
    except store.Taken:
        raise errors.UsernameTaken() from None


async def signup(
    *,
    db: Database,
    settings: Settings,
    username: str,
    password: str,
    client_ip: str,
    invite_code: str | None = None,
    make_account: MakeAccount | None = None,
) -> UserRecord:
    """create_user under the sign-up policy and the per-address throttle.

    SignupRefused when the policy says no (closed, or a missing, unknown, used or
    expired invite), RateLimited after too many sign-ups from one address.
    """
    if settings.signup == "closed":
        raise SignupRefused("Sign-up is closed on this server: an administrator creates accounts.")
    code_hash = None
    if settings.signup == "invite":
        if not isinstance(invite_code, str) or not invite_code.strip():
            raise SignupRefused("Sign-up needs an invite code on this server.")
        if len(invite_code) > MAX_INVITE_CODE or not _is_text(invite_code):
            raise SignupRefused("This invite code is unknown, used or expired.")
        code_hash = invite_hash(invite_code.strip())
    username = validate_username(username)
    password = validate_password(password, username=username)
    # Every sign-up that gets this far counts, successful or not.
    await SIGNUP_THROTTLE.begin(db=db, keys=[SIGNUP_THROTTLE.key(client_ip)])
    if code_hash is not None:
        if await store.username_in_use(db=db, username_key=username_key(username)):
            raise errors.UsernameTaken()  # before the claim: a taken name spends no invite
        if not await store.claim_invite(db=db, code_hash=code_hash, at=now()):
            raise SignupRefused("This invite code is unknown, used or expired.")
    try:
        user = await create_user(
            db=db,
            settings=settings,
            username=username,
            password=password,
            make_account=make_account,
        )
    except BaseException:
        if code_hash is not None:
            await store.release_invite(db=db, code_hash=code_hash)
        raise
    if code_hash is not None:
        await store.mark_invite_used(db=db, code_hash=code_hash, user_id=user.id, at=now())
    return user


async def create_invite(*, db: Database, lifetime: timedelta) -> tuple[str, InviteRecord]:
    """A new single-use invite code (shown once; only its hash is stored)."""
    code = secrets.token_urlsafe(20)
    at = now()
    record = await store.insert_invite(
        db=db, code_hash=invite_hash(code), created_at=at, expires_at=at + lifetime
    )
    return code, record


async def verify_user(
    *, db: Database, settings: Settings, username: str, password: str
) -> UserRecord:
    """The user whose password this is; InvalidCredentials (the same for both causes) if not."""
    found = None
    if isinstance(username, str) and USERNAME_RE.fullmatch(username):
        found = await store.user_by_name(db=db, username_key=username_key(username))
    ok = await passwords.check_password(
        _given_password(password), found[1] if found else None, rounds=settings.bcrypt_rounds
    )
    if found is None or not ok:
        raise errors.InvalidCredentials()
    if found[0].disabled:
        raise errors.InvalidCredentials("This account is disabled; ask the administrator.")
    return found[0]


async def login(
    *, db: Database, settings: Settings, username: str, password: str, client_ip: str
) -> UserRecord:
    """verify_user behind the login guard: RateLimited while this address is locked out
    of this username (or out of every username), InvalidCredentials else."""
    _given_password(password)  # a lone surrogate is bad input, not a guess
    subject = None
    if isinstance(username, str) and USERNAME_RE.fullmatch(username):
        # No account can have an invalid name: only the address counts for those.
        subject = username_key(username)
    async with LOGIN_GUARD.attempt(
        db=db, client_ip=client_ip, subject=subject, failures=(errors.InvalidCredentials,)
    ) as attempt:
        user = await verify_user(db=db, settings=settings, username=username, password=password)
        attempt.succeeded()
    return user


async def change_password(
    *,
    db: Database,
    settings: Settings,
    user_id: str,
    session_id: str,
    current_password: str,
    new_password: str,
) -> UserRecord:
    """Set a new password and revoke every session of the user but `session_id`.

    InvalidInput for an unacceptable new password, InvalidCredentials for a wrong
    current one, RateLimited after too many of those.
    """
    throttle_key = PASSWORD_THROTTLE.key("user", user_id)
    found = await store.user_by_id(db=db, user_id=user_id)
    if found is None:
        raise errors.NotFound()
    user, old_hash = found
    try:
        new_password = validate_password(new_password, username=user.username)
    except errors.InvalidInput as e:
        raise errors.InvalidInput(e.message, field="newPassword") from None
    try:
        current_password = _given_password(current_password)
    except errors.InvalidInput as e:
        raise errors.InvalidInput(e.message, field="currentPassword") from None
    marks = await PASSWORD_THROTTLE.begin(db=db, keys=[throttle_key])
    try:
        right = await passwords.check_password(
            current_password, old_hash, rounds=settings.bcrypt_rounds
        )
    except BaseException:
        await PASSWORD_THROTTLE.forget(db=db, marks=marks)
        raise
    if not right:
        raise errors.InvalidCredentials("The current password is wrong.")  # marks stay
    await PASSWORD_THROTTLE.forget(db=db, marks=marks)
    new_hash = await passwords.hash_password(new_password, rounds=settings.bcrypt_rounds)
    if not await store.replace_password_hash(db=db, user_id=user_id, old=old_hash, new=new_hash):
        # Changed meanwhile by another session: the current password is no longer it.
        raise errors.InvalidCredentials("The current password is wrong.")
    await PASSWORD_THROTTLE.reset(db=db, key=throttle_key)
    await sign_out_everywhere(db=db, user_id=user_id, keep=session_id)
    return user


async def set_password(
    *, db: Database, settings: Settings, user_id: str, password: str
) -> UserRecord:
    """An administrator's reset: a new password, and every session signed out."""
    found = await store.user_by_id(db=db, user_id=user_id)
    if found is None:
        raise errors.NotFound()
    password = validate_password(password, username=found[0].username)
    new_hash = await passwords.hash_password(password, rounds=settings.bcrypt_rounds)
    await store.replace_password_hash(db=db, user_id=user_id, old=None, new=new_hash)
    await sign_out_everywhere(db=db, user_id=user_id)
    return found[0]


async def set_disabled(*, db: Database, user_id: str, disabled: bool) -> None:
    """Disable (signing out every session at once) or enable an account; NotFound."""
    if not await store.set_disabled(db=db, user_id=user_id, disabled=disabled):
        raise errors.NotFound()
    if disabled:
        await sign_out_everywhere(db=db, user_id=user_id)


async def set_quota(*, db: Database, user_id: str, quota_bytes: int | None) -> None:
    """Set an account's quota (None: unlimited); NotFound for an unknown user."""
    if not await store.set_quota(db=db, user_id=user_id, quota_bytes=quota_bytes):
        raise errors.NotFound()


async def delete_account(*, db: Database, user_id: str) -> None:
    """Sign the user out everywhere and remove the user and its sessions (not its files)."""
    await sign_out_everywhere(db=db, user_id=user_id)
    await store.delete_user(db=db, user_id=user_id)


async def sign_out_everywhere(*, db: Database, user_id: str, keep: str | None = None) -> None:
    """Revoke every live session of the user (but `keep`); their sockets close."""
    ended = await store.revoke_sessions(
        db=db, user_id=user_id, at=now(), keep=[keep] if keep else None
    )
    live.ended(ended)


async def list_sessions(*, db: Database, user_id: str) -> list[SessionRecord]:
    """The user's live sessions (not revoked, not expired), most recently used first."""
    records = await store.live_sessions(db=db, user_id=user_id, at=now())
    return sorted(records, key=lambda r: (r.last_seen_at, r.id), reverse=True)


async def revoke_session(*, db: Database, user_id: str, session_id: str) -> None:
    """End one of the user's live sessions; NotFound for any other id."""
    if not isinstance(session_id, str):
        raise errors.NotFound()
    if not await store.revoke_session(db=db, user_id=user_id, session_id=session_id, at=now()):
        raise errors.NotFound()
    live.ended([session_id])


async def find_user(*, db: Database, username: str) -> UserRecord:
    """The user with this username (any case), or NotFound."""
    if not isinstance(username, str) or not USERNAME_RE.fullmatch(username):
        raise errors.NotFound()
    found = await store.user_by_name(db=db, username_key=username_key(username))
    if found is None:
        raise errors.NotFound()
    return found[0]


async def create_session(
    *,
    db: Database,
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
            await revoke_session(db=db, user_id=user_id, session_id=old.id)
    token = signer.sign(session.id, purpose=TOKEN_PURPOSE)
    return session, token


def _ttl(settings: Settings) -> timedelta:
    return timedelta(seconds=settings.session_ttl_seconds)


async def session_active(*, db: Database, session_id: str) -> bool:
    """Whether the session is still signed in (not revoked, not expired)."""
    return await store.live_session(db=db, session_id=session_id, at=now()) is not None


async def authenticate(
    *, db: Database, signer: Signer, settings: Settings, token: str
) -> tuple[UserRecord, SessionRecord] | None:
    """The user and session behind a bearer token, or None (forged, expired or revoked).

    From live.py's cache when it can: no round trip within a second of the last
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
    if at - session.last_seen_at >= live.touch_every(_ttl(settings)):
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
