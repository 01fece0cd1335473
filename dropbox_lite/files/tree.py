"""Changes to the folder tree: new folders, rename, move, copy, trash, restore, purge."""

from __future__ import annotations

import hashlib
from collections.abc import AsyncIterator
from dataclasses import dataclass
from datetime import datetime
from itertools import islice
from typing import Any, Literal

from bson import ObjectId

from dropbox_lite.core import errors
from dropbox_lite.core.db import Database
from dropbox_lite.files import access, members, names, operations, store, subtree
from dropbox_lite.files.entries import entry_doc, known_root, place, root_oid
from dropbox_lite.files.quota import release, reserve
from dropbox_lite.files.records import (
    ROLE,
    VIA,
    EntryRecord,
    entry_record,
    mime_type_for,
    now,
    oid,
)
from dropbox_lite.files.store import DuplicateKeyError
from dropbox_lite.sync import journal

# Rounds of _settle before it leaves an entry to the writers still racing it.
SETTLE_ROUNDS = 5
# The operation (files/operations.py) of a move, trash, restore or purge of a folder.
SUBTREE = "subtree"
COPY = "copy"
LEAVE = "leave"
# Decisions about move cycles: one document per cycle seen (see _claim_revert).
MOVE_CYCLES = "move_cycles"

State = Literal["live", "trashed", "deleted"]


# A write that puts an entry into a folder checks the folder first and commits
# later; meanwhile the folder (or one above it) can be trashed or purged, whose
# walk over the folder's contents then misses the new entry. So every such write
# settles afterwards: it reads the folder's ancestry again and brings the entry in
# line with it. Both sides write first and read second (the trash or purge marks
# the folder, then walks its contents; the writer commits, then reads the
# ancestry), so on a server with per-document atomic writes at least one of them
# sees the other, and whichever does fixes the entry.


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


async def _settle(db: Database, written: dict[str, Any]) -> dict[str, Any] | None:
    """Bring an entry just put into a folder in line with that folder; None if purged.

    Under a trashed folder it goes to the trash with it (not a trash root of its
    own, so restoring the folder brings it back); under a purged folder it is purged.
    """
    current: dict[str, Any] | None = written
    for round_ in range(SETTLE_ROUNDS):
        # The entry before the ancestry: a trash or restore of an ancestor marks the
        # ancestor before the entries below it (see restore_entry for the reverse).
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
            await _purge_tree(db, current)
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


async def _share_with_folder(
    db: Database, entry: dict[str, Any], share: ObjectId | None
) -> dict[str, Any]:
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
        await _restamp_below(db, entry, share=share, left=was)
    moved = {**entry, "share_id": share, "seq": seq}
    if was is not None:
        moved["left_share"] = was
    return moved


def _view(doc: dict[str, Any], seen: dict[str, Any]) -> dict[str, Any]:
    """`doc` as the reader of `seen` sees it (through their mount, if they did)."""
    if VIA not in seen:
        return doc
    return {**doc, VIA: seen[VIA], ROLE: seen.get(ROLE)}


async def _settled_record(db: Database, written: dict[str, Any]) -> EntryRecord:
    """The entry once settled (trashed with its new folder, maybe); NotFound when purged."""
    settled = await _settle(db, written)
    if settled is None:
        raise errors.NotFound("The folder was deleted meanwhile.")
    return entry_record(_view(settled, written))


async def settle_written(db: Database, written: dict[str, Any]) -> EntryRecord:
    """For writers outside this module (uploads): see _settle."""
    return await _settled_record(db, written)


async def create_folder(
    *, db: Database, user_id: str, parent_id: str | None, name: str
) -> EntryRecord:
    """A new empty folder; NameTaken or InvalidName otherwise."""
    name = names.validate_name(name)
    into = await place(db, oid(user_id), parent_id)
    at = now()
    try:
        async with journal.change(db=db, owner_id=into.owner) as seq:
            doc = store.new_entry(
                owner=into.owner,
                parent=into.folder,
                name=name,
                is_file=False,
                seq=seq,
                at=at,
                share=into.share,
            )
            await store.insert_entry(db, doc)
    except DuplicateKeyError:
        raise errors.NameTaken() from None
    return await _settled_record(db, into.view(dict(doc)))


