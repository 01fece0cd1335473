"""Upload sessions: offsets, blocks in parallel, batch finish, missing blocks, delta, gc."""

from __future__ import annotations

import asyncio
import hashlib
import os
from typing import Any

import httpx
from bson import ObjectId

from dropbox_lite.core.db import Database
from dropbox_lite.files import blobs, session_append, sessions, upload_store
from tests.content.helpers import MiB, download, error_code
from tests.files.helpers import upload
from tests.support import Account, GraphQLClient

START = """
mutation($length: Long) {
  startUploadSession(length: $length) {
    __typename
    ... on UploadSession { id uploadUrl offset expiresAt }
    ... on Error { code message }
  }
}
"""
RESULT = """
    __typename
    ... on File { id name size rev contentHash }
    ... on BlocksMissingError { missing }
    ... on ConflictError { current { rev } }
    ... on Error { code message }
"""
FINISH = f"""
mutation($sessionId: ID!, $name: String!, $parentId: ID, $mode: WriteMode, $parentRev: Int) {{
  finishUploadSession(sessionId: $sessionId, name: $name, parentId: $parentId, mode: $mode,
                      parentRev: $parentRev) {{ {RESULT} }}
}}
"""
BATCH = f"""
mutation($entries: [UploadBatchEntry!]!) {{ finishUploadBatch(entries: $entries) {{ {RESULT} }} }}
"""
MISSING = "query($blocks: [String!]!) { missingBlocks(blocks: $blocks) }"
SESSION = "query($id: ID!) { uploadSession(id: $id) { offset fileId } }"


def digests(data: bytes) -> list[str]:
    step = blobs.BLOCK_SIZE
    return [hashlib.sha256(data[i : i + step]).hexdigest() for i in range(0, len(data), step)]


async def start(gql: GraphQLClient, account: Account, length: int | None = None) -> str:
    data = await gql.data(START, {"length": length}, token=account.token)
    assert data["startUploadSession"]["__typename"] == "UploadSession", data
    return str(data["startUploadSession"]["uploadUrl"])


async def finish(gql: GraphQLClient, account: Account, url: str, **variables: Any) -> Any:
    session_id = url.rsplit("/", 1)[1]
    data = await gql.data(FINISH, {"sessionId": session_id, **variables}, token=account.token)
    return data["finishUploadSession"]


async def batch(gql: GraphQLClient, account: Account, entries: list[dict[str, Any]]) -> Any:
    return (await gql.data(BATCH, {"entries": entries}, token=account.token))["finishUploadBatch"]


async def missing(gql: GraphQLClient, account: Account, blocks: list[str]) -> list[str]:
    return list((await gql.data(MISSING, {"blocks": blocks}, token=account.token))["missingBlocks"])


async def put_blocks(
    http: httpx.AsyncClient, account: Account, url: str, pieces: list[bytes], first: int = 0
) -> httpx.Response:
    return await http.post(
        f"{url}/blocks?first={first}",
        content=b"".join(pieces),
        headers={**account.headers, "X-Block-Sizes": ",".join(str(len(p)) for p in pieces)},
    )


async def test_bytes_at_offsets_across_blocks_then_finish(
    http: httpx.AsyncClient, gql: GraphQLClient, db: Database
) -> None:
    alice = await gql.signup()
    data = os.urandom(9 * MiB + 5)
    url = await start(gql, alice)
    cuts = [0, 5 * MiB + 1, 8 * MiB - 3, len(data)]
    for a, b in zip(cuts, cuts[1:], strict=False):
        sent = await http.patch(
            url, content=data[a:b], headers={**alice.headers, "Upload-Offset": str(a)}
        )
        assert sent.status_code == 200 and sent.json() == {"offset": b}, sent.text
    wrong = await http.patch(url, content=b"x", headers={**alice.headers, "Upload-Offset": "3"})
    assert wrong.status_code == 409 and wrong.json()["correctOffset"] == len(data)
    assert error_code(wrong) == "INCORRECT_OFFSET"
    session_id = url.rsplit("/", 1)[1]
    state = await gql.data(SESSION, {"id": session_id}, token=alice.token)
    assert state["uploadSession"] == {"offset": len(data), "fileId": None}
    done = await finish(gql, alice, url, name="big.bin")
    assert done["__typename"] == "File" and done["size"] == len(data)
    assert done["contentHash"] == blobs.content_hash_of(data)
    assert await download(http, alice, done["id"]) == data
    state = await gql.data(SESSION, {"id": session_id}, token=alice.token)
    assert state["uploadSession"]["fileId"] == done["id"]
    again = await finish(gql, alice, url, name="big.bin")
    assert again["id"] == done["id"]  # finishing twice is the same file
    # Someone else's session does not exist for them.
    bob = await gql.signup()
    theirs = await http.patch(url, content=b"x", headers={**bob.headers, "Upload-Offset": "0"})
    assert theirs.status_code == 404
    anonymous = await http.patch(url, content=b"x", headers={"Upload-Offset": "0"})
    assert anonymous.status_code == 401


