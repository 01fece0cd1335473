"""The guard on POST /graphql bodies (pure ASGI): size limits counted as the body arrives,
the preflight header a multipart request needs, who may upload (a signed-in user or a
share-link upload) and how many uploads each may run at once; a refused request's body
is drained so the client reads the reply."""

from __future__ import annotations

import asyncio
import json
import logging
from collections import Counter
from collections.abc import Awaitable, Callable, Collection
from typing import Any

from graphql import FieldNode, GraphQLError, OperationDefinitionNode, OperationType, parse
from python_multipart import MultipartParser
from python_multipart.multipart import parse_options_header
from starlette.datastructures import Headers
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from dropbox_lite.core import errors
from dropbox_lite.core.db import UNAVAILABLE_ERRORS
from dropbox_lite.core.http_errors import error_body

log = logging.getLogger("dropbox_lite")

PREFLIGHT_HEADERS = (
    "authorization",
    "graphql-require-preflight",
    "apollo-require-preflight",
    "x-apollo-operation-name",
)
# Room for the multipart envelope (operations, map, part headers) around the file bytes.
MULTIPART_OVERHEAD = 1024 * 1024
# A refused request's body is read and dropped, up to this much, before the reply goes
# out: a client that is still sending (Node's fetch, for one) then sees the message
# instead of a reset connection. A larger body gets the reply and a closed connection.
DRAIN_BYTES = 8 * 1024 * 1024
DRAIN_SECONDS = 10.0

# (scope, Authorization header) -> the signed-in user's id, or None when it names nobody.
Authenticate = Callable[[Scope, str], Awaitable[str | None]]


class BodyTooLarge(Exception):
    pass


class Refused(Exception):
    """A request answered with an HTTP error before the application saw it."""

    def __init__(
        self, status: int, message: str, code: str, headers: dict[str, str] | None = None
    ) -> None:
        super().__init__(message)
        self.status = status
        self.message = message
        self.code = code
        self.headers = headers or {}


async def send_json_error(
    send: Send,
    status: int,
    message: str,
    code: str,
    *,
    headers: dict[str, str] | None = None,
    close: bool = False,
) -> None:
    """An HTTP error whose body is GraphQL-shaped JSON: `{"errors": [{message, code}]}`."""
    body = json.dumps(error_body(message, code)).encode()
    raw = [
        (b"content-type", b"application/json"),
        (b"content-length", str(len(body)).encode()),
    ]
    raw.extend((k.lower().encode(), v.encode()) for k, v in (headers or {}).items())
    if close:
        raw.append((b"connection", b"close"))
    await send({"type": "http.response.start", "status": status, "headers": raw})
    await send({"type": "http.response.body", "body": body})


class BodyReader:
    """A request's `receive`, remembering how much of the body was read and whether all."""

    def __init__(self, receive: Receive) -> None:
        self._receive = receive
        self.read = 0
        self.complete = False

    async def __call__(self) -> Message:
        message = await self._receive()
        if message["type"] == "http.request":
            self.read += len(message.get("body", b""))
            self.complete = not message.get("more_body", False)
        return message

    async def drain(self, declared: int | None) -> bool:
        """Read and drop the rest of the body, up to DRAIN_BYTES; True when all of it was."""
        if self.complete:
            return True
        if declared is not None and declared > DRAIN_BYTES:
            return False
        try:
            async with asyncio.timeout(DRAIN_SECONDS):
                while not self.complete and self.read <= DRAIN_BYTES:
                    if (await self())["type"] != "http.request":
                        return False
        except TimeoutError:
            return False
        return self.complete


