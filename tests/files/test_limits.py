"""MAX_UPLOAD_BYTES through HTTP, with a server that accepts at most 64 KiB."""

from __future__ import annotations

import httpx
import pytest

from dropbox_lite.core.config import Settings
from dropbox_lite.core.db import Database
from tests.conftest import make_settings
from tests.files.helpers import upload
from tests.support import GraphQLClient

LIMIT = 64 * 1024


@pytest.fixture
def settings(mongo_uri: str | None, db_name: str) -> Settings:
    return make_settings(mongo_uri, db_name=db_name, max_upload_bytes=LIMIT)


async def test_upload_over_max_upload_bytes_stores_nothing(
    gql: GraphQLClient, http: httpx.AsyncClient, db: Database
) -> None:
    alice = await gql.signup()
    result = await upload(http, alice.token, b"x" * (LIMIT + 1), "big.bin")
    assert result["__typename"] == "FileTooLargeError"
    assert result["code"] == "FILE_TOO_LARGE"
    assert await db["blobs.files"].count_documents({}) == 0
    assert await db["blobs.chunks"].count_documents({}) == 0
    assert await db["entries"].count_documents({"is_file": True}) == 0
    exact = await upload(http, alice.token, b"x" * LIMIT, "fits.bin")
    assert exact["__typename"] == "File" and exact["size"] == LIMIT
