"""Each owner's change sequence, with the numbers still being written (invariant 3).

A writer takes the next number, writes it onto the entry it changes, and clears
its in-flight mark. Writers can finish out of order, so a reader may serve
changes only up to the last *stable* number: below every number still in flight.
A mark older than LEASE is taken as abandoned (its writer died) and no longer
holds readers back.

Numbers are *claimed*: a number is taken by inserting `{_id: "<owner>:<n>"}` into
`seq_claims`, and the owner's top number is its highest claim. A counter document
moved with `$inc` is not enough on FerretDB v1, which applies updates as
read-modify-write without isolation: concurrent increments hand out one number
twice and can even move the counter back, so a number a reader has passed would
be handed out again (and an older entry written at it, behind the reader's
cursor, would never be reported). A unique `_id` insert is atomic everywhere.

The mark is written *before* the number is claimed, carrying the top as read just
before (`floor`): a reader that reads the top and then the marks therefore sees a
mark for every number it could have read, and holding it at `floor` is
conservative since the number taken is above it.

In-flight marks are documents of their own (collection `inflight`) rather than
an array in a counter: FerretDB v1 does not implement `$pull` with a condition
on array elements' fields.
"""

from __future__ import annotations

import contextlib
from collections.abc import AsyncIterator
from datetime import UTC, datetime, timedelta

from bson import ObjectId
from pymongo.errors import DuplicateKeyError

from dropbox_lite.core.db import Database

LEASE = timedelta(seconds=30)
CLAIMS = "seq_claims"


def claim_id(owner_id: ObjectId, seq: int) -> str:
    return f"{owner_id}:{seq}"


async def top_seq(*, db: Database, owner_id: ObjectId) -> int:
    """The highest number taken so far (some may still be in flight)."""
    top = await db[CLAIMS].find_one({"owner_id": owner_id}, {"seq": 1}, sort=[("seq", -1)])
    return int(top["seq"]) if top else 0


async def claim(*, db: Database, owner_id: ObjectId, after: int) -> int:
    """Claim the lowest free number above `after` and above every claim seen."""
    candidate = after + 1
    while True:
        try:
            await db[CLAIMS].insert_one(
                {
                    "_id": claim_id(owner_id, candidate),
                    "owner_id": owner_id,
                    "seq": candidate,
                    "at": datetime.now(UTC),
                }
            )
            return candidate
        except DuplicateKeyError:
            candidate = max(candidate, await top_seq(db=db, owner_id=owner_id)) + 1


async def _reserve(*, db: Database, owner_id: ObjectId) -> tuple[ObjectId, int]:
    floor = await top_seq(db=db, owner_id=owner_id)
    mark_id = ObjectId()
    await db["inflight"].insert_one(
        {"_id": mark_id, "owner_id": owner_id, "seq": floor, "at": datetime.now(UTC)}
    )
    try:
        seq = await claim(db=db, owner_id=owner_id, after=floor)
    except BaseException:
        await db["inflight"].delete_one({"_id": mark_id})
        raise
    return mark_id, seq


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
