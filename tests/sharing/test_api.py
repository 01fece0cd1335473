"""createShareLink, revokeShareLink, shareLinks, sharedLink and uploadToShareLink over HTTP."""

from __future__ import annotations

import json
import secrets
from datetime import UTC, datetime, timedelta
from typing import Any

import httpx
import pytest
from bson import ObjectId
from starlette.applications import Starlette

from dropbox_lite.core.config import Settings
from dropbox_lite.core.db import Database
from dropbox_lite.files import service as files_service
from dropbox_lite.sharing import api_types as sharing_api_types
from dropbox_lite.sharing import owner_links, service, visits
from tests.sharing.helpers import client_from, folder, local, put_file
from tests.support import Account, GraphQLClient, a_second_later, error_codes

CREATE = """
mutation Create($entryId: ID!, $access: ShareAccess, $expiresAt: DateTime, $password: String) {
  createShareLink(entryId: $entryId, access: $access, expiresAt: $expiresAt, password: $password) {
    __typename
    ... on ShareLinkCreated { url token link { id entryId access hasPassword revoked } }
    ... on InvalidInputError { message code field }
  }
}
"""
SHARED = """
query Shared($token: String!, $password: String, $path: String) {
  sharedLink(token: $token, password: $password, path: $path) {
    __typename
    ... on SharedEntry {
      name path isFolder size mimeType access downloadUrl
      children(first: 10) { items { name path isFolder } cursor hasMore }
    }
    ... on Error { message code }
    ... on RateLimitedError { retryAfterSeconds }
  }
}
"""
PAGE = """
query Page($t: String!, $after: String) {
  sharedLink(token: $t) {
    ... on SharedEntry { children(first: 2, after: $after) { items { name } cursor hasMore } }
  }
}
"""
REVOKE = "mutation Revoke($id: ID!) { revokeShareLink(id: $id) }"
LINKS = "query Links($entryId: ID) { shareLinks(entryId: $entryId) { id entryId revoked } }"
UPLOAD = """
mutation Up($token: String!, $password: String, $file: Upload!, $name: String) {
  uploadToShareLink(token: $token, password: $password, file: $file, name: $name) {
    __typename
    ... on File { id name path parentId size }
    ... on Error { message code }
  }
}
"""


async def shared(gql: GraphQLClient, token: str, **variables: Any) -> dict[str, Any]:
    data = await gql.data(SHARED, {"token": token, **variables})
    result: dict[str, Any] = data["sharedLink"]
    return result


async def upload(
    http: httpx.AsyncClient, token: str, data: bytes, name: str, password: str | None = None
) -> dict[str, Any]:
    """uploadToShareLink as a GraphQL multipart request, without signing in."""
    operations = {
        "query": UPLOAD,
        "variables": {"token": token, "password": password, "file": None, "name": name},
    }
    response = await http.post(
        "/graphql",
        data={"operations": json.dumps(operations), "map": json.dumps({"0": ["variables.file"]})},
        files={"0": (name, data, "application/octet-stream")},
        headers={"GraphQL-Require-Preflight": "1"},
    )
    assert response.status_code == 200, response.text
    body: dict[str, Any] = response.json()
    return body


async def create(gql: GraphQLClient, account: Account, entry_id: str, **kw: Any) -> dict[str, Any]:
    data = await gql.data(CREATE, {"entryId": entry_id, **kw}, token=account.token)
    result: dict[str, Any] = data["createShareLink"]
    return result


