"""GraphQL face of files and folders: entries, listings, uploads, trash, revisions, search."""

from __future__ import annotations

import enum
from collections.abc import Awaitable, Callable
from datetime import datetime
from typing import Annotated, Any

import strawberry
from strawberry.dataloader import DataLoader
from strawberry.file_uploads import Upload

from dropbox_lite.core import errors
from dropbox_lite.core.api import (
    Error,
    Info,
    IsAuthenticated,
    Long,
    current_user_id,
    or_default,
)
from dropbox_lite.core.outcomes import answers, refusals
from dropbox_lite.files import links, service, thumbnails, trash, zipstream
from dropbox_lite.files.service import EntryRecord
from dropbox_lite.sharing import badges
from dropbox_lite.sync import cursors


@strawberry.interface(description="A file or a folder in a user's tree.")
class Entry:
    id: strawberry.ID = strawberry.field(description="Opaque id; stays the same across moves.")
    name: str = strawberry.field(description='The name, case preserved ("" for the root).')
    parent_id: strawberry.ID | None = strawberry.field(
        description="The containing folder (null for the root)."
    )
    modified_at: datetime = strawberry.field(description="Last change of content or name.")
    trashed: bool = strawberry.field(description="In the trash (deleted, not yet purged).")
    record: strawberry.Private[EntryRecord]
    # Set for a share-link visitor's view of their own upload: the path they may see.
    visitor_path: strawberry.Private[str | None] = None

    @strawberry.field(description="When it went to the trash; null while it is live.")
    def trashed_at(self) -> datetime | None:
        return self.record.trashed_at if self.record.trashed else None

    @strawberry.field(description='The path from the root, such as "/a/b.txt"; the root is "/".')
    async def path(self, info: Info) -> str:
        if self.visitor_path is not None:
            return self.visitor_path
        readers_only(info, self.record)
        return await service.entry_path(
            db=info.context.db, record=self.record, load=path_nodes(info).load
        )

    @strawberry.field(
        description="Whether it has a live share link (not revoked, not expired) that you can "
        "list with shareLinks: for a listing's badge. Batched: a whole page costs one query."
    )
    async def has_link(self, info: Info) -> bool:
        if self.visitor_path is not None or info.context.user is None:
            return False
        return await link_badge_loader(info).load(self.record.id)

    @strawberry.field(
        description="The shared folder this entry is (in), as you see it; null when not shared."
    )
    async def shared(self, info: Info) -> SharedInfo | None:
        if self.visitor_path is not None:
            return None
        readers_only(info, self.record)
        found = await shared_loader(info).load(self.record)
        if found is None:
            return None
        owner = (await username_loader(info).load(found.owner_id)) or ""
        role = MemberRole.EDITOR if found.role == "owner" else MemberRole(found.role)
        return SharedInfo(
            owner_username=owner,
            your_role=role,
            you_own=found.role == "owner",
            folder_id=strawberry.ID(found.folder_id),
        )


@strawberry.enum(description="What a member of a shared folder may do.")
class MemberRole(enum.Enum):
    EDITOR = "editor"
    VIEWER = "viewer"


@strawberry.type(description="Another user, as members of a shared folder see them.")
class Member:
    username: str = strawberry.field(description="Their username.")


@strawberry.type(description="The owner or a member of a shared folder.")
class FolderMember:
    user: Member = strawberry.field(description="Who.")
    role: MemberRole = strawberry.field(description="What they may do (the owner: EDITOR).")
    is_owner: bool = strawberry.field(description="The folder is theirs.")


@strawberry.type(description="The shared folder an entry is (in), as the reader sees it.")
class SharedInfo:
    owner_username: str = strawberry.field(description="Whose folder it is.")
    your_role: MemberRole = strawberry.field(description="What you may do (the owner: EDITOR).")
    you_own: bool = strawberry.field(description="The shared folder is yours.")
    folder_id: strawberry.ID = strawberry.field(
        description="The shared folder as you see it (a member: the folder in their tree)."
    )


