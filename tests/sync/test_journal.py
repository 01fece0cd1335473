from __future__ import annotations

import asyncio
from datetime import UTC, datetime, timedelta
from typing import Any

from bson import ObjectId

from dropbox_lite.core.db import Database
from dropbox_lite.sync import journal


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

    async with journal.change(db=Counting(), owner_id=owner) as seq:  # type: ignore[arg-type]
        assert seq == 2
    assert sent == ["find_one seq_claims", "insert_one seq_claims", "update_one seq_claims"]
    assert await journal.stable_seq(db=db, owner_id=owner) == 2
