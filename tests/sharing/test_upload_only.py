"""ShareAccess.UPLOAD_ONLY (issue 22): a folder link whose visitors upload and see nothing."""

from __future__ import annotations

import json
from typing import Any

import httpx
from bson import ObjectId
from starlette.applications import Starlette

from dropbox_lite.core.config import Settings
from dropbox_lite.core.db import Database
from dropbox_lite.files import service as files_service
from tests.sharing.helpers import folder, local, put_file
from tests.sharing.test_api import create, upload
from tests.support import GraphQLClient, a_second_later

SHARED = """
query($t: String!, $path: String, $password: String) {
  sharedLink(token: $t, path: $path, password: $password) {
    __typename
    ... on SharedEntry {
      name path isFolder size mimeType modifiedAt access downloadUrl zipUrl
      children(first: 50) { items { name } cursor hasMore }
    }
    ... on Error { code }
  }
}
"""


async def shared(gql: GraphQLClient, token: str, **variables: Any) -> dict[str, Any]:
    result: dict[str, Any] = (await gql.data(SHARED, {"t": token, **variables}))["sharedLink"]
    return result


async def test_visitors_upload_and_see_nothing_of_what_is_there(
    http: httpx.AsyncClient, gql: GraphQLClient, db: Database, settings: Settings
) -> None:
    owner = await gql.signup()
    inbox = await folder(db, owner.user_id, "Requests")
    await put_file(db, settings, owner.user_id, b"secret text", "report.txt", inbox.id)
    sub = await folder(db, owner.user_id, "private", inbox.id)
    await put_file(db, settings, owner.user_id, b"deeper", "deep.txt", sub.id)
    made = await create(gql, owner, inbox.id, access="UPLOAD_ONLY")
    assert made["__typename"] == "ShareLinkCreated" and made["link"]["access"] == "UPLOAD_ONLY"
    token = made["token"]

    view = await shared(gql, token)
    assert view["__typename"] == "SharedEntry"
    assert (view["name"], view["path"], view["isFolder"], view["access"]) == (
        "Requests",
        "/",
        True,
        "UPLOAD_ONLY",
    )
    assert view["size"] is None and view["downloadUrl"] is None and view["zipUrl"] is None
    assert view["children"] == {"items": [], "cursor": None, "hasMore": False}
    for leak in ("report", "private", "deep", "secret"):
        assert leak not in json.dumps(view)
    # Nothing below the root can be named, whether it exists or not.
    for path in ("report.txt", "private", "private/deep.txt", "nothing.txt", "/private/"):
        assert (await shared(gql, token, path=path))["__typename"] == "NotFoundError", path
    assert (await shared(gql, token, path="/"))["__typename"] == "SharedEntry"

    # The JSON listing is empty; no zip.
    listing = await http.get(f"/s/{token}", headers={"Accept": "application/json"})
    assert listing.status_code == 200
    body = listing.json()
    assert body["items"] == [] and body["access"] == "UPLOAD_ONLY" and not body["hasMore"]
    assert "report" not in listing.text
    assert (await http.get(f"/s/{token}?zip=1")).status_code == 404

    # An upload whose name exists is renamed; the visitor learns only the stored name.
    cursor = (await gql.data("{ latestCursor }", token=owner.token))["latestCursor"]
    result = (await upload(http, token, b"visitor bytes", "report.txt"))["data"][
        "uploadToShareLink"
    ]
    assert result["__typename"] == "File"
    assert (result["name"], result["path"], result["parentId"], result["size"]) == (
        "report (1).txt",
        "/report (1).txt",
        None,
        13,
    )
    fresh = (await upload(http, token, b"new", "fresh.txt"))["data"]["uploadToShareLink"]
    assert (fresh["name"], fresh["path"]) == ("fresh.txt", "/fresh.txt")
    # ... and cannot see it afterwards either.
    assert (await shared(gql, token))["children"]["items"] == []
    assert (await shared(gql, token, path="fresh.txt"))["__typename"] == "NotFoundError"
    # The owner has everything, untouched, in their feed and quota.
    stored = {
        d["name"]: d["size"]
        async for d in db["entries"].find({"parent_id": ObjectId(inbox.id), "trashed": False})
    }
    assert stored == {"report.txt": 11, "report (1).txt": 13, "fresh.txt": 3, "private": 0}
    feed = await gql.data(
        "query($c: String) { changes(cursor: $c) { changes { id } } }",
        {"c": cursor},
        token=owner.token,
    )
    assert {c["id"] for c in feed["changes"]["changes"]} == {result["id"], fresh["id"]}
    usage = await files_service.usage(db=db, user_id=owner.user_id)
    assert usage.used_bytes == 11 + 6 + 13 + 3


async def test_signed_urls_and_quota_of_an_upload_only_link(
    app: Starlette, http: httpx.AsyncClient, gql: GraphQLClient, db: Database, settings: Settings
) -> None:
    owner = await gql.signup()
    inbox = await folder(db, owner.user_id, "Drop")
    await put_file(db, settings, owner.user_id, b"hidden", "hidden.txt", inbox.id)
    locked = (await create(gql, owner, inbox.id, access="UPLOAD_ONLY", password="drop password"))[
        "token"
    ]
    assert (await shared(gql, locked))["__typename"] == "PasswordRequiredError"
    view = await shared(gql, locked, password="drop password")
    assert view["access"] == "UPLOAD_ONLY" and view["children"]["items"] == []
    assert (await shared(gql, locked, password="drop password", path="hidden.txt"))[
        "__typename"
    ] == "NotFoundError"
    assert (await http.get(f"/s/{locked}", headers={"Accept": "application/json"})).status_code == (
        403
    )
    ok = await upload(http, locked, b"in", "in.txt", "drop password")
    assert ok["data"]["uploadToShareLink"]["__typename"] == "File"
    # A signed URL made for a path below a visible link does not open this one's files:
    # signatures are bound to the token, and below this link there is nothing to name.
    visible = (await create(gql, owner, inbox.id))["token"]
    seen = await gql.data(
        'query($t: String!) { sharedLink(token: $t, path: "hidden.txt") '
        "{ ... on SharedEntry { downloadUrl } } }",
        {"t": visible},
    )
    signed = local(seen["sharedLink"]["downloadUrl"]).replace(visible, locked)
    assert (await http.get(signed)).status_code == 403

    # Quota as for EDITOR links: counted against the owner, refused past it.
    open_link = (await create(gql, owner, inbox.id, access="UPLOAD_ONLY"))["token"]
    await db["users"].update_one({"_id": ObjectId(owner.user_id)}, {"$set": {"quota_bytes": 20}})
    a_second_later(app)
    over = await upload(http, open_link, b"z" * 100, "big.bin")
    assert over["data"]["uploadToShareLink"]["__typename"] == "QuotaExceededError"


async def test_upload_only_is_for_folders(
    gql: GraphQLClient, db: Database, settings: Settings
) -> None:
    owner = await gql.signup()
    entry = await put_file(db, settings, owner.user_id, b"f", "f.txt")
    refused = await create(gql, owner, entry.id, access="UPLOAD_ONLY")
    assert refused["__typename"] == "InvalidInputError" and refused["field"] == "access"
    assert await db["share_links"].count_documents({}) == 0
