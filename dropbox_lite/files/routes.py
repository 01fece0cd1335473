"""Byte routes of the files module: GET /files/{id}/content, and blob_response for others.

A download is authorised by `Authorization: Bearer <token>` or by the `sig` of a
signed URL from File.downloadUrl (bound to the file, the revision and an expiry).
Statuses: 401 without either; 403 for a signature that is forged, expired, made for
another file or another revision; 404, with one body, for a missing file and another
user's; 503 when the database does not answer.
"""

from __future__ import annotations

import logging
import re
import unicodedata
from collections.abc import AsyncIterator
from dataclasses import dataclass
from typing import Any
from urllib.parse import quote

from starlette.requests import Request
from starlette.responses import JSONResponse, Response, StreamingResponse
from starlette.routing import BaseRoute, Route

from dropbox_lite.auth import credentials
from dropbox_lite.auth import service as auth_service
from dropbox_lite.core import errors, requestlog
from dropbox_lite.core.db import UNAVAILABLE_ERRORS, Database
from dropbox_lite.core.headers import bearer_token
from dropbox_lite.core.http_errors import domain_error, json_error
from dropbox_lite.files import blobs, links, names
from dropbox_lite.files import service as files_service

log = logging.getLogger(__name__)

# RFC 9110 section 14.2: a server may ignore a multi-range request and send the whole
# representation; multipart/byteranges is rarely used by clients that resume.
RANGE_RE = re.compile(r"^[ \t]*bytes[ \t]*=[ \t]*([0-9]*)[ \t]*-[ \t]*([0-9]*)[ \t]*$", re.I)
MIME_RE = re.compile(r"^[A-Za-z0-9!#$&^_.+-]+/[A-Za-z0-9!#$&^_.+-]+$")
FALLBACK_MIME = "application/octet-stream"
CACHE_CONTROL = "private, no-cache"
# RFC 8187 attr-char: what may stand unencoded in filename*.
ATTR_CHARS = "!#$&+-.^_`|~"


def not_found() -> JSONResponse:
    """The one 404 for a missing entry and for someone else's."""
    return domain_error(errors.NotFound())


def unavailable() -> JSONResponse:
    return domain_error(errors.ServiceUnavailable())


@dataclass(frozen=True)
class ByteRange:
    start: int
    end: int  # exclusive


class Unsatisfiable(Exception):
    def __init__(self, message: str = "The requested range is outside the file.") -> None:
        super().__init__(message)
        self.message = message


# No file has a position of more digits; int() of 4,300 digits raises, and of fewer
# but still thousands it costs quadratic time. Leading zeros do not count.
MAX_RANGE_DIGITS = 19


def parse_range(header: str | None, size: int) -> ByteRange | None:
    """The one range a `Range` header asks for; None means send everything.

    Malformed headers, other units and multiple ranges are ignored (the whole file is
    sent with 200), as RFC 9110 allows. Raises Unsatisfiable for a range outside the file
    (a first position too long to be one is). A last position or a suffix past the end
    means "to the end" (RFC 9110 section 14.1.2), however many digits it has.
    """
    if header is None or "," in header:
        return None
    match = RANGE_RE.match(header)
    if match is None:
        return None
    first, last = match.group(1), match.group(2)
    if first == "" and last == "":
        return None
    first, last = _significant(first), _significant(last)
    beyond = 10**MAX_RANGE_DIGITS  # more than any file's size; never parsed from text
    if first == "":
        suffix = beyond if len(last) > MAX_RANGE_DIGITS else int(last)
        if suffix == 0 or size == 0:
            raise Unsatisfiable
        return ByteRange(max(0, size - suffix), size)
    if len(first) > MAX_RANGE_DIGITS:
        raise Unsatisfiable(f"A range position has at most {MAX_RANGE_DIGITS} digits.")
    start = int(first)
    end = beyond if last == "" or len(last) > MAX_RANGE_DIGITS else int(last) + 1
    if end <= start:
        return None  # invalid range-spec: ignored
    if start >= size:
        raise Unsatisfiable
    return ByteRange(start, min(end, size))


