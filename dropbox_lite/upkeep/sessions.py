"""Pruning sessions that can no longer sign anyone in: expired or revoked."""

from __future__ import annotations

from datetime import datetime

from dropbox_lite.core.db import Database


async def prune_sessions(*, db: Database, now: datetime) -> int:
    """Delete expired and revoked sessions (a token naming one is refused either way)."""
    result = await db["sessions"].delete_many(
        {"$or": [{"expires_at": {"$lt": now}}, {"revoked": True}]}
    )
    return int(result.deleted_count)
