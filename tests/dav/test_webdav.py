"""WebDAV over the app: access, conditions, quota, ETags, limits (in process, both backends)."""

from __future__ import annotations

from datetime import UTC, datetime

import httpx
import pytest
from bson import ObjectId
from starlette.applications import Starlette

from dropbox_lite.auth import service as auth_service
from dropbox_lite.core.config import Settings
from dropbox_lite.core.db import Database
from dropbox_lite.dav import reading
from dropbox_lite.dav import store as dav_store
from dropbox_lite.files import sessions
from tests.dav.helpers import OC, D, basic, files_url, propfind
from tests.support import Account, GraphQLClient, a_second_later

SHARE = """
mutation Share($folderId: ID!, $username: String!, $role: MemberRole!) {
  shareFolder(folderId: $folderId, username: $username, role: $role) { __typename }
}
"""
CHANGES = "query { changes(first: 500) { changes { kind entry { name } } } }"
BODIES = {
    "PUT": b"x",
    "PROPPATCH": b'<?xml version="1.0"?><d:propertyupdate xmlns:d="DAV:"><d:set><d:prop>'
    b'<x:tag xmlns:x="urn:x">v</x:tag></d:prop></d:set></d:propertyupdate>',
    "LOCK": b'<?xml version="1.0"?><d:lockinfo xmlns:d="DAV:"><d:lockscope><d:exclusive/>'
    b"</d:lockscope><d:locktype><d:write/></d:locktype></d:lockinfo>",
}
METHODS = [
    "PROPFIND",
    "GET",
    "HEAD",
    "PUT",
    "MKCOL",
    "DELETE",
    "MOVE",
    "COPY",
    "PROPPATCH",
    "LOCK",
    "UNLOCK",
    "OPTIONS",
]


async def _tree(http: httpx.AsyncClient, account: Account) -> None:
    h = basic(account.username, account.password)
    assert (await http.request("MKCOL", files_url(account, "a"), headers=h)).status_code == 201
    assert (await http.request("MKCOL", files_url(account, "a/b"), headers=h)).status_code == 201
    put = await http.put(files_url(account, "a/b/f.txt"), content=b"one", headers=h)
    assert put.status_code == 201, put.text


async def test_a_webdav_write_is_in_the_change_feed_and_reads_back(
    http: httpx.AsyncClient, gql: GraphQLClient
) -> None:
    alice = await gql.signup()
    await _tree(http, alice)
    h = basic(alice.username, alice.password)
    got = await http.get(files_url(alice, "a/b/f.txt"), headers=h)
    assert got.status_code == 200 and got.content == b"one"
    assert got.headers["oc-fileid"] and got.headers["last-modified"]
    names = {
        c["entry"]["name"]
        for c in (await gql.data(CHANGES, token=alice.token))["changes"]["changes"]
        if c["entry"]
    }
    assert {"a", "b", "f.txt"} <= names
    # The three spellings of the same space.
    for url in ("/dav/a/b/f.txt", "/remote.php/webdav/a/b/f.txt", files_url(alice, "A/B/F.TXT")):
        assert (await http.get(url, headers=h)).content == b"one"


async def test_another_users_path_is_404_and_no_sign_in_is_401(
    http: httpx.AsyncClient, gql: GraphQLClient
) -> None:
    alice, bob = await gql.signup(), await gql.signup()
    await _tree(http, alice)
    as_bob = basic(bob.username, bob.password)
    for method in METHODS:
        answer = await http.request(method, files_url(alice, "a/b/f.txt"), headers=as_bob)
        assert answer.status_code == 404, (method, answer.status_code)
        anonymous = await http.request(method, files_url(alice, "a/b/f.txt"))
        assert anonymous.status_code == 401, (method, anonymous.status_code)
        assert anonymous.headers["www-authenticate"].startswith("Basic")
    assert (
        await http.get(
            files_url(alice, "a/b/f.txt"), headers=basic(alice.username, "wrong-password")
        )
    ).status_code == 401
    # Bob's own space holds none of it.
    assert (await http.get("/dav/a/b/f.txt", headers=as_bob)).status_code == 404


