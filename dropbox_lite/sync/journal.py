"""Each owner's change sequence, with the numbers still being written (invariant 3).

A writer takes the next number from the owner's counter, marks it in flight,
writes it onto the entry it changes, and clears the mark. Writers can finish out
of order, so a reader may serve changes only up to the last *stable* number:
below the oldest number still in flight. A mark older than LEASE is taken as
abandoned (its writer died) and no longer holds readers back.

In-flight marks are documents of their own (collection `inflight`) rather than
an array in the counter: FerretDB v1 does not implement `$pull` with a
condition on array elements' fields.
"""

from __future__ import annotations

import contextlib
from collections.abc import AsyncIterator
from datetime import UTC, datetime, timedelta

from bson import ObjectId
from pymongo import ReturnDocument

from dropbox_lite.core.db import Database

LEASE = timedelta(seconds=30)


async def next_seq(*, db: Database, owner_id: ObjectId) -> int:
    """Take the owner's next change number and mark it in flight."""
    counter = await db["counters"].find_one_and_update(
        {"_id": owner_id},
        {"$inc": {"seq": 1}},
        upsert=True,
        return_document=ReturnDocument.AFTER,
    )
    seq = int(counter["seq"])
    await db["inflight"].insert_one(
        {"_id": f"{owner_id}:{seq}", "owner_id": owner_id, "seq": seq, "at": datetime.now(UTC)}
    )
    return seq


async def finish_seq(*, db: Database, owner_id: ObjectId, seq: int) -> None:
    """The write that took `seq` is done (or failed): readers may pass it."""
    await db["inflight"].delete_one({"_id": f"{owner_id}:{seq}"})


@contextlib.asynccontextmanager
async def change(*, db: Database, owner_id: ObjectId) -> AsyncIterator[int]:
    """`async with change(...) as seq:` write `seq` onto what changes, inside the block."""
    seq = await next_seq(db=db, owner_id=owner_id)
    try:
        yield seq
    finally:
        await finish_seq(db=db, owner_id=owner_id, seq=seq)


async def stable_seq(*, db: Database, owner_id: ObjectId) -> int:
    """The highest number that every change at or below it has finished writing."""
    counter = await db["counters"].find_one({"_id": owner_id})
    top = int(counter["seq"]) if counter else 0
    fresh_after = datetime.now(UTC) - LEASE
    oldest = await db["inflight"].find_one(
        {"owner_id": owner_id, "at": {"$gt": fresh_after}}, sort=[("seq", 1)]
    )
    if oldest is not None:
        return min(top, int(oldest["seq"]) - 1)
    return top
