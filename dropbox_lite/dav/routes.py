"""The WebDAV routes: `/dav/…`, `/remote.php/webdav/…`, `/remote.php/dav/files/{user}/…`,
and Nextcloud's chunked uploads under `/remote.php/dav/uploads/{user}/…`.

One ASGI app: it signs the request in (Bearer, or Basic with an app password or the
account password), finds the space the path names, and hands the method over to
handlers.py's table (chunking.py for uploads). Domain errors become statuses through the
WebDAV column of `errors.ANSWERS`, the one table of how every face answers them.
"""

from __future__ import annotations

import logging

from starlette.requests import Request
from starlette.responses import Response
from starlette.routing import BaseRoute, Mount, Route
from starlette.types import Receive, Scope, Send

from dropbox_lite.auth import credentials, service
from dropbox_lite.core import errors, requestlog
from dropbox_lite.core.db import UNAVAILABLE_ERRORS
from dropbox_lite.dav import calls, chunking, handlers, nextcloud
from dropbox_lite.dav import xmlbody as x
from dropbox_lite.dav.body import BodyStream, Disconnected, TooLarge
from dropbox_lite.dav.resources import BadPath, Space, split_path

log = logging.getLogger(__name__)

REALM = 'Basic realm="dropbox-lite", charset="UTF-8"'
FILES = "/remote.php/dav/files/"
UPLOADS = "/remote.php/dav/uploads/"
PLAIN_BASES = ("/dav", "/remote.php/webdav")


def _split_base(path: str) -> tuple[str, str, str | None, bool] | None:
    """(base, rest, username in the path, is an upload) for a WebDAV path, else None."""
    for base in PLAIN_BASES:
        if path == base or path.startswith(base + "/"):
            return base, path[len(base) :], None, False
    for prefix, uploads in ((FILES, False), (UPLOADS, True)):
        if path.startswith(prefix):
            name, _, rest = path[len(prefix) :].partition("/")
            if name:
                return prefix + name, "/" + rest, name, uploads
    return None


def unauthorized() -> Response:
    return calls.error(401, errors.Unauthenticated.default_message, **{"www-authenticate": REALM})


class DavApp:
    """The ASGI app behind every WebDAV prefix."""

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            return
        request = Request(scope, receive)
        stream = BodyStream(receive)
        try:
            response = await self.answer(request, stream)
        except Disconnected:
            return
        await response(scope, receive, send)

    async def answer(self, request: Request, stream: BodyStream) -> Response:
        raw = request.scope.get("raw_path")
        path = raw.decode("latin-1").split("?", 1)[0] if raw else request.url.path
        found = _split_base(path)
        if found is None:
            return calls.error(404, errors.NotFound.default_message)
        base, rest, named, uploads = found
        state = request.app.state
        try:
            signed_in = await credentials.authenticate_header(
                db=state.db,
                live=state.appstate.live,
                signer=state.signer,
                settings=state.settings,
                authorization=request.headers.get("authorization"),
                client_ip=request.client.host if request.client else "unknown",
            )
        except errors.RateLimited as exc:
            retry = str(exc.details.get("retry_after_seconds", 60))
            return calls.error(429, exc.message, **{"retry-after": retry})
        except UNAVAILABLE_ERRORS as exc:
            log.warning("database unavailable: %s", exc)
            return calls.error(503, errors.ServiceUnavailable.default_message)
        if signed_in is None:
            return unauthorized()
        user, session = signed_in
        requestlog.note_user(user.id)
        if named is not None:
            try:
                named = split_path(named)[0]
            except (BadPath, IndexError):
                return calls.error(404, errors.NotFound.default_message)
            if service.username_key(named) != service.username_key(user.username):
                return calls.error(404, errors.NotFound.default_message)
        space = Space(db=state.db, settings=state.settings, user=user, session=session, base=base)
        method = request.method.upper()
        try:
            segments = split_path(rest)
            if uploads:
                return await chunking.handle(request, space, segments, stream)
            handler = handlers.HANDLERS.get(method)
            if handler is None:
                return calls.error(
                    405, f"{method} is not a WebDAV method here.", allow=handlers.ALLOW
                )
            return await handler(calls.Call(request, space, segments, stream))
        except errors.DomainError as exc:
            return calls.domain_error(exc)
        except BadPath as exc:
            return calls.error(400, str(exc))
        except TooLarge:
            return calls.error(413, f"An XML body may be at most {x.MAX_XML_BYTES} bytes.")
        except x.BadXml as exc:
            return calls.error(400, str(exc))
        except UNAVAILABLE_ERRORS as exc:
            log.warning("database unavailable: %s", exc)
            return calls.error(503, errors.ServiceUnavailable.default_message)


APP = DavApp()


ROUTES: list[BaseRoute] = [
    *nextcloud.ROUTES,
    # Route for the bare prefix (no trailing slash), Mount for everything below it; every
    # method, WebDAV's own (PROPFIND, MKCOL, ...) included.
    Route("/dav", APP, methods=None),
    Mount("/dav", app=APP),
    Route("/remote.php/webdav", APP, methods=None),
    Mount("/remote.php", app=APP),
]
