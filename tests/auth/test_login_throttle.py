"""Login throttling through HTTP: per (address, username), slowing before refusing.

Issue 12 item 7: failures are keyed by (client address, username), so a guesser
locks only itself out of the account it guesses, never that account's owner
elsewhere nor the other people behind its (proxy) address; an address that sprays
many usernames is refused after LOGIN_GUARD's per-address threshold.
"""

from __future__ import annotations

import asyncio
from collections.abc import Callable
from datetime import timedelta
from typing import Any

import pytest

from dropbox_lite.auth import passwords
from dropbox_lite.auth.service import LOGIN_GUARD
from dropbox_lite.core import ratelimit
from dropbox_lite.core.db import Database
from tests.auth.queries import LOGIN
from tests.support import GraphQLClient

PASSWORD = "the right password"
PER_ADDRESS = LOGIN_GUARD.addresses.max_failures


async def login(gql: GraphQLClient, username: Any, password: str) -> dict[str, Any]:
    result: dict[str, Any] = (await gql.data(LOGIN, {"username": username, "password": password}))[
        "login"
    ]
    return result


async def test_five_failures_lock_the_guesser_out_of_that_account_only(
    client_at: Callable[[str], GraphQLClient],
) -> None:
    home = client_at("10.0.0.1")
    attacker = client_at("203.0.113.9")
    await home.signup("target", PASSWORD)
    for _ in range(5):
        result = await login(attacker, "TARGET", "a wrong guess")
        assert result["__typename"] == "InvalidCredentialsError"
    locked = await login(attacker, "target", PASSWORD)  # even the right password
    assert locked["__typename"] == "RateLimitedError"
    assert locked["code"] == "RATE_LIMITED"
    assert 1 <= locked["retryAfterSeconds"] <= 60
    # The owner, elsewhere, is not locked out by the guesser.
    assert (await login(home, "target", PASSWORD))["__typename"] == "AuthPayload"


async def test_a_guesser_behind_a_shared_proxy_address_locks_out_nobody_else(
    client_at: Callable[[str], GraphQLClient],
) -> None:
    proxy = client_at("10.0.0.2")  # everyone behind the reverse proxy has this address
    await proxy.signup("victim", PASSWORD)
    await proxy.signup("bystander", PASSWORD)
    for _ in range(6):
        await login(proxy, "victim", "a wrong guess")
    assert (await login(proxy, "victim", PASSWORD))["__typename"] == "RateLimitedError"
    assert (await login(proxy, "bystander", PASSWORD))["__typename"] == "AuthPayload"


async def test_each_failure_slows_the_next_attempt_before_any_refusal(
    client_at: Callable[[str], GraphQLClient], waits: list[float]
) -> None:
    gql = client_at("10.0.0.1")
    await gql.signup("slowed", PASSWORD)
    kinds = [(await login(gql, "slowed", "a wrong guess"))["__typename"] for _ in range(6)]
    assert kinds == ["InvalidCredentialsError"] * 5 + ["RateLimitedError"]
    # Nextcloud-style: 0.1 s after the first failure, doubling; the refusal waits not.
    assert waits == [0.1, 0.2, 0.4, 0.8]
    # Another address trying the same account is not slowed.
    assert (await login(client_at("10.0.0.9"), "slowed", PASSWORD))["__typename"] == ("AuthPayload")
    assert len(waits) == 4


async def test_delay_grows_with_further_failures(
    client_at: Callable[[str], GraphQLClient], db: Database
) -> None:
    gql = client_at("10.0.0.1")
    await gql.signup("target", PASSWORD)
    for _ in range(5):
        await login(gql, "target", "a wrong guess")
    first = (await login(gql, "target", PASSWORD))["retryAfterSeconds"]
    # Let the lock lapse (move the failures a minute back), then fail once more.
    await _age_failures(db, seconds=61)
    assert (await login(gql, "target", "wrong again"))["__typename"] == "InvalidCredentialsError"
    second = (await login(gql, "target", PASSWORD))["retryAfterSeconds"]
    assert first <= 60 < second <= 120


async def _age_failures(db: Database, *, seconds: int) -> None:
    async for doc in db["rate_limits"].find({"key": {"$exists": True}}):
        await db["rate_limits"].update_one(
            {"_id": doc["_id"]}, {"$set": {"at": doc["at"] - timedelta(seconds=seconds)}}
        )


async def test_success_resets_the_pair(
    client_at: Callable[[str], GraphQLClient], waits: list[float]
) -> None:
    gql = client_at("10.0.0.1")
    await gql.signup("forgetful", PASSWORD)
    for _ in range(2):
        for _ in range(4):
            guess = await login(gql, "forgetful", "typo typo")
            assert guess["__typename"] == "InvalidCredentialsError"
        assert (await login(gql, "forgetful", PASSWORD))["__typename"] == "AuthPayload"
    assert waits == [0.1, 0.2, 0.4, 0.8] * 2