async def _movable(db: Database, user_id: str, entry_id: str) -> dict[str, Any]:
    doc = await entry_doc(db, oid(user_id), entry_id, write=True)
    if doc.get("parent_id") is None:
        raise errors.BadInput("The root folder cannot be renamed, moved or deleted.")
    return doc


async def rename_entry(*, db: Database, user_id: str, entry_id: str, name: str) -> EntryRecord:
    """Give an entry a new name in its folder."""
    name = names.validate_name(name)
    doc = await _movable(db, user_id, entry_id)
    moved = await _relocate(db, doc, parent=doc["parent_id"], name=name)
    return await _settled_record(db, moved)


async def _relocate(
    db: Database,
    doc: dict[str, Any],
    *,
    parent: ObjectId,
    name: str,
    share: dict[str, Any] | None = None,
) -> dict[str, Any]:
    """Give the live entry `doc` a new folder and name, if it is still where it was.

    `share`: new share fields (moving into or out of a shared folder).
    """
    key = names.name_key(name)
    at = now()
    changes: dict[str, Any] = {"parent_id": parent, "name": name, "name_key": key, "slot": key}
    changes.update(share or {})
    if doc["is_file"]:
        changes["mime_type"] = mime_type_for(name)
    try:
        async with journal.change(db=db, owner_id=doc["owner_id"]) as seq:
            moved = await store.relocate(db, doc, {**changes, "modified_at": at, "seq": seq})
    except DuplicateKeyError:
        raise errors.NameTaken() from None
    if not moved:
        raise errors.Conflict("The entry changed meanwhile; try again.")
    relocated = {**doc, **changes, "modified_at": at, "seq": seq}
    if doc.get("mount_of") is not None:
        await _mount_still_held(db, relocated)
    return relocated


async def _mount_still_held(db: Database, mount: dict[str, Any]) -> None:
    """NotFound (and the mount gone) when its member was removed while it was moved.

    The removal takes the membership, then purges the mount; on FerretDB a move's
    update rewrites the whole document and can undo that purge. The move wrote first
    and reads the membership second, so it sees the removal and purges again.
    """
    if await members.find(db, mount["mount_of"], mount["owner_id"]) is not None:
        return
    async with journal.change(db=db, owner_id=mount["owner_id"]) as seq:
        await store.mark_purged(db, mount, seq=seq)
    raise errors.NotFound("This folder is no longer shared with you.")


async def _ancestors(db: Database, folder_id: ObjectId) -> AsyncIterator[ObjectId]:
    async for entry_id, _ in store.walk_up(db, folder_id, fields=()):
        yield entry_id


async def _cycle_through(
    db: Database, entry_id: ObjectId, parent: ObjectId
) -> list[dict[str, Any]] | None:
    """The folders of the cycle `entry_id` (just moved into `parent`) closes, if any.

    Walks up from `parent` (bounded); the cycle is there when it comes back to
    the entry and the entry still sits in `parent`.
    """
    chain: list[dict[str, Any]] = []
    async for current, node in store.walk_up(db, parent, fields=("seq",)):
        if node is None:
            return None
        chain.append(node)
        if current == entry_id:
            return chain if node.get("parent_id") == parent else None
    return None


async def _claim_revert(db: Database, owner: ObjectId, cycle: list[dict[str, Any]]) -> bool:
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
        await db[MOVE_CYCLES].insert_one({"_id": key, "owner_id": owner, "at": now()})
    except DuplicateKeyError:
        return False
    return True


async def _revert_move(db: Database, moved: dict[str, Any], original: dict[str, Any]) -> None:
    """Put a moved folder back where it was (renamed if its old name was taken meanwhile)."""
    for candidate in islice(
        [original["name"], *names.autorename_candidates(original["name"])], 100
    ):
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
            await _settle(db, {**moved, **changes})
        return


