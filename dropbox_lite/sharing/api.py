"""GraphQL face of share links: createShareLink, revokeShareLink, shareLinks, sharedLink,
uploadToShareLink. Their types are in sharing/api_types.py."""

from __future__ import annotations

import asyncio
from datetime import datetime
from typing import Annotated, Any

import strawberry
from strawberry.file_uploads import Upload

from dropbox_lite.core import errors
from dropbox_lite.core.api import (
    Info,
    IsAuthenticated,
    current_user_id,
    or_default,
)
from dropbox_lite.core.outcomes import refusals
from dropbox_lite.files.api_results import UploadFileResult
from dropbox_lite.files.api_types import (
    File,
    file_type,
)
from dropbox_lite.files.service import EntryRecord
from dropbox_lite.sharing import service
from dropbox_lite.sharing.api_types import (
    CreateShareLinkResult,
    ShareAccess,
    SharedLinkResult,
    ShareLink,
    ShareLinkCreated,
    share_link_type,
    shared_entry,
)
from dropbox_lite.sharing.api_types import PasswordRequiredError as PasswordRequiredError
from dropbox_lite.sharing.api_types import WrongPasswordError as WrongPasswordError

LINKS_FIRST = f"At most this many (<= {service.MAX_LINKS_LISTED}; larger is capped)."


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