async def test_blocks_in_any_order_and_in_parallel_racing_one_session(
    http: httpx.AsyncClient, gql: GraphQLClient
) -> None:
    alice = await gql.signup()
    data = os.urandom(2 * blobs.BLOCK_SIZE + 77)  # 2 full blocks and a short one
    pieces = [data[i : i + blobs.BLOCK_SIZE] for i in range(0, len(data), blobs.BLOCK_SIZE)]
    assert len(pieces) == 3
    url = await start(gql, alice)

    async def put(index: int) -> httpx.Response:
        return await http.put(
            f"{url}/blocks/{index}",
            content=pieces[index],
            headers={**alice.headers, "X-Block-Sha256": digests(data)[index]},
        )

    # Every block at once, last first, block 1 three times over (a retry racing the first
    # try) around block 0.
    answers = await asyncio.gather(*(put(i) for i in (2, 1, 0, 1, 1)))
    assert [a.status_code for a in answers] == [200] * 5
    done = await finish(gql, alice, url, name="parallel.bin")
    assert done["__typename"] == "File", done
    assert await download(http, alice, done["id"]) == data
    wrong = await http.put(
        f"{url}/blocks/0", content=b"abc", headers={**alice.headers, "X-Block-Sha256": "0" * 64}
    )
    assert wrong.status_code == 400 and error_code(wrong) == "CHECKSUM_MISMATCH"
    big = await http.put(
        f"{url}/blocks/0", content=b"x" * (blobs.BLOCK_SIZE + 1), headers=alice.headers
    )
    assert big.status_code == 400


async def test_an_incomplete_session_is_not_committed(
    http: httpx.AsyncClient, gql: GraphQLClient
) -> None:
    alice = await gql.signup()
    url = await start(gql, alice, length=10)
    await http.patch(url, content=b"01234", headers={**alice.headers, "Upload-Offset": "0"})
    refused = await finish(gql, alice, url, name="half.txt")
    assert refused["__typename"] == "UploadIncompleteError"
    url = await start(gql, alice)
    await http.put(f"{url}/blocks/1", content=b"late", headers=alice.headers)
    gap = await finish(gql, alice, url, name="gap.txt")
    assert gap["__typename"] == "UploadIncompleteError"  # block 0 never came


async def test_batch_finish_commits_many_small_files_each_on_its_own(
    http: httpx.AsyncClient, gql: GraphQLClient, db: Database
) -> None:
    alice = await gql.signup()
    taken = await upload(http, alice.token, b"already", "f3.txt")
    files = [f"file number {n}".encode() * 100 for n in range(40)]
    url = await start(gql, alice)
    sent = await put_blocks(http, alice, url, files)
    assert sent.status_code == 200, sent.text
    hashes = sent.json()["blocks"]
    assert hashes == [hashlib.sha256(f).hexdigest() for f in files]
    entries: list[dict[str, Any]] = [
        {"name": f"f{n}.txt", "blocks": [hashes[n]]} for n in range(len(files))
    ]
    entries.append({"name": "stranger.txt", "blocks": ["ab" * 32]})
    entries.append({"name": "empty.txt", "blocks": []})
    results = await batch(gql, alice, entries)
    kinds = [r["__typename"] for r in results]
    assert kinds[3] == "NameTakenError" and taken["__typename"] == "File"
    assert kinds[40] == "BlocksMissingError" and results[40]["missing"] == ["ab" * 32]
    assert kinds.count("File") == 40  # 39 of the 40 and the empty file
    assert results[0]["size"] == len(files[0])
    assert await download(http, alice, results[7]["id"]) == files[7]
    assert await download(http, alice, results[41]["id"]) == b""
    too_many = await gql(
        BATCH, {"entries": [{"name": "x", "blocks": []}] * 1001}, token=alice.token
    )
    assert "errors" in too_many


