"""Each owner's change sequence, with the numbers still being written (invariant 3).

A writer takes the next number, writes it onto the entry it changes, and closes
its claim. Writers can finish out of order, so a reader may serve changes only
up to the last *stable* number: below every number still open. A claim open
for longer than LEASE is taken as abandoned (its writer died) and no longer
holds readers back.

Numbers are *claimed*: a number is taken by inserting `{_id: "<owner>:<n>",
open: true}` into `seq_claims`, and the owner's top number is its highest claim.
A counter document moved with `$inc` is not enough on FerretDB v1, which applies
updates as read-modify-write without isolation: concurrent increments hand out
one number twice and can even move the counter back, so a number a reader has
passed would be handed out again (and an older entry written at it, behind the
reader's cursor, would never be reported). A unique `_id` insert is atomic
everywhere.

The claim is its own in-flight mark. Claims are dense: number n is tried only
once n - 1 is claimed (the candidate is one above a claim read or a clash), so
when a reader reads the top T, every claim at or below T exists already, and
the open ones it reads next are all the numbers still being written below T.
(Marks used to be documents of their own, written before the claim; that cost
two more round trips per change.)

This module is the journal's store: besides numbers and marks it builds the feed's
reads of the entries by number (`scan`, `has_change`, run by files/store.py, which
owns `entries`) and `prune_journal`, which upkeep runs. Deletion tombstones are
pruned once older than a retention window; a feed cursor remembers when its position
was known stable (`issued`), and one older than the window is refused
(CURSOR_RESET), so no cursor can need a tombstone that is gone. How old a tombstone
is comes from `journal_checkpoints`: each prune records every owner's stable number
with the time, and tombstones at or below the newest checkpoint older than the
window go.

A prune deletes only claims older than STALE_MARK, so a writer between reading the
top and claiming above it cannot have the numbers above its read deleted under it
unless it took longer than LEASE doing so; such a slow writer re-reads the newest
checkpoint (written before the claims it covers are deleted) and, if its number is
at or below it (a number a reader may have passed), closes it and claims again.
"""

from __future__ import annotations

import contextlib
import time
from collections.abc import AsyncIterator
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from typing import Any

from bson import ObjectId

from dropbox_lite.core.db import Database, insert_claim
from dropbox_lite.files import store
from dropbox_lite.files.entry_doc import EntryDoc

LEASE = timedelta(seconds=30)
CLAIMS = "seq_claims"
CHECKPOINTS = "journal_checkpoints"
# Marks are stamped by the clock of the process that wrote them: pruning leaves
# a margin for skew beyond the lease.
STALE_MARK = LEASE * 2


def claim_id(owner_id: ObjectId, seq: int) -> str:
    return f"{owner_id}:{seq}"


async def top_seq(*, db: Database, owner_id: ObjectId) -> int:
    """The highest number taken so far (some may still be in flight)."""
    top = await db.collection(CLAIMS).find_one(
        {"owner_id": owner_id}, {"seq": 1}, sort=[("seq", -1)]
    )
    return int(top["seq"]) if top else 0


async def claim(*, db: Database, owner_id: ObjectId, after: int) -> int:
    """Claim (open) the lowest free number above `after` and above every claim seen.

    `after` must be a claimed number (or 0), so that claims stay dense.
    """
    candidate = after + 1
    while True:
        claimed = await insert_claim(
            db.collection(CLAIMS),
            {
                "_id": claim_id(owner_id, candidate),
                "owner_id": owner_id,
                "seq": candidate,
                "at": datetime.now(UTC),
                "open": True,
            },
        )
        if claimed:
            return candidate
        candidate = max(candidate, await top_seq(db=db, owner_id=owner_id)) + 1


def clock() -> float:
    """Seconds on this process's monotonic clock (the tests move it)."""
    return time.monotonic()


async def checkpointed(*, db: Database, owner_id: ObjectId) -> int:
    """The highest stable number a prune has recorded for the owner (0: none)."""
    newest = await db.collection(CHECKPOINTS).find_one(
        {"owner_id": owner_id}, {"seq": 1}, sort=[("seq", -1)]
    )
    return int(newest["seq"]) if newest else 0


async def next_seq(*, db: Database, owner_id: ObjectId) -> int:
    """Take the owner's next change number, in flight until finish_seq."""
    started = clock()
    seq = await claim(db=db, owner_id=owner_id, after=await top_seq(db=db, owner_id=owner_id))
    while clock() - started >= LEASE.total_seconds():
        started = clock()
        pruned_to = await checkpointed(db=db, owner_id=owner_id)
        if seq > pruned_to:
            break
        await finish_seq(db=db, owner_id=owner_id, seq=seq)
        top = await top_seq(db=db, owner_id=owner_id)
        seq = await claim(db=db, owner_id=owner_id, after=max(top, pruned_to))
    return seq


async def finish_seq(*, db: Database, owner_id: ObjectId, seq: int) -> None:
    """The write that took `seq` is done (or failed): readers may pass it."""
    await db.collection(CLAIMS).update_one(
        {"_id": claim_id(owner_id, seq)}, {"$set": {"open": False}}
    )


@contextlib.asynccontextmanager
async def change(*, db: Database, owner_id: ObjectId) -> AsyncIterator[int]:
    """`async with change(...) as seq:` write `seq` onto what changes, inside the block."""
    seq = await next_seq(db=db, owner_id=owner_id)
    try:
        yield seq
    finally:
        await finish_seq(db=db, owner_id=owner_id, seq=seq)


