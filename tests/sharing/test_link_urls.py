"""ShareLink.url (issue 22): a live link's URL is shown again, derived from the secret key
and the link's id; the database holds only the token's hash."""

from __future__ import annotations

import dataclasses
import json
import secrets
from datetime import UTC, datetime, timedelta
from typing import Any

import httpx
from bson import ObjectId

from dropbox_lite.core.config import Settings
from dropbox_lite.core.db import Database
from dropbox_lite.sharing import service, store
from tests.sharing.helpers import folder, local, put_file
from tests.support import GraphQLClient, error_codes

CREATE = """
mutation($entryId: ID!, $access: ShareAccess, $expiresAt: DateTime) {
  createShareLink(entryId: $entryId, access: $access, expiresAt: $expiresAt) {
    __typename
    ... on ShareLinkCreated { url token link { id url } }
    ... on Error { code }
  }
}
"""
LINKS = "query($e: ID) { shareLinks(entryId: $e) { id url revoked expiresAt } }"
REVOKE = "mutation($id: ID!) { revokeShareLink(id: $id) }"
SHARED = "query($t: String!) { sharedLink(token: $t) { __typename } }"


async def _links(gql: GraphQLClient, token: str, entry_id: str | None = None) -> list[Any]:
    listed: list[Any] = (await gql.data(LINKS, {"e": entry_id}, token=token))["shareLinks"]
    return listed


async def test_a_live_link_can_be_copied_again_and_the_database_holds_no_token(
    http: httpx.AsyncClient, gql: GraphQLClient, db: Database, settings: Settings
) -> None:
    owner = await gql.signup()
    entry = await put_file(db, settings, owner.user_id, b"again", "again.txt")
    created = (await gql.data(CREATE, {"entryId": entry.id}, token=owner.token))["createShareLink"]
    assert created["link"]["url"] == created["url"] == f"{settings.public_url}/s/{created['token']}"
    assert len(created["token"]) >= 22  # >= 128 bits, base64url
    listed = await _links(gql, owner.token, entry.id)
    assert [(item["id"], item["url"]) for item in listed] == [
        (created["link"]["id"], created["url"])
    ]
    assert (await _links(gql, owner.token))[0]["url"] == created["url"]
    # The URL shown again opens the link.
    opened = await http.get(local(listed[0]["url"]), headers={"Accept": "application/json"})
    assert opened.status_code == 200 and opened.content == b"again"
    # What is stored is the token's hash only, and it is what lookups use.
    raw = await db["share_links"].find_one({"_id": ObjectId(created["link"]["id"])})
    assert raw is not None and created["token"] not in json.dumps(raw, default=str)
    assert raw["token"] == service.token_digest(created["token"])
    # The token is the secret key's HMAC of the link's id: another key, another token.
    assert created["token"] == service.derive_token(
        key=settings.secret_keys[0], link_id=created["link"]["id"]
    )
    assert created["token"] != service.derive_token(key="other", link_id=created["link"]["id"])
    # Another user sees neither the link nor its URL.
    other = await gql.signup()
    assert await _links(gql, other.token) == []
    body = await gql(LINKS, {"e": entry.id}, token=other.token)
    assert error_codes(body) == ["NOT_FOUND"]


async def test_an_old_random_token_still_opens_but_has_no_url(
    http: httpx.AsyncClient, gql: GraphQLClient, db: Database, settings: Settings
) -> None:
    owner = await gql.signup()
    entry = await put_file(db, settings, owner.user_id, b"old", "old.txt")
    # A link as they were made before tokens were derived: a random token, its hash stored.
    token = secrets.token_urlsafe(32)
    link = store.new_link(
        token_digest=service.token_digest(token),
        entry_id=ObjectId(entry.id),
        owner_id=ObjectId(owner.user_id),
        access="VIEWER",
        expires_at=None,
        password_hash=None,
        at=datetime.now(UTC),
    )
    await store.insert(db=db, link=link)
    listed = await _links(gql, owner.token, entry.id)
    assert [(item["id"], item["url"]) for item in listed] == [(str(link.id), None)]
    assert (await gql.data(SHARED, {"t": token}))["sharedLink"]["__typename"] == "SharedEntry"
    got = await http.get(f"/s/{token}", headers={"Accept": "application/json"})
    assert got.status_code == 200 and got.content == b"old"


async def test_a_changed_secret_key_hides_the_url_and_a_rotated_one_keeps_it(
    gql: GraphQLClient, db: Database, settings: Settings
) -> None:
    owner = await gql.signup()
    entry = await put_file(db, settings, owner.user_id, b"k", "k.txt")
    created = (await gql.data(CREATE, {"entryId": entry.id}, token=owner.token))["createShareLink"]

    async def url_under(keys: tuple[str, ...]) -> str | None:
        changed = dataclasses.replace(settings, secret_keys=keys)
        found = await service.list_share_links(
            db=db, settings=changed, user_id=owner.user_id, entry_id=entry.id
        )
        return found[0].url

    assert await url_under(settings.secret_keys) == created["url"]
    assert await url_under(("a-new-key-entirely",)) is None
    # Rotated: a new key first, the old one still listed (it still verifies).
    rotated = await url_under(("a-new-key-entirely", settings.secret_keys[0]))
    assert rotated is not None and rotated.endswith(f"/s/{created['token']}")


async def test_expired_and_revoked_links_have_no_url(
    gql: GraphQLClient, db: Database, settings: Settings
) -> None:
    owner = await gql.signup()
    shared = await folder(db, owner.user_id, "box")
    soon = (datetime.now(UTC) + timedelta(hours=1)).isoformat()
    expiring = (
        await gql.data(CREATE, {"entryId": shared.id, "expiresAt": soon}, token=owner.token)
    )["createShareLink"]
    kept = (await gql.data(CREATE, {"entryId": shared.id}, token=owner.token))["createShareLink"]
    revoked = (await gql.data(CREATE, {"entryId": shared.id}, token=owner.token))["createShareLink"]
    assert expiring["link"]["url"] is not None
    # The expiry passes.
    await db["share_links"].update_one(
        {"_id": ObjectId(expiring["link"]["id"])},
        {"$set": {"expires_at": datetime.now(UTC) - timedelta(seconds=1)}},
    )
    assert (await gql.data(REVOKE, {"id": revoked["link"]["id"]}, token=owner.token))[
        "revokeShareLink"
    ]
    urls = {item["id"]: item["url"] for item in await _links(gql, owner.token, shared.id)}
    assert urls == {expiring["link"]["id"]: None, kept["link"]["id"]: kept["url"]}
    assert (await gql.data(SHARED, {"t": revoked["token"]}))["sharedLink"]["__typename"] == (
        "NotFoundError"
    )
    record = await service.revoke_share_link(
        db=db, user_id=owner.user_id, link_id=kept["link"]["id"]
    )
    assert record.url is None and record.revoked
