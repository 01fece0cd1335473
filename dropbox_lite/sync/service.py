"""Sync: the change feed (get_updated_files); long polling is in sync/waiting.py, conflict
detection and resolution in sync/conflicts.py and sync/resolve.py.

The feed is read from the entries collection itself: every change writes the
owner's next sequence number onto the entry (journal.change), so "what changed
since N" is the entries whose `seq` is above N, each at its latest state. A
reader serves only up to journal.stable_seq, so a change still being written
with a lower number than one already written is never skipped.

A cursor is a signed position in that order: {v, u: user id, p: phase, s: seq,
i: the last entry id served at `s` (None once all of `s` is served), b: bound,
t: when a number at or below the position was known stable, m: a position of the
same five parts per folder shared with the user}. Phase "full" is an initial
sync: the live entries whose seq is at most the bound taken when it began (the set
can only shrink while it is paged, since every change takes a higher number);
phase "inc" then serves every change above it. A cursor whose `t` is
older than the journal's retention may need deletion tombstones that upkeep has
pruned (journal.prune_journal): it is refused with CURSOR_RESET.

A member's feed covers their mounts too. Each shared folder is a part of the feed
read from its owner's journal (the entries whose `share_id` is the folder, or whose
`left_share` is: those moved out, reported DELETED). A page serves the user's own
part first and then each mount's part, in the order of their ids, and a mount's
part begins (with a full sync of its contents) only once the mount itself is served:
a client always meets the mount before what is in it. A mount removed (the member
left or was removed) is reported DELETED in the user's own part and its part ends.
"""

from __future__ import annotations

import time
from dataclasses import dataclass, replace
from datetime import timedelta

from bson import ObjectId

from dropbox_lite.core import errors
from dropbox_lite.core.db import Database
from dropbox_lite.core.security import Signer
from dropbox_lite.files import journal
from dropbox_lite.files import service as files
from dropbox_lite.files.service import EntryRecord

# Conflicts: detection is pure (sync/conflicts.py, shared with files), resolution is
# in sync/resolve.py; their names are this module's too, as the seed had them.
from dropbox_lite.sync.conflicts import LocalVersion as LocalVersion
from dropbox_lite.sync.conflicts import RemoteVersion as RemoteVersion
from dropbox_lite.sync.conflicts import SyncDecision as SyncDecision
from dropbox_lite.sync.conflicts import detect_conflicts as detect_conflicts
from dropbox_lite.sync.cursors import CURSOR_PURPOSE as CURSOR_PURPOSE
from dropbox_lite.sync.cursors import CURSOR_VERSION as CURSOR_VERSION
from dropbox_lite.sync.cursors import V1_ISSUED as V1_ISSUED
from dropbox_lite.sync.cursors import Parts as Parts
from dropbox_lite.sync.cursors import Position as Position
from dropbox_lite.sync.cursors import decode_cursor as decode_cursor
from dropbox_lite.sync.cursors import decode_parts as decode_parts
from dropbox_lite.sync.cursors import encode_cursor as encode_cursor
from dropbox_lite.sync.resolve import MAX_MERGE_BYTES as MAX_MERGE_BYTES
from dropbox_lite.sync.resolve import RESOLUTIONS as RESOLUTIONS
from dropbox_lite.sync.resolve import ResolvedRecord as ResolvedRecord
from dropbox_lite.sync.resolve import merge_text as merge_text
from dropbox_lite.sync.resolve import resolve_conflict as resolve_conflict

# The journal's retention when the caller names none (Settings.journal_retention_days).
RETENTION = timedelta(days=90)
# Clocks of app and upkeep processes may differ: cursors are refused this much early.
CLOCK_MARGIN = timedelta(hours=1)
MAX_PAGE = 2000

UPSERTED = "UPSERTED"
DELETED = "DELETED"


@dataclass(frozen=True)
class ChangeRecord:
    kind: str  # UPSERTED or DELETED
    id: str
    parent_id: str | None
    entry: EntryRecord | None  # the entry's current state; None when deleted


