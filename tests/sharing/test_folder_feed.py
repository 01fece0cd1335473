"""Shared folders in each member's change feed, long poll and subscription (issue 14)."""

from __future__ import annotations

import asyncio
import contextlib
import json
from collections.abc import AsyncIterator, Awaitable, Callable
from typing import Any

import httpx
import pytest
from httpx_ws import AsyncWebSocketSession, aconnect_ws
from httpx_ws.transport import ASGIWebSocketTransport
from starlette.applications import Starlette

from dropbox_lite.admin import service as admin_service
from dropbox_lite.core import db as database
from dropbox_lite.core.app import create_app
from dropbox_lite.core.config import Settings
from tests.sharing.folders_helpers import (
    DELETE,
    LEAVE,
    MOVE,
    REMOVE,
    RENAME,
    RESTORE,
    Shared,
    kinds,
    listing,
    mkdir,
    mount_named,
    poll,
    put,
    result_of,
    share,
    shared_folder,
)
from tests.support import Account, GraphQLClient
from tests.sync.feed import FeedReader
from tests.sync.polling import PollWatch

WAIT = """
query Wait($cursor: String!, $timeout: Int) {
  waitForChanges(cursor: $cursor, timeoutSeconds: $timeout) { changed backoffSeconds }
}
"""
CHANGES = """
query Changes($cursor: String) {
  changes(cursor: $cursor, first: 2000) {
    cursor hasMore
    changes { kind id parentId entry { name path } }
  }
}
"""
LINK = """
mutation($id: ID!) {
  createShareLink(entryId: $id, access: EDITOR) { ... on ShareLinkCreated { token } }
}
"""
VISITOR_UPLOAD = """
mutation($token: String!, $file: Upload!, $name: String) {
  uploadToShareLink(token: $token, file: $file, name: $name) {
    __typename
    ... on File { id }
    ... on Error { message code }
  }
}
"""
SUBSCRIBE = """subscription($cursor: String) {
  changes(cursor: $cursor) { cursor hasMore changes { kind id parentId } }
}"""


async def at_present(gql: GraphQLClient, account: Account) -> FeedReader:
    """A reader of the account's feed that has read everything so far."""
    reader = FeedReader(gql, account.token)
    await reader.catch_up()
    return reader


def new_pages(reader: FeedReader, since: int) -> list[dict[str, Any]]:
    return [change for page in reader.pages[since:] for change in page]


def reachable(tree: dict[str, str | None]) -> dict[str, str | None]:
    """What a client keeps of the tree the feed reported: a DELETED folder takes its contents."""
    kept: dict[str, str | None] = {}

    def keep(entry_id: str) -> bool:
        if entry_id in kept:
            return True
        if entry_id not in tree:
            return False
        parent = tree[entry_id]
        if parent is None or keep(parent):
            kept[entry_id] = parent
            return True
        return False

    for entry_id in tree:
        keep(entry_id)
    return kept


async def root_of(gql: GraphQLClient, account: Account) -> str:
    return str((await gql.data("{ folder { id } }", token=account.token))["folder"]["id"])


async def visible(gql: GraphQLClient, account: Account) -> dict[str, str | None]:
    """The account's live tree as GraphQL lists it: id -> parent id, the root included."""
    root = await root_of(gql, account)
    found: dict[str, str | None] = {root: None}
    pending = [root]
    while pending:
        for node in await listing(gql, account, pending.pop()):
            found[node["id"]] = node["parentId"]
            if node["__typename"] == "Folder":
                pending.append(node["id"])
    return found


async def with_viewer(gql: GraphQLClient, http: httpx.AsyncClient) -> tuple[Shared, Account, str]:
    """An editor's share (`Shared`) with a VIEWER as well; the viewer and their mount."""
    s = await shared_folder(gql, http, "EDITOR")
    viewer = await gql.signup()
    added = await share(gql, s.owner, s.folder_id, viewer.username, "VIEWER")
    assert added["__typename"] == "Folder", added
    return s, viewer, await mount_named(gql, viewer, "Projects")


# --- the feed --------------------------------------------------------------------------------


