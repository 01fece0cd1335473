"""Shared folders (issue 14) through HTTP: concurrent shares, leaves and uploads."""

from __future__ import annotations

import asyncio
import os

import httpx
import pytest

from dropbox_lite.core.db import Database
from tests.sharing.folders_helpers import (
    ENTRY,
    LEAVE,
    MOVE,
    call,
    entry,
    members,
    mkdir,
    mount_named,
    names,
    not_found,
    put,
    result_of,
    roles,
    root_id,
    share,
    shared_folder,
    unseen,
    upload,
    wait_for,
)
from tests.support import GraphQLClient, error_codes
from tests.sync.feed import FeedReader

# --- races -----------------------------------------------------------------------------------


async def test_the_same_member_added_twice_at_once_gets_one_mount(
    gql: GraphQLClient, http: httpx.AsyncClient
) -> None:
    owner, bob = await gql.signup(), await gql.signup()
    folder_id = await mkdir(gql, owner, "Projects")
    results = await asyncio.gather(
        *(share(gql, owner, folder_id, bob.username, "EDITOR") for _ in range(4))
    )
    kinds = sorted(r["__typename"] for r in results)
    assert kinds == ["Folder", "InvalidInputError", "InvalidInputError", "InvalidInputError"]
    assert await names(gql, bob) == ["Projects"]
    assert await members(gql, owner, folder_id) == roles((owner, "EDITOR"), (bob, "EDITOR"))


async def test_sharing_a_folder_and_its_subfolder_at_once_never_nests(
    gql: GraphQLClient, http: httpx.AsyncClient
) -> None:
    owner, bob, carol = await gql.signup(), await gql.signup(), await gql.signup()
    pairs: list[tuple[str, str, str]] = []
    for n in range(8):
        folder_id = await mkdir(gql, owner, f"Projects {n}")
        sub = await mkdir(gql, owner, f"sub {n}", folder_id)
        pairs.append((folder_id, sub, await put(http, owner, b"deep", "deep.txt", sub)))
    results = await asyncio.gather(
        *(
            share(gql, owner, folder, account.username, "VIEWER")
            for folder_id, sub, _ in pairs
            for folder, account in ((folder_id, bob), (sub, carol))
        )
    )
    for n, (folder_id, _, deep) in enumerate(pairs):
        outer, inner = results[2 * n], results[2 * n + 1]
        kinds = [outer["__typename"], inner["__typename"]]
        assert kinds.count("Folder") <= 1, (n, outer, inner)
        if "Folder" not in kinds:
            # Both lost the race: nothing may stay half-shared; sharing again works.
            again = await share(gql, owner, folder_id, bob.username, "VIEWER")
            assert again["__typename"] == "Folder", (n, outer, inner, again)
            outer = again
        winner, path = (
            (bob, f"/Projects {n}/sub {n}/deep.txt")
            if outer["__typename"] == "Folder"
            else (carol, f"/sub {n}/deep.txt")
        )
        assert (await entry(gql, winner, id=deep))["path"] == path
        assert await not_found(gql, carol if winner is bob else bob, deep)


async def test_a_member_added_while_the_last_member_leaves_sees_the_folder(
    gql: GraphQLClient, http: httpx.AsyncClient
) -> None:
    owner, bob, carol = await gql.signup(), await gql.signup(), await gql.signup()
    for n in range(4):
        folder_id = await mkdir(gql, owner, f"Projects {n}")
        sub = await mkdir(gql, owner, "sub", folder_id)
        a_id = await put(http, owner, b"a", "a.txt", folder_id)
        b_id = await put(http, owner, b"b", "b.txt", sub)
        assert (await share(gql, owner, folder_id, bob.username, "EDITOR"))["__typename"] == (
            "Folder"
        )
        bob_mount = await mount_named(gql, bob, f"Projects {n}")
        left, added = await asyncio.gather(
            gql(LEAVE, {"folderId": bob_mount}, token=bob.token),
            share(gql, owner, folder_id, carol.username, "EDITOR"),
        )
        assert left == {"data": {"leaveFolder": True}}, left
        assert added["__typename"] == "Folder", added
        mount = await mount_named(gql, carol, f"Projects {n}")
        assert await names(gql, carol, mount) == ["sub", "a.txt"]
        assert await unseen(gql, http, carol, [a_id, sub, b_id]) == []
        assert (await entry(gql, carol, id=b_id))["path"] == f"/Projects {n}/sub/b.txt"
        assert await members(gql, owner, folder_id) == roles((owner, "EDITOR"), (carol, "EDITOR"))


async def test_a_file_being_uploaded_while_its_folder_is_shared_is_shared(
    gql: GraphQLClient, http: httpx.AsyncClient, db: Database
) -> None:
    owner, bob = await gql.signup(), await gql.signup()
    folder_id = await mkdir(gql, owner, "Projects")
    chunks = await db["blobs.chunks"].count_documents({})
    upload_task = asyncio.create_task(
        upload(http, owner, os.urandom(8 * 1024 * 1024), "big.bin", parentId=folder_id)
    )

    async def streaming() -> bool:
        return upload_task.done() or await db["blobs.chunks"].count_documents({}) > chunks

    await wait_for(streaming)
    shared = await share(gql, owner, folder_id, bob.username, "VIEWER")
    uploaded = await upload_task
    assert shared["__typename"] == "Folder" and uploaded["__typename"] == "File"
    mount = await mount_named(gql, bob, "Projects")
    assert await names(gql, bob, mount) == ["big.bin"]
    assert await unseen(gql, http, bob, [uploaded["id"]]) == []
    assert (await entry(gql, bob, id=uploaded["id"]))["shared"] is not None


@pytest.mark.parametrize("uploader", ["owner", "member"])
async def test_a_file_being_uploaded_while_its_folder_leaves_the_share_is_not_shared(
    gql: GraphQLClient, http: httpx.AsyncClient, db: Database, uploader: str
) -> None:
    s = await shared_folder(gql, http, "EDITOR")
    chunks = await db["blobs.chunks"].count_documents({})
    account = s.owner if uploader == "owner" else s.member
    upload_task = asyncio.create_task(
        upload(http, account, os.urandom(8 * 1024 * 1024), "big.bin", parentId=s.sub_id)
    )

    async def streaming() -> bool:
        return upload_task.done() or await db["blobs.chunks"].count_documents({}) > chunks

    await wait_for(streaming)
    out = await result_of(gql, s.owner, MOVE, id=s.sub_id, parentId=await root_id(gql, s.owner))
    assert out["path"] == "/sub", out
    uploaded = await upload_task
    if uploaded["__typename"] == "File":
        # It landed in the owner's private folder: the member must not see it any more.
        body = await call(gql, s.member, ENTRY, id=uploaded["id"])
        assert error_codes(body) == ["NOT_FOUND"], body
        download = await http.get(f"/files/{uploaded['id']}/content", headers=s.member.headers)
        assert download.status_code == 404
        assert (await entry(gql, s.owner, id=uploaded["id"]))["path"] == "/sub/big.bin"
        assert (await entry(gql, s.owner, id=uploaded["id"]))["shared"] is None
        feed = FeedReader(gql, s.member.token)
        await feed.catch_up()
        assert uploaded["id"] not in feed.tree
    assert await names(gql, s.member, s.mount_id) == ["a.txt"]