def shared_loader(info: Info) -> DataLoader[EntryRecord, service.SharedRecord | None]:
    """This request's loader of what entries' shared folders are (Entry.shared)."""
    loaders = info.context.loaders
    loader: DataLoader[EntryRecord, service.SharedRecord | None] | None = loaders.get(
        "files.shared"
    )
    if loader is None:
        db, user = info.context.db, current_user_id(info)

        async def batch(records: list[EntryRecord]) -> list[service.SharedRecord | None]:
            return await service.shared_records(db=db, user_id=user, records=records)

        loader = DataLoader(load_fn=batch, cache_key_fn=lambda r: (r.id, r.via))
        loaders["files.shared"] = loader
    return loader


def link_badge_loader(info: Info) -> DataLoader[str, bool]:
    """This request's loader of whether entries have a live share link (Entry.hasLink)."""
    loaders = info.context.loaders
    loader: DataLoader[str, bool] | None = loaders.get("files.has_link")
    if loader is None:
        db, user = info.context.db, current_user_id(info)

        async def batch(ids: list[str]) -> list[bool]:
            linked = await badges.linked_entries(db=db, user_id=user, entry_ids=ids)
            return [entry_id in linked for entry_id in ids]

        loader = DataLoader(load_fn=batch)
        loaders["files.has_link"] = loader
    return loader


def username_loader(info: Info) -> DataLoader[str, str | None]:
    """This request's loader of usernames by user id (members of shared folders)."""
    loaders = info.context.loaders
    loader: DataLoader[str, str | None] | None = loaders.get("files.usernames")
    if loader is None:
        db = info.context.db

        async def batch(ids: list[str]) -> list[str | None]:
            return await service.usernames(db=db, user_ids=ids)

        loader = DataLoader(load_fn=batch)
        loaders["files.usernames"] = loader
    return loader


def path_nodes(info: Info) -> DataLoader[str, service.PathNode | None]:
    """This request's loader of entries' names and parents (Entry.path)."""
    loaders = info.context.loaders
    loader: DataLoader[str, service.PathNode | None] | None = loaders.get("files.path_nodes")
    if loader is None:
        db = info.context.db

        async def batch(ids: list[str]) -> list[service.PathNode | None]:
            return await service.load_path_nodes(db=db, ids=ids)

        loader = DataLoader(load_fn=batch)
        loaders["files.path_nodes"] = loader
    return loader


def readers_only(info: Info, record: EntryRecord) -> None:
    """NotFound unless the entry was read for the signed-in user: theirs, or in a folder
    shared with them (a share-link visitor never reads paths or history)."""
    user = info.context.user
    if user is None or (user.id != record.owner_id and record.via is None):
        raise errors.NotFound()


def signed_download(info: Info, *, file_id: str, rev: int, expires_in: int) -> str:
    """The owner's signed download URL, bound to the session that asks for it.

    It stops working when that session ends (logout, password change, a disabled
    account), not only when it expires: files/routes.py checks the session.
    """
    ctx = info.context
    if ctx.session is None or ctx.user is None:
        raise errors.NotFound()
    return links.download_url(
        settings=ctx.settings,
        signer=ctx.signer,
        file_id=file_id,
        rev=rev,
        expires_in=expires_in,
        session_id=ctx.session.id,
        user_id=ctx.user.id,
    )


@strawberry.type(description="Where a page of a connection starts and ends.")
class PageInfo:
    has_next_page: bool = strawberry.field(description="More items follow `endCursor`.")
    has_previous_page: bool = strawberry.field(description="Items precede `startCursor`.")
    start_cursor: str | None = strawberry.field(description="Cursor of the first item.")
    end_cursor: str | None = strawberry.field(description="Pass as `after` for the next page.")


