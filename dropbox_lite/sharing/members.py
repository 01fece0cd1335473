"""The store of shared folders' memberships: who, with which role, through which mount.

A membership is `{_id: "<share>:<user>", share_id, owner_id, user_id, role,
mount_id, created_at}`: the `_id` makes one membership per user and folder, claimed
by an insert (atomic on every backend). The shared folder is the owner's folder
whose id is the share's id; its owner is not a member. The mount is the member's
own folder entry (`mount_of` = the share's id) through which they see it.

Memberships leave this store as `Membership` records; the documents are built and
read here only.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from bson import ObjectId

from dropbox_lite.core.db import Database, insert_claim

MEMBERSHIPS = "memberships"
EDITOR = "editor"
VIEWER = "viewer"
ROLES = (EDITOR, VIEWER)


@dataclass(frozen=True)
class Membership:
    """A user's membership of a shared folder (the folder's id is the share's id)."""

    share_id: ObjectId
    owner_id: ObjectId
    user_id: ObjectId
    role: str  # EDITOR or VIEWER
    mount_id: ObjectId  # the member's own folder through which they see the share
    created_at: datetime | None


def _record(doc: Mapping[str, Any]) -> Membership:
    return Membership(
        share_id=doc["share_id"],
        owner_id=doc["owner_id"],
        user_id=doc["user_id"],
        role=str(doc["role"]),
        mount_id=doc["mount_id"],
        created_at=doc.get("created_at"),
    )


def membership_id(share_id: ObjectId, user_id: ObjectId) -> str:
    return f"{share_id}:{user_id}"


async def add(
    db: Database,
    *,
    share_id: ObjectId,
    owner_id: ObjectId,
    user_id: ObjectId,
    role: str,
    mount_id: ObjectId,
    at: datetime,
) -> bool:
    """Record the membership: False when the user is a member already."""
    return await insert_claim(
        db.collection(MEMBERSHIPS),
        {
            "_id": membership_id(share_id, user_id),
            "share_id": share_id,
            "owner_id": owner_id,
            "user_id": user_id,
            "role": role,
            "mount_id": mount_id,
            "created_at": at,
        },
    )


async def find(db: Database, share_id: ObjectId, user_id: ObjectId) -> Membership | None:
    """The user's membership of the shared folder, if any."""
    doc = await db.collection(MEMBERSHIPS).find_one({"_id": membership_id(share_id, user_id)})
    return None if doc is None else _record(doc)


async def _where(db: Database, query: dict[str, Any]) -> list[Membership]:
    return [_record(doc) async for doc in db.collection(MEMBERSHIPS).find(query)]


async def of_share(db: Database, share_id: ObjectId) -> list[Membership]:
    """Every membership of the shared folder."""
    return await _where(db, {"share_id": share_id})


async def of_shares(db: Database, share_ids: list[ObjectId]) -> list[Membership]:
    """Every membership of any of the shared folders (one query)."""
    return await _where(db, {"share_id": {"$in": share_ids}})


async def of_user(db: Database, user_id: ObjectId) -> list[Membership]:
    """The user's memberships (the folders shared with them)."""
    return await _where(db, {"user_id": user_id})


async def set_role(db: Database, share_id: ObjectId, user_id: ObjectId, role: str) -> bool:
    """Change a member's role: False when they are not a member."""
    result = await db.collection(MEMBERSHIPS).update_one(
        {"_id": membership_id(share_id, user_id)}, {"$set": {"role": role}}
    )
    return bool(result.matched_count)


async def remove(db: Database, share_id: ObjectId, user_id: ObjectId) -> Membership | None:
    """Delete the membership: the one deleted, or None when there was none."""
    key = membership_id(share_id, user_id)
    doc = await db.collection(MEMBERSHIPS).find_one({"_id": key})
    if doc is None or not (await db.collection(MEMBERSHIPS).delete_one({"_id": key})).deleted_count:
        return None
    return _record(doc)


async def release_mount(
    db: Database, share_id: ObjectId, user_id: ObjectId, mount_id: ObjectId
) -> bool:
    """Delete the membership if it is the one held through `mount_id` (not a later one)."""
    result = await db.collection(MEMBERSHIPS).delete_one(
        {"_id": membership_id(share_id, user_id), "mount_id": mount_id}
    )
    return bool(result.deleted_count)


async def count(db: Database, share_id: ObjectId) -> int:
    return int(await db.collection(MEMBERSHIPS).count_documents({"share_id": share_id}))


async def of_owner(db: Database, owner_id: ObjectId) -> list[Membership]:
    """Every membership of the owner's shared folders."""
    return await _where(db, {"owner_id": owner_id})
