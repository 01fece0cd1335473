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
    if not await insert_claim(db["users"], dict(doc)):
        raise Taken(username)
    return _user(dict(doc))


async def username_in_use(*, db: Database, username_key: str) -> bool:
    """Whether an account has this (case-folded) username."""
    found = await db["users"].find_one({"username_key": username_key}, {"_id": 1})
    return found is not None


async def user_by_name(*, db: Database, username_key: str) -> tuple[UserRecord, str] | None:
    """The user with this username and its password hash."""
    doc = await db["users"].find_one({"username_key": username_key})
    return None if doc is None else (_user(doc), doc["password_hash"])


async def user_by_id(*, db: Database, user_id: str) -> tuple[UserRecord, str] | None:
    """The user with this id and its password hash."""
    oid = _oid(user_id)
    doc = None if oid is None else await db["users"].find_one({"_id": oid})
    return None if doc is None else (_user(doc), doc["password_hash"])


async def list_users(*, db: Database) -> list[UserRecord]:
    """Every user, by username."""
    docs = db["users"].find({}).sort("username_key", 1)
    return [_user(doc) async for doc in docs]


async def replace_password_hash(*, db: Database, user_id: str, old: str | None, new: str) -> bool:
    """Set the password hash (only if it is still `old`, when given); False if not."""
    query: dict[str, Any] = {"_id": ObjectId(user_id)}
    if old is not None:
        query["password_hash"] = old
    result = await db["users"].update_one(query, {"$set": {"password_hash": new}})
    return bool(result.matched_count)


async def set_quota(*, db: Database, user_id: str, quota_bytes: int | None) -> bool:
    """Set the user's quota (None: unlimited); False for an unknown user."""
    result = await db["users"].update_one(
        {"_id": ObjectId(user_id)}, {"$set": {"quota_bytes": quota_bytes}}
    )
    return bool(result.matched_count)


async def set_disabled(*, db: Database, user_id: str, disabled: bool) -> bool:
    """Disable or enable the account; False for an unknown user."""
    result = await db["users"].update_one(
        {"_id": ObjectId(user_id)}, {"$set": {"disabled": disabled}}
    )
    return bool(result.matched_count)


async def delete_user(*, db: Database, user_id: str) -> None:
    """Remove the user's document, every session of theirs and their last use."""
    oid = ObjectId(user_id)
    await db["sessions"].delete_many({"user_id": oid})
    await db["last_seen"].delete_one({"_id": oid})
    await db["users"].delete_one({"_id": oid})


async def _mark_seen(*, db: Database, user_id: ObjectId, at: datetime) -> None:
    # Its own document: a racing write can lose only another last-seen time.
    result = await db["last_seen"].update_one({"_id": user_id}, {"$max": {"at": at}})
    if not result.matched_count:
        await insert_claim(db["last_seen"], {"_id": user_id, "at": at})


async def last_seen_by_user(*, db: Database) -> dict[str, datetime]:
    """Each user's latest sign-in or session use (live sessions' last use included)."""
    seen: dict[str, datetime] = {}

    def note(user_id: str, at: datetime) -> None:
        if user_id not in seen or at > seen[user_id]:
            seen[user_id] = at

    async for doc in db["last_seen"].find({}):
        note(str(doc["_id"]), aware(doc["at"]))
    async for doc in db["sessions"].find({}, {"user_id": 1, "last_seen_at": 1}):
        note(str(doc["user_id"]), aware(doc["last_seen_at"]))
    return seen


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
    await db["invites"].insert_one(doc)
    return InviteRecord(
        id=code_hash[:12], created_at=created_at, expires_at=expires_at, used_at=None
    )


async def claim_invite(*, db: Database, code_hash: str, at: datetime) -> bool:
    """Take an unexpired, unused invite for one sign-up; False if there is none.

    The claim is a unique insert into `invite_claims` (atomic on every backend), so
    two sign-ups racing for one code cannot both have it.
    """
    invite = await db["invites"].find_one({"_id": code_hash, "expires_at": {"$gt": at}})
    if invite is None or invite.get("used_at") is not None:
        return False
    return await insert_claim(db["invite_claims"], {"_id": code_hash, "at": at})


async def release_invite(*, db: Database, code_hash: str) -> None:
    """Give back a claim whose sign-up did not happen."""
    await db["invite_claims"].delete_one({"_id": code_hash})


async def mark_invite_used(*, db: Database, code_hash: str, user_id: str, at: datetime) -> None:
    """Record who used the invite (the claim already makes it single use)."""
    await db["invites"].update_one(
        {"_id": code_hash}, {"$set": {"used_at": at, "used_by": ObjectId(user_id)}}
    )


async def prune_invites(*, db: Database, at: datetime) -> int:
    """Delete expired invites, used or not, then the claims on them."""
    cursor = db["invites"].find({"expires_at": {"$lt": at}}, {"_id": 1})
    expired = [doc["_id"] async for doc in cursor]
    if not expired:
        return 0
    # The invite first: with it gone, nothing can claim it again meanwhile.
    result = await db["invites"].delete_many({"_id": {"$in": expired}})
    await db["invite_claims"].delete_many({"_id": {"$in": expired}})
    return int(result.deleted_count)
