"""The user's storage quota: a ledger of bytes used, each change claimed by a unique insert.

What counts is every byte a user can retrieve: the current revision of every file
not purged (trashed ones included) and every old revision still kept. A write
takes its bytes before it commits (invariant 4); when there is no room, the
oldest non-current revisions are expired first (Nextcloud's policy), and only
when history cannot make room is the write refused.

Usage is a chain of ledger links per owner, `{_id: "<owner>:<n>", used, history}`:
the link with the highest `n` is the truth. A change reads the head and inserts
link n+1; the unique `_id` lets exactly one of two racing changes through and the
loser reads the new head and tries again (see core.db.insert_claim). A counter
moved with a conditional `$inc` is not enough on FerretDB v1: it evaluates the
condition and the increment without isolation, so parallel uploads passed the
quota and increments were lost.

A writer that dies between taking bytes and committing leaves its bytes in the
ledger; `recount` (run by upkeep, see files/repair.py) sets the ledger to what is
stored once the owner has been quiet for a while.
"""

from __future__ import annotations

import asyncio
import random
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import TypedDict

from bson import ObjectId

from dropbox_lite.core import errors
from dropbox_lite.core.clock import Clock, aware
from dropbox_lite.core.db import Database, insert_claim
from dropbox_lite.core.state import current
from dropbox_lite.files import store
from dropbox_lite.files.entries import account
from dropbox_lite.files.records import Usage, now, oid

LEDGER = "quota_ledger"
# Links kept behind the head (older ones are pruned every PRUNE_EVERY links).
KEEP_LINKS = 32
PRUNE_EVERY = 16
PRUNE_AFTER = timedelta(days=2)
# A change that keeps losing the race for the next link gives up after this many tries.
MAX_LINK_ATTEMPTS = 500
# Revisions looked at per query when expiring history.
EXPIRY_BATCH = 200


class LinkDoc(TypedDict):
    _id: str
    owner_id: ObjectId
    n: int
    used: int
    history: int
    at: datetime


@dataclass(frozen=True)
class Ledger:
    """The head of an owner's ledger: bytes used, of which `history` in old revisions."""

    n: int
    used: int
    history: int
    at: datetime | None


async def head(db: Database, owner: ObjectId) -> Ledger:
    """The owner's ledger head (before the first link: nothing used)."""
    doc = await db.collection(LEDGER).find_one({"owner_id": owner}, sort=[("n", -1)])
    if doc is None:
        return Ledger(n=0, used=0, history=0, at=None)
    found = Ledger(
        n=int(doc["n"]),
        used=int(doc["used"]),
        history=int(doc.get("history", 0)),
        at=aware(doc["at"]),
    )
    _remember(db, owner, found)
    return found


# The last head this app read or wrote per owner: the first guess of the next
# change, so that a write in steady state appends without reading the head. Links
# are numbered without gaps, so an append after a stale guess finds its place taken
# and reads the head; a guess is used only while far younger than PRUNE_AFTER, so the
# link after it cannot have been pruned (which would let a stale append through).
GUESS_SECONDS = 600.0
MAX_GUESSES = 10_000
# An owner's quota as this app last read it, trusted for QUOTA_SECONDS: a quota set by
# `dropbox-lite admin set-quota` (another process) applies within a second, and writes
# in a burst read the user once a second instead of once each.
QUOTA_SECONDS = 1.0

Key = tuple[str, ObjectId]  # database, owner: apps sharing a state may use several


class QuotaCache:
    """One app's guesses at ledger heads and its quotas read a moment ago (core/state.py)."""

    def __init__(self, clock: Clock) -> None:
        self.clock = clock
        self.heads: dict[Key, tuple[Ledger, float]] = {}
        self.quotas: dict[Key, tuple[int | None, float]] = {}


def _cache() -> QuotaCache:
    # Outside an app (a CLI command, a test calling a service) nothing is kept.
    state = current()
    return QuotaCache(Clock()) if state is None else state.quota


def _key(db: Database, owner: ObjectId) -> Key:
    return (str(db.db.name), owner)


def _remember(db: Database, owner: ObjectId, found: Ledger) -> None:
    cache = _cache()
    known = cache.heads.get(_key(db, owner))
    if known is not None and known[0].n > found.n:
        return  # a racing older answer
    if len(cache.heads) >= MAX_GUESSES:
        cache.heads.clear()
    cache.heads[_key(db, owner)] = (found, cache.clock.monotonic())


