"""Deleting for good: an entry (a folder with all below it), a member's mount (leaving
a shared folder), and finishing a subtree operation or a leave that was cut short."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any, ClassVar, Self

from bson import ObjectId

from dropbox_lite.core import errors
from dropbox_lite.core.db import Database
from dropbox_lite.files import access, journal, operations, store, subtree
from dropbox_lite.files.entries import entry_doc
from dropbox_lite.files.entry_doc import EntryDoc
from dropbox_lite.files.quota import release
from dropbox_lite.files.records import EntryRecord, entry_record, now, oid
from dropbox_lite.sharing import members


@dataclass(frozen=True)
class Subtree(operations.Args):
    """The operation (files/operations.py) of a move, trash, restore or purge of a
    folder: `top`, the folder (finish_subtree)."""

    kind: ClassVar[str] = "subtree"
    top: ObjectId

    @classmethod
    def load(cls, args: Mapping[str, Any]) -> Self:
        return cls(top=ObjectId(args["top"]))


@dataclass(frozen=True)
class Leave(operations.Args):
    """A member's mount leaving their tree, and their membership of `share` (finish_leave)."""

    kind: ClassVar[str] = "leave"
    mount: ObjectId
    share: ObjectId | None  # stored for the record; the finisher needs only the mount

    @classmethod
    def load(cls, args: Mapping[str, Any]) -> Self:
        share = args.get("share")
        return cls(mount=ObjectId(args["mount"]), share=None if share is None else ObjectId(share))


async def _subtree(
    db: Database, root: EntryDoc, *, include_deleted: bool = False
) -> list[EntryDoc]:
    """The entry and every entry below it that is not purged (see subtree.walk)."""
    return await subtree.walk(db, root, include_deleted=include_deleted)


async def _purge_one(db: Database, entry: EntryDoc) -> tuple[int, int]:
    """Purge one entry (a tombstone stays): the bytes this call freed, and of them history."""
    async with journal.change(db=db, owner_id=entry["owner_id"]) as seq:
        purged = await store.mark_purged(db, entry, seq=seq)
    if not entry["is_file"]:
        return 0, 0
    # Old revisions one by one: one that expired meanwhile was given back by its expiry.
    history = 0
    async for old in store.revisions_up_to(db, entry["_id"], int(entry.get("rev", 0)), below=True):
        if await store.delete_revision(db, old.id):
            history += old.size
    # Also when someone else purged it: a revision recorded after their purge
    # (an upload racing it) must not keep the bytes referenced.
    await store.drop_revisions(db, entry["_id"])
    current = int(entry.get("size", 0)) if purged else 0
    return current + history, history


async def purge_tree(db: Database, top: EntryDoc) -> None:
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
    # writer sees the purge when it settles (see settle.settle).
    for _ in range(subtree.SETTLE_ROUNDS):
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
    seen = await entry_doc(db, oid(user_id), entry_id, include_trashed=True)
    doc = seen.entry
    if doc.get("parent_id") is None:
        raise errors.BadInput("The root folder cannot be purged.")
    if seen.via is not None:
        raise errors.PermissionDenied("Only the owner of a shared folder deletes for good.")
    if doc.get("mount_of") is not None:
        await leave_mount(db, doc)
        return True
    if doc["is_file"]:
        await purge_tree(db, doc)  # one entry and its history
    else:

        async def steps() -> None:
            await purge_tree(db, doc)
            await _end_purged_shares(db, doc["owner_id"])

        await operations.run(db, doc["owner_id"], steps, Subtree(top=doc["_id"]))
    return True


async def leave_mount(db: Database, mount: EntryDoc) -> EntryRecord:
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
        db, mount["owner_id"], steps, Leave(mount=mount["_id"], share=mount["mount_of"])
    )
    return entry_record({**mount, "trashed": True, "deleted": True, "seq": seq})


async def _leave(db: Database, mount: EntryDoc) -> int:
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


@operations.finisher(Leave)
async def finish_leave(db: Database, args: Leave) -> None:
    """A removal or leave cut short: the mount goes, then the membership."""
    mount = await store.entry_by_id(db, args.mount)
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
        if await store.entry_by_id(db, membership.mount_id, with_purged=False) is None:
            await members.remove(db, membership.share_id, owner)
    for membership in await members.of_owner(db, owner):
        folder = await store.entry_by_id(db, membership.share_id, with_purged=False)
        if folder is not None:
            continue
        mount = await store.entry_by_id(db, membership.mount_id, with_purged=False)
        if mount is not None:
            await leave_mount(db, mount)
        else:
            await members.remove(db, membership.share_id, membership.user_id)


@operations.finisher(Subtree)
async def finish_subtree(db: Database, args: Subtree) -> None:
    """Bring a folder's subtree in line with the folder, wherever its operation stopped.

    Purged: what is below is purged. Otherwise what is below goes into the shared
    folder (or none) the folder is in now, and to the trash with it or back with it.
    A move or restore cut short before the folder itself changed is thereby rolled
    back; one cut short after is completed.
    """
    top = await store.entry_by_id(db, args.top)
    if top is None:
        return
    if top["deleted"]:
        await purge_tree(db, top)
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
        await subtree.restamp_below(db, top, share=share, left=was)
    if top["trashed"]:
        await subtree.trash_below(db, top, at=top.get("trashed_at") or now())
    else:
        await subtree.restore_below(db, top)
