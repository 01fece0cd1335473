"""A folder and everything below it, changed together: walks and bulk writes.

A move, trash or restore of a folder changes one entry (the top) and then what
is below it. Below, each change is one bulk write (one round trip for any number
of entries), and every function here is idempotent: run again, it finds nothing
more to do. That is what lets an operation (files/operations.py) be finished by
whoever finds it unfinished: `align` brings a subtree in line with its top.
"""

from __future__ import annotations

from datetime import datetime

from bson import ObjectId

from dropbox_lite.core.db import Database
from dropbox_lite.files import journal, store
from dropbox_lite.files.entry_doc import EntryDoc

# Passes over a subtree that look again for entries written into it meanwhile.
ROUNDS = 5
# Rounds of settle.settle before it leaves an entry to the writers still racing it;
# purge.purge_tree's passes that look again for entries written into it meanwhile.
SETTLE_ROUNDS = 5


async def walk(
    db: Database,
    root: EntryDoc,
    *,
    include_deleted: bool = False,
    stop_at_trash_roots: bool = False,
) -> list[EntryDoc]:
    """The entry and every entry below it that is not purged (breadth first).

    With include_deleted, purged ones (tombstones) too, and what is below them.
    With stop_at_trash_roots, nothing below an entry deleted on its own (below `root`).
    """
    found = [root]
    frontier = [root["_id"]] if not root["is_file"] else []
    seen = {root["_id"]}
    while frontier:
        children = await store.children_of(
            db, root["owner_id"], frontier, include_deleted=include_deleted
        )
        frontier = []
        for child in children:
            if child["_id"] in seen:
                continue
            seen.add(child["_id"])
            found.append(child)
            if child["is_file"] or (stop_at_trash_roots and child.get("trash_root")):
                continue
            frontier.append(child["_id"])
    return found


def _folders(tree: list[EntryDoc]) -> list[ObjectId]:
    return [doc["_id"] for doc in tree if not doc["is_file"]]


def _expected_shares(
    tree: list[EntryDoc], top_share: ObjectId | None
) -> dict[ObjectId, ObjectId | None]:
    """The shared folder each entry below the top belongs in, by where it is.

    Below the top, an entry is in the top's shared folder; a shared folder inside
    a private top (shares do not nest) is its own, and so is what is below it.
    """
    share_of: dict[ObjectId | None, ObjectId | None] = {tree[0]["_id"]: top_share}
    expected: dict[ObjectId, ObjectId | None] = {}
    for doc in tree[1:]:
        if doc.get("share_id") == doc["_id"] and top_share is None:
            mine: ObjectId | None = doc["_id"]
        else:
            mine = share_of.get(doc["parent_id"], top_share)
        share_of[doc["_id"]] = mine
        if doc.get("share_id") != mine and doc.get("share_id") != doc["_id"]:
            expected[doc["_id"]] = mine
    return expected


async def restamp_below(
    db: Database, top: EntryDoc, *, share: ObjectId | None, left: ObjectId | None = None
) -> int:
    """What is below `top` goes into the shared folder `share` (or none) with it.

    One number and one write per round for every entry out of line; the tree is
    walked again until nothing is left behind: an entry written meanwhile into a
    folder already passed is met here, or its writer sees the folder's share when
    it settles (settle.settle). Returns how many entries changed.
    """
    changed = 0
    for _ in range(ROUNDS):
        tree = await walk(db, top)
        expected = _expected_shares(tree, share)
        if not expected:
            return changed
        groups: dict[ObjectId | None, list[ObjectId]] = {}
        for entry_id, wanted in expected.items():
            groups.setdefault(wanted, []).append(entry_id)
        by_id = {doc["_id"]: doc for doc in tree}
        async with journal.change(db=db, owner_id=top["owner_id"]) as seq:
            for wanted, ids in groups.items():
                # Each leaves the shared folder it was in (if any): its members' feeds
                # report it gone.
                leaving: dict[ObjectId | None, list[ObjectId]] = {}
                for entry_id in ids:
                    was = by_id[entry_id].get("share_id")
                    leaving.setdefault(left if was is None else was, []).append(entry_id)
                for was, some in leaving.items():
                    changed += await store.restamp_many(db, some, share=wanted, left=was, seq=seq)
    return changed


async def trash_below(db: Database, top: EntryDoc, *, at: datetime) -> int:
    """Everything live below the trashed `top` goes to the trash with it (one write)."""
    tree = await walk(db, top)
    ids = [doc["_id"] for doc in tree[1:] if not doc["trashed"]]
    if not ids:
        return 0
    async with journal.change(db=db, owner_id=top["owner_id"]) as seq:
        return await store.trash_many(db, ids, folders=_folders(tree), at=at, seq=seq)


async def restore_below(db: Database, top: EntryDoc) -> int:
    """What went to the trash with `top` (now live) comes back with it (one write).

    What was deleted on its own before stays in the trash, and so does what is below it.
    """
    tree = await walk(db, top, stop_at_trash_roots=True)
    ids = [doc["_id"] for doc in tree[1:] if doc["trashed"] and not doc.get("trash_root")]
    if not ids:
        return 0
    folders = [doc["_id"] for doc in tree if not doc["is_file"] and not doc.get("trash_root")]
    folders.append(top["_id"])
    async with journal.change(db=db, owner_id=top["owner_id"]) as seq:
        return await store.restore_many(db, ids, folders=folders, seq=seq)
