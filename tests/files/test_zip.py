"""GET /files/{folderId}/zip: a folder's live files as a streamed zip, paths relative
to the folder; Bearer or the signed Folder.zipUrl; nothing for others."""

from __future__ import annotations

import io
import zipfile

import httpx

from dropbox_lite.core.config import Settings
from dropbox_lite.core.db import Database
from tests.files.factories import upload
from tests.support import GraphQLClient

MKDIR = (
    "mutation($n: String!, $p: ID) {"
    " createFolder(name: $n, parentId: $p) { ... on Folder { id } } }"
)
ZIP_URL = "query($id: ID!) { entry(id: $id) { ... on Folder { zipUrl } } }"


async def test_a_folder_downloads_as_a_zip(
    gql: GraphQLClient, http: httpx.AsyncClient, db: Database, settings: Settings
) -> None:
    alice = await gql.signup()
    bob = await gql.signup()

    async def mkdir(name: str, parent: str | None = None) -> str:
        data = await gql.data(MKDIR, {"n": name, "p": parent}, token=alice.token)
        return str(data["createFolder"]["id"])

    trip = await mkdir("Trip")
    day = await mkdir("day 1", trip)
    await mkdir("empty", trip)
    await upload(db, settings, alice.user_id, b"hello\n" * 1000, name="notes.txt", folder_id=trip)
    await upload(db, settings, alice.user_id, bytes(range(256)) * 40, name="raw.bin", folder_id=day)
    await upload(db, settings, alice.user_id, b"", name="nothing.txt", folder_id=day)
    gone = await upload(db, settings, alice.user_id, b"deleted", name="gone.txt", folder_id=trip)
    await gql.data(
        "mutation($id: ID!) { deleteEntry(id: $id) { __typename } }",
        {"id": gone.id},
        token=alice.token,
    )
    await upload(db, settings, alice.user_id, b"outside", name="outside.txt")

    response = await http.get(f"/files/{trip}/zip", headers=alice.headers)
    assert response.status_code == 200
    assert response.headers["content-type"] == "application/zip"
    assert response.headers["content-disposition"].startswith('attachment; filename="Trip.zip"')
    archive = zipfile.ZipFile(io.BytesIO(response.content))
    assert archive.testzip() is None
    assert sorted(archive.namelist()) == [
        "day 1/",
        "day 1/nothing.txt",
        "day 1/raw.bin",
        "empty/",
        "notes.txt",
    ]
    assert archive.read("notes.txt") == b"hello\n" * 1000
    assert archive.read("day 1/raw.bin") == bytes(range(256)) * 40
    assert archive.read("day 1/nothing.txt") == b""

    # the signed URL works without a token; another account, no account, a forged one: no
    url = (await gql.data(ZIP_URL, {"id": trip}, token=alice.token))["entry"]["zipUrl"]
    signed = await http.get(url)
    assert signed.status_code == 200
    assert sorted(zipfile.ZipFile(io.BytesIO(signed.content)).namelist())[0] == "day 1/"
    assert (await http.get(f"/files/{day}/zip", headers=bob.headers)).status_code == 404
    assert (await http.get(f"/files/{trip}/zip")).status_code == 401
    assert (await http.get(url.replace(trip, day))).status_code == 401
    assert (await http.get(f"/files/{gone.id}/zip", headers=alice.headers)).status_code == 404
    # signed out: the signed URL ends with the session
    await gql.data("mutation { logout }", token=alice.token)
    assert (await http.get(url)).status_code == 401
