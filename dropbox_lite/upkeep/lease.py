"""Leader election through MongoDB: one holder per term, by a unique-id insert.

Time is cut into terms of `period` seconds. The lease on a term is the document
`{_id: "<name>:<term>"}` in `leases`; whoever inserts it first holds the term, and
every other would-be holder gets DuplicateKeyError. Leases are only ever inserted,
never updated or renewed: FerretDB v1 applies updates as read-modify-write
without isolation (see core/db.py), so an expiry moved by `$set` could hand one
lease to two holders, while a unique `_id` insert is atomic on every backend. A
holder that dies keeps its term; the next term elects afresh. The lease documents
expire with their term and upkeep removes them.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from datetime import UTC, datetime

from pymongo.errors import DuplicateKeyError

from dropbox_lite.core.db import Database

COLLECTION = "leases"


@dataclass(frozen=True)
class Term:
    """One term of a lease: its number and when it begins and ends."""

    name: str
    number: int
    starts: datetime
    ends: datetime

    @property
    def lease_id(self) -> str:
        return f"{self.name}:{self.number}"


def term_at(*, name: str, period_seconds: float, now: datetime) -> Term:
    """The term of `name` that `now` falls in."""
    if period_seconds <= 0:
        raise ValueError("period_seconds must be positive")
    number = math.floor(now.timestamp() / period_seconds)
    return Term(
        name=name,
        number=number,
        starts=datetime.fromtimestamp(number * period_seconds, UTC),
        ends=datetime.fromtimestamp((number + 1) * period_seconds, UTC),
    )


async def try_lead(*, db: Database, term: Term, holder: str) -> bool:
    """Take the lease on `term` for `holder`; False when another holder has it."""
    try:
        await db.collection(COLLECTION).insert_one(
            {
                "_id": term.lease_id,
                "name": term.name,
                "term": term.number,
                "holder": holder,
                "at": datetime.now(UTC),
                "expires_at": term.ends,
            }
        )
        return True
    except DuplicateKeyError:
        found = await db.collection(COLLECTION).find_one({"_id": term.lease_id}, {"holder": 1})
        return found is not None and found.get("holder") == holder


async def prune_leases(*, db: Database, now: datetime) -> int:
    """Delete the leases of terms that have ended."""
    result = await db.collection(COLLECTION).delete_many({"expires_at": {"$lt": now}})
    return int(result.deleted_count)