@strawberry.type(description="One entry of a connection with its cursor.")
class EntryEdge:
    node: Entry = strawberry.field(description="The entry.")
    cursor: str = strawberry.field(description="Opaque; pass as `after` to continue after it.")


@strawberry.type(description="A page of entries (Relay connection).")
class EntryConnection:
    edges: list[EntryEdge] = strawberry.field(description="The entries of this page.")
    page_info: PageInfo = strawberry.field(description="Cursors and whether more follow.")
    known_total: strawberry.Private[int | None] = None
    # Counting is a query of its own: made only when totalCount is asked for.
    counter: strawberry.Private[Callable[[], Awaitable[int]] | None] = None

    @strawberry.field(description="Entries in the whole listing.")
    async def total_count(self) -> int:
        if self.known_total is None and self.counter is not None:
            self.known_total = await self.counter()
        return self.known_total or 0


@strawberry.type(description="A folder.")
class Folder(Entry):
    @strawberry.field(
        description="A signed URL that downloads the folder as a zip (GET /files/{id}/zip) "
        "for 5 minutes, while this session lasts."
    )
    def zip_url(self, info: Info) -> str:
        readers_only(info, self.record)
        ctx = info.context
        if ctx.session is None or ctx.user is None:
            raise errors.NotFound()
        return zipstream.zip_url(
            settings=ctx.settings,
            signer=ctx.signer,
            folder_id=self.record.id,
            session_id=ctx.session.id,
            user_id=ctx.user.id,
        )

    @strawberry.field(
        description="Its children: folders first, then by name ignoring case. "
        f"`first` is capped at {service.MAX_PAGE}."
    )
    async def children(
        self,
        info: Info,
        first: Annotated[int | None, strawberry.argument(description="Page size.")] = 100,
        after: Annotated[
            str | None, strawberry.argument(description="`endCursor` of the previous page.")
        ] = None,
    ) -> EntryConnection:
        db, record = info.context.db, self.record
        page = await service.list_children(
            db=db,
            user_id=record.owner_id,
            folder_id=record.id,
            first=or_default(first, 100),
            after=after,
            count=False,
            folder=record,
        )

        async def count() -> int:
            return await service.count_children(db=db, folder=record)

        connection = _connection(page, service.child_cursor)
        connection.counter = count
        return connection

    @strawberry.field(
        description="Who the shared folder it is (in) is shared with: the owner first, then "
        "the members by username; empty when it is not shared."
    )
    async def members(self, info: Info) -> list[FolderMember]:
        if self.visitor_path is not None:
            return []
        readers_only(info, self.record)
        found = await service.member_list(info.context.db, self.record)
        names = await username_loader(info).load_many([m.user_id for m in found])
        listed = [
            FolderMember(
                user=Member(username=name or ""), role=MemberRole(m.role), is_owner=m.is_owner
            )
            for m, name in zip(found, names, strict=True)
        ]
        return listed[:1] + sorted(listed[1:], key=lambda m: m.user.username.lower())

    @strawberry.field(description="The members without the owner (the owner's view of a share).")
    async def shared_with(self, info: Info) -> list[FolderMember]:
        return [m for m in await self.members(info) if not m.is_owner]


@strawberry.type(description="One stored version of a file.")
class Revision:
    rev: int = strawberry.field(description="Revision number, 1 for the first upload.")
    size: Long = strawberry.field(description="Size in bytes.")
    content_hash: str = strawberry.field(description="Dropbox content hash of its bytes, hex.")
    created_at: datetime = strawberry.field(description="When it was stored.")
    file_id: strawberry.Private[str]
    entry: strawberry.Private[EntryRecord]

    @strawberry.field(description="A signed URL that downloads this revision for an hour.")
    def download_url(self, info: Info) -> str:
        readers_only(info, self.entry)
        return signed_download(info, file_id=self.file_id, rev=self.rev, expires_in=3600)


