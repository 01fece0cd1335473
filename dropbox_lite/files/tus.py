"""tus 1.0.0 at /tus/ (https://tus.io/protocols/resumable-upload): core, creation,
creation-with-upload, termination, expiration, checksum (sha1, sha256).

A tus upload is an upload session (files/sessions.py) whose `Upload-Metadata`
names the file: `filename` (required), `parentId` (default: the root), `mode`
(`ADD`, `OVERWRITE`, `UPDATE`), `parentRev`, `autorename` (`true`/`false`). The
target is checked at creation, with `Upload-Length` against MAX_UPLOAD_BYTES and
the owner's free quota (413 before any byte is stored). When the last byte
arrives the file is committed with uploadFile's rules: the PATCH answers 204 with
`X-Entry-Id` and `X-Entry-Rev`, or a refusal's status (409 name taken or
conflict, 507 quota, 400 name, 403, 404) and a JSON body naming the error; the
bytes stay, and an empty PATCH at the final offset commits again (until the
upload expires). Wrong `Upload-Offset`: 409, nothing changes. Checksum mismatch:
460, the chunk is discarded.
"""

from __future__ import annotations

import base64
import binascii
from datetime import UTC
from email.utils import format_datetime
from typing import Any

from starlette.requests import Request
from starlette.responses import Response
from starlette.routing import BaseRoute, Route

from dropbox_lite.core import errors
from dropbox_lite.files import sessions
from dropbox_lite.files.records import EntryRecord
from dropbox_lite.files.session_routes import (
    RequestBody,
    error_response,
    upload_slot,
    user_of,
    whole_number,
)
from dropbox_lite.files.writes import prepare_write

VERSION = "1.0.0"
EXTENSIONS = "creation,creation-with-upload,termination,expiration,checksum"
CHECKSUM_ALGORITHMS = "sha1,sha256"
OFFSET_TYPE = "application/offset+octet-stream"
CHECKSUM_MISMATCH = 460
MODES = {"ADD": "add", "OVERWRITE": "overwrite", "UPDATE": "update"}


def _headers(**extra: str) -> dict[str, str]:
    return {"tus-resumable": VERSION, "cache-control": "no-store", **extra}


def _refused(
    error: errors.DomainError, *, status: int | None = None, extra: dict[str, str] | None = None
) -> Response:
    return error_response(error, status=status, headers=_headers(**(extra or {})))


def _expires(record: sessions.SessionRecord) -> str:
    return format_datetime(record.expires_at.astimezone(UTC), usegmt=True)


def parse_metadata(raw: str | None) -> dict[str, str]:
    """`Upload-Metadata`: comma-separated `key base64(value)` pairs (BadInput if malformed)."""
    found: dict[str, str] = {}
    for pair in (raw or "").split(","):
        pair = pair.strip()
        if not pair:
            continue
        key, _, encoded = pair.partition(" ")
        if not key or key in found:
            raise errors.BadInput("Upload-Metadata has an empty or repeated key.")
        try:
            found[key] = base64.b64decode(encoded.strip(), validate=True).decode("utf-8")
        except (binascii.Error, UnicodeDecodeError):
            raise errors.BadInput(f"Upload-Metadata {key!r} is not base64 of UTF-8.") from None
    return found


def _write_options(meta: dict[str, str]) -> dict[str, Any]:
    mode = MODES.get(meta.get("mode", "ADD").upper())
    if mode is None:
        raise errors.BadInput("Upload-Metadata mode is ADD, OVERWRITE or UPDATE.")
    parent_rev = None
    if meta.get("parentRev"):
        parent_rev = whole_number(meta["parentRev"], "parentRev")
    autorename = meta.get("autorename", "false").lower()
    if autorename not in ("true", "false"):
        raise errors.BadInput("Upload-Metadata autorename is true or false.")
    if "filename" not in meta:
        raise errors.BadInput("Upload-Metadata needs filename.")
    return {
        "folder_id": meta.get("parentId") or None,
        "name": meta["filename"],
        "mode": mode,
        "parent_rev": parent_rev,
        "autorename": autorename == "true",
    }


