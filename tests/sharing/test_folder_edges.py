"""Shared folders at their edges: the member cap, a shared folder in its owner's trash,
and the owner moving a whole folder in and out (issue 14), through HTTP."""

from __future__ import annotations

import httpx
import pytest
from starlette.applications import Starlette

from dropbox_lite.core.db import Database
from dropbox_lite.files import shares
from tests.sharing.folders_helpers import (
    DELETE,
    MOVE,
    RESTORE,
    mkdir,
    names,
    put,
    result_of,
    set_quota,
    share,
    shared_folder,
    upload,
    used_bytes,
)
from tests.support import GraphQLClient
from tests.sync.feed import FeedReader


async def test_a_folder_is_shared_with_at_most_max_members(
    gql: GraphQLClient, http: httpx.AsyncClient, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(shares, "MAX_MEMBERS", 1)
    s = await shared_folder(gql, http)
    third = await gql.signup()
    refused = await share(gql, s.owner, s.folder_id, third.username, "VIEWER")
    assert refused["__typename"] == "InvalidInputError", refused
    assert "at most 1" in refused["message"]
    assert await names(gql, third) == []  # no mount was made


async def test_a_mount_lists_empty_while_its_folder_is_in_the_owners_trash(
    gql: GraphQLClient, http: httpx.AsyncClient
) -> None:
    s = await shared_folder(gql, http)
    assert await names(gql, s.member, s.mount_id) == ["sub", "a.txt"]
    trashed = await result_of(gql, s.owner, DELETE, id=s.folder_id)
    assert trashed["trashed"] is True
    assert await names(gql, s.member, s.mount_id) == []
    back = await result_of(gql, s.owner, RESTORE, id=s.folder_id)
    assert back["trashed"] is False
    assert await names(gql, s.member, s.mount_id) == ["sub", "a.txt"]


async def test_the_owner_moving_a_folder_out_and_in_reaches_the_members_feed(
    gql: GraphQLClient, http: httpx.AsyncClient
) -> None:
    s = await shared_folder(gql, http)
    reader = FeedReader(gql, s.member.token)
    await reader.catch_up()
    assert reader.tree[s.b_id] == s.sub_id and reader.tree[s.sub_id] == s.mount_id
    elsewhere = await mkdir(gql, s.owner, "Elsewhere")
    inner = await put(http, s.owner, b"deep", "deep.txt", s.sub_id)
    await reader.catch_up()
    assert reader.tree[inner] == s.sub_id

    moved = await result_of(gql, s.owner, MOVE, id=s.sub_id, parentId=elsewhere)
    assert moved["path"] == "/Elsewhere/sub"
    await reader.catch_up()
    # The folder and everything in it left the member's view; nothing else did.
    assert s.sub_id not in reader.tree and s.b_id not in reader.tree
    assert inner not in reader.tree
    assert reader.tree[s.a_id] == s.mount_id
    assert elsewhere not in reader.tree  # the owner's own folder is never shown

    back = await result_of(gql, s.owner, MOVE, id=s.sub_id, parentId=s.folder_id)
    assert back["path"] == "/Projects/sub"
    await reader.catch_up()
    assert reader.tree[s.sub_id] == s.mount_id
    assert reader.tree[s.b_id] == s.sub_id and reader.tree[inner] == s.sub_id
    entry = await gql.data(
        "query($id: ID) { entry(id: $id) { path } }", {"id": inner}, token=s.member.token
    )
    assert entry["entry"]["path"] == "/Projects/sub/deep.txt"


async def test_a_refusal_for_room_names_the_owners_quota(
    app: Starlette, gql: GraphQLClient, http: httpx.AsyncClient, db: Database
) -> None:
    s = await shared_folder(gql, http)
    await set_quota(app, db, s.owner.user_id, await used_bytes(gql, s.owner) + 10)
    refused = await upload(http, s.member, b"x" * 100, "big.bin", parentId=s.mount_id)
    assert refused["__typename"] == "QuotaExceededError", refused
    assert "owner" in refused["message"]
    own = await upload(http, s.owner, b"x" * 100, "big.bin", parentId=s.folder_id)
    assert own["__typename"] == "QuotaExceededError" and "your" in own["message"], own


CREATE_LINK = """
mutation($id: ID!) {
  createShareLink(entryId: $id) { __typename ... on ShareLinkCreated { url token link { id } } }
}"""
MY_LINKS = "query { shareLinks { id entryId } }"
REVOKE_LINK = "mutation($id: ID!) { revokeShareLink(id: $id) }"


async def test_an_editors_link_outlives_their_membership_and_stays_theirs_to_revoke(
    gql: GraphQLClient, http: httpx.AsyncClient
) -> None:
    s = await shared_folder(gql, http)
    made = await gql.data(CREATE_LINK, {"id": s.a_id}, token=s.member.token)
    link = made["createShareLink"]
    assert link["__typename"] == "ShareLinkCreated", link
    expected = [{"id": link["link"]["id"], "entryId": s.a_id}]
    assert (await gql.data(MY_LINKS, token=s.member.token))["shareLinks"] == expected
    assert (await gql.data(MY_LINKS, token=s.owner.token))["shareLinks"] == expected
    removed = await gql.data(
        "mutation($f: ID!, $u: String!) { removeMember(folderId: $f, username: $u) }",
        {"f": s.folder_id, "u": s.member.username},
        token=s.owner.token,
    )
    assert removed["removeMember"] is True
    path = "/" + link["url"].split("/", 3)[3]
    assert (await http.get(path)).content == b"alpha two!"  # the link still works
    revoked = await gql.data(REVOKE_LINK, {"id": link["link"]["id"]}, token=s.member.token)
    assert revoked["revokeShareLink"] is True
    assert (await http.get(path)).status_code == 404