async def test_a_viewer_reads_a_shared_folder_and_every_write_is_403(
    http: httpx.AsyncClient, gql: GraphQLClient
) -> None:
    alice, bob = await gql.signup(), await gql.signup()
    await _tree(http, alice)
    listing = await propfind(http, files_url(alice), basic(alice.username, alice.password))
    folder_id = listing[files_url(alice, "a/")][f"{OC}id"]
    shared = await gql.data(
        SHARE,
        {"folderId": folder_id, "username": bob.username, "role": "VIEWER"},
        token=alice.token,
    )
    assert shared["shareFolder"]["__typename"] == "Folder"
    h = basic(bob.username, bob.password)
    seen = await propfind(http, files_url(bob, "a/b/"), h)
    assert seen[files_url(bob, "a/b/f.txt")][f"{OC}permissions"] == "SG"
    assert "W" not in seen[files_url(bob, "a/b/")][f"{OC}permissions"]
    assert (await http.get(files_url(bob, "a/b/f.txt"), headers=h)).content == b"one"
    dest = {"Destination": files_url(bob, "a/b/g.txt")}
    writes = [
        ("PUT", "a/b/f.txt", {}),
        ("PUT", "a/b/new.txt", {}),
        ("MKCOL", "a/b/c", {}),
        ("DELETE", "a/b/f.txt", {}),
        ("MOVE", "a/b/f.txt", dest),
        ("COPY", "a/b/f.txt", dest),
        ("PROPPATCH", "a/b/f.txt", {}),
        ("LOCK", "a/b/f.txt", {}),
    ]
    for method, path, extra in writes:
        answer = await http.request(
            method,
            files_url(bob, path),
            headers={**h, **extra},
            content=BODIES.get(method),
        )
        assert answer.status_code == 403, (method, path, answer.status_code, answer.text)
    assert (
        await http.get(files_url(alice, "a/b/f.txt"), headers=basic(alice.username, alice.password))
    ).content == b"one"


async def test_stale_writes_are_412_and_quota_is_507(
    app: Starlette, http: httpx.AsyncClient, gql: GraphQLClient, db: Database
) -> None:
    alice = await gql.signup()
    await _tree(http, alice)
    h = basic(alice.username, alice.password)
    url = files_url(alice, "a/b/f.txt")
    etag = (await http.get(url, headers=h)).headers["etag"]
    assert (await http.put(url, content=b"two", headers={**h, "If-Match": etag})).status_code == 204
    stale = await http.put(url, content=b"three", headers={**h, "If-Match": etag})
    assert stale.status_code == 412
    assert (
        await http.put(url, content=b"four", headers={**h, "If-None-Match": "*"})
    ).status_code == 412
    assert (await http.get(url, headers=h)).content == b"two"
    await auth_service.set_quota(db=db, user_id=alice.user_id, quota_bytes=100)
    a_second_later(app)  # this process's cache of quotas, as a restart would
    big = await http.put(files_url(alice, "big.bin"), content=b"x" * 1000, headers=h)
    assert big.status_code == 507, big.text
    assert (await http.get(files_url(alice, "big.bin"), headers=h)).status_code == 404


async def test_folder_etags_change_when_anything_below_changes(
    http: httpx.AsyncClient, gql: GraphQLClient
) -> None:
    alice = await gql.signup()
    await _tree(http, alice)
    h = basic(alice.username, alice.password)

    async def etags() -> tuple[str, str, str]:
        root = await propfind(http, files_url(alice), h)
        inner = await propfind(http, files_url(alice, "a/"), h)
        return (
            root[files_url(alice)][f"{D}getetag"],
            root[files_url(alice, "a/")][f"{D}getetag"],
            inner.get(files_url(alice, "a/b/"), {}).get(f"{D}getetag", "gone"),
        )

    first = await etags()
    assert await etags() == first  # nothing changed: the same
    await http.put(files_url(alice, "a/b/f.txt"), content=b"edited", headers=h)
    edited = await etags()
    assert all(a != b for a, b in zip(first, edited, strict=True))
    await http.request(
        "MOVE",
        files_url(alice, "a/b/f.txt"),
        headers={**h, "Destination": files_url(alice, "f.txt")},
    )
    moved = await etags()
    assert moved[0] != edited[0] and moved[1] != edited[1] and moved[2] != edited[2]
    await http.request("MKCOL", files_url(alice, "other"), headers=h)
    unrelated = await etags()
    assert unrelated[0] != moved[0] and unrelated[1:] == moved[1:]
    await http.delete(files_url(alice, "a/b"), headers=h)
    deleted = await etags()
    assert deleted[1] != unrelated[1]


