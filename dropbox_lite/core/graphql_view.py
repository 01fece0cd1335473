"""The GraphQL view: Strawberry's ASGI app with dropbox-lite's rules.

GraphQLApp (timeouts, the long poll's longer one, multipart checks, stopping a request
whose client went away, the 503 on an unreachable database), the request context and
its sign-in (header or WebSocket connection params), and the WebSocket adapters.
"""

from __future__ import annotations

import asyncio
import functools
import logging
from collections.abc import AsyncGenerator, Awaitable
from typing import Any, cast

from cross_web import AsyncHTTPRequestAdapter, HTTPException, StarletteRequestAdapter
from graphql import (
    DocumentNode,
    FieldNode,
    FragmentDefinitionNode,
    FragmentSpreadNode,
    GraphQLError,
    InlineFragmentNode,
    OperationDefinitionNode,
    OperationType,
    SelectionSetNode,
    parse,
)
from starlette.requests import Request
from starlette.responses import JSONResponse, Response
from starlette.types import Message, Receive, Scope, Send
from starlette.websockets import WebSocket, WebSocketDisconnect, WebSocketState
from strawberry.asgi import ASGIWebSocketAdapter, GraphQL
from strawberry.exceptions import ConnectionRejectionError
from strawberry.file_uploads.utils import replace_placeholders_with_files
from strawberry.http import GraphQLRequestData
from strawberry.http.exceptions import NonJsonMessageReceived, NonTextMessageReceived
from strawberry.subscriptions.protocols.graphql_ws.handlers import BaseGraphQLWSHandler
from strawberry.subscriptions.protocols.graphql_ws.types import ConnectionInitMessage
from strawberry.types import ExecutionResult
from strawberry.types.unset import UnsetType

from dropbox_lite.auth import credentials
from dropbox_lite.auth import service as auth_service
from dropbox_lite.core import errors
from dropbox_lite.core.config import Settings
from dropbox_lite.core.context import Context
from dropbox_lite.core.db import UNAVAILABLE_ERRORS
from dropbox_lite.core.graphql_request import (
    BadRequest,
    NotJSON,
    check_upload_map,
    decode_json_body,
)
from dropbox_lite.core.headers import bearer_token
from dropbox_lite.core.http_errors import error_body
from dropbox_lite.graphql import MAX_TOKENS, Schema

log = logging.getLogger("dropbox_lite")

# The longest `waitForChanges` may wait (sync/waiting.MAX_WAIT_SECONDS); an operation
# that long-polls gets this much more than the execution timeout.
LONG_POLL_SECONDS = 480
LONG_POLL_FIELD = "waitForChanges"


class _FormClosingAdapter(StarletteRequestAdapter):
    async def get_form_data(self) -> Any:
        # Keep the parsed form so that its spooled files are closed after the
        # response: Strawberry leaves them open.
        data = await super().get_form_data()
        self._request.state.form = data.form
        return data


class _RefusalAs4403:
    """A WebSocket whose close after a `connection_error` uses 4403 and names the reason."""

    def __init__(self, websocket: Any) -> None:
        self._websocket = websocket
        self._reason = "Forbidden"

    def __getattr__(self, name: str) -> Any:
        return getattr(self._websocket, name)

    async def send_json(self, message: Any) -> None:
        payload = message.get("payload") if isinstance(message, dict) else None
        if isinstance(payload, dict) and isinstance(payload.get("message"), str):
            self._reason = payload["message"][:120]
        await self._websocket.send_json(message)

    async def close(self, code: int, reason: str) -> None:
        if code == 1011:
            code, reason = 4403, self._reason
        await self._websocket.close(code, reason)


class _LegacyWSHandler(BaseGraphQLWSHandler[Context, None]):
    """The legacy `graphql-ws` protocol, refusing a bad token as graphql-transport-ws does:
    Strawberry closes with 1011 (a server error); this closes with 4403 and the reason."""

    async def handle_connection_init(self, message: ConnectionInitMessage) -> None:
        websocket = self.websocket
        self.websocket = cast(Any, _RefusalAs4403(websocket))
        try:
            await super().handle_connection_init(message)
        finally:
            self.websocket = websocket


