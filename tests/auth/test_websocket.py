"""Sign-in over WebSocket: the token travels in the `connection_init` payload."""

from __future__ import annotations

from typing import Any

import pytest
from httpx import AsyncClient
from httpx_ws import WebSocketDisconnect, aconnect_ws
from httpx_ws.transport import ASGIWebSocketTransport
from starlette.applications import Starlette

from tests.support import GraphQLClient


def _disconnect(error: BaseException) -> WebSocketDisconnect | None:
    # httpx-ws runs in an anyio task group, which wraps the close in exception groups.
    if isinstance(error, WebSocketDisconnect):
        return error
    if isinstance(error, BaseExceptionGroup):
        for inner in error.exceptions:
            found = _disconnect(inner)
            if found is not None:
                return found
    return None


async def connection_init(app: Starlette, payload: dict[str, Any]) -> dict[str, Any]:
    """The server's answer to `connection_init`: its message, or {"closed": code}."""
    try:
        async with (
            AsyncClient(
                transport=ASGIWebSocketTransport(app), base_url="http://testserver"
            ) as client,
            aconnect_ws("/graphql", client, subprotocols=["graphql-transport-ws"]) as ws,
        ):
            await ws.send_json({"type": "connection_init", "payload": payload})
            reply: dict[str, Any] = await ws.receive_json(timeout=5)
            return reply
    except BaseException as error:  # noqa: B036 - unwrapped below, re-raised if foreign
        found = _disconnect(error)
        if found is None:
            raise
        return {"closed": found.code}


async def test_valid_token_is_accepted(app: Starlette, gql: GraphQLClient) -> None:
    account = await gql.signup()
    for payload in ({"Authorization": f"Bearer {account.token}"}, {"token": account.token}):
        assert (await connection_init(app, payload))["type"] == "connection_ack"


@pytest.mark.parametrize("token", ["garbage", "Bearer garbage", 12345, "Bearer "])
async def test_bad_token_is_rejected(app: Starlette, gql: GraphQLClient, token: Any) -> None:
    await gql.signup()
    assert await connection_init(app, {"Authorization": token}) == {"closed": 4403}


async def test_revoked_token_is_rejected(app: Starlette, gql: GraphQLClient) -> None:
    account = await gql.signup()
    assert (await gql.data("mutation { logout }", token=account.token))["logout"] is True
    assert await connection_init(app, {"token": account.token}) == {"closed": 4403}