async def test_mtime_is_kept_and_chunked_upload_commits_on_move(
    app: Starlette, http: httpx.AsyncClient, gql: GraphQLClient, db: Database
) -> None:
    alice = await gql.signup()
    h = basic(alice.username, alice.password)
    put = await http.put(
        files_url(alice, "m.txt"), content=b"m", headers={**h, "X-OC-Mtime": "1000000000"}
    )
    assert put.headers["x-oc-mtime"] == "accepted" and put.headers["oc-fileid"]
    listing = await propfind(http, files_url(alice, "m.txt"), h, depth="0")
    assert (
        listing[files_url(alice, "m.txt")][f"{D}getlastmodified"] == "Sun, 09 Sep 2001 01:46:40 GMT"
    )

    upload = "/remote.php/dav/uploads/" + alice.username + "/transfer-1"
    dest = {"Destination": "http://testserver" + files_url(alice, "big.bin")}
    assert (
        await http.request("MKCOL", upload, headers={**h, **dest, "OC-Total-Length": "2500000"})
    ).status_code == 201
    parts = [bytes([n]) * 1_000_000 for n in range(2)] + [b"z" * 500_000]
    for n, part in enumerate(parts, 1):
        assert (
            await http.put(f"{upload}/{n:05d}", content=part, headers={**h, **dest})
        ).status_code == 201
    done = await http.request(
        "MOVE",
        f"{upload}/.file",
        headers={**h, **dest, "OC-Total-Length": "2500000", "X-OC-Mtime": "1000000000"},
    )
    assert done.status_code == 201, done.text
    assert done.headers["oc-etag"] and done.headers["x-oc-mtime"] == "accepted"
    assert (await http.get(files_url(alice, "big.bin"), headers=h)).content == b"".join(parts)
    assert (await http.request("PROPFIND", upload, headers={**h, "Depth": "1"})).status_code == 404
    await auth_service.set_quota(db=db, user_id=alice.user_id, quota_bytes=3_000_000)
    a_second_later(app)
    over = await http.request("MKCOL", upload + "-2", headers={**h, "OC-Total-Length": "1000000"})
    assert over.status_code == 507


async def _stored_blobs(db: Database) -> tuple[set[object], int]:
    files_ids = {doc["_id"] async for doc in db["blobs.files"].find({}, {"_id": 1})}
    return files_ids, await db["blobs.chunks"].count_documents({})


