"""GraphQL types of share links: a link as its owner sees it (ShareLink), what a link shows
its visitors (SharedEntry, a page of them) and the refusals only links give (a password)."""

from __future__ import annotations

import enum
from datetime import datetime
from typing import Annotated

import strawberry

from dropbox_lite.auth.api import InvalidInputError, RateLimitedError
from dropbox_lite.core import errors
from dropbox_lite.core.api import Error, Info, Long, or_default
from dropbox_lite.core.outcomes import answers
from dropbox_lite.files import thumbnails
from dropbox_lite.files.api_results import NotFoundError, PermissionDeniedError
from dropbox_lite.sharing import service, share_zip

# All the shared listings of one request together return at most this many entries,
# however many `children` fields (aliased, nested) it asks for.
MAX_LISTED_PER_REQUEST = 500


CHILDREN_FIRST = (
    f"Page size, at most {service.MAX_PAGE} (larger is capped); all the listings of one "
    f"request together at most {MAX_LISTED_PER_REQUEST}."
)


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