async def test_an_address_spraying_many_usernames_is_refused(
    client_at: Callable[[str], GraphQLClient],
) -> None:
    attacker = client_at("203.0.113.9")
    elsewhere = client_at("198.51.100.7")
    await elsewhere.signup("victim", PASSWORD)
    for i in range(PER_ADDRESS):
        assert (await login(attacker, f"name-{i}", "guess guess"))["__typename"] == (
            "InvalidCredentialsError"
        )
    assert (await login(attacker, "victim", PASSWORD))["__typename"] == "RateLimitedError"
    assert (await login(elsewhere, "victim", PASSWORD))["__typename"] == "AuthPayload"


async def test_invalid_usernames_count_against_the_address_only(
    client_at: Callable[[str], GraphQLClient], db: Database
) -> None:
    attacker = client_at("203.0.113.10")
    await client_at("10.0.0.1").signup("victim", PASSWORD)
    bad = ["", "x", "a" * 100_000, "nul\x00name", "\u212aelvin"]
    for i in range(PER_ADDRESS):
        result = await login(attacker, bad[i % len(bad)], "guess guess")
        assert result["__typename"] == "InvalidCredentialsError"
    assert (await login(attacker, "victim", PASSWORD))["__typename"] == "RateLimitedError"
    keys = set(await db["rate_limits"].distinct("key"))
    assert {k for k in keys if k.startswith("login")} == {LOGIN_GUARD.address_key("203.0.113.10")}


async def test_parallel_logins_get_exactly_five_guesses(
    client_at: Callable[[str], GraphQLClient], db: Database
) -> None:
    await client_at("10.0.0.1").signup("parallel", PASSWORD)
    attacker = client_at("10.0.3.1")
    results = await asyncio.gather(
        *(login(attacker, "parallel", "a wrong guess") for _ in range(12))
    )
    failed = sum(r["__typename"] == "InvalidCredentialsError" for r in results)
    refused = sum(r["__typename"] == "RateLimitedError" for r in results)
    # Each attempt is recorded before it is checked: parallel requests cannot all slip
    # past the check before the first failure is written.
    assert (failed, refused) == (5, 7)
    pair = LOGIN_GUARD.pair_key("10.0.3.1", "parallel")
    assert await db["rate_limits"].count_documents({"key": pair}) == failed
    assert (await login(attacker, "parallel", PASSWORD))["__typename"] == "RateLimitedError"


class _SlowReads:
    """A collection whose reads' answers arrive `delay` seconds late (a loaded database)."""

    def __init__(self, collection: Any, delay: float) -> None:
        self.collection = collection
        self.delay = delay

    def __getattr__(self, name: str) -> Any:
        return getattr(self.collection, name)

    def find(self, *args: Any, **kwargs: Any) -> Any:
        return _SlowCursor(self.collection.find(*args, **kwargs), self.delay)


class _SlowCursor:
    def __init__(self, cursor: Any, delay: float) -> None:
        self.cursor = cursor
        self.delay = delay

    def sort(self, *args: Any, **kwargs: Any) -> _SlowCursor:
        return _SlowCursor(self.cursor.sort(*args, **kwargs), self.delay)

    def limit(self, count: int) -> _SlowCursor:
        return _SlowCursor(self.cursor.limit(count), self.delay)

    async def __aiter__(self) -> Any:
        docs = [doc async for doc in self.cursor]
        await asyncio.sleep(self.delay)  # the answer, read at once, arrives late
        for doc in docs:
            yield doc


async def test_twenty_parallel_guesses_on_a_slow_database_get_exactly_five(
    client_at: Callable[[str], GraphQLClient], db: Database, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Issue 18: under load, 20 parallel guesses were checked 15 times. The throttle
    must not rely on timing (the mutex it had was a lease a slow holder outlived)."""
    home = client_at("10.0.0.1")
    await home.signup("loaded", PASSWORD)
    checked: list[int] = []
    check = passwords.check_password

    async def counting(*args: Any, **kwargs: Any) -> bool:
        checked.append(1)
        return await check(*args, **kwargs)

    monkeypatch.setattr(passwords, "check_password", counting)
    # The old mutex's lease, shortened to less than one slow read (as 5 s was under load).
    monkeypatch.setattr(ratelimit, "LOCK_LEASE", timedelta(seconds=0.02), raising=False)
    collection = db["rate_limits"]
    monkeypatch.setattr(
        type(db),
        "collection",
        lambda self, name: _SlowReads(collection, 0.1) if name == "rate_limits" else self.db[name],
    )
    attacker = client_at("10.0.3.2")
    results = await asyncio.gather(*(login(attacker, "loaded", "a wrong guess") for _ in range(20)))
    kinds = sorted(r["__typename"] for r in results)
    assert kinds == ["InvalidCredentialsError"] * 5 + ["RateLimitedError"] * 15
    assert len(checked) == 5
    # No bystander lockout: the owner, at another address, still signs in.
    assert (await login(home, "loaded", PASSWORD))["__typename"] == "AuthPayload"
