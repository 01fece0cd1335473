"""Entry.hasLink (issue 22): a listing's link badge, live links the viewer can list only."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import httpx
from bson import ObjectId

from dropbox_lite.core.db import Database
from tests.sharing.folders_helpers import mkdir, mount_named, put, share
from tests.sharing.test_api import create
from tests.support import Account, GraphQLClient

BADGES = """
query($id: ID) {
  folder(id: $id) { hasLink children { edges { node { __typename name hasLink } } } }
}
"""
ENTRY = "query($id: ID) { entry(id: $id) { hasLink } }"
REVOKE = "mutation($id: ID!) { revokeShareLink(id: $id) }"


async def badges(gql: GraphQLClient, account: Account, folder_id: str | None) -> dict[str, bool]:
    data = await gql.data(BADGES, {"id": folder_id}, token=account.token)
    return {e["node"]["name"]: e["node"]["hasLink"] for e in data["folder"]["children"]["edges"]}


async def test_live_links_show_and_ended_ones_do_not(
    http: httpx.AsyncClient, gql: GraphQLClient, db: Database
) -> None:
    owner = await gql.signup()
    box = await mkdir(gql, owner, "box")
    ids = {name: await put(http, owner, name.encode(), name, box) for name in "abcd"}
    ids["sub"] = await mkdir(gql, owner, "sub", box)
    assert set((await badges(gql, owner, box)).values()) == {False}

    await create(gql, owner, ids["a"])
    await create(gql, owner, ids["a"])  # two links: still one badge
    revoked = await create(gql, owner, ids["b"])
    assert (await gql.data(REVOKE, {"id": revoked["link"]["id"]}, token=owner.token))[
        "revokeShareLink"
    ]
    tomorrow = (datetime.now(UTC) + timedelta(days=1)).isoformat()
    await create(gql, owner, ids["c"], expiresAt=tomorrow)
    await create(gql, owner, ids["sub"], access="UPLOAD_ONLY")
    assert await badges(gql, owner, box) == {
        "sub": True,
        "a": True,
        "b": False,
        "c": True,
        "d": False,
    }
    # Expired: no badge.
    await db["share_links"].update_many(
        {"entry_id": ObjectId(ids["c"])},
        {"$set": {"expires_at": datetime.now(UTC) - timedelta(seconds=1)}},
    )
    assert (await badges(gql, owner, box))["c"] is False
    # The folder itself, and a single entry.
    data = await gql.data(BADGES, {"id": ids["sub"]}, token=owner.token)
    assert data["folder"]["hasLink"] is True
    assert (await gql.data(ENTRY, {"id": ids["d"]}, token=owner.token))["entry"]["hasLink"] is False


async def test_members_see_the_links_they_can_list(
    http: httpx.AsyncClient, gql: GraphQLClient
) -> None:
    owner = await gql.signup()
    editor = await gql.signup()
    team = await mkdir(gql, owner, "team")
    by_owner = await put(http, owner, b"o", "by-owner.txt", team)
    by_editor = await put(http, owner, b"e", "by-editor.txt", team)
    await put(http, owner, b"p", "plain.txt", team)
    assert (await share(gql, owner, team, editor.username))["__typename"] == "Folder"
    await create(gql, owner, by_owner)
    made = await create(gql, editor, by_editor)
    assert made["__typename"] == "ShareLinkCreated", made
    mount = await mount_named(gql, editor, "team")
    # The editor lists (and so sees a badge for) the link they made, not the owner's.
    assert await badges(gql, editor, mount) == {
        "by-editor.txt": True,
        "by-owner.txt": False,
        "plain.txt": False,
    }
    # The owner lists every link in their folder, whoever made it.
    assert await badges(gql, owner, team) == {
        "by-editor.txt": True,
        "by-owner.txt": True,
        "plain.txt": False,
    }
    # Nobody else's links show in one's own tree.
    stranger = await gql.signup()
    await put(http, stranger, b"s", "mine.txt")
    assert await badges(gql, stranger, None) == {"mine.txt": False}
