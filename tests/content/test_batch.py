"""finishUploadBatch written in bulk: each file refused on its own, the quota exact."""

from __future__ import annotations

import asyncio
import hashlib
from typing import Any

import httpx
import pytest
from bson import ObjectId
from starlette.applications import Starlette

from dropbox_lite.core.db import Database
from dropbox_lite.files import service, store
from tests.content.helpers import download
from tests.content.test_sessions import batch, put_blocks, start
from tests.files.helpers import CREATE_FOLDER, upload
from tests.sharing.folders_helpers import shared_folder
from tests.support import Account, GraphQLClient, a_second_later

SIZE = 1000


async def set_quota(app: Starlette, db: Database, account: Account, limit: int) -> None:
    await db["users"].update_one(
        {"_id": ObjectId(account.user_id)}, {"$set": {"quota_bytes": limit}}
    )
    a_second_later(app)


async def staged(
    http: httpx.AsyncClient, gql: GraphQLClient, account: Account, pieces: list[bytes]
) -> list[str]:
    url = await start(gql, account)
    sent = await put_blocks(http, account, url, pieces)
    assert sent.status_code == 200, sent.text
    return list(sent.json()["blocks"])


async def files_of(db: Database, account: Account) -> list[dict[str, Any]]:
    query = {"owner_id": ObjectId(account.user_id), "is_file": True, "deleted": False}
    return [doc async for doc in db["entries"].find(query)]


async def assert_books_balance(db: Database, account: Account) -> None:
    """Usage is exactly the bytes of the files (no history here); every file has its
    history record and no record is left without its file."""
    files = await files_of(db, account)
    used = (await service.usage(db=db, user_id=account.user_id)).used_bytes
    assert used == sum(int(f["size"]) for f in files)
    records = [doc async for doc in db["revisions"].find({"owner_id": ObjectId(account.user_id)})]
    assert sorted(r["entry_id"] for r in records) == sorted(f["_id"] for f in files)


async def test_each_file_of_a_batch_is_refused_or_committed_on_its_own(
    http: httpx.AsyncClient, gql: GraphQLClient, db: Database
) -> None:
    alice, bob = await gql.signup(), await gql.signup()
    await upload(http, alice.token, b"taken already", "taken.txt")
    same = b"same bytes as before"
    await upload(http, alice.token, same, "same.txt")
    made = await gql.data(CREATE_FOLDER, {"name": "docs"}, token=alice.token)
    docs = made["createFolder"]["id"]
    mine = await upload(http, alice.token, b"a file", "file.txt")
    theirs = await gql.data(CREATE_FOLDER, {"name": "bob's"}, token=bob.token)
    pieces = [b"%03d " % n * 250 for n in range(12)] + [same]
    hashes = await staged(http, gql, alice, pieces)
    entries: list[dict[str, Any]] = [
        {"name": "a.txt", "blocks": [hashes[0]]},
        {"name": "taken.txt", "blocks": [hashes[1]]},  # NameTaken
        {"name": "TAKEN.txt", "blocks": [hashes[2]], "autorename": True},  # taken (1).txt
        {"name": "twice.txt", "blocks": [hashes[3]]},
        {"name": "Twice.txt", "blocks": [hashes[4]]},  # taken by the batch itself
        {"name": "b.txt", "blocks": [hashes[5]], "parentId": docs},
        {"name": "c.txt", "blocks": [hashes[6]], "parentId": str(ObjectId())},  # NotFound
        {"name": "d.txt", "blocks": [hashes[7]], "parentId": mine["id"]},  # a file: NotFound
        {"name": "e.txt", "blocks": [hashes[8]], "parentId": theirs["createFolder"]["id"]},
        {"name": "bad/name", "blocks": [hashes[9]]},  # InvalidName
        {"name": "f.txt", "blocks": [hashes[10]], "mode": "OVERWRITE"},  # one by one
        {"name": "file.txt", "blocks": [hashes[11]], "mode": "OVERWRITE"},  # rev 2
        {"name": "same.txt", "blocks": [hashes[12]]},  # the same content: that file
        {"name": "g.txt", "blocks": [hashes[0]], "contentHash": "00" * 32},  # mismatch
    ]
    results = await batch(gql, alice, entries)
    kinds = [r["__typename"] for r in results]
    assert kinds == [
        "File",
        "NameTakenError",
        "File",
        "File",
        "NameTakenError",
        "File",
        "NotFoundError",
        "NotFoundError",
        "NotFoundError",
        "InvalidNameError",
        "File",
        "File",
        "File",
        "ChecksumMismatchError",
    ]
    assert results[2]["name"] == "TAKEN (1).txt"
    assert results[11]["rev"] == 2 and results[12]["rev"] == 1
    assert await download(http, alice, results[5]["id"]) == pieces[5]
    assert await download(http, alice, results[11]["id"]) == pieces[11]
    names = sorted(f["name"] for f in await files_of(db, alice))
    assert names == sorted(
        ["taken.txt", "same.txt", "file.txt", "a.txt", "TAKEN (1).txt", "twice.txt"]
        + ["b.txt", "f.txt"]
    )
    used = (await service.usage(db=db, user_id=alice.user_id)).used_bytes
    current = sum(int(f["size"]) for f in await files_of(db, alice))
    assert used == current + len(b"a file")  # file.txt's first revision is history now


