"""deleteEntry(id, ifRev): a delete that loses no edit landing between a check and it."""

from __future__ import annotations

import httpx

from tests.files.helpers import upload
from tests.support import GraphQLClient, error_codes

DELETE = """
mutation($id: ID!, $rev: Int) {
  deleteEntry(id: $id, ifRev: $rev) {
    __typename
    ... on Entry { id trashed }
    ... on ConflictError { code current { id rev } yourParentRev }
  }
}
"""


async def test_a_delete_at_a_stale_revision_is_a_conflict_and_trashes_nothing(
    gql: GraphQLClient, http: httpx.AsyncClient
) -> None:
    alice = await gql.signup()
    made = await upload(http, alice.token, b"one", "a.txt")
    again = await upload(http, alice.token, b"two", "a.txt", mode="OVERWRITE")
    assert again["rev"] == 2
    stale = await gql.data(DELETE, {"id": made["id"], "rev": 1}, token=alice.token)
    assert stale["deleteEntry"]["__typename"] == "ConflictError"
    assert stale["deleteEntry"]["current"] == {"id": made["id"], "rev": 2}
    assert stale["deleteEntry"]["yourParentRev"] == 1
    kept = await gql.data(
        "query($id: ID!) { entry(id: $id) { trashed } }", {"id": made["id"]}, token=alice.token
    )
    assert kept["entry"]["trashed"] is False
    done = await gql.data(DELETE, {"id": made["id"], "rev": 2}, token=alice.token)
    assert done["deleteEntry"] == {"__typename": "File", "id": made["id"], "trashed": True}


async def test_if_rev_is_refused_for_a_folder(gql: GraphQLClient) -> None:
    alice = await gql.signup()
    folder = await gql.data(
        'mutation { createFolder(name: "d") { ... on Folder { id } } }', token=alice.token
    )
    body = await gql(DELETE, {"id": folder["createFolder"]["id"], "rev": 0}, token=alice.token)
    assert error_codes(body) == ["BAD_USER_INPUT"]


async def test_without_if_rev_a_delete_is_as_before(
    gql: GraphQLClient, http: httpx.AsyncClient
) -> None:
    alice = await gql.signup()
    made = await upload(http, alice.token, b"one", "a.txt")
    done = await gql.data(DELETE, {"id": made["id"], "rev": None}, token=alice.token)
    assert done["deleteEntry"]["trashed"] is True
