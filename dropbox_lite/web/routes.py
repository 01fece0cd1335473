"""Routes that serve the built web app from `static/`: no CDN, no Node at run time.

`/` and the app's client-side routes answer `index.html`, `/assets/*` the hashed
bundles (cached for a year), `GET /graphql` from a browser the bundled GraphiQL,
and `share_page` the app's page for a share link opened in a browser.
"""

from __future__ import annotations

from pathlib import Path

from starlette.requests import Request
from starlette.responses import FileResponse, PlainTextResponse, Response
from starlette.routing import BaseRoute, Mount, Route
from starlette.staticfiles import StaticFiles
from starlette.types import ASGIApp, Receive, Scope, Send

STATIC = Path(__file__).parent / "static"

# Scripts only from our own origin (no inline scripts); the app itself needs no
# inline styles either. GraphiQL's editor and popovers set inline styles.
_BASE_POLICY = (
    "default-src 'self'; script-src 'self'; img-src 'self' data:; font-src 'self' data:; "
    "connect-src 'self'; object-src 'none'; base-uri 'none'; form-action 'self'; "
    "frame-ancestors 'none'"
)
APP_POLICY = f"{_BASE_POLICY}; style-src 'self'"
GRAPHIQL_POLICY = f"{_BASE_POLICY}; style-src 'self' 'unsafe-inline'"
APP_PATHS = (
    "/",
    "/browse",
    "/browse/{rest:path}",
    "/trash",
    "/search",
    "/devices",
    "/account",
    "/shared",
    "/login-flow/{token}",
)


def html_headers(policy: str = APP_POLICY) -> dict[str, str]:
    """The security headers of every HTML page."""
    return {
        "content-security-policy": policy,
        "referrer-policy": "no-referrer",
        "x-frame-options": "DENY",
        "cache-control": "no-cache",
    }


def _page(name: str, policy: str = APP_POLICY) -> Response:
    path = STATIC / name
    if not path.is_file():
        return PlainTextResponse(
            "The web app is not built: run `npm ci && npm run build` in web/.", status_code=503
        )
    return FileResponse(path, media_type="text/html; charset=utf-8", headers=html_headers(policy))


async def app_page(request: Request) -> Response:
    return _page("index.html")


async def share_page(request: Request) -> Response:
    """The app's page for /s/{token}: it shows the link with `sharedLink`."""
    return _page("index.html")


def wants_html(request: Request) -> bool:
    """A browser navigating here (Accept names text/html), not a program fetching bytes."""
    return "text/html" in request.headers.get("accept", "").lower()


class GraphiQLPage:
    """GET /graphql from a browser: the bundled GraphiQL; anything else goes to `graphql`."""

    def __init__(self, graphql: ASGIApp) -> None:
        self.graphql = graphql

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] == "http" and scope["method"] in ("GET", "HEAD"):
            request = Request(scope, receive)
            if wants_html(request) and not request.query_params:
                await _page("graphiql.html", GRAPHIQL_POLICY)(scope, receive, send)
                return
        await self.graphql(scope, receive, send)


class _Assets(StaticFiles):
    async def get_response(self, path: str, scope: Scope) -> Response:
        response = await super().get_response(path, scope)
        if response.status_code == 200:
            # File names carry a content hash: a new build gets new names.
            response.headers["cache-control"] = "public, max-age=31536000, immutable"
        return response


async def favicon(request: Request) -> Response:
    return FileResponse(STATIC / "favicon.svg", media_type="image/svg+xml")


def routes() -> list[BaseRoute]:
    """The app's pages and assets; add them after every API route."""
    pages: list[BaseRoute] = [Route(path, app_page, methods=["GET"]) for path in APP_PATHS]
    return [
        *pages,
        Route("/favicon.svg", favicon, methods=["GET"]),
        Mount("/assets", app=_Assets(directory=STATIC / "assets", check_dir=False), name="assets"),
    ]
