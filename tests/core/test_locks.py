"""core/locks.py: a lease with a fencing token (issue 18 item 9: the sharing lock was a
lease without fencing, so a holder that stalled past it wrote alongside the next one)."""

from __future__ import annotations

import asyncio
from datetime import timedelta

import pytest

from dropbox_lite.core import locks
from dropbox_lite.core.clock import aware
from dropbox_lite.core.db import Database

LEASE = timedelta(seconds=30)


def _stall(fence: locks.Fence, seconds: float) -> None:
    """As if the holder had not been heard from for `seconds` (its lease document and its
    own clock moved back together), without sleeping."""
    fence.renewed -= timedelta(seconds=seconds)


async def _age(db: Database, fence: locks.Fence, seconds: float) -> None:
    found = await db[locks.COLLECTION].find_one({"_id": fence.lock_id})
    assert found is not None
    await db[locks.COLLECTION].update_one(
        {"_id": fence.lock_id},
        {"$set": {"at": aware(found["at"]) - timedelta(seconds=seconds)}},
    )
    _stall(fence, seconds)


async def test_one_holder_at_a_time_and_tokens_only_grow(db: Database) -> None:
    first = await locks.try_acquire(db, "k", stale_after=LEASE)
    assert first is not None
    assert await locks.try_acquire(db, "k", stale_after=LEASE) is None
    other = await locks.try_acquire(db, "other", stale_after=LEASE)
    assert other is not None  # keys are independent
    await locks.release(first)
    second = await locks.try_acquire(db, "k", stale_after=LEASE)
    assert second is not None and second.token > first.token
    await second.ensure_held()


async def test_a_holder_taken_over_after_its_lease_cannot_write(db: Database) -> None:
    stalled = await locks.try_acquire(db, "k", stale_after=LEASE)
    assert stalled is not None
    await _age(db, stalled, 31)
    taker = await locks.try_acquire(db, "k", stale_after=LEASE)
    assert taker is not None and taker.token > stalled.token
    with pytest.raises(locks.LockLost):
        await stalled.ensure_held()
    # The stalled holder's release does not free the taker's lock.
    await locks.release(stalled)
    assert await locks.try_acquire(db, "k", stale_after=LEASE) is None
    await taker.ensure_held()


async def test_a_holder_silent_for_most_of_its_lease_stops_even_before_a_takeover(
    db: Database,
) -> None:
    """A taker may be between reading the stale lease and claiming the next number."""
    fence = await locks.try_acquire(db, "k", stale_after=LEASE)
    assert fence is not None
    _stall(fence, 23)
    with pytest.raises(locks.LockLost):
        await fence.ensure_held()


async def test_checking_renews_so_a_live_holder_is_never_taken_over(db: Database) -> None:
    fence = await locks.try_acquire(db, "k", stale_after=LEASE)
    assert fence is not None
    for _ in range(3):  # 3 x 20 s: twice the lease, checked every 20 s
        await _age(db, fence, 20)
        await fence.ensure_held()
        assert await locks.try_acquire(db, "k", stale_after=LEASE) is None


async def test_parallel_takers_get_one_lock(db: Database) -> None:
    got = await asyncio.gather(*(locks.try_acquire(db, "k", stale_after=LEASE) for _ in range(10)))
    held = [f for f in got if f is not None]
    assert len(held) == 1
    await held[0].ensure_held()


async def test_parallel_takers_of_a_stale_lock_get_one_lock(db: Database) -> None:
    stalled = await locks.try_acquire(db, "k", stale_after=LEASE)
    assert stalled is not None
    await _age(db, stalled, 31)
    got = await asyncio.gather(*(locks.try_acquire(db, "k", stale_after=LEASE) for _ in range(10)))
    held = [f for f in got if f is not None]
    assert len(held) == 1
    with pytest.raises(locks.LockLost):
        await stalled.ensure_held()


async def test_hold_waits_then_refuses_and_always_releases(db: Database) -> None:
    async with locks.hold(db, "k", stale_after=LEASE, tries=3, wait=0.01) as fence:
        await fence.ensure_held()
        with pytest.raises(locks.LockBusy):
            async with locks.hold(db, "k", stale_after=LEASE, tries=3, wait=0.01):
                pass  # pragma: no cover
    with pytest.raises(RuntimeError):
        async with locks.hold(db, "k", stale_after=LEASE, tries=3, wait=0.01) as again:
            assert again.token > fence.token
            raise RuntimeError("the block failed")
    async with locks.hold(db, "k", stale_after=LEASE, tries=1, wait=0.01):
        pass  # released after the failure
    assert await db[locks.COLLECTION].count_documents({"key": "k"}) == 1
