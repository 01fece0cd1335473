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

This module is the journal's store: besides numbers and marks it holds the feed's
reads of the entries by number (`scan`, `has_change`) and `prune_journal`, which
upkeep runs. Deletion tombstones are pruned once older than a retention window;
a feed cursor remembers when its position was known stable (`issued`), and one
older than the window is refused (CURSOR_RESET), so no cursor can need a
tombstone that is gone. How old a tombstone is comes from `journal_checkpoints`:
each prune records every owner's stable number with the time, and tombstones at
or below the newest checkpoint older than the window go.
"""

from __future__ import annotations

import contextlib
from collections.abc import AsyncIterator
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from typing import Any

from bson import ObjectId

from dropbox_lite.core.db import Database, insert_claim

LEASE = timedelta(seconds=30)
CLAIMS = "seq_claims"
MARKS = "inflight"
CHECKPOINTS = "journal_checkpoints"
ENTRIES = "entries"
# Marks are stamped by the clock of the process that wrote them: pruning leaves
# a margin for skew beyond the lease.
STALE_MARK = LEASE * 2


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
        claimed = await insert_claim(
            db[CLAIMS],
            {
                "_id": claim_id(owner_id, candidate),
                "owner_id": owner_id,
                "seq": candidate,
                "at": datetime.now(UTC),
            },
        )
        if claimed:
            return candidate
        candidate = max(candidate, await top_seq(db=db, owner_id=owner_id)) + 1


async def _reserve(*, db: Database, owner_id: ObjectId) -> tuple[ObjectId, int]:
    floor = await top_seq(db=db, owner_id=owner_id)
    mark_id = ObjectId()
    await db[MARKS].insert_one(
        {"_id": mark_id, "owner_id": owner_id, "seq": floor, "at": datetime.now(UTC)}
    )
    try:
        seq = await claim(db=db, owner_id=owner_id, after=floor)
    except BaseException:
        await db[MARKS].delete_one({"_id": mark_id})
        raise
    return mark_id, seq


async def next_seq(*, db: Database, owner_id: ObjectId) -> int:
    """Take the owner's next change number, marked in flight until finish_seq."""
    mark_id, seq = await _reserve(db=db, owner_id=owner_id)
    await db[MARKS].update_one({"_id": mark_id}, {"$set": {"taken": seq}})
    return seq


async def finish_seq(*, db: Database, owner_id: ObjectId, seq: int) -> None:
    """The write that took `seq` is done (or failed): readers may pass it."""
    await db[MARKS].delete_one({"owner_id": owner_id, "taken": seq})


@contextlib.asynccontextmanager
async def change(*, db: Database, owner_id: ObjectId) -> AsyncIterator[int]:
    """`async with change(...) as seq:` write `seq` onto what changes, inside the block."""
    mark_id, seq = await _reserve(db=db, owner_id=owner_id)
    try:
        yield seq
    finally:
        await db[MARKS].delete_one({"_id": mark_id})


@dataclass(frozen=True)
class Numbers:
    """An owner's highest number taken, and the highest one stable (read in that order)."""

    top: int
    stable: int


async def numbers(*, db: Database, owner_id: ObjectId) -> Numbers:
    """The owner's top and stable numbers (two round trips)."""
    top = await top_seq(db=db, owner_id=owner_id)  # before the marks: see the module doc
    fresh_after = datetime.now(UTC) - LEASE
    oldest = await db[MARKS].find_one(
        {"owner_id": owner_id, "at": {"$gt": fresh_after}}, {"seq": 1}, sort=[("seq", 1)]
    )
    if oldest is not None:
        return Numbers(top=top, stable=min(top, int(oldest["seq"])))
    return Numbers(top=top, stable=top)


async def stable_seq(*, db: Database, owner_id: ObjectId) -> int:
    """The highest number that every change at or below it has finished writing."""
    return (await numbers(db=db, owner_id=owner_id)).stable


# -- the feed's reads: entries by change number ------------------------------------------


def _after(seq: int, after_id: ObjectId | None) -> dict[str, Any]:
    if after_id is None:
        return {"seq": {"$gt": seq}}
    return {"$or": [{"seq": {"$gt": seq}}, {"seq": seq, "_id": {"$gt": after_id}}]}


async def scan(
    *,
    db: Database,
    owner_id: ObjectId,
    seq: int,
    after_id: ObjectId | None,
    bound: int,
    live: bool,
    limit: int,
) -> list[dict[str, Any]]:
    """Up to `limit` entry documents after (seq, after_id) and at most `bound`, in order.

    `live` leaves out trashed entries and tombstones (an initial sync's snapshot).
    """
    query: dict[str, Any] = {
        "$and": [{"owner_id": owner_id, **_after(seq, after_id)}, {"seq": {"$lte": bound}}]
    }
    if live:
        query["trashed"] = False
        query["deleted"] = {"$ne": True}
    # One batch: a getMore would be another round trip.
    cursor = db[ENTRIES].find(query).sort([("seq", 1), ("_id", 1)]).limit(limit).batch_size(limit)
    return [doc async for doc in cursor]


async def has_change(
    *, db: Database, owner_id: ObjectId, seq: int, after_id: ObjectId | None, bound: int
) -> bool:
    """Whether any entry changed after (seq, after_id), at most `bound`."""
    query = {"$and": [{"owner_id": owner_id, **_after(seq, after_id)}, {"seq": {"$lte": bound}}]}
    return await db[ENTRIES].find_one(query, {"_id": 1}) is not None


# -- upkeep ---------------------------------------------------------------------------


async def prune_journal(*, db: Database, retention: timedelta) -> dict[str, int]:
    """Drop what no reader needs any more; how many of each were removed.

    - `claims`: number claims below each owner's stable number (the top one stays);
    - `marks`: in-flight marks abandoned long ago (their writer died);
    - `tombstones`: deletion tombstones older than `retention` (cursors that old
      are refused with CURSOR_RESET, see sync/service.py);
    - `checkpoints`: the checkpoints no longer needed to date tombstones.
    """
    now = datetime.now(UTC)
    cutoff = now - retention
    removed = {"claims": 0, "marks": 0, "tombstones": 0, "checkpoints": 0}
    for owner_id in await db[CLAIMS].distinct("owner_id"):
        stable = await stable_seq(db=db, owner_id=owner_id)
        await db[CHECKPOINTS].insert_one(
            {"_id": ObjectId(), "owner_id": owner_id, "seq": stable, "at": now}
        )
        claims = await db[CLAIMS].delete_many({"owner_id": owner_id, "seq": {"$lt": stable}})
        removed["claims"] += int(claims.deleted_count)
        # Every number at or below a checkpoint was stable when it was taken.
        old = await db[CHECKPOINTS].find_one(
            {"owner_id": owner_id, "at": {"$lt": cutoff}}, sort=[("at", -1)]
        )
        if old is None:
            continue
        tombstones = await db[ENTRIES].delete_many(
            {"owner_id": owner_id, "deleted": True, "seq": {"$lte": int(old["seq"])}}
        )
        removed["tombstones"] += int(tombstones.deleted_count)
        spent = await db[CHECKPOINTS].delete_many({"owner_id": owner_id, "at": {"$lt": old["at"]}})
        removed["checkpoints"] += int(spent.deleted_count)
    marks = await db[MARKS].delete_many({"at": {"$lt": now - STALE_MARK}})
    removed["marks"] = int(marks.deleted_count)
    return removed