class GraphQLRequestGuard:
    """Limits the body of requests to `path` and refuses forgeable or anonymous uploads.

    JSON bodies may be at most `max_json_bytes`, multipart bodies `max_upload_bytes`
    plus their envelope. A declared Content-Length over the limit is refused before
    anything is read; a chunked body is counted as it arrives and cut off at the limit.
    A multipart request is checked before its files are read: it must carry a
    preflight header, and either a valid bearer token or an operation made only of
    `anonymous_fields` (share-link uploads); each uploader has at most
    `max_uploads` uploads running at once.
    """

    def __init__(
        self,
        app: ASGIApp,
        *,
        path: str,
        max_json_bytes: Callable[[], int],
        max_upload_bytes: Callable[[], int],
        authenticate: Authenticate | None = None,
        anonymous_fields: Collection[str] = (),
        max_uploads: Callable[[], int] = lambda: 4,
    ) -> None:
        self.app = app
        self.path = path
        self.max_json_bytes = max_json_bytes
        self.max_upload_bytes = max_upload_bytes
        self.authenticate = authenticate
        self.anonymous_fields = frozenset(anonymous_fields)
        self.max_uploads = max_uploads
        self.running: Counter[str] = Counter()

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http" or scope["path"] != self.path or scope["method"] != "POST":
            await self.app(scope, receive, send)
            return
        headers = Headers(scope=scope)
        content_type = headers.get("content-type", "")
        multipart = content_type.split(";")[0].strip().lower() == "multipart/form-data"
        raw_length = headers.get("content-length")
        declared = int(raw_length) if raw_length is not None and raw_length.isdigit() else None
        limit = self.max_upload_bytes() + MULTIPART_OVERHEAD if multipart else self.max_json_bytes()
        too_large = Refused(413, self._too_large(multipart), "PAYLOAD_TOO_LARGE")
        body = BodyReader(receive)
        receive = body
        uploader: str | None = None
        try:
            if multipart and not any(h in headers for h in PREFLIGHT_HEADERS):
                raise Refused(
                    400,
                    "A multipart request needs one of the headers Authorization, "
                    "GraphQL-Require-Preflight, Apollo-Require-Preflight or "
                    "X-Apollo-Operation-Name (any value), so that a cross-site form "
                    "cannot upload into a signed-in account.",
                    "BAD_REQUEST",
                )
            if declared is not None and declared > limit:
                raise too_large
            if multipart:
                receive, uploader = await self._admit_upload(scope, receive, headers)
        except Refused as refused:
            whole = await body.drain(declared)
            await send_json_error(
                send,
                refused.status,
                refused.message,
                refused.code,
                headers=refused.headers,
                close=not whole,
            )
            return

        started = False

        async def counting_receive() -> Message:
            message = await receive()
            if body.read > limit:
                raise BodyTooLarge
            return message

        async def tracking_send(message: Message) -> None:
            nonlocal started
            if message["type"] == "http.response.start":
                started = True
            await send(message)

        try:
            await self.app(scope, counting_receive, tracking_send)
        except BodyTooLarge:
            if not started:
                whole = await body.drain(declared)
                await send_json_error(send, 413, too_large.message, too_large.code, close=not whole)
        finally:
            if uploader is not None:
                self.running[uploader] -= 1
                if self.running[uploader] <= 0:
                    del self.running[uploader]

    def _too_large(self, multipart: bool) -> str:
        if multipart:
            return (
                f"An upload may be at most {self.max_upload_bytes()} bytes "
                "(DROPBOX_LITE_MAX_UPLOAD_BYTES on this server)."
            )
        return (
            f"A GraphQL request body may be at most {self.max_json_bytes()} bytes "
            "(DROPBOX_LITE_MAX_REQUEST_BYTES on this server)."
        )

    async def _admit_upload(
        self, scope: Scope, receive: Receive, headers: Headers
    ) -> tuple[Receive, str]:
        """Who uploads (a user id, or `share:<address>`), checked before any file is read."""
        user_id: str | None = None
        authorization = headers.get("authorization")
        if authorization and self.authenticate is not None:
            try:
                user_id = await self.authenticate(scope, authorization)
            except UNAVAILABLE_ERRORS as exc:
                log.warning("database unavailable: %s", exc)
                unavailable = errors.ServiceUnavailable()
                raise Refused(503, unavailable.message, unavailable.code) from None
        if user_id is not None:
            uploader = user_id
        else:
            receive = await self._require_anonymous_upload(receive, headers)
            client = scope.get("client")
            uploader = f"share:{client[0] if client else 'unknown'}"
        if self.running[uploader] >= self.max_uploads():
            raise Refused(
                429,
                f"At most {self.max_uploads()} uploads may run at once; wait for one to finish.",
                "RATE_LIMITED",
                {"Retry-After": "1"},
            )
        self.running[uploader] += 1
        return receive, uploader

    async def _require_anonymous_upload(self, receive: Receive, headers: Headers) -> Receive:
        """Read just the `operations` part; refuse unless it is a share-link upload."""
        refusal = Refused(
            401,
            "Sign in first: a multipart upload needs a valid Authorization bearer token "
            "(only uploadToShareLink works without one).",
            "UNAUTHENTICATED",
        )
        peeked, operations = await read_operations_part(
            receive, headers.get("content-type", ""), self.max_json_bytes()
        )
        if operations is None or not self._is_anonymous(operations):
            raise refusal
        pending = list(peeked)

        async def replaying_receive() -> Message:
            if pending:
                return pending.pop(0)
            return await receive()

        return replaying_receive

    def _is_anonymous(self, operations: bytes) -> bool:
        try:
            data = json.loads(operations)
            document = parse(data["query"], no_location=True, max_tokens=5000)
        except (ValueError, TypeError, KeyError, RecursionError, GraphQLError):
            return False
        if not isinstance(data, dict):
            return False
        chosen = data.get("operationName")
        found = [
            d
            for d in document.definitions
            if isinstance(d, OperationDefinitionNode)
            and (chosen is None or (d.name is not None and d.name.value == chosen))
        ]
        if len(found) != 1 or found[0].operation != OperationType.MUTATION:
            return False
        fields = found[0].selection_set.selections
        return all(
            isinstance(f, FieldNode)
            and not f.directives
            and (f.name.value in self.anonymous_fields or f.name.value == "__typename")
            for f in fields
        )


