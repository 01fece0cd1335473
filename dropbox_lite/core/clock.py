"""The time now, and datetimes as they come back from the database made timezone-aware,
each in one place.

The embedded store (mongomock) hands back naive datetimes; every stored time is UTC.
"""

from __future__ import annotations

from datetime import UTC, datetime


def now() -> datetime:
    """The time now, aware, in UTC (what every stored time is)."""
    return datetime.now(UTC)


def aware(value: datetime) -> datetime:
    """A stored datetime as an aware one in UTC (unchanged if it is aware already)."""
    return value if value.tzinfo is not None else value.replace(tzinfo=UTC)


def maybe_aware(value: datetime | None) -> datetime | None:
    """`aware`, for a stored datetime that may be missing."""
    return None if value is None else aware(value)
