"""Copying a file or a folder tree, and finishing a copy that was cut short."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any, ClassVar, Self

from bson import ObjectId

from dropbox_lite.core import errors
from dropbox_lite.core.db import Database
from dropbox_lite.files import access, cycles, journal, names, operations, store, subtree
from dropbox_lite.files.entries import entry_doc, place
from dropbox_lite.files.quota import release, reserve
from dropbox_lite.files.records import EntryRecord, now, oid
from dropbox_lite.files.settle import settled_record
from dropbox_lite.files.store import DuplicateKeyError


@dataclass(frozen=True)
class Copy(operations.Args):
    """A copy: its `top` (inserted last) and what is `below` it (finish_copy)."""

    kind: ClassVar[str] = "copy"
    top: ObjectId
    below: list[ObjectId]

    @classmethod
    def load(cls, args: Mapping[str, Any]) -> Self:
        # `below` is read only when the top is missing: an intent without it still finishes.
        return cls(top=ObjectId(args["top"]), below=[ObjectId(i) for i in args.get("below", ())])


async def copy_entry(
    *, db: Database, user_id: str, entry_id: str, parent_id: str, name: str | None = None
) -> EntryRecord:
    """Copy a file or a folder tree; copies share blobs but count against the quota."""
    user = oid(user_id)
    seen = await entry_doc(db, user, entry_id)
    if seen.entry.get("parent_id") is None:
        raise errors.BadInput("The root folder cannot be copied.")
    into = await place(db, user, parent_id)
    owner, target_id = into.owner, into.folder
    name = names.validate_name(seen.entry["name"] if name is None else name)
    share = seen.entry.get("mount_of")
    if share is not None:  # a mount's copy: what it shows
        seen = await access.through_mount(db, user, seen.entry["_id"], share)
    doc = seen.entry
    await access.no_nesting(db, doc, into)
    if not doc["is_file"]:
        async for ancestor in cycles.ancestors(db, target_id):
            if ancestor == doc["_id"]:
                raise errors.InvalidMove("A folder cannot be copied into itself or a descendant.")
    tree = [d for d in await subtree.walk(db, doc) if d is doc or not d["trashed"]]
    total = sum(int(d.get("size", 0)) for d in tree if d["is_file"])
    new_ids: dict[ObjectId | None, ObjectId] = {d["_id"]: ObjectId() for d in tree}
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
            await subtree.restore_below(db, copies[0])
        return await settled_record(db, into.view(copies[0]))

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
    below = [new_ids[d["_id"]] for d in tree[1:]]
    return await operations.run(db, owner, steps, Copy(top=top_id, below=below))


@operations.finisher(Copy)
async def finish_copy(db: Database, args: Copy) -> None:
    """A copy cut short: completed when its top is in (it went in last: what is below
    comes out of hiding), else undone (what is below never showed live: it goes).

    The quota it reserved is given back by the next recount (files/repair.py).
    """
    top = await store.entry_by_id(db, args.top)
    if top is not None:
        if not top["deleted"] and not top["trashed"]:
            await subtree.restore_below(db, top)
        return
    await store.forget_unseen(db, args.below)
