"""GraphQL face of files and folders: entries, listings, uploads, trash, revisions, search
(the Query and Mutation fields; types in api_types.py, outcomes in api_results.py)."""

from __future__ import annotations

from typing import Annotated, Any

import strawberry
from strawberry.file_uploads import Upload

from dropbox_lite.core import errors
from dropbox_lite.core.api import Info, IsAuthenticated, Long, current_user_id, or_default
from dropbox_lite.core.outcomes import refusals
from dropbox_lite.files import service, trash
from dropbox_lite.files.api_results import (
    CopyEntryResult,
    CreateFolderResult,
    DeleteEntryResult,
    MoveEntryResult,
    RenameEntryResult,
    RestoreEntryResult,
    RestoreRevisionResult,
    UploadFileResult,
)
from dropbox_lite.files.api_types import (
    Entry,
    EntryConnection,
    File,
    Folder,
    Usage,
    WriteMode,
    connection_of,
    entry_type,
    file_type,
    folder_type,
)
from dropbox_lite.sync import cursors


async def root_folder(info: Info, root_id: str) -> Folder:
    """The signed-in user's root folder (User.root)."""
    record = await service.get_folder(
        db=info.context.db, user_id=current_user_id(info), folder_id=root_id
    )
    return folder_type(record)


async def usage_of(info: Info, user_id: str) -> Usage:
    """A user's storage use (User.usage)."""
    found = await service.usage(db=info.context.db, user_id=user_id)
    return Usage(
        used_bytes=Long(found.used_bytes),
        quota_bytes=None if found.quota_bytes is None else Long(found.quota_bytes),
    )


_ID = Annotated[strawberry.ID, strawberry.argument(description="An entry's id.")]
_NAME = Annotated[str, strawberry.argument(description="The new name.")]
_PARENT = Annotated[
    strawberry.ID | None, strawberry.argument(description="The folder (default: the root).")
]


@strawberry.type
class Query:
    @strawberry.field(
        description="An entry by id or by path (exactly one of them).",
        permission_classes=[IsAuthenticated],
    )
    async def entry(
        self,
        info: Info,
        id: Annotated[strawberry.ID | None, strawberry.argument(description="Its id.")] = None,
        path: Annotated[
            str | None, strawberry.argument(description='Its path, such as "/a/b.txt".')
        ] = None,
    ) -> Entry | None:
        user_id = current_user_id(info)
        if (id is None) == (path is None):
            raise errors.BadInput("Give exactly one of `id` and `path`.")
        db = info.context.db
        if id is not None:
            record = await service.get_entry(db=db, user_id=user_id, entry_id=id)
        else:
            assert path is not None
            record = await service.resolve_path(db=db, user_id=user_id, path=path)
        return entry_type(record)

    @strawberry.field(
        description="A folder by id; without an id, the root.",
        permission_classes=[IsAuthenticated],
    )
    async def folder(
        self,
        info: Info,
        id: Annotated[strawberry.ID | None, strawberry.argument(description="Its id.")] = None,
    ) -> Folder:
        record = await service.get_folder(
            db=info.context.db, user_id=current_user_id(info), folder_id=id
        )
        return folder_type(record)

    @strawberry.field(
        description=f"Entries whose name contains `query`, ignoring case; at most "
        f"{service.MAX_SEARCH}.",
        permission_classes=[IsAuthenticated],
    )
    async def search(
        self,
        info: Info,
        query: Annotated[str, strawberry.argument(description="Text to find in names.")],
        first: Annotated[int | None, strawberry.argument(description="How many at most.")] = 50,
    ) -> list[Entry]:
        records = await service.search(
            db=info.context.db,
            user_id=current_user_id(info),
            query=query,
            first=or_default(first, 50),
        )
        return [entry_type(r) for r in records]

    @strawberry.field(
        description="Entries in the trash (deleted explicitly), newest first.",
        permission_classes=[IsAuthenticated],
    )
    async def trash(
        self,
        info: Info,
        first: Annotated[
            int | None, strawberry.argument(description=f"Page size, at most {service.MAX_PAGE}.")
        ] = 100,
        after: Annotated[
            str | None, strawberry.argument(description="`endCursor` of the previous page.")
        ] = None,
    ) -> EntryConnection:
        page = await service.list_trash(
            db=info.context.db,
            user_id=current_user_id(info),
            first=or_default(first, 100),
            after=after,
        )
        return connection_of(page, service.trash_cursor)