async def test_a_members_initial_sync_has_the_mount_then_its_contents(
    gql: GraphQLClient, http: httpx.AsyncClient
) -> None:
    s = await shared_folder(gql, http, "VIEWER")
    own = await put(http, s.member, b"own", "own.txt")
    reader = await at_present(gql, s.member)
    root = await root_of(gql, s.member)
    assert reader.tree == {
        root: None,
        own: root,
        s.mount_id: root,
        s.a_id: s.mount_id,
        s.sub_id: s.mount_id,
        s.b_id: s.sub_id,
    }
    order = [change["id"] for page in reader.pages for change in page]
    assert order.index(s.mount_id) < min(order.index(s.a_id), order.index(s.sub_id))
    assert order.index(s.sub_id) < order.index(s.b_id)
    assert s.folder_id not in reader.seen() and s.trashed_id not in reader.seen()
    assert reader.tree == await visible(gql, s.member)
    page = await gql.data(CHANGES, {"cursor": None}, token=s.member.token)
    paths = {c["id"]: c["entry"]["path"] for c in page["changes"]["changes"]}
    assert paths[s.mount_id] == "/Projects" and paths[s.b_id] == "/Projects/sub/b.txt"


async def test_a_second_member_sees_the_first_members_changes_in_the_feed(
    gql: GraphQLClient, http: httpx.AsyncClient
) -> None:
    s, viewer, viewer_mount = await with_viewer(gql, http)
    watcher, owner = await at_present(gql, viewer), await at_present(gql, s.owner)

    uploaded = await put(http, s.member, b"from the editor", "x.txt", s.mount_id)
    await poll(watcher, lambda: uploaded in watcher.tree)
    assert watcher.tree[uploaded] == viewer_mount
    await poll(owner, lambda: uploaded in owner.tree)
    assert owner.tree[uploaded] == s.folder_id

    made = await mkdir(gql, s.member, "made", s.sub_id)
    await result_of(gql, s.member, MOVE, id=uploaded, parentId=made)
    await result_of(gql, s.member, DELETE, id=s.a_id)
    await poll(watcher, lambda: watcher.tree.get(uploaded) == made and s.a_id not in watcher.tree)
    assert watcher.tree[made] == s.sub_id and watcher.tree[uploaded] == made
    assert kinds(watcher)[s.a_id] == "DELETED"
    await result_of(gql, s.owner, RESTORE, id=s.a_id)
    await poll(watcher, lambda: s.a_id in watcher.tree)
    assert watcher.tree[s.a_id] == viewer_mount
    assert reachable(watcher.tree) == await visible(gql, viewer)


async def test_the_owner_moving_entries_in_and_out_reaches_the_members_feed(
    gql: GraphQLClient, http: httpx.AsyncClient
) -> None:
    s = await shared_folder(gql, http, "EDITOR")
    loose = await put(http, s.owner, b"loose", "loose.txt")
    reader = await at_present(gql, s.member)
    assert loose not in reader.seen()
    owner_root = await root_of(gql, s.owner)

    await result_of(gql, s.owner, MOVE, id=s.sub_id, parentId=owner_root)
    await result_of(gql, s.owner, MOVE, id=loose, parentId=s.folder_id)
    await poll(reader, lambda: loose in reader.tree and s.sub_id not in reader.tree)
    assert kinds(reader)[s.sub_id] == "DELETED"
    assert reader.tree[loose] == s.mount_id
    # The client drops the moved-out folder's contents with it; a fresh sync has none.
    fresh = await at_present(gql, s.member)
    assert s.sub_id not in fresh.tree and s.b_id not in fresh.tree
    assert fresh.tree == await visible(gql, s.member)


async def test_renaming_a_mount_is_in_the_members_feed_only(
    gql: GraphQLClient, http: httpx.AsyncClient
) -> None:
    s, viewer, _ = await with_viewer(gql, http)
    member, owner, other = (
        await at_present(gql, s.member),
        await at_present(gql, s.owner),
        await at_present(gql, viewer),
    )
    read = [len(r.pages) for r in (member, owner, other)]
    await result_of(gql, s.member, RENAME, id=s.mount_id, name="Renamed")
    await member.catch_up()
    assert [c["id"] for c in new_pages(member, read[0])] == [s.mount_id]
    # changes(cursor) reads the database: a change would be there already.
    await owner.catch_up()
    await other.catch_up()
    assert new_pages(owner, read[1]) == [] and new_pages(other, read[2]) == []


