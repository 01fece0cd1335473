"""Shared folders in the tree: sharing a folder, its members' mounts, leaving it.

The data model (files/access.py says how it is read): the shared folder and every
entry below it carry `share_id`; each member has a membership (sharing/members.py)
and a mount, a folder of their own tree that stands for the shared folder. Users
are named by id here; sharing/folders.py turns usernames into ids.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from itertools import islice
from typing import Any, ClassVar, Self

from bson import ObjectId

from dropbox_lite.core import errors, locks
from dropbox_lite.core.db import Database
from dropbox_lite.files import access, journal, names, operations, store
from dropbox_lite.files.entries import entry_doc, root_oid
from dropbox_lite.files.entry_doc import EntryDoc
from dropbox_lite.files.purge import end_if_unshared, leave_mount
from dropbox_lite.files.records import OWNER, EntryRecord, entry_record, now, oid
from dropbox_lite.files.store import DuplicateKeyError
from dropbox_lite.files.subtree import walk
from dropbox_lite.sharing import members

# Passes over a folder being shared that look for entries written into it meanwhile.
MARK_ROUNDS = 3
MAX_MOUNT_NAMES = 100
# Members of one shared folder (its owner aside): a folder is not a mailing list.
MAX_MEMBERS = 100


@dataclass(frozen=True)
class MemberRecord:
    user_id: str
    role: str  # editor or viewer (the owner: editor)
    is_owner: bool


@dataclass(frozen=True)
class SharedRecord:
    """What a reader is told about the shared folder an entry is in."""

    share_id: str
    owner_id: str
    role: str  # the reader's: owner, editor or viewer
    folder_id: str  # the shared folder as the reader sees it (a member: their mount)


def _check_role(role: str) -> str:
    if role not in members.ROLES:
        raise errors.BadInput(f"role must be one of {', '.join(members.ROLES)}.")
    return role


async def owned_share(db: Database, user: ObjectId, folder_id: str) -> EntryDoc:
    """The user's own folder to manage members of; PermissionDenied for a member."""
    seen = await entry_doc(db, user, folder_id)
    doc = seen.entry
    if seen.via is not None or doc.get("mount_of") is not None:
        raise errors.PermissionDenied("Only the folder's owner manages its members.")
    if doc["is_file"]:
        raise errors.InvalidInput("Only folders are shared with people; share a file by link.")
    return doc


async def _mark(db: Database, folder: EntryDoc) -> None:
    """Mark the folder and everything in it as inside the share (nothing nests)."""
    share = folder["_id"]
    for _ in range(MARK_ROUNDS):
        tree = await walk(db, folder)
        nested = [
            d for d in tree[1:] if d.get("mount_of") is not None or d.get("share_id") is not None
        ]
        if any(d.get("share_id") not in (None, share) for d in nested) or any(
            d.get("mount_of") is not None for d in nested
        ):
            raise errors.InvalidInput(
                "This folder holds a shared folder; shared folders do not nest."
            )
        unmarked = [d["_id"] for d in tree if d.get("share_id") != share]
        if not unmarked:
            return
        await store.set_share(db, unmarked, share)


async def _mount(
    db: Database,
    *,
    member: ObjectId,
    share: ObjectId,
    owner: ObjectId,
    name: str,
    mount_id: ObjectId,
) -> EntryDoc:
    """The member's mount in their root, under the folder's name or a free variant."""
    root = await root_oid(db, member)
    for candidate in islice(names.name_then_numbered(name), MAX_MOUNT_NAMES):
        at = now()
        try:
            async with journal.change(db=db, owner_id=member) as seq:
                doc = store.new_entry(
                    owner=member,
                    parent=root,
                    name=candidate,
                    is_file=False,
                    seq=seq,
                    at=at,
                    mount_of=(share, owner),
                    entry_id=mount_id,
                )
                await store.insert_entry(db, doc)
        except DuplicateKeyError:
            continue
        return doc
    raise errors.NameTaken()