async def test_missing_blocks_is_never_an_oracle(
    http: httpx.AsyncClient, gql: GraphQLClient
) -> None:
    alice, bob = await gql.signup(), await gql.signup()
    secret = b"bob's secret " * 1000
    shared_bytes = b"in the shared folder " * 500
    uploaded = await upload(http, bob.token, secret, "secret.txt")
    assert uploaded["__typename"] == "File"
    digest = hashlib.sha256(secret).hexdigest()
    # Bob holds it: Alice is still told it is missing, and may not commit it unsent.
    assert await missing(gql, bob, [digest]) == []
    assert await missing(gql, alice, [digest]) == [digest]
    stolen = await batch(gql, alice, [{"name": "mine.txt", "blocks": [digest]}])
    assert stolen[0]["__typename"] == "BlocksMissingError"
    # Once Alice sends the bytes herself, they are hers to name (stored once: dedup).
    url = await start(gql, alice)
    await put_blocks(http, alice, url, [secret])
    assert await missing(gql, alice, [digest]) == []
    own = await batch(gql, alice, [{"name": "mine.txt", "blocks": [digest]}])
    assert own[0]["__typename"] == "File"
    # A shared folder she is a member of counts; before she joins it does not.
    folder = await gql.data(
        'mutation { createFolder(name: "Team") { ... on Folder { id } } }', token=bob.token
    )
    folder_id = folder["createFolder"]["id"]
    inside = await upload(http, bob.token, shared_bytes, "in.txt", parentId=folder_id)
    assert inside["__typename"] == "File"
    team_digest = hashlib.sha256(shared_bytes).hexdigest()
    assert await missing(gql, alice, [team_digest]) == [team_digest]
    shared = await gql(
        """mutation($id: ID!, $u: String!) {
             shareFolder(folderId: $id, username: $u, role: VIEWER) { __typename }
           }""",
        {"id": folder_id, "u": alice.username},
        token=bob.token,
    )
    assert "errors" not in shared, shared
    assert await missing(gql, alice, [team_digest]) == []
    bad = await gql(MISSING, {"blocks": ["not a hash"]}, token=alice.token)
    assert "errors" in bad


async def test_delta_sends_only_the_changed_block(
    http: httpx.AsyncClient, gql: GraphQLClient, db: Database
) -> None:
    alice = await gql.signup()
    old = os.urandom(2 * blobs.BLOCK_SIZE + 1000)
    url = await start(gql, alice)
    for index in range(3):
        piece = old[index * blobs.BLOCK_SIZE : (index + 1) * blobs.BLOCK_SIZE]
        await http.put(f"{url}/blocks/{index}", content=piece, headers=alice.headers)
    first = await finish(gql, alice, url, name="big.bin")
    assert first["__typename"] == "File"
    new = bytearray(old)
    new[blobs.BLOCK_SIZE + 12345] ^= 0xFF  # one byte in the middle of block 1
    new_digests = digests(bytes(new))
    # The session that staged the old blocks is gone: what counts now is the file.
    session_id = url.rsplit("/", 1)[1]
    await gql.data(
        "mutation($id: ID!) { cancelUploadSession(id: $id) }", {"id": session_id}, token=alice.token
    )
    lacking = await missing(gql, alice, new_digests)
    assert lacking == [new_digests[1]]
    url = await start(gql, alice)
    block = bytes(new[blobs.BLOCK_SIZE : 2 * blobs.BLOCK_SIZE])
    sent = await http.put(f"{url}/blocks/1", content=block, headers=alice.headers)
    assert sent.status_code == 200
    done = await batch(
        gql,
        alice,
        [{"name": "big.bin", "blocks": new_digests, "mode": "UPDATE", "parentRev": 1}],
    )
    assert done[0]["__typename"] == "File" and done[0]["rev"] == 2, done
    assert done[0]["id"] == first["id"]
    assert await download(http, alice, first["id"]) == bytes(new)
    # The old revision still reads back (it shares two blocks with the new one).
    old_read = await http.get(f"/files/{first['id']}/content?rev=1", headers=alice.headers)
    assert old_read.content == old
    assert await db["blobs.files"].count_documents({}) == 4  # 3 old blocks, 1 new


