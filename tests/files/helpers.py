"""GraphQL documents and an HTTP multipart upload helper for the files tests."""

from __future__ import annotations

import json
from typing import Any

import httpx

FILE_FIELDS = "id name path parentId size rev mimeType contentHash trashed"
RESULT = """
    __typename
    ... on Entry { id name path parentId trashed }
    ... on Error { message code }
"""
FILE_RESULT = f"""
    {RESULT}
    ... on File {{ {FILE_FIELDS} }}
    ... on ConflictError {{ yourParentRev current {{ id rev contentHash }} }}
"""
UPLOAD = f"""
mutation Upload($file: Upload!, $parentId: ID, $name: String, $mode: WriteMode,
                $parentRev: Int, $autorename: Boolean, $contentHash: String) {{
  uploadFile(file: $file, parentId: $parentId, name: $name, mode: $mode,
             parentRev: $parentRev, autorename: $autorename, contentHash: $contentHash) {{
    {FILE_RESULT}
  }}
}}
"""
CREATE_FOLDER = f"""
mutation($parentId: ID, $name: String!) {{
  createFolder(parentId: $parentId, name: $name) {{ {RESULT} }}
}}
"""
CHILDREN = """
query($id: ID, $first: Int, $after: String) {
  folder(id: $id) {
    id
    children(first: $first, after: $after) {
      totalCount
      pageInfo { hasNextPage endCursor }
      edges { cursor node { __typename id name } }
    }
  }
}
"""


async def upload(
    http: httpx.AsyncClient,
    token: str,
    data: bytes,
    filename: str = "a.txt",
    **variables: Any,
) -> dict[str, Any]:
    """uploadFile through a GraphQL multipart request; returns the result object."""
    body = await upload_raw(http, token, data, filename, **variables)
    assert "errors" not in body, body["errors"]
    result: dict[str, Any] = body["data"]["uploadFile"]
    return result


async def upload_raw(
    http: httpx.AsyncClient, token: str, data: bytes, filename: str = "a.txt", **variables: Any
) -> dict[str, Any]:
    operations = {"query": UPLOAD, "variables": {"file": None, **variables}}
    response = await http.post(
        "/graphql",
        data={"operations": json.dumps(operations), "map": json.dumps({"0": ["variables.file"]})},
        files={"0": (filename, data, "application/octet-stream")},
        headers={"Authorization": f"Bearer {token}", "GraphQL-Require-Preflight": "1"},
    )
    assert response.status_code == 200, response.text
    body: dict[str, Any] = response.json()
    return body
