"""core/ratelimit.py: the MongoDB-backed failure throttle (tested here: auth owns it)."""

from __future__ import annotations

import asyncio
from datetime import UTC, datetime, timedelta

import pytest

from dropbox_lite.core import errors
from dropbox_lite.core.clock import Clock
from dropbox_lite.core.db import Database
from dropbox_lite.core.ratelimit import PasswordGuard, Throttle
from tests.recording_clock import RecordingClock


async def test_locks_after_max_failures_with_growing_delay(db: Database) -> None:
    throttle = Throttle(name="t", max_failures=3)
    keys = ["t:a"]
    for _ in range(2):
        await throttle.fail(db=db, keys=keys)
        await throttle.check(db=db, keys=keys)  # still open
    await throttle.fail(db=db, keys=keys)
    with pytest.raises(errors.RateLimited) as first:
        await throttle.check(db=db, keys=keys)
    assert 55 <= first.value.details["retry_after_seconds"] <= 60
    await throttle.fail(db=db, keys=keys)
    with pytest.raises(errors.RateLimited) as second:
        await throttle.check(db=db, keys=keys)
    assert 115 <= second.value.details["retry_after_seconds"] <= 120


def test_delay_doubles_up_to_the_cap() -> None:
    throttle = Throttle(name="t")
    delays = [throttle.delay(n).total_seconds() for n in range(1, 12)]
    assert delays == [0, 0, 0, 0, 60, 120, 240, 480, 900, 900, 900]


async def test_any_locked_key_refuses_and_others_are_independent(db: Database) -> None:
    throttle = Throttle(name="t", max_failures=1)
    await throttle.fail(db=db, keys=["t:ip"])
    with pytest.raises(errors.RateLimited):
        await throttle.check(db=db, keys=["t:user", "t:ip"])
    await throttle.check(db=db, keys=["t:user", "t:other-ip"])


async def test_reset_forgets_one_key(db: Database) -> None:
    throttle = Throttle(name="t", max_failures=1)
    await throttle.fail(db=db, keys=["t:a", "t:b"])
    await throttle.reset(db=db, key="t:a")
    await throttle.check(db=db, keys=["t:a"])
    with pytest.raises(errors.RateLimited):
        await throttle.check(db=db, keys=["t:b"])


async def test_concurrent_failures_all_count(db: Database) -> None:
    throttle = Throttle(name="t", max_failures=100)
    await asyncio.gather(*(throttle.fail(db=db, keys=["t:a", "t:b"]) for _ in range(12)))
    assert await db["rate_limits"].count_documents({"key": "t:a"}) == 12
    assert await db["rate_limits"].count_documents({"key": "t:b"}) == 12


async def _failed_at(db: Database, key: str, *ago: timedelta) -> None:
    now = datetime.now(UTC)
    await db["rate_limits"].insert_many(
        [{"key": key, "at": now - a, "expires_at": now - a + timedelta(days=1)} for a in ago]
    )


async def test_failures_a_window_apart_do_not_add_up(db: Database) -> None:
    throttle = Throttle(name="t", max_failures=3)
    await _failed_at(db, "t:a", timedelta(minutes=40), timedelta(minutes=20))
    await throttle.fail(db=db, keys=["t:a"])
    await throttle.check(db=db, keys=["t:a"])


async def test_the_delay_keeps_growing_after_a_lock_ends(db: Database) -> None:
    # Five failures 10 minutes ago locked the key for a minute; it is open again,
    # but the next failure continues the run: two minutes, not a fresh count.
    throttle = Throttle(name="t")
    await _failed_at(db, "t:a", *[timedelta(minutes=10)] * 5)
    await throttle.check(db=db, keys=["t:a"])
    await throttle.fail(db=db, keys=["t:a"])
    with pytest.raises(errors.RateLimited) as locked:
        await throttle.check(db=db, keys=["t:a"])
    assert 115 <= locked.value.details["retry_after_seconds"] <= 120


async def test_an_expired_document_counts_as_absent(db: Database) -> None:
    # FerretDB has no TTL index: stale documents stay and must be ignored.
    throttle = Throttle(name="t", max_failures=2)
    past = datetime.now(UTC) - timedelta(seconds=1)
    await db["rate_limits"].insert_many(
        [{"key": "t:a", "at": past, "expires_at": past} for _ in range(5)]
    )
    await throttle.check(db=db, keys=["t:a"])
    await throttle.fail(db=db, keys=["t:a"])
    await throttle.check(db=db, keys=["t:a"])


async def test_parallel_attempts_get_exactly_max_failures(db: Database) -> None:
    throttle = Throttle(name="t-begin", max_failures=3)
    key = throttle.key("k")

    async def attempt() -> str:
        try:
            await throttle.begin(db=db, keys=[key])
        except errors.RateLimited:
            return "refused"
        return "tried"

    outcomes = await asyncio.gather(*(attempt() for _ in range(10)))
    assert sorted(outcomes) == ["refused"] * 7 + ["tried"] * 3
    assert await db["rate_limits"].count_documents({"key": key}) == 3


