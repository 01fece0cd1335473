"""Login throttling through HTTP: per username, per client address, aliased and parallel."""

from __future__ import annotations

import asyncio
from collections.abc import Callable
from typing import Any

from dropbox_lite.core.db import Database
from tests.auth.queries import LOGIN
from tests.support import GraphQLClient

PASSWORD = "the right password"


async def login(gql: GraphQLClient, username: str, password: str) -> dict[str, Any]:
    result: dict[str, Any] = (await gql.data(LOGIN, {"username": username, "password": password}))[
        "login"
    ]
    return result


async def test_five_failures_lock_the_username_even_for_the_right_password(
    client_at: Callable[[str], GraphQLClient],
) -> None:
    home = client_at("10.0.0.1")
    await home.signup("target", PASSWORD)
    for i in range(5):  # from five addresses: only the username counter reaches 5
        result = await login(client_at(f"10.0.1.{i}"), "TARGET", "a wrong guess")
        assert result["__typename"] == "InvalidCredentialsError"
    locked = await login(home, "target", PASSWORD)
    assert locked["__typename"] == "RateLimitedError"
    assert locked["code"] == "RATE_LIMITED"
    assert 1 <= locked["retryAfterSeconds"] <= 60
    # another account from the same address is unaffected
    await home.signup("bystander", PASSWORD)
    assert (await login(home, "bystander", PASSWORD))["__typename"] == "AuthPayload"


async def test_delay_grows_with_further_failures(
    client_at: Callable[[str], GraphQLClient], db: Database
) -> None:
    gql = client_at("10.0.0.1")
    await gql.signup("target", PASSWORD)
    for i in range(5):
        await login(client_at(f"10.0.1.{i}"), "target", "a wrong guess")
    first = (await login(gql, "target", PASSWORD))["retryAfterSeconds"]
    # Let the lock lapse (move the failures a minute back), then fail once more.
    await _age_failures(db, seconds=61)
    assert (await login(client_at("10.0.2.1"), "target", "wrong again"))["__typename"] == (
        "InvalidCredentialsError"
    )
    second = (await login(gql, "target", PASSWORD))["retryAfterSeconds"]
    assert first <= 60 < second <= 120


async def _age_failures(db: Database, *, seconds: int) -> None:
    from datetime import timedelta

    async for doc in db["rate_limits"].find({}):
        await db["rate_limits"].update_one(
            {"_id": doc["_id"]}, {"$set": {"at": doc["at"] - timedelta(seconds=seconds)}}
        )


async def test_success_resets_the_username_counter(
    client_at: Callable[[str], GraphQLClient],
) -> None:
    gql = client_at("10.0.0.1")
    await gql.signup("forgetful", PASSWORD)
    for round_ in range(2):
        for i in range(4):
            guess = await login(client_at(f"10.{round_}.1.{i}"), "forgetful", "typo typo")
            assert guess["__typename"] == "InvalidCredentialsError"
        assert (await login(gql, "forgetful", PASSWORD))["__typename"] == "AuthPayload"


async def test_five_failures_lock_the_client_address(
    client_at: Callable[[str], GraphQLClient],
) -> None:
    attacker = client_at("203.0.113.9")
    elsewhere = client_at("198.51.100.7")
    await elsewhere.signup("victim", PASSWORD)
    for name in ("a-one", "b-two", "c-three", "d-four", "e-five"):
        assert (await login(attacker, name, "guess guess"))["__typename"] == (
            "InvalidCredentialsError"
        )
    # even invalid usernames counted; now every login from that address waits
    assert (await login(attacker, "victim", PASSWORD))["__typename"] == "RateLimitedError"
    assert (await login(elsewhere, "victim", PASSWORD))["__typename"] == "AuthPayload"


async def test_invalid_usernames_count_against_the_address(
    client_at: Callable[[str], GraphQLClient],
) -> None:
    attacker = client_at("203.0.113.10")
    await client_at("10.0.0.1").signup("victim", PASSWORD)
    for bad in ("", "x", "a" * 100_000, "nul\x00name", "\u212aelvin"):
        assert (await login(attacker, bad, "guess guess"))["__typename"] == (
            "InvalidCredentialsError"
        )
    assert (await login(attacker, "victim", PASSWORD))["__typename"] == "RateLimitedError"


ALIASED = (
    "mutation($u: String!, $p: String!) {"
    + "".join(
        f" l{i}: login(username: $u, password: $p) {{ __typename"
        " ... on RateLimitedError { retryAfterSeconds } }"
        for i in range(12)
    )
    + " }"
)


async def test_twelve_aliased_logins_in_one_request_all_count(
    client_at: Callable[[str], GraphQLClient],
) -> None:
    gql = client_at("10.0.0.1")
    await gql.signup("aliased", PASSWORD)
    data = await gql.data(ALIASED, {"u": "aliased", "p": "a wrong guess"})
    kinds = [data[f"l{i}"]["__typename"] for i in range(12)]
    assert kinds == ["InvalidCredentialsError"] * 5 + ["RateLimitedError"] * 7
    # the right password in an aliased batch is refused too
    data = await client_at("10.9.9.9").data(ALIASED, {"u": "aliased", "p": PASSWORD})
    assert {data[f"l{i}"]["__typename"] for i in range(12)} == {"RateLimitedError"}


async def test_parallel_logins_get_exactly_five_guesses(
    client_at: Callable[[str], GraphQLClient], db: Database
) -> None:
    await client_at("10.0.0.1").signup("parallel", PASSWORD)
    results = await asyncio.gather(
        *(login(client_at(f"10.0.3.{i}"), "parallel", "a wrong guess") for i in range(12))
    )
    failed = sum(r["__typename"] == "InvalidCredentialsError" for r in results)
    refused = sum(r["__typename"] == "RateLimitedError" for r in results)
    # Each attempt is recorded before it is checked: parallel requests cannot all slip
    # past the check before the first failure is written.
    assert (failed, refused) == (5, 7)
    assert await db["rate_limits"].count_documents({"key": "login:user:parallel"}) == failed
    assert (await login(client_at("10.0.0.1"), "parallel", PASSWORD))["__typename"] == (
        "RateLimitedError"
    )
