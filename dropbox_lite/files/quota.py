"""The user's storage quota: bytes are reserved atomically before a commit (invariant 4)."""

from __future__ import annotations

from typing import Any

from bson import ObjectId

from dropbox_lite.core import errors
from dropbox_lite.core.db import Database
from dropbox_lite.files.entries import user_doc
from dropbox_lite.files.records import Usage, oid


async def usage(*, db: Database, user_id: str) -> Usage:
    """Bytes used (every file not purged, at its current revision) and the quota."""
    doc = await user_doc(db, oid(user_id))
    return Usage(used_bytes=int(doc.get("used_bytes", 0)), quota_bytes=doc.get("quota_bytes"))


async def reserve(db: Database, owner: ObjectId, delta: int) -> None:
    """Take `delta` bytes of the owner's quota atomically, or QuotaExceeded (invariant 4)."""
    if delta <= 0:
        return
    user = await user_doc(db, owner)
    quota = user.get("quota_bytes")
    query: dict[str, Any] = {"_id": owner}
    if quota is not None:
        if delta > quota:
            raise errors.QuotaExceeded()
        query["used_bytes"] = {"$lte": quota - delta}
    result = await db["users"].update_one(query, {"$inc": {"used_bytes": delta}})
    if result.matched_count == 0:
        raise errors.QuotaExceeded()


async def release(db: Database, owner: ObjectId, delta: int) -> None:
    """Give back `delta` bytes reserved for a write that did not happen."""
    if delta > 0:
        await db["users"].update_one({"_id": owner}, {"$inc": {"used_bytes": -delta}})


async def quota_left(db: Database, owner: ObjectId, *, freed: int = 0) -> int | None:
    """Bytes the owner may still store (plus `freed`); None when there is no quota."""
    user = await user_doc(db, owner)
    quota = user.get("quota_bytes")
    if quota is None:
        return None
    return max(int(quota) - int(user.get("used_bytes", 0)) + freed, 0)
