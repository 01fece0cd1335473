"""Device sessions and bearer tokens through HTTP: every bad token is UNAUTHENTICATED."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from datetime import UTC, datetime, timedelta
from typing import Any

import httpx
import pytest
from bson import ObjectId
from starlette.applications import Starlette

from dropbox_lite.auth import live
from dropbox_lite.core.app import create_app
from dropbox_lite.core.config import Settings
from dropbox_lite.core.db import Database
from tests.auth.queries import CHANGE_PASSWORD, LOGIN, LOGOUT, ME, REVOKE, SESSIONS
from tests.support import GraphQLClient, error_codes

PASSWORD = "a fine password"


async def login(gql: GraphQLClient, username: str, password: str, device: str) -> str:
    variables = {"username": username, "password": password, "deviceName": device}
    result = (await gql.data(LOGIN, variables))["login"]
    assert result["__typename"] == "AuthPayload", result
    token: str = result["token"]
    return token


async def assert_signed_out(gql: GraphQLClient, token: str) -> None:
    body = await gql(SESSIONS, token=token)
    assert error_codes(body) == ["UNAUTHENTICATED"], body
    assert body["data"] is None
    assert (await gql.data(ME, token=token))["me"] is None


async def sessions(gql: GraphQLClient, token: str) -> list[dict[str, Any]]:
    result: list[dict[str, Any]] = (await gql.data(SESSIONS, token=token))["sessions"]
    return result


async def test_sessions_lists_devices_and_marks_the_current(gql: GraphQLClient) -> None:
    account = await gql.signup("devices", PASSWORD)
    laptop = await login(gql, "devices", PASSWORD, "laptop")
    listed = await sessions(gql, laptop)
    assert len(listed) == 2
    assert [s["deviceName"] for s in listed if s["current"]] == ["laptop"]
    assert [s["current"] for s in await sessions(gql, account.token)].count(True) == 1
    other = await gql.signup("someone-else", PASSWORD)
    assert len(await sessions(gql, other.token)) == 1  # never another user's


@pytest.mark.parametrize(
    "query",
    [
        SESSIONS,
        LOGOUT,
        'mutation { revokeSession(id: "0123456789abcdef01234567") }',
        'mutation { changePassword(currentPassword: "x", newPassword: "y") { __typename } }',
    ],
    ids=["sessions", "logout", "revokeSession", "changePassword"],
)
async def test_signed_out_callers_are_unauthenticated(gql: GraphQLClient, query: str) -> None:
    body = await gql(query)
    assert error_codes(body) == ["UNAUTHENTICATED"]


def _tamper(token: str) -> str:
    payload, _, signature = token.rpartition(".")
    flipped = ("A" if signature[0] != "A" else "B") + signature[1:]
    return f"{payload}.{flipped}"


def _other_payload(token: str) -> str:
    # Someone else's session id under this token's signature.
    _, timestamp, signature = token.split(".")
    import base64
    import json

    forged = base64.urlsafe_b64encode(json.dumps(str(ObjectId())).encode()).rstrip(b"=")
    return f"{forged.decode()}.{timestamp}.{signature}"


@pytest.mark.parametrize(
    "mangle",
    [
        _tamper,
        _other_payload,
        lambda t: t[:-6],
        lambda t: t[: len(t) // 2],
        lambda t: "garbage",
        lambda t: "...",
        lambda t: "a" * 5000,
        lambda t: "eyJhIjoxfQ.AAAA.AAAA",
        lambda t: t + t,
    ],
    ids=[
        "tampered",
        "other-payload",
        "truncated",
        "half",
        "garbage",
        "dots",
        "huge",
        "json",
        "doubled",
    ],
)
async def test_bad_tokens_are_unauthenticated(
    gql: GraphQLClient, mangle: Callable[[str], str]
) -> None:
    account = await gql.signup()
    await assert_signed_out(gql, mangle(account.token))
    assert len(await sessions(gql, account.token)) == 1  # the real one still works


@pytest.mark.parametrize(
    "authorization",
    ["Basic dXNlcjpwdw==", "Bearer", "Bearer    ", "Token {t}", "{t}", "Bearer {t} extra"],
)
async def test_malformed_authorization_headers(gql: GraphQLClient, authorization: str) -> None:
    account = await gql.signup()
    headers = {"Authorization": authorization.format(t=account.token)}
    response = await gql.http.post("/graphql", json={"query": SESSIONS}, headers=headers)
    assert response.status_code == 200
    assert error_codes(response.json()) == ["UNAUTHENTICATED"]


async def test_token_in_cookie_or_query_string_is_not_a_sign_in(gql: GraphQLClient) -> None:
    account = await gql.signup()
    for name in ("token", "access_token", "authorization"):
        response = await gql.http.post(
            "/graphql", json={"query": SESSIONS}, params={name: account.token}
        )
        assert error_codes(response.json()) == ["UNAUTHENTICATED"], name
        response = await gql.http.post(
            "/graphql",
            json={"query": SESSIONS},
            headers={"Cookie": f"{name}={account.token}"},
        )
        assert error_codes(response.json()) == ["UNAUTHENTICATED"], name


async def test_expired_session_is_unauthenticated(gql: GraphQLClient, db: Database) -> None:
    account = await gql.signup()
    await db["sessions"].update_many(
        {}, {"$set": {"expires_at": datetime.now(UTC) - timedelta(seconds=1)}}
    )
    await assert_signed_out(gql, account.token)


async def test_session_of_a_deleted_user_is_unauthenticated(
    gql: GraphQLClient, db: Database
) -> None:
    account = await gql.signup()
    await db["users"].delete_one({"_id": ObjectId(account.user_id)})
    await assert_signed_out(gql, account.token)


async def test_logout_revokes_only_this_device(gql: GraphQLClient) -> None:
    account = await gql.signup("leaving", PASSWORD)
    phone = await login(gql, "leaving", PASSWORD, "phone")
    assert (await gql.data(LOGOUT, token=phone))["logout"] is True
    await assert_signed_out(gql, phone)
    assert len(await sessions(gql, account.token)) == 1


async def test_revoked_device_still_using_its_token(gql: GraphQLClient) -> None:
    account = await gql.signup("owner", PASSWORD)
    stolen = await login(gql, "owner", PASSWORD, "stolen laptop")
    listed = await sessions(gql, account.token)
    target = next(s["id"] for s in listed if s["deviceName"] == "stolen laptop")
    assert (await gql.data(REVOKE, {"id": target}, token=account.token))["revokeSession"]
    for _ in range(2):  # and it stays out
        await assert_signed_out(gql, stolen)
        body = await gql(LOGOUT, token=stolen)
        assert error_codes(body) == ["UNAUTHENTICATED"]
    assert [s["current"] for s in await sessions(gql, account.token)] == [True]


async def test_revoke_session_of_another_user_is_not_found(gql: GraphQLClient) -> None:
    alice = await gql.signup()
    bob = await gql.signup()
    bobs = (await sessions(gql, bob.token))[0]["id"]
    for session_id in (bobs, str(ObjectId()), "not-an-id", "", "x" * 10_000):
        body = await gql(REVOKE, {"id": session_id}, token=alice.token)
        assert error_codes(body) == ["NOT_FOUND"], session_id
    assert len(await sessions(gql, bob.token)) == 1


async def test_revoking_twice_is_not_found(gql: GraphQLClient) -> None:
    account = await gql.signup("twice", PASSWORD)
    other = await login(gql, "twice", PASSWORD, "other")
    other_id = next(s["id"] for s in await sessions(gql, other) if s["current"])
    assert (await gql.data(REVOKE, {"id": other_id}, token=account.token))["revokeSession"]
    assert error_codes(await gql(REVOKE, {"id": other_id}, token=account.token)) == ["NOT_FOUND"]


async def change_password(gql: GraphQLClient, token: str, current: Any, new: Any) -> Any:
    return (await gql.data(CHANGE_PASSWORD, {"current": current, "new": new}, token=token))[
        "changePassword"
    ]


async def test_change_password_signs_out_every_other_device(gql: GraphQLClient) -> None:
    account = await gql.signup("changer", PASSWORD)
    phone = await login(gql, "changer", PASSWORD, "phone")
    result = await change_password(gql, account.token, PASSWORD, "a brand new password")
    assert result == {"__typename": "User", "id": account.user_id, "username": "changer"}
    await assert_signed_out(gql, phone)
    assert len(await sessions(gql, account.token)) == 1
    old = (await gql.data(LOGIN, {"username": "changer", "password": PASSWORD}))["login"]
    assert old["__typename"] == "InvalidCredentialsError"
    await login(gql, "changer", "a brand new password", "new")


@pytest.mark.parametrize(
    ("current", "new", "typename", "field"),
    [
        ("the wrong password", "a brand new password", "InvalidCredentialsError", None),
        (PASSWORD, "short", "InvalidInputError", "newPassword"),
        (PASSWORD, "", "InvalidInputError", "newPassword"),
        (PASSWORD, "x" * 100_000, "InvalidInputError", "newPassword"),
        (PASSWORD, "nul\x00in the middle", "InvalidInputError", "newPassword"),
        ("x" * 100_000, "a brand new password", "InvalidCredentialsError", None),
    ],
)
async def test_change_password_refusals_change_nothing(
    gql: GraphQLClient, current: str, new: str, typename: str, field: str | None
) -> None:
    account = await gql.signup("refuser", PASSWORD)
    phone = await login(gql, "refuser", PASSWORD, "phone")
    result = await change_password(gql, account.token, current, new)
    assert result["__typename"] == typename
    assert result.get("field") == field
    assert len(await sessions(gql, phone)) == 2
    await login(gql, "refuser", PASSWORD, "again")


async def test_new_password_equal_to_username_is_refused(gql: GraphQLClient) -> None:
    account = await gql.signup("longusername", PASSWORD)
    result = await change_password(gql, account.token, PASSWORD, "LongUserName")
    assert result["__typename"] == "InvalidInputError" and result["field"] == "newPassword"


async def test_wrong_current_passwords_are_throttled(gql: GraphQLClient) -> None:
    account = await gql.signup("guessed", PASSWORD)
    for _ in range(5):
        result = await change_password(gql, account.token, "a wrong guess!", "a new password")
        assert result["__typename"] == "InvalidCredentialsError"
    body = await gql(
        CHANGE_PASSWORD, {"current": PASSWORD, "new": "a new password"}, token=account.token
    )
    assert error_codes(body) == ["RATE_LIMITED"]
    assert 1 <= body["errors"][0]["extensions"]["retryAfterSeconds"] <= 60


async def test_last_seen_writes_are_throttled_and_slide_expiry(
    app: Starlette, gql: GraphQLClient, db: Database
) -> None:
    account = await gql.signup()
    before = await db["sessions"].find_one({})
    assert before is not None
    for _ in range(3):
        await sessions(gql, account.token)
    assert await db["sessions"].find_one({}) == before  # no write per request
    stale = datetime.now(UTC) - timedelta(minutes=10)
    await db["sessions"].update_one(
        {"_id": before["_id"]},
        {"$set": {"last_seen_at": stale, "expires_at": stale + timedelta(days=1)}},
    )
    # The database was edited behind the app's one-second cache of the session.
    app.state.appstate.clock.advance(live.CACHE_SECONDS + 0.5)
    listed = await sessions(gql, account.token)
    after = await db["sessions"].find_one({})
    assert after is not None
    seen = after["last_seen_at"].replace(tzinfo=UTC)
    assert seen > stale + timedelta(minutes=9)
    assert after["expires_at"].replace(tzinfo=UTC) > seen + timedelta(days=29)
    assert listed[0]["lastSeenAt"] == seen.isoformat().replace("+00:00", "Z")


NEW_KEY = "a-new-key-0123456789abcdef"


async def signed_in_with_keys(
    settings: Settings, db: Database, keys: tuple[str, ...], token: str
) -> tuple[bool, str]:
    """Whether `token` signs in on an app with these keys, and a token that app issues."""
    app = create_app(replace(settings, secret_keys=keys), db=db)
    transport = httpx.ASGITransport(app=app, client=("127.0.0.1", 51000))
    async with (
        app.router.lifespan_context(app),
        httpx.AsyncClient(transport=transport, base_url="http://testserver") as client,
    ):
        gql = GraphQLClient(client)
        body = await gql(SESSIONS, token=token)
        return "errors" not in body, (await gql.signup()).token


async def test_key_rotation_accepts_old_signatures(
    gql: GraphQLClient, settings: Settings, db: Database
) -> None:
    old_key = settings.secret_keys[0]
    account = await gql.signup()
    accepted, fresh = await signed_in_with_keys(settings, db, (NEW_KEY, old_key), account.token)
    assert accepted
    # New tokens are signed with the newest key: they work once the old key is gone...
    assert (await signed_in_with_keys(settings, db, (NEW_KEY,), fresh))[0]
    # ...and tokens signed only with a key that was dropped no longer do.
    assert not (await signed_in_with_keys(settings, db, (NEW_KEY,), account.token))[0]
