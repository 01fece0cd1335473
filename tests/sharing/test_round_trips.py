"""Round trips of the link features (server backend): a page's link badges are one query."""

from __future__ import annotations

from collections.abc import AsyncIterator

import pytest

from dropbox_lite.core.config import Settings
from tests.files.helpers import CREATE_FOLDER, upload
from tests.round_trips import RoundTrips, counted_app
from tests.sharing.test_api import create

pytestmark = pytest.mark.server_only

PAGE = """
query($id: ID) {
  folder(id: $id) { children(first: 100) { edges { node { __typename id name %s } } } }
}
"""


@pytest.fixture
async def trips(settings: Settings) -> AsyncIterator[RoundTrips]:
    async with counted_app(settings) as counted:
        yield counted


async def test_link_badges_of_a_page_cost_one_query(trips: RoundTrips) -> None:
    account = await trips.gql.signup()
    made = await trips.gql.data(CREATE_FOLDER, {"name": "many"}, token=account.token)
    folder_id = made["createFolder"]["id"]
    ids = []
    for i in range(5):
        sub = await trips.gql.data(
            CREATE_FOLDER, {"parentId": folder_id, "name": f"sub{i}"}, token=account.token
        )
        ids.append(sub["createFolder"]["id"])
        put = await upload(
            trips.http, account.token, bytes([i]) * 10, f"f{i}.txt", parentId=folder_id
        )
        ids.append(put["id"])
    for entry_id in ids[::3]:
        await create(trips.gql, account, entry_id)
    # Warm: the same page once, so both measurements are steady state.
    await trips.gql.data(PAGE % "", {"id": folder_id}, token=account.token)
    with trips.count() as plain:
        await trips.gql.data(PAGE % "", {"id": folder_id}, token=account.token)
    with trips.count() as badged:
        data = await trips.gql.data(PAGE % "hasLink", {"id": folder_id}, token=account.token)
    nodes = [e["node"] for e in data["folder"]["children"]["edges"]]
    assert {n["id"] for n in nodes if n["hasLink"]} == set(ids[::3])
    assert badged.count == plain.count + 1, f"{plain} / {badged}"
    assert badged.count <= 4, str(badged)  # tests/test_round_trips.py: a page is 3
