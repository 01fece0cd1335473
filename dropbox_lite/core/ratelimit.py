"""Failure throttles kept in MongoDB, so that they hold across processes.

`Throttle` counts failures per key and refuses with a doubling delay past a limit;
`PasswordGuard` builds the password checks' policy on it (issue 12): failures keyed
by (client address, subject), a growing wait before each further attempt, then
refusal of that pair only, and a ten times looser cap per address.

Each failure is one inserted document in `rate_limits`: {_id: ObjectId, key:
"login:pair:10.0.0.1:alice", at: datetime, expires_at: datetime}. Inserts are the only
writes, so concurrent failures all count on every backend: FerretDB v1 (SQLite)
applies updates as read-modify-write, and 12 concurrent `$inc`s of one document
leave it at 4 (so do conditional "compare-and-set" updates). Every query filters on
`expires_at`, since FerretDB v1 has no TTL index to remove old documents.
"""

from __future__ import annotations

import asyncio
import contextlib
import math
import time
from collections.abc import AsyncIterator, Awaitable, Callable, Sequence
from datetime import UTC, datetime, timedelta

from bson import ObjectId

from dropbox_lite.core import errors
from dropbox_lite.core.db import Database, insert_claim

COLLECTION = "rate_limits"
# How long a failure is remembered at most; a long run of locked-out failures
# keeps its growing delay for this long.
MEMORY = timedelta(days=1)
# More failures than this never change the delay (it is capped well before).
MAX_FETCHED = 64
# The mutex around recording and checking one attempt: held for two queries.
LOCK_LEASE = timedelta(seconds=5)
LOCK_WAIT = timedelta(seconds=5)


def _aware(value: datetime) -> datetime:
    # mongomock may hand back naive datetimes; they are UTC.
    return value if value.tzinfo else value.replace(tzinfo=UTC)


@contextlib.asynccontextmanager
async def _locked(db: Database, keys: list[str]) -> AsyncIterator[None]:
    """Hold a short mutex on each of `keys` (sorted, so two holders cannot deadlock).

    Without it, parallel attempts all read the failures before any of them records
    its own. The mutex is a unique `_id` insert, which every backend makes atomic
    (FerretDB v1 isolates no update, but does enforce unique indexes); one left by a
    dead process expires after LOCK_LEASE.
    """
    held: list[str] = []
    try:
        for key in keys:
            await _acquire(db, f"lock:{key}")
            held.append(f"lock:{key}")
        yield
    finally:
        for lock_id in held:
            await db[COLLECTION].delete_one({"_id": lock_id})


async def _acquire(db: Database, lock_id: str) -> None:
    deadline = time.monotonic() + LOCK_WAIT.total_seconds()
    while True:
        now = datetime.now(UTC)
        lock = {"_id": lock_id, "at": now, "expires_at": now + LOCK_LEASE}
        if await insert_claim(db[COLLECTION], lock):
            return
        await db[COLLECTION].delete_one({"_id": lock_id, "expires_at": {"$lt": now}})
        if time.monotonic() > deadline:
            raise errors.RateLimited(retry_after_seconds=1)
        await asyncio.sleep(0.005)