async def move_entry(
    *, db: Database, user_id: str, entry_id: str, parent_id: str, name: str | None = None
) -> EntryRecord:
    """Move an entry into another folder (never into itself or a descendant)."""
    user = oid(user_id)
    doc = await _movable(db, user_id, entry_id)
    into = await place(db, user, parent_id)
    name = names.validate_name(doc["name"] if name is None else name)
    await _no_nesting(db, doc, into)
    if into.owner != doc["owner_id"]:
        # Between a member's own tree and a shared folder: a copy, then the original
        # goes to the trash (of the side it was on), each side's quota and journal.
        copied = await copy_entry(
            db=db, user_id=user_id, entry_id=entry_id, parent_id=parent_id, name=name
        )
        await delete_entry(db=db, user_id=user_id, entry_id=entry_id)
        return copied
    target_id = into.folder
    async for ancestor in _ancestors(db, target_id):
        if ancestor == doc["_id"]:
            raise errors.InvalidMove()
    left = access.zone(doc)
    crossing = left != into.share and doc.get("share_id") != doc["_id"]
    fields = {"share_id": into.share, "left_share": left} if crossing else None
    below = crossing and not doc["is_file"]

    async def steps() -> EntryRecord:
        if below and left is not None:
            # Out of a shared folder: its members lose what is below first, so that no
            # moment grants them what is already on its way out.
            await _restamp_below(db, doc, share=None, left=left)
        moved = await _relocate(db, into.view(doc), parent=target_id, name=name, share=fields)
        if below:
            # Given last (into a share); and an entry a writer put below while the folder
            # was still where it was (with the old share) is brought in line here, or by
            # its writer's settle, which reads the folder after this wrote it.
            await _restamp_below(db, doc, share=into.share, left=left)
        if not doc["is_file"]:
            # The check above and the write are apart: a concurrent move of the target
            # (or one above it) into this folder can close a cycle meanwhile.
            cycle = await _cycle_through(db, doc["_id"], target_id)
            if cycle is not None and await _claim_revert(db, doc["owner_id"], cycle):
                await _revert_move(db, moved, doc)
                raise errors.InvalidMove()
        return await _settled_record(db, moved)

    if below:
        return await operations.run(db, SUBTREE, doc["owner_id"], steps, top=doc["_id"])
    return await steps()


async def _no_nesting(db: Database, doc: dict[str, Any], into: access.Place) -> None:
    """InvalidMove when `doc` would put a shared folder (or a mount) into a shared folder."""
    if into.share is None:
        return
    if doc.get("mount_of") is not None or doc.get("share_id") == doc["_id"]:
        raise errors.InvalidMove("A shared folder cannot go into a shared folder.")
    if not doc["is_file"] and access.zone(doc) is None:
        for below in await _subtree(db, doc):
            if below.get("mount_of") is not None or below.get("share_id") == below["_id"]:
                raise errors.InvalidMove("This folder holds a shared folder; shares do not nest.")


async def _restamp_below(
    db: Database, top: dict[str, Any], *, share: ObjectId | None, left: ObjectId | None
) -> None:
    """What is below `top` (just moved into or out of a shared folder) moves with it."""
    await subtree.restamp_below(db, top, share=share, left=left)


async def _subtree(
    db: Database, root: dict[str, Any], *, include_deleted: bool = False
) -> list[dict[str, Any]]:
    """The entry and every entry below it that is not purged (see subtree.walk)."""
    return await subtree.walk(db, root, include_deleted=include_deleted)


