"""Nextcloud Login Flow v2 end to end: the app's HTTP calls, the grant in the web app over
GraphQL (loginFlow, grantLoginFlow), and the poll that hands out the app password once."""

from __future__ import annotations

import re
from datetime import UTC, datetime, timedelta
from typing import Any

import httpx
from starlette.applications import Starlette

from tests.dav.helpers import basic, files_url
from tests.sharing.helpers import client_from
from tests.support import GraphQLClient, error_codes

FLOW = "query($t: String!) { loginFlow(token: $t) { appName expiresAt } }"
GRANT = """
mutation($t: String!) {
  grantLoginFlow(token: $t) {
    __typename
    ... on LoginFlowGranted { appPassword { id name createdAt lastUsedAt } }
    ... on NotFoundError { message code }
  }
}
"""
LIST = "query { appPasswords { id name } }"


async def start(http: httpx.AsyncClient, agent: str = "Nextcloud Test") -> tuple[str, str, str]:
    """POST /index.php/login/v2: (poll endpoint, poll token, grant page token)."""
    started = (await http.post("/index.php/login/v2", headers={"User-Agent": agent})).json()
    login = started["login"]
    assert login.startswith("http://testserver/login-flow/"), login
    return started["poll"]["endpoint"], started["poll"]["token"], login.rsplit("/", 1)[1]


async def test_login_flow_v2_grants_an_app_password(
    http: httpx.AsyncClient, gql: GraphQLClient
) -> None:
    alice = await gql.signup()
    endpoint, poll, token = await start(http)
    assert endpoint == "http://testserver/index.php/login/v2/poll"
    assert (await http.post(endpoint, data={"token": poll})).status_code == 404
    # The old grant page's address sends the person to the web app's page.
    moved = await http.get(f"/index.php/login/v2/flow/{token}", follow_redirects=False)
    assert moved.status_code == 302
    assert moved.headers["location"] == f"http://testserver/login-flow/{token}"
    assert (await http.post(f"/index.php/login/v2/flow/{token}")).status_code == 405
    # The page shows the app's name (no sign-in needed for that) ...
    request = (await gql.data(FLOW, {"t": token}))["loginFlow"]
    assert request["appName"] == "Nextcloud Test"
    expires = datetime.fromisoformat(request["expiresAt"].replace("Z", "+00:00"))
    assert timedelta(minutes=15) < expires - datetime.now(UTC) <= timedelta(minutes=20)
    # ... and granting needs a signed-in person.
    anonymous = await gql(GRANT, {"t": token})
    assert error_codes(anonymous) == ["UNAUTHENTICATED"]
    assert (await http.post(endpoint, data={"token": poll})).status_code == 404

    granted = (await gql.data(GRANT, {"t": token}, token=alice.token))["grantLoginFlow"]
    assert granted["__typename"] == "LoginFlowGranted"
    assert granted["appPassword"]["name"] == "Nextcloud Test"
    assert granted["appPassword"]["lastUsedAt"] is None
    result = (await http.post(endpoint, data={"token": poll})).json()
    assert result["server"] == "http://testserver" and result["loginName"] == alice.username
    assert re.fullmatch(r"[A-Za-z0-9-]{34}", result["appPassword"])
    # The poll answers once; the page's request is used up, and a second grant finds nothing.
    assert (await http.post(endpoint, data={"token": poll})).status_code == 404
    assert (await gql.data(FLOW, {"t": token}))["loginFlow"] is None
    twice = (await gql.data(GRANT, {"t": token}, token=alice.token))["grantLoginFlow"]
    assert (twice["__typename"], twice["code"]) == ("NotFoundError", "NOT_FOUND")
    h = basic(alice.username, result["appPassword"])
    assert (
        await http.request("PROPFIND", files_url(alice), headers={**h, "Depth": "0"})
    ).status_code == 207
    listed = (await gql.data(LIST, token=alice.token))["appPasswords"]
    assert [(p["id"], p["name"]) for p in listed] == [
        (granted["appPassword"]["id"], "Nextcloud Test")
    ]


async def test_unknown_odd_and_expired_tokens_find_nothing(
    http: httpx.AsyncClient, gql: GraphQLClient
) -> None:
    alice = await gql.signup()
    endpoint, poll, token = await start(http)
    for bad in ("", "short", "x" * 129, "../" + token, token + "x", "a" * 43, "é" * 40):
        assert (await gql.data(FLOW, {"t": bad}))["loginFlow"] is None, bad
        refused = (await gql.data(GRANT, {"t": bad}, token=alice.token))["grantLoginFlow"]
        assert refused["__typename"] == "NotFoundError", bad
    # The poll token is not a grant token, nor the other way round.
    assert (await gql.data(FLOW, {"t": poll}))["loginFlow"] is None
    assert (await http.post(endpoint, data={"token": token})).status_code == 404
    oversized = await http.post(endpoint, content=b"token=" + b"x" * 20_000)
    assert oversized.status_code == 400
    # The real one still works after all that, and is nobody else's once granted.
    granted = (await gql.data(GRANT, {"t": token}, token=alice.token))["grantLoginFlow"]
    assert granted["__typename"] == "LoginFlowGranted"
    bob = await gql.signup()
    assert (await gql.data(GRANT, {"t": token}, token=bob.token))["grantLoginFlow"][
        "__typename"
    ] == "NotFoundError"
    assert (await gql.data(LIST, token=bob.token))["appPasswords"] == []


async def test_expired_flows_find_nothing(
    http: httpx.AsyncClient, gql: GraphQLClient, db: Any
) -> None:
    alice = await gql.signup()
    _, _, token = await start(http)
    await db["login_flows"].update_many(
        {}, {"$set": {"expires_at": datetime.now(UTC) - timedelta(seconds=1)}}
    )
    assert (await gql.data(FLOW, {"t": token}))["loginFlow"] is None
    refused = (await gql.data(GRANT, {"t": token}, token=alice.token))["grantLoginFlow"]
    assert refused["__typename"] == "NotFoundError"
    assert (await gql.data(LIST, token=alice.token))["appPasswords"] == []


async def test_scanning_for_tokens_is_throttled_per_address(
    app: Starlette, gql: GraphQLClient
) -> None:
    alice = await gql.signup()
    codes: list[Any] = []
    async with client_from(app, "10.9.0.1") as scanner:
        scanning = GraphQLClient(scanner)
        for n in range(40):
            body = await scanning(FLOW, {"t": f"unknown-token-number-{n:04d}"})
            codes.append(error_codes(body) or body["data"]["loginFlow"])
            if codes[-1] == ["RATE_LIMITED"]:
                break
    assert codes[0] is None and codes[-1] == ["RATE_LIMITED"], codes
    # Another address is not locked out, and a signed-in grant from it still works.
    _, _, token = await start(gql.http)
    granted = (await gql.data(GRANT, {"t": token}, token=alice.token))["grantLoginFlow"]
    assert granted["__typename"] == "LoginFlowGranted"
