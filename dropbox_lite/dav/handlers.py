"""The WebDAV methods (RFC 4918 classes 1 and 2), each over files' service.

No method holds a rule of its own about files: names, access (a viewer's write is
PermissionDenied), quota and conflicts come from the service as domain errors, and the
WebDAV column of `errors.ANSWERS` turns them into statuses. What is WebDAV's own is
here: paths and Destination headers, Depth and Overwrite, If headers and locks,
properties.

This module is their one table, `HANDLERS` (which routes.py dispatches on), with ALLOW
and OPTIONS, which tell it. The methods are in reading.py (GET, HEAD, PROPFIND),
writing.py (PUT, MKCOL, DELETE, MOVE, COPY, PROPPATCH) and locking.py (LOCK, UNLOCK);
what they share (the call, its answers, its conditions) is in calls.py.
"""

from __future__ import annotations

from starlette.responses import Response

from dropbox_lite.dav import locking, reading, writing
from dropbox_lite.dav.calls import Call, Handler

ALLOW = "OPTIONS, GET, HEAD, PUT, DELETE, MKCOL, COPY, MOVE, PROPFIND, PROPPATCH, LOCK, UNLOCK"


async def options(call: Call) -> Response:
    return Response(
        b"",
        headers={
            "dav": "1, 2",
            "ms-author-via": "DAV",
            "allow": ALLOW,
            "accept-ranges": "bytes",
        },
    )


HANDLERS: dict[str, Handler] = {
    "OPTIONS": options,
    "GET": reading.get,
    "HEAD": reading.get,
    "PUT": writing.put,
    "MKCOL": writing.mkcol,
    "DELETE": writing.delete,
    "MOVE": writing.move,
    "COPY": writing.copy,
    "PROPFIND": reading.propfind,
    "PROPPATCH": writing.proppatch,
    "LOCK": locking.lock,
    "UNLOCK": locking.unlock,
}
