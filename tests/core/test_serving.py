"""CORS (issue 12 item 13), uvicorn's proxy and connection settings (items 7 and 9), and
both WebSocket subprotocols refusing a bad token alike (item 14)."""

from __future__ import annotations

from collections.abc import AsyncIterator
from typing import Any

import httpx
import pytest
from httpx_ws import aconnect_ws
from httpx_ws.transport import ASGIWebSocketTransport
from starlette.applications import Starlette

from dropbox_lite.core import server
from dropbox_lite.core.app import CORS_ALLOW_HEADERS, CORS_EXPOSE_HEADERS, create_app
from dropbox_lite.core.config import ConfigError, load_config
from dropbox_lite.core.db import Database
from tests.conftest import make_settings
from tests.support import GraphQLClient

ORIGIN = "https://app.example"


@pytest.fixture
async def cors_http(mongo_uri: str | None, db: Database) -> AsyncIterator[httpx.AsyncClient]:
    app = create_app(make_settings(mongo_uri, cors_origins=(ORIGIN,)), db=db)
    async with app.router.lifespan_context(app):
        transport = httpx.ASGITransport(app=app)
        async with httpx.AsyncClient(transport=transport, base_url="http://t") as http:
            yield http


@pytest.mark.parametrize(
    "header",
    [
        "X-Apollo-Operation-Name",
        "Apollo-Require-Preflight",
        "GraphQL-Require-Preflight",
        "If-Range",
        "If-None-Match",
        "Range",
        "Authorization",
    ],
)
async def test_cors_preflight_allows_the_clients_headers(
    cors_http: httpx.AsyncClient, header: str
) -> None:
    response = await cors_http.options(
        "/graphql",
        headers={
            "Origin": ORIGIN,
            "Access-Control-Request-Method": "POST",
            "Access-Control-Request-Headers": header,
        },
    )
    assert response.status_code == 200, response.text
    allowed = response.headers["access-control-allow-headers"].lower()
    assert header.lower() in allowed


async def test_cors_exposes_the_download_headers(cors_http: httpx.AsyncClient) -> None:
    response = await cors_http.get("/healthz", headers={"Origin": ORIGIN})
    exposed = {
        h.strip().lower() for h in response.headers["access-control-expose-headers"].split(",")
    }
    assert exposed == {"retry-after", "content-range", "content-disposition", "etag"}
    assert response.headers["access-control-allow-origin"] == ORIGIN


def test_cors_header_lists_are_as_documented() -> None:
    assert set(CORS_EXPOSE_HEADERS) == {
        "Retry-After",
        "Content-Range",
        "Content-Disposition",
        "ETag",
    }
    assert {"X-Apollo-Operation-Name", "If-Range"} <= set(CORS_ALLOW_HEADERS)


def test_cors_wildcard_with_credentials_is_a_config_error() -> None:
    with pytest.raises(ConfigError) as raised:
        load_config({"DROPBOX_LITE_CORS_ORIGINS": "*", "DROPBOX_LITE_CORS_CREDENTIALS": "true"})
    assert raised.value.variable == "DROPBOX_LITE_CORS_ORIGINS"
    assert "CORS_CREDENTIALS" in str(raised.value)
    assert load_config({"DROPBOX_LITE_CORS_ORIGINS": "*"}).cors_origins == ("*",)
    both = load_config(
        {"DROPBOX_LITE_CORS_ORIGINS": ORIGIN, "DROPBOX_LITE_CORS_CREDENTIALS": "yes"}
    )
    assert both.cors_credentials is True


def test_trusted_proxies_and_timeouts_reach_uvicorn(monkeypatch: pytest.MonkeyPatch) -> None:
    seen: dict[str, Any] = {}
    monkeypatch.setattr(server.uvicorn, "run", lambda *a, **kw: seen.update(kw))
    monkeypatch.setattr(server, "check_startup", lambda settings: None)
    for name in list(__import__("os").environ):
        if name.startswith("DROPBOX_LITE_"):
            monkeypatch.delenv(name)
    monkeypatch.setenv("DROPBOX_LITE_TRUSTED_PROXIES", "10.0.0.0/8, 172.16.0.5")
    monkeypatch.setenv("DROPBOX_LITE_KEEPALIVE_SECONDS", "7")
    server.run_app()
    assert seen["proxy_headers"] is True
    assert seen["forwarded_allow_ips"] == "10.0.0.0/8,172.16.0.5"
    assert seen["timeout_keep_alive"] == 7
    assert seen["h11_max_incomplete_event_size"] == 64 * 1024