class Throttle:
    """After `max_failures` failures, refuse for a delay that doubles with each more.

    The failure that reaches `max_failures` locks the key for `base_delay`; each
    further one doubles it, up to `max_delay`. Failures run together while each
    comes within `window` of the end of the previous one's lock (or of the previous
    failure, before any lock); a quiet `window` after that forgets them, as does
    `reset`.
    """

    def __init__(
        self,
        *,
        name: str,
        max_failures: int = 5,
        window: timedelta = timedelta(minutes=15),
        max_delay: timedelta = timedelta(minutes=15),
        base_delay: timedelta = timedelta(minutes=1),
    ) -> None:
        if max_failures < 1:
            raise ValueError("max_failures must be at least 1")
        self.name = name
        self.max_failures = max_failures
        self.window = window
        self.max_delay = max_delay
        self.base_delay = min(base_delay, max_delay)

    def key(self, *parts: str) -> str:
        """A key in this throttle's namespace: key("user", "alice") is "login:user:alice"."""
        return ":".join((self.name, *parts))

    def delay(self, failures: int) -> timedelta:
        """How long a key stays locked after its `failures`-th failure in a run."""
        if failures < self.max_failures:
            return timedelta(0)
        doublings = min(failures - self.max_failures, 32)
        grown: timedelta = self.base_delay * 2**doublings
        return min(grown, self.max_delay)

    def run(self, times: Sequence[datetime]) -> tuple[int, datetime | None]:
        """How many failures the current run has, and when its last one was."""
        count = 0
        last: datetime | None = None
        for at in sorted(times):
            if last is not None and at - last >= self.delay(count) + self.window:
                count = 0
            count += 1
            last = at
        return count, last

    def locked_until(self, times: Sequence[datetime], now: datetime) -> datetime | None:
        """When the lock that these failure times (any order) impose ends, if it is on."""
        count, last = self.run(times)
        if last is None or count < self.max_failures:
            return None
        until = last + self.delay(count)
        return until if until > now else None

    async def check(self, *, db: Database, keys: Sequence[str]) -> None:
        """Raise RateLimited(retry_after_seconds=N) when any of `keys` is locked now."""
        now = datetime.now(UTC)
        waits: list[float] = []
        for key in dict.fromkeys(keys):
            until = await self._locked_until(db, key, now)
            if until is not None:
                waits.append((until - now).total_seconds())
        if waits:
            raise errors.RateLimited(retry_after_seconds=max(1, math.ceil(max(waits))))

    async def begin(self, *, db: Database, keys: Sequence[str]) -> list[ObjectId]:
        """Record one attempt on each of `keys` (as a failure), or raise RateLimited.

        Checking and recording happen together under a short per-key mutex: under N
        parallel attempts exactly the first `max_failures` get through, where
        check-then-fail would let all N through. A failed attempt keeps its marks;
        `forget` them on success or when the attempt did not happen.
        """
        ordered = sorted(dict.fromkeys(keys))
        if not ordered:
            return []
        async with _locked(db, ordered):
            now = datetime.now(UTC)
            waits: list[float] = []
            for key in ordered:
                until = await self._locked_until(db, key, now)
                if until is not None:
                    waits.append((until - now).total_seconds())
            if waits:
                raise errors.RateLimited(retry_after_seconds=max(1, math.ceil(max(waits))))
            marks = [ObjectId() for _ in ordered]
            await db[COLLECTION].insert_many(
                [
                    {"_id": mark, "key": key, "at": now, "expires_at": now + MEMORY}
                    for key, mark in zip(ordered, marks, strict=True)
                ]
            )
        return marks

    async def _locked_until(self, db: Database, key: str, now: datetime) -> datetime | None:
        return self.locked_until(await self._times(db, key, now), now)

    async def _times(self, db: Database, key: str, now: datetime) -> list[datetime]:
        cursor = (
            db[COLLECTION]
            .find({"key": key, "expires_at": {"$gt": now}}, {"at": 1})
            .sort("at", -1)
            .limit(MAX_FETCHED)
        )
        return [_aware(doc["at"]) async for doc in cursor]

    async def state(self, *, db: Database, key: str) -> tuple[int, float]:
        """The failures in `key`'s current run, and the seconds its lock has left (0: open)."""
        now = datetime.now(UTC)
        times = await self._times(db, key, now)
        count, _ = self.run(times)
        until = self.locked_until(times, now)
        return count, 0.0 if until is None else (until - now).total_seconds()

    async def forget(self, *, db: Database, marks: Sequence[ObjectId]) -> None:
        """Drop the marks of an attempt that succeeded or never happened."""
        if marks:
            await db[COLLECTION].delete_many({"_id": {"$in": list(marks)}})

    async def fail(self, *, db: Database, keys: Sequence[str]) -> None:
        """Count one failure against each of `keys`."""
        now = datetime.now(UTC)
        docs = [
            {"_id": ObjectId(), "key": key, "at": now, "expires_at": now + MEMORY}
            for key in dict.fromkeys(keys)
        ]
        if docs:
            await db[COLLECTION].insert_many(docs)

    async def reset(self, *, db: Database, key: str) -> None:
        """Forget the failures of `key` (after a success)."""
        await db[COLLECTION].delete_many({"key": key})