async def test_file_link_public_view_reveals_nothing_else(
    http: httpx.AsyncClient, gql: GraphQLClient, db: Database, settings: Settings
) -> None:
    owner = await gql.signup()
    private = await folder(db, owner.user_id, "Private Stuff")
    entry = await put_file(db, settings, owner.user_id, b"hello", "hi.txt", private.id)
    created = await create(gql, owner, entry.id)
    assert created["__typename"] == "ShareLinkCreated"
    token = created["token"]
    assert len(token) >= 22 and created["url"] == f"{settings.public_url}/s/{token}"
    assert created["link"]["entryId"] == entry.id and created["link"]["access"] == "VIEWER"
    # Only the token's hash is stored.
    stored = await db["share_links"].find_one({"_id": ObjectId(created["link"]["id"])})
    assert stored is not None and token not in json.dumps(stored, default=str)

    view = await shared(gql, token)
    assert view["__typename"] == "SharedEntry"
    assert (view["name"], view["path"], view["isFolder"], view["size"]) == ("hi.txt", "/", False, 5)
    assert view["children"] is None
    text = json.dumps(view)
    for leak in ("Private Stuff", owner.user_id, entry.id, private.id, owner.username):
        assert leak not in text
    fields = await gql.data('{ __type(name: "SharedEntry") { fields { name } } }')
    names = {f["name"] for f in fields["__type"]["fields"]}
    assert not names & {"id", "parentId", "owner", "entryId"}
    download = await http.get(local(view["downloadUrl"]))
    assert download.status_code == 200 and download.content == b"hello"


async def test_create_share_link_bad_input(
    gql: GraphQLClient, db: Database, settings: Settings
) -> None:
    owner = await gql.signup()
    other = await gql.signup()
    entry = await put_file(db, settings, owner.user_id, b"x")
    past = (datetime.now(UTC) - timedelta(minutes=1)).isoformat().replace("+00:00", "Z")
    expired = await create(gql, owner, entry.id, expiresAt=past)
    assert expired["__typename"] == "InvalidInputError" and expired["field"] == "expiresAt"
    weak = await create(gql, owner, entry.id, password="short")
    assert weak["__typename"] == "InvalidInputError" and weak["field"] == "password"
    for entry_id in (entry.id, "not-an-id", str(ObjectId())):
        body = await gql(CREATE, {"entryId": entry_id}, token=other.token)
        assert error_codes(body) == ["NOT_FOUND"], body
    anonymous = await gql(CREATE, {"entryId": entry.id})
    assert error_codes(anonymous) == ["UNAUTHENTICATED"]
    assert await db["share_links"].count_documents({}) == 0


async def test_revoke_and_list_only_by_the_owner(
    gql: GraphQLClient, db: Database, settings: Settings
) -> None:
    owner = await gql.signup()
    other = await gql.signup()
    entry = await put_file(db, settings, owner.user_id, b"x")
    first = await create(gql, owner, entry.id)
    second = await create(gql, owner, entry.id)
    link_id = first["link"]["id"]

    body = await gql(REVOKE, {"id": link_id}, token=other.token)
    assert error_codes(body) == ["NOT_FOUND"]
    assert error_codes(await gql(REVOKE, {"id": "zzz"}, token=other.token)) == ["NOT_FOUND"]
    assert (await shared(gql, first["token"]))["__typename"] == "SharedEntry"
    body = await gql(LINKS, {"entryId": entry.id}, token=other.token)
    assert error_codes(body) == ["NOT_FOUND"]
    assert (await gql.data(LINKS, token=other.token))["shareLinks"] == []

    assert (await gql.data(REVOKE, {"id": link_id}, token=owner.token))["revokeShareLink"] is True
    # The very next request.
    assert (await shared(gql, first["token"]))["__typename"] == "NotFoundError"
    listed = (await gql.data(LINKS, {"entryId": entry.id}, token=owner.token))["shareLinks"]
    assert [item["id"] for item in listed] == [second["link"]["id"]]


async def test_random_and_odd_tokens_are_all_the_same_not_found(
    app: Starlette, gql: GraphQLClient, db: Database, settings: Settings
) -> None:
    owner = await gql.signup()
    entry = await put_file(db, settings, owner.user_id, b"x")
    real = (await create(gql, owner, entry.id))["token"]
    tokens = [secrets.token_urlsafe(32) for _ in range(200)]
    tokens += ["a/b", "../" + real, real + "/..", "%2e%2e/" + real, ".", "..", "", real[:-1]]
    results: list[dict[str, Any]] = []
    for n, token in enumerate(tokens):
        query = (
            "query($t: String!) { sharedLink(token: $t) "
            "{ __typename ... on Error { message code } } }"
        )
        # An address per 40 tokens stays under the per-address budget for unknown tokens.
        async with client_from(app, f"10.5.{n // 40}.1") as client:
            response = await client.post(
                "/graphql", json={"query": query, "variables": {"t": token}}
            )
        results.append(response.json()["data"]["sharedLink"])
    assert len(results) == len(tokens)
    assert {json.dumps(r, sort_keys=True) for r in results} == {
        json.dumps(
            {"__typename": "NotFoundError", "code": "NOT_FOUND", "message": "Not found."},
            sort_keys=True,
        )
    }


