"""The `share_links` collection: every query on it, and its one document constructor.

`token` holds the SHA-256 of the link's token, never the token (links made since issue
22 have a token derived from the secret key and the link's id, so the owner can be
shown it again; the database alone still opens none). Timestamps come
back timezone-aware (mongomock hands back naive UTC datetimes) in frozen `ShareLink`s.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Any, NotRequired, TypedDict

from bson import ObjectId

from dropbox_lite.core.clock import aware, maybe_aware
from dropbox_lite.core.db import Database

COLLECTION = "share_links"


class LinkDoc(TypedDict):
    """The stored shape (built by `_document` only)."""

    _id: ObjectId
    token: str
    entry_id: ObjectId
    owner_id: ObjectId
    access: str
    expires_at: datetime | None
    password_hash: str | None
    created_at: datetime
    revoked: bool
    revoked_at: datetime | None
    download_count: int
    created_by: NotRequired[ObjectId]  # an editor of the shared folder it is in, if not the owner


@dataclass(frozen=True)
class ShareLink:
    """A link as the repository hands it out: what the store holds, timestamps aware."""

    id: ObjectId
    token: str  # the SHA-256 of the link's token
    entry_id: ObjectId
    owner_id: ObjectId
    access: str
    expires_at: datetime | None
    password_hash: str | None
    created_at: datetime
    revoked: bool = False
    revoked_at: datetime | None = None
    download_count: int = 0
    created_by: ObjectId | None = None  # an editor of the shared folder, if not the owner


def _link(raw: dict[str, Any]) -> ShareLink:
    """A stored document as a ShareLink, its timestamps aware (the one place they are fixed)."""
    return ShareLink(
        id=raw["_id"],
        token=raw["token"],
        entry_id=raw["entry_id"],
        owner_id=raw["owner_id"],
        access=raw["access"],
        expires_at=maybe_aware(raw.get("expires_at")),
        password_hash=raw.get("password_hash"),
        created_at=aware(raw["created_at"]),
        revoked=bool(raw.get("revoked", False)),
        revoked_at=maybe_aware(raw.get("revoked_at")),
        download_count=int(raw.get("download_count", 0)),
        created_by=raw.get("created_by"),
    )


def _document(link: ShareLink) -> LinkDoc:
    doc = LinkDoc(
        _id=link.id,
        token=link.token,
        entry_id=link.entry_id,
        owner_id=link.owner_id,
        access=link.access,
        expires_at=link.expires_at,
        password_hash=link.password_hash,
        created_at=link.created_at,
        revoked=link.revoked,
        revoked_at=link.revoked_at,
        download_count=link.download_count,
    )
    if link.created_by is not None:
        doc["created_by"] = link.created_by
    return doc


def new_link(
    *,
    token_digest: str,
    entry_id: ObjectId,
    owner_id: ObjectId,
    access: str,
    expires_at: datetime | None,
    password_hash: str | None,
    at: datetime,
    created_by: ObjectId | None = None,
    link_id: ObjectId | None = None,
) -> ShareLink:
    """A new link, not stored yet (the one constructor)."""
    return ShareLink(
        id=link_id if link_id is not None else ObjectId(),
        token=token_digest,
        entry_id=entry_id,
        owner_id=owner_id,
        access=access,
        expires_at=expires_at,
        password_hash=password_hash,
        created_at=at,
        created_by=created_by if created_by is not None and created_by != owner_id else None,
    )


async def insert(*, db: Database, link: ShareLink) -> None:
    """Store a new link."""
    await db.collection(COLLECTION).insert_one(dict(_document(link)))


def _mine(user_id: ObjectId) -> dict[str, Any]:
    return {"$or": [{"owner_id": user_id}, {"created_by": user_id}]}


async def list_by_owner(
    *, db: Database, owner_id: ObjectId, entry_id: ObjectId | None, limit: int
) -> list[ShareLink]:
    """The owner's links that are not revoked, newest first; of one entry when given.

    Links an editor made in someone's shared folder are the folder owner's, and also
    listed for the editor who made them.
    """
    query: dict[str, Any] = {**_mine(owner_id), "revoked": False}
    if entry_id is not None:
        query["entry_id"] = entry_id
    cursor = (
        db.collection(COLLECTION)
        .find(query)
        .sort([("created_at", -1), ("_id", -1)])
        .limit(limit)
        .batch_size(limit)
    )
    return [_link(raw) async for raw in cursor]


async def revoke(
    *, db: Database, owner_id: ObjectId, link_id: ObjectId, at: datetime
) -> ShareLink | None:
    """Mark the owner's link revoked; the link as it is now, or None when there is none."""
    raw = await db.collection(COLLECTION).find_one_and_update(
        {"_id": link_id, **_mine(owner_id)},
        {"$set": {"revoked": True, "revoked_at": at}},
    )
    if raw is None:
        return None
    return _link({**raw, "revoked": True, "revoked_at": at})


async def find_unrevoked(*, db: Database, token_digest: str) -> ShareLink | None:
    """The link with this token digest, unless revoked (expiry is the caller's to check)."""
    raw = await db.collection(COLLECTION).find_one({"token": token_digest, "revoked": False})
    return None if raw is None else _link(raw)


async def count_download(*, db: Database, link_id: ObjectId) -> None:
    """One more completed download."""
    await db.collection(COLLECTION).update_one({"_id": link_id}, {"$inc": {"download_count": 1}})


async def delete_ended(*, db: Database, before: datetime) -> int:
    """Remove links revoked before `before` or expired before it; how many went."""
    result = await db.collection(COLLECTION).delete_many(
        {
            "$or": [
                {"revoked": True, "revoked_at": {"$lt": before}},
                {"expires_at": {"$lt": before}},
            ]
        }
    )
    return int(result.deleted_count)


async def entries_with_live_links(
    *, db: Database, user_id: ObjectId, entry_ids: list[ObjectId], at: datetime
) -> set[ObjectId]:
    """Which of these entries have a live link (not revoked, not expired at `at`) that the
    user may list (theirs, or one they made in another's shared folder): one command."""
    if not entry_ids:
        return set()
    found = await db.collection(COLLECTION).distinct(
        "entry_id",
        {
            "entry_id": {"$in": entry_ids},
            "revoked": False,
            "$and": [
                _mine(user_id),
                {"$or": [{"expires_at": None}, {"expires_at": {"$gt": at}}]},
            ],
        },
    )
    return {value for value in found if isinstance(value, ObjectId)}
