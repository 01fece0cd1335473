"""Two moves that close a cycle (A into B while B into A): finding it, and undoing one."""

from __future__ import annotations

import hashlib
from collections.abc import AsyncIterator
from datetime import datetime
from itertools import islice

from bson import ObjectId

from dropbox_lite.core.db import Database
from dropbox_lite.files import journal, names, store
from dropbox_lite.files.entry_doc import Ancestor, EntryDoc
from dropbox_lite.files.records import now
from dropbox_lite.files.settle import settle
from dropbox_lite.files.store import DuplicateKeyError

# Decisions about move cycles: one document per cycle seen (see claim_revert).
MOVE_CYCLES = "move_cycles"


async def ancestors(db: Database, folder_id: ObjectId) -> AsyncIterator[ObjectId]:
    async for entry_id, _ in store.walk_up(db, folder_id, fields=()):
        yield entry_id


async def cycle_through(
    db: Database, entry_id: ObjectId, parent: ObjectId
) -> list[Ancestor] | None:
    """The folders of the cycle `entry_id` (just moved into `parent`) closes, if any.

    Walks up from `parent` (bounded); the cycle is there when it comes back to
    the entry and the entry still sits in `parent`.
    """
    chain: list[Ancestor] = []
    async for current, node in store.walk_up(db, parent, fields=("seq",)):
        if node is None:
            return None
        chain.append(node)
        if current == entry_id:
            return chain if node.get("parent_id") == parent else None
    return None


async def claim_revert(db: Database, owner: ObjectId, cycle: list[Ancestor]) -> bool:
    """Whether this mover is the one to undo its move to break `cycle`.

    Two moves that close a cycle (A into B while B into A) each commit and then
    look up; at least one sees the cycle. When both do, they see the same folders
    at the same seqs, and the first to insert that cycle's document (a unique _id,
    atomic on every backend, FerretDB v1 included) undoes its move: the other one
    stands. A mover alone in seeing the cycle always wins the insert.
    """
    members = sorted(f"{node['_id']}@{node.get('seq')}" for node in cycle)
    key = hashlib.sha256(f"{owner}|{','.join(members)}".encode()).hexdigest()
    try:
        await db.collection(MOVE_CYCLES).insert_one({"_id": key, "owner_id": owner, "at": now()})
    except DuplicateKeyError:
        return False
    return True


async def prune(db: Database, *, before: datetime) -> int:
    """Delete the decisions taken before `before`: how many went. A decision matters only
    while the two moves that closed its cycle race (upkeep/move_cycles.py keeps an hour)."""
    result = await db.collection(MOVE_CYCLES).delete_many({"at": {"$lt": before}})
    return int(result.deleted_count)


async def revert_move(db: Database, moved: EntryDoc, original: EntryDoc) -> None:
    """Put a moved folder back where it was (renamed if its old name was taken meanwhile)."""
    for candidate in islice(names.name_then_numbered(original["name"]), 100):
        key = names.name_key(candidate)
        changes = {
            "parent_id": original["parent_id"],
            "name": candidate,
            "name_key": key,
            "slot": key,
        }
        try:
            async with journal.change(db=db, owner_id=moved["owner_id"]) as seq:
                back = await store.relocate(db, moved, {**changes, "seq": seq}, live_only=False)
        except DuplicateKeyError:
            continue
        if back:
            await settle(db, store.changed(moved, changes))
        return
