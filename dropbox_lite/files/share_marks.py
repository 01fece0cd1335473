"""Queries on the shared-folder marks of entries: mounts, which shared folder an entry is
in (one or many at once, restamped with a change number), member names, and the marks a
folder's WebDAV ETag is made of. store.py re-exports them."""

from __future__ import annotations

from typing import Any

from bson import ObjectId

from dropbox_lite.auth import user_store
from dropbox_lite.core.db import Database
from dropbox_lite.files.entry_doc import ENTRIES, EntryDoc, Mark


async def mounts_of(db: Database, user: ObjectId) -> list[EntryDoc]:
    """The user's mounts that are not purged (live or trashed with a folder of theirs)."""
    query = {"owner_id": user, "mount_of": {"$exists": True}, "deleted": False}
    return [doc async for doc in db.collection(ENTRIES).find(query)]


async def set_share(db: Database, ids: list[ObjectId], share: ObjectId | None) -> None:
    """Mark entries as inside the shared folder `share` (None: inside none)."""
    await db.collection(ENTRIES).update_many({"_id": {"$in": ids}}, {"$set": {"share_id": share}})


async def end_share(db: Database, share: ObjectId) -> None:
    """Nothing is inside the shared folder `share` any more (its last member went)."""
    await db.collection(ENTRIES).update_many({"share_id": share}, {"$set": {"share_id": None}})


async def restamp(
    db: Database, entry: EntryDoc, *, share: ObjectId | None, left: ObjectId | None, seq: int
) -> None:
    """Move an entry that is not purged into the shared folder `share` (or out of `left`)."""
    changes: dict[str, Any] = {"share_id": share, "seq": seq}
    if left is not None:
        changes["left_share"] = left
    await db.collection(ENTRIES).update_one(
        {"_id": entry["_id"], "deleted": False}, {"$set": changes}
    )


async def usernames(db: Database, user_ids: list[ObjectId]) -> dict[ObjectId, str]:
    """The usernames of users (members of shared folders are shown by name)."""
    return await user_store.usernames(db=db, user_ids=user_ids)


async def marks_below(db: Database, owner: ObjectId, parents: list[ObjectId]) -> list[Mark]:
    """Every entry in these folders of one owner, whatever its state: only what a
    folder's WebDAV ETag and size are made of, and what a walk down needs (listing index)."""
    cursor = db.collection(ENTRIES).find(
        {"owner_id": owner, "parent_id": {"$in": parents}},
        dict.fromkeys(Mark.__annotations__, 1),  # the projection is the type's keys
    )
    return [doc async for doc in cursor]


async def restamp_many(
    db: Database, ids: list[ObjectId], *, share: ObjectId | None, left: ObjectId | None, seq: int
) -> int:
    """Put the entries (not purged) into the shared folder `share` (or none), in one write.

    `left`: the shared folder they leave, whose members' feeds then report them gone.
    """
    if not ids:
        return 0
    changes: dict[str, Any] = {"share_id": share, "seq": seq}
    if left is not None:
        changes["left_share"] = left
    result = await db.collection(ENTRIES).update_many(
        {"_id": {"$in": ids}, "deleted": False}, {"$set": changes}
    )
    return int(result.modified_count)
