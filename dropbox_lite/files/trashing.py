"""Moving an entry to the trash (a folder with all below it) and back."""

from __future__ import annotations

from dataclasses import dataclass

from bson import ObjectId

from dropbox_lite.core import errors
from dropbox_lite.core.db import Database
from dropbox_lite.files import access, journal, names, operations, store, subtree
from dropbox_lite.files.entries import entry_doc, movable, root_oid
from dropbox_lite.files.entry_doc import EntryDoc
from dropbox_lite.files.purge import Subtree, leave_mount
from dropbox_lite.files.records import EntryRecord, Seen, now, oid
from dropbox_lite.files.settle import settled_record
from dropbox_lite.files.store import DuplicateKeyError


@dataclass(frozen=True)
class Since:
    """A point in a user's change feed (a cursor's positions): their own journal's
    number, and each mount's (by mount id) in its owner's journal."""

    own: int
    mounts: dict[ObjectId, int]

    def of(self, seen: Seen) -> int | None:
        """The number in the journal `seen` is numbered by, as its reader reached it."""
        return self.own if seen.via is None else self.mounts.get(seen.via)


async def _changed_below(db: Database, seen: Seen, since: Since) -> None:
    """Conflict when anything below the folder `seen` changed after `since`.

    The entries below are read in one walk (a round trip per level) and compared by
    their change numbers; a mount whose part of the feed the reader has not begun
    counts as changed. The Conflict's `current` is the most recent changed file (None
    when only folders changed).
    """
    seq = since.of(seen)
    below = (await subtree.walk(db, seen.entry))[1:]
    changed = [d for d in below if seq is None or int(d.get("seq", 0)) > seq]
    if not changed:
        return
    files = sorted((d for d in changed if d["is_file"]), key=lambda d: int(d.get("seq", 0)))
    current = seen.of(files[-1]).record() if files else None
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
    seen = await movable(db, user_id, entry_id)
    doc = seen.entry
    if if_rev is not None and not doc["is_file"]:
        raise errors.BadInput("ifRev applies to files only.")
    if unchanged_since is not None and doc["is_file"]:
        raise errors.BadInput("unchangedSince applies to folders only: use ifRev for files.")
    if if_rev is not None and int(doc.get("rev", 0)) != if_rev:
        raise errors.Conflict(current=seen.record(), your_parent_rev=if_rev)
    if unchanged_since is not None:
        await _changed_below(db, seen, unchanged_since)
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
        # The folder first, then what is below it (see settle.settle); an operation cut
        # short in between is finished by finish_subtree.
        async with journal.change(db=db, owner_id=owner) as seq:
            trashed_now = await store.trash_alone(
                db, doc["_id"], {**changes, "seq": seq}, rev=if_rev
            )
        if not trashed_now:
            now_doc = await store.entry_by_id(db, doc["_id"], with_purged=False)
            if if_rev is not None and now_doc is not None and not now_doc["trashed"]:
                current = seen.of(now_doc).record()
                raise errors.Conflict(current=current, your_parent_rev=if_rev)
            raise errors.NotFound()
        trashed = seen.of(store.changed(doc, {**changes, "seq": seq})).record()
        if not doc["is_file"]:
            await subtree.trash_below(db, doc, at=at)
        return trashed

    if doc["is_file"]:
        return await steps()  # one document
    return await operations.run(db, owner, steps, Subtree(top=doc["_id"]))


async def restore_entry(*, db: Database, user_id: str, entry_id: str) -> EntryRecord:
    """Bring an entry back from the trash to its old folder (renamed if the name is taken).

    When its old folder is itself gone, it comes back to the top of its shared folder,
    or else (the owner only) into the owner's root. A member cannot restore into the
    owner's private tree: with the shared folder gone too, PermissionDenied.
    """
    seen = await entry_doc(db, oid(user_id), entry_id, include_trashed=True, write=True)
    doc = seen.entry
    if not doc["trashed"] or not doc.get("trash_root"):
        raise errors.NotFound("This entry is not in the trash.")
    owner: ObjectId = doc["owner_id"]
    parent_live = await store.find_live_folder(db, owner, doc["parent_id"])
    zone = access.zone(doc)
    parent = doc["parent_id"]
    if not parent_live:
        if zone is not None and await store.find_live_folder(db, owner, zone):
            parent = zone
        elif seen.via is not None:
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
            await subtree.restamp_below(db, doc, share=None, left=left)
        restored: EntryDoc | None = None
        for candidate in names.name_then_numbered(doc["name"]):
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
            restored = store.changed(doc, {**changes, "seq": seq})
            break
        if restored is None:
            raise errors.NameTaken()
        # The entry first, then what is below it: see settle.settle.
        if not doc["is_file"]:
            await subtree.restore_below(db, doc)
        return await settled_record(db, seen.of(restored))

    if doc["is_file"]:
        return await steps()  # one document
    return await operations.run(db, owner, steps, Subtree(top=doc["_id"]))
