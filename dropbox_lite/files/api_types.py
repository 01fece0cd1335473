"""GraphQL types of files and folders: the Entry interface, Folder, File and their
revisions, shared-folder information, pages of entries, usage; and the functions that make
them from entry records."""

from __future__ import annotations

import enum
from collections.abc import Awaitable, Callable
from datetime import datetime
from typing import Annotated, Any

import strawberry

from dropbox_lite.core import errors
from dropbox_lite.core.api import Info, Long, current_user_id, or_default
from dropbox_lite.files import service, thumbnails, zipstream
from dropbox_lite.files.api_request import (
    link_badge_loader,
    path_nodes,
    readers_only,
    shared_loader,
    signed_download,
    username_loader,
)
from dropbox_lite.files.service import EntryRecord


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

        connection = connection_of(page, service.child_cursor)
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


def connection_of(page: service.EntryPage, cursor_of: Any) -> EntryConnection:
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