def _committed(record: EntryRecord) -> dict[str, str]:
    return {"x-entry-id": record.id, "x-entry-rev": str(record.rev)}


def _version_ok(request: Request) -> bool:
    return request.headers.get("tus-resumable") == VERSION


def _wrong_version() -> Response:
    return Response(status_code=412, headers={"tus-version": VERSION, "cache-control": "no-store"})


async def options(request: Request) -> Response:
    state: Any = request.app.state
    return Response(
        status_code=204,
        headers={
            "tus-resumable": VERSION,
            "tus-version": VERSION,
            "tus-extension": EXTENSIONS,
            "tus-checksum-algorithm": CHECKSUM_ALGORITHMS,
            "tus-max-size": str(state.settings.max_upload_bytes),
        },
    )


async def _commit(request: Request, user: str, record: sessions.SessionRecord) -> EntryRecord:
    state: Any = request.app.state
    return await sessions.finish(
        db=state.db,
        settings=state.settings,
        user_id=user,
        session_id=record.id,
        **_write_options(record.metadata),
    )


async def _finish(
    request: Request, user: str, record: sessions.SessionRecord, status: int, **extra: str
) -> Response:
    """The answer once the last byte is in: the commit, or its refusal (bytes kept)."""
    offset = str(record.offset)
    try:
        entry = await _commit(request, user, record)
    except errors.DomainError as refused:
        return _refused(refused, extra={"upload-offset": offset, **extra})
    return Response(
        status_code=status,
        headers=_headers(**{"upload-offset": offset, **_committed(entry), **extra}),
    )


async def create(request: Request) -> Response:
    """POST /tus/: creation (and creation-with-upload)."""
    if not _version_ok(request):
        return _wrong_version()
    state: Any = request.app.state
    try:
        user = await user_of(request)
        if request.headers.get("upload-defer-length") is not None:
            raise errors.BadInput("Upload-Defer-Length is not supported: send Upload-Length.")
        length = whole_number(request.headers.get("upload-length"), "Upload-Length")
        meta = parse_metadata(request.headers.get("upload-metadata"))
        write = _write_options(meta)
        target = await prepare_write(
            db=state.db,
            user_id=user,
            folder_id=write["folder_id"],
            name=write["name"],
            mode=write["mode"],
            parent_rev=write["parent_rev"],
        )
        checksum = sessions.parse_checksum(request.headers.get("upload-checksum"))
        record = await sessions.start(
            db=state.db,
            settings=state.settings,
            user_id=user,
            length=length,
            target=target,
            metadata=meta,
        )
    except errors.Unauthenticated as e:
        return _refused(e, extra={"www-authenticate": "Bearer"})
    except (errors.FileTooLarge, errors.QuotaExceeded) as e:
        return _refused(e, status=413)
    except errors.DomainError as e:
        return _refused(e)
    location = f"/tus/{record.id}"
    extra = {"location": location, "upload-expires": _expires(record)}
    has_body = request.headers.get("content-type", "").startswith(OFFSET_TYPE)
    if has_body:
        try:
            with upload_slot(request, user):
                record = await sessions.append(
                    db=state.db,
                    settings=state.settings,
                    user_id=user,
                    session_id=record.id,
                    offset=0,
                    stream=RequestBody(request),
                    checksum=checksum,
                )
        except errors.ChecksumMismatch as e:
            return _refused(e, status=CHECKSUM_MISMATCH, extra={"upload-offset": "0", **extra})
        except errors.DomainError as e:
            return _refused(e, extra=extra)
    if record.length is not None and record.offset == record.length:
        return await _finish(request, user, record, 201, **extra)
    return Response(
        status_code=201, headers=_headers(**{"upload-offset": str(record.offset), **extra})
    )


