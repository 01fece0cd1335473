"""Accounts and device sessions: create_user, verify_user, login, sessions, authenticate."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from typing import Any

from bson import ObjectId
from pymongo.errors import DuplicateKeyError

from dropbox_lite.auth import passwords
from dropbox_lite.core import errors
from dropbox_lite.core.config import Settings
from dropbox_lite.core.db import Database
from dropbox_lite.core.ratelimit import Throttle
from dropbox_lite.core.security import Signer
from dropbox_lite.files import service as files_service

# ASCII only, checked as typed: lower() would let "\u212a" (KELVIN SIGN) pass as "k".
USERNAME_RE = re.compile(r"[A-Za-z0-9._-]{3,32}")
MIN_PASSWORD = 8
MAX_PASSWORD = 1024
MAX_DEVICE_NAME = 100
TOKEN_PURPOSE = "session"
# Last-seen (and the sliding expiry with it) is written at most this often per session.
LAST_SEEN_EVERY = timedelta(minutes=5)
# Failed logins, per username and per client address (issue 3: 5 in 15 minutes).
LOGIN_THROTTLE = Throttle(name="login")
# Wrong current passwords given to changePassword, per user: a stolen session must
# not become an unthrottled password oracle.
PASSWORD_THROTTLE = Throttle(name="password")


@dataclass(frozen=True)
class UserRecord:
    id: str
    username: str
    created_at: datetime
    root_id: str
    quota_bytes: int | None
    used_bytes: int


@dataclass(frozen=True)
class SessionRecord:
    id: str
    user_id: str
    device_name: str | None
    created_at: datetime
    last_seen_at: datetime
    expires_at: datetime


def now() -> datetime:
    return datetime.now(UTC)


def username_key(username: str) -> str:
    return username.casefold()


def user_record(doc: dict[str, Any]) -> UserRecord:
    return UserRecord(
        id=str(doc["_id"]),
        username=doc["username"],
        created_at=doc["created_at"],
        root_id=str(doc["root_id"]),
        quota_bytes=doc.get("quota_bytes"),
        used_bytes=doc.get("used_bytes", 0),
    )


def session_record(doc: dict[str, Any]) -> SessionRecord:
    return SessionRecord(
        id=str(doc["_id"]),
        user_id=str(doc["user_id"]),
        device_name=doc.get("device_name"),
        created_at=doc["created_at"],
        last_seen_at=doc["last_seen_at"],
        expires_at=doc["expires_at"],
    )


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


async def create_user(
    *, db: Database, settings: Settings, username: str, password: str
) -> UserRecord:
    """A new account with its root folder; UsernameTaken or InvalidInput otherwise."""
    username = validate_username(username)
    password = validate_password(password, username=username)
    password_hash = await passwords.hash_password(password, rounds=settings.bcrypt_rounds)
    user_id = ObjectId()
    root_id = ObjectId()
    doc = {
        "_id": user_id,
        "username": username,
        "username_key": username_key(username),
        "password_hash": password_hash,
        "created_at": now(),
        "root_id": root_id,
        "quota_bytes": settings.default_quota_bytes,
        "used_bytes": 0,
    }
    try:
        await db["users"].insert_one(doc)
    except DuplicateKeyError:
        raise errors.UsernameTaken() from None
    await files_service.create_root_folder(db=db, owner_id=user_id, root_id=root_id)
    return user_record(doc)


async def verify_user(
    *, db: Database, settings: Settings, username: str, password: str
) -> UserRecord:
    """The user whose password this is; InvalidCredentials (the same for both causes) if not."""
    doc = None
    if isinstance(username, str) and USERNAME_RE.fullmatch(username):
        doc = await db["users"].find_one({"username_key": username_key(username)})
    if not isinstance(password, str) or len(password) > MAX_PASSWORD:
        password = ""
    ok = await passwords.check_password(
        password, doc["password_hash"] if doc else None, rounds=settings.bcrypt_rounds
    )
    if doc is None or not ok:
        raise errors.InvalidCredentials()
    return user_record(doc)


async def login(
    *, db: Database, settings: Settings, username: str, password: str, client_ip: str
) -> UserRecord:
    """verify_user behind the login throttle: RateLimited while the username or the
    client address is locked (even for the right password), InvalidCredentials else."""
    keys = [LOGIN_THROTTLE.key("ip", client_ip)]
    user_key = None
    if isinstance(username, str) and USERNAME_RE.fullmatch(username):
        # No account can have an invalid name: only the address counts for those.
        user_key = LOGIN_THROTTLE.key("user", username_key(username))
        keys.insert(0, user_key)
    marks = await LOGIN_THROTTLE.begin(db=db, keys=keys)
    try:
        user = await verify_user(db=db, settings=settings, username=username, password=password)
    except errors.InvalidCredentials:
        raise  # the attempt's marks stay: a failure
    except BaseException:
        await LOGIN_THROTTLE.forget(db=db, marks=marks)
        raise
    await LOGIN_THROTTLE.forget(db=db, marks=marks)
    if user_key is not None:
        await LOGIN_THROTTLE.reset(db=db, key=user_key)
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
    oid = ObjectId(user_id)
    throttle_key = PASSWORD_THROTTLE.key("user", user_id)
    doc = await db["users"].find_one({"_id": oid})
    if doc is None:
        raise errors.NotFound()
    try:
        new_password = validate_password(new_password, username=doc["username"])
    except errors.InvalidInput as e:
        raise errors.InvalidInput(e.message, field="newPassword") from None
    if not isinstance(current_password, str) or len(current_password) > MAX_PASSWORD:
        current_password = ""
    old_hash = doc["password_hash"]
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
    result = await db["users"].update_one(
        {"_id": oid, "password_hash": old_hash}, {"$set": {"password_hash": new_hash}}
    )
    if result.matched_count == 0:
        # Changed meanwhile by another session: the current password is no longer it.
        raise errors.InvalidCredentials("The current password is wrong.")
    await PASSWORD_THROTTLE.reset(db=db, key=throttle_key)
    await db["sessions"].update_many(
        {"user_id": oid, "_id": {"$ne": ObjectId(session_id)}, "revoked": False},
        {"$set": {"revoked": True, "revoked_at": now()}},
    )
    return user_record(doc)


async def list_sessions(*, db: Database, user_id: str) -> list[SessionRecord]:
    """The user's live sessions (not revoked, not expired), most recently used first."""
    cursor = db["sessions"].find(
        {"user_id": ObjectId(user_id), "revoked": False, "expires_at": {"$gt": now()}}
    )
    records = [session_record(doc) async for doc in cursor]
    return sorted(records, key=lambda r: (_aware(r.last_seen_at), r.id), reverse=True)


