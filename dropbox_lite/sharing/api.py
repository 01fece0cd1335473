"""GraphQL face of share links: createShareLink, revokeShareLink, shareLinks, sharedLink,
uploadToShareLink."""

from __future__ import annotations

import asyncio
import enum
from datetime import datetime
from typing import Annotated, Any

import strawberry
from strawberry.file_uploads import Upload

from dropbox_lite.auth.api import InvalidInputError, RateLimitedError
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
from dropbox_lite.files import thumbnails
from dropbox_lite.files.api_results import (
    NotFoundError,
    PermissionDeniedError,
    UploadFileResult,
)
from dropbox_lite.files.api_types import (
    File,
    file_type,
)
from dropbox_lite.files.service import EntryRecord
from dropbox_lite.sharing import service, share_zip

# All the shared listings of one request together return at most this many entries,
# however many `children` fields (aliased, nested) it asks for.
MAX_LISTED_PER_REQUEST = 500


CHILDREN_FIRST = (
    f"Page size, at most {service.MAX_PAGE} (larger is capped); all the listings of one "
    f"request together at most {MAX_LISTED_PER_REQUEST}."
)
LINKS_FIRST = f"At most this many (<= {service.MAX_LINKS_LISTED}; larger is capped)."


@strawberry.enum(
    description="What a share link lets visitors do. VIEWER: see and download. EDITOR: as "
    "VIEWER, and upload into a folder link. UPLOAD_ONLY (folder links only): upload, and see "
    "nothing of what is in the folder; an upload whose name exists is renamed, never "
    "overwrites."
)
class ShareAccess(enum.Enum):
    VIEWER = "VIEWER"
    EDITOR = "EDITOR"
    UPLOAD_ONLY = "UPLOAD_ONLY"


@strawberry.type(description="A link that shares one of your files or folders.")
class ShareLink:
    id: strawberry.ID = strawberry.field(description="Opaque id (for revokeShareLink).")
    entry_id: strawberry.ID = strawberry.field(description="The shared file or folder.")
    access: ShareAccess = strawberry.field(description="What visitors may do.")
    expires_at: datetime | None = strawberry.field(
        description="When the link stops working; null: never."
    )
    has_password: bool = strawberry.field(description="Whether visitors need a password.")
    created_at: datetime = strawberry.field(description="When the link was made.")
    revoked: bool = strawberry.field(description="Whether the link was taken back.")
    download_count: int = strawberry.field(description="Completed downloads through the link.")
    url: str | None = strawberry.field(
        description="The address to hand out ({PUBLIC_URL}/s/{token}), shown again whenever "
        "asked; null once the link is revoked or expired, and for a link whose token cannot "
        "be derived again (made before links kept a derivable token, or under a secret key "
        "that is no longer configured): such a link still works for whoever has its URL."
    )


@strawberry.type(
    description="A new share link; its url is shown again by shareLinks while it lives."
)
class ShareLinkCreated:
    link: ShareLink = strawberry.field(description="The link.")
    url: str = strawberry.field(description="The address to hand out: {PUBLIC_URL}/s/{token}.")
    token: str = strawberry.field(description="The link's secret token (for sharedLink).")


@answers(errors.PasswordRequired)
@strawberry.type(description="This link needs a password.")
class PasswordRequiredError(Error):
    pass


@answers(errors.WrongPassword)
@strawberry.type(description="The link's password is not this one.")
class WrongPasswordError(Error):
    pass


@strawberry.type(description="A page of a shared folder's entries.")
class SharedEntryPage:
    items: list[SharedEntry] = strawberry.field(description="Folders first, then by name.")
    cursor: str | None = strawberry.field(description="Pass as `after` for the next page.")
    has_more: bool = strawberry.field(description="Whether another page follows.")


