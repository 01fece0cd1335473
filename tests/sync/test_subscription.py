from __future__ import annotations

import asyncio
import contextlib
import dataclasses
import time
from collections.abc import AsyncIterator, Callable
from typing import Any

import httpx
import pytest
from httpx_ws import AsyncWebSocketSession, WebSocketDisconnect, aconnect_ws
from httpx_ws.transport import ASGIWebSocketTransport
from starlette.applications import Starlette

from dropbox_lite.core.app import create_app
from dropbox_lite.core.config import Settings
from dropbox_lite.core.db import Database
from tests.support import GraphQLClient
from tests.sync import factories

SUBSCRIBE = """subscription($cursor: String) {
  changes(cursor: $cursor) { cursor hasMore changes { kind id } }
}"""


@contextlib.asynccontextmanager
async def connect(app: Starlette, payload: dict[str, Any]) -> AsyncIterator[AsyncWebSocketSession]:
    """A graphql-transport-ws connection, initialised with `payload`."""
    transport = ASGIWebSocketTransport(app)
    async with httpx.AsyncClient(transport=transport, base_url="http://testserver") as client:
        async with aconnect_ws(
            "http://testserver/graphql", client, subprotocols=["graphql-transport-ws"]
        ) as ws:
            await ws.send_json({"type": "connection_init", "payload": payload})
            yield ws


async def subscribe(ws: AsyncWebSocketSession, cursor: str | None = None) -> None:
    ack = await ws.receive_json(timeout=5)
    assert ack["type"] == "connection_ack", ack
    await ws.send_json(
        {
            "id": "1",
            "type": "subscribe",
            "payload": {"query": SUBSCRIBE, "variables": {"cursor": cursor}},
        }
    )


async def next_page(ws: AsyncWebSocketSession, timeout: float = 5) -> dict[str, Any]:
    message = await ws.receive_json(timeout=timeout)
    assert message["type"] == "next", message
    assert "errors" not in message["payload"], message
    page: dict[str, Any] = message["payload"]["data"]["changes"]
    return page


async def test_replays_then_pushes_changes(
    app: Starlette, gql: GraphQLClient, db: Database
) -> None:
    account = await gql.signup()
    early = await factories.put(db, account.user_id, "early")
    async with connect(app, {"Authorization": f"Bearer {account.token}"}) as ws:
        await subscribe(ws)
        first = await next_page(ws)
        root = await factories.root_of(db, account.user_id)
        assert {c["id"] for c in first["changes"]} == {str(root), str(early)}
        started = time.monotonic()
        late = await factories.put(db, account.user_id, "late")
        pushed = await next_page(ws)
        assert pushed["changes"] == [{"kind": "UPSERTED", "id": str(late)}]
        assert time.monotonic() - started < 1.5
        await factories.trash(db, account.user_id, late)
        assert (await next_page(ws))["changes"] == [{"kind": "DELETED", "id": str(late)}]


async def test_starts_at_the_given_cursor(app: Starlette, gql: GraphQLClient, db: Database) -> None:
    account = await gql.signup()
    await factories.put(db, account.user_id, "old")
    latest = (await gql.data("{ latestCursor }", token=account.token))["latestCursor"]
    async with connect(app, {"token": account.token}) as ws:
        await subscribe(ws, latest)
        assert (await next_page(ws))["changes"] == []
        new = await factories.put(db, account.user_id, "new")
        assert (await next_page(ws))["changes"] == [{"kind": "UPSERTED", "id": str(new)}]


async def test_anonymous_subscription_is_refused(app: Starlette) -> None:
    async with connect(app, {}) as ws:
        await subscribe(ws)
        message = await ws.receive_json(timeout=5)
    assert message["type"] in ("error", "next"), message
    errors = message["payload"] if message["type"] == "error" else message["payload"]["errors"]
    assert [e["extensions"]["code"] for e in errors] == ["UNAUTHENTICATED"]


async def test_bad_cursor_is_refused(app: Starlette, gql: GraphQLClient) -> None:
    account = await gql.signup()
    async with connect(app, {"token": account.token}) as ws:
        await subscribe(ws, "garbage")
        message = await ws.receive_json(timeout=5)
    errors = message["payload"] if message["type"] == "error" else message["payload"]["errors"]
    assert [e["extensions"]["code"] for e in errors] == ["BAD_USER_INPUT"]


@pytest.mark.parametrize("revoked", [False, True])
async def test_invalid_or_revoked_token_is_rejected(
    app: Starlette, gql: GraphQLClient, revoked: bool
) -> None:
    account = await gql.signup()
    token = account.token if revoked else account.token[:-4] + "abcd"
    if revoked:
        assert (await gql.data("mutation { logout }", token=account.token))["logout"] is True
    async with connect(app, {"Authorization": f"Bearer {token}"}) as ws:
        with pytest.raises(WebSocketDisconnect) as closed:
            await ws.receive_json(timeout=5)
    assert closed.value.code == 4403


async def test_many_changes_arrive_in_pages_without_loss(
    app: Starlette, gql: GraphQLClient, db: Database
) -> None:
    account = await gql.signup()
    latest = (await gql.data("{ latestCursor }", token=account.token))["latestCursor"]
    async with connect(app, {"token": account.token}) as ws:
        await subscribe(ws, latest)
        assert (await next_page(ws))["changes"] == []
        created = {str(await factories.put(db, account.user_id, f"f{n}")) for n in range(12)}
        seen: set[str] = set()
        while seen != created:
            page = await next_page(ws)
            seen.update(c["id"] for c in page["changes"])
        assert seen == created
    await asyncio.sleep(0)