async def add_member(
    *, db: Database, owner_id: str, folder_id: str, member_id: str, role: str
) -> EntryRecord:
    """Share the owner's folder with a user: a membership and a mount in their root."""
    owner, member = oid(owner_id), oid(member_id)
    role = _check_role(role)
    async with access.sharing_lock(db, owner) as fence:
        return await _add_member(db, owner, folder_id, member, role, fence)


async def _add_member(
    db: Database, owner: ObjectId, folder_id: str, member: ObjectId, role: str, fence: locks.Fence
) -> EntryRecord:
    folder = await owned_share(db, owner, folder_id)
    if folder["parent_id"] is None:
        raise errors.InvalidInput("Your root folder cannot be shared; share a folder in it.")
    if access.zone(folder) is not None:
        raise errors.InvalidInput("This folder is inside a shared folder; shares do not nest.")
    if member == owner:
        raise errors.InvalidInput("You own this folder already.")
    share: ObjectId = folder["_id"]
    if await members.find(db, share, member) is not None:
        raise errors.InvalidInput("This user is a member already; change their role instead.")
    if await members.count(db, share) >= MAX_MEMBERS:
        raise errors.InvalidInput(f"A folder is shared with at most {MAX_MEMBERS} people.")
    mount_id = ObjectId()

    async def steps() -> EntryRecord:
        # The folder marked, then the membership, the mount last: the member's feed
        # follows a mount only while its membership holds it, and a share cut short
        # anywhere before the mount is undone (finish_add).
        await fence.ensure_held()
        await _mark(db, folder)
        await fence.ensure_held()
        added = await members.add(
            db,
            share_id=share,
            owner_id=owner,
            user_id=member,
            role=role,
            mount_id=mount_id,
            at=now(),
        )
        if not added:  # a concurrent add of the same member won
            raise errors.InvalidInput("This user is a member already; change their role instead.")
        try:
            await _mount(
                db, member=member, share=share, owner=owner, name=folder["name"], mount_id=mount_id
            )
        except errors.NameTaken:
            await members.release_mount(db, share, member, mount_id)
            raise
        return entry_record({**folder, "share_id": share})

    adding = AddMember(share=share, member=member, mount=mount_id)
    return await operations.run(db, owner, steps, adding)


@dataclass(frozen=True)
class AddMember(operations.Args):
    """A member added to `share`: their membership, then their `mount` (finish_add)."""

    kind: ClassVar[str] = "add_member"
    share: ObjectId
    member: ObjectId
    mount: ObjectId

    @classmethod
    def load(cls, args: Mapping[str, Any]) -> Self:
        share, member, mount = (ObjectId(args[key]) for key in ("share", "member", "mount"))
        return cls(share=share, member=member, mount=mount)


@operations.finisher(AddMember)
async def finish_add(db: Database, args: AddMember) -> None:
    """A share cut short: complete when the mount is in (it went in last), else undone."""
    if await store.entry_by_id(db, args.mount) is None:
        await members.release_mount(db, args.share, args.member, args.mount)
        if await members.count(db, args.share) == 0:
            await store.end_share(db, args.share)  # a first share undone: the folder is private


async def set_member_role(
    *, db: Database, owner_id: str, folder_id: str, member_id: str, role: str
) -> EntryRecord:
    """Change a member's role (editor or viewer); NotFound when they are not a member."""
    role = _check_role(role)
    folder = await owned_share(db, oid(owner_id), folder_id)
    if not await members.set_role(db, folder["_id"], oid(member_id), role):
        raise errors.NotFound("This user is not a member of this folder.")
    return entry_record(folder)


async def remove_member(*, db: Database, owner_id: str, folder_id: str, member_id: str) -> None:
    """Take a member out: their mount leaves their tree; nothing of the owner's changes."""
    folder = await owned_share(db, oid(owner_id), folder_id)
    membership = await members.find(db, folder["_id"], oid(member_id))
    if membership is None:
        raise errors.NotFound("This user is not a member of this folder.")
    mount = await store.entry_by_id(db, membership.mount_id, with_purged=False)
    if mount is None:
        await members.remove(db, folder["_id"], oid(member_id))
        return
    await leave_mount(db, mount)


