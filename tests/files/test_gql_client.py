"""Uploads with Python's `gql` client, unchanged, over its httpx transport."""

from __future__ import annotations

import io

import httpx
from gql import Client, FileVar, gql
from gql.transport.httpx import HTTPXAsyncTransport
from starlette.applications import Starlette

from dropbox_lite.files.blobs import content_hash_of
from tests.support import GraphQLClient

UPLOAD = gql(
    """
    mutation($file: Upload!, $name: String) {
      uploadFile(file: $file, name: $name) {
        __typename
        ... on File { id name size contentHash path }
        ... on Error { message code }
      }
    }
    """
)


async def test_gql_client_uploads_a_file(app: Starlette, gql: GraphQLClient) -> None:
    alice = await gql.signup()
    data = b"uploaded by gql\n" * 10_000
    transport = HTTPXAsyncTransport(
        url="http://testserver/graphql",
        headers=alice.headers,
        transport=httpx.ASGITransport(app=app),
    )
    async with Client(transport=transport) as session:
        UPLOAD.variable_values = {
            "file": FileVar(io.BytesIO(data), filename="gql.txt"),
            "name": "from-gql.txt",
        }
        result = await session.execute(UPLOAD, upload_files=True)
    upload = result["uploadFile"]
    assert upload["__typename"] == "File"
    assert upload["name"] == "from-gql.txt" and upload["path"] == "/from-gql.txt"
    assert upload["size"] == len(data)
    assert upload["contentHash"] == content_hash_of(data)
