"""Changes to the folder tree: new folders, rename, move.

Copy is in copies.py, trash and restore in trashing.py, purge and leaving a shared
folder in purge.py; what every write does after it commits is in settle.py
(`settled_record` is imported here as `_settled_record`: crash tests cut a move short
at that name).
"""

from __future__ import annotations

from typing import Any

from bson import ObjectId

from dropbox_lite.core import errors
from dropbox_lite.core.db import Database
from dropbox_lite.files import access, cycles, journal, names, operations, store, subtree
from dropbox_lite.files.copies import copy_entry
from dropbox_lite.files.entries import movable, place
from dropbox_lite.files.entry_doc import EntryDoc
from dropbox_lite.files.purge import Subtree
from dropbox_lite.files.records import EntryRecord, mime_type_for, now, oid
from dropbox_lite.files.settle import settled_record as _settled_record
from dropbox_lite.files.store import DuplicateKeyError
from dropbox_lite.files.trashing import delete_entry
from dropbox_lite.sharing import members


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
    return await _settled_record(db, into.view(doc))


async def rename_entry(*, db: Database, user_id: str, entry_id: str, name: str) -> EntryRecord:
    """Give an entry a new name in its folder."""
    name = names.validate_name(name)
    seen = await movable(db, user_id, entry_id)
    moved = await _relocate(db, seen.entry, parent=seen.entry["parent_id"], name=name)
    return await _settled_record(db, seen.of(moved))


async def _relocate(
    db: Database,
    doc: EntryDoc,
    *,
    parent: ObjectId | None,
    name: str,
    share: dict[str, Any] | None = None,
) -> EntryDoc:
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
    relocated = store.changed(doc, {**changes, "modified_at": at, "seq": seq})
    if doc.get("mount_of") is not None:
        await _mount_still_held(db, relocated)
    return relocated


async def _mount_still_held(db: Database, mount: EntryDoc) -> None:
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


async def move_entry(
    *, db: Database, user_id: str, entry_id: str, parent_id: str, name: str | None = None
) -> EntryRecord:
    """Move an entry into another folder (never into itself or a descendant)."""
    user = oid(user_id)
    doc = (await movable(db, user_id, entry_id)).entry
    into = await place(db, user, parent_id)
    name = names.validate_name(doc["name"] if name is None else name)
    await access.no_nesting(db, doc, into)
    if into.owner != doc["owner_id"]:
        # Between a member's own tree and a shared folder: a copy, then the original
        # goes to the trash (of the side it was on), each side's quota and journal.
        copied = await copy_entry(
            db=db, user_id=user_id, entry_id=entry_id, parent_id=parent_id, name=name
        )
        await delete_entry(db=db, user_id=user_id, entry_id=entry_id)
        return copied
    target_id = into.folder
    async for ancestor in cycles.ancestors(db, target_id):
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
            await subtree.restamp_below(db, doc, share=None, left=left)
        moved = await _relocate(db, doc, parent=target_id, name=name, share=fields)
        if below:
            # Given last (into a share); and an entry a writer put below while the folder
            # was still where it was (with the old share) is brought in line here, or by
            # its writer's settle, which reads the folder after this wrote it.
            await subtree.restamp_below(db, doc, share=into.share, left=left)
        if not doc["is_file"]:
            # The check above and the write are apart: a concurrent move of the target
            # (or one above it) into this folder can close a cycle meanwhile.
            cycle = await cycles.cycle_through(db, doc["_id"], target_id)
            if cycle is not None and await cycles.claim_revert(db, doc["owner_id"], cycle):
                await cycles.revert_move(db, moved, doc)
                raise errors.InvalidMove()
        return await _settled_record(db, into.view(moved))

    if below:
        return await operations.run(db, doc["owner_id"], steps, Subtree(top=doc["_id"]))
    return await steps()
