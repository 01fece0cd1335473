"""6 writers upload 8 files each through the API while a reader follows the feed."""

from __future__ import annotations

import asyncio

import pytest

from dropbox_lite.core.db import Database
from tests.support import GraphQLClient
from tests.sync import factories
from tests.sync.feed import upload

FEED = """
query($cursor: String) {
  changes(cursor: $cursor, first: 7) { cursor hasMore changes { kind id parentId entry { name } } }
}
"""
CREATE_FOLDER = "mutation($n: String!) { createFolder(name: $n) { ... on Folder { id } } }"
DELETE = "mutation($id: ID!) { deleteEntry(id: $id) { __typename } }"


async def _race(gql: GraphQLClient, db: Database) -> None:
    account = await gql.signup()
    tree: dict[str, tuple[str | None, str]] = {}
    seen: set[str] = set()
    cursor: str | None = None

    async def read() -> bool:
        nonlocal cursor
        data = await gql.data(FEED, {"cursor": cursor}, token=account.token)
        page = data["changes"]
        ids = [change["id"] for change in page["changes"]]
        assert len(ids) == len(set(ids)), "an entry twice in one page"
        for change in page["changes"]:
            seen.add(change["id"])
            if change["kind"] == "DELETED":
                tree.pop(change["id"], None)
            else:
                tree[change["id"]] = (change["parentId"], change["entry"]["name"])
        cursor = page["cursor"]
        return bool(page["hasMore"])

    async def writer(w: int) -> None:
        folder = await gql.data(CREATE_FOLDER, {"n": f"w{w}"}, token=account.token)
        parent = folder["createFolder"]["id"]
        for n in range(8):
            made = await upload(
                gql, account.token, f"f{n}.txt", f"{w}/{n}".encode(), parentId=parent
            )
            if n % 4 == 3:
                await gql.data(DELETE, {"id": made["id"]}, token=account.token)

    writers = asyncio.gather(*(writer(w) for w in range(6)))
    while not writers.done():
        await read()
        await asyncio.sleep(0.01)
    await writers
    while await read():
        pass
    server = await factories.live_tree(db, account.user_id)
    assert tree == server
    assert len(server) == 1 + 6 + 6 * 6  # root, folders, files left after the deletions
    assert len(seen) == 1 + 6 + 6 * 8  # every entry reported, deleted ones too


async def test_writers_and_a_reader(gql: GraphQLClient, db: Database) -> None:
    await _race(gql, db)


@pytest.mark.server_only
@pytest.mark.parametrize("round_", range(3))
async def test_writers_and_a_reader_on_a_server(
    gql: GraphQLClient, db: Database, round_: int
) -> None:
    await _race(gql, db)
