"""resolveConflict inside a shared folder: the owner's quota pays, not the caller's
(issue 18 item 9), as for every other write there."""

from __future__ import annotations

from typing import Any

import pytest
from bson import ObjectId
from starlette.applications import Starlette

from dropbox_lite.core.db import Database
from dropbox_lite.files import service as files_service
from tests.sharing.folders_helpers import mkdir, mount_named, share
from tests.support import Account, GraphQLClient, a_second_later
from tests.sync.feed import RESOLVE, multipart, upload

BASE = b"one\ntwo\nthree\nfour\n"
THEIRS = b"ONE\ntwo\nthree\nfour\n"
OURS = b"one\ntwo\nthree\nFOUR\n" * 50  # larger than the file: the resolution needs room


async def _shared_conflict(gql: GraphQLClient) -> tuple[Account, Account, str]:
    """An owner's shared file at rev 2 whose rev 1 a member's device changed."""
    owner, member = await gql.signup(), await gql.signup()
    folder_id = await mkdir(gql, owner, "Projects")
    first = await upload(gql, owner.token, "notes.txt", BASE, parentId=folder_id)
    second = await upload(
        gql, owner.token, "notes.txt", THEIRS, parentId=folder_id, mode="UPDATE", parentRev=1
    )
    assert second["rev"] == 2, second
    assert (await share(gql, owner, folder_id, member.username))["__typename"] == "Folder"
    await mount_named(gql, member, "Projects")
    return owner, member, str(first["id"])


async def _resolve(gql: GraphQLClient, member: Account, file_id: str, resolution: str) -> Any:
    variables = {"fileId": file_id, "baseRev": 1, "resolution": resolution}
    body = await multipart(gql, RESOLVE, variables, token=member.token, content=OURS)
    assert "errors" not in body, body["errors"]
    return body["data"]["resolveConflict"]


async def _used(db: Database, account: Account) -> int:
    return (await files_service.usage(db=db, user_id=account.user_id)).used_bytes


async def _set_quota(app: Starlette, db: Database, account: Account, quota_bytes: int) -> None:
    await db["users"].update_one(
        {"_id": ObjectId(account.user_id)}, {"$set": {"quota_bytes": quota_bytes}}
    )
    a_second_later(app)


@pytest.mark.parametrize("resolution", ["KEEP_BOTH", "KEEP_LOCAL"])
async def test_a_member_with_a_full_quota_resolves_in_an_owners_roomy_share(
    app: Starlette, gql: GraphQLClient, db: Database, resolution: str
) -> None:
    owner, member, file_id = await _shared_conflict(gql)
    await _set_quota(app, db, member, 1)  # the member has no room of their own at all
    owner_before = await _used(db, owner)
    result = await _resolve(gql, member, file_id, resolution)
    assert result["__typename"] == "ResolvedConflict", result
    assert await _used(db, member) == 0
    assert await _used(db, owner) > owner_before  # the owner paid


@pytest.mark.parametrize("resolution", ["KEEP_BOTH", "KEEP_LOCAL"])
async def test_a_full_owner_refuses_a_members_resolution(
    app: Starlette, gql: GraphQLClient, db: Database, resolution: str
) -> None:
    owner, member, file_id = await _shared_conflict(gql)
    used = await _used(db, owner)
    await _set_quota(app, db, owner, used + 2)  # no room for the member's larger version
    chunks_before = await db["blobs.chunks"].count_documents({})
    result = await _resolve(gql, member, file_id, resolution)
    assert result["__typename"] == "QuotaExceededError", result
    assert "owner" in result["message"]
    assert await db["blobs.chunks"].count_documents({}) == chunks_before
    assert await _used(db, owner) == used