async def revoke_session(*, db: Database, user_id: str, session_id: str) -> None:
    """End one of the user's live sessions; NotFound for any other id."""
    if not isinstance(session_id, str) or not ObjectId.is_valid(session_id):
        raise errors.NotFound()
    result = await db["sessions"].update_one(
        {
            "_id": ObjectId(session_id),
            "user_id": ObjectId(user_id),
            "revoked": False,
            "expires_at": {"$gt": now()},
        },
        {"$set": {"revoked": True, "revoked_at": now()}},
    )
    if result.matched_count == 0:
        raise errors.NotFound()


async def get_user(*, db: Database, user_id: str) -> UserRecord:
    """The user with this id, or NotFound."""
    if not ObjectId.is_valid(user_id):
        raise errors.NotFound()
    doc = await db["users"].find_one({"_id": ObjectId(user_id)})
    if doc is None:
        raise errors.NotFound()
    return user_record(doc)


async def create_session(
    *, db: Database, settings: Settings, signer: Signer, user_id: str, device_name: str | None
) -> tuple[SessionRecord, str]:
    """A new device session and its bearer token (the session id, signed)."""
    if device_name is not None:
        device_name = device_name.strip()[:MAX_DEVICE_NAME] or None
    at = now()
    doc = {
        "_id": ObjectId(),
        "user_id": ObjectId(user_id),
        "device_name": device_name,
        "created_at": at,
        "last_seen_at": at,
        "expires_at": at + timedelta(seconds=settings.session_ttl_seconds),
        "revoked": False,
    }
    await db["sessions"].insert_one(doc)
    token = signer.sign(str(doc["_id"]), purpose=TOKEN_PURPOSE)
    return session_record(doc), token


async def session_active(*, db: Database, session_id: str) -> bool:
    """Whether the session is still signed in (not revoked, not expired)."""
    if not ObjectId.is_valid(session_id):
        return False
    found = await db["sessions"].find_one(
        {"_id": ObjectId(session_id), "revoked": False, "expires_at": {"$gt": now()}},
        {"_id": 1},
    )
    return found is not None


async def authenticate(
    *, db: Database, signer: Signer, settings: Settings, token: str
) -> tuple[UserRecord, SessionRecord] | None:
    """The user and session behind a bearer token, or None (forged, expired or revoked)."""
    session_id = signer.unsign(token, purpose=TOKEN_PURPOSE)
    if not isinstance(session_id, str) or not ObjectId.is_valid(session_id):
        return None
    at = now()
    session = await db["sessions"].find_one(
        {"_id": ObjectId(session_id), "revoked": False, "expires_at": {"$gt": at}}
    )
    if session is None:
        return None
    user = await db["users"].find_one({"_id": session["user_id"]})
    if user is None:
        return None
    if at - _aware(session["last_seen_at"]) >= LAST_SEEN_EVERY:
        expires = at + timedelta(seconds=settings.session_ttl_seconds)
        await db["sessions"].update_one(
            {"_id": session["_id"], "revoked": False},
            {"$set": {"last_seen_at": at, "expires_at": expires}},
        )
        session = {**session, "last_seen_at": at, "expires_at": expires}
    return user_record(user), session_record(session)


def _aware(value: datetime) -> datetime:
    # mongomock returns naive datetimes even with tz_aware=True; they are UTC.
    return value if value.tzinfo else value.replace(tzinfo=UTC)
