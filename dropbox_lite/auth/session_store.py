"""Every query on `sessions` and `app_passwords`: documents in, records out.

For the reason given in auth/user_store.py (FerretDB v1 isolates no update, and an
update rewrites the whole document) nothing frequent rewrites a session that an admin
or a sign-out also writes: a revoked session is deleted (a racing touch then updates
nothing), and last use lives in `last_seen` (user_store._mark_seen).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Any, NotRequired, TypedDict

from bson import ObjectId

from dropbox_lite.auth.user_store import _mark_seen, _oid, delete_user_only, last_seen_marks
from dropbox_lite.core.clock import aware
from dropbox_lite.core.db import Database


class SessionDoc(TypedDict):
    _id: ObjectId
    user_id: ObjectId
    device_name: str | None
    created_at: datetime
    last_seen_at: datetime
    expires_at: datetime
    device_key: NotRequired[str]  # SHA-256 of the browser's device key, when it sent one


@dataclass(frozen=True)
class SessionRecord:
    id: str
    user_id: str
    device_name: str | None
    created_at: datetime
    last_seen_at: datetime
    expires_at: datetime


def _session(doc: dict[str, Any]) -> SessionRecord:
    return SessionRecord(
        id=str(doc["_id"]),
        user_id=str(doc["user_id"]),
        device_name=doc.get("device_name"),
        created_at=aware(doc["created_at"]),
        last_seen_at=aware(doc["last_seen_at"]),
        expires_at=aware(doc["expires_at"]),
    )


def _live(at: datetime) -> dict[str, Any]:
    # Every backend: FerretDB v1 has no TTL index, so expiry is a filter too. Sessions
    # revoked before revocation became deletion carry `revoked: True` until pruned.
    return {"revoked": {"$ne": True}, "expires_at": {"$gt": at}}


# Sessions.


async def insert_session(
    *,
    db: Database,
    user_id: str,
    device_name: str | None,
    at: datetime,
    expires_at: datetime,
    device_key_hash: str | None = None,
) -> SessionRecord:
    """A new live session."""
    doc: SessionDoc = {
        "_id": ObjectId(),
        "user_id": ObjectId(user_id),
        "device_name": device_name,
        "created_at": at,
        "last_seen_at": at,
        "expires_at": expires_at,
    }
    if device_key_hash is not None:
        doc["device_key"] = device_key_hash
    await db.collection("sessions").insert_one(doc)
    await _mark_seen(db=db, user_id=doc["user_id"], at=at)
    return _session(dict(doc))


async def live_session(*, db: Database, session_id: str, at: datetime) -> SessionRecord | None:
    """The session if it is live (not revoked, not expired) at `at`."""
    oid = _oid(session_id)
    doc = (
        None if oid is None else await db.collection("sessions").find_one({"_id": oid, **_live(at)})
    )
    return None if doc is None else _session(doc)


async def last_seen_of_live(
    *, db: Database, session_ids: list[str], at: datetime
) -> dict[str, datetime]:
    """Which of these sessions are live at `at`, with their last use (one query)."""
    oids = [oid for oid in map(_oid, session_ids) if oid is not None]
    if not oids:
        return {}
    cursor = db.collection("sessions").find(
        {"_id": {"$in": oids}, **_live(at)}, {"last_seen_at": 1}
    )
    return {str(doc["_id"]): aware(doc["last_seen_at"]) async for doc in cursor}


async def touch_sessions(
    *, db: Database, session_ids: list[str], at: datetime, expires_at: datetime
) -> None:
    """Record a use of these live sessions and slide their expiry (one write)."""
    await db.collection("sessions").update_many(
        {"_id": {"$in": [ObjectId(i) for i in session_ids]}, "revoked": {"$ne": True}},
        {"$set": {"last_seen_at": at, "expires_at": expires_at}},
    )


async def live_sessions(*, db: Database, user_id: str, at: datetime) -> list[SessionRecord]:
    """The user's live sessions, in no particular order."""
    cursor = db.collection("sessions").find({"user_id": ObjectId(user_id), **_live(at)})
    return [_session(doc) async for doc in cursor]


async def touch_session(
    *, db: Database, session_id: str, user_id: str, at: datetime, expires_at: datetime
) -> None:
    """Record a use of the session (and of its user) and slide its expiry."""
    await _mark_seen(db=db, user_id=ObjectId(user_id), at=at)
    await db.collection("sessions").update_one(
        {"_id": ObjectId(session_id), "revoked": {"$ne": True}},
        {"$set": {"last_seen_at": at, "expires_at": expires_at}},
    )


async def revoke_session(*, db: Database, user_id: str, session_id: str, at: datetime) -> bool:
    """Revoke (delete) one live session of the user; False if there is none by that id."""
    oid = _oid(session_id)
    if oid is None:
        return False
    result = await db.collection("sessions").delete_one(
        {"_id": oid, "user_id": ObjectId(user_id), **_live(at)}
    )
    return bool(result.deleted_count)


