"""Pruning invite codes (auth's `invites`) once they have expired, with their claims."""

from __future__ import annotations

from datetime import datetime

from dropbox_lite.core.db import Database


async def prune_invites(*, db: Database, now: datetime) -> int:
    """Delete expired invites, used or not, and the claims on them."""
    expired = [
        doc["_id"] async for doc in db["invites"].find({"expires_at": {"$lt": now}}, {"_id": 1})
    ]
    if not expired:
        return 0
    # The invite first: with it gone, nothing can claim it again meanwhile.
    result = await db["invites"].delete_many({"_id": {"$in": expired}})
    await db["invite_claims"].delete_many({"_id": {"$in": expired}})
    return int(result.deleted_count)