async def test_folder_link_browses_inside_and_never_climbs_out(
    gql: GraphQLClient, db: Database, settings: Settings
) -> None:
    owner = await gql.signup()
    outer = await folder(db, owner.user_id, "Outer")
    await put_file(db, settings, owner.user_id, b"secret", "x", outer.id)
    root = await folder(db, owner.user_id, "Shared", outer.id)
    sub = await folder(db, owner.user_id, "Sub", root.id)
    await put_file(db, settings, owner.user_id, b"deep", "deep.txt", sub.id)
    for name in ("b.txt", "a.txt", "c.txt"):
        await put_file(db, settings, owner.user_id, name.encode(), name, root.id)
    token = (await create(gql, owner, root.id))["token"]

    top = await shared(gql, token, path="/")
    assert (top["name"], top["path"], top["isFolder"]) == ("Shared", "/", True)
    assert [i["name"] for i in top["children"]["items"]] == ["Sub", "a.txt", "b.txt", "c.txt"]
    deep = await shared(gql, token, path="sub/deep.txt")  # names ignore case
    assert (deep["name"], deep["path"], deep["size"]) == ("deep.txt", "/Sub/deep.txt", 4)
    inner = await shared(gql, token, path="/Sub/")
    assert inner["children"]["items"] == [
        {"name": "deep.txt", "path": "/Sub/deep.txt", "isFolder": False}
    ]
    for path in ("..", "/../x", "%2e%2e/x", "../Shared", "Sub/../../x", "Sub/..", "./Sub", "nope"):
        result = await shared(gql, token, path=path)
        assert result["__typename"] == "NotFoundError", path

    page = await gql.data(
        PAGE,
        {"t": token},
    )
    first = page["sharedLink"]["children"]
    assert [i["name"] for i in first["items"]] == ["Sub", "a.txt"] and first["hasMore"] is True
    page = await gql.data(
        PAGE,
        {"t": token, "after": first["cursor"]},
    )
    second = page["sharedLink"]["children"]
    assert [i["name"] for i in second["items"]] == ["b.txt", "c.txt"] and second["hasMore"] is False


async def test_wrong_passwords_are_throttled_per_address_and_link(
    app: Starlette, gql: GraphQLClient, db: Database, settings: Settings, slowdowns: list[float]
) -> None:
    owner = await gql.signup()
    entry = await put_file(db, settings, owner.user_id, b"x")
    token = (await create(gql, owner, entry.id, password="correct horse"))["token"]
    other = (await create(gql, owner, entry.id, password="other horse"))["token"]
    assert (await shared(gql, token))["__typename"] == "PasswordRequiredError"
    assert (await shared(gql, token, password="correct horse"))["__typename"] == "SharedEntry"

    kinds = [(await shared(gql, token, password=f"guess {i}"))["__typename"] for i in range(12)]
    limit = service.PASSWORDS.max_failures
    assert kinds == ["WrongPasswordError"] * limit + ["RateLimitedError"] * (12 - limit)
    # Each guess after a failure waited longer than the one before (then: refused).
    assert len(slowdowns) == limit - 1 and slowdowns == sorted(set(slowdowns))
    locked = await shared(gql, token, password="correct horse")
    assert locked["__typename"] == "RateLimitedError" and locked["retryAfterSeconds"] > 0

    # The guesser's address still opens other links...
    assert (await shared(gql, other, password="other horse"))["__typename"] == "SharedEntry"
    # ...and guessers at many addresses never lock the link's own visitors out.
    for n in range(25):
        async with client_from(app, f"10.7.{n}.1") as client:
            response = await client.post(
                "/graphql",
                json={"query": SHARED, "variables": {"token": token, "password": f"x{n}"}},
            )
        assert response.json()["data"]["sharedLink"]["__typename"] == "WrongPasswordError"
    async with client_from(app, "10.8.0.1") as client:
        response = await client.post(
            "/graphql",
            json={"query": SHARED, "variables": {"token": token, "password": "correct horse"}},
        )
    assert response.json()["data"]["sharedLink"]["__typename"] == "SharedEntry"


