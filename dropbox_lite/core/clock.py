"""The time now, and datetimes as they come back from the database made timezone-aware,
each in one place.

The embedded store (mongomock) hands back naive datetimes; every stored time is UTC.
`Clock` is the time one application reads for its in-process state (caches, waits): one
per app (core/state.py), so a test moves its app's time instead of sleeping.
"""

from __future__ import annotations

import asyncio
import time
from datetime import UTC, datetime, timedelta


def now() -> datetime:
    """The time now, aware, in UTC (what every stored time is)."""
    return datetime.now(UTC)


def aware(value: datetime) -> datetime:
    """A stored datetime as an aware one in UTC (unchanged if it is aware already)."""
    return value if value.tzinfo is not None else value.replace(tzinfo=UTC)


def maybe_aware(value: datetime | None) -> datetime | None:
    """`aware`, for a stored datetime that may be missing."""
    return None if value is None else aware(value)


class Clock:
    """The system's time, `advance`d by however far this clock was moved forward."""

    def __init__(self) -> None:
        self._ahead = 0.0

    def now(self) -> datetime:
        """The wall time, aware, in UTC."""
        return datetime.now(UTC) + timedelta(seconds=self._ahead)

    def monotonic(self) -> float:
        """Seconds for measuring intervals (never goes back)."""
        return time.monotonic() + self._ahead

    async def sleep(self, seconds: float) -> None:
        """Wait `seconds` of this clock's time."""
        await asyncio.sleep(seconds)

    def advance(self, seconds: float) -> None:
        """Move this clock `seconds` forward (time passing, without waiting for it)."""
        if seconds < 0:
            raise ValueError("a clock only moves forward")
        self._ahead += seconds