def guessed_head(db: Database, owner: ObjectId) -> Ledger | None:
    """The head as this app last saw it (maybe behind), or None."""
    cache = _cache()
    known = cache.heads.get(_key(db, owner))
    if known is None or cache.clock.monotonic() - known[1] > GUESS_SECONDS:
        return None
    return known[0]


async def append(db: Database, owner: ObjectId, after: Ledger, *, used: int, history: int) -> bool:
    """Write the link after `after`: False when another change took that place first."""
    n = after.n + 1
    link: LinkDoc = {
        "_id": f"{owner}:{n}",
        "owner_id": owner,
        "n": n,
        "used": used,
        "history": max(history, 0),
        "at": now(),
    }
    if not await insert_claim(db.collection(LEDGER), dict(link)):
        return False
    _remember(db, owner, Ledger(n=n, used=used, history=max(history, 0), at=link["at"]))
    if n % PRUNE_EVERY == 0:
        # Only links older than any write can last: a writer may append after a head
        # it read before streaming its bytes, and that place must still be taken.
        await db.collection(LEDGER).delete_many(
            {"owner_id": owner, "n": {"$lte": n - KEEP_LINKS}, "at": {"$lt": now() - PRUNE_AFTER}}
        )
    return True


async def _backoff(attempt: int) -> None:
    # Racing writers spread out instead of colliding on the same link again.
    await asyncio.sleep(random.uniform(0, min(0.002 * (attempt + 1), 0.05)))


async def usage(*, db: Database, user_id: str) -> Usage:
    """Bytes used (every revision a user can still retrieve) and the quota."""
    owner = oid(user_id)
    user = await account(db, owner)
    found = await head(db, owner)
    return Usage(used_bytes=found.used, quota_bytes=user.quota_bytes)


@dataclass(frozen=True)
class Budget:
    """The owner's quota and ledger head, known once before a write streams its bytes."""

    quota: int | None
    head: Ledger | None  # a guess: see guessed_head

    def left(self, *, freed: int = 0) -> int | None:
        """Bytes the write may stream (history could expire to make room); None: no limit."""
        if self.quota is None or self.head is None:
            return None
        return max(self.quota - self.head.used + self.head.history + freed, 0)


async def owner_quota(db: Database, owner: ObjectId) -> int | None:
    """The owner's quota (None: unlimited), read at most once a second per app."""
    cache = _cache()
    known = cache.quotas.get(_key(db, owner))
    if known is not None and cache.clock.monotonic() - known[1] <= QUOTA_SECONDS:
        return known[0]
    limit = (await account(db, owner)).quota_bytes
    quota = None if limit is None else int(limit)
    if len(cache.quotas) >= MAX_GUESSES:
        cache.quotas.clear()
    cache.quotas[_key(db, owner)] = (quota, cache.clock.monotonic())
    return quota


async def budget(db: Database, owner: ObjectId) -> Budget:
    """The owner's quota (see owner_quota), and a guess at the ledger head."""
    return Budget(quota=await owner_quota(db, owner), head=guessed_head(db, owner))


async def reserve(
    db: Database,
    owner: ObjectId,
    delta: int,
    *,
    allowance: int = 0,
    known: Budget | None = None,
) -> bool:
    """Take `delta` bytes of the owner's quota, or QuotaExceeded (invariant 4).

    `allowance`: bytes of the current revision this write turns into history (an
    overwrite); they may be expired once it commits, so they make room now. Returns
    True when the owner is over quota counting them: the caller calls `trim` after
    committing.
    """
    if delta <= 0 and allowance <= 0:
        return False
    delta = max(delta, 0)
    if known is None:
        known = await budget(db, owner)
    quota = known.quota
    if quota is not None and delta - allowance > quota:
        raise errors.QuotaExceeded()
    # The head guessed with the budget comes first: when no one wrote since, the
    # link goes in without reading the head.
    guess = known.head
    for attempt in range(MAX_LINK_ATTEMPTS):
        current = guess if guess is not None else await head(db, owner)
        guess = None
        used = current.used + delta
        if quota is not None and used - allowance > quota:
            if await expire_oldest(db, owner, need=used - allowance - quota) == 0:
                raise errors.QuotaExceeded()
            continue
        if await append(db, owner, current, used=used, history=current.history + allowance):
            return quota is not None and used > quota
        await _backoff(attempt)
    raise errors.Conflict("Too many concurrent writers; try again.")


