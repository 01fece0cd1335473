"""Sharing folders with other users by username (the face of files' shared folders).

Who is asked for goes by username; an unknown one is NotFound, the same answer as
a folder the caller may not see, so these mutations tell nothing about usernames
beyond what sign-up already does. Only a folder's owner manages its members.
"""

from __future__ import annotations

from dropbox_lite.auth import service as auth
from dropbox_lite.core.db import Database
from dropbox_lite.files import service as files
from dropbox_lite.files.service import EntryRecord


async def _user_id(db: Database, username: str) -> str:
    return (await auth.find_user(db=db, username=username)).id


async def share_folder(
    *, db: Database, user_id: str, folder_id: str, username: str, role: str
) -> EntryRecord:
    """Share the user's folder with another user as EDITOR or VIEWER (a mount in their root)."""
    await files.get_entry(db=db, user_id=user_id, entry_id=folder_id)  # NotFound first
    member = await _user_id(db, username)
    return await files.add_member(
        db=db, owner_id=user_id, folder_id=folder_id, member_id=member, role=role
    )


async def update_member(
    *, db: Database, user_id: str, folder_id: str, username: str, role: str
) -> EntryRecord:
    """Change a member's role in the user's shared folder."""
    await files.get_entry(db=db, user_id=user_id, entry_id=folder_id)
    member = await _user_id(db, username)
    return await files.set_member_role(
        db=db, owner_id=user_id, folder_id=folder_id, member_id=member, role=role
    )


async def remove_member(*, db: Database, user_id: str, folder_id: str, username: str) -> bool:
    """Take a member out of the user's shared folder; their mount leaves their tree."""
    await files.get_entry(db=db, user_id=user_id, entry_id=folder_id)
    member = await _user_id(db, username)
    await files.remove_member(db=db, owner_id=user_id, folder_id=folder_id, member_id=member)
    return True


async def leave_folder(*, db: Database, user_id: str, folder_id: str) -> bool:
    """Leave a folder shared with the user (by their mount's id)."""
    await files.leave(db=db, user_id=user_id, folder_id=folder_id)
    return True