@dataclass(frozen=True)
class ChangePageRecord:
    changes: list[ChangeRecord]
    cursor: str
    has_more: bool


def check_servable(*, numbers: journal.Numbers, position: Position, retention: timedelta) -> None:
    # A cursor beyond the present comes from another database (restored or reset);
    # one older than the retention may need tombstones that upkeep has pruned.
    if max(position.seq, position.bound) > numbers.top:
        raise errors.CursorReset()
    if position.issued < time.time() - (retention - CLOCK_MARGIN).total_seconds():
        raise errors.CursorReset()


def owner_oid(user_id: str) -> ObjectId:
    if not ObjectId.is_valid(user_id):
        raise errors.NotFound()
    return ObjectId(user_id)


def _page_size(first: int) -> int:
    if first <= 0:
        raise errors.BadInput("`first` must be at least 1.", argument="first")
    return min(first, MAX_PAGE)


# -- the feed --------------------------------------------------------------------------


def change_record(seen: files.Seen) -> ChangeRecord:
    """The change that reports an entry's current state (as its reader sees it)."""
    record = seen.record()
    gone = record.trashed or record.deleted
    return ChangeRecord(
        kind=DELETED if gone else UPSERTED,
        id=record.id,
        parent_id=record.parent_id,
        entry=None if gone else record,
    )


async def _serve(
    *,
    db: Database,
    owner_id: ObjectId,
    position: Position,
    numbers: journal.Numbers,
    room: int,
    read_at: int,
    share: ObjectId | None = None,
) -> tuple[list[files.EntryDoc], Position, bool]:
    """Up to `room` documents of one part of the feed from `position`: (docs, end, more)."""

    async def scan(at: Position, bound: int, live: bool, room: int) -> list[files.EntryDoc]:
        return await journal.scan(
            db=db,
            owner_id=owner_id,
            seq=at.seq,
            after_id=at.after_id,
            bound=bound,
            live=live,
            limit=room + 1,
            share=share,
        )

    docs: list[files.EntryDoc] = []
    if position.phase == "full":
        found = await scan(position, position.bound, True, room)
        if len(found) > room:
            return found[:room], _resume("full", found[room - 1], position), True
        docs.extend(found)
        room -= len(found)
        position = Position("inc", position.bound, None, position.bound, position.issued)
        if room == 0:
            return docs, position, True
    # The numbers were read at the start of this request: what became stable since
    # is served by the next page.
    bound = max(numbers.stable, position.seq)
    found = await scan(position, bound, False, room)
    if len(found) > room:
        docs.extend(found[:room])
        return docs, _resume("inc", found[room - 1], position), True
    docs.extend(found)
    # Everything up to `bound` is served, and `bound` was stable at `read_at`.
    issued = read_at if bound == numbers.stable else position.issued
    return docs, Position("inc", bound, None, bound, issued), False


def followed_mounts(
    mounts: list[files.MountRecord], own: Position
) -> dict[ObjectId, files.MountRecord]:
    """The mounts whose parts the feed serves: live, and already served themselves."""
    if own.phase == "full":
        return {}
    return {m.share_id: m for m in mounts if m.live and m.seq <= own.seq}


def _through(
    mount: files.MountRecord, doc: files.EntryDoc, followed: dict[ObjectId, files.MountRecord]
) -> files.Seen | None:
    """A document of a shared folder's part as its member sees it (None: not shown).

    One moved out of the folder is gone for its members, unless it moved into another
    folder shared with this member: then it is reported as it is there (whichever part
    serves it first or last, the member sees the same state).
    """
    if doc["_id"] == mount.share_id:
        return None  # the shared folder itself: the member sees their mount instead
    share = doc.get("share_id")
    now_in = None if share is None else followed.get(share)
    if now_in is not None:
        return files.Seen(doc, via=now_in.mount_id)
    # Gone from the member's view: where it went (a private folder of the owner's) is
    # not theirs to know; it is reported as gone from the mount.
    gone = files.changed(doc, {"deleted": True, "parent_id": mount.mount_id})
    return files.Seen(gone, via=mount.mount_id)