async def test_a_batch_over_the_quota_refuses_only_what_does_not_fit(
    app: Starlette, http: httpx.AsyncClient, gql: GraphQLClient, db: Database
) -> None:
    alice = await gql.signup()
    sizes = [400, 700, 300, 600, 200, 100]
    pieces = [bytes([65 + n]) * size for n, size in enumerate(sizes)]
    hashes = await staged(http, gql, alice, pieces)
    await set_quota(app, db, alice, 1200)
    entries = [{"name": f"f{n}.bin", "blocks": [h]} for n, h in enumerate(hashes)]
    results = await batch(gql, alice, entries)
    kinds = [r["__typename"] for r in results]
    # In order: 400 fits, 700 fits (1100), 300 does not, 600 does not, 200 does not,
    # 100 fits (1200): each file alone, as Dropbox's finish_batch answers them.
    refused = "QuotaExceededError"
    assert kinds == ["File", "File", refused, refused, refused, "File"]
    assert (await service.usage(db=db, user_id=alice.user_id)).used_bytes == 1200
    await assert_books_balance(db, alice)


async def test_history_expires_to_make_room_for_a_batch(
    app: Starlette, http: httpx.AsyncClient, gql: GraphQLClient, db: Database
) -> None:
    alice = await gql.signup()
    await upload(http, alice.token, b"1" * 600, "old.bin")
    await upload(http, alice.token, b"2" * 600, "old.bin", mode="OVERWRITE")  # 600 history
    hashes = await staged(http, gql, alice, [b"x" * 500, b"y" * 500])
    await set_quota(app, db, alice, 1700)
    results = await batch(
        gql, alice, [{"name": f"n{n}", "blocks": [h]} for n, h in enumerate(hashes)]
    )
    assert [r["__typename"] for r in results] == ["File", "File"]
    assert (await service.usage(db=db, user_id=alice.user_id)).used_bytes == 1600
    await assert_books_balance(db, alice)  # the old revision went


async def test_sessions_of_both_kinds_in_one_batch(
    http: httpx.AsyncClient, gql: GraphQLClient, db: Database
) -> None:
    alice = await gql.signup()
    by_block = await start(gql, alice)
    await put_blocks(http, alice, by_block, [b"by block"])
    at_offset = await start(gql, alice)
    sent = await http.patch(
        at_offset, content=b"at an offset", headers={**alice.headers, "Upload-Offset": "0"}
    )
    assert sent.status_code == 200, sent.text
    entries = [
        {"name": "one.txt", "sessionId": by_block.rsplit("/", 1)[1]},
        {"name": "two.txt", "sessionId": at_offset.rsplit("/", 1)[1]},
        {"name": "three.txt", "sessionId": str(ObjectId())},
    ]
    results = await batch(gql, alice, entries)
    assert [r["__typename"] for r in results] == ["File", "File", "NotFoundError"]
    assert await download(http, alice, results[0]["id"]) == b"by block"
    assert await download(http, alice, results[1]["id"]) == b"at an offset"
    again = await batch(gql, alice, entries[:2])  # finished already: the same files
    assert [r["id"] for r in again] == [r["id"] for r in results[:2]]
    await assert_books_balance(db, alice)