async def test_link_follows_renames_and_moves_and_trash(
    gql: GraphQLClient, db: Database, settings: Settings
) -> None:
    owner = await gql.signup()
    a = await folder(db, owner.user_id, "A")
    b = await folder(db, owner.user_id, "B")
    entry = await put_file(db, settings, owner.user_id, b"x", "old.txt", a.id)
    token = (await create(gql, owner, entry.id))["token"]
    await files_service.rename_entry(
        db=db, user_id=owner.user_id, entry_id=entry.id, name="new.txt"
    )
    await files_service.move_entry(db=db, user_id=owner.user_id, entry_id=entry.id, parent_id=b.id)
    assert (await shared(gql, token))["name"] == "new.txt"
    await files_service.delete_entry(db=db, user_id=owner.user_id, entry_id=b.id)
    assert (await shared(gql, token))["__typename"] == "NotFoundError"
    await files_service.restore_entry(db=db, user_id=owner.user_id, entry_id=b.id)
    assert (await shared(gql, token))["__typename"] == "SharedEntry"
    await files_service.delete_entry(db=db, user_id=owner.user_id, entry_id=entry.id)
    assert (await shared(gql, token))["__typename"] == "NotFoundError"


async def test_upload_into_an_editor_folder_link(
    app: Starlette, http: httpx.AsyncClient, gql: GraphQLClient, db: Database, settings: Settings
) -> None:
    owner = await gql.signup()
    outer = await folder(db, owner.user_id, "Owner Area")
    inbox = await folder(db, owner.user_id, "Inbox", outer.id)
    await put_file(db, settings, owner.user_id, b"old", "report.txt", inbox.id)
    editor = (await create(gql, owner, inbox.id, access="EDITOR"))["token"]
    viewer = (await create(gql, owner, inbox.id))["token"]
    on_file = await put_file(db, settings, owner.user_id, b"f", "f.txt")
    file_editor = (await create(gql, owner, on_file.id, access="EDITOR"))["token"]
    locked = (await create(gql, owner, inbox.id, access="EDITOR", password="inbox password"))[
        "token"
    ]
    cursor = (await gql.data("{ latestCursor }", token=owner.token))["latestCursor"]

    body = await upload(http, editor, b"new bytes", "report.txt")
    result = body["data"]["uploadToShareLink"]
    assert result["__typename"] == "File"
    assert (result["name"], result["path"], result["parentId"], result["size"]) == (
        "report (1).txt",
        "/report (1).txt",
        None,
        9,
    )
    assert "Owner Area" not in json.dumps(body) and inbox.id not in json.dumps(body)
    usage = await files_service.usage(db=db, user_id=owner.user_id)
    assert usage.used_bytes == 3 + 1 + 9
    feed = await gql.data(
        "query($c: String) { changes(cursor: $c) { changes { kind id } } }",
        {"c": cursor},
        token=owner.token,
    )
    assert [c["id"] for c in feed["changes"]["changes"]] == [result["id"]]

    for token in (viewer, file_editor):
        assert error_codes(await upload(http, token, b"x", "x.txt")) == ["BAD_USER_INPUT"]
    for password, reason in ((None, "PASSWORD_REQUIRED"), ("wrong one", "WRONG_PASSWORD")):
        body = await upload(http, locked, b"x", "x.txt", password)
        assert error_codes(body) == ["BAD_USER_INPUT"]
        assert body["errors"][0]["extensions"]["reason"] == reason
    ok = await upload(http, locked, b"y", "y.txt", "inbox password")
    assert ok["data"]["uploadToShareLink"]["__typename"] == "File"
    assert error_codes(await upload(http, secrets.token_urlsafe(32), b"x", "x.txt")) == [
        "NOT_FOUND"
    ]

    await db["users"].update_one({"_id": ObjectId(owner.user_id)}, {"$set": {"quota_bytes": 20}})
    a_second_later(app)  # an upload trusts the quota it read for a second
    over = await upload(http, editor, b"z" * 100, "big.bin")
    assert over["data"]["uploadToShareLink"]["__typename"] == "QuotaExceededError"
    names = {
        d["name"]
        async for d in db["entries"].find({"parent_id": ObjectId(inbox.id), "trashed": False})
    }
    assert names == {"report.txt", "report (1).txt", "y.txt"}


