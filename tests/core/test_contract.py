"""Defaulted arguments are nullable as API.md writes them: an explicit null is the default."""

from __future__ import annotations

import json

import httpx

from tests.support import GraphQLClient

NULLS = """
query($cursor: String) {
  folder { children(first: null) { totalCount } }
  trash(first: null) { totalCount }
  search(query: "x", first: null) { id }
  changes(cursor: $cursor, first: null) { hasMore }
  shareLinks(first: null) { id }
}
"""


async def test_explicit_nulls_take_the_defaults(gql: GraphQLClient) -> None:
    account = await gql.signup()
    data = await gql.data(NULLS, token=account.token)
    assert data["folder"]["children"]["totalCount"] == 0
    assert data["changes"]["hasMore"] is False


async def test_upload_with_null_mode_and_autorename_adds(
    http: httpx.AsyncClient, gql: GraphQLClient
) -> None:
    account = await gql.signup()
    query = (
        "mutation($file: Upload!) { uploadFile(file: $file, mode: null, autorename: null) "
        "{ __typename ... on File { name rev revisions(first: null) { rev } "
        "downloadUrl(expiresIn: null) } } }"
    )
    response = await http.post(
        "/graphql",
        data={
            "operations": json.dumps({"query": query, "variables": {"file": None}}),
            "map": json.dumps({"0": ["variables.file"]}),
        },
        files={"0": ("a.txt", b"hello", "text/plain")},
        headers=account.headers,
    )
    result = response.json()["data"]["uploadFile"]
    assert result["__typename"] == "File" and result["rev"] == 1
    assert result["revisions"] == [{"rev": 1}] and "/files/" in result["downloadUrl"]
