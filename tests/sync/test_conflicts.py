from __future__ import annotations

import asyncio
from datetime import UTC, datetime
from typing import Any

import pytest
from bson import ObjectId
from starlette.applications import Starlette

from dropbox_lite.core import errors
from dropbox_lite.core.db import Database
from dropbox_lite.files import service as files_service
from dropbox_lite.sync.service import (
    LocalVersion,
    RemoteVersion,
    SyncDecision,
    detect_conflicts,
    merge_text,
)
from tests.support import Account, GraphQLClient, a_second_later, error_codes
from tests.sync.feed import RESOLVE, multipart, upload

BASE = b"one\ntwo\nthree\nfour\n"
THEIRS = b"ONE\ntwo\nthree\nfour\n"  # another device changed the first line
OURS = b"one\ntwo\nthree\nFOUR\n"  # this device changed the last one


# -- detect_conflicts (pure) ---------------------------------------------------------


@pytest.mark.parametrize(
    ("local", "remote", "expected"),
    [
        (LocalVersion(3, "h3", "h3"), RemoteVersion(3, "h3"), SyncDecision.NO_CHANGE),
        (LocalVersion(3, "h3"), RemoteVersion(3, "h3"), SyncDecision.NO_CHANGE),
        (LocalVersion(3, "new", "h3"), RemoteVersion(3, "h3"), SyncDecision.FAST_FORWARD),
        (LocalVersion(3, "new"), RemoteVersion(3, "h3"), SyncDecision.FAST_FORWARD),
        (LocalVersion(3, "h3", "h3"), RemoteVersion(5, "h5"), SyncDecision.FAST_FORWARD),
        (LocalVersion(3, "h5", "h3"), RemoteVersion(5, "h5"), SyncDecision.SAME_CONTENT),
        (LocalVersion(3, "h5"), RemoteVersion(5, "h5"), SyncDecision.SAME_CONTENT),
        (LocalVersion(3, "mine", "h3"), RemoteVersion(5, "h5"), SyncDecision.CONFLICT),
        (LocalVersion(3, "mine"), RemoteVersion(5, "h5"), SyncDecision.CONFLICT),
    ],
)
def test_detect_conflicts(
    local: LocalVersion, remote: RemoteVersion, expected: SyncDecision
) -> None:
    assert detect_conflicts(local, remote) is expected


def test_merge_text_combines_edits_that_do_not_overlap() -> None:
    assert merge_text(BASE, THEIRS, OURS) == b"ONE\ntwo\nthree\nFOUR\n"
    assert merge_text(BASE, THEIRS, THEIRS) == THEIRS  # the same edit on both sides


@pytest.mark.parametrize(
    ("base", "theirs", "ours"),
    [
        (BASE, THEIRS, b"One!\ntwo\nthree\nfour\n"),  # both changed line one
        (BASE, THEIRS, b"one\x00\ntwo\n"),  # binary upload
        (b"\x89PNG\x00", THEIRS, OURS),  # binary base
        (BASE, b"\xff\xfe bad utf-8\n", OURS),
    ],
)
def test_merge_text_refuses_overlaps_and_binary(base: bytes, theirs: bytes, ours: bytes) -> None:
    with pytest.raises(errors.MergeFailed):
        merge_text(base, theirs, ours)


# -- resolveConflict -------------------------------------------------------------------


async def _conflict(gql: GraphQLClient, account: Account, name: str = "notes.txt") -> str:
    """A file at rev 2 (THEIRS) whose rev-1 edit OURS now conflicts; its id."""
    first = await upload(gql, account.token, name, BASE)
    file_id: str = first["id"]
    second = await upload(gql, account.token, name, THEIRS, mode="UPDATE", parentRev=1)
    assert second["rev"] == 2
    conflict = await upload(gql, account.token, name, OURS, mode="UPDATE", parentRev=1)
    assert conflict["__typename"] == "ConflictError" and conflict["current"]["rev"] == 2
    return file_id


async def _resolve(
    gql: GraphQLClient, account: Account, content: bytes | None, **variables: Any
) -> dict[str, Any]:
    body = await multipart(gql, RESOLVE, variables, token=account.token, content=content)
    assert "errors" not in body, body["errors"]
    result: dict[str, Any] = body["data"]["resolveConflict"]
    return result


async def _content(gql: GraphQLClient, account: Account, file_id: str) -> bytes:
    response = await gql.http.get(f"/files/{file_id}/content", headers=account.headers)
    assert response.status_code == 200
    return response.content


async def test_merge_makes_a_new_revision(gql: GraphQLClient) -> None:
    account = await gql.signup()
    file_id = await _conflict(gql, account)
    result = await _resolve(gql, account, OURS, fileId=file_id, baseRev=1, resolution="MERGE")
    assert result["__typename"] == "ResolvedConflict"
    assert result["file"]["rev"] == 3 and result["conflictedCopy"] is None
    assert await _content(gql, account, file_id) == b"ONE\ntwo\nthree\nFOUR\n"


async def test_merge_of_overlapping_edits_fails_and_changes_nothing(gql: GraphQLClient) -> None:
    account = await gql.signup()
    file_id = await _conflict(gql, account)
    clash = b"One!\ntwo\nthree\nfour\n"
    result = await _resolve(gql, account, clash, fileId=file_id, baseRev=1, resolution="MERGE")
    assert result["__typename"] == "MergeFailedError" and result["code"] == "MERGE_FAILED"
    assert await _content(gql, account, file_id) == THEIRS


