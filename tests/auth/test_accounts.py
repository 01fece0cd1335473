"""Sign-up and sign-in through HTTP: validation, case, long passwords, credentials."""

from __future__ import annotations

import threading
from typing import Any

import bcrypt
import pytest

from dropbox_lite.core.db import Database
from tests.auth.queries import LOGIN, ME, SIGNUP
from tests.support import GraphQLClient

LONG = "a" * 100_000


async def signup(gql: GraphQLClient, username: Any, password: Any) -> dict[str, Any]:
    data = await gql.data(SIGNUP, {"username": username, "password": password})
    result: dict[str, Any] = data["signup"]
    return result


async def login(gql: GraphQLClient, username: Any, password: Any) -> dict[str, Any]:
    data = await gql.data(LOGIN, {"username": username, "password": password})
    result: dict[str, Any] = data["login"]
    return result


async def test_signup_signs_in_and_me_answers(gql: GraphQLClient) -> None:
    result = await signup(gql, "Alice.B-2_c", "correct horse battery")
    assert result["__typename"] == "AuthPayload"
    assert result["user"]["username"] == "Alice.B-2_c"
    assert result["session"]["current"] is True
    me = (await gql.data(ME, token=result["token"]))["me"]
    assert me["id"] == result["user"]["id"] and me["username"] == "Alice.B-2_c"
    assert me["createdAt"].endswith("Z")
    assert (await gql.data(ME))["me"] is None


@pytest.mark.parametrize(
    "username",
    ["", "ab", "a" * 33, LONG, "ab\x00cd", "with space", "ümlaut", "\u212aelvin", "a/b"],
    ids=["empty", "short", "33", "100k", "nul", "space", "non-ascii", "kelvin-sign", "slash"],
)
async def test_bad_usernames_are_invalid_input(gql: GraphQLClient, username: str) -> None:
    result = await signup(gql, username, "a fine password")
    assert result["__typename"] == "InvalidInputError"
    assert result["code"] == "INVALID_INPUT" and result["field"] == "username"
    # and they never sign in either (no 500, the usual answer)
    assert (await login(gql, username, "a fine password"))["__typename"] == (
        "InvalidCredentialsError"
    )


@pytest.mark.parametrize(
    "password",
    ["", "short12", LONG, "a" * 1025, "nul\x00inside-it", "someone", "SOMEONE"],
    ids=["empty", "7-chars", "100k", "1025", "nul", "equals-username", "username-case-twin"],
)
async def test_bad_passwords_are_invalid_input(gql: GraphQLClient, password: str) -> None:
    result = await signup(gql, "someone", password)
    assert result["__typename"] == "InvalidInputError"
    assert result["field"] == "password"


async def test_longest_and_unicode_passwords_are_accepted(gql: GraphQLClient) -> None:
    for name, password in [("max", "x" * 1024), ("emoji", "🔑" * 8), ("eight", "12345678")]:
        assert (await signup(gql, name, password))["__typename"] == "AuthPayload"
        assert (await login(gql, name, password))["__typename"] == "AuthPayload"


@pytest.mark.parametrize(
    ("variables", "what"),
    [
        ({"username": 12345, "password": "a fine password"}, "username"),
        ({"username": "someone", "password": 12345678}, "password"),
        ({"username": ["a"], "password": "a fine password"}, "username"),
        ({"username": "someone", "password": None}, "password"),
        ({"username": "someone", "password": {"a": 1}}, "password"),
    ],
)
@pytest.mark.parametrize("query", [SIGNUP, LOGIN], ids=["signup", "login"])
async def test_non_string_arguments_are_refused_not_crashed(
    gql: GraphQLClient, db: Database, query: str, variables: dict[str, Any], what: str
) -> None:
    body = await gql(query, variables)
    assert body.get("data") is None
    assert what in body["errors"][0]["message"]
    assert await db["users"].count_documents({}) == 0


async def test_usernames_differing_only_by_case_are_one_account(gql: GraphQLClient) -> None:
    first = await signup(gql, "Alice", "alice's password")
    twin = await signup(gql, "aLICE", "another password")
    assert twin["__typename"] == "UsernameTakenError" and twin["code"] == "USERNAME_TAKEN"
    result = await login(gql, "ALICE", "alice's password")
    assert result["__typename"] == "AuthPayload"
    assert result["user"] == first["user"]  # the name as typed at sign-up


async def test_300_byte_password_counts_past_72_bytes(gql: GraphQLClient) -> None:
    password = "é" * 150  # 300 bytes of UTF-8
    assert len(password.encode()) == 300
    assert (await signup(gql, "longpw", password))["__typename"] == "AuthPayload"
    assert (await login(gql, "longpw", password))["__typename"] == "AuthPayload"
    same_first_72_bytes = "é" * 36 + "e" * 114
    assert same_first_72_bytes.encode()[:72] == password.encode()[:72]
    assert (await login(gql, "longpw", same_first_72_bytes))["__typename"] == (
        "InvalidCredentialsError"
    )


async def test_unknown_user_and_wrong_password_look_the_same(gql: GraphQLClient) -> None:
    await signup(gql, "known", "the right password")
    wrong = await login(gql, "known", "the wrong password")
    unknown = await login(gql, "unknown", "the wrong password")
    assert wrong == unknown
    assert wrong["__typename"] == "InvalidCredentialsError"
    assert wrong["code"] == "INVALID_CREDENTIALS"


async def test_unknown_user_still_spends_a_bcrypt_check(
    gql: GraphQLClient, monkeypatch: pytest.MonkeyPatch
) -> None:
    checks: list[bytes] = []
    real = bcrypt.checkpw

    def counting(password: bytes, hashed: bytes) -> bool:
        checks.append(hashed)
        return real(password, hashed)

    monkeypatch.setattr(bcrypt, "checkpw", counting)
    await login(gql, "nobody-here", "some password")
    assert len(checks) == 1


async def test_bcrypt_never_runs_on_the_event_loop_thread(
    gql: GraphQLClient, monkeypatch: pytest.MonkeyPatch
) -> None:
    threads: list[threading.Thread] = []
    real_hash, real_check = bcrypt.hashpw, bcrypt.checkpw

    def hashpw(password: bytes, salt: bytes) -> bytes:
        threads.append(threading.current_thread())
        return real_hash(password, salt)

    def checkpw(password: bytes, hashed: bytes) -> bool:
        threads.append(threading.current_thread())
        return real_check(password, hashed)

    monkeypatch.setattr(bcrypt, "hashpw", hashpw)
    monkeypatch.setattr(bcrypt, "checkpw", checkpw)
    await signup(gql, "threads", "a fine password")
    await login(gql, "threads", "a fine password")
    await login(gql, "threads", "a wrong password")
    await login(gql, "no-such-user", "a wrong password")
    assert len(threads) >= 4
    assert threading.main_thread() not in threads


async def test_device_name_is_trimmed_and_bounded(gql: GraphQLClient) -> None:
    await signup(gql, "devices", "a fine password")
    data = await gql.data(
        LOGIN, {"username": "devices", "password": "a fine password", "deviceName": "x" * 5000}
    )
    assert data["login"]["session"]["deviceName"] == "x" * 100
    data = await gql.data(
        LOGIN, {"username": "devices", "password": "a fine password", "deviceName": "  "}
    )
    assert data["login"]["session"]["deviceName"] is None