@pytest.mark.parametrize("how", ["removeMember", "leaveFolder", "deleteEntry on the mount"])
async def test_a_member_who_loses_the_folder_sees_the_mount_deleted_and_keeps_their_files(
    gql: GraphQLClient, http: httpx.AsyncClient, how: str
) -> None:
    s = await shared_folder(gql, http, "EDITOR")
    own_folder = await mkdir(gql, s.member, "Mine")
    own = await put(http, s.member, b"own", "own.txt", own_folder)
    added = await put(http, s.member, b"added", "added.txt", s.mount_id)
    reader = await at_present(gql, s.member)
    owner = await at_present(gql, s.owner)
    read = len(owner.pages)

    if how == "removeMember":
        variables = {"folderId": s.folder_id, "username": s.member.username}
        assert await gql.data(REMOVE, variables, token=s.owner.token) == {"removeMember": True}
    elif how == "leaveFolder":
        assert await gql.data(LEAVE, {"folderId": s.mount_id}, token=s.member.token) == {
            "leaveFolder": True
        }
    else:
        await result_of(gql, s.member, DELETE, id=s.mount_id)

    await poll(reader, lambda: s.mount_id not in reader.tree)
    assert kinds(reader)[s.mount_id] == "DELETED"
    assert reader.tree[own] == own_folder and reader.tree[own_folder] is not None
    fresh = await at_present(gql, s.member)
    root = await root_of(gql, s.member)
    assert fresh.tree == {root: None, own_folder: root, own: own_folder}
    assert fresh.tree == await visible(gql, s.member)
    # Nothing of the owner's was deleted.
    await owner.catch_up()
    assert [c for c in new_pages(owner, read) if c["kind"] == "DELETED"] == []
    assert {s.a_id, s.sub_id, s.b_id, added} <= set(owner.tree)


async def test_an_incremental_member_feed_ends_where_a_fresh_sync_does(
    gql: GraphQLClient, http: httpx.AsyncClient
) -> None:
    s, viewer, _ = await with_viewer(gql, http)
    editor, watcher = await at_present(gql, s.member), await at_present(gql, viewer)
    owner_root = await root_of(gql, s.owner)
    made = await mkdir(gql, s.member, "made", s.mount_id)
    first = await put(http, s.member, b"1", "1.txt", made)
    await put(http, s.owner, b"2", "2.txt", s.sub_id)
    await result_of(gql, s.member, RENAME, id=s.b_id, name="bee.txt")
    await result_of(gql, s.owner, MOVE, id=first, parentId=s.sub_id)
    await result_of(gql, s.member, DELETE, id=made)
    await result_of(gql, s.owner, RESTORE, id=s.trashed_id)
    await result_of(gql, s.owner, MOVE, id=s.a_id, parentId=owner_root)
    await result_of(gql, s.member, RENAME, id=s.mount_id, name="Mine now")
    work = await mkdir(gql, viewer, "Work")
    await result_of(gql, viewer, MOVE, id=await mount_named(gql, viewer, "Projects"), parentId=work)
    for account, reader in ((s.member, editor), (viewer, watcher)):
        expected = await visible(gql, account)

        def caught_up(reader: FeedReader = reader, expected: dict[str, Any] = expected) -> bool:
            return reachable(reader.tree) == expected

        await poll(reader, caught_up)
        assert reachable(reader.tree) == expected
        assert (await at_present(gql, account)).tree == expected


async def test_a_link_visitors_upload_into_a_shared_folder_reaches_the_members(
    gql: GraphQLClient, http: httpx.AsyncClient
) -> None:
    s, viewer, viewer_mount = await with_viewer(gql, http)
    reader = await at_present(gql, viewer)
    created = await gql.data(LINK, {"id": s.sub_id}, token=s.owner.token)
    token = created["createShareLink"]["token"]
    operations = {
        "query": VISITOR_UPLOAD,
        "variables": {"token": token, "file": None, "name": "visitor.txt"},
    }
    response = await http.post(
        "/graphql",
        data={"operations": json.dumps(operations), "map": json.dumps({"0": ["variables.file"]})},
        files={"0": ("visitor.txt", b"hi", "application/octet-stream")},
        headers={"GraphQL-Require-Preflight": "1"},
    )
    body = response.json()
    uploaded = body["data"]["uploadToShareLink"]
    assert uploaded["__typename"] == "File", body
    await poll(reader, lambda: uploaded["id"] in reader.tree)
    assert reader.tree[uploaded["id"]] == s.sub_id
    assert await entry_path(gql, viewer, uploaded["id"]) == "/Projects/sub/visitor.txt"


# --- long poll and subscription --------------------------------------------------------------


async def test_wait_for_changes_wakes_for_another_members_upload(
    app: Starlette, gql: GraphQLClient, http: httpx.AsyncClient, monkeypatch: pytest.MonkeyPatch
) -> None:
    s, viewer, viewer_mount = await with_viewer(gql, http)
    reader = await at_present(gql, viewer)
    cursor = reader.cursor
    quiet = await gql.data(WAIT, {"cursor": cursor, "timeout": 1}, token=viewer.token)
    assert quiet["waitForChanges"]["changed"] is False

    polls = PollWatch(monkeypatch, app)
    waiting = asyncio.ensure_future(
        gql.data(WAIT, {"cursor": cursor, "timeout": 30}, token=viewer.token)
    )
    await polls.until_waiting(viewer.user_id)
    uploaded = await put(http, s.member, b"late", "late.txt", s.mount_id)
    woke = await waiting
    assert woke["waitForChanges"]["changed"] is True
    await poll(reader, lambda: uploaded in reader.tree)
    assert reader.tree[uploaded] == viewer_mount


