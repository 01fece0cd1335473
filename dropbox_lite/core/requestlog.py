"""Request logs: one line per request, and the request id that ties a report to it.

`RequestLog` (pure ASGI middleware) gives every HTTP request and WebSocket
connection an id, taken from `X-Request-ID` when the client sent a sane one and
generated otherwise, echoes it in the response, and logs one line when the
request ends: method, path, status, duration, the GraphQL operation and the
signed-in user's id. The line never holds a token, a password or a share token:
no query string is logged, no header but the request id, and path parameters
named like a token are replaced.

What the middleware cannot see (the operation, the user) the request's code
notes on `current()`, a context variable: `GraphQLRequestLog` does for GraphQL,
and a byte route can call `note_user`.
"""

from __future__ import annotations

import json
import logging
import re
import sys
import time
import uuid
from collections.abc import Iterator
from contextvars import ContextVar
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any, TextIO

from starlette.datastructures import Headers
from starlette.types import ASGIApp, Message, Receive, Scope, Send
from strawberry.extensions import SchemaExtension

log = logging.getLogger("dropbox_lite.request")

HEADER = "x-request-id"
MAX_ID_LENGTH = 128
# Printable ASCII without spaces, quotes or backslashes: safe in a log line and a header.
_SANE_ID = re.compile(r"[A-Za-z0-9._:/+=@-]+")
# Path parameters whose values are secrets (share tokens, signatures).
_SECRET_PARAM = re.compile(r"token|secret|password|sig", re.IGNORECASE)


@dataclass
class RequestInfo:
    """What the log line of the request in progress will say."""

    request_id: str
    user_id: str | None = None
    operation_name: str | None = None
    operation_type: str | None = None


_current: ContextVar[RequestInfo | None] = ContextVar("dropbox_lite_request", default=None)


def current() -> RequestInfo | None:
    """The request being served in this context, if any."""
    return _current.get()


def current_request_id() -> str | None:
    """The id of the request being served in this context, if any."""
    info = _current.get()
    return info.request_id if info is not None else None


def note_user(user_id: str) -> None:
    """Name the signed-in user in the current request's log line."""
    info = _current.get()
    if info is not None:
        info.user_id = user_id


def request_id_from(headers: Headers) -> str:
    """The client's X-Request-ID when it is sane, else a new id."""
    sent = headers.get(HEADER)
    if sent is not None and len(sent) <= MAX_ID_LENGTH and _SANE_ID.fullmatch(sent):
        return sent
    return uuid.uuid4().hex


_CONTROL = re.compile(r"[\x00-\x1f\x7f-\x9f\u2028\u2029]")


def loggable_path(scope: Scope) -> str:
    """The request's path with secret path parameters replaced (no query string)."""
    path: str = scope.get("path", "")
    for name, value in (scope.get("path_params") or {}).items():
        if _SECRET_PARAM.search(name) and isinstance(value, str) and value:
            path = path.replace(value, "***")
    # The path is percent-decoded: an encoded newline would start a forged log line.
    return _CONTROL.sub(lambda match: f"%{ord(match.group()):02X}", path)