@strawberry.type
class Mutation:
    @strawberry.mutation(description="Create a folder.", permission_classes=[IsAuthenticated])
    @refusals
    async def create_folder(
        self,
        info: Info,
        name: Annotated[str, strawberry.argument(description="The folder's name.")],
        parent_id: _PARENT = None,
    ) -> CreateFolderResult:
        record = await service.create_folder(
            db=info.context.db, user_id=current_user_id(info), parent_id=parent_id, name=name
        )
        return folder_type(record)

    @strawberry.mutation(
        description="Upload a file (GraphQL multipart request) with a write mode.",
        permission_classes=[IsAuthenticated],
    )
    @refusals
    async def upload_file(
        self,
        info: Info,
        file: Annotated[Upload, strawberry.argument(description="The file's bytes.")],
        parent_id: _PARENT = None,
        name: Annotated[
            str | None, strawberry.argument(description="Its name (default: the upload's).")
        ] = None,
        mode: Annotated[
            WriteMode | None, strawberry.argument(description="ADD, OVERWRITE or UPDATE.")
        ] = WriteMode.ADD,
        parent_rev: Annotated[
            int | None, strawberry.argument(description="UPDATE: the revision you edited.")
        ] = None,
        autorename: Annotated[
            bool | None,
            strawberry.argument(
                description="Keep the upload under a free name instead of failing."
            ),
        ] = False,
        content_hash: Annotated[
            str | None, strawberry.argument(description="Expected Dropbox content hash.")
        ] = None,
    ) -> UploadFileResult:
        ctx = info.context
        user_id = current_user_id(info)
        upload: Any = file
        filename = name if name is not None else getattr(upload, "filename", None) or ""
        record = await service.store_file(
            db=ctx.db,
            settings=ctx.settings,
            user_id=user_id,
            file_obj=upload,
            folder_id=parent_id,
            name=filename,
            mode=or_default(mode, WriteMode.ADD).value,
            parent_rev=parent_rev,
            autorename=bool(autorename),
            content_hash=content_hash,
            username=ctx.user.username if ctx.user else None,
        )
        return file_type(record)

    @strawberry.mutation(description="Rename an entry.", permission_classes=[IsAuthenticated])
    @refusals
    async def rename_entry(self, info: Info, id: _ID, name: _NAME) -> RenameEntryResult:
        record = await service.rename_entry(
            db=info.context.db, user_id=current_user_id(info), entry_id=id, name=name
        )
        return entry_type(record)

    @strawberry.mutation(
        description="Move an entry into another folder (between your tree and a folder shared "
        "with you: a copy, then a delete).",
        permission_classes=[IsAuthenticated],
    )
    @refusals
    async def move_entry(
        self,
        info: Info,
        id: _ID,
        parent_id: Annotated[strawberry.ID, strawberry.argument(description="Target folder.")],
        name: Annotated[
            str | None, strawberry.argument(description="A new name (default: keep it).")
        ] = None,
    ) -> MoveEntryResult:
        record = await service.move_entry(
            db=info.context.db,
            user_id=current_user_id(info),
            entry_id=id,
            parent_id=parent_id,
            name=name,
        )
        return entry_type(record)

    @strawberry.mutation(
        description="Copy a file or a folder tree (bytes are shared, quota is counted).",
        permission_classes=[IsAuthenticated],
    )
    @refusals
    async def copy_entry(
        self,
        info: Info,
        id: _ID,
        parent_id: Annotated[strawberry.ID, strawberry.argument(description="Target folder.")],
        name: Annotated[
            str | None, strawberry.argument(description="The copy's name (default: the same).")
        ] = None,
    ) -> CopyEntryResult:
        record = await service.copy_entry(
            db=info.context.db,
            user_id=current_user_id(info),
            entry_id=id,
            parent_id=parent_id,
            name=name,
        )
        return entry_type(record)

    @strawberry.mutation(
        description="Move an entry (a folder with its contents) to the trash.",
        permission_classes=[IsAuthenticated],
    )
    @refusals
    async def delete_entry(
        self,
        info: Info,
        id: _ID,
        if_rev: Annotated[
            int | None,
            strawberry.argument(
                description="Only while the file is at this revision: ConflictError (with the "
                "file as it is now) when it moved on. Files only."
            ),
        ] = None,
        unchanged_since: Annotated[
            str | None,
            strawberry.argument(
                description="Folders: a cursor from `changes`; the folder is deleted only when "
                "nothing below it changed after that cursor. Otherwise ConflictError with the "
                "most recently changed file below as `current` (when only folders changed: "
                "BAD_USER_INPUT in errors[] with reason CONFLICT)."
            ),
        ] = None,
    ) -> DeleteEntryResult:
        ctx = info.context
        user_id = current_user_id(info)
        since = None
        if unchanged_since is not None:
            own, mounts = cursors.feed_point(ctx.signer, user_id=user_id, cursor=unchanged_since)
            since = service.Since(own=own, mounts=mounts)
        record = await service.delete_entry(
            db=ctx.db,
            user_id=user_id,
            entry_id=id,
            if_rev=if_rev,
            unchanged_since=since,
        )
        return entry_type(record)

    @strawberry.mutation(
        description="Bring an entry back from the trash to its old place (renamed if taken).",
        permission_classes=[IsAuthenticated],
    )
    @refusals
    async def restore_entry(self, info: Info, id: _ID) -> RestoreEntryResult:
        record = await service.restore_entry(
            db=info.context.db, user_id=current_user_id(info), entry_id=id
        )
        return entry_type(record)

    @strawberry.mutation(
        description="Delete an entry for good (a folder with its contents).",
        permission_classes=[IsAuthenticated],
    )
    async def purge_entry(self, info: Info, id: _ID) -> bool:
        return await service.purge_entry(
            db=info.context.db, user_id=current_user_id(info), entry_id=id
        )

    @strawberry.mutation(
        description="Delete for good everything in your trash that is yours; the number purged.",
        permission_classes=[IsAuthenticated],
    )
    async def empty_trash(self, info: Info) -> int:
        return await trash.empty_trash(db=info.context.db, user_id=current_user_id(info))

    @strawberry.mutation(
        description="Make an old revision the file's newest one.",
        permission_classes=[IsAuthenticated],
    )
    async def restore_revision(
        self,
        info: Info,
        file_id: Annotated[strawberry.ID, strawberry.argument(description="The file.")],
        rev: Annotated[int, strawberry.argument(description="The revision to bring back.")],
    ) -> RestoreRevisionResult:
        db = info.context.db
        user_id = current_user_id(info)
        await service.get_entry(db=db, user_id=user_id, entry_id=file_id)  # NOT_FOUND if not ours
        return await _restore_revision(info=info, file_id=file_id, rev=rev)


@refusals
async def _restore_revision(*, info: Info, file_id: str, rev: int) -> RestoreRevisionResult:
    """restoreRevision for a file known to be the user's (an unknown one: errors[])."""
    record = await service.restore_revision(
        db=info.context.db,
        user_id=current_user_id(info),
        file_id=file_id,
        rev=rev,
        keep=info.context.settings.max_revisions_per_file,
    )
    return file_type(record)


QUERIES: tuple[type, ...] = (Query,)
MUTATIONS: tuple[type, ...] = (Mutation,)
SUBSCRIPTIONS: tuple[type, ...] = ()
TYPES: tuple[type, ...] = (Folder, File)
