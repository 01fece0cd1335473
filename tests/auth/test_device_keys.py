"""login/signup(deviceKey) (issue 22): one browser is one device in the sessions list."""

from __future__ import annotations

import json
from typing import Any

from dropbox_lite.core.db import Database
from tests.auth.queries import ME, SESSIONS
from tests.support import GraphQLClient, error_codes

PAYLOAD = """
    __typename
    ... on AuthPayload { token session { id deviceName } }
    ... on InvalidInputError { field }
    ... on Error { message code }
"""
SIGNUP = f"""
mutation($u: String!, $p: String!, $key: String) {{
  signup(username: $u, password: $p, deviceName: "Web app", deviceKey: $key) {{ {PAYLOAD} }}
}}
"""
LOGIN = f"""
mutation($u: String!, $p: String!, $key: String, $name: String) {{
  login(username: $u, password: $p, deviceName: $name, deviceKey: $key) {{ {PAYLOAD} }}
}}
"""
PASSWORD = "correct horse battery"


async def login(gql: GraphQLClient, user: str, key: str | None, name: str = "Web app") -> Any:
    data = await gql.data(LOGIN, {"u": user, "p": PASSWORD, "key": key, "name": name})
    return data["login"]


async def sessions(gql: GraphQLClient, token: str) -> list[str]:
    return [s["id"] for s in (await gql.data(SESSIONS, token=token))["sessions"]]


async def signed_in(gql: GraphQLClient, token: str) -> bool:
    return (await gql.data(ME, token=token))["me"] is not None


async def test_signing_in_again_from_one_browser_replaces_its_session(
    gql: GraphQLClient, db: Database
) -> None:
    key = "browser-key-" + "a" * 40
    made = (await gql.data(SIGNUP, {"u": "keyholder", "p": PASSWORD, "key": key}))["signup"]
    assert made["__typename"] == "AuthPayload"
    other_device = await login(gql, "keyholder", "phone-key", "Phone")
    no_key = await login(gql, "keyholder", None, "Sync client")
    again = await login(gql, "keyholder", key)
    third = await login(gql, "keyholder", key)
    # The browser's earlier sessions ended; the phone's and the key-less one are untouched.
    assert not await signed_in(gql, made["token"]) and not await signed_in(gql, again["token"])
    assert await signed_in(gql, third["token"])
    live = await sessions(gql, third["token"])
    assert sorted(live) == sorted(
        [third["session"]["id"], other_device["session"]["id"], no_key["session"]["id"]]
    )
    body = await gql(SESSIONS, token=again["token"])
    assert error_codes(body) == ["UNAUTHENTICATED"]
    # The key is stored only as a hash.
    async for doc in db["sessions"].find({}):
        assert key not in json.dumps(doc, default=str) and "phone-key" not in json.dumps(
            doc, default=str
        )


async def test_another_user_with_the_same_key_is_unaffected(gql: GraphQLClient) -> None:
    for name in ("sharer1", "sharer2"):
        made = (await gql.data(SIGNUP, {"u": name, "p": PASSWORD, "key": None}))["signup"]
        assert made["__typename"] == "AuthPayload"
    first = await login(gql, "sharer1", "one-shared-computer")
    second = await login(gql, "sharer2", "one-shared-computer")
    assert await signed_in(gql, first["token"]) and await signed_in(gql, second["token"])
    assert len(await sessions(gql, first["token"])) == 2  # the sign-up's and this one


async def test_bad_device_keys_are_invalid_input_and_change_nothing(
    gql: GraphQLClient, db: Database
) -> None:
    made = (await gql.data(SIGNUP, {"u": "careful", "p": PASSWORD, "key": "k"}))["signup"]
    assert made["__typename"] == "AuthPayload"
    for bad in ("", "x" * 129, "é" * 200, "k" * 100_000):
        refused = await login(gql, "careful", bad)
        assert (refused["__typename"], refused["field"]) == ("InvalidInputError", "deviceKey")
        signup = (await gql.data(SIGNUP, {"u": "never-made", "p": PASSWORD, "key": bad}))["signup"]
        assert (signup["__typename"], signup["field"]) == ("InvalidInputError", "deviceKey")
    assert await db["users"].count_documents({"username": "never-made"}) == 0
    assert await signed_in(gql, made["token"])
    assert len(await sessions(gql, made["token"])) == 1
    # 128 characters is still a key; it replaces the sign-up's session when it matches.
    longest = await login(gql, "careful", "y" * 128)
    assert longest["__typename"] == "AuthPayload"
    replaced = await login(gql, "careful", "k")
    assert replaced["__typename"] == "AuthPayload" and not await signed_in(gql, made["token"])
    # A wrong password with a key is a wrong password (and ends nothing).
    wrong = await gql.data(LOGIN, {"u": "careful", "p": "wrong password", "key": "k"})
    assert wrong["login"]["__typename"] == "InvalidCredentialsError"
    assert await signed_in(gql, replaced["token"])
