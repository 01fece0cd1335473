"""Fenced locks in MongoDB: a lease that a holder which outlived it cannot write under.

A plain lease (a document whose age decides when others may take it over) lets a
holder that stalled past its lease go on writing after someone else took the lock:
two holders at once. Here each taking of a lock claims the next number of its key,
`{_id: "<key>#<n>", key, n, nonce, at}`, by a unique insert (atomic on every backend;
FerretDB v1 isolates no update). The highest number is the holder; the number is its
fencing token, strictly greater than every earlier holder's. A holder calls
`Fence.ensure_held()` before each write: it raises LockLost once a later number
exists or once the holder went most of a lease without checking, and renews the
lease while it is held, so a live holder is never taken over and a stalled one stops
at its next write. A write that can carry a condition may
store `fence.token` and refuse older ones (the storage-side half of fencing).

Only the holder writes its own document (to renew or release it); a taker inserts
the next one and deletes the ones before, so a key keeps one or two documents.
"""

from __future__ import annotations

import asyncio
import contextlib
import secrets
from collections.abc import AsyncIterator, Callable
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta

from dropbox_lite.core import errors
from dropbox_lite.core.clock import aware
from dropbox_lite.core.db import Database, insert_claim

COLLECTION = "locks"


class LockLost(errors.Conflict):
    """The lock was taken over by another holder: this one must not write."""

    default_message = "This change took too long and another one started; try again."


class LockBusy(errors.Conflict):
    default_message = "Another change holds this lock; try again."


@dataclass
class Fence:
    """One holding of a lock: its fencing token (`token`) and the checks a write needs."""

    db: Database
    key: str
    token: int
    nonce: str
    stale_after: timedelta
    renewed: datetime = field(default_factory=lambda: datetime.now(UTC))

    @property
    def lock_id(self) -> str:
        return f"{self.key}#{self.token}"

    async def ensure_held(self) -> None:
        """Raise LockLost unless this is still the lock's holder; renew the lease if so.

        Call it before each write made under the lock. A holder that went longer than
        three quarters of the lease without calling it has lost the lock even if no one
        took it yet: a taker may be between reading the stale lease and claiming.
        """
        now = datetime.now(UTC)
        if now - self.renewed >= self.stale_after * 3 / 4:
            raise LockLost()
        latest = await _latest(self.db, self.key)
        if (
            latest is None
            or latest.id != self.lock_id
            or latest.nonce != self.nonce
            or latest.released
        ):
            raise LockLost()
        if now - self.renewed >= self.stale_after / 2:
            # Only the holder writes its own document; a would-be taker only reads `at`.
            await self.db.collection(COLLECTION).update_one(
                {"_id": self.lock_id, "nonce": self.nonce}, {"$set": {"at": now}}
            )
            self.renewed = now


@dataclass(frozen=True)
class Holding:
    """A lock's stored holding: its number, who took it (the nonce), when last renewed."""

    id: str  # "<key>#<n>"
    n: int
    nonce: str | None
    at: datetime
    released: bool


async def _latest(db: Database, key: str) -> Holding | None:
    found = await db.collection(COLLECTION).find_one({"key": key}, sort=[("n", -1)])
    if found is None:
        return None
    return Holding(
        id=str(found["_id"]),
        n=int(found["n"]),
        nonce=found.get("nonce"),
        at=aware(found["at"]),
        released=bool(found.get("released")),
    )


async def try_acquire(db: Database, key: str, *, stale_after: timedelta) -> Fence | None:
    """Take the lock on `key` once: its Fence, or None while another holds it."""
    latest = await _latest(db, key)
    now = datetime.now(UTC)
    if latest is not None and not latest.released:
        if latest.at > now - stale_after:
            return None  # held, and renewed recently
    number = 1 if latest is None else latest.n + 1
    nonce = secrets.token_hex(8)
    claim = {"_id": f"{key}#{number}", "key": key, "n": number, "nonce": nonce, "at": now}
    if not await insert_claim(db.collection(COLLECTION), claim):
        return None  # another took this number first
    # The earlier holders' documents: ours is the highest number, so none is needed.
    await db.collection(COLLECTION).delete_many({"key": key, "n": {"$lt": number}})
    return Fence(db=db, key=key, token=number, nonce=nonce, stale_after=stale_after, renewed=now)


async def release(fence: Fence) -> None:
    """Give the lock back, if this holding still has it (a lost one changes nothing)."""
    await fence.db.collection(COLLECTION).update_one(
        {"_id": fence.lock_id, "nonce": fence.nonce}, {"$set": {"released": True}}
    )


@contextlib.asynccontextmanager
async def hold(
    db: Database,
    key: str,
    *,
    stale_after: timedelta,
    tries: int,
    wait: float,
    busy: Callable[[], errors.DomainError] = LockBusy,
) -> AsyncIterator[Fence]:
    """Hold the lock on `key` for the block (raising `busy()` after `tries` waits)."""
    for _ in range(tries):
        fence = await try_acquire(db, key, stale_after=stale_after)
        if fence is not None:
            break
        await asyncio.sleep(wait)
    else:
        raise busy()
    try:
        yield fence
    finally:
        await release(fence)
