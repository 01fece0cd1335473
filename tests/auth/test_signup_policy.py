"""Issue 13: DROPBOX_LITE_SIGNUP open | invite | closed, invite codes, disabled accounts."""

from __future__ import annotations

import asyncio
from collections.abc import Awaitable, Callable
from datetime import UTC, datetime, timedelta
from typing import Any

import pytest
from bson import ObjectId
from starlette.applications import Starlette

from dropbox_lite.auth import live, service
from dropbox_lite.core.config import load_config
from dropbox_lite.core.db import Database
from tests.auth.queries import LOGIN, ME
from tests.auth.test_websocket import closed_with, signed_in_socket
from tests.support import GraphQLClient

Clients = Callable[..., Awaitable[GraphQLClient]]
PASSWORD = "a fine password"
SIGNUP = """
mutation($u: String!, $c: String) {
  signup(username: $u, password: "a fine password", inviteCode: $c) {
    __typename
    ... on AuthPayload { token user { id } }
    ... on SignupRefusedError { policy }
    ... on Error { message code }
  }
}"""


async def signup(gql: GraphQLClient, username: str, code: str | None = None) -> dict[str, Any]:
    result: dict[str, Any] = (await gql.data(SIGNUP, {"u": username, "c": code}))["signup"]
    return result


def test_the_policy_defaults_to_closed_in_production_and_open_otherwise() -> None:
    secret = {"DROPBOX_LITE_SECRET_KEY": "x" * 32}
    assert load_config({**secret, "DROPBOX_LITE_ENV": "production"}).signup == "closed"
    assert load_config({"DROPBOX_LITE_ENV": "development"}).signup == "open"
    assert load_config({"DROPBOX_LITE_SIGNUP": "Invite"}).signup == "invite"


def test_a_bad_policy_is_a_config_error_naming_the_variable() -> None:
    from dropbox_lite.core.config import ConfigError

    with pytest.raises(ConfigError, match="DROPBOX_LITE_SIGNUP"):
        load_config({"DROPBOX_LITE_SIGNUP": "sometimes"})


async def test_closed_signup_is_refused_with_a_clear_message(
    client_with: Clients, db: Database
) -> None:
    gql = await client_with(signup="closed")
    result = await signup(gql, "closed-out")
    assert result["__typename"] == "SignupRefusedError"
    assert result["policy"] == "closed"
    assert "administrator" in result["message"]
    assert await db["users"].count_documents({}) == 0


@pytest.mark.parametrize("code", [None, "", "   ", "not-a-real-code", "x" * 10_000])
async def test_invite_signup_without_a_valid_code_is_refused(
    client_with: Clients, db: Database, code: str | None
) -> None:
    gql = await client_with(signup="invite")
    result = await signup(gql, "no-invite", code)
    assert result["__typename"] == "SignupRefusedError", result
    assert result["policy"] == "invite" and "invite" in result["message"]
    assert await db["users"].count_documents({}) == 0


async def test_an_invite_signs_up_once(client_with: Clients, db: Database) -> None:
    gql = await client_with(signup="invite")
    code, _ = await service.create_invite(db=db, lifetime=timedelta(days=1))
    assert (await signup(gql, "first", code))["__typename"] == "AuthPayload"
    used = await signup(gql, "second", code)
    assert used["__typename"] == "SignupRefusedError"
    assert "used" in used["message"]
    invite = await db["invites"].find_one({})
    assert invite is not None and invite["used_by"] is not None
    assert invite["_id"] != code  # only the hash is stored


async def test_an_expired_invite_is_refused(client_with: Clients, db: Database) -> None:
    gql = await client_with(signup="invite")
    code, _ = await service.create_invite(db=db, lifetime=timedelta(days=1))
    past = datetime.now(UTC) - timedelta(seconds=1)
    await db["invites"].update_many({}, {"$set": {"expires_at": past}})
    assert (await signup(gql, "late", code))["__typename"] == "SignupRefusedError"