async def test_parallel_wrong_passwords_from_one_address_get_exactly_the_limit(
    app: Starlette, gql: GraphQLClient, db: Database, settings: Settings
) -> None:
    import asyncio

    owner = await gql.signup()
    entry = await put_file(db, settings, owner.user_id, b"x")
    token = (await create(gql, owner, entry.id, password="correct horse"))["token"]

    async def guess(i: int) -> str:
        async with client_from(app, "10.9.0.1") as client:
            response = await client.post(
                "/graphql",
                json={"query": SHARED, "variables": {"token": token, "password": f"p{i}"}},
            )
        kind: str = response.json()["data"]["sharedLink"]["__typename"]
        return kind

    kinds = await asyncio.gather(*(guess(i) for i in range(12)))
    limit = service.PASSWORDS.max_failures
    assert kinds.count("WrongPasswordError") == limit, kinds
    assert kinds.count("RateLimitedError") == 12 - limit


OWNER_UPLOAD = """
mutation($file: Upload!, $p: ID, $m: WriteMode) {
  uploadFile(file: $file, parentId: $p, mode: $m) { __typename ... on File { id rev } }
}"""
NOSY_UPLOAD = """
mutation($file: Upload!, $t: String!) {
  uploadToShareLink(token: $t, file: $file) {
    __typename ... on File { name path revisions { rev downloadUrl } }
  }
}"""
UPLOAD_NAME = """
mutation($file: Upload!, $t: String!) {
  uploadToShareLink(token: $t, file: $file) { __typename ... on File { name path } }
}"""
NOSY_URL = """
mutation($file: Upload!, $t: String!) {
  uploadToShareLink(token: $t, file: $file) { __typename ... on File { downloadUrl } }
}"""


async def test_a_visitor_upload_never_reveals_the_owners_history(
    app: Starlette, http: httpx.AsyncClient, gql: GraphQLClient
) -> None:
    owner = await gql.signup()
    created = await gql.data(
        'mutation { createFolder(name: "Inbox") { ... on Folder { id } } }', token=owner.token
    )
    inbox = created["createFolder"]["id"]

    async def send(query: str, variables: dict[str, Any], data: bytes, token: str | None) -> Any:
        operations = json.dumps({"query": query, "variables": {**variables, "file": None}})
        headers = {"GraphQL-Require-Preflight": "1"}
        if token:
            headers["Authorization"] = f"Bearer {token}"
        response = await http.post(
            "/graphql",
            data={"operations": operations, "map": json.dumps({"0": ["variables.file"]})},
            files={"0": ("report.txt", data, "text/plain")},
            headers=headers,
        )
        return response.json()

    await send(OWNER_UPLOAD, {"p": inbox}, b"SECRET v1 draft", owner.token)
    await send(OWNER_UPLOAD, {"p": inbox, "m": "OVERWRITE"}, b"public final", owner.token)
    link = await create(gql, owner, inbox, access="EDITOR")
    # The same bytes under the same name as the owner's file: the visitor must not get
    # the owner's revisions or signed URLs to them.
    body = await send(NOSY_UPLOAD, {"t": link["token"]}, b"public final", None)
    assert error_codes(body) == ["NOT_FOUND"]
    assert body["data"] is None  # the non-null File (and mutation result) null out
    url_body = await send(NOSY_URL, {"t": link["token"]}, b"public final", None)
    assert error_codes(url_body) == ["NOT_FOUND"]
    assert "/files/" not in json.dumps(url_body)
    # And the visitor's upload is a file of its own, never the owner's existing one.
    plain = await send(UPLOAD_NAME, {"t": link["token"]}, b"public final", None)
    assert plain["data"]["uploadToShareLink"]["name"] == "report (3).txt"
    owner_file = await gql.data(
        "query($p: String!) { entry(path: $p) { ... on File { rev } } }",
        {"p": "/Inbox/report.txt"},
        token=owner.token,
    )
    assert owner_file["entry"]["rev"] == 2