async def test_forgotten_attempts_do_not_count(db: Database) -> None:
    throttle = Throttle(name="t-forget", max_failures=2)
    key = throttle.key("k")
    for _ in range(5):
        marks = await throttle.begin(db=db, keys=[key])
        await throttle.forget(db=db, marks=marks)
    await throttle.check(db=db, keys=[key])  # not locked


async def test_an_attempt_left_by_a_dead_process_counts_and_blocks_no_one(db: Database) -> None:
    """No lock to wait out: a process that died mid-attempt left only its claimed slot,
    which counts as a failure (its outcome is unknown); the next claim takes the next slot."""
    throttle = Throttle(name="t-dead", max_failures=2)
    key = throttle.key("k")
    now = datetime.now(UTC)
    await db["rate_limits"].insert_one(
        {"_id": f"{key}#1", "key": key, "n": 1, "at": now, "expires_at": now + timedelta(days=1)}
    )
    marks = await asyncio.wait_for(throttle.begin(db=db, keys=[key]), timeout=3)
    assert marks == [f"{key}#2"]
    with pytest.raises(errors.RateLimited):
        await throttle.begin(db=db, keys=[key])


async def test_slot_numbers_go_on_past_expired_ones(db: Database) -> None:
    """Expired marks (kept until upkeep prunes them on FerretDB) hold their numbers."""
    throttle = Throttle(name="t-expired", max_failures=1)
    key = throttle.key("k")
    past = datetime.now(UTC) - timedelta(days=2)
    await db["rate_limits"].insert_many(
        [
            {"_id": f"{key}#{n}", "key": key, "n": n, "at": past, "expires_at": past}
            for n in (1, 2, 3)
        ]
    )
    left = {doc["_id"] async for doc in db["rate_limits"].find({"key": key})}
    # (mongomock honours the TTL index and drops them; FerretDB v1 keeps them.)
    marks = await throttle.begin(db=db, keys=[key])
    assert marks[0] not in left and marks[0].startswith(f"{key}#")
    with pytest.raises(errors.RateLimited):  # the expired ones do not count; this one does
        await throttle.begin(db=db, keys=[key])


# PasswordGuard: (address, subject) pairs, slowed before they are refused.


async def _guess(
    guard: PasswordGuard,
    db: Database,
    ip: str,
    subject: str | None,
    ok: bool,
    clock: Clock | None = None,
) -> str:
    try:
        async with guard.attempt(
            db=db,
            client_ip=ip,
            subject=subject,
            failures=(errors.InvalidCredentials,),
            clock=clock,
        ) as attempt:
            if not ok:
                raise errors.InvalidCredentials()
            attempt.succeeded()
    except errors.InvalidCredentials:
        return "wrong"
    except errors.RateLimited:
        return "refused"
    return "right"


async def test_guard_slows_a_pair_then_refuses_it_alone(
    db: Database, clock: RecordingClock
) -> None:
    guard = PasswordGuard(name="g", per_pair=3, per_address=10)
    outcomes = [await _guess(guard, db, "10.0.0.1", "link-a", False, clock) for _ in range(4)]
    assert outcomes == ["wrong", "wrong", "wrong", "refused"]
    assert clock.waits == [0.1, 0.2]  # waited on the clock it was given
    # the same link from another address, and another link from the same address
    assert await _guess(guard, db, "10.0.0.2", "link-a", True) == "right"
    assert await _guess(guard, db, "10.0.0.1", "link-b", True) == "right"


async def test_guard_refuses_an_address_past_its_own_threshold(db: Database) -> None:
    guard = PasswordGuard(name="g", per_pair=3, per_address=4)
    outcomes = [await _guess(guard, db, "10.0.0.1", f"s{i}", False) for i in range(5)]
    assert outcomes == ["wrong"] * 4 + ["refused"]
    assert await _guess(guard, db, "10.0.0.9", "s0", True) == "right"


async def test_guard_success_forgets_the_pair(db: Database, clock: RecordingClock) -> None:
    guard = PasswordGuard(name="g", per_pair=3)
    for _ in range(2):
        assert await _guess(guard, db, "10.0.0.1", "me", False, clock) == "wrong"
    assert await _guess(guard, db, "10.0.0.1", "me", True, clock) == "right"
    assert await db["rate_limits"].count_documents({"key": guard.pair_key("10.0.0.1", "me")}) == 0
    assert await _guess(guard, db, "10.0.0.1", "me", False, clock) == "wrong"
    assert clock.waits == [0.1, 0.2]  # no wait after the success


async def test_guard_forgets_an_attempt_that_failed_otherwise(db: Database) -> None:
    guard = PasswordGuard(name="g", per_pair=1)
    with pytest.raises(RuntimeError):
        async with guard.attempt(db=db, client_ip="10.0.0.1", subject="x"):
            raise RuntimeError("the database went away")
    assert await db["rate_limits"].count_documents({"key": {"$exists": True}}) == 0


def test_guard_delay_doubles_up_to_its_cap() -> None:
    guard = PasswordGuard(name="g", slow_base=0.1, slow_max=1.0)
    assert [guard.slowdown(n) for n in range(7)] == [0.0, 0.1, 0.2, 0.4, 0.8, 1.0, 1.0]
