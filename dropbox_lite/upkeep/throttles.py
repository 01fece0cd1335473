"""Pruning the throttles' failure log (core/ratelimit.py) once its entries expire.

FerretDB v1 has no TTL index, so nothing else removes them there.
"""

from __future__ import annotations

from datetime import datetime

from dropbox_lite.core import ratelimit
from dropbox_lite.core.db import Database


async def prune_throttles(*, db: Database, now: datetime) -> int:
    """Delete expired failure records and mutexes left by dead processes."""
    return await ratelimit.prune(db=db, now=now)