async def copy_entry(
    *, db: Database, user_id: str, entry_id: str, parent_id: str, name: str | None = None
) -> EntryRecord:
    """Copy a file or a folder tree; copies share blobs but count against the quota."""
    user = oid(user_id)
    doc = await entry_doc(db, user, entry_id)
    if doc.get("parent_id") is None:
        raise errors.BadInput("The root folder cannot be copied.")
    into = await place(db, user, parent_id)
    owner, target_id = into.owner, into.folder
    name = names.validate_name(doc["name"] if name is None else name)
    if doc.get("mount_of") is not None:
        doc = await access.through_mount(db, user, doc)  # a mount's copy: what it shows
    await _no_nesting(db, doc, into)
    if not doc["is_file"]:
        async for ancestor in _ancestors(db, target_id):
            if ancestor == doc["_id"]:
                raise errors.InvalidMove("A folder cannot be copied into itself or a descendant.")
    tree = [d for d in await _subtree(db, doc) if d is doc or not d["trashed"]]
    total = sum(int(d.get("size", 0)) for d in tree if d["is_file"])
    new_ids = {d["_id"]: ObjectId() for d in tree}
    top_id = new_ids[doc["_id"]]

    async def steps() -> EntryRecord:
        # Everything below first, hidden (in the trash with a folder that is not there
        # yet), the top last: until the top is in, nothing of the copy is in any folder
        # anyone can list or any feed as live, and a copy cut short is undone
        # (finish_copy); once the top is in, what is below comes out of hiding.
        at = now()
        async with journal.change(db=db, owner_id=owner) as seq:
            copies = [
                store.new_entry(
                    owner=owner,
                    parent=target_id if source is doc else new_ids[source["parent_id"]],
                    name=name if source is doc else source["name"],
                    is_file=bool(source["is_file"]),
                    seq=seq,
                    at=at,
                    entry_id=new_ids[source["_id"]],
                    file=source if source["is_file"] else None,
                    share=into.share,
                )
                for source in tree
            ]
            for hidden in copies[1:]:
                hidden["trashed"] = True
            history = [
                store.new_revision(entry_id=c["_id"], owner=owner, rev=1, fields=dict(c), at=at)
                for c in copies
                if c["is_file"]
            ]
            below = [c["_id"] for c in copies[1:]]
            try:
                await store.insert_revisions(db, history)
                await store.insert_entries(db, copies[1:])
                await store.insert_entry(db, copies[0])
            except DuplicateKeyError:
                await store.forget_unseen(db, [*below, top_id])
                await release(db, owner, total)
                raise errors.NameTaken() from None
        if len(copies) > 1:
            await _restore_below(db, dict(copies[0]))
        return await _settled_record(db, into.view(dict(copies[0])))

    with access.owners_quota(into):
        await reserve(db, owner, total)
    if doc["is_file"]:
        try:
            return await steps()
        except errors.NameTaken:
            raise  # given back already
        except BaseException:
            if await store.entry_by_id(db, top_id) is None:
                await release(db, owner, total)
            raise
    return await operations.run(
        db, COPY, owner, steps, top=top_id, below=[new_ids[d["_id"]] for d in tree[1:]]
    )


@operations.finisher("copy")
async def finish_copy(db: Database, args: dict[str, Any]) -> None:
    """A copy cut short: completed when its top is in (it went in last: what is below
    comes out of hiding), else undone (what is below never showed live: it goes).

    The quota it reserved is given back by the next recount (files/repair.py).
    """
    top = await store.entry_by_id(db, ObjectId(args["top"]))
    if top is not None:
        if not top["deleted"] and not top["trashed"]:
            await _restore_below(db, top)
        return
    await store.forget_unseen(db, [ObjectId(i) for i in args["below"]])


async def _trash_below(db: Database, top: dict[str, Any], *, at: datetime) -> None:
    """Everything live below the trashed `top` goes to the trash with it."""
    await subtree.trash_below(db, top, at=at)


async def _trash_tree(db: Database, top: dict[str, Any], *, at: datetime) -> None:
    """`top` (live, under a trashed folder) and all below it go to the trash with that folder."""
    async with journal.change(db=db, owner_id=top["owner_id"]) as seq:
        trashed = await store.trash_with_folder(db, top, at=at, seq=seq)
    if trashed:
        await _trash_below(db, top, at=at)


async def _restore_below(db: Database, top: dict[str, Any]) -> None:
    """What went to the trash with `top` (now live) comes back with it."""
    await subtree.restore_below(db, top)


async def _untrash_tree(db: Database, top: dict[str, Any]) -> None:
    """`top` (trashed with a folder that is live again) and what went with it come back."""
    async with journal.change(db=db, owner_id=top["owner_id"]) as seq:
        back = await store.back_with_folder(db, top, seq=seq)
    if back:
        await _restore_below(db, top)


@dataclass(frozen=True)
class Since:
    """A point in a user's change feed (a cursor's positions): their own journal's
    number, and each mount's (by mount id) in its owner's journal."""

    own: int
    mounts: dict[ObjectId, int]

    def of(self, doc: dict[str, Any]) -> int | None:
        """The number in the journal `doc` is numbered by, as its reader reached it."""
        via = doc.get(VIA)
        return self.own if via is None else self.mounts.get(via)


