"""tus 1.0.0 at /tus/: the real tuspy client, and the protocol's edges by hand."""

from __future__ import annotations

import asyncio
import base64
import hashlib
import io
import os
from datetime import UTC, datetime, timedelta

import httpx
import pytest
from bson import ObjectId
from starlette.applications import Starlette
from tusclient import client as tus_client

from dropbox_lite.core.config import Settings
from dropbox_lite.core.db import Database
from dropbox_lite.files import blobs, sessions
from tests.content.helpers import (
    OFFSET_TYPE,
    TUS,
    MiB,
    create,
    download,
    error_code,
    metadata,
    patch,
    tus_headers,
)
from tests.support import Account, GraphQLClient, a_second_later

# tuspy hands aiohttp each chunk as bytes; aiohttp warns about bodies over 1 MiB.
pytestmark = pytest.mark.filterwarnings("ignore:Sending a large body:ResourceWarning")


def _uploader(live: str, account: Account, data: bytes, **kwargs: object) -> object:
    tus = tus_client.TusClient(f"{live}/tus/", headers=account.headers)
    return tus.async_uploader(file_stream=io.BytesIO(data), **kwargs)


async def test_tuspy_uploads_in_chunks_with_checksums_and_the_file_is_committed(
    live: str, http: httpx.AsyncClient, gql: GraphQLClient, db: Database
) -> None:
    alice = await gql.signup()
    data = os.urandom(9 * MiB + 12_345)
    uploader = _uploader(
        live,
        alice,
        data,
        chunk_size=3 * MiB + 7,  # chunks end mid-block: the tail is kept between PATCHes
        metadata={"filename": "big.bin"},
        upload_checksum=True,
    )
    await uploader.upload()  # type: ignore[attr-defined]
    answer = uploader.request.response_headers  # type: ignore[attr-defined]
    file_id = answer["x-entry-id"]
    assert answer["x-entry-rev"] == "1"
    assert await download(http, alice, file_id) == data
    entry = await db["entries"].find_one({"_id": ObjectId(file_id)})
    assert entry is not None and len(entry["block_ids"]) == 3
    assert entry["content_hash"] == blobs.content_hash_of(data)
    # No staged tail is left over; only the three blocks are stored.
    assert await db["blobs.files"].count_documents({}) == 3
    # HEAD after the commit still answers, with the file it became.
    head = await http.head(uploader.url, headers=tus_headers(alice))  # type: ignore[attr-defined]
    assert head.headers["upload-offset"] == str(len(data))
    assert head.headers["x-entry-id"] == file_id


async def test_tuspy_resumes_an_interrupted_upload(
    live: str, http: httpx.AsyncClient, gql: GraphQLClient
) -> None:
    alice = await gql.signup()
    data = os.urandom(5 * MiB)
    first = _uploader(live, alice, data, chunk_size=2 * MiB, metadata={"filename": "r.bin"})
    await first.upload(stop_at=2 * MiB)  # type: ignore[attr-defined]
    url = first.url  # type: ignore[attr-defined]
    head = await http.head(url, headers=tus_headers(alice))
    assert head.headers["upload-offset"] == str(2 * MiB)
    # A new client (after a reload) resumes from the server's offset.
    # Given the URL, tuspy asks the offset (HEAD) with blocking `requests` as it is made.
    second = await asyncio.to_thread(_uploader, live, alice, data, chunk_size=2 * MiB, url=url)
    assert second.offset == 2 * MiB  # type: ignore[attr-defined]
    await second.upload()  # type: ignore[attr-defined]
    file_id = second.request.response_headers["x-entry-id"]  # type: ignore[attr-defined]
    assert await download(http, alice, file_id) == data


