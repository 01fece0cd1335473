"""Pruning move-cycle decisions (files/cycles.py), which matter only while two moves race."""

from __future__ import annotations

from datetime import datetime, timedelta

from dropbox_lite.core.db import Database
from dropbox_lite.files import cycles

# The two moves that close a cycle decide within one request each; an hour is ample.
KEEP = timedelta(hours=1)


async def prune_move_cycles(*, db: Database, now: datetime) -> int:
    """Delete the decisions about move cycles older than KEEP."""
    return await cycles.prune(db, before=now - KEEP)
