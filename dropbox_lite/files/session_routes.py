"""The bytes of upload sessions over plain HTTP (no multipart, no GraphQL).

    PATCH /upload-sessions/{id}              Upload-Offset: N; body: the next bytes
        200 {"offset": N'}   409 {"errors": [...INCORRECT_OFFSET], "correctOffset": N}
    PUT   /upload-sessions/{id}/blocks/{i}   body: block i (optional X-Block-Sha256)
    POST  /upload-sessions/{id}/blocks?first=i
          X-Block-Sizes: s1,s2,...           body: blocks i, i+1, ... one after another
          (optional X-Block-Sha256: h1,h2,...)
        200 {"blocks": [sha256, ...]}

Authorization: Bearer, or HTTP Basic with an app password (or the account password,
throttled like `login`), as WebDAV takes it. Errors carry the GraphQL-shaped JSON body
`{"errors": [{"message", "extensions": {"code"}}]}` (core/http_errors.py) and the HTTP
status of errors.ANSWERS; tus.py answers the same way.
"""

from __future__ import annotations

import contextlib
import logging
from collections import Counter
from collections.abc import Iterator
from typing import Any

from starlette.requests import ClientDisconnect, Request
from starlette.responses import JSONResponse, Response
from starlette.routing import BaseRoute, Route

from dropbox_lite.auth import credentials
from dropbox_lite.core import errors, requestlog
from dropbox_lite.core.db import UNAVAILABLE_ERRORS
from dropbox_lite.core.http_errors import error_body
from dropbox_lite.files import sessions

log = logging.getLogger(__name__)


def error_response(
    error: errors.DomainError, *, status: int | None = None, headers: dict[str, str] | None = None
) -> JSONResponse:
    """A refusal: its status and a JSON body naming the error (and its details)."""
    body = error_body(error.message, error.code)
    if isinstance(error, sessions.IncorrectOffset):
        body["correctOffset"] = error.correct
    missing = error.details.get("missing")
    if missing is not None:
        body["missing"] = list(missing)
    current = error.details.get("current")
    if current is not None and hasattr(current, "rev"):
        body["current"] = {"id": current.id, "rev": current.rev}
    return JSONResponse(
        body,
        status_code=status or errors.answers_of(error).http,
        headers={"cache-control": "no-store", **(headers or {})},
    )


class RequestBody:
    """A request body as a stream for the services; a cut connection ends it (`cut`).

    `read(n)` hands out the body's pieces as the server received them (at most n bytes
    each, maybe fewer), without copying them: a large upload's bytes are copied once on
    their way to the database, when a block is put together (see sessions.append).
    """

    def __init__(self, request: Request) -> None:
        self._chunks = request.stream()
        self._pending: bytes | memoryview = b""
        self._done = False
        self.cut = False

    async def _next(self) -> bytes:
        while not self._done:
            try:
                chunk = await anext(self._chunks)
            except StopAsyncIteration:
                self._done = True
            except ClientDisconnect:
                self._done = self.cut = True
            else:
                if chunk:
                    return chunk
        return b""

    async def read(self, size: int = -1, /) -> bytes:
        if size < 0:
            parts = [bytes(self._pending)]
            while chunk := await self._next():
                parts.append(chunk)
            self._pending = b""
            return b"".join(parts)
        piece = self._pending or await self._next()
        if len(piece) <= size:
            self._pending = b""
            return bytes(piece) if isinstance(piece, memoryview) else piece
        view = memoryview(piece)
        self._pending = view[size:]
        return bytes(view[:size])


async def user_of(request: Request) -> str:
    """The signed-in user of a byte route: `Authorization: Bearer` or HTTP Basic (an
    app password, or the account password throttled like `login`), as WebDAV takes
    them (Unauthenticated without a live session; RateLimited when throttled)."""
    state: Any = request.app.state
    found = await credentials.authenticate_header(
        db=state.db,
        live=state.appstate.live,
        signer=state.signer,
        settings=state.settings,
        authorization=request.headers.get("authorization"),
        client_ip=request.client.host if request.client else "unknown",
    )
    if found is None:
        raise errors.Unauthenticated()
    requestlog.note_user(found[0].id)
    return found[0].id


