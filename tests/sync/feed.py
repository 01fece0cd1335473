"""A client of the change feed, for the tests: it pages, applies and remembers."""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from typing import Any

from tests.support import GraphQLClient

CHANGES = """
query Changes($cursor: String, $first: Int!) {
  changes(cursor: $cursor, first: $first) {
    cursor hasMore changes { kind id parentId }
  }
}
"""


@dataclass
class FeedReader:
    """Follows one user's feed; `tree` is id -> parent id, as the feed reported it."""

    gql: GraphQLClient
    token: str
    first: int = 500
    cursor: str | None = None
    tree: dict[str, str | None] = field(default_factory=dict)
    pages: list[list[dict[str, Any]]] = field(default_factory=list)

    async def page(self) -> dict[str, Any]:
        data = await self.gql.data(
            CHANGES, {"cursor": self.cursor, "first": self.first}, token=self.token
        )
        page: dict[str, Any] = data["changes"]
        ids = [change["id"] for change in page["changes"]]
        assert len(ids) == len(set(ids)), f"an entry twice in one page: {ids}"
        assert len(ids) <= self.first
        for change in page["changes"]:
            if change["kind"] == "DELETED":
                self.tree.pop(change["id"], None)
            else:
                self.tree[change["id"]] = change["parentId"]
        self.pages.append(page["changes"])
        self.cursor = page["cursor"]
        return page

    async def catch_up(self) -> int:
        """Read until hasMore is false; the number of pages read."""
        count = 1
        while (await self.page())["hasMore"]:
            count += 1
        return count

    def seen(self) -> set[str]:
        return {change["id"] for page in self.pages for change in page}


UPLOAD = """
mutation Upload($file: Upload!, $name: String, $parentId: ID, $mode: WriteMode, $parentRev: Int) {
  uploadFile(file: $file, name: $name, parentId: $parentId, mode: $mode, parentRev: $parentRev) {
    __typename
    ... on File { id rev contentHash name }
    ... on ConflictError { code current { id rev } yourParentRev }
    ... on Error { message code }
  }
}
"""

RESOLVE = """
mutation Resolve($fileId: ID!, $baseRev: Int!, $resolution: ConflictResolution!,
                 $file: Upload, $currentRev: Int) {
  resolveConflict(fileId: $fileId, baseRev: $baseRev, resolution: $resolution, file: $file,
                  currentRev: $currentRev) {
    __typename
    ... on ResolvedConflict { file { id rev name contentHash } conflictedCopy { id name rev } }
    ... on ConflictError { current { id rev } }
    ... on Error { message code }
  }
}
"""


async def multipart(
    gql: GraphQLClient,
    query: str,
    variables: dict[str, Any],
    *,
    token: str,
    content: bytes | None,
    filename: str = "upload.bin",
) -> dict[str, Any]:
    """A GraphQL multipart request whose `$file` is `content` (None: no file)."""
    operations = {"query": query, "variables": {**variables, "file": None}}
    files_map: dict[str, list[str]] = {}
    files: dict[str, Any] = {}
    if content is not None:
        files_map = {"0": ["variables.file"]}
        files = {"0": (filename, content, "application/octet-stream")}
    response = await gql.http.post(
        "/graphql",
        data={"operations": json.dumps(operations), "map": json.dumps(files_map)},
        files=files or {"unused": ("x", b"", "text/plain")},
        headers={"Authorization": f"Bearer {token}"},
    )
    assert response.status_code == 200, response.text
    body: dict[str, Any] = response.json()
    return body


async def upload(
    gql: GraphQLClient, token: str, name: str, content: bytes, **variables: Any
) -> dict[str, Any]:
    """uploadFile; the result object (File or an error member)."""
    body = await multipart(
        gql, UPLOAD, {"name": name, **variables}, token=token, content=content, filename=name
    )
    assert "errors" not in body, body["errors"]
    result: dict[str, Any] = body["data"]["uploadFile"]
    return result
