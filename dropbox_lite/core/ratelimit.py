"""Failure throttles kept in MongoDB, so that they hold across processes.

`Throttle` counts failures per key and refuses with a doubling delay past a limit;
`PasswordGuard` builds the password checks' policy on it (issue 12): failures keyed
by (client address, subject), a growing wait before each further attempt, then
refusal of that pair only, and a ten times looser cap per address.

Each failure is one inserted document in `rate_limits`: {_id, key:
"login:pair:10.0.0.1:alice", at: datetime, expires_at: datetime}. Inserts are the only
writes, so concurrent failures all count on every backend: FerretDB v1 (SQLite)
applies updates as read-modify-write, and 12 concurrent `$inc`s of one document
leave it at 4 (so do conditional "compare-and-set" updates). Every query filters on
`expires_at`, since FerretDB v1 has no TTL index to remove old documents.

An attempt checked before its outcome is known (`begin`) claims the next numbered
slot of its key, `_id: "<key>#<n>"`, by a unique insert: the claims of one key are
totally ordered on every backend, and whether the n-th is let through is decided
from the slots before it alone, so N parallel attempts let exactly `max_failures`
through however slow the database is. (A mutex held under a lease did not: a holder
slower than its lease let the next one in, and 20 parallel guesses got 15 through.)
"""

from __future__ import annotations

import contextlib
import math
from collections.abc import AsyncIterator, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta

from bson import ObjectId

from dropbox_lite.core import errors, state
from dropbox_lite.core.clock import Clock, aware
from dropbox_lite.core.db import Database, insert_claim

COLLECTION = "rate_limits"
# How long a failure is remembered at most; a long run of locked-out failures
# keeps its growing delay for this long.
MEMORY = timedelta(days=1)
# More failures than this never change the delay (it is capped well before).
MAX_FETCHED = 64
# One attempt's mark: a numbered slot ("<key>#<n>") or a plain failure (ObjectId).
Mark = str | ObjectId
# Parallel claims of one key's next slot lost to another before one gives up.
MAX_CLAIM_TRIES = 100


@dataclass(frozen=True)
class Failure:
    """A stored failure: a numbered slot (`n`) or a plain failure (no number)."""

    at: datetime
    expires_at: datetime
    n: int | None = None


def _times(marks: Sequence[Failure], now: datetime) -> list[datetime]:
    """When the marks that have not expired by `now` were made."""
    return [m.at for m in marks if m.expires_at > now]


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
            until = self.locked_until(_times(await self._marks(db, key), now), now)
            if until is not None:
                waits.append((until - now).total_seconds())
        if waits:
            raise errors.RateLimited(retry_after_seconds=max(1, math.ceil(max(waits))))

    async def begin(self, *, db: Database, keys: Sequence[str]) -> list[Mark]:
        """Record one attempt on each of `keys` (as a failure), or raise RateLimited.

        Each attempt claims its key's next slot (see the module's docstring) when the
        slots before it leave the key open: under N parallel attempts exactly the first
        `max_failures` get through, where check-then-fail would let all N through. A
        failed attempt keeps its marks; `forget` them on success or when the attempt
        did not happen.
        """
        marks: list[Mark] = []
        try:
            for key in sorted(dict.fromkeys(keys)):
                marks.append(await self._claim(db, key))
        except BaseException:
            await self.forget(db=db, marks=marks)
            raise
        return marks

    async def _claim(self, db: Database, key: str) -> str:
        for _ in range(MAX_CLAIM_TRIES):
            marks = await self._marks(db, key)
            now = datetime.now(UTC)
            until = self.locked_until(_times(marks, now), now)
            if until is not None:
                seconds = (until - now).total_seconds()
                raise errors.RateLimited(retry_after_seconds=max(1, math.ceil(seconds)))
            # Every slot below the highest one seen was claimed before it, so this read
            # holds all the slots before ours: the decision is the one a serial run makes.
            number = max((m.n for m in marks if m.n is not None), default=0) + 1
            mark = f"{key}#{number}"
            claim = {"_id": mark, "key": key, "n": number, "at": now, "expires_at": now + MEMORY}
            if await insert_claim(db.collection(COLLECTION), claim):
                return mark
        raise errors.RateLimited(retry_after_seconds=1)

    async def _marks(self, db: Database, key: str) -> list[Failure]:
        # Slots by number first (the highest numbers the next claim), then plain failures.
        cursor = (
            db.collection(COLLECTION)
            .find({"key": key}, {"at": 1, "n": 1, "expires_at": 1})
            .sort([("n", -1), ("at", -1)])
            .limit(MAX_FETCHED)
        )
        return [
            Failure(at=aware(doc["at"]), expires_at=aware(doc["expires_at"]), n=doc.get("n"))
            async for doc in cursor
        ]

    async def state(self, *, db: Database, key: str) -> tuple[int, float]:
        """The failures in `key`'s current run, and the seconds its lock has left (0: open)."""
        now = datetime.now(UTC)
        times = _times(await self._marks(db, key), now)
        count, _ = self.run(times)
        until = self.locked_until(times, now)
        return count, 0.0 if until is None else (until - now).total_seconds()

    async def forget(self, *, db: Database, marks: Sequence[Mark]) -> None:
        """Drop the marks of an attempt that succeeded or never happened."""
        if marks:
            await db.collection(COLLECTION).delete_many({"_id": {"$in": list(marks)}})

    async def fail(self, *, db: Database, keys: Sequence[str]) -> None:
        """Count one failure against each of `keys`."""
        now = datetime.now(UTC)
        docs = [
            {"_id": ObjectId(), "key": key, "at": now, "expires_at": now + MEMORY}
            for key in dict.fromkeys(keys)
        ]
        if docs:
            await db.collection(COLLECTION).insert_many(docs)

    async def reset(self, *, db: Database, key: str) -> None:
        """Forget the failures of `key` (after a success)."""
        await db.collection(COLLECTION).delete_many({"key": key})


async def prune(*, db: Database, now: datetime) -> int:
    """Delete expired failure records and mutexes left by dead processes (upkeep: FerretDB
    v1 has no TTL index)."""
    result = await db.collection(COLLECTION).delete_many({"expires_at": {"$lt": now}})
    return int(result.deleted_count)


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
        clock: Clock | None = None,
    ) -> AsyncIterator[Attempt]:
        """Guard one password check; RateLimited when the pair or the address is locked.

        The attempt counts as a failure unless the block calls `succeeded()`; an
        exception of a `failures` type is a failure too, any other one forgets the
        attempt. `subject=None` (no such user, say) counts against the address only.
        The slow-down is waited on `clock`: by default that of the app serving the
        request (`state.current_clock()`), so a test's app records it instead of sleeping.
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
                await (clock or state.current_clock()).sleep(wait)
        marks: list[Mark] = []
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
