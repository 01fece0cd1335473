"""create_app: the Starlette application with the GraphQL endpoint and byte routes."""

from __future__ import annotations

import asyncio
import contextlib
import logging
from collections.abc import AsyncIterator
from typing import Any

from cross_web import StarletteRequestAdapter
from starlette.applications import Starlette
from starlette.middleware import Middleware
from starlette.middleware.cors import CORSMiddleware
from starlette.requests import Request
from starlette.responses import JSONResponse, Response
from starlette.routing import BaseRoute, Route, WebSocketRoute
from starlette.websockets import WebSocket
from strawberry.asgi import GraphQL
from strawberry.exceptions import ConnectionRejectionError
from strawberry.types.unset import UnsetType

from dropbox_lite.auth import service as auth_service
from dropbox_lite.core import db as database
from dropbox_lite.core import requestlog
from dropbox_lite.core.config import Settings, load_config
from dropbox_lite.core.context import Context
from dropbox_lite.core.db import UNAVAILABLE_ERRORS, Database
from dropbox_lite.core.middleware import GraphQLRequestGuard, SecurityHeaders
from dropbox_lite.core.security import Signer
from dropbox_lite.files import routes as files_routes
from dropbox_lite.graphql import Schema, build_schema
from dropbox_lite.sharing import routes as sharing_routes
from dropbox_lite.upkeep.task import start_upkeep

log = logging.getLogger("dropbox_lite")

EMBEDDED_WARNING = (
    "\n" + "!" * 78 + "\n"
    "!!  dropbox-lite is running on the EMBEDDED IN-MEMORY store.\n"
    "!!  NOTHING PERSISTS: every account and file is gone when the process stops.\n"
    "!!  Set DROPBOX_LITE_MONGODB_URI (or DROPBOX_LITE_DB_HOST) for real use.\n" + "!" * 78
)
READY_TIMEOUT_SECONDS = 3.0


def bearer_token(authorization: str | None) -> str | None:
    """The token of an `Authorization: Bearer <token>` header, else None."""
    if not authorization:
        return None
    scheme, _, token = authorization.partition(" ")
    if scheme.lower() != "bearer" or not token.strip():
        return None
    return token.strip()


class _FormClosingAdapter(StarletteRequestAdapter):
    async def get_form_data(self) -> Any:
        # Keep the parsed form so that its spooled files are closed after the
        # response: Strawberry leaves them open.
        data = await super().get_form_data()
        self._request.state.form = data.form
        return data


class GraphQLApp(GraphQL[Context, None]):
    """Strawberry's ASGI view with a typed context and dropbox-lite's rules."""

    def __init__(self, schema: Schema, settings: Settings, **kwargs: Any) -> None:
        super().__init__(schema, **kwargs)
        self.settings = settings

    request_adapter_class = _FormClosingAdapter

    async def __call__(self, scope: Any, receive: Any, send: Any) -> None:
        try:
            await super().__call__(scope, receive, send)
        except UNAVAILABLE_ERRORS as exc:
            # Raised while resolving the signed-in user, before execution began.
            log.warning("database unavailable: %s", exc)
            if scope["type"] == "http":
                response = JSONResponse(
                    {
                        "data": None,
                        "errors": [
                            {
                                "message": "The database is unavailable; try again shortly.",
                                "extensions": {"code": "SERVICE_UNAVAILABLE"},
                            }
                        ],
                    },
                    status_code=503,
                )
                await response(scope, receive, send)
        finally:
            form = scope.get("state", {}).get("form")
            if form is not None:
                await form.close()

    async def get_context(self, request: Request | WebSocket, response: Any) -> Context:
        state = request.app.state
        context = Context(
            request=request,
            response=response,
            settings=self.settings,
            db=state.db,
            signer=state.signer,
        )
        if isinstance(request, Request):
            await _sign_in(context, bearer_token(request.headers.get("authorization")))
        return context

    async def on_ws_connect(self, context: Context) -> UnsetType | dict[str, object] | None:
        params = context.connection_params or {}
        raw = params.get("Authorization") or params.get("authorization") or params.get("token")
        if raw is None:
            return None  # anonymous: subscriptions that need a user refuse it
        token = bearer_token(raw) if isinstance(raw, str) and " " in raw else raw
        if not isinstance(token, str) or not await _sign_in(context, token):
            raise ConnectionRejectionError({"message": "Invalid or expired token."})
        return None


async def _sign_in(context: Context, token: str | None) -> bool:
    if token is None:
        return False
    found = await auth_service.authenticate(
        db=context.db, signer=context.signer, settings=context.settings, token=token
    )
    if found is None:
        return False
    context.user, context.session = found
    return True


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


def create_app(settings: Settings | None = None, *, db: Database | None = None) -> Starlette:
    """The application; `db` lets tests hand in a database they opened themselves."""
    settings = settings or load_config()
    requestlog.configure_logging(settings.log_format)
    schema = build_schema(introspection=settings.introspection)
    graphql_app = GraphQLApp(
        schema,
        settings,
        graphql_ide="graphiql" if settings.graphiql else None,
        allow_queries_via_get=False,
        multipart_uploads_enabled=True,
        allowed_origins=settings.cors_origins,
    )
    schema.extensions = (*schema.extensions, requestlog.GraphQLRequestLog)

    @contextlib.asynccontextmanager
    async def lifespan(app: Starlette) -> AsyncIterator[None]:
        opened = db is None
        current = db or await database.connect(settings)
        if current.backend == "memory":
            log.warning(EMBEDDED_WARNING)
        if settings.secret_key_generated:
            log.warning(
                "DROPBOX_LITE_SECRET_KEY is not set: a random key signs tokens, so every "
                "sign-in and download link ends when the process stops."
            )
        await current.ensure_indexes()
        app.state.db = current
        app.state.signer = Signer(settings.secret_keys)
        app.state.settings = settings
        upkeep = start_upkeep(db=current, settings=settings)
        try:
            yield
        finally:
            if upkeep is not None:
                await upkeep.stop()
            if opened:
                current.close()

    routes: list[BaseRoute] = [
        Route("/graphql", graphql_app, methods=["GET", "POST"]),
        WebSocketRoute("/graphql", graphql_app),
        Route("/healthz", healthz),
        Route("/readyz", readyz),
    ]
    routes.extend(files_routes.ROUTES)
    routes.extend(sharing_routes.ROUTES)
    middleware = [
        Middleware(requestlog.RequestLog),
        Middleware(SecurityHeaders),
        Middleware(
            GraphQLRequestGuard,
            path="/graphql",
            max_json_bytes=lambda: settings.max_request_bytes,
            max_upload_bytes=lambda: settings.max_upload_bytes,
        ),
    ]
    if settings.cors_origins:
        middleware.insert(
            0,
            Middleware(
                CORSMiddleware,
                allow_origins=list(settings.cors_origins),
                allow_methods=["GET", "POST", "OPTIONS"],
                allow_headers=[
                    "Authorization",
                    "Content-Type",
                    "GraphQL-Require-Preflight",
                    "Apollo-Require-Preflight",
                    "Range",
                    "If-None-Match",
                ],
                expose_headers=["Content-Range", "Content-Disposition", "ETag"],
            ),
        )
    app = Starlette(routes=routes, middleware=middleware, lifespan=lifespan)
    return app


def app_from_env() -> Starlette:
    """Factory for uvicorn (`--factory`): settings from the environment."""
    return create_app(load_config())