async def test_batches_racing_multipart_uploads_never_pass_the_quota(
    app: Starlette, http: httpx.AsyncClient, gql: GraphQLClient, db: Database
) -> None:
    alice = await gql.signup()
    pieces = [hashlib.sha256(b"%d" % n).digest() * (SIZE // 32) for n in range(24)]
    hashes = await staged(http, gql, alice, pieces)
    await set_quota(app, db, alice, 14 * len(pieces[0]))

    async def by_batch(first: int) -> int:
        entries = [{"name": f"b{n}.bin", "blocks": [hashes[n]]} for n in range(first, first + 8)]
        return sum(r["__typename"] == "File" for r in await batch(gql, alice, entries))

    async def by_multipart(n: int) -> int:
        result = await upload(http, alice.token, bytes([48 + n]) * len(pieces[0]), f"m{n}.bin")
        return int(result["__typename"] == "File")

    outcomes = await asyncio.gather(
        by_batch(0), by_multipart(0), by_batch(8), by_multipart(1), by_batch(16), by_multipart(2)
    )
    assert sum(outcomes) == len(await files_of(db, alice)) == 14
    await assert_books_balance(db, alice)


async def test_a_batch_cut_midway_gives_back_what_did_not_go_in(
    http: httpx.AsyncClient,
    gql: GraphQLClient,
    db: Database,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    alice = await gql.signup()
    hashes = await staged(http, gql, alice, [bytes([65 + n]) * SIZE for n in range(6)])
    inserted = store.insert_new_entries

    async def half_then_cut(db: Database, docs: list[store.EntryDoc]) -> list[int]:
        await inserted(db, docs[:3])
        raise ConnectionError("the database went away")  # the batch ends here

    monkeypatch.setattr(store, "insert_new_entries", half_then_cut)
    response = await gql(
        """mutation($entries: [UploadBatchEntry!]!) {
             finishUploadBatch(entries: $entries) { __typename }
           }""",
        {"entries": [{"name": f"f{n}", "blocks": [h]} for n, h in enumerate(hashes)]},
        token=alice.token,
    )
    assert "errors" in response
    monkeypatch.undo()
    # Three whole files went in; the other three left no quota and no history behind.
    assert len(await files_of(db, alice)) == 3
    assert (await service.usage(db=db, user_id=alice.user_id)).used_bytes == 3 * SIZE
    await assert_books_balance(db, alice)


async def test_a_member_batches_into_a_shared_folder_on_its_owners_quota(
    http: httpx.AsyncClient, gql: GraphQLClient, db: Database
) -> None:
    editor = await shared_folder(gql, http, role="EDITOR")
    viewer = await shared_folder(gql, http, role="VIEWER")
    owner_used = (await service.usage(db=db, user_id=editor.owner.user_id)).used_bytes
    pieces = [b"one" * 100, b"two" * 100, b"three" * 100]
    hashes = await staged(http, gql, editor.member, pieces)
    into_mount = [
        {"name": f"m{n}.txt", "blocks": [h], "parentId": editor.mount_id}
        for n, h in enumerate(hashes)
    ]
    results = await batch(gql, editor.member, into_mount)
    assert [r["__typename"] for r in results] == ["File"] * 3
    # The owner pays, and sees the files in the folder they share.
    owner_now = (await service.usage(db=db, user_id=editor.owner.user_id)).used_bytes
    assert owner_now == owner_used + sum(len(p) for p in pieces)
    assert (await service.usage(db=db, user_id=editor.member.user_id)).used_bytes == 0
    assert await download(http, editor.owner, results[2]["id"]) == pieces[2]
    # A viewer may only look: each file is refused.
    hashes = await staged(http, gql, viewer.member, pieces[:2])
    refused = await batch(
        gql,
        viewer.member,
        [
            {"name": f"v{n}", "blocks": [h], "parentId": viewer.mount_id}
            for n, h in enumerate(hashes)
        ],
    )
    assert [r["__typename"] for r in refused] == ["PermissionDeniedError"] * 2
