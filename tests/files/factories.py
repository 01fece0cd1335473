"""Small factories for the files tests: a user, a stream of N bytes, uploads."""

from __future__ import annotations

from typing import Any

from bson import ObjectId

from dropbox_lite.core.config import Settings
from dropbox_lite.core.db import Database
from dropbox_lite.files import service


class Stream:
    """An upload body for store_file: bytes handed out in slices of `read(n)`."""

    def __init__(self, data: bytes, *, fail_after: int | None = None) -> None:
        self.data = data
        self.position = 0
        self.fail_after = fail_after

    async def read(self, size: int = -1) -> bytes:
        if self.fail_after is not None and self.position >= self.fail_after:
            raise ConnectionResetError("the client went away")
        if size < 0:
            size = len(self.data) - self.position
        piece = self.data[self.position : self.position + size]
        self.position += len(piece)
        return piece


async def make_user(db: Database, *, quota: int | None = None, username: str = "alice") -> str:
    user_id, root_id = ObjectId(), ObjectId()
    await db["users"].insert_one(
        {
            "_id": user_id,
            "username": f"{username}{user_id}"[:32],
            "username_key": f"{username}{user_id}"[:32],
            "password_hash": "x",
            "root_id": root_id,
            "quota_bytes": quota,
        }
    )
    await service.create_root_folder(db=db, owner_id=user_id, root_id=root_id)
    return str(user_id)


async def upload(
    db: Database,
    settings: Settings,
    user_id: str,
    data: bytes,
    name: str = "a.txt",
    folder_id: str | None = None,
    **kwargs: Any,
) -> service.EntryRecord:
    return await service.store_file(
        db=db,
        settings=settings,
        user_id=user_id,
        file_obj=Stream(data),
        folder_id=folder_id,
        name=name,
        **kwargs,
    )