async def test_options_and_creation_with_upload(
    http: httpx.AsyncClient, gql: GraphQLClient
) -> None:
    options = await http.options("/tus/")
    assert options.status_code == 204
    assert options.headers["tus-version"] == "1.0.0"
    assert set(options.headers["tus-extension"].split(",")) == {
        "creation",
        "creation-with-upload",
        "termination",
        "expiration",
        "checksum",
    }
    assert options.headers["tus-checksum-algorithm"] == "sha1,sha256"
    alice = await gql.signup()
    body = b"hello in one request"
    digest = base64.b64encode(hashlib.sha256(body).digest()).decode()
    made = await http.post(
        "/tus/",
        content=body,
        headers=tus_headers(
            alice,
            **{
                "Upload-Length": str(len(body)),
                "Upload-Metadata": metadata(filename="one.txt"),
                "Content-Type": OFFSET_TYPE,
                "Upload-Checksum": f"sha256 {digest}",
            },
        ),
    )
    assert made.status_code == 201, made.text
    assert made.headers["location"].startswith("/tus/")
    assert made.headers["upload-offset"] == str(len(body))
    assert "upload-expires" in made.headers
    assert await download(http, alice, made.headers["x-entry-id"]) == body
    # An empty file: creation alone commits it.
    empty = await create(http, alice, 0, filename="empty.txt")
    assert empty.status_code == 201 and empty.headers["x-entry-rev"] == "1"
    assert await download(http, alice, empty.headers["x-entry-id"]) == b""


async def test_wrong_offset_is_409_and_changes_nothing(
    http: httpx.AsyncClient, gql: GraphQLClient
) -> None:
    alice = await gql.signup()
    made = await create(http, alice, 10, filename="a.txt")
    url = made.headers["location"]
    first = await patch(http, alice, url, 0, b"01234")
    assert first.status_code == 204 and first.headers["upload-offset"] == "5"
    again = await patch(http, alice, url, 0, b"xxxxx")
    assert again.status_code == 409 and again.headers["upload-offset"] == "5"
    assert again.json()["correctOffset"] == 5 and error_code(again) == "INCORRECT_OFFSET"
    ahead = await patch(http, alice, url, 7, b"xxx")
    assert ahead.status_code == 409
    head = await http.head(url, headers=tus_headers(alice))
    assert (head.status_code, head.headers["upload-offset"]) == (200, "5")
    assert head.headers["upload-length"] == "10" and head.headers["cache-control"] == "no-store"
    done = await patch(http, alice, url, 5, b"56789")
    assert done.status_code == 204
    assert await download(http, alice, done.headers["x-entry-id"]) == b"0123456789"


async def test_checksum_mismatch_is_460_and_discards_the_chunk(
    http: httpx.AsyncClient, gql: GraphQLClient
) -> None:
    alice = await gql.signup()
    url = (await create(http, alice, 6, filename="c.txt")).headers["location"]
    wrong = base64.b64encode(hashlib.sha1(b"other").digest()).decode()
    refused = await patch(http, alice, url, 0, b"abc", **{"Upload-Checksum": f"sha1 {wrong}"})
    assert refused.status_code == 460 and error_code(refused) == "CHECKSUM_MISMATCH"
    head = await http.head(url, headers=tus_headers(alice))
    assert head.headers["upload-offset"] == "0"
    unknown = await patch(http, alice, url, 0, b"abc", **{"Upload-Checksum": "md5 AAAA"})
    assert unknown.status_code == 400
    right = base64.b64encode(hashlib.sha1(b"abc").digest()).decode()
    ok = await patch(http, alice, url, 0, b"abc", **{"Upload-Checksum": f"sha1 {right}"})
    assert ok.status_code == 204 and ok.headers["upload-offset"] == "3"