async def test_gc_never_frees_what_a_session_or_a_revision_holds(
    http: httpx.AsyncClient, gql: GraphQLClient, db: Database
) -> None:
    alice = await gql.signup()
    staged = await start(gql, alice)
    await put_blocks(http, alice, staged, [b"staged block"])
    tail = await start(gql, alice)
    await http.patch(tail, content=b"a tail", headers={**alice.headers, "Upload-Offset": "0"})
    kept = await upload(http, alice.token, b"a file", "kept.txt")
    assert kept["__typename"] == "File"
    await asyncio.sleep(0.01)
    removed = await blobs.collect_garbage(db=db, grace_seconds=0)
    assert list(removed) == []
    assert await db["blobs.files"].count_documents({}) == 3
    for url in (staged, tail):
        await gql.data(
            "mutation($id: ID!) { cancelUploadSession(id: $id) }",
            {"id": url.rsplit("/", 1)[1]},
            token=alice.token,
        )
    await asyncio.sleep(0.01)
    # The tail went with its session; the staged block (in the block index) goes by gc.
    removed = await blobs.collect_garbage(db=db, grace_seconds=0)
    assert len(removed) == 1
    assert await db["blobs.files"].count_documents({}) == 1
    assert await download(http, alice, kept["id"]) == b"a file"
    assert await db[sessions.SESSIONS].count_documents({}) == 0


async def test_old_whole_file_blobs_are_still_read(
    http: httpx.AsyncClient, gql: GraphQLClient, db: Database
) -> None:
    """Dual read: entries stored before blocks name one GridFS file by blob_id."""
    alice = await gql.signup()
    old = os.urandom(5 * MiB + 3)
    made = await upload(http, alice.token, b"placeholder", "legacy.bin")
    legacy = await db.bucket.upload_from_stream("legacy.bin", old)
    fields = {
        "blob_id": legacy,
        "size": len(old),
        "sha256": hashlib.sha256(old).hexdigest(),
        "content_hash": blobs.content_hash_of(old),
    }
    file_id = ObjectId(made["id"])
    await db["entries"].update_one(
        {"_id": file_id}, {"$set": fields, "$unset": {"blocks": "", "block_ids": ""}}
    )
    await db["revisions"].update_one(
        {"entry_id": file_id, "rev": 1},
        {"$set": fields, "$unset": {"blocks": "", "block_ids": ""}},
    )
    assert await download(http, alice, made["id"]) == old
    part = await http.get(
        f"/files/{made['id']}/content", headers={**alice.headers, "Range": "bytes=4194300-4194310"}
    )
    assert part.status_code == 206 and part.content == old[4194300:4194311]
    # A new revision is stored as blocks; the old one stays readable and restorable.
    await upload(http, alice.token, b"new bytes", "legacy.bin", mode="OVERWRITE")
    assert (
        await http.get(f"/files/{made['id']}/content?rev=1", headers=alice.headers)
    ).content == old
    await asyncio.sleep(0.01)
    removed = await blobs.collect_garbage(db=db, grace_seconds=0)
    assert str(legacy) not in removed  # revision 1 still names it
    restored = await gql.data(
        "mutation($id: ID!) { restoreRevision(fileId: $id, rev: 1) { ... on File { rev size } } }",
        {"id": made["id"]},
        token=alice.token,
    )
    assert restored["restoreRevision"] == {"rev": 3, "size": len(old)}
    assert await download(http, alice, made["id"]) == old


class _CutStream:
    """A body that ends early, as a cut connection does (the face sets `cut`)."""

    def __init__(self, data: bytes, stop: int) -> None:
        self.data, self.stop, self.at, self.cut = data, stop, 0, False

    async def read(self, size: int = -1) -> bytes:
        if self.at >= self.stop:
            self.cut = True
            return b""
        piece = self.data[self.at : min(self.at + size, self.stop)]
        self.at += len(piece)
        return piece