async def test_merge_of_a_binary_file_fails(gql: GraphQLClient) -> None:
    account = await gql.signup()
    first = await upload(gql, account.token, "img.png", b"\x89PNG\x00\x01")
    await upload(gql, account.token, "img.png", b"\x89PNG\x00\x02", mode="UPDATE", parentRev=1)
    result = await _resolve(
        gql, account, b"\x89PNG\x00\x03", fileId=first["id"], baseRev=1, resolution="MERGE"
    )
    assert result["__typename"] == "MergeFailedError"
    assert await _content(gql, account, first["id"]) == b"\x89PNG\x00\x02"


async def test_keep_remote_changes_nothing(gql: GraphQLClient) -> None:
    account = await gql.signup()
    file_id = await _conflict(gql, account)
    result = await _resolve(gql, account, None, fileId=file_id, baseRev=1, resolution="KEEP_REMOTE")
    assert result["file"]["rev"] == 2
    assert await _content(gql, account, file_id) == THEIRS


async def test_keep_local_makes_the_upload_current(gql: GraphQLClient) -> None:
    account = await gql.signup()
    file_id = await _conflict(gql, account)
    stale = await _resolve(
        gql, account, OURS, fileId=file_id, baseRev=1, resolution="KEEP_LOCAL", currentRev=1
    )
    assert stale["__typename"] == "ConflictError" and stale["current"]["rev"] == 2
    result = await _resolve(
        gql, account, OURS, fileId=file_id, baseRev=1, resolution="KEEP_LOCAL", currentRev=2
    )
    assert result["file"]["rev"] == 3
    assert await _content(gql, account, file_id) == OURS


async def test_keep_both_saves_a_numbered_conflicted_copy(gql: GraphQLClient) -> None:
    account = await gql.signup()
    file_id = await _conflict(gql, account)
    day = datetime.now(UTC).date().isoformat()
    names = []
    for _ in range(2):
        result = await _resolve(
            gql, account, OURS, fileId=file_id, baseRev=1, resolution="KEEP_BOTH"
        )
        assert result["file"] == {**result["file"], "id": file_id, "rev": 2}
        names.append(result["conflictedCopy"]["name"])
        assert await _content(gql, account, result["conflictedCopy"]["id"]) == OURS
    copy = f"notes ({account.username}'s conflicted copy {day})"
    assert names == [f"{copy}.txt", f"{copy} (1).txt"]
    assert await _content(gql, account, file_id) == THEIRS


async def test_resolve_conflict_bad_input(gql: GraphQLClient) -> None:
    alice = await gql.signup()
    bob = await gql.signup()
    file_id = await _conflict(gql, alice)
    folder = await gql.data(
        'mutation { createFolder(name: "dir") { ... on Folder { id } } }', token=alice.token
    )
    cases: list[tuple[Account, dict[str, Any], bytes | None, str]] = [
        (alice, {"fileId": file_id, "baseRev": 99, "resolution": "MERGE"}, OURS, "NOT_FOUND"),
        (alice, {"fileId": file_id, "baseRev": -1, "resolution": "KEEP_REMOTE"}, None, "NOT_FOUND"),
        (bob, {"fileId": file_id, "baseRev": 1, "resolution": "KEEP_REMOTE"}, None, "NOT_FOUND"),
        (bob, {"fileId": "garbage", "baseRev": 1, "resolution": "KEEP_REMOTE"}, None, "NOT_FOUND"),
        (
            alice,
            {"fileId": folder["createFolder"]["id"], "baseRev": 0, "resolution": "KEEP_LOCAL"},
            OURS,
            "BAD_USER_INPUT",
        ),
        (
            alice,
            {"fileId": file_id, "baseRev": 1, "resolution": "KEEP_LOCAL"},
            None,
            "BAD_USER_INPUT",
        ),
    ]
    for account, variables, content, code in cases:
        body = await multipart(gql, RESOLVE, variables, token=account.token, content=content)
        assert error_codes(body) == [code], (variables, body)
    assert await _content(gql, alice, file_id) == THEIRS


async def test_twenty_concurrent_updates_from_one_rev(gql: GraphQLClient) -> None:
    account = await gql.signup()
    first = await upload(gql, account.token, "race.txt", b"base\n")
    results = await asyncio.gather(
        *(
            upload(
                gql, account.token, "race.txt", f"writer {n}\n".encode(), mode="UPDATE", parentRev=1
            )
            for n in range(20)
        )
    )
    kinds = sorted(result["__typename"] for result in results)
    assert kinds == ["ConflictError"] * 19 + ["File"]
    winner = next(result for result in results if result["__typename"] == "File")
    assert winner["rev"] == 2
    revisions = await gql.data(
        "query($id: ID!) { entry(id: $id) { ... on File { rev revisions { rev } } } }",
        {"id": first["id"]},
        token=account.token,
    )
    assert revisions["entry"]["rev"] == 2
    assert sorted(r["rev"] for r in revisions["entry"]["revisions"]) == [1, 2]


@pytest.mark.parametrize("resolution", ["KEEP_BOTH", "KEEP_LOCAL"])
async def test_resolution_over_quota_stores_nothing(
    app: Starlette, gql: GraphQLClient, db: Database, resolution: str
) -> None:
    account = await gql.signup()
    file_id = await _conflict(gql, account)
    used = (await files_service.usage(db=db, user_id=account.user_id)).used_bytes
    assert used > 0
    # Room for neither a copy nor a larger revision.
    await db["users"].update_one(
        {"_id": ObjectId(account.user_id)}, {"$set": {"quota_bytes": used + 2}}
    )
    a_second_later(app)
    chunks_before = await db["blobs.chunks"].count_documents({})
    big = OURS * 50
    result = await _resolve(gql, account, big, fileId=file_id, baseRev=1, resolution=resolution)
    assert result["__typename"] == "QuotaExceededError" and result["code"] == "QUOTA_EXCEEDED"
    assert await db["blobs.chunks"].count_documents({}) == chunks_before
    assert await _content(gql, account, file_id) == THEIRS
