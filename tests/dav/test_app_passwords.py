"""App passwords and HTTP Basic (Login Flow v2: test_login_flow.py)."""

from __future__ import annotations

import base64

import httpx
from starlette.applications import Starlette

from dropbox_lite.auth import service as auth_service
from dropbox_lite.core.db import Database
from tests.dav.helpers import app_password, basic, files_url
from tests.support import GraphQLClient

LIST = "query { appPasswords { id name createdAt lastUsedAt } }"
REVOKE = "mutation Revoke($id: ID!) { revokeAppPassword(id: $id) }"
CHANGE = """
mutation Change($old: String!, $new: String!) {
  changePassword(currentPassword: $old, newPassword: $new) { __typename }
}
"""
ME = "query { me { username } }"


async def test_an_app_password_signs_in_until_it_is_revoked(
    http: httpx.AsyncClient, gql: GraphQLClient
) -> None:
    alice = await gql.signup()
    password = await app_password(gql, alice, "Phone")
    h = basic(alice.username, password)
    assert (
        await http.request("PROPFIND", files_url(alice), headers={**h, "Depth": "0"})
    ).status_code == 207
    # Basic works wherever Bearer does: GraphQL too, and the username's case does not matter.
    me = await http.post(
        "/graphql", json={"query": ME}, headers=basic(alice.username.upper(), password)
    )
    assert me.json()["data"]["me"]["username"] == alice.username
    listed = (await gql.data(LIST, token=alice.token))["appPasswords"]
    assert [p["name"] for p in listed] == ["Phone"]
    # Another user's name with this password is nobody.
    bob = await gql.signup()
    assert (
        await http.request(
            "PROPFIND", files_url(bob), headers={**basic(bob.username, password), "Depth": "0"}
        )
    ).status_code == 401
    assert (await gql.data(REVOKE, {"id": listed[0]["id"]}, token=alice.token))["revokeAppPassword"]
    assert (
        await http.request("PROPFIND", files_url(alice), headers={**h, "Depth": "0"})
    ).status_code == 401
    assert (await gql.data(LIST, token=alice.token))["appPasswords"] == []
    again = await gql(REVOKE, {"id": listed[0]["id"]}, token=alice.token)
    assert again["errors"][0]["extensions"]["code"] == "NOT_FOUND"
    refused = await gql(
        'mutation { createAppPassword(name: "  ") { __typename ... on Error { code } } }',
        token=alice.token,
    )
    assert refused["data"]["createAppPassword"]["code"] == "INVALID_INPUT"


async def test_a_password_change_or_a_disabled_account_ends_app_passwords_at_once(
    app: Starlette, http: httpx.AsyncClient, gql: GraphQLClient, db: Database
) -> None:
    alice = await gql.signup()
    first, second = await app_password(gql, alice, "One"), await app_password(gql, alice, "Two")
    url = files_url(alice)
    assert (
        await http.request("PROPFIND", url, headers={**basic(alice.username, first), "Depth": "0"})
    ).status_code == 207
    changed = await gql.data(
        CHANGE, {"old": alice.password, "new": "a-new-password-1"}, token=alice.token
    )
    assert changed["changePassword"]["__typename"] == "User"
    for password in (first, second, alice.password):
        assert (
            await http.request(
                "PROPFIND", url, headers={**basic(alice.username, password), "Depth": "0"}
            )
        ).status_code == 401
    third = await app_password(gql, alice, "Three")
    assert (
        await http.request("PROPFIND", url, headers={**basic(alice.username, third), "Depth": "0"})
    ).status_code == 207
    assert (
        await http.request(
            "PROPFIND", url, headers={**basic(alice.username, "a-new-password-1"), "Depth": "0"}
        )
    ).status_code == 207
    await auth_service.set_disabled(
        db=db, live=app.state.appstate.live, user_id=alice.user_id, disabled=True
    )
    for password in (third, "a-new-password-1"):
        assert (
            await http.request(
                "PROPFIND", url, headers={**basic(alice.username, password), "Depth": "0"}
            )
        ).status_code == 401


