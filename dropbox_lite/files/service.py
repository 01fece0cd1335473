"""Files and folders: store_file, fetch_file, list_user_files, folders, trash, revisions."""

from __future__ import annotations

from datetime import UTC, datetime

from bson import ObjectId

from dropbox_lite.core.db import Database
from dropbox_lite.sync import journal


async def create_root_folder(*, db: Database, owner_id: ObjectId, root_id: ObjectId) -> None:
    """The user's root folder (name "", no parent), created with the account."""
    async with journal.change(db=db, owner_id=owner_id) as seq:
        at = datetime.now(UTC)
        await db["entries"].insert_one(
            {
                "_id": root_id,
                "owner_id": owner_id,
                "parent_id": None,
                "name": "",
                "name_key": "",
                "slot": "",
                "is_file": False,
                "created_at": at,
                "modified_at": at,
                "trashed": False,
                "deleted": False,
                "seq": seq,
            }
        )