def _significant(digits: str) -> str:
    return digits.lstrip("0") or digits[:1]


def _etag_matches(header: str, etag: str) -> bool:
    # Weak comparison (RFC 9110 section 13.1.2) for If-None-Match.
    if header.strip() == "*":
        return True
    tags = [t.strip() for t in header.split(",")]
    return any((t[2:] if t.startswith("W/") else t) == etag for t in tags)


INLINE_TYPES = frozenset({"application/pdf"})


def content_disposition(name: str) -> str:
    """`attachment` with an ASCII fallback name and the name as RFC 8187 filename*.

    Whatever could break the header or disguise the name (controls, text-direction
    controls, invisible characters: names stored before they were refused) is dropped.
    """
    clean = names.display_name(name)
    ascii_name = "".join(
        c if " " <= c <= "~" and c not in '"\\' else "_"
        for c in unicodedata.normalize("NFKD", clean)
        if not unicodedata.combining(c)
    )
    encoded = quote(clean, safe=ATTR_CHARS)
    return f"attachment; filename=\"{ascii_name}\"; filename*=UTF-8''{encoded}"


def _media_type(mime_type: str | None) -> str:
    if mime_type and MIME_RE.match(mime_type):
        return mime_type
    return FALLBACK_MIME


async def _stream(first: bytes, rest: AsyncIterator[bytes]) -> AsyncIterator[bytes]:
    try:
        if first:
            yield first
        async for chunk in rest:
            yield chunk
    finally:
        close = getattr(rest, "aclose", None)
        if close is not None:
            await close()


async def blob_response(
    request: Request,
    *,
    db: Database,
    blob_id: str | None,
    size: int,
    content_hash: str,
    name: str,
    mime_type: str | None,
) -> Response:
    """The bytes of a blob as a download: Range, ETag/If-None-Match, attachment, nosniff."""
    etag = f'"{content_hash}"'
    headers = {
        "etag": etag,
        "accept-ranges": "bytes",
        "cache-control": CACHE_CONTROL,
        "content-disposition": content_disposition(name),
        "x-content-type-options": "nosniff",
    }
    if request.query_params.get("inline") == "1" and _media_type(mime_type) in INLINE_TYPES:
        # The web app's preview shows a PDF in the browser's own viewer (never HTML or SVG).
        headers["content-disposition"] = "inline" + headers["content-disposition"][10:]
    if_none_match = request.headers.get("if-none-match")
    if if_none_match is not None and _etag_matches(if_none_match, etag):
        headers.pop("content-disposition")
        return Response(status_code=304, headers=headers)

    range_header = request.headers.get("range")
    if_range = request.headers.get("if-range")
    if if_range is not None and if_range.strip() != etag:
        range_header = None  # the client's copy is stale: send it all
    try:
        wanted = parse_range(range_header, size)
    except Unsatisfiable as exc:
        return json_error(
            416,
            exc.message,
            "RANGE_NOT_SATISFIABLE",
            **{"content-range": f"bytes */{size}", "accept-ranges": "bytes"},
        )
    status = 200
    start, end = 0, size
    if wanted is not None:
        status, start, end = 206, wanted.start, wanted.end
        headers["content-range"] = f"bytes {start}-{end - 1}/{size}"
    headers["content-length"] = str(end - start)
    # Set as a header, not media_type=, so that Starlette adds no charset to text/*.
    headers["content-type"] = _media_type(mime_type)

    if request.method == "HEAD" or end == start or blob_id is None:
        return Response(status_code=status, headers=headers)

    chunks = blobs.read_range(db=db, blob_id=blob_id, start=start, end=end, size=size)
    iterator = aiter(chunks)
    try:
        # The first chunk is read before the status line is sent, so that a database
        # that does not answer is a 503 rather than a cut-off 200.
        first = await anext(iterator, b"")
    except UNAVAILABLE_ERRORS as exc:
        log.warning("database unavailable while reading blob %s: %s", blob_id, exc)
        return unavailable()
    except errors.NotFound:
        log.error("blob %s of %r is missing", blob_id, name)
        return not_found()
    return StreamingResponse(_stream(first, iterator), status_code=status, headers=headers)