def _fit(sizes: Sequence[int], room: int | None) -> list[bool]:
    """Which files fit in `room` bytes, taken in order (None: all)."""
    if room is None:
        return [True] * len(sizes)
    taken = []
    for size in sizes:
        fits = size <= 0 or size <= room
        if fits:
            room -= size
        taken.append(fits)
    return taken


async def reserve_many(
    db: Database, owner: ObjectId, sizes: Sequence[int], *, known: Budget | None = None
) -> list[bool]:
    """Take the bytes of several new files in one ledger link: which ones were taken.

    Each file is refused on its own (in order, a file that would pass the quota is
    left out and the next ones are still tried), after the oldest history was
    expired to make room; the ledger never passes the quota, as with `reserve`.
    """
    if known is None:
        known = await budget(db, owner)
    quota = known.quota
    guess = known.head
    expired = False
    for attempt in range(MAX_LINK_ATTEMPTS):
        fresh = guess is None
        current = guess if guess is not None else await head(db, owner)
        guess = None
        room = None if quota is None else quota - current.used
        taken = _fit(sizes, room)
        if not all(taken):
            if not fresh:
                continue  # refuse only on a head just read, never on a guess
            if not expired and current.history > 0 and room is not None:
                expired = True
                need = sum(sizes) - max(room, 0)
                if await expire_oldest(db, owner, need=need) > 0:
                    continue
        total = sum(size for size, fits in zip(sizes, taken, strict=True) if fits)
        if total == 0:
            return taken
        if await append(db, owner, current, used=current.used + total, history=current.history):
            return taken
        await _backoff(attempt)
    raise errors.Conflict("Too many concurrent writers; try again.")


async def release(db: Database, owner: ObjectId, delta: int, *, history: int = 0) -> None:
    """Give back `delta` bytes (of which `history` bytes of old revisions)."""
    if delta <= 0 and history <= 0:
        return
    attempt = 0
    while True:
        current = await head(db, owner)
        if await append(
            db,
            owner,
            current,
            used=max(current.used - delta, 0),
            history=current.history - history,
        ):
            return
        await _backoff(min(attempt, 20))
        attempt += 1


async def quota_left(db: Database, owner: ObjectId, *, freed: int = 0) -> int | None:
    """Bytes the owner may still store, counting history that could expire (plus `freed`).

    None when there is no quota.
    """
    quota = (await account(db, owner)).quota_bytes
    if quota is None:
        return None
    current = await head(db, owner)
    return max(int(quota) - current.used + current.history + freed, 0)


async def trim(db: Database, owner: ObjectId) -> None:
    """Expire the oldest history until the owner is within quota again."""
    quota = (await account(db, owner)).quota_bytes
    if quota is None:
        return
    current = await head(db, owner)
    if current.used > quota:
        await expire_oldest(db, owner, need=current.used - int(quota))


async def expire_oldest(db: Database, owner: ObjectId, *, need: int) -> int:
    """Delete the owner's oldest non-current revisions until `need` bytes are freed.

    Returns the bytes freed (already given back).
    """
    freed = 0
    after: datetime | None = None
    seen: set[ObjectId] = set()
    while freed < need:
        batch = [
            old
            async for old in store.owner_revisions(db, owner, oldest_from=after, limit=EXPIRY_BATCH)
        ]
        if after is not None:
            batch = [old for old in batch if old.id not in seen]
        if not batch:
            break
        seen = {old.id for old in batch}
        after = batch[-1].created_at
        revs = await store.current_revs(db, list({old.entry_id for old in batch}))
        for old in batch:
            current_rev = revs.get(old.entry_id)
            if current_rev is None or old.rev >= current_rev:
                continue  # the current revision, or a write still in flight
            if await store.delete_revision(db, old.id):
                freed += old.size
                if freed >= need:
                    break
        if len(batch) < EXPIRY_BATCH:
            break
    if freed:
        await release(db, owner, freed, history=freed)
    return freed


async def expire_beyond(
    db: Database, *, owner: ObjectId, entry_id: ObjectId, rev: int, keep: int
) -> int:
    """Expire the file's revisions older than its newest `keep` (its rev is `rev`)."""
    if rev <= keep:
        return 0
    freed = 0
    async for old in store.revisions_up_to(db, entry_id, rev - keep):
        if await store.delete_revision(db, old.id):
            freed += old.size
    if freed:
        await release(db, owner, freed, history=freed)
    return freed
