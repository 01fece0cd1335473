"""Who may see and change which entry: owners, and members of shared folders.

A shared folder is one of its owner's folders; it and every entry below it carry
`share_id` (the folder's id): the share's namespace. A member sees it through a
*mount*, a folder of their own tree (`mount_of` = the share's id), and the entries
inside by their real ids; their journal, quota and documents stay the owner's.
A member never sees the shared folder's own id: the mount stands for it.

`see` resolves an entry id for a user and `place` a target folder. What `see`
returns is a value, records.Seen: the entry document, the mount it was seen
through (None: the reader's own) and the reader's role. Records made from it
show the mount as the parent of the share's top-level entries, and their paths
go through it (records.entry_record).
"""

from __future__ import annotations

import contextlib
from collections.abc import AsyncIterator, Iterator
from dataclasses import dataclass
from datetime import timedelta

from bson import ObjectId

from dropbox_lite.core import errors, locks
from dropbox_lite.core.db import Database
from dropbox_lite.files import store, subtree
from dropbox_lite.files.entry_doc import EntryDoc
from dropbox_lite.files.records import OWNER, Seen, oid
from dropbox_lite.sharing import members

# The owner's sharing lock: how long to wait for it, and when it is a dead process's.
LOCK_WAIT = 0.05
LOCK_TRIES = 200
LOCK_STALE = timedelta(seconds=30)
VIEWER = members.VIEWER


@dataclass(frozen=True)
class Place:
    """A folder that something is put into, as the writer sees it."""

    owner: ObjectId  # whose journal, documents and quota the new entry goes into
    folder: ObjectId
    share: ObjectId | None  # the shared folder the new entry is in, if any
    mount: ObjectId | None  # the writer's mount when they write into someone's share
    role: str = OWNER  # the writer's (an editor, through a mount)

    def view(self, doc: EntryDoc) -> Seen:
        """The document as the writer sees it (through their mount, if any)."""
        return Seen(doc) if self.mount is None else Seen(doc, via=self.mount, role=self.role)


@contextlib.contextmanager
def owners_quota(into: Place) -> Iterator[None]:
    """A write refused for lack of room says whose quota it is (a shared folder's owner's)."""
    try:
        yield
    except errors.QuotaExceeded as refused:
        if into.mount is None:
            raise
        raise errors.QuotaExceeded(
            "This would exceed the storage quota of the shared folder's owner."
        ) from refused


def zone(doc: EntryDoc) -> ObjectId | None:
    """The shared folder the entry is inside (None for a shared folder itself)."""
    share = doc.get("share_id")
    return None if share is None or share == doc["_id"] else ObjectId(share)


def must_write(role: str) -> None:
    if role == VIEWER:
        raise errors.PermissionDenied()


async def see(
    db: Database,
    user: ObjectId,
    entry_id: str,
    *,
    include_trashed: bool = False,
    write: bool = False,
) -> Seen:
    """The entry the user may see (and change, with `write`); NotFound otherwise.

    Seen through a mount, it carries the mount and the member's role. A viewer asking
    to write gets PermissionDenied.
    """
    found = await store.entry_by_id(db, oid(entry_id), with_purged=False)
    if found is None or (found["trashed"] and not include_trashed):
        raise errors.NotFound()
    if found["owner_id"] == user:
        return Seen(found)
    share = found.get("share_id")
    if share is None or share == found["_id"]:
        raise errors.NotFound()  # not shared, or the shared folder's own id (see the mount)
    membership = await members.find(db, share, user)
    if membership is None:
        raise errors.NotFound()
    if write:
        must_write(membership.role)
    return Seen(found, via=membership.mount_id, role=membership.role)


async def through_mount(
    db: Database, user: ObjectId, mount: ObjectId, share: ObjectId, *, live: bool = True
) -> Seen:
    """The shared folder behind the user's mount, seen through it; NotFound when gone.

    Without `live`, also while its owner has it in the trash (a mount then lists empty).
    """
    membership = await members.find(db, share, user)
    folder = await store.entry_by_id(db, share, with_purged=False)
    if membership is None or folder is None or (live and folder["trashed"]):
        raise errors.NotFound()
    return Seen(folder, via=mount, role=membership.role)


async def place(db: Database, user: ObjectId, folder_id: str) -> Place:
    """The live folder `folder_id` as a place to write into (a mount: its shared folder).

    NotFound when it is not a folder the user can see; PermissionDenied when they
    may only look.
    """
    seen = await see(db, user, folder_id)
    if seen.entry["is_file"]:
        raise errors.NotFound()
    share = seen.entry.get("mount_of")
    if share is not None:
        seen = await through_mount(db, user, seen.entry["_id"], share)
    must_write(seen.role)
    doc = seen.entry
    share = doc.get("share_id")
    return Place(
        owner=doc["owner_id"],
        folder=doc["_id"],
        share=None if share is None else ObjectId(share),
        mount=seen.via,
        role=seen.role,
    )


@contextlib.asynccontextmanager
async def sharing_lock(db: Database, owner: ObjectId) -> AsyncIterator[locks.Fence]:
    """One change to who shares the owner's folders at a time (Conflict when others
    hold it too long): two at once could nest (a folder and its subfolder, each walked
    before the other is marked), or end a share as a member joins it.

    A fenced lock (core/locks.py): call `ensure_held()` on what it yields before each
    write made under it, so a holder that stalled past its lease stops instead of
    writing beside the one that took over."""

    def busy() -> errors.DomainError:
        return errors.Conflict("Another folder of yours is being shared; try again.")

    async with locks.hold(
        db, f"sharing:{owner}", stale_after=LOCK_STALE, tries=LOCK_TRIES, wait=LOCK_WAIT, busy=busy
    ) as fence:
        yield fence


async def no_nesting(db: Database, doc: EntryDoc, into: Place) -> None:
    """InvalidMove when `doc` would put a shared folder (or a mount) into a shared folder."""
    if into.share is None:
        return
    if doc.get("mount_of") is not None or doc.get("share_id") == doc["_id"]:
        raise errors.InvalidMove("A shared folder cannot go into a shared folder.")
    if not doc["is_file"] and zone(doc) is None:
        for below in await subtree.walk(db, doc):
            if below.get("mount_of") is not None or below.get("share_id") == below["_id"]:
                raise errors.InvalidMove("This folder holds a shared folder; shares do not nest.")
