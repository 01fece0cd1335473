"""Pruning the change journal's bookkeeping: spent number claims and abandoned marks.

`seq_claims` gets one document per change and `inflight` keeps the marks of
writers that died. Only an owner's highest claim matters for handing out numbers
(sync/journal.py), so claims below the owner's stable number can go; and a mark
older than the journal's lease no longer holds readers back, so it can go too.
"""

from __future__ import annotations

from datetime import datetime

from dropbox_lite.core.db import Database
from dropbox_lite.sync import journal

# Marks are stamped by the clock of the process that wrote them: leave a margin for skew.
STALE_AFTER = journal.LEASE * 2


async def prune_claims(*, db: Database) -> int:
    """Delete each owner's number claims below its stable number (the top one stays)."""
    removed = 0
    for owner_id in await db[journal.CLAIMS].distinct("owner_id"):
        stable = await journal.stable_seq(db=db, owner_id=owner_id)
        result = await db[journal.CLAIMS].delete_many(
            {"owner_id": owner_id, "seq": {"$lt": stable}}
        )
        removed += int(result.deleted_count)
    return removed


async def prune_abandoned_marks(*, db: Database, now: datetime) -> int:
    """Delete in-flight marks whose writer is long gone (readers already pass them)."""
    result = await db["inflight"].delete_many({"at": {"$lt": now - STALE_AFTER}})
    return int(result.deleted_count)