async def _changed_below(db: Database, doc: dict[str, Any], since: Since) -> None:
    """Conflict when anything below the folder `doc` changed after `since`.

    The entries below are read in one walk (a round trip per level) and compared by
    their change numbers; a mount whose part of the feed the reader has not begun
    counts as changed. The Conflict's `current` is the most recent changed file (None
    when only folders changed).
    """
    seq = since.of(doc)
    below = (await subtree.walk(db, doc))[1:]
    changed = [d for d in below if seq is None or int(d.get("seq", 0)) > seq]
    if not changed:
        return
    files = sorted((d for d in changed if d["is_file"]), key=lambda d: int(d.get("seq", 0)))
    current = entry_record(_view(files[-1], doc)) if files else None
    raise errors.Conflict(
        "Something in this folder changed since your cursor: it was not deleted.",
        current=current,
    )


async def delete_entry(
    *,
    db: Database,
    user_id: str,
    entry_id: str,
    if_rev: int | None = None,
    unchanged_since: Since | None = None,
) -> EntryRecord:
    """Move an entry to the trash; a folder goes with everything in it.

    A mount is not trashed: deleting it leaves the shared folder (leave_mount).
    `if_rev`: only while the file is at that revision; Conflict (with the file as it is
    now) when it moved on, so a client's check and its delete cannot miss an edit.
    `unchanged_since` (folders): only when nothing below changed after that point of
    the reader's feed; the check is made right before the folder goes to the trash.
    """
    doc = await _movable(db, user_id, entry_id)
    if if_rev is not None and not doc["is_file"]:
        raise errors.BadInput("ifRev applies to files only.")
    if unchanged_since is not None and doc["is_file"]:
        raise errors.BadInput("unchangedSince applies to folders only: use ifRev for files.")
    if if_rev is not None and int(doc.get("rev", 0)) != if_rev:
        raise errors.Conflict(current=entry_record(_view(doc, doc)), your_parent_rev=if_rev)
    if unchanged_since is not None:
        await _changed_below(db, doc, unchanged_since)
    if doc.get("mount_of") is not None:
        return await leave_mount(db, doc)
    at = now()
    owner: ObjectId = doc["owner_id"]
    changes = {
        "trashed": True,
        "trash_root": True,
        "trashed_at": at,
        "slot": store.trashed_slot(doc["name_key"], doc["_id"]),
    }

    async def steps() -> EntryRecord:
        # The folder first, then what is below it (see _settle); an operation cut
        # short in between is finished by finish_subtree.
        async with journal.change(db=db, owner_id=owner) as seq:
            trashed_now = await store.trash_alone(
                db, doc["_id"], {**changes, "seq": seq}, rev=if_rev
            )
        if not trashed_now:
            now_doc = await store.entry_by_id(db, doc["_id"], with_purged=False)
            if if_rev is not None and now_doc is not None and not now_doc["trashed"]:
                current = entry_record(_view(now_doc, doc))
                raise errors.Conflict(current=current, your_parent_rev=if_rev)
            raise errors.NotFound()
        trashed = entry_record({**doc, **changes, "seq": seq})
        if not doc["is_file"]:
            await _trash_below(db, doc, at=at)
        return trashed

    if doc["is_file"]:
        return await steps()  # one document
    return await operations.run(db, SUBTREE, owner, steps, top=doc["_id"])