@strawberry.type(
    description="A shared file or folder as visitors see it: nothing outside the link's root."
)
class SharedEntry:
    name: str = strawberry.field(description="Its name.")
    path: str = strawberry.field(description='Relative to the link\'s root; "/" for the root.')
    is_folder: bool = strawberry.field(description="Folder or file.")
    size: Long | None = strawberry.field(description="Files: bytes.")
    mime_type: str | None = strawberry.field(description="Files: the media type.")
    modified_at: datetime = strawberry.field(
        description="Last change (an UPLOAD_ONLY link's folder: when the link was made)."
    )
    access: ShareAccess = strawberry.field(
        description="What the link lets visitors do: the share page's mode (UPLOAD_ONLY: an "
        "upload form, and `children` always empty)."
    )
    expires_at: datetime | None = strawberry.field(description="When the link stops working.")
    grant: strawberry.Private[service.Grant]
    item: strawberry.Private[service.SharedItem]

    @strawberry.field(description="Files: a signed URL that serves the bytes for a few minutes.")
    def download_url(self, info: Info) -> str | None:
        if self.is_folder:
            return None
        ctx = info.context
        return service.download_url(
            settings=ctx.settings, signer=ctx.signer, token=self.grant.token, path=self.path
        )

    @strawberry.field(
        description="Folders: a signed URL that streams the folder as a zip for a few minutes "
        "(GET /s/{token}?zip=1); null for files and for links that show no contents."
    )
    def zip_url(self, info: Info) -> str | None:
        if not self.is_folder or self.grant.link.access not in share_zip.SEES_CONTENTS:
            return None
        ctx = info.context
        url = service.download_url(
            settings=ctx.settings, signer=ctx.signer, token=self.grant.token, path=self.path
        )
        return f"{url}&zip=1"

    @strawberry.field(
        description="Image files (JPEG, PNG, GIF, WebP) of a VIEWER or EDITOR link: a signed "
        "URL (an hour) of a WebP thumbnail no larger than size x size (GET "
        "/s/{token}/thumbnail); null for anything else."
    )
    def thumbnail_url(
        self,
        info: Info,
        size: Annotated[
            int | None, strawberry.argument(description="Pixels, 1 to 1024 (rounded up).")
        ] = 256,
    ) -> str | None:
        if self.is_folder or not self.grant.sees_contents:
            return None
        if not thumbnails.has_thumbnail(self.mime_type or ""):
            return None
        ctx = info.context
        return service.thumbnail_url(
            settings=ctx.settings,
            signer=ctx.signer,
            token=self.grant.token,
            path=self.path,
            size=thumbnails.size_of(or_default(size, 256)),
        )

    @strawberry.field(
        description="Folders: a page of entries (always empty for an UPLOAD_ONLY link); null "
        "for files."
    )
    async def children(
        self,
        info: Info,
        first: Annotated[
            int | None,
            strawberry.argument(description=CHILDREN_FIRST),
        ] = 100,
        after: Annotated[
            str | None, strawberry.argument(description="The cursor of the previous page.")
        ] = None,
    ) -> SharedEntryPage | None:
        if not self.is_folder:
            return None
        page = await service.list_children(
            db=info.context.db,
            grant=self.grant,
            folder=self.item,
            first=_listing_budget(info, or_default(first, 100)),
            after=after,
        )
        return SharedEntryPage(
            items=[shared_entry(self.grant, child) for child in page.items],
            cursor=page.cursor,
            has_more=page.has_more,
        )


CreateShareLinkResult = Annotated[
    ShareLinkCreated | InvalidInputError | PermissionDeniedError,
    strawberry.union("CreateShareLinkResult"),
]
SharedLinkResult = Annotated[
    SharedEntry | NotFoundError | PasswordRequiredError | WrongPasswordError | RateLimitedError,
    strawberry.union("SharedLinkResult"),
]


def share_link_type(record: service.ShareLinkRecord) -> ShareLink:
    return ShareLink(
        id=strawberry.ID(record.id),
        entry_id=strawberry.ID(record.entry_id),
        access=ShareAccess(record.access),
        expires_at=record.expires_at,
        has_password=record.has_password,
        created_at=record.created_at,
        revoked=record.revoked,
        download_count=record.download_count,
        url=record.url,
    )


def shared_entry(grant: service.Grant, item: service.SharedItem) -> SharedEntry:
    return SharedEntry(
        name=item.name,
        path=item.path,
        is_folder=item.is_folder,
        size=Long(item.size) if item.size is not None else None,
        mime_type=item.mime_type,
        modified_at=item.modified_at,
        access=ShareAccess(grant.link.access),
        expires_at=grant.link.expires_at,
        grant=grant,
        item=item,
    )


def _listing_budget(info: Info, first: int) -> int:
    """How many entries this listing may return; BadInput once the request used them all."""
    loaders = info.context.loaders
    left = MAX_LISTED_PER_REQUEST - int(loaders.get("sharing.listed", 0))
    if left <= 0:
        raise errors.BadInput(
            f"A request lists at most {MAX_LISTED_PER_REQUEST} shared entries; "
            "ask for the next page in another request."
        )
    granted = max(1, min(first, service.MAX_PAGE, left))
    loaders["sharing.listed"] = MAX_LISTED_PER_REQUEST - left + granted
    return granted


def _one_at_a_time(info: Info) -> asyncio.Lock:
    # Aliased sharedLink fields in one request would otherwise all pass the throttle's
    # check before any of their failures is counted: 40 guesses for the price of one.
    lock: asyncio.Lock = info.context.loaders.setdefault("sharing.validate", asyncio.Lock())
    return lock


async def _validate(info: Info, token: str, password: str | None) -> service.Grant:
    ctx = info.context
    async with _one_at_a_time(info):
        return await service.validate_share_token(
            db=ctx.db,
            settings=ctx.settings,
            token=token,
            password=password,
            client_ip=ctx.client_ip,
        )