async def leave(*, db: Database, user_id: str, folder_id: str) -> None:
    """A member leaves a folder shared with them (by their mount's id, or an id inside)."""
    user = oid(user_id)
    seen = await entry_doc(db, user, folder_id)
    if seen.entry.get("mount_of") is None:
        if seen.via is None:
            raise errors.InvalidInput("You own this folder; remove its members instead.")
        seen = await entry_doc(db, user, str(seen.via))
    await leave_mount(db, seen.entry)


async def member_list(db: Database, folder: EntryRecord) -> list[MemberRecord]:
    """The owner and members of the shared folder a folder is (in), owner first."""
    share = folder.mount_of or folder.share_id
    if share is None:
        return []
    found = await members.of_share(db, ObjectId(share))
    if not found:
        return []
    owner = str(found[0].owner_id)
    return [MemberRecord(user_id=owner, role=members.EDITOR, is_owner=True)] + [
        MemberRecord(user_id=str(m.user_id), role=m.role, is_owner=False) for m in found
    ]


async def shared_records(
    *, db: Database, user_id: str, records: list[EntryRecord]
) -> list[SharedRecord | None]:
    """For each record read by the user: the shared folder it is (in), or None (one query)."""
    user = oid(user_id)
    shares = {ObjectId(r.mount_of or r.share_id) for r in records if r.mount_of or r.share_id}
    if not shares:
        return [None] * len(records)
    found = await members.of_shares(db, list(shares))
    owners = {m.share_id: m.owner_id for m in found}
    mine = {m.share_id: m for m in found if m.user_id == user}
    result: list[SharedRecord | None] = []
    for record in records:
        share_text = record.mount_of or record.share_id
        share = None if share_text is None else ObjectId(share_text)
        owner = None if share is None else owners.get(share)
        if share is None or owner is None:
            result.append(None)  # not shared (any more)
        elif owner == user:
            result.append(SharedRecord(str(share), str(owner), OWNER, str(share)))
        elif share in mine:
            membership = mine[share]
            result.append(
                SharedRecord(str(share), str(owner), membership.role, str(membership.mount_id))
            )
        else:
            result.append(None)
    return result


async def forget_user(*, db: Database, user_id: str) -> None:
    """Before an account goes: its shared folders leave their members' trees (their
    feeds report the mounts DELETED), and it leaves the folders shared with it."""
    user = oid(user_id)
    for membership in await members.of_owner(db, user):
        mount = await store.entry_by_id(db, membership.mount_id, with_purged=False)
        if mount is not None:
            await leave_mount(db, mount)
        else:
            await members.remove(db, membership.share_id, membership.user_id)
    for membership in await members.of_user(db, user):
        await members.remove(db, membership.share_id, user)
        await end_if_unshared(db, membership.share_id, membership.owner_id)


@dataclass(frozen=True)
class MountRecord:
    """A member's mount, as their change feed follows it."""

    mount_id: ObjectId
    share_id: ObjectId
    owner_id: ObjectId
    seq: int  # the member's change number of the mount's latest change
    live: bool  # not in the member's trash (with a folder of theirs)


async def mounts(*, db: Database, user_id: str) -> list[MountRecord]:
    """The user's mounts that are not purged (one query)."""
    user = oid(user_id)
    docs = await store.mounts_of(db, user)
    if not docs:
        return []
    # A mount counts only while its membership holds it: the feed never follows a mount
    # document alone (one left by a share or a removal cut short).
    held = {m.mount_id for m in await members.of_user(db, user)}
    return [
        MountRecord(
            mount_id=doc["_id"],
            share_id=doc["mount_of"],
            owner_id=doc["mount_owner"],
            seq=int(doc.get("seq", 0)),
            live=not doc.get("trashed"),
        )
        for doc in docs
        if doc["_id"] in held
    ]


async def usernames(*, db: Database, user_ids: list[str]) -> list[str | None]:
    """The username of each user id (None for none), in one query."""
    wanted = [ObjectId(i) for i in user_ids if ObjectId.is_valid(i)]
    found = await store.usernames(db, wanted)
    return [found.get(ObjectId(i)) if ObjectId.is_valid(i) else None for i in user_ids]