async def restore_entry(*, db: Database, user_id: str, entry_id: str) -> EntryRecord:
    """Bring an entry back from the trash to its old folder (renamed if the name is taken).

    When its old folder is itself gone, it comes back to the top of its shared folder,
    or else (the owner only) into the owner's root. A member cannot restore into the
    owner's private tree: with the shared folder gone too, PermissionDenied.
    """
    doc = await entry_doc(db, oid(user_id), entry_id, include_trashed=True, write=True)
    if not doc["trashed"] or not doc.get("trash_root"):
        raise errors.NotFound("This entry is not in the trash.")
    owner: ObjectId = doc["owner_id"]
    parent_live = await store.find_live_folder(db, owner, doc["parent_id"])
    zone = access.zone(doc)
    parent = doc["parent_id"]
    if not parent_live:
        if zone is not None and await store.find_live_folder(db, owner, zone):
            parent = zone
        elif VIA in doc:
            raise errors.PermissionDenied(
                "The shared folder this came from is in its owner's trash or gone; "
                "only its owner can restore this now."
            )
        else:
            parent = await root_oid(db, owner)
    left = zone if parent != zone and not parent_live and zone is not None else None
    moved_out = {"share_id": None, "left_share": left} if left is not None else {}

    async def steps() -> EntryRecord:
        if left is not None and not doc["is_file"]:
            # Out of the shared folder: its members lose what is below first.
            await _restamp_below(db, doc, share=None, left=left)
        restored: dict[str, Any] | None = None
        for candidate in [doc["name"], *names.autorename_candidates(doc["name"])]:
            key = names.name_key(candidate)
            changes = {
                "parent_id": parent,
                "name": candidate,
                "name_key": key,
                "slot": key,
                "trashed": False,
                "trash_root": False,
                "trashed_at": None,
                **moved_out,
            }
            try:
                async with journal.change(db=db, owner_id=owner) as seq:
                    back = await store.untrash(db, doc["_id"], {**changes, "seq": seq})
            except DuplicateKeyError:
                continue
            if not back:
                raise errors.NotFound("This entry is not in the trash.")
            restored = {**doc, **changes, "seq": seq}
            break
        if restored is None:
            raise errors.NameTaken()
        # The entry first, then what is below it: see _settle.
        if not doc["is_file"]:
            await _restore_below(db, doc)
        return await _settled_record(db, restored)

    if doc["is_file"]:
        return await steps()  # one document
    return await operations.run(db, SUBTREE, owner, steps, top=doc["_id"])


async def _purge_one(db: Database, entry: dict[str, Any]) -> tuple[int, int]:
    """Purge one entry (a tombstone stays): the bytes this call freed, and of them history."""
    async with journal.change(db=db, owner_id=entry["owner_id"]) as seq:
        purged = await store.mark_purged(db, entry, seq=seq)
    if not entry["is_file"]:
        return 0, 0
    # Old revisions one by one: one that expired meanwhile was given back by its expiry.
    history = 0
    async for old in store.revisions_up_to(db, entry["_id"], int(entry.get("rev", 0)), below=True):
        if await store.delete_revision(db, old["_id"]):
            history += int(old["size"])
    # Also when someone else purged it: a revision recorded after their purge
    # (an upload racing it) must not keep the bytes referenced.
    await store.drop_revisions(db, entry["_id"])
    current = int(entry.get("size", 0)) if purged else 0
    return current + history, history


async def _purge_tree(db: Database, top: dict[str, Any]) -> None:
    """Purge `top` and everything below it; the quota they held is given back."""
    freed = history = 0
    tree = await _subtree(db, top)
    # The top first: an operation cut short after it is finished (finish_subtree) by
    # purging the rest, never left as a folder that lost part of what it held.
    for entry in [tree[0], *reversed(tree[1:])]:
        bytes_freed, history_freed = await _purge_one(db, entry)
        freed, history = freed + bytes_freed, history + history_freed
    # The tree is marked, then walked again (tombstones included): an entry written
    # into it meanwhile by a writer that saw its folder live is caught here, or that
    # writer sees the purge when it settles (see _settle).
    for _ in range(SETTLE_ROUNDS):
        below = (await _subtree(db, top, include_deleted=True))[1:]
        left = [e for e in below if not e["deleted"]]
        if not left:
            break
        for entry in reversed(left):
            bytes_freed, history_freed = await _purge_one(db, entry)
            freed, history = freed + bytes_freed, history + history_freed
    await release(db, top["owner_id"], freed, history=history)


async def purge_entry(*, db: Database, user_id: str, entry_id: str) -> bool:
    """Delete an entry for good (a folder with everything in it); its bytes go at next gc.

    A tombstone stays so that the change feed can report the deletion.
    """
    doc = await entry_doc(db, oid(user_id), entry_id, include_trashed=True)
    if doc.get("parent_id") is None:
        raise errors.BadInput("The root folder cannot be purged.")
    if VIA in doc:
        raise errors.PermissionDenied("Only the owner of a shared folder deletes for good.")
    if doc.get("mount_of") is not None:
        await leave_mount(db, doc)
        return True
    if doc["is_file"]:
        await _purge_tree(db, doc)  # one entry and its history
    else:

        async def steps() -> None:
            await _purge_tree(db, doc)
            await _end_purged_shares(db, doc["owner_id"])

        await operations.run(db, SUBTREE, doc["owner_id"], steps, top=doc["_id"])
    return True