# Byte requests one user may have running at once, per process, as a multiple of
# MAX_CONCURRENT_UPLOADS: parallel block uploads are the point, without bound they are
# a way to hold the server's memory (each buffers up to two blocks).
PARALLEL_FACTOR = 2


@contextlib.contextmanager
def upload_slot(request: Request, user: str) -> Iterator[None]:
    """Hold one of the user's upload slots (RateLimited when all are taken)."""
    state: Any = request.app.state
    running: Counter[str] | None = getattr(state, "upload_slots", None)
    if running is None:
        running = state.upload_slots = Counter()
    limit = state.settings.max_concurrent_uploads * PARALLEL_FACTOR
    if running[user] >= limit:
        raise errors.RateLimited(f"At most {limit} uploads may run at once; wait for one.")
    running[user] += 1
    try:
        yield
    finally:
        running[user] -= 1
        if running[user] <= 0:
            del running[user]


def whole_number(raw: str | None, name: str) -> int:
    if raw is None or not raw.isascii() or not raw.isdigit() or len(raw) > 19:
        raise errors.BadInput(f"{name} must be a whole number.")
    return int(raw)


async def _answer(request: Request, work: Any) -> Response:
    try:
        answer: Response = await work(request)
        return answer
    except errors.Unauthenticated as e:
        return error_response(e, headers={"www-authenticate": "Bearer"})
    except errors.DomainError as e:
        return error_response(e)
    except UNAVAILABLE_ERRORS as exc:
        log.warning("database unavailable: %s", exc)
        return error_response(errors.ServiceUnavailable())


async def _append(request: Request) -> Response:
    user = await user_of(request)
    state: Any = request.app.state
    raw = request.headers.get("upload-offset", request.query_params.get("offset"))
    with upload_slot(request, user):
        record = await sessions.append(
            db=state.db,
            settings=state.settings,
            user_id=user,
            session_id=request.path_params["id"],
            offset=whole_number(raw, "Upload-Offset"),
            stream=RequestBody(request),
        )
    return JSONResponse({"offset": record.offset}, headers={"cache-control": "no-store"})


def _digests(request: Request) -> list[str] | None:
    raw = request.headers.get("x-block-sha256")
    return None if raw is None else [part.strip() for part in raw.split(",")]


async def _put_block(request: Request) -> Response:
    user = await user_of(request)
    state: Any = request.app.state
    declared = request.headers.get("content-length")
    if declared is None:
        raise errors.BadInput("A block needs its Content-Length.")
    with upload_slot(request, user):
        found = await sessions.put_blocks(
            db=state.db,
            settings=state.settings,
            user_id=user,
            session_id=request.path_params["id"],
            first=whole_number(request.path_params["index"], "The block index"),
            sizes=[whole_number(declared, "Content-Length")],
            stream=RequestBody(request),
            digests=_digests(request),
        )
    return JSONResponse({"blocks": found}, headers={"cache-control": "no-store"})


async def _put_blocks(request: Request) -> Response:
    user = await user_of(request)
    state: Any = request.app.state
    raw = request.headers.get("x-block-sizes")
    if not raw:
        raise errors.BadInput("X-Block-Sizes lists the size of each block in the body.")
    with upload_slot(request, user):
        found = await sessions.put_blocks(
            db=state.db,
            settings=state.settings,
            user_id=user,
            session_id=request.path_params["id"],
            first=whole_number(request.query_params.get("first", "0"), "first"),
            sizes=[whole_number(part.strip(), "A block size") for part in raw.split(",")],
            stream=RequestBody(request),
            digests=_digests(request),
        )
    return JSONResponse({"blocks": found}, headers={"cache-control": "no-store"})


async def append_route(request: Request) -> Response:
    return await _answer(request, _append)


async def block_route(request: Request) -> Response:
    return await _answer(request, _put_block)


async def blocks_route(request: Request) -> Response:
    return await _answer(request, _put_blocks)


ROUTES: list[BaseRoute] = [
    Route("/upload-sessions/{id}", append_route, methods=["PATCH"]),
    Route("/upload-sessions/{id}/blocks/{index}", block_route, methods=["PUT"]),
    Route("/upload-sessions/{id}/blocks", blocks_route, methods=["POST"]),
]
