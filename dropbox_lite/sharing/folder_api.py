"""GraphQL face of folders shared with other users: members, roles, leaving."""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from typing import Annotated

import strawberry

from dropbox_lite.auth.api import InvalidInputError
from dropbox_lite.core.api import Info, IsAuthenticated, current_user_id
from dropbox_lite.core.outcomes import refusals
from dropbox_lite.files.api_results import (
    NotFoundError,
    PermissionDeniedError,
)
from dropbox_lite.files.api_types import (
    Folder,
    MemberRole,
    folder_type,
)
from dropbox_lite.files.service import EntryRecord
from dropbox_lite.sharing import folders

ShareFolderResult = Annotated[
    Folder | NotFoundError | InvalidInputError | PermissionDeniedError,
    strawberry.union("ShareFolderResult"),
]
UpdateMemberResult = Annotated[
    Folder | NotFoundError | InvalidInputError | PermissionDeniedError,
    strawberry.union("UpdateMemberResult"),
]

_FOLDER = Annotated[
    strawberry.ID, strawberry.argument(description="The shared folder (a member: their mount).")
]
_USERNAME = Annotated[str, strawberry.argument(description="The member's username.")]
_ROLE = Annotated[MemberRole, strawberry.argument(description="EDITOR or VIEWER.")]


async def _membership(
    info: Info,
    change: Callable[..., Awaitable[EntryRecord]],
    folder_id: strawberry.ID,
    username: str,
    role: MemberRole,
) -> Folder:
    """Add a member or change their role: the folder."""
    record = await change(
        db=info.context.db,
        user_id=current_user_id(info),
        folder_id=str(folder_id),
        username=username,
        role=role.value,
    )
    return folder_type(record)


@strawberry.type
class Mutation:
    @strawberry.mutation(
        description="Share your folder with another user; it appears in their root folder. "
        "Shared folders do not nest.",
        permission_classes=[IsAuthenticated],
    )
    @refusals
    async def share_folder(
        self, info: Info, folder_id: _FOLDER, username: _USERNAME, role: _ROLE
    ) -> ShareFolderResult:
        return await _membership(info, folders.share_folder, folder_id, username, role)

    @strawberry.mutation(
        description="Change what a member of your shared folder may do.",
        permission_classes=[IsAuthenticated],
    )
    @refusals
    async def update_member(
        self, info: Info, folder_id: _FOLDER, username: _USERNAME, role: _ROLE
    ) -> UpdateMemberResult:
        return await _membership(info, folders.update_member, folder_id, username, role)

    @strawberry.mutation(
        description="Take a member out of your shared folder (it leaves their tree; "
        "nothing of yours is deleted).",
        permission_classes=[IsAuthenticated],
    )
    async def remove_member(self, info: Info, folder_id: _FOLDER, username: _USERNAME) -> bool:
        return await folders.remove_member(
            db=info.context.db,
            user_id=current_user_id(info),
            folder_id=str(folder_id),
            username=username,
        )

    @strawberry.mutation(
        description="Leave a folder shared with you (it leaves your tree).",
        permission_classes=[IsAuthenticated],
    )
    async def leave_folder(self, info: Info, folder_id: _FOLDER) -> bool:
        return await folders.leave_folder(
            db=info.context.db, user_id=current_user_id(info), folder_id=str(folder_id)
        )


QUERIES: tuple[type, ...] = ()
MUTATIONS: tuple[type, ...] = (Mutation,)
SUBSCRIPTIONS: tuple[type, ...] = ()
TYPES: tuple[type, ...] = ()
