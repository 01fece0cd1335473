from __future__ import annotations

import asyncio
from datetime import UTC, datetime, timedelta
from typing import Any

from bson import ObjectId

from dropbox_lite.core.db import Database
from dropbox_lite.files import journal


async def test_numbers_count_up_and_become_stable(db: Database) -> None:
    owner = ObjectId()
    assert await journal.stable_seq(db=db, owner_id=owner) == 0
    for expected in (1, 2, 3):
        async with journal.change(db=db, owner_id=owner) as seq:
            assert seq == expected
        assert await journal.stable_seq(db=db, owner_id=owner) == expected


async def test_a_number_in_flight_holds_readers_below_it(db: Database) -> None:
    owner = ObjectId()
    async with journal.change(db=db, owner_id=owner):  # takes 1
        pass
    slow = journal.change(db=db, owner_id=owner)
    assert await slow.__aenter__() == 2
    async with journal.change(db=db, owner_id=owner) as fast:
        assert fast == 3
    assert await journal.stable_seq(db=db, owner_id=owner) == 1  # 3 is done, 2 is not
    await slow.__aexit__(None, None, None)
    assert await journal.stable_seq(db=db, owner_id=owner) == 3


async def test_an_abandoned_mark_expires_after_the_lease(db: Database) -> None:
    owner = ObjectId()
    seq = await journal.next_seq(db=db, owner_id=owner)
    assert await journal.stable_seq(db=db, owner_id=owner) == seq - 1
    past = datetime.now(UTC) - journal.LEASE - timedelta(seconds=1)
    await db[journal.CLAIMS].update_many({"owner_id": owner}, {"$set": {"at": past}})
    assert await journal.stable_seq(db=db, owner_id=owner) == seq


async def test_finish_seq_releases_a_number(db: Database) -> None:
    owner = ObjectId()
    first = await journal.next_seq(db=db, owner_id=owner)
    second = await journal.next_seq(db=db, owner_id=owner)
    await journal.finish_seq(db=db, owner_id=owner, seq=second)
    assert await journal.stable_seq(db=db, owner_id=owner) == first - 1
    await journal.finish_seq(db=db, owner_id=owner, seq=first)
    assert await journal.stable_seq(db=db, owner_id=owner) == second


class _Spy:
    """A database that reports what a reader sees right after a number is claimed."""

    def __init__(self, db: Database, owner: ObjectId) -> None:
        self.db, self.owner, self.seen = db, owner, []  # type: ignore[var-annotated]

    def __getitem__(self, name: str) -> Any:
        collection = self.db[name]
        if name != journal.CLAIMS:
            return collection
        spy = self

        class Claims:
            def __getattr__(self, attr: str) -> Any:
                return getattr(collection, attr)

            async def insert_one(self, doc: dict[str, Any], *args: Any, **kwargs: Any) -> Any:
                result = await collection.insert_one(doc, *args, **kwargs)
                spy.seen.append(
                    (doc["seq"], await journal.stable_seq(db=spy.db, owner_id=spy.owner))
                )
                return result

        return Claims()

    def collection(self, name: str) -> Any:
        return self[name]


async def test_a_number_is_never_stable_before_its_writer_gets_it(db: Database) -> None:
    owner = ObjectId()
    spy = _Spy(db, owner)
    async with journal.change(db=spy, owner_id=owner) as seq:  # type: ignore[arg-type]
        pass
    [(taken, stable)] = spy.seen
    assert taken == seq and stable < seq


async def test_concurrent_writers_never_share_or_reuse_a_number(db: Database) -> None:
    owner = ObjectId()

    async def take() -> int:
        async with journal.change(db=db, owner_id=owner) as seq:
            return seq

    first = await asyncio.gather(*(take() for _ in range(20)))
    second = await asyncio.gather(*(take() for _ in range(20)))
    assert sorted(first) == list(range(1, 21))
    assert sorted(second) == list(range(21, 41))
    assert await journal.stable_seq(db=db, owner_id=owner) == 40