def test_trusted_proxies_default_and_bad_values() -> None:
    assert load_config({}).trusted_proxies == "127.0.0.1,::1"
    assert load_config({"DROPBOX_LITE_TRUSTED_PROXIES": "*"}).trusted_proxies == "*"
    for bad in ("proxy.internal", "10.0.0.0/33", "1.2.3.4,,"):
        with pytest.raises(ConfigError) as raised:
            load_config({"DROPBOX_LITE_TRUSTED_PROXIES": bad})
        assert raised.value.variable == "DROPBOX_LITE_TRUSTED_PROXIES"


async def init(app: Starlette, protocol: str, payload: dict[str, Any]) -> tuple[list[Any], Any]:
    """The messages the server sent after `connection_init`, and its close code."""
    received: list[Any] = []
    async with (
        httpx.AsyncClient(transport=ASGIWebSocketTransport(app), base_url="http://t") as client,
        aconnect_ws("/graphql", client, subprotocols=[protocol]) as ws,
    ):
        await ws.send_json({"type": "connection_init", "payload": payload})
        try:
            while True:
                received.append(await ws.receive_json(timeout=5))
                if received[-1]["type"] in ("connection_ack", "connection_error"):
                    if received[-1]["type"] == "connection_ack":
                        return received, None
        except BaseException as error:  # noqa: B036 - the close, wrapped by anyio
            return received, close_code(error)
    return received, None


def close_code(error: BaseException) -> Any:
    from httpx_ws import WebSocketDisconnect

    if isinstance(error, WebSocketDisconnect):
        return (error.code, error.reason)
    if isinstance(error, BaseExceptionGroup):
        for inner in error.exceptions:
            found = close_code(inner)
            if found is not None:
                return found
    raise error


@pytest.mark.parametrize("protocol", ["graphql-transport-ws", "graphql-ws"])
async def test_both_subprotocols_refuse_a_forged_token_with_4403(
    app: Starlette, protocol: str
) -> None:
    received, closed = await init(app, protocol, {"Authorization": "Bearer forged"})
    assert closed is not None and closed[0] == 4403
    if protocol == "graphql-ws":
        assert received == [
            {"type": "connection_error", "payload": {"message": "Invalid or expired token."}}
        ]
        assert closed[1] == "Invalid or expired token."


@pytest.mark.parametrize("protocol", ["graphql-transport-ws", "graphql-ws"])
async def test_both_subprotocols_accept_a_valid_token(
    app: Starlette, gql: GraphQLClient, protocol: str
) -> None:
    account = await gql.signup()
    received, closed = await init(app, protocol, {"Authorization": f"Bearer {account.token}"})
    assert closed is None and received[-1]["type"] == "connection_ack"


@pytest.mark.parametrize("protocol", ["graphql-transport-ws", "graphql-ws"])
@pytest.mark.parametrize(
    ("message", "reason"),
    [
        (
            '{"id": "1", "type": "TYPE", "payload": {"query": "query($c: String!) '
            '{ waitForChanges(cursor: $c) { changed } }", "variables": {"c": "x\\ud800"}}}',
            "lone UTF-16 surrogate",
        ),
        ("[" * 100_000 + "]" * 100_000, "nested too deeply"),
    ],
)
async def test_a_bad_socket_message_closes_it_with_4400(
    app: Starlette, gql: GraphQLClient, protocol: str, message: str, reason: str
) -> None:
    account = await gql.signup()
    kind = "subscribe" if protocol == "graphql-transport-ws" else "start"
    async with (
        httpx.AsyncClient(transport=ASGIWebSocketTransport(app), base_url="http://t") as client,
        aconnect_ws("/graphql", client, subprotocols=[protocol]) as ws,
    ):
        await ws.send_json(
            {"type": "connection_init", "payload": {"Authorization": f"Bearer {account.token}"}}
        )
        assert (await ws.receive_json(timeout=5))["type"] == "connection_ack"
        await ws.send_text(message.replace("TYPE", kind))
        try:
            answer = await ws.receive_json(timeout=5)
        except BaseException as error:  # noqa: B036 - the close, wrapped by anyio
            closed = close_code(error)
        else:
            raise AssertionError(f"answered instead of closing: {answer}")
    assert closed[0] == 4400 and reason in closed[1]
