"""Signed download URLs read through GraphQL end with the session that asked for them.

`File.downloadUrl` and `Revision.downloadUrl` are bound to the asking session:
after a logout, a password change or a disabled account the URL is refused, while
until then it downloads (and another session's end does not touch it).
"""

from __future__ import annotations

from typing import Any

import httpx
import pytest
from starlette.applications import Starlette

from dropbox_lite.auth import service as auth_service
from dropbox_lite.core.db import Database
from tests.files.helpers import upload
from tests.support import Account, GraphQLClient

URLS = """
query($id: ID) {
  entry(id: $id) {
    ... on File { downloadUrl revisions { rev downloadUrl } }
  }
}
"""
LOGIN = """
mutation($username: String!, $password: String!) {
  login(username: $username, password: $password) { __typename ... on AuthPayload { token } }
}
"""
LOGOUT = "mutation { logout }"
CHANGE_PASSWORD = """
mutation($current: String!, $new: String!) {
  changePassword(currentPassword: $current, newPassword: $new) { __typename }
}
"""
V1, V2 = b"first version", b"second version, longer"


async def urls(gql: GraphQLClient, account: Account, file_id: str) -> dict[str, str]:
    """The file's URL and each revision's, as the owner reads them."""
    found: dict[str, Any] = (await gql.data(URLS, {"id": file_id}, token=account.token))["entry"]
    named = {"file": found["downloadUrl"]}
    named.update({f"rev{r['rev']}": r["downloadUrl"] for r in found["revisions"]})
    return named


async def file_with_history(http: httpx.AsyncClient, account: Account) -> str:
    first = await upload(http, account.token, V1, "doc.txt")
    await upload(http, account.token, V2, "doc.txt", mode="OVERWRITE")
    return str(first["id"])


async def assert_downloads(http: httpx.AsyncClient, named: dict[str, str]) -> None:
    expected = {"file": V2, "rev2": V2, "rev1": V1}
    for key, url in named.items():
        response = await http.get(url)  # no Authorization header: the signature alone
        assert response.status_code == 200, (key, response.text)
        assert response.content == expected[key], key


async def assert_refused(http: httpx.AsyncClient, named: dict[str, str]) -> None:
    for key, url in named.items():
        response = await http.get(url)
        assert response.status_code == 403, (key, response.status_code)
        assert response.json()["errors"][0]["extensions"]["code"] == "FORBIDDEN"
        assert V1 not in response.content and V2 not in response.content


async def second_session(gql: GraphQLClient, account: Account) -> str:
    data = await gql.data(LOGIN, {"username": account.username, "password": account.password})
    assert data["login"]["__typename"] == "AuthPayload"
    return str(data["login"]["token"])


async def test_urls_end_with_a_logout_and_not_with_another_sessions(
    http: httpx.AsyncClient, gql: GraphQLClient
) -> None:
    alice = await gql.signup()
    file_id = await file_with_history(http, alice)
    other = await second_session(gql, alice)
    named = await urls(gql, alice, file_id)
    assert set(named) == {"file", "rev1", "rev2"}
    await assert_downloads(http, named)
    assert (await gql.data(LOGOUT, token=other))["logout"] is True
    await assert_downloads(http, named)  # bound to alice's first session, still signed in
    assert (await gql.data(LOGOUT, token=alice.token))["logout"] is True
    await assert_refused(http, named)


async def test_urls_end_with_a_password_change(http: httpx.AsyncClient, gql: GraphQLClient) -> None:
    alice = await gql.signup()
    file_id = await file_with_history(http, alice)
    mobile = Account(
        alice.username, alice.password, await second_session(gql, alice), alice.user_id
    )
    named = await urls(gql, mobile, file_id)
    await assert_downloads(http, named)
    changed = await gql.data(
        CHANGE_PASSWORD,
        {"current": alice.password, "new": "a-new-password-long-enough"},
        token=alice.token,
    )
    assert changed["changePassword"]["__typename"] == "User"
    await assert_refused(http, named)  # the password change ended the other session


@pytest.mark.parametrize("enable_again", [False, True])
async def test_urls_end_when_the_account_is_disabled(
    app: Starlette, http: httpx.AsyncClient, gql: GraphQLClient, db: Database, enable_again: bool
) -> None:
    alice = await gql.signup()
    file_id = await file_with_history(http, alice)
    named = await urls(gql, alice, file_id)
    await assert_downloads(http, named)
    await auth_service.set_disabled(
        db=db, live=app.state.appstate.live, user_id=alice.user_id, disabled=True
    )
    if enable_again:  # enabling the account does not bring its old sessions back
        await auth_service.set_disabled(
            db=db, live=app.state.appstate.live, user_id=alice.user_id, disabled=False
        )
    await assert_refused(http, named)
