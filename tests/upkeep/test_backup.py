"""Back up and restore: a whole-database dump, restored elsewhere, serves the same service.

README's "Back up and restore" uses `mongodump --archive --gzip` and `mongorestore`,
which copy every collection of the database (GridFS's `blobs.files` and
`blobs.chunks` among them) and their indexes. Neither tool can be installed on the
machines that run this suite, so `dump` and `restore` below do the same with the
driver: every collection, document for document, in one gzipped archive. What this
proves is the README's claim: the database plus the secret key is the whole state
(accounts, sign-ins, bytes, history, share links, change cursors); and without the
key, every token and link stops.
"""

from __future__ import annotations

import gzip
import io
import uuid
from collections.abc import AsyncIterator
from typing import Any

import bson
import httpx
import pytest
from starlette.applications import Starlette

from dropbox_lite.core import db as database
from dropbox_lite.core.app import create_app
from dropbox_lite.core.config import Settings
from dropbox_lite.core.db import Database
from tests.conftest import make_settings
from tests.files.helpers import upload
from tests.support import GraphQLClient

CHANGES = "query($c: String) { changes(cursor: $c) { cursor hasMore changes { id } } }"
SHARE = """mutation($id: ID!) { createShareLink(entryId: $id) {
  ... on ShareLinkCreated { url token } } }"""


async def dump(db: Database) -> bytes:
    """Every collection of the database, as mongodump --archive --gzip keeps it."""
    out = io.BytesIO()
    with gzip.GzipFile(fileobj=out, mode="wb") as archive:
        for name in sorted(await db.db.list_collection_names()):
            async for doc in db[name].find({}):
                archive.write(bson.encode({"c": name, "d": doc}))
    return out.getvalue()


async def restore(archive: bytes, into: Database) -> int:
    """Load a dump into an empty database, as mongorestore does; how many documents."""
    raw = gzip.decompress(archive)
    batches: dict[str, list[dict[str, Any]]] = {}
    for record in bson.decode_all(raw):
        batches.setdefault(record["c"], []).append(record["d"])
    for name, docs in batches.items():
        await into[name].insert_many(docs)
    await into.ensure_indexes()
    return sum(len(docs) for docs in batches.values())


@pytest.fixture
async def restored(mongo_uri: str | None) -> AsyncIterator[tuple[Settings, Database]]:
    settings = make_settings(mongo_uri, db_name=f"restored_{uuid.uuid4().hex[:12]}")
    opened = await database.connect(settings)
    yield settings, opened
    if opened.backend == "mongodb":
        await opened.client.drop_database(settings.db_name)
    opened.close()


async def serve(settings: Settings, db: Database) -> AsyncIterator[httpx.AsyncClient]:
    app: Starlette = create_app(settings, db=db)
    async with app.router.lifespan_context(app):
        transport = httpx.ASGITransport(app=app, client=("127.0.0.1", 51000))
        async with httpx.AsyncClient(transport=transport, base_url="http://testserver") as client:
            yield client


async def test_a_restored_dump_serves_the_same_accounts_files_links_and_cursors(
    gql: GraphQLClient,
    http: httpx.AsyncClient,
    db: Database,
    restored: tuple[Settings, Database],
) -> None:
    account = await gql.signup()
    big = bytes(range(256)) * 2400  # 600 KiB, with two small files: three GridFS chunks
    kept = await upload(http, account.token, big, "photo.raw")
    await upload(http, account.token, b"v1", "notes.txt")
    notes = await upload(http, account.token, b"v2", "notes.txt", mode="OVERWRITE")
    link = (await gql.data(SHARE, {"id": notes["id"]}, token=account.token))["createShareLink"]
    feed = (await gql.data(CHANGES, {"c": None}, token=account.token))["changes"]
    assert not feed["hasMore"]

    archive = await dump(db)
    settings, target = restored
    assert await restore(archive, target) == sum(
        [await db[n].count_documents({}) for n in await db.db.list_collection_names()]
    )
    chunks = await db["blobs.chunks"].count_documents({})
    assert chunks >= 3 and await target["blobs.chunks"].count_documents({}) == chunks

    async for client in serve(settings, target):
        restored_gql = GraphQLClient(client)
        me = await restored_gql.data("{ me { id username } }", token=account.token)
        assert me["me"] == {"id": account.user_id, "username": account.username}
        content = await client.get(f"/files/{kept['id']}/content", headers=account.headers)
        assert content.status_code == 200 and content.content == big
        old = await client.get(f"/files/{notes['id']}/content?rev=1", headers=account.headers)
        assert old.content == b"v1"
        shared = await client.get(f"/s/{link['token']}")
        assert shared.status_code == 200 and shared.content == b"v2"
        # A device's cursor goes on where it was: nothing new, no CURSOR_RESET.
        after = await restored_gql.data(CHANGES, {"c": feed["cursor"]}, token=account.token)
        assert after["changes"]["changes"] == []
        # And the restored service takes new writes.
        await upload(client, account.token, b"after the restore", "new.txt")


async def test_without_the_secret_key_a_restore_signs_everybody_out(
    gql: GraphQLClient, http: httpx.AsyncClient, db: Database, mongo_uri: str | None
) -> None:
    account = await gql.signup()
    kept = await upload(http, account.token, b"bytes", "a.txt")
    settings = make_settings(
        mongo_uri,
        db_name=f"restored_{uuid.uuid4().hex[:12]}",
        secret_keys=("another-key-entirely-0123456789",),
    )
    target = await database.connect(settings)
    try:
        await restore(await dump(db), target)
        async for client in serve(settings, target):
            me = await GraphQLClient(client).data("{ me { id } }", token=account.token)
            assert me["me"] is None
            denied = await client.get(f"/files/{kept['id']}/content", headers=account.headers)
            assert denied.status_code in (401, 403, 404)
    finally:
        if target.backend == "mongodb":
            await target.client.drop_database(settings.db_name)
        target.close()