@dataclass(frozen=True)
class Numbers:
    """An owner's highest number taken, and the highest one stable (read in that order)."""

    top: int
    stable: int


async def numbers(*, db: Database, owner_id: ObjectId) -> Numbers:
    """The owner's top and stable numbers (two round trips)."""
    top = await top_seq(db=db, owner_id=owner_id)  # before the open ones: see the module doc
    fresh_after = datetime.now(UTC) - LEASE
    oldest = await db.collection(CLAIMS).find_one(
        {"owner_id": owner_id, "open": True, "at": {"$gt": fresh_after}},
        {"seq": 1},
        sort=[("seq", 1)],
    )
    if oldest is not None:
        return Numbers(top=top, stable=min(top, int(oldest["seq"]) - 1))
    return Numbers(top=top, stable=top)


async def stable_seq(*, db: Database, owner_id: ObjectId) -> int:
    """The highest number that every change at or below it has finished writing."""
    return (await numbers(db=db, owner_id=owner_id)).stable


# -- the feed's reads: entries by change number ------------------------------------------


def _after(seq: int, after_id: ObjectId | None) -> dict[str, Any]:
    if after_id is None:
        return {"seq": {"$gt": seq}}
    return {"$or": [{"seq": {"$gt": seq}}, {"seq": seq, "_id": {"$gt": after_id}}]}


def _scope(
    owner_id: ObjectId, share: ObjectId | None, after: dict[str, Any], *, live: bool = False
) -> list[dict[str, Any]]:
    """The owner's entries after a position; with `share`, those in that shared folder
    (or that left it, unless `live`)."""
    if share is None:
        return [{"owner_id": owner_id, **after}]
    if live:
        return [{"owner_id": owner_id, "share_id": share, **after}]
    return [{"owner_id": owner_id, "$or": [{"share_id": share}, {"left_share": share}]}, after]


async def scan(
    *,
    db: Database,
    owner_id: ObjectId,
    seq: int,
    after_id: ObjectId | None,
    bound: int,
    live: bool,
    limit: int,
    share: ObjectId | None = None,
) -> list[EntryDoc]:
    """Up to `limit` entry documents after (seq, after_id) and at most `bound`, in order.

    `live` leaves out trashed entries and tombstones (an initial sync's snapshot).
    `share`: only what is in that shared folder of the owner, or left it.
    """
    query: dict[str, Any] = {
        "$and": [
            *_scope(owner_id, share, _after(seq, after_id), live=live),
            {"seq": {"$lte": bound}},
        ]
    }
    if live:
        query["trashed"] = False
        query["deleted"] = {"$ne": True}
    return await store.find_sorted(db, query, limit)


async def has_change(
    *,
    db: Database,
    owner_id: ObjectId,
    seq: int,
    after_id: ObjectId | None,
    bound: int,
    share: ObjectId | None = None,
) -> bool:
    """Whether any entry changed after (seq, after_id), at most `bound` (in `share`)."""
    scope = _scope(owner_id, share, _after(seq, after_id))
    query = {"$and": [*scope, {"seq": {"$lte": bound}}]}
    return await store.any_entry(db, query)


# -- upkeep ---------------------------------------------------------------------------


async def prune_journal(
    *, db: Database, retention: timedelta, now: datetime | None = None
) -> dict[str, int]:
    """Drop what no reader needs any more; how many of each were removed.

    - `claims`: number claims at or below each owner's stable number and older
      than STALE_MARK (the top one stays);
    - `marks`: of those, the ones still open: abandoned by a writer that died (and
      marks of the journal's earlier layout, long abandoned);
    - `tombstones`: deletion tombstones older than `retention` (cursors that old
      are refused with CURSOR_RESET, see sync/service.py);
    - `checkpoints`: the checkpoints no longer needed to date tombstones.
    """
    now = now or datetime.now(UTC)
    cutoff = now - retention
    removed = {"claims": 0, "marks": 0, "tombstones": 0, "checkpoints": 0}
    for owner_id in await db.collection(CLAIMS).distinct("owner_id"):
        known = await numbers(db=db, owner_id=owner_id)
        stable = known.stable
        await db.collection(CHECKPOINTS).insert_one(
            {"_id": ObjectId(), "owner_id": owner_id, "seq": stable, "at": now}
        )
        # Done (or abandoned) and not the top, which numbering goes on from.
        below = {
            "owner_id": owner_id,
            "seq": {"$lte": stable, "$lt": known.top},
            "at": {"$lt": now - STALE_MARK},
        }
        abandoned = await db.collection(CLAIMS).delete_many({**below, "open": True})
        claims = await db.collection(CLAIMS).delete_many(below)
        removed["marks"] += int(abandoned.deleted_count)
        removed["claims"] += int(abandoned.deleted_count) + int(claims.deleted_count)
        # Every number at or below a checkpoint was stable when it was taken.
        old = await db.collection(CHECKPOINTS).find_one(
            {"owner_id": owner_id, "at": {"$lt": cutoff}}, sort=[("at", -1)]
        )
        if old is None:
            continue
        removed["tombstones"] += await store.delete_tombstones(db, owner_id, int(old["seq"]))
        spent = await db.collection(CHECKPOINTS).delete_many(
            {"owner_id": owner_id, "at": {"$lt": old["at"]}}
        )
        removed["checkpoints"] += int(spent.deleted_count)
    return removed