async def test_a_taken_name_or_bad_password_does_not_spend_the_invite(
    client_with: Clients, db: Database
) -> None:
    gql = await client_with(signup="invite")
    code, _ = await service.create_invite(db=db, lifetime=timedelta(days=1))
    other, _ = await service.create_invite(db=db, lifetime=timedelta(days=1))
    assert (await signup(gql, "taken", other))["__typename"] == "AuthPayload"
    assert (await signup(gql, "TAKEN", code))["__typename"] == "UsernameTakenError"
    weak = await gql.data(
        'mutation($c: String) { signup(username: "weak", password: "short", inviteCode: $c) '
        "{ __typename } }",
        {"c": code},
    )
    assert weak["signup"]["__typename"] == "InvalidInputError"
    assert (await signup(gql, "kept", code))["__typename"] == "AuthPayload"


async def test_two_signups_racing_for_one_invite_get_one_account(
    client_with: Clients, db: Database
) -> None:
    gql = await client_with(signup="invite")
    code, _ = await service.create_invite(db=db, lifetime=timedelta(days=1))
    results = await asyncio.gather(*(signup(gql, f"racer{i}", code) for i in range(6)))
    kinds = sorted(r["__typename"] for r in results)
    assert kinds == ["AuthPayload"] + ["SignupRefusedError"] * 5
    assert await db["users"].count_documents({}) == 1


async def test_open_signup_ignores_an_invite_code(gql: GraphQLClient) -> None:
    assert (await signup(gql, "open-door", "whatever"))["__typename"] == "AuthPayload"


# Disabled accounts: no sign-in, and every session stops at once, sockets included.


async def test_a_disabled_account_cannot_sign_in_and_its_sessions_stop(
    app: Starlette, gql: GraphQLClient, db: Database
) -> None:
    account = await gql.signup("to-disable", PASSWORD)
    async with signed_in_socket(app, account.token) as ws:
        await service.set_disabled(
            db=db, live=app.state.appstate.live, user_id=account.user_id, disabled=True
        )
        assert await closed_with(ws) == 4403
    assert (await gql.data(ME, token=account.token))["me"] is None
    result = (await gql.data(LOGIN, {"username": "to-disable", "password": PASSWORD}))["login"]
    assert result["__typename"] == "InvalidCredentialsError"
    assert "disabled" in result["message"]
    # A wrong password gets the usual answer: "disabled" tells only the password's holder.
    wrong = (await gql.data(LOGIN, {"username": "to-disable", "password": "wrong wrong"}))["login"]
    assert "disabled" not in wrong["message"]
    await service.set_disabled(
        db=db, live=app.state.appstate.live, user_id=account.user_id, disabled=False
    )
    again = (await gql.data(LOGIN, {"username": "to-disable", "password": PASSWORD}))["login"]
    assert again["__typename"] == "AuthPayload"


async def test_a_session_of_an_account_disabled_elsewhere_is_refused(
    app: Starlette, gql: GraphQLClient, db: Database
) -> None:
    account = await gql.signup("disabled-elsewhere", PASSWORD)
    await db["users"].update_many({}, {"$set": {"disabled": True}})  # flag only, no revocation
    app.state.appstate.clock.advance(live.USER_SECONDS + 1)  # the user's record read again
    assert (await gql.data(ME, token=account.token))["me"] is None


async def test_prune_removes_ended_sessions_and_expired_invites(
    gql: GraphQLClient, db: Database
) -> None:
    kept = await gql.signup("prune-kept", PASSWORD)
    gone = await gql.signup("prune-gone", PASSWORD)
    # Revoked by a version that marked sessions instead of deleting them.
    await db["sessions"].update_one(
        {"user_id": ObjectId(gone.user_id)}, {"$set": {"revoked": True}}
    )
    code, _ = await service.create_invite(db=db, lifetime=timedelta(days=1))
    await service.create_invite(db=db, lifetime=timedelta(days=1))
    past = datetime.now(UTC) - timedelta(seconds=1)
    await db["invites"].update_one(
        {"_id": service.invite_hash(code)}, {"$set": {"expires_at": past}}
    )
    assert await service.prune(db=db, at=datetime.now(UTC)) == (1, 1)
    assert await db["sessions"].count_documents({}) == 1
    assert await db["invites"].count_documents({}) == 1
    assert (await gql.data(ME, token=kept.token))["me"] is not None
