"""create_app: the Starlette application: its route table, middleware, health checks and
lifespan (database, signer, upkeep). The GraphQL view itself is core/graphql_view.py."""

from __future__ import annotations

import asyncio
import contextlib
import logging
from collections.abc import AsyncIterator
from typing import Any

from starlette.applications import Starlette
from starlette.middleware import Middleware
from starlette.middleware.cors import CORSMiddleware
from starlette.requests import Request
from starlette.responses import JSONResponse, Response
from starlette.routing import BaseRoute, Route, WebSocketRoute
from starlette.types import Scope

from dropbox_lite.auth import credentials
from dropbox_lite.auth.live import LiveSessions
from dropbox_lite.client import wheel as client_wheel
from dropbox_lite.core import db as database
from dropbox_lite.core import errors, requestlog
from dropbox_lite.core.clock import Clock
from dropbox_lite.core.config import Settings, load_config
from dropbox_lite.core.db import Database
from dropbox_lite.core.graphql_view import GraphQLApp
from dropbox_lite.core.headers import SecurityHeaders
from dropbox_lite.core.request_guard import GraphQLRequestGuard
from dropbox_lite.core.security import Signer
from dropbox_lite.core.state import AppState, StateScope, serving
from dropbox_lite.dav import routes as dav_routes
from dropbox_lite.files import routes as files_routes
from dropbox_lite.files import session_routes, thumbnails, tus, zipstream
from dropbox_lite.files.entries import KnownRoots
from dropbox_lite.files.operations import Running
from dropbox_lite.files.quota import QuotaCache
from dropbox_lite.graphql import build_schema
from dropbox_lite.sharing import routes as sharing_routes
from dropbox_lite.sync.subscriptions import SubscriptionCaps
from dropbox_lite.sync.waiting import LongPolls
from dropbox_lite.upkeep.task import start_upkeep
from dropbox_lite.web import routes as web_routes

log = logging.getLogger("dropbox_lite")

EMBEDDED_WARNING = (
    "\n" + "!" * 78 + "\n"
    "!!  dropbox-lite is running on the EMBEDDED IN-MEMORY store.\n"
    "!!  NOTHING PERSISTS: every account and file is gone when the process stops.\n"
    "!!  Set DROPBOX_LITE_MONGODB_URI (or DROPBOX_LITE_DB_HOST) for real use.\n" + "!" * 78
)
READY_TIMEOUT_SECONDS = 3.0
# At shutdown, how long operations left running by their requests get to finish
# before the database closes (upkeep finishes the rest from their intents).
SETTLE_SECONDS = 5.0
# Operations a visitor without an account may send as a multipart upload.
ANONYMOUS_UPLOAD_FIELDS = ("uploadToShareLink",)
CORS_ALLOW_HEADERS = [
    "Authorization",
    "Content-Type",
    "X-Apollo-Operation-Name",
    "Apollo-Require-Preflight",
    "GraphQL-Require-Preflight",
    "If-Range",
    "If-None-Match",
    "Range",
]
CORS_EXPOSE_HEADERS = ["Retry-After", "Content-Range", "Content-Disposition", "ETag"]


# The database keeps accounts, files and devices across restarts; a key made per process
# does not: every restart signs every device out and refuses every sync cursor.
RANDOM_KEY_WARNING = """
!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!
!!  DROPBOX_LITE_SECRET_KEY is not set, but the database persists.
!!  A random key made by this process signs sign-ins, download links and sync
!!  cursors: on every restart every device is signed out and must resync.
!!  Set DROPBOX_LITE_SECRET_KEY (or DROPBOX_LITE_SECRET_KEY_FILE) for real use:
!!    openssl rand -hex 32
!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!
"""


async def healthz(request: Request) -> Response:
    return JSONResponse({"status": "ok"})


async def readyz(request: Request) -> Response:
    db: Database = request.app.state.db
    try:
        ready = await asyncio.wait_for(db.ping(), READY_TIMEOUT_SECONDS)
    except TimeoutError:
        ready = False
    if ready:
        return JSONResponse({"status": "ready", "database": db.backend})
    return JSONResponse({"status": "unavailable", "database": db.backend}, status_code=503)


def _upload_user(settings: Settings) -> Any:
    async def user_id(scope: Scope, authorization: str) -> str | None:
        state = scope["app"].state
        client = scope.get("client")
        try:
            found = await credentials.authenticate_header(
                db=state.db,
                live=state.appstate.live,
                signer=state.signer,
                settings=settings,
                authorization=authorization,
                client_ip=client[0] if client else "unknown",
            )
        except errors.RateLimited:
            return None
        return None if found is None else found[0].id

    return user_id


