"""GraphQL face of upload sessions: start, look up, finish one file or a batch, ask
which blocks are missing. The bytes go over plain HTTP (files/session_routes.py)."""

from __future__ import annotations

from datetime import datetime
from typing import Annotated, Any

import strawberry

from dropbox_lite.core import errors
from dropbox_lite.core.api import Error, Info, IsAuthenticated, Long, current_user_id
from dropbox_lite.core.outcomes import answers, refusal, refusals
from dropbox_lite.files import sessions
from dropbox_lite.files.api_results import (
    ChecksumMismatchError,
    ConflictError,
    FileTooLargeError,
    InvalidNameError,
    NameTakenError,
    NotFoundError,
    PermissionDeniedError,
    QuotaExceededError,
)
from dropbox_lite.files.api_types import (
    File,
    WriteMode,
    file_type,
)

_SESSION_ID = Annotated[
    strawberry.ID, strawberry.argument(description="The upload session (startUploadSession).")
]


@strawberry.type(
    description=(
        "An upload session: bytes staged as 4 MiB blocks until a finish commits them. Send "
        "bytes in order with `PATCH {uploadUrl}` (header `Upload-Offset`), or block by block "
        "with `PUT {uploadUrl}/blocks/{index}` (several at once: `POST {uploadUrl}/blocks`)."
    )
)
class UploadSession:
    id: strawberry.ID = strawberry.field(description="The session's id.")
    upload_url: str = strawberry.field(
        description="Where the bytes go (a path on this server): /upload-sessions/{id}."
    )
    offset: Long = strawberry.field(description="Bytes appended in order so far.")
    length: Long | None = strawberry.field(description="The length declared at the start.")
    expires_at: datetime = strawberry.field(
        description="When the session and its staged bytes go (UPLOAD_SESSION_HOURS)."
    )
    file_id: strawberry.ID | None = strawberry.field(
        description="The file it became, once finished."
    )


def _missing(error: errors.DomainError, info: Info | None) -> dict[str, Any] | None:
    missing = error.details.get("missing")
    return None if missing is None else {"missing": list(missing)}


@answers(errors.InvalidInput, _missing)
@strawberry.type(
    description=(
        "Some blocks named are not uploaded for you yet: send them (into a session), then "
        "finish again."
    )
)
class BlocksMissingError(Error):
    missing: list[str] = strawberry.field(description="SHA-256 of each block still to send.")


# After BlocksMissingError in FinishUploadResult: an InvalidInput naming no blocks.
@answers(errors.InvalidInput)
@strawberry.type(description="The session is not ready to be finished (an incomplete upload).")
class UploadIncompleteError(Error):
    pass


FinishUploadResult = Annotated[
    File
    | NameTakenError
    | ConflictError
    | QuotaExceededError
    | FileTooLargeError
    | InvalidNameError
    | ChecksumMismatchError
    | PermissionDeniedError
    | NotFoundError
    | BlocksMissingError
    | UploadIncompleteError,
    strawberry.union("FinishUploadResult"),
]


@strawberry.input(
    description=(
        "One file of finishUploadBatch: its content is either a session (`sessionId`) or a "
        "list of blocks (`blocks`) already uploaded for you (see missingBlocks)."
    )
)
class UploadBatchEntry:
    name: str = strawberry.field(description="The file's name.")
    parent_id: strawberry.ID | None = strawberry.field(
        default=None, description="The folder (default: your root)."
    )
    session_id: strawberry.ID | None = strawberry.field(
        default=None, description="Commit this session's bytes."
    )
    blocks: list[str] | None = strawberry.field(
        default=None,
        description=(
            "Or commit this ordered list of 4 MiB blocks (SHA-256 hex of each; every block "
            "but the last has exactly 4,194,304 bytes; [] is an empty file)."
        ),
    )
    mode: WriteMode | None = strawberry.field(
        default=WriteMode.ADD, description="ADD, OVERWRITE or UPDATE."
    )
    parent_rev: int | None = strawberry.field(
        default=None, description="UPDATE: the revision you edited."
    )
    autorename: bool | None = strawberry.field(
        default=False, description="Keep the file under a free name instead of failing."
    )
    content_hash: str | None = strawberry.field(
        default=None, description="Expected Dropbox content hash."
    )


def _session_type(record: sessions.SessionRecord) -> UploadSession:
    return UploadSession(
        id=strawberry.ID(record.id),
        upload_url=f"/upload-sessions/{record.id}",
        offset=Long(record.offset),
        length=None if record.length is None else Long(record.length),
        expires_at=record.expires_at,
        file_id=None if record.committed_id is None else strawberry.ID(record.committed_id),
    )


def _finish_result(outcome: Any, info: Info) -> Any:
    if not isinstance(outcome, errors.DomainError):
        return file_type(outcome)
    return refusal(outcome, FinishUploadResult, info)


def _mode(mode: WriteMode | None) -> str:
    return (mode or WriteMode.ADD).value