async def test_progress_is_saved_while_streaming_and_after_a_cut(
    db: Database, settings: Any, monkeypatch: Any, http: httpx.AsyncClient, gql: GraphQLClient
) -> None:
    monkeypatch.setattr(session_append, "CHECKPOINT_BLOCKS", 1)
    alice = await gql.signup()
    data = os.urandom(3 * blobs.BLOCK_SIZE + 100)
    record = await sessions.start(db=db, settings=settings, user_id=alice.user_id, length=len(data))
    saved: list[int] = []
    save = session_append._save

    async def spy(*args: Any, **kwargs: Any) -> None:
        await save(*args, **kwargs)
        saved.append(int(kwargs["offset"]))

    monkeypatch.setattr(session_append, "_save", spy)
    cut_at = 2 * blobs.BLOCK_SIZE + 5000
    after = await sessions.append(
        db=db,
        settings=settings,
        user_id=alice.user_id,
        session_id=record.id,
        offset=0,
        stream=_CutStream(data, cut_at),
    )
    # One save per block as it filled, then the cut keeps the tail too.
    assert saved == [blobs.BLOCK_SIZE, 2 * blobs.BLOCK_SIZE, cut_at]
    assert after.offset == cut_at
    done = await sessions.append(
        db=db,
        settings=settings,
        user_id=alice.user_id,
        session_id=record.id,
        offset=cut_at,
        stream=_CutStream(data[cut_at:], len(data)),
    )
    assert done.offset == len(data)
    entry = await sessions.finish(
        db=db,
        settings=settings,
        user_id=alice.user_id,
        session_id=record.id,
        folder_id=None,
        name="saved.bin",
    )
    assert await download(http, alice, entry.id) == data


async def test_uploads_in_parallel_are_bounded_per_user(
    app: Any, http: httpx.AsyncClient, gql: GraphQLClient
) -> None:
    import dataclasses

    app.state.settings = dataclasses.replace(app.state.settings, max_concurrent_uploads=1)
    alice, bob = await gql.signup(), await gql.signup()
    url = await start(gql, alice)
    release = asyncio.Event()

    async def held(piece: bytes) -> Any:
        yield piece[:10]
        await release.wait()
        yield piece[10:]

    async def put(index: int) -> httpx.Response:
        return await http.put(
            f"{url}/blocks/{index}",
            content=held(b"%d" % index * 100),
            headers={**alice.headers, "Content-Length": "100"},
        )

    running = [asyncio.create_task(put(n)) for n in range(2)]

    def slots() -> int:
        return int(getattr(app.state, "upload_slots", {}).get(alice.user_id, 0))

    while slots() < 2:  # both requests are inside the server, holding their slots
        await asyncio.sleep(0.01)
    refused = await http.put(f"{url}/blocks/5", content=b"x", headers=alice.headers)
    assert refused.status_code == 429 and error_code(refused) == "RATE_LIMITED"
    # Another user is not held up by Alice's uploads.
    other = await start(gql, bob)
    assert (
        await http.put(f"{other}/blocks/0", content=b"y", headers=bob.headers)
    ).status_code == 200
    release.set()
    assert [r.status_code for r in await asyncio.gather(*running)] == [200, 200]
    assert (
        await http.put(f"{url}/blocks/5", content=b"x", headers=alice.headers)
    ).status_code == 200


async def test_the_store_hands_out_sessions_and_parts_as_records(
    db: Database, settings: Any, gql: GraphQLClient
) -> None:
    alice = await gql.signup()
    user = ObjectId(alice.user_id)
    record = await sessions.start(
        db=db, settings=settings, user_id=alice.user_id, metadata={"a": "b"}
    )
    found = await sessions.put_blocks(
        db=db,
        settings=settings,
        user_id=alice.user_id,
        session_id=record.id,
        first=0,
        sizes=[3, 2],
        stream=_CutStream(b"abcde", 5),
    )
    stored = await upload_store.find_session(db, ObjectId(record.id), user)
    assert isinstance(stored, upload_store.StoredSession)
    assert (stored.user_id, stored.offset, stored.version, stored.blocks) == (user, 0, 0, ())
    assert dict(stored.metadata) == {"a": "b"} and stored.committed_id is None
    assert await upload_store.find_session(db, stored.id, ObjectId()) is None  # not theirs
    parts = sorted(await upload_store.parts_of(db, [stored.id]), key=lambda part: part.index)
    assert [(p.index, p.sha, p.size, p.session_id) for p in parts] == [
        (0, found[0], 3, stored.id),
        (1, found[1], 2, stored.id),
    ]
    assert all(isinstance(p, upload_store.StoredPart) for p in parts)
    # Every move is a compare-and-set on (offset, version): a stale read loses.
    moved, _ = await upload_store.advance(
        db, stored, offset=0, more_blocks=[], more_block_ids=[], tail_id=None, tail_size=0
    )
    assert moved is not None and moved.version == 1
    lost, offset = await upload_store.advance(
        db, stored, offset=5, more_blocks=[], more_block_ids=[], tail_id=None, tail_size=0
    )
    assert (lost, offset) == (None, 0)
    assert await upload_store.find_session(db, stored.id, user) == moved
