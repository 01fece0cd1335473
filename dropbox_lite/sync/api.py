"""GraphQL face of sync: the change feed, long polling, the live subscription, conflicts."""

from __future__ import annotations

import enum
from collections.abc import AsyncGenerator
from datetime import timedelta
from typing import Annotated, Any

import strawberry
from strawberry.file_uploads import Upload

from dropbox_lite.auth import service as auth_service
from dropbox_lite.core import errors
from dropbox_lite.core.api import (
    ApiError,
    Error,
    Info,
    IsAuthenticated,
    current_user_id,
    or_default,
)
from dropbox_lite.core.outcomes import answers, refusals
from dropbox_lite.files.api_results import (
    ConflictError,
    FileTooLargeError,
    QuotaExceededError,
)
from dropbox_lite.files.api_types import (
    Entry,
    File,
    entry_type,
    file_type,
)
from dropbox_lite.sync import service, waiting
from dropbox_lite.sync.subscriptions import TooManySubscriptions


@strawberry.enum(description="What happened to an entry.")
class ChangeKind(enum.Enum):
    UPSERTED = "UPSERTED"
    DELETED = "DELETED"


@strawberry.type(description="One entry's latest state in the feed.")
class Change:
    kind: ChangeKind = strawberry.field(
        description="UPSERTED: the entry is live, as `entry` shows; DELETED: it is gone "
        "(trashed or purged) and the client removes it."
    )
    id: strawberry.ID = strawberry.field(description="The entry's id.")
    parent_id: strawberry.ID | None = strawberry.field(
        description="Its parent folder's id (null for the root)."
    )
    entry: Entry | None = strawberry.field(description="The entry now; null when deleted.")


@strawberry.type(description="A page of the change feed.")
class ChangePage:
    changes: list[Change] = strawberry.field(
        description="In sequence order, each entry at most once, at its latest state."
    )
    cursor: str = strawberry.field(
        description="Opaque; pass it to the next `changes` call (or `waitForChanges`)."
    )
    has_more: bool = strawberry.field(description="More changes can be read at once with `cursor`.")


@strawberry.type(description="The outcome of a long poll.")
class WaitResult:
    changed: bool = strawberry.field(
        description="There are changes after the cursor: call `changes(cursor)`."
    )
    backoff_seconds: int = strawberry.field(
        description="Wait this long before the next poll (0 unless the server is busy)."
    )


@strawberry.enum(description="How to settle a conflict between a device's edit and the server's.")
class ConflictResolution(enum.Enum):
    KEEP_LOCAL = "keep_local"
    KEEP_REMOTE = "keep_remote"
    KEEP_BOTH = "keep_both"
    MERGE = "merge"


@strawberry.type(description="The conflict is settled.")
class ResolvedConflict:
    file: File = strawberry.field(description="The file now.")
    conflicted_copy: File | None = strawberry.field(
        description="KEEP_BOTH: the upload, saved beside it as a conflicted copy."
    )


@answers(errors.MergeFailed)
@strawberry.type(
    description="MERGE failed: the edits overlap, or the file is not UTF-8 text (or too "
    "large to merge). Nothing changed; choose another resolution."
)
class MergeFailedError(Error):
    pass


ResolveConflictResult = Annotated[
    ResolvedConflict | MergeFailedError | ConflictError | QuotaExceededError | FileTooLargeError,
    strawberry.union("ResolveConflictResult"),
]


def retention(info: Info) -> timedelta:
    """How long the journal keeps deletions: older cursors get CURSOR_RESET."""
    return timedelta(days=info.context.settings.journal_retention_days)


def page_type(record: service.ChangePageRecord) -> ChangePage:
    return ChangePage(
        changes=[
            Change(
                kind=ChangeKind(change.kind),
                id=strawberry.ID(change.id),
                parent_id=strawberry.ID(change.parent_id) if change.parent_id else None,
                entry=entry_type(change.entry) if change.entry else None,
            )
            for change in record.changes
        ],
        cursor=record.cursor,
        has_more=record.has_more,
    )