@strawberry.type
class Query:
    @strawberry.field(
        description="One of your upload sessions (its offset: where to resume).",
        permission_classes=[IsAuthenticated],
    )
    async def upload_session(self, info: Info, id: _SESSION_ID) -> UploadSession:
        record = await sessions.get(
            db=info.context.db, user_id=current_user_id(info), session_id=id
        )
        return _session_type(record)

    @strawberry.field(
        description=(
            "Which of these blocks (SHA-256 hex, at most 1,000) you must still upload: those "
            "not in your own files, their history, shared folders you are a member of, or "
            "your upload sessions. It never tells whether anyone else stores a block."
        ),
        permission_classes=[IsAuthenticated],
    )
    async def missing_blocks(
        self,
        info: Info,
        blocks: Annotated[list[str], strawberry.argument(description="Block digests.")],
    ) -> list[str]:
        return await sessions.missing_blocks(
            db=info.context.db, user_id=current_user_id(info), digests=blocks
        )


@strawberry.type
class Mutation:
    @strawberry.mutation(
        description=(
            "Start an upload session. With `length`, a file over MAX_UPLOAD_BYTES or your "
            "free quota is refused at once (FileTooLargeError, QuotaExceededError)."
        ),
        permission_classes=[IsAuthenticated],
    )
    @refusals
    async def start_upload_session(
        self,
        info: Info,
        length: Annotated[
            Long | None, strawberry.argument(description="The file's size, if known.")
        ] = None,
    ) -> Annotated[
        UploadSession | QuotaExceededError | FileTooLargeError,
        strawberry.union("StartUploadSessionResult"),
    ]:
        record = await sessions.start(
            db=info.context.db,
            settings=info.context.settings,
            user_id=current_user_id(info),
            length=None if length is None else int(length),
        )
        return _session_type(record)

    @strawberry.mutation(
        description=(
            "Commit a session's bytes as one file, with uploadFile's write modes and errors. "
            "A refused commit keeps the bytes: finish again (until the session expires)."
        ),
        permission_classes=[IsAuthenticated],
    )
    @refusals
    async def finish_upload_session(
        self,
        info: Info,
        session_id: _SESSION_ID,
        name: Annotated[str, strawberry.argument(description="The file's name.")],
        parent_id: Annotated[
            strawberry.ID | None, strawberry.argument(description="The folder (default: root).")
        ] = None,
        mode: Annotated[
            WriteMode | None, strawberry.argument(description="ADD, OVERWRITE or UPDATE.")
        ] = WriteMode.ADD,
        parent_rev: Annotated[
            int | None, strawberry.argument(description="UPDATE: the revision you edited.")
        ] = None,
        autorename: Annotated[
            bool | None, strawberry.argument(description="Keep it under a free name.")
        ] = False,
        content_hash: Annotated[
            str | None, strawberry.argument(description="Expected Dropbox content hash.")
        ] = None,
    ) -> FinishUploadResult:
        ctx = info.context
        record = await sessions.finish(
            db=ctx.db,
            settings=ctx.settings,
            user_id=current_user_id(info),
            session_id=session_id,
            folder_id=parent_id,
            name=name,
            mode=_mode(mode),
            parent_rev=parent_rev,
            autorename=bool(autorename),
            content_hash=content_hash,
            username=ctx.user.username if ctx.user else None,
        )
        return file_type(record)

    @strawberry.mutation(
        description=(
            "Commit up to 1,000 files in one request, each from a session or a block list; "
            "each result on its own, in the order given (one refusal does not stop the rest)."
        ),
        permission_classes=[IsAuthenticated],
    )
    async def finish_upload_batch(
        self,
        info: Info,
        entries: Annotated[
            list[UploadBatchEntry], strawberry.argument(description="The files (at most 1,000).")
        ],
    ) -> list[FinishUploadResult]:
        ctx = info.context
        items = [
            sessions.BatchItem(
                folder_id=entry.parent_id,
                name=entry.name,
                session_id=entry.session_id,
                blocks=entry.blocks,
                mode=_mode(entry.mode),
                parent_rev=entry.parent_rev,
                autorename=bool(entry.autorename),
                content_hash=entry.content_hash,
            )
            for entry in entries
        ]
        outcomes = await sessions.finish_batch(
            db=ctx.db,
            settings=ctx.settings,
            user_id=current_user_id(info),
            items=items,
            username=ctx.user.username if ctx.user else None,
        )
        return [_finish_result(outcome, info) for outcome in outcomes]

    @strawberry.mutation(
        description="End an upload session; its staged bytes are freed. False if none.",
        permission_classes=[IsAuthenticated],
    )
    async def cancel_upload_session(self, info: Info, id: _SESSION_ID) -> bool:
        return await sessions.cancel(
            db=info.context.db, user_id=current_user_id(info), session_id=id
        )


QUERIES: tuple[type, ...] = (Query,)
MUTATIONS: tuple[type, ...] = (Mutation,)
SUBSCRIPTIONS: tuple[type, ...] = ()
TYPES: tuple[type, ...] = ()