async def test_chunked_upload_is_a_session_and_its_move_copies_no_bytes(
    http: httpx.AsyncClient, gql: GraphQLClient, db: Database
) -> None:
    alice = await gql.signup()
    h = basic(alice.username, alice.password)
    upload = "/remote.php/dav/uploads/" + alice.username + "/t-blocks"
    size = 4 * 1024 * 1024 + 700_000  # two blocks: one whole, one short
    data = bytes(range(256)) * (size // 256) + b"!" * (size % 256)
    parts = [data[:2_000_000], data[2_000_000:4_500_000], data[4_500_000:]]
    mkcol = await http.request("MKCOL", upload, headers={**h, "OC-Total-Length": str(size)})
    assert mkcol.status_code == 201
    assert (await http.put(f"{upload}/00001", content=parts[0], headers=h)).status_code == 201
    # Out of order: refused, nothing changes.
    early = await http.put(f"{upload}/00003", content=parts[2], headers=h)
    assert early.status_code == 400 and b"order" in early.content, early.text
    back = await http.put(f"{upload}/00001", content=b"other bytes", headers=h)
    assert back.status_code == 400, back.text
    # The same chunk sent again, whole: accepted, nothing added.
    assert (await http.put(f"{upload}/00001", content=parts[0], headers=h)).status_code == 201
    for n in (2, 3):
        put = await http.put(f"{upload}/{n:05d}", content=parts[n - 1], headers=h)
        assert put.status_code == 201, put.text
    listing = await http.request("PROPFIND", upload, headers={**h, "Depth": "1"})
    assert listing.status_code == 207 and listing.text.count("<d:response>") == 4
    # The bytes are in the upload session as blocks already.
    session = await db["upload_sessions"].find_one({"user_id": ObjectId(alice.user_id)})
    assert session is not None and session["offset"] == size and len(session["blocks"]) == 2
    before = await _stored_blobs(db)
    wrong = await http.request(
        "MOVE",
        f"{upload}/.file",
        headers={
            **h,
            "Destination": "http://testserver" + files_url(alice, "b.bin"),
            "OC-Total-Length": str(size + 1),
        },
    )
    assert wrong.status_code == 400 and b"OC-Total-Length" in wrong.content
    done = await http.request(
        "MOVE",
        f"{upload}/.file",
        headers={
            **h,
            "Destination": "http://testserver" + files_url(alice, "b.bin"),
            "OC-Total-Length": str(size),
        },
    )
    assert done.status_code == 201, done.text
    assert done.headers["oc-fileid"] and done.headers["etag"] == done.headers["oc-etag"]
    # A metadata commit: not one GridFS file or chunk written (nor removed) by the MOVE.
    assert await _stored_blobs(db) == before
    assert (await http.get(files_url(alice, "b.bin"), headers=h)).content == data
    entry = await db["entries"].find_one({"_id": ObjectId(done.headers["oc-fileid"])})
    assert entry is not None and entry["blocks"] == session["blocks"]
    assert await db["upload_sessions"].count_documents({"user_id": ObjectId(alice.user_id)}) == 0
    assert (await http.request("PROPFIND", upload, headers=h)).status_code == 404

    # If-Match on the MOVE: a stale ETag is 412 and the file stays.
    again = upload + "-2"
    assert (await http.request("MKCOL", again, headers=h)).status_code == 201
    assert (await http.put(f"{again}/1", content=b"new", headers=h)).status_code == 201
    stale = await http.request(
        "MOVE",
        f"{again}/.file",
        headers={
            **h,
            "Destination": "http://testserver" + files_url(alice, "b.bin"),
            "If-Match": '"not-the-etag"',
        },
    )
    assert stale.status_code == 412
    assert (await http.get(files_url(alice, "b.bin"), headers=h)).content == data
    # DELETE of the transfer cancels its session.
    assert (await http.request("DELETE", again, headers=h)).status_code == 204
    assert await db["upload_sessions"].count_documents({"user_id": ObjectId(alice.user_id)}) == 0
    assert (await http.put(f"{again}/2", content=b"x", headers=h)).status_code == 404


class _Bytes:
    def __init__(self, data: bytes) -> None:
        self.data = data

    async def read(self, size: int = -1, /) -> bytes:
        size = len(self.data) if size < 0 else size
        piece, self.data = self.data[:size], self.data[size:]
        return piece


async def test_a_chunk_cut_midway_is_resumed_when_sent_again(
    http: httpx.AsyncClient, gql: GraphQLClient, db: Database, settings: Settings
) -> None:
    alice = await gql.signup()
    h = basic(alice.username, alice.password)
    upload = "/remote.php/dav/uploads/" + alice.username + "/t-cut"
    parts = [b"a" * 300_000, b"b" * 300_000, b"c" * 1000]
    total = str(sum(map(len, parts)))
    assert (
        await http.request("MKCOL", upload, headers={**h, "OC-Total-Length": total})
    ).status_code == 201
    assert (await http.put(f"{upload}/1", content=parts[0], headers=h)).status_code == 201
    # What a PUT of chunk 2 cut after 1,000 bytes leaves: the chunk started, its first
    # bytes appended to the session.
    transfer = await dav_store.find_upload(db, alice.user_id, "t-cut", datetime.now(UTC))
    assert transfer is not None
    await dav_store.start_chunk(db, transfer.id, "2", len(parts[0]))
    await sessions.append(
        db=db,
        settings=settings,
        user_id=alice.user_id,
        session_id=transfer.session_id,
        offset=len(parts[0]),
        stream=_Bytes(parts[1][:1000]),
    )
    early = await http.put(f"{upload}/3", content=parts[2], headers=h)
    assert early.status_code == 400 and b"in part" in early.content
    assert (await http.put(f"{upload}/2", content=parts[1], headers=h)).status_code == 201
    assert (await http.put(f"{upload}/3", content=parts[2], headers=h)).status_code == 201
    done = await http.request(
        "MOVE",
        f"{upload}/.file",
        headers={**h, "Destination": "http://testserver" + files_url(alice, "cut.bin")},
    )
    assert done.status_code == 201, done.text
    assert (await http.get(files_url(alice, "cut.bin"), headers=h)).content == b"".join(parts)


async def test_bad_bodies_and_infinite_depth_are_refused(
    http: httpx.AsyncClient, gql: GraphQLClient
) -> None:
    alice = await gql.signup()
    h = basic(alice.username, alice.password)
    bomb = (
        b'<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol">'
        b'<!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">]>'
        b'<d:propfind xmlns:d="DAV:"><d:prop><d:getetag>&lol2;</d:getetag></d:prop></d:propfind>'
    )
    answer = await http.request(
        "PROPFIND", files_url(alice), headers={**h, "Depth": "0"}, content=bomb
    )
    assert answer.status_code == 400 and b"DTD" in answer.content
    external = (
        b'<?xml version="1.0"?><!DOCTYPE x [<!ENTITY e SYSTEM "file:///etc/passwd">]><x>&e;</x>'
    )
    assert (
        await http.request("PROPPATCH", files_url(alice), headers=h, content=external)
    ).status_code == 400
    huge = (
        b'<?xml version="1.0"?><d:propfind xmlns:d="DAV:"><d:allprop/>'
        + b" " * 2_000_000
        + b"</d:propfind>"
    )
    assert (
        await http.request("PROPFIND", files_url(alice), headers={**h, "Depth": "0"}, content=huge)
    ).status_code == 413
    assert (
        await http.request(
            "PROPFIND", files_url(alice), headers={**h, "Depth": "0"}, content=b"<not-closed"
        )
    ).status_code == 400
    for depth in ("infinity", None):
        headers = {**h, **({"Depth": depth} if depth else {})}
        refused = await http.request("PROPFIND", files_url(alice), headers=headers)
        assert refused.status_code == 403 and b"propfind-finite-depth" in refused.content
    assert (await http.put(files_url(alice, "..%2Fx"), content=b"x", headers=h)).status_code == 400
    # A name the API refuses (over 255 bytes, a control character) is refused as there.
    for name in ("n" * 300, "tab%09name"):
        refused = await http.request("MKCOL", files_url(alice, name), headers=h)
        assert refused.status_code == 400 and b"name" in refused.content, refused.text
        refused = await http.put(files_url(alice, name), content=b"x", headers=h)
        assert refused.status_code == 400
    assert (
        await http.request("MKCOL", files_url(alice, "bad%00name"), headers=h)
    ).status_code == 400


async def test_a_big_folder_is_listed_whole_in_pages(
    http: httpx.AsyncClient, gql: GraphQLClient, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(reading, "PAGE", 7)
    alice = await gql.signup()
    h = basic(alice.username, alice.password)
    await http.request("MKCOL", files_url(alice, "many"), headers=h)
    count = 3 * reading.PAGE + 2
    for n in range(count):
        await http.request("MKCOL", files_url(alice, f"many/d{n:04d}"), headers=h)
    listing = await propfind(http, files_url(alice, "many/"), h)
    assert len(listing) == count + 1
    assert len({p[f"{D}getetag"] for p in listing.values()}) == count + 1
    assert ObjectId.is_valid(listing[files_url(alice, "many/")][f"{OC}id"])