@strawberry.type
class Query:
    @strawberry.field(
        description="Your share links that are not revoked (expired ones too), newest first, "
        "each with its url while it lives; of one entry if given.",
        permission_classes=[IsAuthenticated],
    )
    async def share_links(
        self,
        info: Info,
        entry_id: Annotated[
            strawberry.ID | None, strawberry.argument(description="Only this entry's links.")
        ] = None,
        first: Annotated[
            int | None,
            strawberry.argument(description=LINKS_FIRST),
        ] = 100,
    ) -> list[ShareLink]:
        records = await service.list_share_links(
            db=info.context.db,
            settings=info.context.settings,
            user_id=current_user_id(info),
            entry_id=str(entry_id) if entry_id is not None else None,
            first=or_default(first, 100),
        )
        return [share_link_type(r) for r in records]

    @strawberry.field(description="What a share link shows; public, no sign-in needed.")
    @refusals
    async def shared_link(
        self,
        info: Info,
        token: Annotated[str, strawberry.argument(description="The link's token.")],
        password: Annotated[
            str | None, strawberry.argument(description="For links with a password.")
        ] = None,
        path: Annotated[
            str | None,
            strawberry.argument(description='Inside a folder link, e.g. "sub/dir"; "/": the root.'),
        ] = None,
    ) -> SharedLinkResult:
        grant = await _validate(info, token, password)
        item = await service.resolve_path(db=info.context.db, grant=grant, path=path)
        return shared_entry(grant, item)


@strawberry.type
class Mutation:
    @strawberry.mutation(
        description="Share one of your files or folders by link.",
        permission_classes=[IsAuthenticated],
    )
    @refusals
    async def create_share_link(
        self,
        info: Info,
        entry_id: Annotated[strawberry.ID, strawberry.argument(description="What to share.")],
        access: Annotated[
            ShareAccess | None,
            strawberry.argument(
                description="EDITOR on a folder lets visitors upload into it; UPLOAD_ONLY "
                "(folders only, else InvalidInputError) lets them upload and see nothing."
            ),
        ] = ShareAccess.VIEWER,
        expires_at: Annotated[
            datetime | None, strawberry.argument(description="When it stops working (future).")
        ] = None,
        password: Annotated[
            str | None, strawberry.argument(description="At least 8 characters, if any.")
        ] = None,
    ) -> CreateShareLinkResult:
        ctx = info.context
        created = await service.create_share_link(
            db=ctx.db,
            settings=ctx.settings,
            user_id=current_user_id(info),
            entry_id=str(entry_id),
            access=or_default(access, ShareAccess.VIEWER).value,
            expires_at=expires_at,
            password=password,
        )
        return ShareLinkCreated(
            link=share_link_type(created.link), url=created.url, token=created.token
        )

    @strawberry.mutation(
        description="Take a link back: it stops working with the next request.",
        permission_classes=[IsAuthenticated],
    )
    async def revoke_share_link(
        self,
        info: Info,
        id: Annotated[strawberry.ID, strawberry.argument(description="The link's id.")],
    ) -> bool:
        await service.revoke_share_link(
            db=info.context.db, user_id=current_user_id(info), link_id=str(id)
        )
        return True

    @strawberry.mutation(
        description="Upload into the folder of an EDITOR or UPLOAD_ONLY folder link; public, "
        "no sign-in. The file is added under a free name (an existing name is never "
        "overwritten: the upload is renamed, and the File returned has the stored name) and "
        "counts against the owner's quota."
    )
    # A link that does not open, a password problem or a VIEWER link (PermissionDenied)
    # are not answers of UploadFileResult here: they go to errors[].
    @refusals(passing=(errors.PermissionDenied,))
    async def upload_to_share_link(
        self,
        info: Info,
        token: Annotated[str, strawberry.argument(description="The link's token.")],
        file: Annotated[Upload, strawberry.argument(description="The file's bytes.")],
        password: Annotated[
            str | None, strawberry.argument(description="For links with a password.")
        ] = None,
        name: Annotated[
            str | None, strawberry.argument(description="Its name (default: the upload's).")
        ] = None,
    ) -> UploadFileResult:
        ctx = info.context
        upload: Any = file
        filename = name if name is not None else getattr(upload, "filename", None) or ""
        async with _one_at_a_time(info):
            record, _ = await service.upload_to_share_link(
                db=ctx.db,
                settings=ctx.settings,
                token=token,
                password=password,
                client_ip=ctx.client_ip,
                file_obj=upload,
                name=filename,
            )
        return _visitor_file(record)


def _visitor_file(record: EntryRecord) -> File:
    """The uploaded file as the visitor may see it: no parent id, its path "/name".

    Its revisions and download URL answer only to the owner (files.api_request.readers_only).
    """
    visitor = file_type(record)
    visitor.parent_id = None
    visitor.visitor_path = "/" + record.name
    return visitor


QUERIES: tuple[type, ...] = (Query,)
MUTATIONS: tuple[type, ...] = (Mutation,)
SUBSCRIPTIONS: tuple[type, ...] = ()
TYPES: tuple[type, ...] = ()