async def read_operations_part(
    receive: Receive, content_type: str, limit: int
) -> tuple[list[Message], bytes | None]:
    """The messages read and the first part's bytes when it is `operations` (else None).

    Reads no further than the end of that part, and never more than `limit` bytes.
    """
    _, options = parse_options_header(content_type)
    boundary = options.get(b"boundary")
    messages: list[Message] = []
    if not boundary:
        return messages, None
    state: dict[str, Any] = {"header": b"", "name": None, "data": bytearray(), "done": False}

    # The callbacks see the parts after the first one too (in the same chunk): ignored.
    def on_header_field(data: bytes, start: int, end: int) -> None:
        if not state["done"]:
            state["header"] = data[start:end].lower()

    def on_header_value(data: bytes, start: int, end: int) -> None:
        if not state["done"] and state["header"] == b"content-disposition":
            state["name"] = parse_options_header(data[start:end])[1].get(b"name")

    def on_part_data(data: bytes, start: int, end: int) -> None:
        if not state["done"]:
            state["data"] += data[start:end]

    def on_part_end() -> None:
        state["done"] = True

    parser = MultipartParser(
        boundary,
        {
            "on_header_field": on_header_field,
            "on_header_value": on_header_value,
            "on_part_data": on_part_data,
            "on_part_end": on_part_end,
        },
    )
    read = 0
    while not state["done"]:
        message = await receive()
        messages.append(message)
        if message["type"] != "http.request":
            return messages, None
        chunk = message.get("body", b"")
        read += len(chunk)
        try:
            parser.write(chunk)
        except Exception:  # python-multipart raises several kinds on a malformed body
            return messages, None
        if state["name"] not in (None, b"operations") or read > limit:
            return messages, None
        if not message.get("more_body", False) and not state["done"]:
            return messages, None
    return messages, bytes(state["data"])