def new_state(settings: Settings, clock: Clock | None = None) -> AppState:
    """A fresh application state: empty caches, no tasks, on `clock` (the system's)."""
    clock = clock or Clock()
    return AppState(
        clock=clock,
        live=LiveSessions(clock),
        polls=LongPolls(clock),
        wheel=client_wheel.BuiltWheel(),
        subscriptions=SubscriptionCaps(
            per_socket=settings.max_subscriptions_per_socket,
            per_user=settings.max_subscriptions_per_user,
        ),
        quota=QuotaCache(clock),
        roots=KnownRoots(),
        running=Running(),
        thumbnails=thumbnails.new_gate(),
    )


def create_app(
    settings: Settings | None = None, *, db: Database | None = None, clock: Clock | None = None
) -> Starlette:
    """The application; `db` lets tests hand in a database they opened themselves, and
    `clock` a clock they move."""
    settings = settings or load_config()
    state = new_state(settings, clock)
    requestlog.configure_logging(settings.log_format)
    schema = build_schema(introspection=settings.introspection, suggestions=not settings.production)
    graphql_app = GraphQLApp(
        schema,
        settings,
        graphql_ide=None,  # ours is bundled and works offline: dropbox_lite.web
        allow_queries_via_get=False,
        multipart_uploads_enabled=True,
        allowed_origins=settings.cors_origins,
    )

    @contextlib.asynccontextmanager
    async def lifespan(app: Starlette) -> AsyncIterator[None]:
        opened = db is None
        current = db or await database.connect(settings)
        if current.backend == "memory":
            log.warning(EMBEDDED_WARNING)
        if settings.secret_key_generated and current.backend != "memory":
            log.warning(RANDOM_KEY_WARNING)
        elif settings.secret_key_generated:
            log.warning(
                "DROPBOX_LITE_SECRET_KEY is not set: a random key signs tokens, so every "
                "sign-in and download link ends when the process stops."
            )
        await current.ensure_indexes()
        app.state.db = current
        app.state.signer = Signer(settings.secret_keys)
        app.state.settings = settings
        with serving(state):  # the upkeep task runs as this app
            upkeep = start_upkeep(db=current, settings=settings)
        try:
            yield
        finally:
            if upkeep is not None:
                await upkeep.stop()
            await state.live.stop()
            await state.running.settle(timeout=SETTLE_SECONDS)
            if opened:
                current.close()

    routes: list[BaseRoute] = [
        Route(
            "/graphql",
            web_routes.GraphiQLPage(graphql_app) if settings.graphiql else graphql_app,
            methods=["GET", "POST"],
        ),
        WebSocketRoute("/graphql", graphql_app),
        Route("/healthz", healthz),
        Route("/readyz", readyz),
    ]
    routes.extend(files_routes.ROUTES)
    routes.extend(dav_routes.ROUTES)
    routes.extend(zipstream.ROUTES)
    routes.extend(tus.ROUTES)
    routes.extend(session_routes.ROUTES)
    routes.extend(thumbnails.ROUTES)
    routes.extend(sharing_routes.ROUTES)
    routes.extend(client_wheel.ROUTES)  # the sync client's wheel (issue 23)
    routes.extend(web_routes.routes())
    middleware = [
        Middleware(StateScope, state=state),
        Middleware(requestlog.RequestLog),
        Middleware(SecurityHeaders),
        Middleware(
            GraphQLRequestGuard,
            path="/graphql",
            max_json_bytes=lambda: settings.max_request_bytes,
            max_upload_bytes=lambda: settings.max_upload_bytes,
            authenticate=_upload_user(settings),
            anonymous_fields=ANONYMOUS_UPLOAD_FIELDS,
            max_uploads=lambda: settings.max_concurrent_uploads,
        ),
    ]
    if settings.cors_origins:
        middleware.insert(
            0,
            Middleware(
                CORSMiddleware,
                allow_origins=list(settings.cors_origins),
                allow_methods=["GET", "POST", "OPTIONS"],
                allow_credentials=settings.cors_credentials,
                allow_headers=CORS_ALLOW_HEADERS,
                expose_headers=CORS_EXPOSE_HEADERS,
            ),
        )
    app = Starlette(routes=routes, middleware=middleware, lifespan=lifespan)
    app.state.appstate = state
    return app


def app_from_env() -> Starlette:
    """Factory for uvicorn (`--factory`): settings from the environment."""
    return create_app(load_config())
