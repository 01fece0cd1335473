"""Entries written straight to the database, through the journal as the files service does.

The feed tests do not depend on the files service: they change entries the way
every writer must (journal.change, `seq` written in the block).
"""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

from bson import ObjectId

from dropbox_lite.core.db import Database
from dropbox_lite.files import journal


async def root_of(db: Database, user_id: str) -> ObjectId:
    user = await db["users"].find_one({"_id": ObjectId(user_id)})
    assert user is not None
    root: ObjectId = user["root_id"]
    return root


async def put(
    db: Database, user_id: str, name: str, *, parent: ObjectId | None = None, is_file: bool = True
) -> ObjectId:
    """A new live entry under `parent` (default: the root)."""
    owner = ObjectId(user_id)
    parent = parent or await root_of(db, user_id)
    entry_id = ObjectId()
    async with journal.change(db=db, owner_id=owner) as seq:
        await db["entries"].insert_one(
            new_doc(owner, name, parent=parent, seq=seq, is_file=is_file, entry_id=entry_id)
        )
    return entry_id


def new_doc(
    owner: ObjectId,
    name: str,
    *,
    parent: ObjectId,
    seq: int,
    is_file: bool = True,
    entry_id: ObjectId | None = None,
) -> dict[str, Any]:
    at = datetime.now(UTC)
    return {
        "_id": entry_id or ObjectId(),
        "owner_id": owner,
        "parent_id": parent,
        "name": name,
        "name_key": name.casefold(),
        "slot": name.casefold(),
        "is_file": is_file,
        "size": 0,
        "rev": 1 if is_file else 0,
        "created_at": at,
        "modified_at": at,
        "trashed": False,
        "trash_root": False,
        "deleted": False,
        "seq": seq,
    }


async def update(db: Database, user_id: str, entry_id: ObjectId, **fields: Any) -> int:
    """Change an entry's fields; its `seq` moves to the new change's number."""
    owner = ObjectId(user_id)
    async with journal.change(db=db, owner_id=owner) as seq:
        result = await db["entries"].update_one(
            {"_id": entry_id, "owner_id": owner}, {"$set": {**fields, "seq": seq}}
        )
        assert result.matched_count == 1
    return seq


async def trash(db: Database, user_id: str, entry_id: ObjectId) -> int:
    return await update(db, user_id, entry_id, trashed=True, trash_root=True)


async def purge(db: Database, user_id: str, entry_id: ObjectId) -> int:
    return await update(db, user_id, entry_id, trashed=True, deleted=True)


async def live_tree(db: Database, user_id: str) -> dict[str, tuple[str | None, str]]:
    """The server's live entries: id -> (parent id, name)."""
    found: dict[str, tuple[str | None, str]] = {}
    async for doc in db["entries"].find(
        {"owner_id": ObjectId(user_id), "trashed": False, "deleted": {"$ne": True}}
    ):
        parent = doc.get("parent_id")
        found[str(doc["_id"])] = (str(parent) if parent else None, doc["name"])
    return found
