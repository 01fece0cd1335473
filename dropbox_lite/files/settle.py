"""Race repair: an entry just put into a folder brought in line with that folder.

A write that puts an entry into a folder checks the folder first and commits
later; meanwhile the folder (or one above it) can be trashed or purged, whose
walk over the folder's contents then misses the new entry. So every such write
settles afterwards: it reads the folder's ancestry again and brings the entry in
line with it. Both sides write first and read second (the trash or purge marks
the folder, then walks its contents; the writer commits, then reads the
ancestry), so on a server with per-document atomic writes at least one of them
sees the other, and whichever does fixes the entry.
"""

from __future__ import annotations

from datetime import datetime
from typing import Literal

from bson import ObjectId

from dropbox_lite.core import errors
from dropbox_lite.core.db import Database
from dropbox_lite.files import journal, store, subtree
from dropbox_lite.files.entries import known_root
from dropbox_lite.files.entry_doc import EntryDoc
from dropbox_lite.files.purge import purge_tree
from dropbox_lite.files.records import EntryRecord, Seen, now

State = Literal["live", "trashed", "deleted"]


async def _ancestry(
    db: Database, folder_id: ObjectId | None, owner: ObjectId | None = None
) -> tuple[State, datetime | None, ObjectId | None]:
    """Whether the folder and all above it are live, or one is trashed, or one is purged.

    With "trashed", the time the nearest trashed folder went to the trash; last, the
    shared folder that what is put into the folder is in (None: none). The walk stops
    at the owner's root (when known) without reading it: it is always live, never shared.
    """
    state: State = "live"
    trashed_at: datetime | None = None
    share: ObjectId | None = None
    root = None if owner is None else known_root(owner)
    fields = ("trashed", "trashed_at", "deleted", "share_id")
    async for entry_id, doc in store.walk_up(db, folder_id, fields=fields, stop=root):
        if doc is None or doc.get("deleted"):
            return "deleted", None, None
        if entry_id == folder_id:
            share = doc.get("share_id")
        if doc.get("trashed") and state == "live":
            state, trashed_at = "trashed", doc.get("trashed_at")
    return state, trashed_at, share


async def settle(db: Database, written: EntryDoc) -> EntryDoc | None:
    """Bring an entry just put into a folder in line with that folder; None if purged.

    Under a trashed folder it goes to the trash with it (not a trash root of its
    own, so restoring the folder brings it back); under a purged folder it is purged.
    """
    current: EntryDoc | None = written
    for round_ in range(subtree.SETTLE_ROUNDS):
        # The entry before the ancestry: a trash or restore of an ancestor marks the
        # ancestor before the entries below it (see trashing.restore_entry for the reverse).
        # The first round takes the entry as just written by this caller: the write
        # came before the ancestry is read, which is the order that matters, and every
        # fix below is conditional on the entry's state, so a stale copy only costs a
        # second round.
        if round_ > 0:
            current = await store.entry_by_id(db, written["_id"])
        if current is None or current.get("deleted"):
            return None
        if current["parent_id"] != written["parent_id"]:
            return current  # moved on since: its mover settles it
        state, trashed_at, share = await _ancestry(
            db, current["parent_id"], current.get("owner_id")
        )
        if state == "deleted":
            await purge_tree(db, current)
            return None
        current = await _share_with_folder(db, current, share)
        if state == "trashed" and not current["trashed"]:
            await _trash_tree(db, current, at=trashed_at or now())
        elif state == "live" and current["trashed"] and not current.get("trash_root"):
            await _untrash_tree(db, current)
        elif round_ == 0 and state != "live":
            continue  # read the entry to report it as it stands
        else:
            return current
    return await store.entry_by_id(db, written["_id"], with_purged=False)


async def _share_with_folder(db: Database, entry: EntryDoc, share: ObjectId | None) -> EntryDoc:
    """The entry in the shared folder its folder is in (or in none), like its folder.

    A write checks its folder before it commits; meanwhile the folder can be shared, or
    moved out of a share, whose walk over the folder's contents then misses the entry.
    """
    was = entry.get("share_id")
    if was == share or was == entry["_id"]:
        return entry  # in line, or a shared folder itself
    async with journal.change(db=db, owner_id=entry["owner_id"]) as seq:
        await store.restamp(db, entry, share=share, left=was, seq=seq)
    if not entry["is_file"]:
        await subtree.restamp_below(db, entry, share=share, left=was)
    moved = store.changed(entry, {"share_id": share, "seq": seq})
    if was is not None:
        moved["left_share"] = was
    return moved


async def settled_record(db: Database, written: Seen) -> EntryRecord:
    """The entry once settled (trashed with its new folder, maybe), as its writer sees
    it; NotFound when purged."""
    settled = await settle(db, written.entry)
    if settled is None:
        raise errors.NotFound("The folder was deleted meanwhile.")
    return written.of(settled).record()


async def settle_written(db: Database, written: Seen) -> EntryRecord:
    """For writers outside this module (uploads): see settle."""
    return await settled_record(db, written)


async def _trash_tree(db: Database, top: EntryDoc, *, at: datetime) -> None:
    """`top` (live, under a trashed folder) and all below it go to the trash with that folder."""
    async with journal.change(db=db, owner_id=top["owner_id"]) as seq:
        trashed = await store.trash_with_folder(db, top, at=at, seq=seq)
    if trashed:
        await subtree.trash_below(db, top, at=at)


async def _untrash_tree(db: Database, top: EntryDoc) -> None:
    """`top` (trashed with a folder that is live again) and what went with it come back."""
    async with journal.change(db=db, owner_id=top["owner_id"]) as seq:
        back = await store.back_with_folder(db, top, seq=seq)
    if back:
        await subtree.restore_below(db, top)