@strawberry.type(description="A file.")
class File(Entry):
    size: Long = strawberry.field(description="Size in bytes of the current revision.")
    rev: int = strawberry.field(description="Current revision number (UPDATE's parentRev).")
    mime_type: str = strawberry.field(description="Media type guessed from the name.")
    content_hash: str = strawberry.field(
        description="Dropbox content hash: SHA-256 of the concatenated SHA-256s of 4 MiB "
        "blocks, hex."
    )

    @strawberry.field(description="Stored revisions, newest first.")
    async def revisions(
        self,
        info: Info,
        first: Annotated[
            int | None, strawberry.argument(description=f"At most {service.MAX_REVISIONS}.")
        ] = 20,
    ) -> list[Revision]:
        readers_only(info, self.record)
        records = await service.list_revisions(
            db=info.context.db,
            user_id=current_user_id(info),
            file_id=self.record.id,
            first=or_default(first, 20),
        )
        return [
            Revision(
                rev=r.rev,
                size=Long(r.size),
                content_hash=r.content_hash,
                created_at=r.created_at,
                file_id=r.file_id,
                entry=self.record,
            )
            for r in records
        ]

    @strawberry.field(description="A signed, expiring URL that downloads this revision.")
    def download_url(
        self,
        info: Info,
        expires_in: Annotated[
            int | None, strawberry.argument(description="Seconds until the URL stops working.")
        ] = 3600,
    ) -> str:
        readers_only(info, self.record)
        return signed_download(
            info,
            file_id=self.record.id,
            rev=self.record.rev,
            expires_in=or_default(expires_in, 3600),
        )

    @strawberry.field(
        description="A signed URL (an hour, this session) of a WebP thumbnail no larger than "
        "size x size (GET /files/{id}/thumbnail); null when the file is not a JPEG, PNG, GIF "
        "or WebP image."
    )
    def thumbnail_url(
        self,
        info: Info,
        size: Annotated[
            int | None, strawberry.argument(description="Pixels, 1 to 1024 (rounded up).")
        ] = 256,
    ) -> str | None:
        readers_only(info, self.record)
        ctx = info.context
        if ctx.session is None or ctx.user is None:
            raise errors.NotFound()
        if not thumbnails.has_thumbnail(self.record.mime_type):
            return None
        return thumbnails.thumbnail_url(
            settings=ctx.settings,
            signer=ctx.signer,
            file_id=self.record.id,
            size=or_default(size, 256),
            session_id=ctx.session.id,
            user_id=ctx.user.id,
        )


@strawberry.type(description="Storage used and allowed.")
class Usage:
    used_bytes: Long = strawberry.field(description="Bytes of all files not purged.")
    quota_bytes: Long | None = strawberry.field(description="The quota; null means unlimited.")


@strawberry.enum(description="How an upload treats an existing file of the same name.")
class WriteMode(enum.Enum):
    ADD = "add"
    OVERWRITE = "overwrite"
    UPDATE = "update"


# Expected errors (members of result unions).
@answers(errors.NameTaken)
@strawberry.type(description="An entry with this name (ignoring case) is in the folder.")
class NameTakenError(Error):
    pass


@answers(errors.InvalidName)
@strawberry.type(description="The name is not allowed (empty, '.', '..', / \\ or control chars).")
class InvalidNameError(Error):
    pass


def _conflict(error: errors.DomainError, info: Info | None) -> dict[str, Any] | None:
    # A conflict without the file as it is now (a lock lost, a folder's unchangedSince)
    # is not this member: it goes to errors[].
    current = error.details.get("current")
    if not isinstance(current, EntryRecord):
        return None
    return {"current": file_type(current), "your_parent_rev": error.details.get("your_parent_rev")}


@answers(errors.Conflict, _conflict)
@strawberry.type(description="The file moved on since `yourParentRev`.")
class ConflictError(Error):
    current: File = strawberry.field(description="The file as it is now.")
    your_parent_rev: int | None = strawberry.field(description="The revision you based it on.")


