"""Accounts and device sessions: create_user, verify_user, sessions, authenticate."""

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
from dropbox_lite.core.security import Signer
from dropbox_lite.files import service as files_service

USERNAME_RE = re.compile(r"^[a-z0-9._-]{3,32}$")
MIN_PASSWORD = 8
MAX_PASSWORD = 1024
MAX_DEVICE_NAME = 100
TOKEN_PURPOSE = "session"
# Last-seen (and the sliding expiry with it) is written at most this often per session.
LAST_SEEN_EVERY = timedelta(minutes=5)


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
    if not isinstance(username, str) or not USERNAME_RE.fullmatch(username.lower()):
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
    if isinstance(username, str) and len(username) <= 64:
        doc = await db["users"].find_one({"username_key": username_key(username)})
    if not isinstance(password, str) or len(password) > MAX_PASSWORD:
        password = ""
    ok = await passwords.check_password(
        password, doc["password_hash"] if doc else None, rounds=settings.bcrypt_rounds
    )
    if doc is None or not ok:
        raise errors.InvalidCredentials()
    return user_record(doc)


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