class RequestLog:
    """Pure ASGI middleware: the request id, echoed, and one log line per request."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] not in ("http", "websocket"):
            await self.app(scope, receive, send)
            return
        info = RequestInfo(request_id=request_id_from(Headers(scope=scope)))
        header = (HEADER.encode(), info.request_id.encode())
        status: int | None = None

        async def send_with_id(message: Message) -> None:
            nonlocal status
            kind = message["type"]
            if kind == "http.response.start":
                status = int(message["status"])
                message = {**message, "headers": [*message.get("headers", []), header]}
            elif kind == "websocket.accept":
                status = 101
                message = {**message, "headers": [*message.get("headers", []), header]}
            elif kind == "websocket.close" and status is None:
                status = 403  # refused before it was accepted
            elif kind == "websocket.http.response.start":
                status = int(message["status"])
            await send(message)

        token = _current.set(info)
        started = time.perf_counter()
        try:
            await self.app(scope, receive, send_with_id)
        except BaseException:
            if status is None:
                status = 500
            raise
        finally:
            _current.reset(token)
            _log_request(scope, info, status, time.perf_counter() - started)


def _log_request(scope: Scope, info: RequestInfo, status: int | None, seconds: float) -> None:
    method = scope.get("method", "GET") if scope["type"] == "http" else "WS"
    fields: dict[str, Any] = {
        "request_id": info.request_id,
        "method": method,
        "path": loggable_path(scope),
        "status": status,
        "duration_ms": round(seconds * 1000, 1),
        "operation_type": info.operation_type,
        "operation_name": info.operation_name,
        "user_id": info.user_id,
    }
    operation = " ".join(p for p in (info.operation_type, info.operation_name) if p)
    log.info(
        "%s %s %s %.1f ms%s%s id=%s",
        method,
        fields["path"],
        status if status is not None else "-",
        fields["duration_ms"],
        f" {operation}" if operation else "",
        f" user={info.user_id}" if info.user_id else "",
        info.request_id,
        extra={"request": fields},
    )


class GraphQLRequestLog(SchemaExtension):
    """Notes each GraphQL operation's type and name, and the signed-in user."""

    def on_operation(self) -> Iterator[None]:
        yield
        info = _current.get()
        if info is None:
            return
        context = self.execution_context
        info.operation_name = context.operation_name
        try:
            info.operation_type = context.operation_type.value
        except (RuntimeError, AttributeError, KeyError):
            pass  # the document did not parse: there is no operation
        user = getattr(context.context, "user", None)
        if user is not None:
            info.user_id = str(user.id)


class _Stderr(logging.StreamHandler[TextIO]):
    """Writes to whatever sys.stderr is at the time (pytest swaps it per test)."""

    @property
    def stream(self) -> TextIO:
        return sys.stderr

    @stream.setter
    def stream(self, value: TextIO) -> None:
        pass


class _WithRequestId(logging.Filter):
    def filter(self, record: logging.LogRecord) -> bool:
        if not hasattr(record, "request_id"):
            record.request_id = current_request_id()
        return True


class TextFormatter(logging.Formatter):
    """`time LEVEL logger: message`, with the request id of any line logged mid-request."""

    def __init__(self) -> None:
        super().__init__("%(asctime)s %(levelname)s %(name)s: %(message)s")

    def format(self, record: logging.LogRecord) -> str:
        text = super().format(record)
        request_id = getattr(record, "request_id", None)
        if request_id and not hasattr(record, "request"):
            text += f" [request {request_id}]"
        return text


class JsonFormatter(logging.Formatter):
    """One JSON object per line; a request's line carries its fields as keys."""

    def format(self, record: logging.LogRecord) -> str:
        entry: dict[str, Any] = {
            "time": datetime.fromtimestamp(record.created, UTC).isoformat(),
            "level": record.levelname,
            "logger": record.name,
            "message": record.getMessage(),
        }
        request_id = getattr(record, "request_id", None)
        if request_id:
            entry["request_id"] = request_id
        entry.update(getattr(record, "request", {}))
        if record.exc_info:
            entry["exception"] = self.formatException(record.exc_info)
        return json.dumps(entry, default=str)


def configure_logging(log_format: str) -> None:
    """Send dropbox-lite's log records to stderr as `text` or `json` (idempotent)."""
    logger = logging.getLogger("dropbox_lite")
    for handler in [h for h in logger.handlers if isinstance(h, _Stderr)]:
        logger.removeHandler(handler)
    handler = _Stderr()
    handler.addFilter(_WithRequestId())
    handler.setFormatter(JsonFormatter() if log_format == "json" else TextFormatter())
    logger.addHandler(handler)
    if logger.level == logging.NOTSET:
        # `dropbox-lite serve --log-level` sets uvicorn's level: follow it.
        served = logging.getLogger("uvicorn.error").level
        logger.setLevel(served or logging.INFO)
    if log_format == "json":
        # uvicorn's own lines (start-up, errors) in this process: JSON too.
        for name in ("uvicorn", "uvicorn.error", "uvicorn.access"):
            for other in logging.getLogger(name).handlers:
                other.setFormatter(JsonFormatter())
