"""Leader election: however many processes try, one leads each term."""

from __future__ import annotations

import asyncio
from collections import defaultdict
from datetime import UTC, datetime, timedelta

import pytest

from dropbox_lite.core.config import Settings
from dropbox_lite.core.db import Database
from dropbox_lite.upkeep import lease
from dropbox_lite.upkeep.task import Upkeep, start_upkeep
from tests.conftest import make_settings

# In the future: a lease past its expiry may vanish at once (TTL index; mongomock too).
NOW = datetime(2100, 11, 25, 12, 0, 30, tzinfo=UTC)


def test_terms_cut_time_into_periods() -> None:
    term = lease.term_at(name="upkeep", period_seconds=60, now=NOW)
    assert term.starts == datetime(2100, 11, 25, 12, 0, tzinfo=UTC)
    assert term.ends == datetime(2100, 11, 25, 12, 1, tzinfo=UTC)
    following = lease.term_at(name="upkeep", period_seconds=60, now=term.ends)
    assert following.number == term.number + 1
    with pytest.raises(ValueError):
        lease.term_at(name="upkeep", period_seconds=0, now=NOW)


async def test_of_twenty_would_be_leaders_exactly_one_leads(db: Database) -> None:
    term = lease.term_at(name="upkeep", period_seconds=60, now=NOW)
    holders = [f"server-{n}" for n in range(20)]
    won = await asyncio.gather(*(lease.try_lead(db=db, term=term, holder=h) for h in holders))
    assert sum(won) == 1
    leader = holders[won.index(True)]
    # The leader asking again still leads; the others still do not.
    assert await lease.try_lead(db=db, term=term, holder=leader)
    assert not await lease.try_lead(db=db, term=term, holder=holders[won.index(False)])
    # The next term is open to anyone, and goes to one.
    following = lease.term_at(name="upkeep", period_seconds=60, now=term.ends)
    won = await asyncio.gather(*(lease.try_lead(db=db, term=following, holder=h) for h in holders))
    assert sum(won) == 1


async def test_ended_leases_are_pruned(db: Database) -> None:
    old = lease.term_at(name="upkeep", period_seconds=60, now=NOW)
    current = lease.term_at(name="upkeep", period_seconds=60, now=old.ends)
    assert await lease.try_lead(db=db, term=old, holder="a")
    assert await lease.try_lead(db=db, term=current, holder="a")
    assert await lease.prune_leases(db=db, now=old.ends + timedelta(seconds=1)) == 1
    assert [d["_id"] async for d in db["leases"].find({})] == [current.lease_id]


async def test_two_servers_running_upkeep_lead_one_at_a_time(
    db: Database, settings: Settings
) -> None:
    fast = make_settings(None, upkeep_interval_seconds=1)
    led: dict[int, list[str]] = defaultdict(list)
    enough = asyncio.Event()

    def recorder(name: str):  # type: ignore[no-untyped-def]
        async def work(term: lease.Term) -> None:
            led[term.number].append(name)
            if len(led) >= 3:
                enough.set()

        return work

    servers = [
        Upkeep(db=db, settings=fast, holder=name, work=recorder(name)) for name in ("one", "two")
    ]
    for server in servers:
        server.start()
    try:
        await asyncio.wait_for(enough.wait(), timeout=30)
    finally:
        for server in servers:
            await server.stop()
    assert len(led) >= 3
    assert all(len(holders) == 1 for holders in led.values()), dict(led)
    assert set(await db["leases"].distinct("holder")) <= {"one", "two"}


async def test_a_failing_pass_does_not_end_the_loop(db: Database) -> None:
    fast = make_settings(None, upkeep_interval_seconds=1)
    calls: list[int] = []
    twice = asyncio.Event()

    async def flaky(term: lease.Term) -> None:
        calls.append(term.number)
        if len(calls) >= 2:
            twice.set()
        raise RuntimeError("a bug in the pass")

    upkeep = Upkeep(db=db, settings=fast, work=flaky)
    upkeep.start()
    try:
        await asyncio.wait_for(twice.wait(), timeout=30)
    finally:
        await upkeep.stop()
    assert len(set(calls)) >= 2


def test_no_background_upkeep_when_turned_off_as_under_test(db: Database) -> None:
    off = make_settings(None, env="development", upkeep_interval_seconds=0)
    assert start_upkeep(db=db, settings=off) is None
    assert start_upkeep(db=db, settings=make_settings(None)) is None  # the tests' settings
    with pytest.raises(ValueError):
        Upkeep(db=db, settings=off)


async def test_nobody_leads_a_term_too_close_to_its_end(db: Database) -> None:
    now = datetime.now(UTC).timestamp()
    # A period that `now` is 93% to 97% through, with seconds to spare.
    period = next(p for p in range(100, 100_000) if 0.93 < (now % p) / p < 0.97 and p - now % p > 5)
    late = Upkeep(db=db, settings=make_settings(None, upkeep_interval_seconds=period))
    assert not await late.lead_once()
    assert await db["leases"].count_documents({}) == 0
    early_period = next(p for p in range(100, 100_000) if (now % p) / p < 0.5)
    early = Upkeep(db=db, settings=make_settings(None, upkeep_interval_seconds=early_period))
    assert await early.lead_once()
    assert await db["leases"].count_documents({}) == 1


async def test_the_server_runs_upkeep_in_its_lifespan_and_stops_it(db: Database) -> None:
    from dropbox_lite.core.app import create_app

    now = datetime.now(UTC).timestamp()
    period = next(p for p in range(100, 100_000) if (now % p) / p < 0.5)
    settings = make_settings(None, env="development", upkeep_interval_seconds=period)
    app = create_app(settings, db=db)
    async with app.router.lifespan_context(app):
        for _ in range(500):  # the loop's first pass runs in the background
            if await db["leases"].count_documents({}):
                break
            await asyncio.sleep(0.01)
        assert await db["leases"].count_documents({}) == 1
    assert not [t for t in asyncio.all_tasks() if t.get_name() == "dropbox-lite upkeep"]
