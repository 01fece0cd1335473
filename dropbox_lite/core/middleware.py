"""Pure ASGI middleware: request body limits and the multipart CSRF guard."""

from __future__ import annotations

import json
from collections.abc import Callable

from starlette.datastructures import Headers
from starlette.types import ASGIApp, Message, Receive, Scope, Send

PREFLIGHT_HEADERS = (
    "authorization",
    "graphql-require-preflight",
    "apollo-require-preflight",
    "x-apollo-operation-name",
)
# Room for the multipart envelope (operations, map, part headers) around the file bytes.
MULTIPART_OVERHEAD = 1024 * 1024


class BodyTooLarge(Exception):
    pass


async def _send_json(send: Send, status: int, message: str, code: str) -> None:
    body = json.dumps({"errors": [{"message": message, "extensions": {"code": code}}]}).encode()
    await send(
        {
            "type": "http.response.start",
            "status": status,
            "headers": [
                (b"content-type", b"application/json"),
                (b"content-length", str(len(body)).encode()),
                (b"connection", b"close"),
            ],
        }
    )
    await send({"type": "http.response.body", "body": body})


class GraphQLRequestGuard:
    """Limits the body of requests to `path` and refuses forgeable multipart uploads.

    JSON bodies may be at most `max_json_bytes`, multipart bodies `max_upload_bytes`
    plus their envelope. A declared Content-Length over the limit is refused before
    anything is read; a chunked body is counted as it arrives and cut off at the limit.
    """

    def __init__(
        self,
        app: ASGIApp,
        *,
        path: str,
        max_json_bytes: Callable[[], int],
        max_upload_bytes: Callable[[], int],
    ) -> None:
        self.app = app
        self.path = path
        self.max_json_bytes = max_json_bytes
        self.max_upload_bytes = max_upload_bytes

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http" or scope["path"] != self.path or scope["method"] != "POST":
            await self.app(scope, receive, send)
            return
        headers = Headers(scope=scope)
        content_type = headers.get("content-type", "").split(";")[0].strip().lower()
        multipart = content_type == "multipart/form-data"
        if multipart and not any(h in headers for h in PREFLIGHT_HEADERS):
            await _send_json(
                send,
                400,
                "A multipart request needs one of the headers Authorization, "
                "GraphQL-Require-Preflight, Apollo-Require-Preflight or "
                "X-Apollo-Operation-Name (any value), so that a cross-site form "
                "cannot upload into a signed-in account.",
                "BAD_REQUEST",
            )
            return
        limit = self.max_upload_bytes() + MULTIPART_OVERHEAD if multipart else self.max_json_bytes()
        declared = headers.get("content-length")
        if declared is not None and declared.isdigit() and int(declared) > limit:
            await _send_json(send, 413, _too_large(limit, multipart), "PAYLOAD_TOO_LARGE")
            return

        received = 0
        started = False

        async def counting_receive() -> Message:
            nonlocal received
            message = await receive()
            if message["type"] == "http.request":
                received += len(message.get("body", b""))
                if received > limit:
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
                await _send_json(send, 413, _too_large(limit, multipart), "PAYLOAD_TOO_LARGE")


def _too_large(limit: int, multipart: bool) -> str:
    what = "An upload" if multipart else "A GraphQL request body"
    return f"{what} may be at most {limit} bytes."


class SecurityHeaders:
    """`X-Content-Type-Options: nosniff` on every HTTP response."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return

        async def send_with_headers(message: Message) -> None:
            if message["type"] == "http.response.start":
                headers = list(message.get("headers", []))
                if not any(k.lower() == b"x-content-type-options" for k, _ in headers):
                    headers.append((b"x-content-type-options", b"nosniff"))
                message = {**message, "headers": headers}
            await send(message)

        await self.app(scope, receive, send_with_headers)