# Waits go through here, so that tests can record them instead of sleeping.
sleep: Callable[[float], Awaitable[None]] = asyncio.sleep


class Attempt:
    """One guarded password check: call `succeeded()` when the password was right."""

    def __init__(self) -> None:
        self.right = False

    def succeeded(self) -> None:
        self.right = True


class PasswordGuard:
    """Password failures keyed by (client address, subject): slow down, then refuse.

    The subject is a username (login) or a link id (share-link passwords). After a
    pair's n-th failure, its next attempt first waits `slow_base * 2**(n-1)` (at most
    `slow_max`), as Nextcloud's brute-force protection does; after `per_pair`
    failures the pair is refused for Throttle's doubling delay. Only the guesser's
    own pair slows and locks: the subject's users at other addresses, and other
    subjects at the guesser's address, are untouched. An address whose failures
    over all subjects pass `per_address` (a sprayer of many names or links) is
    refused everywhere; that threshold is ten times the pair's, so one guesser
    behind a shared proxy address cannot lock out everyone behind it.
    """

    def __init__(
        self,
        *,
        name: str,
        per_pair: int = 5,
        per_address: int = 50,
        slow_base: float = 0.1,
        slow_max: float = 5.0,
    ) -> None:
        self.pairs = Throttle(name=f"{name}:pair", max_failures=per_pair)
        self.addresses = Throttle(name=f"{name}:address", max_failures=per_address)
        self.slow_base = slow_base
        self.slow_max = slow_max

    @property
    def max_failures(self) -> int:
        """Failures of one (address, subject) pair before it is refused."""
        return self.pairs.max_failures

    def pair_key(self, client_ip: str, subject: str) -> str:
        """The throttle key of one (address, subject) pair."""
        return self.pairs.key(client_ip, subject)

    def address_key(self, client_ip: str) -> str:
        """The throttle key of one address, over all subjects."""
        return self.addresses.key(client_ip)

    def slowdown(self, failures: int) -> float:
        """Seconds an attempt waits after `failures` failures of its pair."""
        if failures < 1:
            return 0.0
        return float(min(self.slow_base * 2 ** min(failures - 1, 32), self.slow_max))

    @contextlib.asynccontextmanager
    async def attempt(
        self,
        *,
        db: Database,
        client_ip: str,
        subject: str | None,
        failures: tuple[type[BaseException], ...] = (),
    ) -> AsyncIterator[Attempt]:
        """Guard one password check; RateLimited when the pair or the address is locked.

        The attempt counts as a failure unless the block calls `succeeded()`; an
        exception of a `failures` type is a failure too, any other one forgets the
        attempt. `subject=None` (no such user, say) counts against the address only.
        """
        keys = [self.address_key(client_ip)]
        throttles: list[Throttle] = [self.addresses]
        if subject is not None:
            keys.insert(0, self.pair_key(client_ip, subject))
            throttles.insert(0, self.pairs)
            count, locked = await self.pairs.state(db=db, key=keys[0])
            if locked > 0:
                raise errors.RateLimited(retry_after_seconds=max(1, math.ceil(locked)))
            wait = self.slowdown(count)
            if wait > 0:
                await sleep(wait)
        marks: list[ObjectId] = []
        try:
            for throttle, key in zip(throttles, keys, strict=True):
                marks.extend(await throttle.begin(db=db, keys=[key]))
        except BaseException:
            await self.pairs.forget(db=db, marks=marks)
            raise
        attempt = Attempt()
        try:
            yield attempt
        except failures:
            raise  # the marks stay: a failure
        except BaseException:
            await self.pairs.forget(db=db, marks=marks)
            raise
        if attempt.right:
            await self.pairs.forget(db=db, marks=marks)
            if subject is not None:
                await self.pairs.reset(db=db, key=keys[0])