async def leave_mount(db: Database, mount: dict[str, Any]) -> EntryRecord:
    """Take the member's mount out of their tree and end their membership.

    The mount is purged (its tombstone tells the member's feed) before the membership
    goes, and purged again if a move of it racing this undid that (on FerretDB an
    update rewrites the whole document; the mover checks the membership after its
    write, this checks the mount after taking the membership). Nothing of the
    owner's changes. The last member to go ends the share.
    """

    async def steps() -> int:
        return await _leave(db, mount)

    seq = await operations.run(
        db, LEAVE, mount["owner_id"], steps, mount=mount["_id"], share=mount["mount_of"]
    )
    return entry_record({**mount, "trashed": True, "deleted": True, "seq": seq})


async def _leave(db: Database, mount: dict[str, Any]) -> int:
    """leave_mount's steps, each safe to repeat: the member's change number of the purge."""
    share: ObjectId = mount["mount_of"]
    async with journal.change(db=db, owner_id=mount["owner_id"]) as seq:
        await store.mark_purged(db, mount, seq=seq)
    await members.release_mount(db, share, mount["owner_id"], mount["_id"])
    again = await store.entry_by_id(db, mount["_id"], with_purged=False)
    if again is not None:
        async with journal.change(db=db, owner_id=mount["owner_id"]) as seq:
            await store.mark_purged(db, again, seq=seq)
    await end_if_unshared(db, share, mount["mount_owner"])
    return seq


@operations.finisher("leave")
async def finish_leave(db: Database, args: dict[str, Any]) -> None:
    """A removal or leave cut short: the mount goes, then the membership."""
    mount = await store.entry_by_id(db, ObjectId(args["mount"]))
    if mount is not None:
        await _leave(db, mount)


async def end_if_unshared(db: Database, share: ObjectId, owner: ObjectId) -> None:
    """With no member left, nothing is inside the shared folder any more."""
    async with access.sharing_lock(db, owner) as fence:
        if await members.count(db, share) == 0:
            await fence.ensure_held()
            await store.end_share(db, share)


async def _end_purged_shares(db: Database, owner: ObjectId) -> None:
    """Shared folders of the owner that are purged lose their members and mounts;
    mounts of the owner that are purged (with a folder of theirs) end their memberships."""
    for membership in await members.of_user(db, owner):
        if await store.entry_by_id(db, membership["mount_id"], with_purged=False) is None:
            await members.remove(db, membership["share_id"], owner)
    for membership in await members.of_owner(db, owner):
        folder = await store.entry_by_id(db, membership["share_id"], with_purged=False)
        if folder is not None:
            continue
        mount = await store.entry_by_id(db, membership["mount_id"], with_purged=False)
        if mount is not None:
            await leave_mount(db, mount)
        else:
            await members.remove(db, membership["share_id"], membership["user_id"])


@operations.finisher(SUBTREE)
async def finish_subtree(db: Database, args: dict[str, Any]) -> None:
    """Bring a folder's subtree in line with the folder, wherever its operation stopped.

    Purged: what is below is purged. Otherwise what is below goes into the shared
    folder (or none) the folder is in now, and to the trash with it or back with it.
    A move or restore cut short before the folder itself changed is thereby rolled
    back; one cut short after is completed.
    """
    top = await store.entry_by_id(db, ObjectId(args["top"]))
    if top is None:
        return
    if top["deleted"]:
        await _purge_tree(db, top)
        await _end_purged_shares(db, top["owner_id"])
        return
    if top.get("mount_of") is None and top.get("share_id") != top["_id"]:
        parent = await store.entry_by_id(db, top["parent_id"]) if top["parent_id"] else None
        share = None if parent is None else parent.get("share_id")
        was = top.get("share_id")
        if was != share:
            async with journal.change(db=db, owner_id=top["owner_id"]) as seq:
                await store.restamp(db, top, share=share, left=was, seq=seq)
            top = {**top, "share_id": share}
        await _restamp_below(db, top, share=share, left=was)
    if top["trashed"]:
        await _trash_below(db, top, at=top.get("trashed_at") or now())
    else:
        await _restore_below(db, top)
