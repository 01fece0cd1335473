"""Sign-in over WebSocket: the token travels in the `connection_init` payload."""

from __future__ import annotations

import contextlib
from collections.abc import AsyncIterator
from dataclasses import replace
from datetime import UTC, datetime, timedelta
from typing import Any

import httpx
import pytest
from bson import ObjectId
from httpx import AsyncClient
from httpx_ws import AsyncWebSocketSession, WebSocketDisconnect, aconnect_ws
from httpx_ws.transport import ASGIWebSocketTransport
from starlette.applications import Starlette

from dropbox_lite.core.app import create_app
from dropbox_lite.core.config import Settings
from dropbox_lite.core.db import Database
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


# Issue 12 item 1: a socket's sign-in ends with its session.

CREATE_FOLDER = 'mutation { createFolder(name: "NAME") { __typename } }'


@contextlib.asynccontextmanager
async def signed_in_socket(app: Starlette, token: str) -> AsyncIterator[AsyncWebSocketSession]:
    """A graphql-transport-ws connection signed in with `token` and acknowledged."""
    async with (
        AsyncClient(transport=ASGIWebSocketTransport(app), base_url="http://testserver") as client,
        aconnect_ws("/graphql", client, subprotocols=["graphql-transport-ws"]) as ws,
    ):
        await ws.send_json({"type": "connection_init", "payload": {"token": token}})
        assert (await ws.receive_json(timeout=5))["type"] == "connection_ack"
        yield ws


async def run(ws: AsyncWebSocketSession, op_id: str, query: str) -> dict[str, Any]:
    """Send one operation; its first answer, or {"closed": code} if the socket closed."""
    try:
        await ws.send_json({"id": op_id, "type": "subscribe", "payload": {"query": query}})
        answer: dict[str, Any] = await ws.receive_json(timeout=5)
        return answer
    except BaseException as error:  # noqa: B036 - unwrapped below, re-raised if foreign
        found = _disconnect(error)
        if found is None:
            raise
        return {"closed": found.code}


async def closed_with(ws: AsyncWebSocketSession) -> int | None:
    """The close code the server sent (None if it sent a message instead)."""
    try:
        await ws.receive_json(timeout=5)
    except BaseException as error:  # noqa: B036 - unwrapped below, re-raised if foreign
        found = _disconnect(error)
        if found is None:
            raise
        return found.code
    return None


def refused(answer: dict[str, Any]) -> bool:
    """Closed with 4403, or answered UNAUTHENTICATED (never run as the old user)."""
    if answer.get("closed") == 4403:
        return True
    payload = answer.get("payload")
    errors_ = payload if answer.get("type") == "error" else (payload or {}).get("errors", [])
    return [e.get("extensions", {}).get("code") for e in errors_] == ["UNAUTHENTICATED"]


async def folders(db: Database, user_id: str) -> list[str]:
    cursor = db["entries"].find({"owner_id": ObjectId(user_id), "is_file": False})
    return sorted([doc["name"] async for doc in cursor if doc["name"]])


async def test_operations_over_a_socket_run_as_its_user_while_signed_in(
    app: Starlette, gql: GraphQLClient, db: Database
) -> None:
    account = await gql.signup()
    async with signed_in_socket(app, account.token) as ws:
        answer = await run(ws, "1", CREATE_FOLDER.replace("NAME", "before"))
        assert answer["type"] == "next" and "errors" not in answer["payload"], answer
    assert await folders(db, account.user_id) == ["before"]


async def test_logout_ends_the_sockets_sign_in_at_once(
    app: Starlette, gql: GraphQLClient, db: Database
) -> None:
    account = await gql.signup()
    async with signed_in_socket(app, account.token) as ws:
        assert (await gql.data("mutation { logout }", token=account.token))["logout"] is True
        assert refused(await run(ws, "1", CREATE_FOLDER.replace("NAME", "after-logout")))
    assert await folders(db, account.user_id) == []


@pytest.mark.parametrize("how", ["revokeSession", "changePassword"])
async def test_another_device_ending_the_session_closes_its_socket(
    app: Starlette, gql: GraphQLClient, db: Database, how: str
) -> None:
    device_a = await gql.signup()
    login = await gql.data(
        "mutation($u: String!, $p: String!) { login(username: $u, password: $p) { "
        "... on AuthPayload { token session { id } } } }",
        {"u": device_a.username, "p": device_a.password},
    )
    token_b, session_b = login["login"]["token"], login["login"]["session"]["id"]
    async with signed_in_socket(app, token_b) as ws:
        if how == "revokeSession":
            query = "mutation($id: ID!) { revokeSession(id: $id) }"
            await gql.data(query, {"id": session_b}, token=device_a.token)
        else:
            query = (
                "mutation($c: String!) { changePassword(currentPassword: $c, "
                'newPassword: "a brand new password") { __typename } }'
            )
            await gql.data(query, {"c": device_a.password}, token=device_a.token)
        assert await closed_with(ws) == 4403
    assert await folders(db, device_a.user_id) == []


async def test_a_session_ended_by_another_process_closes_within_a_poll(
    app: Starlette, gql: GraphQLClient, db: Database
) -> None:
    account = await gql.signup()
    async with signed_in_socket(app, account.token) as ws:
        assert app.state.appstate.live.watched() == 1
        # As the admin CLI or another server process would: only the database knows.
        await db["sessions"].update_many({}, {"$set": {"revoked": True}})
        await app.state.appstate.live.poll_once()
        assert await closed_with(ws) == 4403
    assert app.state.appstate.live.watched() == 0


async def test_an_expired_session_closes_its_socket(
    app: Starlette, gql: GraphQLClient, db: Database
) -> None:
    account = await gql.signup()
    async with signed_in_socket(app, account.token) as ws:
        past = datetime.now(UTC) - timedelta(seconds=1)
        await db["sessions"].update_many({}, {"$set": {"expires_at": past}})
        await app.state.appstate.live.poll_once()
        assert refused(await run(ws, "1", CREATE_FOLDER.replace("NAME", "expired")))
    assert await folders(db, account.user_id) == []


async def test_closed_sockets_stop_being_watched(app: Starlette, gql: GraphQLClient) -> None:
    account = await gql.signup()
    async with signed_in_socket(app, account.token):
        assert app.state.appstate.live.watched() == 1
    await app.state.appstate.live.poll_once()
    assert app.state.appstate.live.watched() == 0


async def test_an_open_socket_keeps_a_short_session_alive(settings: Settings, db: Database) -> None:
    app = create_app(replace(settings, session_ttl_seconds=60), db=db)
    async with app.router.lifespan_context(app):
        transport = httpx.ASGITransport(app=app, client=("127.0.0.1", 51000))
        async with httpx.AsyncClient(transport=transport, base_url="http://testserver") as http:
            account = await GraphQLClient(http).signup()
        async with signed_in_socket(app, account.token) as ws:
            now = datetime.now(UTC)
            seen, ends = now - timedelta(seconds=20), now + timedelta(seconds=40)
            await db["sessions"].update_many(
                {}, {"$set": {"last_seen_at": seen, "expires_at": ends}}
            )
            # The watcher's next poll: the socket is in use.
            await app.state.appstate.live.poll_once()
            doc = await db["sessions"].find_one({})
            assert doc is not None
            assert doc["expires_at"].replace(tzinfo=UTC) > now + timedelta(seconds=55)
            answer = await run(ws, "1", "{ me { id } }")
            assert answer["payload"]["data"]["me"]["id"] == account.user_id