async def test_a_change_costs_three_commands(db: Database) -> None:
    """Read the top, claim the next number, close the claim (issue 11's round trips)."""
    owner = ObjectId()
    async with journal.change(db=db, owner_id=owner):
        pass
    sent: list[str] = []

    class Counting:
        def __getitem__(self, name: str) -> Any:
            collection = db[name]

            class Collection:
                def __getattr__(self, attr: str) -> Any:
                    sent.append(f"{attr} {name}")
                    return getattr(collection, attr)

            return Collection()

        def collection(self, name: str) -> Any:
            return self[name]

    async with journal.change(db=Counting(), owner_id=owner) as seq:  # type: ignore[arg-type]
        assert seq == 2
    assert sent == ["find_one seq_claims", "insert_one seq_claims", "update_one seq_claims"]
    assert await journal.stable_seq(db=db, owner_id=owner) == 2


class _PruneWhileReadingTop:
    """top_seq as a slow writer sees it: others write 3 changes and upkeep prunes (at
    `prune_at`) between its read of the top and its claim, its clock moving `slow` s."""

    def __init__(self, db: Database, prune_at: datetime, slow: float) -> None:
        self.db, self.prune_at, self.slow = db, prune_at, slow
        self.real_top, self.real_clock = journal.top_seq, journal.clock
        self.pruned: dict[str, int] = {}
        self.raced, self.offset = False, 0.0

    def clock(self) -> float:
        return self.real_clock() + self.offset

    async def top_seq(self, *, db: Database, owner_id: ObjectId) -> int:
        top = await self.real_top(db=db, owner_id=owner_id)
        if not self.raced:
            self.raced = True
            for _ in range(3):
                async with journal.change(db=self.db, owner_id=owner_id):
                    pass
            retention = timedelta(days=30)
            self.pruned = await journal.prune_journal(
                db=self.db, retention=retention, now=self.prune_at
            )
            self.offset += self.slow
        return top


async def slow_writer_takes(
    db: Database, monkeypatch: Any, prune_at: datetime, slow: float
) -> tuple[int, dict[str, int], ObjectId]:
    owner = ObjectId()
    async with journal.change(db=db, owner_id=owner):  # 1
        pass
    race = _PruneWhileReadingTop(db, prune_at, slow)
    monkeypatch.setattr(journal, "top_seq", race.top_seq)
    monkeypatch.setattr(journal, "clock", race.clock)
    seq = await journal.next_seq(db=db, owner_id=owner)
    monkeypatch.undo()
    await journal.finish_seq(db=db, owner_id=owner, seq=seq)
    return seq, race.pruned, owner


async def test_a_prune_leaves_fresh_claims_to_a_writer_between_top_and_claim(
    db: Database, monkeypatch: Any
) -> None:
    seq, pruned, owner = await slow_writer_takes(db, monkeypatch, datetime.now(UTC), slow=0)
    assert pruned["claims"] == 0  # every claim is younger than STALE_MARK
    assert seq == 5  # not 2, a number readers at 4 have passed
    assert await journal.stable_seq(db=db, owner_id=owner) == 5


async def test_a_writer_slower_than_the_lease_claims_again_above_a_prune(
    db: Database, monkeypatch: Any
) -> None:
    later = datetime.now(UTC) + journal.STALE_MARK + timedelta(seconds=1)
    lease = journal.LEASE.total_seconds()
    seq, pruned, owner = await slow_writer_takes(db, monkeypatch, later, slow=lease)
    assert pruned["claims"] == 3  # 1, 2, 3 (4, the top, stays)
    assert seq == 5  # it had 2 again, saw the checkpoint at 4, closed 2 and took 5
    assert await journal.stable_seq(db=db, owner_id=owner) == 5
    stray = await db[journal.CLAIMS].find_one({"_id": journal.claim_id(owner, 2)})
    assert stray is not None and stray["open"] is False