async def test_version_type_auth_and_size_are_checked_first(
    app: Starlette, http: httpx.AsyncClient, gql: GraphQLClient, db: Database, settings: Settings
) -> None:
    alice = await gql.signup()
    no_version = await http.post(
        "/tus/", headers={**alice.headers, "Upload-Length": "1", "Upload-Metadata": ""}
    )
    assert no_version.status_code == 412 and no_version.headers["tus-version"] == "1.0.0"
    anonymous = await http.post(
        "/tus/", headers={**TUS, "Upload-Length": "1", "Upload-Metadata": metadata(filename="a")}
    )
    assert anonymous.status_code == 401
    too_big = await create(http, alice, settings.max_upload_bytes + 1, filename="huge.bin")
    assert too_big.status_code == 413 and error_code(too_big) == "FILE_TOO_LARGE"
    await db["users"].update_one({"_id": ObjectId(alice.user_id)}, {"$set": {"quota_bytes": 100}})
    a_second_later(app)
    over = await create(http, alice, 101, filename="over.bin")
    assert over.status_code == 413 and error_code(over) == "QUOTA_EXCEEDED"
    assert await db[sessions.SESSIONS].count_documents({}) == 0  # nothing was started
    no_name = await http.post(
        "/tus/", headers=tus_headers(alice, **{"Upload-Length": "1", "Upload-Metadata": ""})
    )
    assert no_name.status_code == 400
    bad_name = await create(http, alice, 1, filename="a/b")
    assert bad_name.status_code == 400 and error_code(bad_name) == "INVALID_NAME"
    no_folder = await create(http, alice, 1, filename="a", parentId=str(ObjectId()))
    assert no_folder.status_code == 404
    url = (await create(http, alice, 3, filename="t.txt")).headers["location"]
    wrong_type = await http.patch(
        url, content=b"abc", headers=tus_headers(alice, **{"Upload-Offset": "0"})
    )
    assert wrong_type.status_code == 415
    bob = await gql.signup()
    theirs = await patch(http, bob, url, 0, b"abc")
    assert theirs.status_code == 404  # another user's upload does not exist for them
    too_long = await patch(http, alice, url, 0, b"abcd")
    assert too_long.status_code == 400
    head = await http.head(url, headers=tus_headers(alice))
    assert head.headers["upload-offset"] == "0"


async def test_a_refused_commit_keeps_the_bytes_and_commits_later(
    http: httpx.AsyncClient, gql: GraphQLClient
) -> None:
    alice = await gql.signup()
    first = await http.post(
        "/tus/",
        content=b"first",
        headers=tus_headers(
            alice,
            **{
                "Upload-Length": "5",
                "Upload-Metadata": metadata(filename="same.txt"),
                "Content-Type": OFFSET_TYPE,
            },
        ),
    )
    taken_id = first.headers["x-entry-id"]
    url = (await create(http, alice, 6, filename="same.txt")).headers["location"]
    refused = await patch(http, alice, url, 0, b"second")
    assert refused.status_code == 409 and error_code(refused) == "NAME_TAKEN"
    assert refused.headers["upload-offset"] == "6" and "x-entry-id" not in refused.headers
    head = await http.head(url, headers=tus_headers(alice))
    assert head.headers["upload-offset"] == "6" and "x-entry-id" not in head.headers
    # The name is freed; an empty PATCH at the final offset commits the kept bytes.
    deleted = await gql(
        "mutation($id: ID!) { deleteEntry(id: $id) { __typename } }",
        {"id": taken_id},
        token=alice.token,
    )
    assert "errors" not in deleted, deleted
    done = await patch(http, alice, url, 6, b"")
    assert done.status_code == 204, done.text
    assert await download(http, alice, done.headers["x-entry-id"]) == b"second"
    # The final PATCH once more (its answer was lost): the same file.
    repeat = await patch(http, alice, url, 6, b"")
    assert repeat.headers["x-entry-id"] == done.headers["x-entry-id"]