class _WebSocketAdapter(ASGIWebSocketAdapter):
    """Strawberry's, closing the socket (4400, with the reason) on a message that
    decode_json refuses (nested too deeply, a lone surrogate) instead of failing."""

    async def iter_json(
        self, *, ignore_parsing_errors: bool = False
    ) -> AsyncGenerator[object, None]:
        try:
            while self.ws.application_state != WebSocketState.DISCONNECTED:
                text = await self.ws.receive_text()
                try:
                    yield decode_json_body(text)
                except NotJSON as exc:
                    if not ignore_parsing_errors:
                        raise NonJsonMessageReceived from exc
                except BadRequest as exc:
                    await self.ws.close(code=4400, reason=str(exc)[:120])
                    return
        except KeyError as exc:
            raise NonTextMessageReceived from exc
        except WebSocketDisconnect:
            pass


class GraphQLApp(GraphQL[Context, None]):
    """Strawberry's ASGI view with a typed context and dropbox-lite's rules."""

    def __init__(self, schema: Schema, settings: Settings, **kwargs: Any) -> None:
        super().__init__(schema, **kwargs)
        self.settings = settings

    request_adapter_class = _FormClosingAdapter
    websocket_adapter_class = _WebSocketAdapter
    graphql_ws_handler_class = _LegacyWSHandler

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        try:
            if scope["type"] == "http":
                await self._serve_http(scope, receive, send)
            else:
                await super().__call__(scope, receive, send)
        except UNAVAILABLE_ERRORS as exc:
            # Raised while resolving the signed-in user, before execution began.
            log.warning("database unavailable: %s", exc)
            if scope["type"] == "http":
                unavailable = errors.ServiceUnavailable()
                response = _error_response(503, unavailable.message, unavailable.code)
                await response(scope, receive, send)
        finally:
            form = scope.get("state", {}).get("form")
            if form is not None:
                await form.close()

    async def _serve_http(self, scope: Scope, receive: Receive, send: Send) -> None:
        """Run one request; stop its work when the client goes away before the answer."""
        body_read = asyncio.Event()

        async def tracking_receive() -> Message:
            message = await receive()
            if message["type"] != "http.request" or not message.get("more_body", False):
                body_read.set()
            return message

        running = asyncio.create_task(self.run(Request(scope, receive=tracking_receive)))
        watcher = asyncio.create_task(_cancel_on_disconnect(receive, body_read, running))
        try:
            response = await running
        except HTTPException as exc:
            # Strawberry answers these in plain text; clients expect GraphQL's JSON.
            response = _error_response(exc.status_code, exc.reason, "BAD_REQUEST")
        except asyncio.CancelledError:
            if watcher.done() and not watcher.cancelled() and watcher.result():
                log.info("client went away; its request was stopped")
                return
            raise
        finally:
            watcher.cancel()
        await response(scope, receive, send)

    def decode_json(self, data: str | bytes) -> object:
        try:
            return decode_json_body(data)
        except BadRequest as exc:
            raise HTTPException(400, str(exc)) from None

    async def parse_multipart(self, request: Any) -> dict[str, str]:
        try:
            form_data = await request.get_form_data()
        except ValueError as exc:
            raise HTTPException(400, "Unable to parse the multipart body.") from exc
        operations = form_data.form.get("operations")
        files_map = form_data.form.get("map")
        if not isinstance(operations, str) or not isinstance(files_map, str):
            raise HTTPException(400, "A multipart request needs the fields `operations` and `map`.")
        parsed = self.parse_json(operations)
        mapping = self.parse_json(files_map)
        try:
            check_upload_map(parsed, mapping, form_data.files.keys())
        except BadRequest as exc:
            raise HTTPException(400, str(exc)) from None
        return replace_placeholders_with_files(parsed, mapping, form_data.files)

    async def execute_single(
        self,
        request: Request,
        request_adapter: AsyncHTTPRequestAdapter,
        sub_response: Response,
        context: Context,
        root_value: None,
        request_data: GraphQLRequestData,
    ) -> ExecutionResult:
        def execute() -> Awaitable[ExecutionResult]:
            return super(GraphQLApp, self).execute_single(
                request=request,
                request_adapter=request_adapter,
                sub_response=sub_response,
                context=context,
                root_value=root_value,
                request_data=request_data,
            )

        if (request_adapter.content_type or "").lower().startswith("multipart/"):
            # An upload's time grows with its size, which the size limit bounds.
            return await execute()
        limit = self.settings.request_timeout_seconds
        if long_polls(request_data.query, request_data.operation_name):
            limit += LONG_POLL_SECONDS
        try:
            async with asyncio.timeout(limit):
                return await execute()
        except TimeoutError:
            log.warning("request stopped after %s s", limit)
            error = GraphQLError(
                f"The request ran longer than {limit} s and was stopped; "
                "ask for less at once, or try again later.",
                extensions={"code": "SERVICE_UNAVAILABLE"},
            )
            return ExecutionResult(data=None, errors=[error])

    async def get_context(self, request: Request | WebSocket, response: Any) -> Context:
        state = request.app.state
        context = Context(
            request=request,
            response=response,
            settings=self.settings,
            db=state.db,
            signer=state.signer,
            state=state.appstate,
        )
        if isinstance(request, Request):
            await _sign_in_header(context, request.headers.get("authorization"))
        return context

    async def on_ws_connect(self, context: Context) -> UnsetType | dict[str, object] | None:
        params = context.connection_params or {}
        raw = params.get("Authorization") or params.get("authorization") or params.get("token")
        if raw is None:
            return None  # anonymous: subscriptions that need a user refuse it
        token = bearer_token(raw) if isinstance(raw, str) and " " in raw else raw
        if not isinstance(token, str) or not await _sign_in(context, token):
            raise ConnectionRejectionError({"message": "Invalid or expired token."})
        context.watch_session()  # the session ending ends the socket's sign-in (4403)
        return None