@answers(errors.QuotaExceeded)
@strawberry.type(description="The storage quota would be exceeded; nothing was stored.")
class QuotaExceededError(Error):
    pass


@answers(errors.FileTooLarge)
@strawberry.type(description="The file is larger than the server accepts; nothing was stored.")
class FileTooLargeError(Error):
    pass


@answers(errors.ChecksumMismatch)
@strawberry.type(description="The bytes do not match `contentHash`; nothing was stored.")
class ChecksumMismatchError(Error):
    pass


@answers(errors.InvalidMove)
@strawberry.type(description="A folder cannot go into itself or one of its descendants.")
class InvalidMoveError(Error):
    pass


@answers(errors.NotFound)
@strawberry.type(description="There is no such thing (or it is not yours).")
class NotFoundError(Error):
    pass


@answers(errors.PermissionDenied)
@strawberry.type(description="You may see this (in a folder shared with you) but not change it.")
class PermissionDeniedError(Error):
    pass


CreateFolderResult = Annotated[
    Folder | NameTakenError | InvalidNameError | PermissionDeniedError,
    strawberry.union("CreateFolderResult"),
]
UploadFileResult = Annotated[
    File
    | NameTakenError
    | ConflictError
    | QuotaExceededError
    | FileTooLargeError
    | InvalidNameError
    | ChecksumMismatchError
    | PermissionDeniedError,
    strawberry.union("UploadFileResult"),
]
RenameEntryResult = Annotated[
    Folder | File | NameTakenError | InvalidNameError | PermissionDeniedError,
    strawberry.union("RenameEntryResult"),
]
MoveEntryResult = Annotated[
    Folder
    | File
    | NameTakenError
    | InvalidNameError
    | InvalidMoveError
    | QuotaExceededError
    | PermissionDeniedError,
    strawberry.union("MoveEntryResult"),
]
CopyEntryResult = Annotated[
    Folder
    | File
    | NameTakenError
    | InvalidNameError
    | InvalidMoveError
    | QuotaExceededError
    | PermissionDeniedError,
    strawberry.union("CopyEntryResult"),
]
DeleteEntryResult = Annotated[
    Folder | File | NameTakenError | PermissionDeniedError | ConflictError,
    strawberry.union("DeleteEntryResult"),
]
RestoreEntryResult = Annotated[
    Folder | File | NameTakenError | PermissionDeniedError, strawberry.union("RestoreEntryResult")
]
RestoreRevisionResult = Annotated[
    File | NotFoundError | QuotaExceededError | PermissionDeniedError,
    strawberry.union("RestoreRevisionResult"),
]


def _common(record: EntryRecord) -> dict[str, Any]:
    return {
        "id": strawberry.ID(record.id),
        "name": record.name,
        "parent_id": None if record.parent_id is None else strawberry.ID(record.parent_id),
        "modified_at": record.modified_at,
        "trashed": record.trashed,
        "record": record,
    }


def folder_type(record: EntryRecord) -> Folder:
    return Folder(**_common(record))


def file_type(record: EntryRecord) -> File:
    return File(
        **_common(record),
        size=Long(record.size),
        rev=record.rev,
        mime_type=record.mime_type,
        content_hash=record.content_hash,
    )


def entry_type(record: EntryRecord) -> Folder | File:
    """The GraphQL type of an entry record."""
    return file_type(record) if record.is_file else folder_type(record)


def _connection(page: service.EntryPage, cursor_of: Any) -> EntryConnection:
    return EntryConnection(
        edges=[EntryEdge(node=entry_type(r), cursor=cursor_of(r)) for r in page.items],
        page_info=PageInfo(
            has_next_page=page.has_next_page,
            has_previous_page=page.has_previous_page,
            start_cursor=page.start_cursor,
            end_cursor=page.end_cursor,
        ),
        known_total=page.total_count,
    )


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
        return _connection(page, service.trash_cursor)


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