def _rev_param(raw: str | None) -> int | None:
    if raw is None:
        return None
    if not raw.isascii() or not raw.isdigit() or len(raw) > 9:
        raise errors.BadInput("rev must be a positive whole number.")
    return int(raw)


async def file_content(request: Request) -> Response:
    """GET/HEAD /files/{id}/content[?rev=N][&sig=...]."""
    state: Any = request.app.state
    db: Database = state.db
    file_id: str = request.path_params["id"]
    try:
        rev = _rev_param(request.query_params.get("rev"))
    except errors.BadInput as exc:
        return domain_error(exc)
    sig = request.query_params.get("sig")
    try:
        if sig is not None:
            signed = links.verify_download(signer=state.signer, token=sig, file_id=file_id)
            if signed is None or (rev is not None and rev != signed.rev):
                return json_error(403, "This download link is invalid or has expired.", "FORBIDDEN")
            if signed.session_id is not None and signed.user_id is not None:
                # Bound to the session that asked for it: gone with the session.
                if not await auth_service.session_active(db=db, session_id=signed.session_id):
                    ended = "This download link ended with its session."
                    return json_error(403, ended, "FORBIDDEN")
                owner_id: str | None = signed.user_id
                requestlog.note_user(signed.user_id)
            else:
                owner_id = await links.file_owner(db=db, file_id=file_id)
            if owner_id is None:
                return not_found()
            record = await files_service.fetch_file(
                db=db, user_id=owner_id, file_id=file_id, rev=signed.rev
            )
            if record.trashed:
                return not_found()  # a signed URL does not outlive the file's trashing
        else:
            try:
                found = await credentials.authenticate_header(
                    db=db,
                    live=state.appstate.live,
                    signer=state.signer,
                    settings=state.settings,
                    authorization=request.headers.get("authorization"),
                    client_ip=request.client.host if request.client else "unknown",
                )
            except errors.RateLimited:
                found = None
            if found is None:
                return domain_error(errors.Unauthenticated(), **{"www-authenticate": "Bearer"})
            requestlog.note_user(found[0].id)
            record = await files_service.fetch_file(
                db=db, user_id=found[0].id, file_id=file_id, rev=rev
            )
    except errors.NotFound:
        return not_found()
    except errors.ServiceUnavailable:
        return unavailable()
    except UNAVAILABLE_ERRORS as exc:
        log.warning("database unavailable: %s", exc)
        return unavailable()
    return await blob_response(
        request,
        db=db,
        blob_id=record.blob_id,
        size=record.size,
        content_hash=record.content_hash,
        name=record.name,
        mime_type=record.mime_type,
    )


ROUTES: list[BaseRoute] = [
    Route("/files/{id}/content", file_content, methods=["GET", "HEAD"]),
]


async def signed_or_bearer_user(
    request: Request, object_id: str, *, purpose: str, max_age: int
) -> str | None:
    """Who asks for `object_id`: a signed URL's user (`?sig=`, made for that id and
    purpose) while its session lives, else the Bearer token's; None for neither."""
    state: Any = request.app.state
    sig = request.query_params.get("sig")
    if sig is not None:
        value = links.unsign_download(
            signer=state.signer, purpose=purpose, token=sig, max_age=max_age
        )
        if value is None or value.get("f") != object_id:
            return None
        session_id, user_id = value.get("s"), value.get("u")
        if not isinstance(session_id, str) or not isinstance(user_id, str):
            return None
        if not await auth_service.session_active(db=state.db, session_id=session_id):
            return None
        return user_id
    token = bearer_token(request.headers.get("authorization"))
    if token is None:
        return None
    found = await auth_service.authenticate(
        db=state.db,
        live=state.appstate.live,
        signer=state.signer,
        settings=state.settings,
        token=token,
    )
    return None if found is None else found[0].id
