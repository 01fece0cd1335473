"""Every query on `users`, `last_seen` and `invites` (with `invite_claims`): documents
in, records out.

The documents are TypedDicts built here and nowhere else; records leave with their
timestamps made timezone-aware once (mongomock hands back naive UTC datetimes).
Claims that must hold under concurrency on FerretDB v1 (which isolates no update)
are unique-index inserts, never conditional updates (a username, an invite). Nothing
frequent rewrites a user: last use lives in `last_seen`, a document of its own.
Sessions and app passwords are auth/session_store.py; auth/store.py re-exports both.
"""

from __future__ import annotations

from collections.abc import AsyncIterator
from dataclasses import dataclass
from datetime import datetime
from typing import Any, TypedDict

from bson import ObjectId

from dropbox_lite.core.clock import aware
from dropbox_lite.core.db import Database, insert_claim


class UserDoc(TypedDict):
    _id: ObjectId
    username: str
    username_key: str
    password_hash: str
    created_at: datetime
    root_id: ObjectId
    quota_bytes: int | None
    is_admin: bool
    disabled: bool


class InviteDoc(TypedDict):
    _id: str  # sha256 of the code: the code itself is never stored
    created_at: datetime
    expires_at: datetime
    used_at: datetime | None
    used_by: ObjectId | None


@dataclass(frozen=True)
class UserRecord:
    id: str
    username: str
    created_at: datetime
    root_id: str
    quota_bytes: int | None
    is_admin: bool = False
    disabled: bool = False


@dataclass(frozen=True)
class InviteRecord:
    id: str
    created_at: datetime
    expires_at: datetime
    used_at: datetime | None


class Taken(Exception):
    """A unique key (username, invite claim) is in use already."""


def _oid(value: str) -> ObjectId | None:
    return ObjectId(value) if isinstance(value, str) and ObjectId.is_valid(value) else None


def _user(doc: dict[str, Any]) -> UserRecord:
    return UserRecord(
        id=str(doc["_id"]),
        username=doc["username"],
        created_at=aware(doc["created_at"]),
        root_id=str(doc["root_id"]),
        quota_bytes=doc.get("quota_bytes"),
        is_admin=bool(doc.get("is_admin", False)),
        disabled=bool(doc.get("disabled", False)),
    )


# Users.


async def insert_user(
    *,
    db: Database,
    username: str,
    username_key: str,
    password_hash: str,
    created_at: datetime,
    quota_bytes: int | None,
    is_admin: bool = False,
    user_id: ObjectId | None = None,
    root_id: ObjectId | None = None,
) -> UserRecord:
    """Insert a user (with the id of its root folder); Taken if the name is."""
    doc: UserDoc = {
        "_id": user_id or ObjectId(),
        "username": username,
        "username_key": username_key,
        "password_hash": password_hash,
        "created_at": created_at,
        "root_id": root_id or ObjectId(),
        "quota_bytes": quota_bytes,
        "is_admin": is_admin,
        "disabled": False,
    }
    # The unique index on username_key refuses a second account of that name.
    if not await insert_claim(db.collection("users"), dict(doc)):
        raise Taken(username)
    return _user(dict(doc))


async def username_in_use(*, db: Database, username_key: str) -> bool:
    """Whether an account has this (case-folded) username."""
    found = await db.collection("users").find_one({"username_key": username_key}, {"_id": 1})
    return found is not None


async def user_by_name(*, db: Database, username_key: str) -> tuple[UserRecord, str] | None:
    """The user with this username and its password hash."""
    doc = await db.collection("users").find_one({"username_key": username_key})
    return None if doc is None else (_user(doc), doc["password_hash"])


async def user_by_id(*, db: Database, user_id: str) -> tuple[UserRecord, str] | None:
    """The user with this id and its password hash."""
    oid = _oid(user_id)
    doc = None if oid is None else await db.collection("users").find_one({"_id": oid})
    return None if doc is None else (_user(doc), doc["password_hash"])


async def list_users(*, db: Database) -> list[UserRecord]:
    """Every user, by username."""
    docs = db.collection("users").find({}).sort("username_key", 1)
    return [_user(doc) async for doc in docs]


async def replace_password_hash(*, db: Database, user_id: str, old: str | None, new: str) -> bool:
    """Set the password hash (only if it is still `old`, when given); False if not."""
    query: dict[str, Any] = {"_id": ObjectId(user_id)}
    if old is not None:
        query["password_hash"] = old
    result = await db.collection("users").update_one(query, {"$set": {"password_hash": new}})
    return bool(result.matched_count)


async def set_quota(*, db: Database, user_id: str, quota_bytes: int | None) -> bool:
    """Set the user's quota (None: unlimited); False for an unknown user."""
    result = await db.collection("users").update_one(
        {"_id": ObjectId(user_id)}, {"$set": {"quota_bytes": quota_bytes}}
    )
    return bool(result.matched_count)