async def test_update_mode_conflict_and_overwrite_through_tus(
    http: httpx.AsyncClient, gql: GraphQLClient
) -> None:
    alice = await gql.signup()
    one = await create(http, alice, 0, filename="f.txt")
    file_id = one.headers["x-entry-id"]
    url = (await create(http, alice, 2, filename="f.txt", mode="UPDATE", parentRev="1")).headers[
        "location"
    ]
    ok = await patch(http, alice, url, 0, b"v2")
    assert ok.status_code == 204 and ok.headers["x-entry-id"] == file_id
    assert ok.headers["x-entry-rev"] == "2"
    stale = (await create(http, alice, 2, filename="f.txt", mode="UPDATE", parentRev="1")).headers[
        "location"
    ]
    conflict = await patch(http, alice, stale, 0, b"v3")
    assert conflict.status_code == 409 and error_code(conflict) == "CONFLICT"
    assert conflict.json()["current"]["rev"] == 2
    bad_mode = await create(http, alice, 2, filename="f.txt", mode="REPLACE")
    assert bad_mode.status_code == 400


async def test_termination_and_expiry(
    http: httpx.AsyncClient, gql: GraphQLClient, db: Database
) -> None:
    alice = await gql.signup()
    url = (await create(http, alice, 10, filename="gone.txt")).headers["location"]
    await patch(http, alice, url, 0, b"01234")
    deleted = await http.delete(url, headers=tus_headers(alice))
    assert deleted.status_code == 204
    assert (await http.head(url, headers=tus_headers(alice))).status_code == 404
    assert (await patch(http, alice, url, 5, b"56789")).status_code == 404
    assert (await http.delete(url, headers=tus_headers(alice))).status_code == 404

    url = (await create(http, alice, 10, filename="late.txt")).headers["location"]
    await patch(http, alice, url, 0, b"01234")
    session_id = ObjectId(url.rsplit("/", 1)[1])
    past = datetime.now(UTC) - timedelta(seconds=1)
    await db[sessions.SESSIONS].update_one({"_id": session_id}, {"$set": {"expires_at": past}})
    assert (await http.head(url, headers=tus_headers(alice))).status_code == 404
    assert (await patch(http, alice, url, 5, b"56789")).status_code == 404
    assert await sessions.prune(db=db) == 1
    assert await db[sessions.SESSIONS].count_documents({}) == 0
    # Its staged tail went with it; gc finds nothing of it to keep.
    await asyncio.sleep(0.01)
    await blobs.collect_garbage(db=db, grace_seconds=0)
    assert await db["blobs.files"].count_documents({}) == 0


async def test_head_after_a_cut_connection_tells_what_arrived(
    live: str, http: httpx.AsyncClient, gql: GraphQLClient
) -> None:
    alice = await gql.signup()
    data = os.urandom(6 * MiB)
    url = (await create(http, alice, len(data), filename="cut.bin")).headers["location"]
    host, port = live.removeprefix("http://").split(":")
    reader, writer = await asyncio.open_connection(host, int(port))
    head = (
        f"PATCH {url} HTTP/1.1\r\nHost: {host}\r\nAuthorization: Bearer {alice.token}\r\n"
        f"Tus-Resumable: 1.0.0\r\nUpload-Offset: 0\r\nContent-Type: {OFFSET_TYPE}\r\n"
        f"Content-Length: {len(data)}\r\n\r\n"
    )
    writer.write(head.encode() + data[: 5 * MiB])
    await writer.drain()
    writer.close()  # the connection is cut a sixth short of the end
    await writer.wait_closed()
    del reader
    offset = 0
    for _ in range(200):
        answer = await http.head(url, headers=tus_headers(alice))
        offset = int(answer.headers["upload-offset"])
        if offset:
            break
        await asyncio.sleep(0.05)
    # What arrived is kept (whole blocks and the tail), so the client resumes there.
    assert 4 * MiB <= offset <= 5 * MiB
    rest = await patch(http, alice, url, offset, data[offset:])
    assert rest.status_code == 204, rest.text
    assert await download(http, alice, rest.headers["x-entry-id"]) == data