@strawberry.type
class Query:
    @strawberry.field(
        description="The change feed. No cursor: the full current state, in pages (an "
        "initial sync), then every change after it.",
        permission_classes=[IsAuthenticated],
    )
    async def changes(
        self,
        info: Info,
        cursor: Annotated[
            str | None,
            strawberry.argument(description="From the last page; omit for an initial sync."),
        ] = None,
        first: Annotated[
            int | None,
            strawberry.argument(
                description=f"Page size, 1 to {service.MAX_PAGE} (larger is capped)."
            ),
        ] = 500,
    ) -> ChangePage:
        context = info.context
        record = await service.get_updated_files(
            db=context.db,
            signer=context.signer,
            user_id=current_user_id(info),
            cursor=cursor,
            first=or_default(first, 500),
            retention=retention(info),
        )
        return page_type(record)

    @strawberry.field(
        description="A cursor at the present: the feed from it starts with the next change.",
        permission_classes=[IsAuthenticated],
    )
    async def latest_cursor(self, info: Info) -> str:
        context = info.context
        return await service.latest_cursor(
            db=context.db, signer=context.signer, user_id=current_user_id(info)
        )

    @strawberry.field(
        description="Long poll: returns as soon as there are changes after `cursor` (seen "
        "within about a second, whichever process made them), or at the timeout.",
        permission_classes=[IsAuthenticated],
    )
    async def wait_for_changes(
        self,
        info: Info,
        cursor: Annotated[str, strawberry.argument(description="A cursor from `changes`.")],
        timeout_seconds: Annotated[
            int | None,
            strawberry.argument(
                description=f"At least 1; more than {waiting.MAX_WAIT_SECONDS} is capped."
            ),
        ] = 30,
    ) -> WaitResult:
        context = info.context
        record = await waiting.wait_for_changes(
            db=context.db,
            polls=context.state.polls,
            signer=context.signer,
            user_id=current_user_id(info),
            cursor=cursor,
            timeout_seconds=or_default(timeout_seconds, 30),
            retention=retention(info),
        )
        return WaitResult(changed=record.changed, backoff_seconds=record.backoff_seconds)


@strawberry.type
class Mutation:
    @strawberry.mutation(
        description="Settle a conflict reported by uploadFile(mode: UPDATE) (ConflictError).",
        permission_classes=[IsAuthenticated],
    )
    @refusals
    async def resolve_conflict(
        self,
        info: Info,
        file_id: Annotated[strawberry.ID, strawberry.argument(description="The file.")],
        base_rev: Annotated[
            int, strawberry.argument(description="The revision the device's edit started from.")
        ],
        resolution: Annotated[ConflictResolution, strawberry.argument(description="What to keep.")],
        file: Annotated[
            Upload | None,
            strawberry.argument(description="The device's content (all but KEEP_REMOTE)."),
        ] = None,
        current_rev: Annotated[
            int | None,
            strawberry.argument(
                description="The server revision the device resolved against "
                "(ConflictError.current.rev); when given, nothing is written unless the "
                "file is still at it."
            ),
        ] = None,
    ) -> ResolveConflictResult:
        context = info.context
        upload: Any = file
        record = await service.resolve_conflict(
            db=context.db,
            settings=context.settings,
            user_id=current_user_id(info),
            username=context.user.username if context.user else "",
            file_id=file_id,
            base_rev=base_rev,
            resolution=resolution.value,
            upload=upload,
            current_rev=current_rev,
        )
        copy = record.conflicted_copy
        return ResolvedConflict(
            file=file_type(record.file),
            conflicted_copy=file_type(copy) if copy else None,
        )


@strawberry.type
class Subscription:
    @strawberry.subscription(
        description="The change feed, live: replays from `cursor` (none: the full state), "
        "then sends a page whenever something changes. Sign in with the connection_init "
        'payload {"Authorization": "Bearer <token>"}.'
    )
    async def changes(
        self,
        info: Info,
        cursor: Annotated[
            str | None, strawberry.argument(description="Where to start; omit for an initial sync.")
        ] = None,
    ) -> AsyncGenerator[ChangePage, None]:
        user_id = current_user_id(info)
        context = info.context
        session = context.session

        async def still_signed_in() -> bool:
            # A session revoked (logout, revokeSession, changePassword) while the socket
            # is open must stop receiving this user's changes.
            return session is not None and await auth_service.session_active(
                db=context.db, session_id=session.id
            )

        pages = waiting.follow_changes(
            db=context.db,
            polls=context.state.polls,
            signer=context.signer,
            user_id=user_id,
            cursor=cursor,
            first=service.MAX_PAGE,
            still_allowed=still_signed_in,
            retention=retention(info),
        )
        try:
            slot = context.state.subscriptions.slot(socket=context.request, user_id=user_id)
            with slot:
                async for record in pages:
                    yield page_type(record)
        except TooManySubscriptions as refused:
            raise ApiError(refused.message, "RATE_LIMITED") from None


QUERIES: tuple[type, ...] = (Query,)
MUTATIONS: tuple[type, ...] = (Mutation,)
SUBSCRIPTIONS: tuple[type, ...] = (Subscription,)
TYPES: tuple[type, ...] = ()