async def set_disabled(*, db: Database, user_id: str, disabled: bool) -> bool:
    """Disable or enable the account; False for an unknown user."""
    result = await db.collection("users").update_one(
        {"_id": ObjectId(user_id)}, {"$set": {"disabled": disabled}}
    )
    return bool(result.matched_count)


async def delete_user_only(*, db: Database, user_id: str) -> None:
    """Remove the user's document and their last use (auth/session_store.delete_user
    removes their sessions first)."""
    oid = ObjectId(user_id)
    await db.collection("last_seen").delete_one({"_id": oid})
    await db.collection("users").delete_one({"_id": oid})


async def user_ids(*, db: Database) -> AsyncIterator[ObjectId]:
    """Every user's id."""
    async for doc in db.collection("users").find({}, {"_id": 1}):
        yield doc["_id"]


@dataclass(frozen=True)
class Owner:
    """What the files layer asks of an account: where its tree starts, its name, its quota."""

    root_id: ObjectId
    username: str
    quota_bytes: int | None


async def owner(*, db: Database, user_id: ObjectId) -> Owner | None:
    """The account as an owner of files; None when there is none."""
    doc = await db.collection("users").find_one(
        {"_id": user_id}, {"root_id": 1, "username": 1, "quota_bytes": 1}
    )
    if doc is None:
        return None
    quota = doc.get("quota_bytes")
    return Owner(
        root_id=doc["root_id"],
        username=str(doc.get("username", "")),
        quota_bytes=None if quota is None else int(quota),
    )


async def user_exists(*, db: Database, user_id: ObjectId) -> bool:
    """Whether the account exists."""
    return await db.collection("users").find_one({"_id": user_id}, {"_id": 1}) is not None


async def usernames(*, db: Database, user_ids: list[ObjectId]) -> dict[ObjectId, str]:
    """The usernames of these users (those that exist)."""
    cursor = db.collection("users").find({"_id": {"$in": user_ids}}, {"username": 1})
    return {doc["_id"]: str(doc["username"]) async for doc in cursor}


async def _mark_seen(*, db: Database, user_id: ObjectId, at: datetime) -> None:
    # Its own document: a racing write can lose only another last-seen time.
    result = await db.collection("last_seen").update_one({"_id": user_id}, {"$max": {"at": at}})
    if not result.matched_count:
        await insert_claim(db.collection("last_seen"), {"_id": user_id, "at": at})


async def last_seen_marks(*, db: Database) -> AsyncIterator[tuple[str, datetime]]:
    """(user id, last sign-in or session use) as `last_seen` holds them; see
    auth/session_store.last_seen_by_user for the sessions' own."""
    async for doc in db.collection("last_seen").find({}):
        yield str(doc["_id"]), aware(doc["at"])


# Invites.


async def insert_invite(
    *, db: Database, code_hash: str, created_at: datetime, expires_at: datetime
) -> InviteRecord:
    """Store an invite by the hash of its code."""
    doc: InviteDoc = {
        "_id": code_hash,
        "created_at": created_at,
        "expires_at": expires_at,
        "used_at": None,
        "used_by": None,
    }
    await db.collection("invites").insert_one(doc)
    return InviteRecord(
        id=code_hash[:12], created_at=created_at, expires_at=expires_at, used_at=None
    )


async def claim_invite(*, db: Database, code_hash: str, at: datetime) -> bool:
    """Take an unexpired, unused invite for one sign-up; False if there is none.

    The claim is a unique insert into `invite_claims` (atomic on every backend), so
    two sign-ups racing for one code cannot both have it.
    """
    invite = await db.collection("invites").find_one({"_id": code_hash, "expires_at": {"$gt": at}})
    if invite is None or invite.get("used_at") is not None:
        return False
    return await insert_claim(db.collection("invite_claims"), {"_id": code_hash, "at": at})


async def release_invite(*, db: Database, code_hash: str) -> None:
    """Give back a claim whose sign-up did not happen."""
    await db.collection("invite_claims").delete_one({"_id": code_hash})


async def mark_invite_used(*, db: Database, code_hash: str, user_id: str, at: datetime) -> None:
    """Record who used the invite (the claim already makes it single use)."""
    await db.collection("invites").update_one(
        {"_id": code_hash}, {"$set": {"used_at": at, "used_by": ObjectId(user_id)}}
    )


async def prune_invites(*, db: Database, at: datetime) -> int:
    """Delete expired invites, used or not, then the claims on them."""
    cursor = db.collection("invites").find({"expires_at": {"$lt": at}}, {"_id": 1})
    expired = [doc["_id"] async for doc in cursor]
    if not expired:
        return 0
    # The invite first: with it gone, nothing can claim it again meanwhile.
    result = await db.collection("invites").delete_many({"_id": {"$in": expired}})
    await db.collection("invite_claims").delete_many({"_id": {"$in": expired}})
    return int(result.deleted_count)
