"""Issue 12, auth's items: sign-up cost and throttle (6), lone surrogates (8), short
sessions and the session cap (9), and the sign-up payload resolving whole (10)."""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from datetime import UTC, datetime, timedelta
from typing import Any

import pytest
from bson import ObjectId

from dropbox_lite.auth import live, passwords, service
from dropbox_lite.auth.live import LiveSessions
from dropbox_lite.auth.service import SIGNUP_THROTTLE
from dropbox_lite.core import errors
from dropbox_lite.core.clock import Clock
from dropbox_lite.core.config import Settings
from dropbox_lite.core.db import Database
from tests.auth.queries import LOGIN, ME, SESSIONS, SIGNUP
from tests.support import GraphQLClient

PASSWORD = "a fine password"
SURROGATE = "\ud800"
PER_ADDRESS = SIGNUP_THROTTLE.max_failures

Clients = Callable[..., Awaitable[GraphQLClient]]


@pytest.fixture
def hashes(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """Every bcrypt hash the server computes (the costly part of a sign-up)."""
    made: list[str] = []
    real = passwords.hash_password

    async def counting(password: str, *, rounds: int = passwords.BCRYPT_ROUNDS) -> str:
        made.append(password)
        return await real(password, rounds=rounds)

    monkeypatch.setattr(passwords, "hash_password", counting)
    return made


async def signup(gql: GraphQLClient, username: str, **extra: Any) -> dict[str, Any]:
    variables = {"username": username, "password": PASSWORD, **extra}
    result: dict[str, Any] = (await gql.data(SIGNUP, variables))["signup"]
    return result


# Item 6: sign-ups cost and are throttled.


async def test_signups_for_a_taken_name_cost_no_hash(gql: GraphQLClient, hashes: list[str]) -> None:
    await gql.signup("taken", PASSWORD)
    hashes.clear()
    for _ in range(5):
        assert (await signup(gql, "TAKEN"))["__typename"] == "UsernameTakenError"
    assert hashes == []


async def test_signups_are_throttled_per_address(
    client_at: Callable[[str], GraphQLClient], hashes: list[str]
) -> None:
    busy = client_at("203.0.113.5")
    kinds = [(await signup(busy, f"bulk{i}"))["__typename"] for i in range(PER_ADDRESS + 5)]
    assert kinds == ["AuthPayload"] * PER_ADDRESS + ["RateLimitedError"] * 5
    assert len(hashes) == PER_ADDRESS
    refused = await signup(busy, "one-more")
    assert refused["code"] == "RATE_LIMITED" and "message" in refused
    # Another address signs up as usual.
    assert (await signup(client_at("198.51.100.1"), "elsewhere"))["__typename"] == "AuthPayload"


async def test_taken_name_probes_count_against_the_address(
    client_at: Callable[[str], GraphQLClient],
) -> None:
    prober = client_at("203.0.113.6")
    await client_at("10.0.0.1").signup("known", PASSWORD)
    kinds = [(await signup(prober, "known"))["__typename"] for _ in range(PER_ADDRESS + 1)]
    assert kinds == ["UsernameTakenError"] * PER_ADDRESS + ["RateLimitedError"]


# Item 8: lone UTF-16 surrogates are bad input, never a 500. core/graphql_request.py now
# refuses them in any request or socket message first (400 / close 1011); the
# services refuse them too, for every other caller (sharing, the admin CLI).


def test_validate_password_refuses_a_lone_surrogate_with_a_message() -> None:
    with pytest.raises(errors.InvalidInput) as caught:
        service.validate_password("abcdefgh" + SURROGATE)
    assert caught.value.details["field"] == "password"
    assert "surrogate" in caught.value.message


def test_validate_device_name_refuses_a_lone_surrogate() -> None:
    with pytest.raises(errors.InvalidInput) as caught:
        service.validate_device_name("phone" + SURROGATE)
    assert caught.value.details["field"] == "deviceName"
    assert service.validate_device_name("  phone  ") == "phone"


async def test_checking_a_password_with_a_lone_surrogate_is_bad_input() -> None:
    hashed = await passwords.hash_password(PASSWORD, rounds=4)
    with pytest.raises(errors.InvalidInput):
        await passwords.check_password("x" * 8 + SURROGATE, hashed, rounds=4)


async def test_login_and_change_password_with_a_lone_surrogate_are_bad_input(
    gql: GraphQLClient, db: Database, settings: Settings
) -> None:
    account = await gql.signup("sur-login", PASSWORD)
    with pytest.raises(errors.InvalidInput):
        await service.login(
            db=db,
            settings=settings,
            username="sur-login",
            password="x" * 8 + SURROGATE,
            client_ip="10.0.0.1",
        )
    for current, new, field in [
        ("x" * 8 + SURROGATE, "another fine one", "currentPassword"),
        (PASSWORD, "y" * 8 + SURROGATE, "newPassword"),
    ]:
        with pytest.raises(errors.InvalidInput) as caught:
            await service.change_password(
                db=db,
                live=LiveSessions(Clock()),
                settings=settings,
                user_id=account.user_id,
                session_id="0" * 24,
                current_password=current,
                new_password=new,
            )
        assert caught.value.details["field"] == field
    assert await db["rate_limits"].count_documents({"key": {"$regex": "^login"}}) == 0


# Item 9: short sessions slide while in use; a user's sessions are capped.


async def test_a_short_session_in_use_slides_before_it_expires(
    client_with: Clients, db: Database
) -> None:
    clock = Clock()
    gql = await client_with(clock=clock, session_ttl_seconds=60)
    account = await gql.signup("shortlived", PASSWORD)
    now = datetime.now(UTC)
    # Used 20 s ago, 40 s left: well under the 5-minute last-seen throttle.
    seen, ends = now - timedelta(seconds=20), now + timedelta(seconds=40)
    await db["sessions"].update_many({}, {"$set": {"last_seen_at": seen, "expires_at": ends}})
    clock.advance(live.CACHE_SECONDS + 0.5)  # past the app's cache of the session
    assert (await gql.data(ME, token=account.token))["me"] is not None
    doc = await db["sessions"].find_one({})
    assert doc is not None
    assert doc["expires_at"].replace(tzinfo=UTC) > now + timedelta(seconds=55)


async def test_sessions_past_the_cap_sign_out_the_oldest(
    client_with: Clients, db: Database
) -> None:
    gql = await client_with(max_sessions_per_user=3)
    first = await gql.signup("many", PASSWORD)
    tokens = [first.token]
    for i in range(3):
        variables = {"username": "many", "password": PASSWORD, "deviceName": f"d{i}"}
        tokens.append((await gql.data(LOGIN, variables))["login"]["token"])
    assert (await gql.data(ME, token=tokens[0]))["me"] is None  # the oldest, signed out
    listed = (await gql.data(SESSIONS, token=tokens[-1]))["sessions"]
    assert sorted(s["deviceName"] for s in listed) == ["d0", "d1", "d2"]
    user = ObjectId(first.user_id)
    assert await db["sessions"].count_documents({"user_id": user}) == 3


# Item 10: the payload's user is the caller's own and resolves whole.

SIGNUP_WHOLE = """
mutation($username: String!, $password: String!) {
  signup(username: $username, password: $password) {
    __typename
    ... on AuthPayload { user { id root { id name } usage { usedBytes quotaBytes } } }
  }
}
"""
LOGIN_WHOLE = SIGNUP_WHOLE.replace("signup", "login")


async def test_the_signup_and_login_payload_user_resolves_root_and_usage(
    gql: GraphQLClient,
) -> None:
    variables = {"username": "whole", "password": PASSWORD}
    for query in (SIGNUP_WHOLE, LOGIN_WHOLE):
        body = await gql(query, variables)
        assert "errors" not in body, body
        user = body["data"]["signup" if query is SIGNUP_WHOLE else "login"]["user"]
        assert user["root"]["id"] and user["root"]["name"] == ""
        assert user["usage"]["usedBytes"] == 0
