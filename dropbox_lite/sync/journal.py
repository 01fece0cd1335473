"""Each owner's change sequence, with the numbers still being written (invariant 3).

A writer takes the next number from the owner's counter, writes it onto the
entry it changes, and clears its in-flight mark. Writers can finish out of
order, so a reader may serve changes only up to the last *stable* number: below
every number still in flight. A mark older than LEASE is taken as abandoned (its
writer died) and no longer holds readers back.

The mark is written *before* the counter moves, carrying the counter's value as
read just before (`floor`): a reader that reads the counter and then the marks
therefore sees a mark for every number it could have read, and holding it at
`floor` is conservative since the number taken is above it. (Marking after the
increment leaves a moment where the number is visible in the counter with no
mark, and a reader could pass it before it is written.)

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


async def top_seq(*, db: Database, owner_id: ObjectId) -> int:
    """The highest number taken so far (some may still be in flight)."""
    counter = await db["counters"].find_one({"_id": owner_id})
    return int(counter["seq"]) if counter and "seq" in counter else 0


async def _reserve(*, db: Database, owner_id: ObjectId) -> tuple[ObjectId, int]:
    floor = await top_seq(db=db, owner_id=owner_id)
    mark_id = ObjectId()
    await db["inflight"].insert_one(
        {"_id": mark_id, "owner_id": owner_id, "seq": floor, "at": datetime.now(UTC)}
    )
    try:
        counter = await db["counters"].find_one_and_update(
            {"_id": owner_id},
            {"$inc": {"seq": 1}},
            upsert=True,
            return_document=ReturnDocument.AFTER,
        )
    except BaseException:
        await db["inflight"].delete_one({"_id": mark_id})
        raise
    return mark_id, int(counter["seq"])


async def next_seq(*, db: Database, owner_id: ObjectId) -> int:
    """Take the owner's next change number, marked in flight until finish_seq."""
    mark_id, seq = await _reserve(db=db, owner_id=owner_id)
    await db["inflight"].update_one({"_id": mark_id}, {"$set": {"taken": seq}})
    return seq


async def finish_seq(*, db: Database, owner_id: ObjectId, seq: int) -> None:
    """The write that took `seq` is done (or failed): readers may pass it."""
    await db["inflight"].delete_one({"owner_id": owner_id, "taken": seq})


@contextlib.asynccontextmanager
async def change(*, db: Database, owner_id: ObjectId) -> AsyncIterator[int]:
    """`async with change(...) as seq:` write `seq` onto what changes, inside the block."""
    mark_id, seq = await _reserve(db=db, owner_id=owner_id)
    try:
        yield seq
    finally:
        await db["inflight"].delete_one({"_id": mark_id})


async def stable_seq(*, db: Database, owner_id: ObjectId) -> int:
    """The highest number that every change at or below it has finished writing."""
    top = await top_seq(db=db, owner_id=owner_id)  # before the marks: see the module doc
    fresh_after = datetime.now(UTC) - LEASE
    oldest = await db["inflight"].find_one(
        {"owner_id": owner_id, "at": {"$gt": fresh_after}}, sort=[("seq", 1)]
    )
    if oldest is not None:
        return min(top, int(oldest["seq"]))
    return top