def long_polls(query: str | None, operation_name: str | None) -> bool:
    """True when the operation to run selects `waitForChanges` at its root.

    Decided on the parsed operation, not the text: a comment or a string naming the
    field must not buy a query the long poll's timeout.
    """
    if not query or LONG_POLL_FIELD not in query:
        return False  # the cheap case: no parse
    try:
        document = _parse_for_timeout(query)
    except (GraphQLError, RecursionError):
        return False  # Strawberry reports the error
    operations = [d for d in document.definitions if isinstance(d, OperationDefinitionNode)]
    if operation_name is not None:
        operations = [o for o in operations if o.name and o.name.value == operation_name]
    if len(operations) != 1 or operations[0].operation != OperationType.QUERY:
        return False
    fragments = {
        d.name.value: d for d in document.definitions if isinstance(d, FragmentDefinitionNode)
    }
    return LONG_POLL_FIELD in _root_fields(operations[0].selection_set, fragments, frozenset())


@functools.lru_cache(maxsize=64)
def _parse_for_timeout(query: str) -> DocumentNode:
    return parse(query, no_location=True, max_tokens=MAX_TOKENS)


def _root_fields(
    selections: SelectionSetNode, fragments: dict[str, FragmentDefinitionNode], seen: frozenset[str]
) -> set[str]:
    """Names of the fields a selection set selects, through fragments (not below fields)."""
    names: set[str] = set()
    for selection in selections.selections:
        if isinstance(selection, FieldNode):
            names.add(selection.name.value)
        elif isinstance(selection, InlineFragmentNode):
            names |= _root_fields(selection.selection_set, fragments, seen)
        elif isinstance(selection, FragmentSpreadNode):
            name = selection.name.value
            if name in fragments and name not in seen:
                names |= _root_fields(fragments[name].selection_set, fragments, seen | {name})
    return names


async def _sign_in(context: Context, token: str | None) -> bool:
    if token is None:
        return False
    found = await auth_service.authenticate(
        db=context.db,
        live=context.state.live,
        signer=context.signer,
        settings=context.settings,
        token=token,
    )
    if found is None:
        return False
    context.user, context.session = found
    return True


async def _sign_in_header(context: Context, authorization: str | None) -> bool:
    # Bearer or HTTP Basic (an app password or the account password, throttled).
    try:
        found = await credentials.authenticate_header(
            db=context.db,
            live=context.state.live,
            signer=context.signer,
            settings=context.settings,
            authorization=authorization,
            client_ip=context.client_ip,
        )
    except errors.RateLimited:
        return False
    if found is None:
        return False
    context.user, context.session = found
    return True


def _error_response(status: int, message: str, code: str) -> Response:
    return JSONResponse({"data": None, **error_body(message, code)}, status_code=status)


async def _cancel_on_disconnect(
    receive: Receive, body_read: asyncio.Event, running: asyncio.Task[Any]
) -> bool:
    """Cancel `running` when the client disconnects; True when it did."""
    await body_read.wait()
    while True:
        message = await receive()
        if message["type"] == "http.disconnect":
            running.cancel()
            return True