@pytest.mark.parametrize("waiting", ["the owner", "the removed member"])
async def test_wait_for_changes_wakes_for_an_upload_and_for_a_removal(
    app: Starlette,
    gql: GraphQLClient,
    http: httpx.AsyncClient,
    waiting: str,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    s = await shared_folder(gql, http, "EDITOR")
    account = s.owner if waiting == "the owner" else s.member
    reader = await at_present(gql, account)
    polls = PollWatch(monkeypatch, app)
    pending = asyncio.ensure_future(
        gql.data(WAIT, {"cursor": reader.cursor, "timeout": 30}, token=account.token)
    )
    await polls.until_waiting(account.user_id)
    if waiting == "the owner":
        changed = await put(http, s.member, b"by the editor", "e.txt", s.mount_id)
    else:
        variables = {"folderId": s.folder_id, "username": s.member.username}
        await gql.data(REMOVE, variables, token=s.owner.token)
        changed = s.mount_id
    woke = await pending
    assert woke["waitForChanges"]["changed"] is True
    await poll(reader, lambda: changed in kinds(reader))
    expected = "UPSERTED" if waiting == "the owner" else "DELETED"
    assert kinds(reader)[changed] == expected


@contextlib.asynccontextmanager
async def subscribed(
    app: Starlette, account: Account, cursor: str | None
) -> AsyncIterator[AsyncWebSocketSession]:
    """A `changes` subscription (graphql-transport-ws) of the account from `cursor`."""
    transport = ASGIWebSocketTransport(app)
    async with httpx.AsyncClient(transport=transport, base_url="http://testserver") as client:
        async with aconnect_ws(
            "http://testserver/graphql", client, subprotocols=["graphql-transport-ws"]
        ) as ws:
            await ws.send_json(
                {"type": "connection_init", "payload": {"Authorization": f"Bearer {account.token}"}}
            )
            ack = await ws.receive_json(timeout=5)
            assert ack["type"] == "connection_ack", ack
            await ws.send_json(
                {
                    "id": "1",
                    "type": "subscribe",
                    "payload": {"query": SUBSCRIBE, "variables": {"cursor": cursor}},
                }
            )
            yield ws


async def changes_until(ws: AsyncWebSocketSession, wanted: str) -> list[dict[str, Any]]:
    """Pushed changes up to and including the page that has `wanted` (5 s a page at most)."""
    seen: list[dict[str, Any]] = []
    while wanted not in {change["id"] for change in seen}:
        message = await ws.receive_json(timeout=5)
        assert message["type"] == "next", message
        assert "errors" not in message["payload"], message
        seen.extend(message["payload"]["data"]["changes"]["changes"])
    return seen


async def test_the_subscription_pushes_another_members_upload_and_stops_after_removal(
    app: Starlette, gql: GraphQLClient, http: httpx.AsyncClient
) -> None:
    s, viewer, viewer_mount = await with_viewer(gql, http)
    latest = (await gql.data("{ latestCursor }", token=viewer.token))["latestCursor"]
    async with subscribed(app, viewer, latest) as ws:
        uploaded = await put(http, s.member, b"pushed", "pushed.txt", s.mount_id)
        pushed = await changes_until(ws, uploaded)
        assert {"kind": "UPSERTED", "id": uploaded, "parentId": viewer_mount} in pushed

        variables = {"folderId": s.folder_id, "username": viewer.username}
        assert await gql.data(REMOVE, variables, token=s.owner.token) == {"removeMember": True}
        gone = await changes_until(ws, viewer_mount)
        assert [c["kind"] for c in gone if c["id"] == viewer_mount] == ["DELETED"]

        after = await put(http, s.member, b"after", "after.txt", s.mount_id)
        marker = await put(http, viewer, b"mine", "marker.txt")
        later = await changes_until(ws, marker)
        assert after not in {change["id"] for change in later}, later
    assert after not in str(await gql.data(CHANGES, {"cursor": latest}, token=viewer.token))


# --- mounts that come, go and come back ------------------------------------------------------


async def test_a_folder_shared_with_a_reader_at_the_present_arrives_whole(
    gql: GraphQLClient, http: httpx.AsyncClient
) -> None:
    owner, bob = await gql.signup(), await gql.signup()
    folder_id = await mkdir(gql, owner, "Projects")
    sub = await mkdir(gql, owner, "sub", folder_id)
    files = [await put(http, owner, f"{n}".encode(), f"{n}.txt", sub) for n in range(5)]
    reader = await at_present(gql, bob)
    assert (await share(gql, owner, folder_id, bob.username, "VIEWER"))["__typename"] == "Folder"
    mount = await mount_named(gql, bob, "Projects")
    await poll(reader, lambda: set(files) <= set(reader.tree))
    assert reader.tree[mount] == await root_of(gql, bob)
    assert reader.tree[sub] == mount
    assert all(reader.tree[f] == sub for f in files)
    assert reachable(reader.tree) == await visible(gql, bob)


async def test_a_member_removed_and_added_again_gets_the_folder_back_in_the_feed(
    gql: GraphQLClient, http: httpx.AsyncClient
) -> None:
    s = await shared_folder(gql, http, "EDITOR")
    reader = await at_present(gql, s.member)
    variables = {"folderId": s.folder_id, "username": s.member.username}
    assert await gql.data(REMOVE, variables, token=s.owner.token) == {"removeMember": True}
    await poll(reader, lambda: s.mount_id not in reader.tree)
    added = await put(http, s.owner, b"while away", "away.txt", s.folder_id)
    assert (await share(gql, s.owner, s.folder_id, s.member.username, "VIEWER"))[
        "__typename"
    ] == "Folder"
    mount = await mount_named(gql, s.member, "Projects")
    await poll(reader, lambda: {s.a_id, s.b_id, added} <= set(reader.tree))
    assert reader.tree[s.a_id] == mount and reader.tree[added] == mount
    assert reachable(reader.tree) == await visible(gql, s.member)


async def test_small_pages_over_three_mounts_lose_nothing(
    gql: GraphQLClient, http: httpx.AsyncClient
) -> None:
    reader_account = await gql.signup()
    await put(http, reader_account, b"own", "own.txt")
    made: list[str] = []
    for n in range(3):
        owner = await gql.signup()
        folder_id = await mkdir(gql, owner, f"Share {n}")
        made += [await put(http, owner, b"x", f"{i}.txt", folder_id) for i in range(4)]
        await share(gql, owner, folder_id, reader_account.username, "EDITOR")
    reader = FeedReader(gql, reader_account.token, first=2)
    pages = await reader.catch_up()
    assert pages >= 9  # 1 root + 1 own file + 3 mounts + 12 files, 2 a page
    assert set(made) <= set(reader.tree)
    assert reader.tree == await visible(gql, reader_account)
    late = await put(
        http, reader_account, b"late", "late.txt", await mount_named(gql, reader_account, "Share 1")
    )
    await poll(reader, lambda: late in reader.tree)
    assert reachable(reader.tree) == await visible(gql, reader_account)


async def test_the_owner_trashing_and_restoring_the_shared_folder_in_a_members_feed(
    gql: GraphQLClient, http: httpx.AsyncClient
) -> None:
    s = await shared_folder(gql, http, "EDITOR")
    reader = await at_present(gql, s.member)
    await result_of(gql, s.owner, DELETE, id=s.folder_id)
    expected = await visible(gql, s.member)
    assert s.a_id not in expected
    await poll(reader, lambda: reachable(reader.tree) == expected)
    assert reachable(reader.tree) == expected
    await result_of(gql, s.owner, RESTORE, id=s.folder_id)
    expected = await visible(gql, s.member)
    assert s.b_id in expected
    await poll(reader, lambda: reachable(reader.tree) == expected)
    assert reachable(reader.tree) == expected
    await result_of(gql, s.owner, DELETE, id=s.folder_id)
    purge = "mutation($id: ID!) { purgeEntry(id: $id) }"
    assert await gql.data(purge, {"id": s.folder_id}, token=s.owner.token) == {"purgeEntry": True}
    await poll(reader, lambda: s.mount_id not in reader.tree)
    assert kinds(reader)[s.mount_id] == "DELETED"
    assert reachable(reader.tree) == await visible(gql, s.member)


async def test_a_mount_inside_a_trashed_folder_leaves_the_feed_and_comes_back(
    gql: GraphQLClient, http: httpx.AsyncClient
) -> None:
    s = await shared_folder(gql, http, "EDITOR")
    work = await mkdir(gql, s.member, "Work")
    await result_of(gql, s.member, MOVE, id=s.mount_id, parentId=work)
    reader = await at_present(gql, s.member)
    await result_of(gql, s.member, DELETE, id=work)
    await poll(reader, lambda: work not in reader.tree)
    assert kinds(reader)[work] == "DELETED"
    assert (await at_present(gql, s.member)).tree == await visible(gql, s.member)
    # The shared folder itself is untouched by the member's trash.
    assert (await entry_path(gql, s.owner, s.a_id)) == "/Projects/a.txt"
    added = await put(http, s.owner, b"meanwhile", "meanwhile.txt", s.folder_id)
    await result_of(gql, s.member, RESTORE, id=work)
    expected = await visible(gql, s.member)
    assert expected[added] == s.mount_id and expected[s.mount_id] == work
    await poll(reader, lambda: reachable(reader.tree) == expected)
    assert reachable(reader.tree) == expected
    assert (await at_present(gql, s.member)).tree == expected


async def entry_path(gql: GraphQLClient, account: Account, entry_id: str) -> str:
    data = await gql.data(
        "query($id: ID) { entry(id: $id) { path } }", {"id": entry_id}, token=account.token
    )
    return str(data["entry"]["path"])


async def test_the_subscription_pushes_a_folder_shared_while_subscribed(
    app: Starlette, gql: GraphQLClient, http: httpx.AsyncClient
) -> None:
    owner, carol = await gql.signup(), await gql.signup()
    folder_id = await mkdir(gql, owner, "Projects")
    inside = await put(http, owner, b"inside", "inside.txt", folder_id)
    latest = (await gql.data("{ latestCursor }", token=carol.token))["latestCursor"]
    async with subscribed(app, carol, latest) as ws:
        assert (await share(gql, owner, folder_id, carol.username, "VIEWER"))["__typename"] == (
            "Folder"
        )
        mount = await mount_named(gql, carol, "Projects")
        pushed = await changes_until(ws, inside)
        assert {"kind": "UPSERTED", "id": inside, "parentId": mount} in pushed
        assert mount in {change["id"] for change in pushed}
        later = await put(http, owner, b"later", "later.txt", folder_id)
        assert {"kind": "UPSERTED", "id": later, "parentId": mount} in await changes_until(
            ws, later
        )


async def test_a_members_cursor_shows_a_stranger_nothing_of_the_share(
    gql: GraphQLClient, http: httpx.AsyncClient
) -> None:
    s = await shared_folder(gql, http, "EDITOR")
    stranger = await gql.signup()
    first_page = FeedReader(gql, s.member.token, first=2)
    await first_page.page()
    cursors = [first_page.cursor, (await at_present(gql, s.member)).cursor]
    await put(http, s.owner, b"new", "new.txt", s.folder_id)
    shared_ids = {s.mount_id, s.a_id, s.sub_id, s.b_id, s.folder_id}
    for cursor in cursors:
        body = await gql(CHANGES, {"cursor": cursor}, token=stranger.token)
        if "errors" in body:
            assert [e["extensions"]["code"] for e in body["errors"]] == ["BAD_USER_INPUT"], body
            continue
        seen = {change["id"] for change in body["data"]["changes"]["changes"]}
        assert not seen & shared_ids, body
        assert "new.txt" not in str(body), body


async def test_latest_cursor_of_a_member_serves_nothing_old_from_mounts(
    gql: GraphQLClient, http: httpx.AsyncClient
) -> None:
    _, viewer, _ = await with_viewer(gql, http)
    latest = (await gql.data("{ latestCursor }", token=viewer.token))["latestCursor"]
    page = await gql.data(CHANGES, {"cursor": latest}, token=viewer.token)
    assert page["changes"]["changes"] == [], page


async def test_wait_for_changes_from_latest_cursor_wakes_for_a_change_in_a_mount(
    app: Starlette, gql: GraphQLClient, http: httpx.AsyncClient, monkeypatch: pytest.MonkeyPatch
) -> None:
    s, viewer, viewer_mount = await with_viewer(gql, http)
    latest = (await gql.data("{ latestCursor }", token=viewer.token))["latestCursor"]
    polls = PollWatch(monkeypatch, app)
    pending = asyncio.ensure_future(
        gql.data(WAIT, {"cursor": latest, "timeout": 10}, token=viewer.token)
    )
    await polls.until_waiting(viewer.user_id)
    uploaded = await put(http, s.member, b"late", "late.txt", s.mount_id)
    woke = await pending
    assert woke["waitForChanges"]["changed"] is True
    reader = FeedReader(gql, viewer.token, cursor=latest)
    await poll(reader, lambda: uploaded in reader.tree)
    assert reader.tree[uploaded] == viewer_mount


async def test_wait_for_changes_wakes_when_the_owner_moves_an_entry_out(
    app: Starlette, gql: GraphQLClient, http: httpx.AsyncClient, monkeypatch: pytest.MonkeyPatch
) -> None:
    s = await shared_folder(gql, http, "VIEWER")
    reader = await at_present(gql, s.member)
    owner_root = await root_of(gql, s.owner)
    polls = PollWatch(monkeypatch, app)
    pending = asyncio.ensure_future(
        gql.data(WAIT, {"cursor": reader.cursor, "timeout": 10}, token=s.member.token)
    )
    await polls.until_waiting(s.member.user_id)
    await result_of(gql, s.owner, MOVE, id=s.a_id, parentId=owner_root)
    woke = await pending
    assert woke["waitForChanges"]["changed"] is True
    await poll(reader, lambda: s.a_id not in reader.tree)
    assert kinds(reader)[s.a_id] == "DELETED"


async def test_small_pages_read_while_members_write_lose_nothing(
    gql: GraphQLClient, http: httpx.AsyncClient
) -> None:
    s, viewer, _ = await with_viewer(gql, http)
    for n in range(6):
        await put(http, s.owner, b"o", f"o{n}.txt", s.folder_id)
    reader = FeedReader(gql, viewer.token, first=2)
    writes: list[Callable[[], Awaitable[Any]]] = [
        lambda: put(http, s.member, b"e", "e1.txt", s.mount_id),
        lambda: result_of(gql, s.member, RENAME, id=s.b_id, name="bee.txt"),
        lambda: result_of(gql, s.owner, MOVE, id=s.a_id, parentId=s.sub_id),
        lambda: mkdir(gql, s.member, "made", s.sub_id),
        lambda: result_of(gql, s.member, DELETE, id=s.sub_id),
        lambda: put(http, viewer, b"v", "mine.txt"),
        lambda: result_of(gql, s.owner, RESTORE, id=s.sub_id),
        lambda: put(http, s.owner, b"o", "o9.txt", s.folder_id),
    ]
    for write in writes:
        await reader.page()
        await write()
    expected = await visible(gql, viewer)
    await poll(reader, lambda: reachable(reader.tree) == expected)
    assert reachable(reader.tree) == expected
    assert (await at_present(gql, viewer)).tree == expected


@pytest.mark.server_only
async def test_an_upload_through_another_process_wakes_a_members_poll_and_subscription(
    app: Starlette,
    gql: GraphQLClient,
    http: httpx.AsyncClient,
    settings: Settings,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    s, viewer, viewer_mount = await with_viewer(gql, http)
    reader = await at_present(gql, viewer)
    other_db = await database.connect(settings)  # its own client, as another process has
    other_app = create_app(settings, db=other_db)
    try:
        async with other_app.router.lifespan_context(other_app):
            transport = httpx.ASGITransport(app=other_app, client=("127.0.0.1", 51001))
            async with httpx.AsyncClient(transport=transport, base_url="http://testserver") as h2:
                async with subscribed(app, viewer, reader.cursor) as ws:
                    polls = PollWatch(monkeypatch, app)
                    pending = asyncio.ensure_future(
                        gql.data(WAIT, {"cursor": reader.cursor, "timeout": 10}, token=viewer.token)
                    )
                    # The subscription is one long poll of the viewer's; this is the second.
                    await polls.until_waiting(viewer.user_id, polls=2)
                    uploaded = await put(h2, s.member, b"elsewhere", "elsewhere.txt", s.mount_id)
                    woke = await pending
                    assert woke["waitForChanges"]["changed"] is True
                    pushed = await changes_until(ws, uploaded)
                    assert {"kind": "UPSERTED", "id": uploaded, "parentId": viewer_mount} in pushed
    finally:
        other_db.close()


@pytest.mark.parametrize("deleted", ["owner", "member"])
async def test_an_account_deleted_by_the_admin_leaves_the_other_side_whole(
    app: Starlette,
    gql: GraphQLClient,
    http: httpx.AsyncClient,
    db: database.Database,
    deleted: str,
) -> None:
    s, viewer, viewer_mount = await with_viewer(gql, http)
    by_member = await put(http, s.member, b"by the editor", "e.txt", s.mount_id)
    own = await put(http, viewer, b"own", "own.txt")
    reader = await at_present(gql, viewer)
    if deleted == "owner":
        await admin_service.delete_user(
            db=db, live=app.state.appstate.live, user_id=s.owner.user_id
        )
        await poll(reader, lambda: viewer_mount not in reader.tree)
        assert kinds(reader)[viewer_mount] == "DELETED"
        root = await root_of(gql, viewer)
        assert (await at_present(gql, viewer)).tree == {root: None, own: root}
        assert await mount_names(gql, s.member) == []
    else:
        used = await used_bytes_of(gql, s.owner)
        await admin_service.delete_user(
            db=db, live=app.state.appstate.live, user_id=s.member.user_id
        )
        assert await entry_path(gql, s.owner, by_member) == "/Projects/e.txt"
        assert await entry_path(gql, viewer, by_member) == "/Projects/e.txt"
        assert await used_bytes_of(gql, s.owner) == used
        listed = await gql.data(
            "query($id: ID) { folder(id: $id) { members { user { username } } } }",
            {"id": s.folder_id},
            token=s.owner.token,
        )
        assert [m["user"]["username"] for m in listed["folder"]["members"]] == [
            s.owner.username,
            viewer.username,
        ]


async def mount_names(
    gql: GraphQLClient, account: Account, folder_id: str | None = None
) -> list[str]:
    return [node["name"] for node in await listing(gql, account, folder_id)]


async def used_bytes_of(gql: GraphQLClient, account: Account) -> int:
    data = await gql.data("{ me { usage { usedBytes } } }", token=account.token)
    return int(data["me"]["usage"]["usedBytes"])


@pytest.mark.parametrize("what", ["a file", "a folder with a file"])
@pytest.mark.parametrize("page", [500, 1])
@pytest.mark.parametrize("order", ["into the older share", "into the newer share"])
async def test_a_move_between_two_shares_of_one_member_is_one_upsert(
    gql: GraphQLClient, http: httpx.AsyncClient, order: str, page: int, what: str
) -> None:
    owner, bob = await gql.signup(), await gql.signup()
    first = await mkdir(gql, owner, "First")
    second = await mkdir(gql, owner, "Second")
    source, target = (second, first) if order == "into the older share" else (first, second)
    if what == "a file":
        moving = await put(http, owner, b"moving", "moving.txt", source)
        inside = moving
    else:
        moving = await mkdir(gql, owner, "moving", source)
        inside = await put(http, owner, b"inside", "inside.txt", moving)
    for folder_id in (first, second):
        assert (await share(gql, owner, folder_id, bob.username, "EDITOR"))["__typename"] == (
            "Folder"
        )
    reader = FeedReader(gql, bob.token, first=page)
    await reader.catch_up()
    target_mount = await mount_named(gql, bob, "First" if target == first else "Second")
    await result_of(gql, owner, MOVE, id=moving, parentId=target)
    expected = await visible(gql, bob)
    assert expected[moving] == target_mount and inside in expected
    await poll(reader, lambda: reachable(reader.tree) == expected)
    assert reachable(reader.tree) == expected
    assert kinds(reader)[moving] == kinds(reader)[inside] == "UPSERTED"


async def test_the_subscription_of_a_member_removed_and_added_again_gets_the_folder_back(
    app: Starlette, gql: GraphQLClient, http: httpx.AsyncClient
) -> None:
    s = await shared_folder(gql, http, "EDITOR")
    latest = (await gql.data("{ latestCursor }", token=s.member.token))["latestCursor"]
    async with subscribed(app, s.member, latest) as ws:
        variables = {"folderId": s.folder_id, "username": s.member.username}
        assert await gql.data(REMOVE, variables, token=s.owner.token) == {"removeMember": True}
        gone = await changes_until(ws, s.mount_id)
        assert [c["kind"] for c in gone if c["id"] == s.mount_id] == ["DELETED"]
        assert (await share(gql, s.owner, s.folder_id, s.member.username, "VIEWER"))[
            "__typename"
        ] == "Folder"
        mount = await mount_named(gql, s.member, "Projects")
        back = await changes_until(ws, s.b_id)
        assert {"kind": "UPSERTED", "id": mount, "parentId": await root_of(gql, s.member)} in back
        assert {"kind": "UPSERTED", "id": s.a_id, "parentId": mount} in back


async def test_a_member_moving_the_mount_while_removed_keeps_no_mount(
    gql: GraphQLClient, http: httpx.AsyncClient
) -> None:
    owner, bob = await gql.signup(), await gql.signup()
    work = await mkdir(gql, bob, "Work")
    for n in range(12):
        folder_id = await mkdir(gql, owner, f"P{n}")
        await put(http, owner, b"p", "p.txt", folder_id)
        await share(gql, owner, folder_id, bob.username, "EDITOR")
        mount = await mount_named(gql, bob, f"P{n}")
        reader = await at_present(gql, bob)
        await asyncio.gather(
            gql(MOVE, {"id": mount, "parentId": work}, token=bob.token),
            gql(REMOVE, {"folderId": folder_id, "username": bob.username}, token=owner.token),
        )
        # The mount is gone wherever it was moved to (not left behind without its share).
        assert await mount_names(gql, bob) == ["Work"], n
        assert await mount_names(gql, bob, work) == [], n
        expected = await visible(gql, bob)
        await poll(reader, lambda: reachable(reader.tree) == expected)  # noqa: B023
        assert reachable(reader.tree) == expected
        assert (await at_present(gql, bob)).tree == expected