async def test_a_session_revoked_while_subscribed_stops_receiving_changes(
    app: Starlette, gql: GraphQLClient, db: Database
) -> None:
    account = await gql.signup()
    async with connect(app, {"token": account.token}) as ws:
        await subscribe(ws)
        await next_page(ws)
        assert (await gql.data("mutation { logout }", token=account.token))["logout"] is True
        secret = await factories.put(db, account.user_id, "after-logout")
        try:
            message = await ws.receive_json(timeout=5)
        except WebSocketDisconnect as closed:
            # The server may close a revoked session's socket before the feed notices.
            assert closed.code == 4403
            return
    errors = message["payload"] if message["type"] == "error" else message["payload"]["errors"]
    assert [e["extensions"]["code"] for e in errors] == ["UNAUTHENTICATED"]
    assert str(secret) not in str(message)


# Caps on live subscriptions (issue 18 item 8: one user's 2,400 slowed everyone).


@contextlib.asynccontextmanager
async def capped(
    settings: Settings, db: Database, **caps: int
) -> AsyncIterator[tuple[Starlette, GraphQLClient]]:
    app = create_app(dataclasses.replace(settings, **caps), db=db)
    async with app.router.lifespan_context(app):
        transport = httpx.ASGITransport(app=app)
        async with httpx.AsyncClient(transport=transport, base_url="http://testserver") as http:
            yield app, GraphQLClient(http)


async def start(ws: AsyncWebSocketSession, sub_id: str) -> None:
    payload = {"query": SUBSCRIBE, "variables": {"cursor": None}}
    await ws.send_json({"id": sub_id, "type": "subscribe", "payload": payload})


async def outcome(ws: AsyncWebSocketSession) -> tuple[str, list[str] | None, str]:
    """The next message's subscription id, its error codes (None: a page) and messages."""
    message = await ws.receive_json(timeout=5)
    while message["type"] == "complete":  # after a refusal sent as `next` with errors
        message = await ws.receive_json(timeout=5)
    assert message["type"] in ("next", "error"), message
    payload = message["payload"]
    errors = payload if message["type"] == "error" else payload.get("errors")
    if not errors:
        return message["id"], None, ""
    codes = [e["extensions"]["code"] for e in errors]
    return message["id"], codes, " ".join(e["message"] for e in errors)


async def test_one_socket_holds_at_most_its_cap_of_subscriptions(
    settings: Settings, db: Database
) -> None:
    async with capped(settings, db, max_subscriptions_per_socket=3) as (app, gql):
        account = await gql.signup()
        async with connect(app, {"token": account.token}) as ws:
            ack = await ws.receive_json(timeout=5)
            assert ack["type"] == "connection_ack"
            for n in range(1, 4):
                await start(ws, str(n))
                assert await outcome(ws) == (str(n), None, "")
            await start(ws, "4")
            sub_id, codes, message = await outcome(ws)
            assert (sub_id, codes) == ("4", ["RATE_LIMITED"])
            assert "at most 3 subscriptions" in message
            # Completing one frees its place; the others still receive changes.
            await ws.send_json({"id": "1", "type": "complete"})
            caps = app.state.appstate.subscriptions
            await _until(lambda: caps.live(user_id=account.user_id) == 2)
            await start(ws, "5")
            assert await outcome(ws) == ("5", None, "")
            await factories.put(db, account.user_id, "late")
            pushed = {(await outcome(ws))[0] for _ in range(3)}
            assert pushed == {"2", "3", "5"}


async def test_one_user_holds_at_most_its_cap_over_all_sockets(
    settings: Settings, db: Database
) -> None:
    caps = {"max_subscriptions_per_socket": 10, "max_subscriptions_per_user": 2}
    async with capped(settings, db, **caps) as (app, gql):
        greedy = await gql.signup("greedy")
        other = await gql.signup("other")
        async with connect(app, {"token": greedy.token}) as first:
            assert (await first.receive_json(timeout=5))["type"] == "connection_ack"
            for n in range(1, 3):
                await start(first, str(n))
                assert (await outcome(first))[1] is None
            async with connect(app, {"token": greedy.token}) as second:
                assert (await second.receive_json(timeout=5))["type"] == "connection_ack"
                await start(second, "1")
                sub_id, codes, message = await outcome(second)
                assert codes == ["RATE_LIMITED"] and "2 live subscriptions" in message
            # Another user is not refused for the greedy one's subscriptions.
            async with connect(app, {"token": other.token}) as theirs:
                await subscribe(theirs)
                await next_page(theirs)
        # The first socket closed: its places are free again.
        live = app.state.appstate.subscriptions
        await _until(lambda: live.live(user_id=greedy.user_id) == 0)
        async with connect(app, {"token": greedy.token}) as again:
            await subscribe(again)
            await next_page(again)


async def _until(condition: Callable[[], bool], timeout: float = 5) -> None:
    deadline = time.monotonic() + timeout
    while not condition():
        assert time.monotonic() < deadline, "the condition did not come true in time"
        await asyncio.sleep(0.01)
