"""Quota exactness when tus commits, session batches and multipart uploads race."""

from __future__ import annotations

import asyncio

import httpx
from bson import ObjectId
from starlette.applications import Starlette

from dropbox_lite.core.db import Database
from dropbox_lite.files import service
from tests.content.helpers import OFFSET_TYPE, metadata, tus_headers
from tests.files.helpers import upload
from tests.support import GraphQLClient, a_second_later

SIZE = 3000
START = "mutation { startUploadSession { ... on UploadSession { uploadUrl } } }"
BATCH = """
mutation($entries: [UploadBatchEntry!]!) {
  finishUploadBatch(entries: $entries) { __typename ... on Error { code } }
}
"""


async def test_racing_writers_of_every_kind_never_pass_the_quota(
    app: Starlette, http: httpx.AsyncClient, gql: GraphQLClient, db: Database
) -> None:
    alice = await gql.signup()
    await db["users"].update_one(
        {"_id": ObjectId(alice.user_id)}, {"$set": {"quota_bytes": 10 * SIZE}}
    )
    a_second_later(app)
    # Blocks for the batch are staged first (staged bytes do not count until committed).
    url = (await gql.data(START, token=alice.token))["startUploadSession"]["uploadUrl"]
    pieces = [bytes([65 + n]) * SIZE for n in range(6)]
    sent = await http.post(
        f"{url}/blocks",
        content=b"".join(pieces),
        headers={**alice.headers, "X-Block-Sizes": ",".join([str(SIZE)] * 6)},
    )
    hashes = sent.json()["blocks"]

    async def by_tus(n: int) -> bool:
        made = await http.post(
            "/tus/",
            content=bytes([97 + n]) * SIZE,
            headers=tus_headers(
                alice,
                **{
                    "Upload-Length": str(SIZE),
                    "Upload-Metadata": metadata(filename=f"tus{n}.bin"),
                    "Content-Type": OFFSET_TYPE,
                },
            ),
        )
        return "x-entry-id" in made.headers

    async def by_multipart(n: int) -> bool:
        result = await upload(http, alice.token, bytes([48 + n]) * SIZE, f"mp{n}.bin")
        return bool(result["__typename"] == "File")

    async def by_batch() -> int:
        entries = [{"name": f"batch{n}.bin", "blocks": [h]} for n, h in enumerate(hashes)]
        data = await gql.data(BATCH, {"entries": entries}, token=alice.token)
        return sum(r["__typename"] == "File" for r in data["finishUploadBatch"])

    # Multipart uploads: at most MAX_CONCURRENT_UPLOADS (4) at once per user.
    outcomes = await asyncio.gather(
        *(by_tus(n) for n in range(6)), *(by_multipart(n) for n in range(3)), by_batch()
    )
    committed = sum(int(o) for o in outcomes)
    files = await db["entries"].count_documents(
        {"owner_id": ObjectId(alice.user_id), "is_file": True, "deleted": False}
    )
    assert committed == files == 10  # exactly as many as fit, whoever raced
    used = (await service.usage(db=db, user_id=alice.user_id)).used_bytes
    assert used == 10 * SIZE
