"""What the Nextcloud clients ask before they speak WebDAV: status.php, OCS capabilities and
user, and Login Flow v2's HTTP side (POST /index.php/login/v2 and its poll).

The person grants the app access in the web app (/login-flow/{token}, through the
`loginFlow` query and the `grantLoginFlow` mutation: dav/login_flow_api.py); the app
then receives a new app password named after it (dav/login_flow.py).
"""

from __future__ import annotations

from typing import Any
from urllib.parse import parse_qs, quote
from xml.sax.saxutils import escape

from starlette.requests import Request
from starlette.responses import JSONResponse, RedirectResponse, Response
from starlette.routing import BaseRoute, Route

from dropbox_lite import __version__
from dropbox_lite.auth import credentials
from dropbox_lite.core import errors
from dropbox_lite.dav import login_flow
from dropbox_lite.dav.body import BodyStream, TooLarge, read_capped

# The Nextcloud version we answer as: recent enough for today's clients' checks.
NC_VERSION = [30, 0, 0, 0]
MAX_FORM_BYTES = 16 * 1024


def _base(request: Request) -> str:
    return str(request.base_url).rstrip("/")


async def status(request: Request) -> Response:
    version = ".".join(map(str, NC_VERSION))
    return JSONResponse(
        {
            "installed": True,
            "maintenance": False,
            "needsDbUpgrade": False,
            "version": version,
            "versionstring": ".".join(map(str, NC_VERSION[:3])),
            "edition": "",
            "productname": f"dropbox-lite {__version__}",
            "extendedSupport": False,
        }
    )


def capabilities() -> dict[str, Any]:
    return {
        "version": {
            "major": NC_VERSION[0],
            "minor": NC_VERSION[1],
            "micro": NC_VERSION[2],
            "string": ".".join(map(str, NC_VERSION[:3])),
            "edition": "",
            "extendedSupport": False,
        },
        "capabilities": {
            "core": {"pollinterval": 60, "webdav-root": "remote.php/webdav"},
            "dav": {"chunking": "1.0", "bulkupload": "0"},
            "files": {
                "bigfilechunking": True,
                "undelete": False,
                "versioning": False,
                "blacklisted_files": [".htaccess"],
                "chunked_upload": {"max_size": 100 * 1024 * 1024, "max_parallel_count": 4},
            },
            "checksums": {"supportedTypes": [], "preferredUploadType": ""},
        },
    }


def _xml(value: Any, name: str = "element") -> str:
    if isinstance(value, dict):
        return "".join(f"<{k}>{_xml(v, k)}</{k}>" for k, v in value.items())
    if isinstance(value, list):
        return "".join(f"<element>{_xml(v)}</element>" for v in value)
    if isinstance(value, bool):
        return "1" if value else ""
    return "" if value is None else escape(str(value))


def ocs(request: Request, data: Any, *, status_code: int = 200, message: str = "OK") -> Response:
    """An OCS answer, JSON when asked (`format=json` or Accept), else XML; v1 says 100."""
    v1 = request.url.path.startswith("/ocs/v1.php")
    ok = status_code < 400
    meta = {
        "status": "ok" if ok else "failure",
        "statuscode": (100 if ok else status_code) if v1 else status_code,
        "message": message,
    }
    http_status = 200 if v1 else status_code
    wants_json = request.query_params.get("format") == "json" or "json" in request.headers.get(
        "accept", ""
    )
    if wants_json:
        return JSONResponse({"ocs": {"meta": meta, "data": data}}, status_code=http_status)
    body = f'<?xml version="1.0"?>\n<ocs><meta>{_xml(meta)}</meta><data>{_xml(data)}</data></ocs>'
    return Response(body, status_code=http_status, media_type="text/xml; charset=utf-8")


async def ocs_capabilities(request: Request) -> Response:
    return ocs(request, capabilities())


async def ocs_user(request: Request) -> Response:
    state = request.app.state
    try:
        found = await credentials.authenticate_header(
            db=state.db,
            live=state.appstate.live,
            signer=state.signer,
            settings=state.settings,
            authorization=request.headers.get("authorization"),
            client_ip=request.client.host if request.client else "unknown",
        )
    except errors.RateLimited as exc:
        return ocs(request, [], status_code=429, message=exc.message)
    if found is None:
        response = ocs(request, [], status_code=401, message=errors.Unauthenticated.default_message)
        response.status_code = 401
        response.headers["www-authenticate"] = 'Basic realm="dropbox-lite", charset="UTF-8"'
        return response
    user = found[0]
    from dropbox_lite.files import service as files

    used = await files.usage(db=state.db, user_id=user.id)
    quota = used.quota_bytes
    data = {
        "enabled": True,
        "id": user.username,
        "display-name": user.username,
        "displayname": user.username,
        "email": None,
        "quota": {
            "free": -3 if quota is None else max(0, quota - used.used_bytes),
            "used": used.used_bytes,
            "total": -3 if quota is None else quota,
            "relative": 0 if not quota else round(100 * used.used_bytes / quota, 2),
            "quota": -3 if quota is None else quota,
        },
    }
    return ocs(request, data)


# Login Flow v2 (dav/login_flow.py): the app's two HTTP calls, and the old grant page's
# address, which now sends the person to the web app's page.


async def login_start(request: Request) -> Response:
    """POST /index.php/login/v2: the app's poll token, and the web app's grant page."""
    base = _base(request)
    agent = request.headers.get("user-agent", "")
    started = await login_flow.start_flow(db=request.app.state.db, app_name=agent, server=base)
    return JSONResponse(
        {
            "poll": {"token": started.poll_token, "endpoint": f"{base}/index.php/login/v2/poll"},
            "login": f"{base}/login-flow/{started.login_token}",
        }
    )


async def _form(request: Request) -> dict[str, str]:
    try:
        data = await read_capped(BodyStream(request.receive), MAX_FORM_BYTES)
    except TooLarge:
        raise errors.BadInput("The form is too large.") from None
    try:
        parsed = parse_qs(data.decode("utf-8"), max_num_fields=10)
    except (UnicodeDecodeError, ValueError):
        raise errors.BadInput("The form is not valid.") from None
    return {k: v[0] for k, v in parsed.items()}


async def login_poll(request: Request) -> Response:
    """POST /index.php/login/v2/poll (token=...): 404 until granted, then the credentials once."""
    try:
        token = (await _form(request)).get("token", "")
    except errors.BadInput as exc:
        return JSONResponse({"message": exc.message}, status_code=400)
    result = await login_flow.poll(db=request.app.state.db, token=token)
    if result is None:
        return JSONResponse([], status_code=404)
    return JSONResponse(result)


async def login_page(request: Request) -> Response:
    """GET /index.php/login/v2/flow/{token}: the grant page moved into the web app."""
    token = quote(request.path_params["token"], safe="")
    return RedirectResponse(f"{_base(request)}/login-flow/{token}", status_code=302)


ROUTES: list[BaseRoute] = [
    Route("/status.php", status, methods=["GET"]),
    Route("/ocs/v1.php/cloud/capabilities", ocs_capabilities, methods=["GET"]),
    Route("/ocs/v2.php/cloud/capabilities", ocs_capabilities, methods=["GET"]),
    Route("/ocs/v1.php/cloud/user", ocs_user, methods=["GET"]),
    Route("/ocs/v2.php/cloud/user", ocs_user, methods=["GET"]),
    Route("/index.php/login/v2", login_start, methods=["POST"]),
    Route("/index.php/login/v2/poll", login_poll, methods=["POST"]),
    Route("/index.php/login/v2/flow/{token}", login_page, methods=["GET"]),
]