async def revoke_sessions(
    *,
    db: Database,
    user_id: str,
    at: datetime,
    keep: list[str] | None = None,
    device_key_hash: str | None = None,
) -> list[str]:
    """Revoke (delete) the user's live sessions except `keep` (only those of one device key
    when given); the ids revoked."""
    query: dict[str, Any] = {"user_id": ObjectId(user_id), **_live(at)}
    if device_key_hash is not None:
        query["device_key"] = device_key_hash
    if keep:
        query["_id"] = {"$nin": [ObjectId(k) for k in keep]}
    ids = [str(doc["_id"]) async for doc in db.collection("sessions").find(query, {"_id": 1})]
    if ids:
        await db.collection("sessions").delete_many({"_id": {"$in": [ObjectId(i) for i in ids]}})
    return ids


async def count_sessions(*, db: Database, user_id: str | None = None) -> int:
    """Live and expired sessions not yet removed (of one user, or of everyone)."""
    query = {} if user_id is None else {"user_id": ObjectId(user_id)}
    return int(await db.collection("sessions").count_documents(query))


# Upkeep.


async def prune_sessions(*, db: Database, at: datetime) -> int:
    """Delete sessions that can sign nobody in any more (expired, or revoked long ago)."""
    result = await db.collection("sessions").delete_many(
        {"$or": [{"expires_at": {"$lt": at}}, {"revoked": True}]}
    )
    return int(result.deleted_count)


# App passwords (issue 21): each is backed by a session of its own, so that every way
# a session ends (revocation, signing out everywhere, a password change, disabling)
# ends the app password too, at once.


class AppPasswordDoc(TypedDict):
    _id: ObjectId
    user_id: ObjectId
    session_id: ObjectId
    name: str
    secret_hash: str  # sha256 of the password (it has 178 random bits): never the password
    created_at: datetime


@dataclass(frozen=True)
class AppPasswordRecord:
    id: str
    user_id: str
    session_id: str
    name: str
    created_at: datetime


def _app_password(doc: dict[str, Any]) -> AppPasswordRecord:
    return AppPasswordRecord(
        id=str(doc["_id"]),
        user_id=str(doc["user_id"]),
        session_id=str(doc["session_id"]),
        name=doc["name"],
        created_at=aware(doc["created_at"]),
    )


async def insert_app_password(
    *, db: Database, user_id: str, session_id: str, name: str, secret_hash: str, at: datetime
) -> AppPasswordRecord:
    """Store an app password by its hash, bound to its session."""
    doc: AppPasswordDoc = {
        "_id": ObjectId(),
        "user_id": ObjectId(user_id),
        "session_id": ObjectId(session_id),
        "name": name,
        "secret_hash": secret_hash,
        "created_at": at,
    }
    await db.collection("app_passwords").insert_one(dict(doc))
    return _app_password(dict(doc))


async def app_password_by_hash(*, db: Database, secret_hash: str) -> AppPasswordRecord | None:
    """The app password with this hash, live or not."""
    doc = await db.collection("app_passwords").find_one({"secret_hash": secret_hash})
    return None if doc is None else _app_password(doc)


async def app_passwords_of(*, db: Database, user_id: str) -> list[AppPasswordRecord]:
    """The user's app passwords (their sessions may have ended), oldest first."""
    cursor = db.collection("app_passwords").find({"user_id": ObjectId(user_id)}).sort("_id", 1)
    return [_app_password(doc) async for doc in cursor]


async def delete_app_password(*, db: Database, user_id: str, app_password_id: str) -> str | None:
    """Remove one of the user's app passwords; the id of its session, None if none."""
    oid = _oid(app_password_id)
    if oid is None:
        return None
    query = {"_id": oid, "user_id": ObjectId(user_id)}
    doc = await db.collection("app_passwords").find_one(query)
    if doc is None or not (await db.collection("app_passwords").delete_one(query)).deleted_count:
        return None
    return str(doc["session_id"])


async def prune_app_passwords(*, db: Database, user_id: str, live: list[str]) -> None:
    """Forget the user's app passwords whose session has ended (not in `live`)."""
    await db.collection("app_passwords").delete_many(
        {"user_id": ObjectId(user_id), "session_id": {"$nin": [ObjectId(i) for i in live]}}
    )


# Across users and sessions.


async def delete_user(*, db: Database, user_id: str) -> None:
    """Remove the user's document, every session of theirs and their last use."""
    await db.collection("sessions").delete_many({"user_id": ObjectId(user_id)})
    await delete_user_only(db=db, user_id=user_id)


async def last_seen_by_user(*, db: Database) -> dict[str, datetime]:
    """Each user's latest sign-in or session use (live sessions' last use included)."""
    seen: dict[str, datetime] = {}

    def note(user_id: str, at: datetime) -> None:
        if user_id not in seen or at > seen[user_id]:
            seen[user_id] = at

    async for user_id, at in last_seen_marks(db=db):
        note(user_id, at)
    async for doc in db.collection("sessions").find({}, {"user_id": 1, "last_seen_at": 1}):
        note(str(doc["user_id"]), aware(doc["last_seen_at"]))
    return seen
