"""What the Nextcloud clients ask before they speak WebDAV: status.php, OCS capabilities and
user, and Login Flow v2 (POST /index.php/login/v2, its poll, and a small grant page).

The grant page is server-rendered here (no script): the person signs in with their
account password (the same throttle as `login`), and the app receives a new app
password named after it. The app password waits in `login_flows` until the app polls
it (once) or the flow expires (20 minutes), as Nextcloud's own flow keeps it.
"""

from __future__ import annotations

import hashlib
import html
import secrets
from datetime import UTC, datetime, timedelta
from typing import Any
from xml.sax.saxutils import escape

from bson import ObjectId
from starlette.requests import Request
from starlette.responses import HTMLResponse, JSONResponse, Response
from starlette.routing import BaseRoute, Route

from dropbox_lite import __version__
from dropbox_lite.auth import credentials, service
from dropbox_lite.core import errors
from dropbox_lite.dav import store
from dropbox_lite.dav.body import BodyStream, TooLarge, read_capped

# The Nextcloud version we answer as: recent enough for today's clients' checks.
NC_VERSION = [30, 0, 0, 0]
FLOW_LIFETIME = timedelta(minutes=20)
MAX_FORM_BYTES = 16 * 1024
PAGE_HEADERS = {
    "x-frame-options": "DENY",
    "content-security-policy": "default-src 'none'; style-src 'unsafe-inline'; form-action 'self'",
    "cache-control": "no-store",
    "referrer-policy": "no-referrer",
}


def _hash(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()


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


# Login Flow v2.


async def login_start(request: Request) -> Response:
    """POST /index.php/login/v2: a flow's two tokens (poll: the app's; login: the page's)."""
    db = request.app.state.db
    at = datetime.now(UTC)
    await store.prune_flows(db, at)
    poll, flow = secrets.token_urlsafe(32), secrets.token_urlsafe(32)
    agent = request.headers.get("user-agent", "") or "Nextcloud app"
    await store.insert_flow(
        db,
        {
            "_id": ObjectId(),
            "poll_hash": _hash(poll),
            "flow_hash": _hash(flow),
            "name": agent[: credentials.MAX_NAME],
            "created_at": at,
            "expires_at": at + FLOW_LIFETIME,
            "result": None,
        },
    )
    base = _base(request)
    return JSONResponse(
        {
            "poll": {"token": poll, "endpoint": f"{base}/index.php/login/v2/poll"},
            "login": f"{base}/index.php/login/v2/flow/{flow}",
        }
    )


async def _form(request: Request) -> dict[str, str]:
    try:
        data = await read_capped(BodyStream(request.receive), MAX_FORM_BYTES)
    except TooLarge:
        raise errors.BadInput("The form is too large.") from None
    from urllib.parse import parse_qs

    try:
        parsed = parse_qs(data.decode("utf-8"), max_num_fields=10)
    except (UnicodeDecodeError, ValueError):
        raise errors.BadInput("The form is not valid.") from None
    return {k: v[0] for k, v in parsed.items()}


async def login_poll(request: Request) -> Response:
    """POST /index.php/login/v2/poll (token=...): 404 until granted, then the credentials once."""
    db = request.app.state.db
    try:
        token = (await _form(request)).get("token", "")
    except errors.BadInput as exc:
        return JSONResponse({"message": exc.message}, status_code=400)
    flow = await store.flow_by(db, "poll_hash", _hash(token), datetime.now(UTC)) if token else None
    if flow is None or flow.get("result") is None or not await store.take_flow(db, flow["_id"]):
        return JSONResponse([], status_code=404)
    return JSONResponse(flow["result"])


def _page(title: str, body: str, status_code: int = 200) -> HTMLResponse:
    page = (
        "<!doctype html><html lang=en><head><meta charset=utf-8>"
        '<meta name=viewport content="width=device-width, initial-scale=1">'
        f"<title>{html.escape(title)}</title><style>body{{font:16px system-ui,sans-serif;"
        "max-width:28rem;margin:4rem auto;padding:0 1rem}label{display:block;margin:.8rem 0}"
        "input{display:block;width:100%;padding:.4rem;font:inherit}"
        "button{margin-top:1rem;padding:.5rem 1rem;font:inherit}</style></head><body>"
        f"<h1>{html.escape(title)}</h1>{body}</body></html>"
    )
    return HTMLResponse(page, status_code=status_code, headers=PAGE_HEADERS)


def _grant_form(name: str, message: str = "") -> str:
    note = f'<p role="alert">{html.escape(message)}</p>' if message else ""
    return (
        f"<p><strong>{html.escape(name)}</strong> asks for access to your files. Sign in to "
        f"grant it: it gets an app password of its own, which you can revoke at any time.</p>"
        f'{note}<form method="post"><label>Username<input name="username" '
        'autocomplete="username" required></label><label>Password<input name="password" '
        'type="password" autocomplete="current-password" required></label>'
        "<button type=submit>Grant access</button></form>"
    )


async def login_page(request: Request) -> Response:
    """GET/POST /index.php/login/v2/flow/{token}: the grant page."""
    state = request.app.state
    at = datetime.now(UTC)
    flow = await store.flow_by(state.db, "flow_hash", _hash(request.path_params["token"]), at)
    if flow is None or flow.get("result") is not None:
        return _page("Link expired", "<p>This sign-in link is used or expired.</p>", 404)
    if request.method == "GET":
        return _page("Grant access", _grant_form(flow["name"]))
    try:
        form = await _form(request)
    except errors.BadInput as exc:
        return _page("Grant access", _grant_form(flow["name"], exc.message), 400)
    username = form.get("username", "")
    try:
        user = await service.login(
            db=state.db,
            settings=state.settings,
            username=username,
            password=form.get("password", ""),
            client_ip=request.client.host if request.client else "unknown",
        )
    except (errors.InvalidCredentials, errors.InvalidInput, errors.RateLimited) as exc:
        return _page("Grant access", _grant_form(flow["name"], exc.message), 403)
    password, record = await credentials.create_app_password(
        db=state.db, user_id=user.id, name=flow["name"]
    )
    result = {"server": _base(request), "loginName": user.username, "appPassword": password}
    if not await store.grant_flow(state.db, flow["_id"], result):
        await credentials.revoke_app_password(
            db=state.db, user_id=user.id, app_password_id=record.id
        )
        return _page("Link expired", "<p>This sign-in link is used or expired.</p>", 404)
    return _page("Access granted", "<p>You can close this page and go back to the app.</p>")


ROUTES: list[BaseRoute] = [
    Route("/status.php", status, methods=["GET"]),
    Route("/ocs/v1.php/cloud/capabilities", ocs_capabilities, methods=["GET"]),
    Route("/ocs/v2.php/cloud/capabilities", ocs_capabilities, methods=["GET"]),
    Route("/ocs/v1.php/cloud/user", ocs_user, methods=["GET"]),
    Route("/ocs/v2.php/cloud/user", ocs_user, methods=["GET"]),
    Route("/index.php/login/v2", login_start, methods=["POST"]),
    Route("/index.php/login/v2/poll", login_poll, methods=["POST"]),
    Route("/index.php/login/v2/flow/{token}", login_page, methods=["GET", "POST"]),
]