async def get_updated_files(
    *,
    db: Database,
    signer: Signer,
    user_id: str,
    cursor: str | None,
    first: int,
    retention: timedelta = RETENTION,
) -> ChangePageRecord:
    """One page of the user's changes after `cursor` (no cursor: an initial full sync)."""
    room = _page_size(first)
    owner_id = owner_oid(user_id)
    numbers = await journal.numbers(db=db, owner_id=owner_id)
    read_at = int(time.time())
    parts: Parts = {}
    if cursor is None:
        position = Position("full", 0, None, numbers.stable, read_at)
    else:
        position, parts = decode_parts(signer, user_id=user_id, cursor=cursor)
        check_servable(numbers=numbers, position=position, retention=retention)

    own, position, more = await _serve(
        db=db, owner_id=owner_id, position=position, numbers=numbers, room=room, read_at=read_at
    )
    room -= len(own)
    docs = [files.Seen(doc) for doc in own]
    if more:
        return _page(signer, user_id, docs, position, parts)
    followed = followed_mounts(await files.mounts(db=db, user_id=user_id), position)
    served: Parts = {}
    for share in sorted(followed):
        mount = followed[share]
        part = parts.get(mount.mount_id)
        if room == 0:
            more = True
            if part is not None:
                served[mount.mount_id] = part
            continue
        owner_numbers = await journal.numbers(db=db, owner_id=mount.owner_id)
        if part is None or max(part.seq, part.bound) > owner_numbers.top:
            part = Position("full", 0, None, owner_numbers.stable, read_at)  # begin (again)
        check_servable(numbers=owner_numbers, position=part, retention=retention)
        found, served[mount.mount_id], part_more = await _serve(
            db=db,
            owner_id=mount.owner_id,
            position=part,
            numbers=owner_numbers,
            room=room,
            read_at=read_at,
            share=share,
        )
        room -= len(found)
        more = more or part_more
        docs.extend(seen for doc in found if (seen := _through(mount, doc, followed)) is not None)
    return _page(signer, user_id, docs, position, served, has_more=more)


def _resume(phase: str, last: files.EntryDoc, position: Position) -> Position:
    return replace(position, phase=phase, seq=int(last["seq"]), after_id=last["_id"])


def _page(
    signer: Signer,
    user_id: str,
    docs: list[files.Seen],
    position: Position,
    parts: Parts,
    *,
    has_more: bool = True,
) -> ChangePageRecord:
    # An entry changed while the page was read can be met twice (the index moves
    # under the scan, or the snapshot and the incremental part both hold it):
    # report it once, at the latest state read.
    latest: dict[ObjectId, files.Seen] = {}
    for seen in docs:
        latest.pop(seen.entry["_id"], None)
        latest[seen.entry["_id"]] = seen
    return ChangePageRecord(
        changes=[change_record(seen) for seen in latest.values()],
        cursor=encode_cursor(signer, user_id=user_id, position=position, parts=parts),
        has_more=has_more,
    )


async def latest_cursor(*, db: Database, signer: Signer, user_id: str) -> str:
    """A cursor at the present: its feed starts with the next change (in mounts too)."""
    owner_id = owner_oid(user_id)
    seq = await journal.stable_seq(db=db, owner_id=owner_id)
    at = int(time.time())
    position = Position("inc", seq, None, seq, at)
    parts: Parts = {}
    for mount in followed_mounts(await files.mounts(db=db, user_id=user_id), position).values():
        stable = await journal.stable_seq(db=db, owner_id=mount.owner_id)
        parts[mount.mount_id] = Position("inc", stable, None, stable, at)
    return encode_cursor(signer, user_id=user_id, position=position, parts=parts)