async def test_basic_with_the_account_password_is_throttled_like_login(
    http: httpx.AsyncClient, gql: GraphQLClient
) -> None:
    alice = await gql.signup()
    url = files_url(alice)
    statuses = []
    for n in range(12):
        answer = await http.request(
            "PROPFIND", url, headers={**basic(alice.username, f"wrong-{n}"), "Depth": "0"}
        )
        statuses.append(answer.status_code)
        if answer.status_code == 429:
            assert int(answer.headers["retry-after"]) > 0
            break
    assert statuses[0] == 401 and statuses[-1] == 429, statuses


async def test_status_and_ocs_answer_like_nextcloud(
    http: httpx.AsyncClient, gql: GraphQLClient
) -> None:
    alice = await gql.signup()
    status = (await http.get("/status.php")).json()
    assert status["installed"] is True and status["version"].startswith("30.")
    caps = (await http.get("/ocs/v1.php/cloud/capabilities?format=json")).json()["ocs"]
    assert caps["meta"]["statuscode"] == 100
    assert caps["data"]["capabilities"]["dav"]["chunking"] == "1.0"
    h = basic(alice.username, alice.password)
    user = (await http.get("/ocs/v2.php/cloud/user?format=json", headers=h)).json()["ocs"]
    assert user["meta"]["statuscode"] == 200 and user["data"]["id"] == alice.username
    xml = await http.get("/ocs/v1.php/cloud/user", headers=h)
    assert (
        xml.headers["content-type"].startswith("text/xml")
        and f"<id>{alice.username}</id>" in xml.text
    )
    assert (await http.get("/ocs/v2.php/cloud/user?format=json")).status_code == 401


async def test_tus_and_the_session_byte_routes_take_http_basic(
    http: httpx.AsyncClient, gql: GraphQLClient
) -> None:
    alice = await gql.signup()
    password = await app_password(gql, alice, "Uploader")
    h = {**basic(alice.username, password), "Tus-Resumable": "1.0.0"}
    name = base64.b64encode(b"basic.txt").decode()
    made = await http.post(
        "/tus/", headers={**h, "Upload-Length": "10", "Upload-Metadata": f"filename {name}"}
    )
    assert made.status_code == 201, made.text
    session_id = made.headers["location"].rsplit("/", 1)[1]
    # The first half through our own session byte route, the rest through tus.
    half = await http.patch(
        f"/upload-sessions/{session_id}",
        content=b"01234",
        headers={**h, "Upload-Offset": "0", "Content-Type": "application/offset+octet-stream"},
    )
    assert half.status_code == 200 and half.json()["offset"] == 5, half.text
    rest = await http.patch(
        made.headers["location"],
        content=b"56789",
        headers={**h, "Upload-Offset": "5", "Content-Type": "application/offset+octet-stream"},
    )
    assert rest.status_code == 204 and rest.headers["x-entry-id"], rest.text
    got = await http.get(files_url(alice, "basic.txt"), headers=basic(alice.username, password))
    assert got.content == b"0123456789"
    # A wrong password is nobody; a revoked app password too.
    wrong = {**basic(alice.username, password + "x"), "Tus-Resumable": "1.0.0"}
    refused = await http.post("/tus/", headers={**wrong, "Upload-Length": "1"})
    assert refused.status_code == 401
    listed = (await gql.data(LIST, token=alice.token))["appPasswords"]
    assert (await gql.data(REVOKE, {"id": listed[0]["id"]}, token=alice.token))["revokeAppPassword"]
    again = await http.patch(
        f"/upload-sessions/{session_id}",
        content=b"x",
        headers={**h, "Upload-Offset": "10", "Content-Type": "application/offset+octet-stream"},
    )
    assert again.status_code == 401
    gone = await http.post(
        "/tus/", headers={**h, "Upload-Length": "1", "Upload-Metadata": f"filename {name}"}
    )
    assert gone.status_code == 401