async def head(request: Request) -> Response:
    if not _version_ok(request):
        return _wrong_version()
    state: Any = request.app.state
    try:
        user = await user_of(request)
        record = await sessions.get(db=state.db, user_id=user, session_id=request.path_params["id"])
    except errors.DomainError as e:
        return Response(
            status_code=401 if isinstance(e, errors.Unauthenticated) else 404, headers=_headers()
        )
    headers = _headers(**{"upload-offset": str(record.offset), "upload-expires": _expires(record)})
    if record.length is not None:
        headers["upload-length"] = str(record.length)
    if record.committed_id is not None:
        headers.update(
            {"x-entry-id": record.committed_id, "x-entry-rev": str(record.committed_rev)}
        )
    return Response(status_code=200, headers=headers)


async def patch(request: Request) -> Response:
    if not _version_ok(request):
        return _wrong_version()
    state: Any = request.app.state
    if not request.headers.get("content-type", "").startswith(OFFSET_TYPE):
        return Response(status_code=415, headers=_headers())
    try:
        user = await user_of(request)
        offset = whole_number(request.headers.get("upload-offset"), "Upload-Offset")
        checksum = sessions.parse_checksum(request.headers.get("upload-checksum"))
        record = await sessions.get(db=state.db, user_id=user, session_id=request.path_params["id"])
        if record.committed_id is not None and offset == record.offset:
            # A repeated final PATCH (its answer was lost): the same answer.
            return Response(
                status_code=204,
                headers=_headers(
                    **{
                        "upload-offset": str(record.offset),
                        "x-entry-id": record.committed_id,
                        "x-entry-rev": str(record.committed_rev),
                    }
                ),
            )
        if not (record.length is not None and offset == record.offset == record.length):
            with upload_slot(request, user):
                record = await sessions.append(
                    db=state.db,
                    settings=state.settings,
                    user_id=user,
                    session_id=record.id,
                    offset=offset,
                    stream=RequestBody(request),
                    checksum=checksum,
                )
    except errors.Unauthenticated as e:
        return _refused(e, extra={"www-authenticate": "Bearer"})
    except sessions.IncorrectOffset as e:
        return _refused(e, extra={"upload-offset": str(e.correct)})
    except errors.ChecksumMismatch as e:
        return _refused(e, status=CHECKSUM_MISMATCH)
    except errors.DomainError as e:
        return _refused(e)
    extra = {"upload-expires": _expires(record)}
    if record.length is not None and record.offset == record.length:
        return await _finish(request, user, record, 204, **extra)
    return Response(
        status_code=204, headers=_headers(**{"upload-offset": str(record.offset), **extra})
    )


async def delete(request: Request) -> Response:
    """Termination: the upload and its stored bytes go."""
    if not _version_ok(request):
        return _wrong_version()
    state: Any = request.app.state
    try:
        user = await user_of(request)
    except errors.Unauthenticated as e:
        return _refused(e, extra={"www-authenticate": "Bearer"})
    except errors.DomainError as e:
        return _refused(e)
    if not await sessions.cancel(db=state.db, user_id=user, session_id=request.path_params["id"]):
        return Response(status_code=404, headers=_headers())
    return Response(status_code=204, headers=_headers())


async def upload(request: Request) -> Response:
    method = request.method
    if method == "OPTIONS":
        return await options(request)
    if method == "HEAD":
        return await head(request)
    if method == "PATCH":
        return await patch(request)
    return await delete(request)


async def collection(request: Request) -> Response:
    if request.method == "OPTIONS":
        return await options(request)
    return await create(request)


ROUTES: list[BaseRoute] = [
    Route("/tus/", collection, methods=["OPTIONS", "POST"]),
    Route("/tus", collection, methods=["OPTIONS", "POST"]),
    Route("/tus/{id}", upload, methods=["OPTIONS", "HEAD", "PATCH", "DELETE"]),
]