CAPPED = """
query($t: String!) {
  sharedLink(token: $t) {
    ... on SharedEntry {
      a: children(first: 1000) { items { name } hasMore }
      b: children(first: 1000) { items { name } hasMore }
      c: children(first: 1000) { items { name } hasMore }
      d: children(first: 1000) { items { name } hasMore }
    }
  }
}
"""


async def test_shared_listings_are_capped_per_page_and_per_request(
    gql: GraphQLClient, db: Database, settings: Settings, monkeypatch: pytest.MonkeyPatch
) -> None:
    # service.MAX_PAGE is read by sharing/api_types.py, visits.MAX_PAGE by list_children.
    monkeypatch.setattr(service, "MAX_PAGE", 3)
    monkeypatch.setattr(visits, "MAX_PAGE", 3)
    monkeypatch.setattr(sharing_api_types, "MAX_LISTED_PER_REQUEST", 7)
    owner = await gql.signup()
    top = await folder(db, owner.user_id, "Top")
    for n in range(5):
        await folder(db, owner.user_id, f"f{n}", top.id)
    token = (await create(gql, owner, top.id))["token"]

    body = await gql(CAPPED, {"t": token})
    listed = body["data"]["sharedLink"]
    assert [len(listed[k]["items"]) for k in "abc"] == [3, 3, 1]
    assert listed["a"]["hasMore"] is True and listed["d"] is None
    assert error_codes(body) == ["BAD_USER_INPUT"]
    assert "at most 7 shared entries" in body["errors"][0]["message"]
    # The next request has a budget of its own.
    again = await gql(CAPPED, {"t": token})
    assert len(again["data"]["sharedLink"]["a"]["items"]) == 3


async def test_share_links_listing_is_capped(
    gql: GraphQLClient, db: Database, settings: Settings, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(owner_links, "MAX_LINKS_LISTED", 2)  # read by list_share_links
    owner = await gql.signup()
    entry = await put_file(db, settings, owner.user_id, b"x")
    for _ in range(3):
        await create(gql, owner, entry.id)
    data = await gql.data("query { shareLinks(first: 1000) { id } }", token=owner.token)
    assert len(data["shareLinks"]) == 2


async def test_prune_share_links_removes_only_links_ended_long_ago(
    gql: GraphQLClient, db: Database, settings: Settings
) -> None:
    owner = await gql.signup()
    entry = await put_file(db, settings, owner.user_id, b"x")
    soon = datetime.now(UTC) + timedelta(hours=1)
    made = {
        name: (await create(gql, owner, entry.id, expiresAt=soon.isoformat()))["link"]["id"]
        for name in ("live", "revoked long ago", "revoked now", "expired long ago", "expired now")
    }
    for name in ("revoked long ago", "revoked now"):
        await gql.data(REVOKE, {"id": made[name]}, token=owner.token)
    long_ago = datetime.now(UTC) - service.ENDED_LINK_RETENTION - timedelta(minutes=1)
    just_now = datetime.now(UTC) - timedelta(minutes=1)
    for name, field, at in (
        ("revoked long ago", "revoked_at", long_ago),
        ("expired long ago", "expires_at", long_ago),
        ("expired now", "expires_at", just_now),
    ):
        await db["share_links"].update_one({"_id": ObjectId(made[name])}, {"$set": {field: at}})

    assert await service.prune_share_links(db=db) == 2
    left = {str(doc["_id"]) async for doc in db["share_links"].find({})}
    assert left == {made[n] for n in ("live", "revoked now", "expired now")}
    assert await service.prune_share_links(db=db) == 0
