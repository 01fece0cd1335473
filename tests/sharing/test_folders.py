"""Shared folders (issue 14) through HTTP: members, roles, mounts, quota, trash and moves."""

from __future__ import annotations

import asyncio
import os
from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from typing import Any

import httpx
import pytest

from dropbox_lite.core.db import Database
from tests.files.helpers import upload_raw
from tests.sharing.folders_helpers import (
    COPY,
    CREATE_FOLDER,
    CREATE_LINK,
    DELETE,
    ENTRY,
    FILE_VIEW,
    LEAVE,
    MEMBERS,
    MOVE,
    PURGE,
    REMOVE,
    RENAME,
    RESTORE,
    RESTORE_REVISION,
    SHARE,
    UPDATE,
    Shared,
    call,
    entry,
    listing,
    members,
    mkdir,
    mount_named,
    names,
    not_found,
    put,
    result_of,
    set_quota,
    share,
    shared_folder,
    state,
    trash_names,
    unseen,
    upload,
    used_bytes,
    wait_for,
)
from tests.sharing.helpers import local
from tests.support import Account, GraphQLClient, error_codes
from tests.sync.feed import FeedReader, multipart

SHARED_LINK = (
    "query($t: String!) { sharedLink(token: $t) { __typename ... on SharedEntry { name } } }"
)
COPY_AS = """
mutation($id: ID!, $parentId: ID!, $name: String) {
  copyEntry(id: $id, parentId: $parentId, name: $name) {
    __typename
    ... on Entry { id name path }
    ... on Error { message code }
  }
}
"""
RESOLVE = """
mutation($file: Upload, $fileId: ID!, $baseRev: Int!, $resolution: ConflictResolution!) {
  resolveConflict(fileId: $fileId, baseRev: $baseRev, resolution: $resolution, file: $file) {
    __typename
  }
}
"""
PAGE = """
query($id: ID, $first: Int, $after: String) {
  folder(id: $id) {
    children(first: $first, after: $after) {
      totalCount pageInfo { hasNextPage endCursor } edges { node { name } }
    }
  }
}
"""
TRASH_PAGE = """
query($after: String) {
  trash(first: 2, after: $after) {
    totalCount pageInfo { hasNextPage endCursor } edges { node { name } }
  }
}
"""
TRASH_PATHS = "{ trash(first: 100) { totalCount edges { node { id name path } } } }"
RESOLVE_FULL = """
mutation($file: Upload, $fileId: ID!, $baseRev: Int!, $resolution: ConflictResolution!) {
  resolveConflict(fileId: $fileId, baseRev: $baseRev, resolution: $resolution, file: $file) {
    __typename
    ... on ResolvedConflict { file { id rev } conflictedCopy { id name } }
    ... on Error { message code }
  }
}
"""
SEARCH = "query($q: String!) { search(query: $q) { id path } }"


def roles(*pairs: tuple[Account, str]) -> list[tuple[str, str, bool]]:
    """The expected `members`: the first pair is the owner, the others sorted by username."""
    (owner, owner_role), *rest = pairs
    listed = [(owner.username, owner_role, True)]
    return listed + sorted((account.username, role, False) for account, role in rest)


def as_tuples(listed: list[dict[str, Any]]) -> list[tuple[str, str, bool]]:
    return [(m["user"]["username"], m["role"], m["isOwner"]) for m in listed]


# --- adding, changing and removing members -------------------------------------------------


async def test_share_mounts_the_folder_in_the_members_root(
    gql: GraphQLClient, http: httpx.AsyncClient
) -> None:
    s = await shared_folder(gql, http, "EDITOR")
    carol = await gql.signup()
    result = await share(gql, s.owner, s.folder_id, carol.username, "VIEWER")
    assert result["__typename"] == "Folder", result
    assert (result["id"], result["name"]) == (s.folder_id, "Projects")
    expected = roles((s.owner, "EDITOR"), (s.member, "EDITOR"), (carol, "VIEWER"))
    assert as_tuples(result["members"]) == expected
    assert as_tuples(result["sharedWith"]) == expected[1:]

    # The mount is the member's own folder: its id is not the owner's.
    assert await names(gql, s.member) == ["Projects"]
    assert s.mount_id != s.folder_id
    assert await members(gql, s.member, s.mount_id) == expected
    carol_mount = await mount_named(gql, carol, "Projects")
    assert len({carol_mount, s.mount_id, s.folder_id}) == 3
    assert await members(gql, carol, carol_mount) == expected
    # The owner's tree gained nothing.
    assert await names(gql, s.owner) == ["Projects"]

    # Same entries with the same ids; parentId and path go through the mount.
    owner_view = [(n["id"], n["name"]) for n in await listing(gql, s.owner, s.folder_id)]
    for account, mount in ((s.member, s.mount_id), (carol, carol_mount)):
        view = await listing(gql, account, mount)
        assert (
            [(n["id"], n["name"]) for n in view]
            == owner_view
            == [
                (s.sub_id, "sub"),
                (s.a_id, "a.txt"),
            ]
        )
        assert {n["parentId"] for n in view} == {mount}
    a_member = await entry(gql, s.member, id=s.a_id)
    assert (a_member["path"], a_member["parentId"]) == ("/Projects/a.txt", s.mount_id)
    assert a_member["shared"] == {
        "ownerUsername": s.owner.username,
        "yourRole": "EDITOR",
        "youOwn": False,
        "folderId": s.mount_id,
    }
    b_carol = await entry(gql, carol, path="/Projects/sub/b.txt")
    assert b_carol["id"] == s.b_id and b_carol["path"] == "/Projects/sub/b.txt"
    assert b_carol["parentId"] == s.sub_id
    assert b_carol["shared"] == {
        "ownerUsername": s.owner.username,
        "yourRole": "VIEWER",
        "youOwn": False,
        "folderId": carol_mount,
    }
    a_owner = await entry(gql, s.owner, id=s.a_id)
    assert (a_owner["path"], a_owner["parentId"]) == ("/Projects/a.txt", s.folder_id)
    assert a_owner["shared"] == {
        "ownerUsername": s.owner.username,
        "yourRole": "EDITOR",
        "youOwn": True,
        "folderId": s.folder_id,
    }


async def test_entries_outside_shared_folders_have_no_members_and_no_shared_info(
    gql: GraphQLClient, http: httpx.AsyncClient
) -> None:
    s = await shared_folder(gql, http, "EDITOR")
    plain = await mkdir(gql, s.owner, "Plain")
    loose = await put(http, s.owner, b"loose", "loose.txt", plain)
    mine = await put(http, s.member, b"mine", "mine.txt")
    data = await gql.data(MEMBERS, {"id": plain}, token=s.owner.token)
    assert data["folder"]["members"] == [] and data["folder"]["sharedWith"] == []
    root = await gql.data(MEMBERS, {"id": None}, token=s.member.token)
    assert root["folder"]["members"] == [] and root["folder"]["sharedWith"] == []
    assert (await entry(gql, s.owner, id=loose))["shared"] is None
    assert (await entry(gql, s.member, id=mine))["shared"] is None


async def test_members_can_read_list_download_see_revisions_and_search(
    gql: GraphQLClient, http: httpx.AsyncClient
) -> None:
    s = await shared_folder(gql, http, "VIEWER")
    view = (await gql.data(FILE_VIEW, {"id": s.a_id}, token=s.member.token))["entry"]
    assert [r["rev"] for r in view["revisions"]] == [2, 1]
    response = await http.get(local(view["downloadUrl"]))
    assert response.status_code == 200 and response.content == b"alpha two!"
    by_token = await http.get(f"/files/{s.b_id}/content", headers=s.member.headers)
    assert by_token.status_code == 200 and by_token.content == b"bravo"
    found = (await gql.data(SEARCH, {"q": "b.tx"}, token=s.member.token))["search"]
    assert found == [{"id": s.b_id, "path": "/Projects/sub/b.txt"}]
    assert "t.txt" in await trash_names(gql, s.member)


async def test_update_member_changes_what_the_member_may_do(
    gql: GraphQLClient, http: httpx.AsyncClient
) -> None:
    s = await shared_folder(gql, http, "VIEWER")
    refused = await upload(http, s.member, b"x", "x.txt", parentId=s.mount_id)
    assert refused["__typename"] == "PermissionDeniedError", refused

    promoted = await result_of(
        gql, s.owner, UPDATE, folderId=s.folder_id, username=s.member.username, role="EDITOR"
    )
    assert promoted["__typename"] == "Folder" and promoted["id"] == s.folder_id, promoted
    assert as_tuples(promoted["members"]) == roles((s.owner, "EDITOR"), (s.member, "EDITOR"))
    assert (await entry(gql, s.member, id=s.a_id))["shared"]["yourRole"] == "EDITOR"
    allowed = await upload(http, s.member, b"x", "x.txt", parentId=s.mount_id)
    assert allowed["__typename"] == "File", allowed

    demoted = await result_of(
        gql, s.owner, UPDATE, folderId=s.folder_id, username=s.member.username, role="VIEWER"
    )
    assert as_tuples(demoted["members"]) == roles((s.owner, "EDITOR"), (s.member, "VIEWER"))
    again = await upload(http, s.member, b"y", "y.txt", parentId=s.mount_id)
    assert again["__typename"] == "PermissionDeniedError", again
    assert await names(gql, s.owner, s.folder_id) == ["sub", "a.txt", "x.txt"]


async def test_update_member_refuses_non_members_the_owner_and_bad_roles(
    gql: GraphQLClient, http: httpx.AsyncClient
) -> None:
    s = await shared_folder(gql, http, "EDITOR")
    stranger = await gql.signup()
    unknown = await result_of(
        gql, s.owner, UPDATE, folderId=s.folder_id, username="nobody-here", role="VIEWER"
    )
    assert unknown["__typename"] == "NotFoundError", unknown
    not_member = await result_of(
        gql, s.owner, UPDATE, folderId=s.folder_id, username=stranger.username, role="VIEWER"
    )
    assert not_member["__typename"] in ("NotFoundError", "InvalidInputError"), not_member
    itself = await result_of(
        gql, s.owner, UPDATE, folderId=s.folder_id, username=s.owner.username, role="VIEWER"
    )
    assert itself["__typename"] in ("NotFoundError", "InvalidInputError"), itself
    bad_role = await call(
        gql, s.owner, UPDATE, folderId=s.folder_id, username=s.member.username, role="OWNER"
    )
    assert "errors" in bad_role and bad_role.get("data") is None, bad_role
    expected = roles((s.owner, "EDITOR"), (s.member, "EDITOR"))
    assert await members(gql, s.owner, s.folder_id) == expected


async def test_share_folder_refuses_bad_input_and_ignores_username_case(
    gql: GraphQLClient, http: httpx.AsyncClient
) -> None:
    owner, bob = await gql.signup(), await gql.signup()
    folder_id = await mkdir(gql, owner, "Projects")
    file_id = await put(http, owner, b"f", "f.txt")
    bad_role = await call(
        gql, owner, SHARE, folderId=folder_id, username=bob.username, role="OWNER"
    )
    assert "errors" in bad_role and bad_role.get("data") is None, bad_role
    for username in ("", " ", "x" * 500, f"{bob.username}\n"):
        odd = await share(gql, owner, folder_id, username, "VIEWER")
        assert odd["__typename"] in ("NotFoundError", "InvalidInputError"), (username, odd)
    a_file = await share(gql, owner, file_id, bob.username, "VIEWER")
    assert a_file["__typename"] in ("NotFoundError", "InvalidInputError"), a_file
    assert await members(gql, owner, folder_id) == []
    assert await names(gql, bob) == []

    # Usernames ignore case, as at sign-in.
    shouted = await share(gql, owner, folder_id, bob.username.upper(), "VIEWER")
    assert shouted["__typename"] == "Folder", shouted
    assert as_tuples(shouted["sharedWith"]) == [(bob.username, "VIEWER", False)]
    assert await names(gql, bob) == ["Projects"]


async def test_remove_member_takes_the_mount_away_and_keeps_everyones_files(
    gql: GraphQLClient, http: httpx.AsyncClient
) -> None:
    s = await shared_folder(gql, http, "EDITOR")
    own_folder = await mkdir(gql, s.member, "Mine")
    own_file = await put(http, s.member, b"mine", "mine.txt", own_folder)
    added = await put(http, s.member, b"by member", "added.txt", s.mount_id)
    view = (await gql.data(FILE_VIEW, {"id": s.a_id}, token=s.member.token))["entry"]
    url, old_url = local(view["downloadUrl"]), local(view["revisions"][1]["downloadUrl"])
    assert (await http.get(old_url)).content == b"alpha one"
    before = await state(gql, s.owner, s.folder_id)

    removed = await gql.data(
        REMOVE, {"folderId": s.folder_id, "username": s.member.username}, token=s.owner.token
    )
    assert removed == {"removeMember": True}
    assert await names(gql, s.member) == ["Mine"]
    for gone in (s.mount_id, s.a_id, s.b_id, s.sub_id, added):
        assert await not_found(gql, s.member, gone), gone
    assert (await entry(gql, s.member, id=own_file))["path"] == "/Mine/mine.txt"
    assert await state(gql, s.owner, s.folder_id) == before
    assert await members(gql, s.owner, s.folder_id) == []
    assert "t.txt" not in await trash_names(gql, s.member)
    response = await http.get(f"/files/{s.a_id}/content", headers=s.member.headers)
    assert response.status_code == 404
    # URLs handed out while a member stop working too.
    assert (await http.get(url)).status_code == 404
    assert (await http.get(old_url)).status_code == 404
    found = await gql.data(SEARCH, {"q": "txt"}, token=s.member.token)
    assert found["search"] == [{"id": own_file, "path": "/Mine/mine.txt"}]
    refused = await upload_raw(http, s.member.token, b"late", "late.txt", parentId=s.mount_id)
    assert error_codes(refused) == ["NOT_FOUND"], refused

    again = await call(gql, s.owner, REMOVE, folderId=s.folder_id, username=s.member.username)
    assert error_codes(again) == ["NOT_FOUND"], again
    # The owner may share it again: a fresh mount.
    back = await share(gql, s.owner, s.folder_id, s.member.username, "VIEWER")
    assert back["__typename"] == "Folder", back
    assert sorted(await names(gql, s.member)) == ["Mine", "Projects"]


async def test_leave_folder_takes_the_mount_away(
    gql: GraphQLClient, http: httpx.AsyncClient
) -> None:
    s = await shared_folder(gql, http, "VIEWER")
    own = await put(http, s.member, b"mine", "mine.txt")
    before = await state(gql, s.owner, s.folder_id)
    owner_leaves = await call(gql, s.owner, LEAVE, folderId=s.folder_id)
    # The contract names INVALID_INPUT; errors[] codes elsewhere say BAD_USER_INPUT.
    assert error_codes(owner_leaves) in (["INVALID_INPUT"], ["BAD_USER_INPUT"]), owner_leaves

    left = await gql.data(LEAVE, {"folderId": s.mount_id}, token=s.member.token)
    assert left == {"leaveFolder": True}
    assert await names(gql, s.member) == ["mine.txt"]
    assert await not_found(gql, s.member, s.a_id)
    assert (await entry(gql, s.member, id=own))["path"] == "/mine.txt"
    assert await members(gql, s.owner, s.folder_id) == []
    assert await state(gql, s.owner, s.folder_id) == before
    again = await call(gql, s.member, LEAVE, folderId=s.mount_id)
    assert error_codes(again) == ["NOT_FOUND"], again


async def test_deleting_the_mount_leaves_the_folder(
    gql: GraphQLClient, http: httpx.AsyncClient
) -> None:
    s = await shared_folder(gql, http, "EDITOR")
    before = await state(gql, s.owner, s.folder_id)
    await result_of(gql, s.member, DELETE, id=s.mount_id)
    assert await names(gql, s.member) == []
    assert await not_found(gql, s.member, s.a_id)
    assert await members(gql, s.owner, s.folder_id) == []
    assert await state(gql, s.owner, s.folder_id) == before
    assert await names(gql, s.owner) == ["Projects"]


async def test_a_member_purging_a_folder_that_holds_the_mount_purges_nothing_of_the_owners(
    gql: GraphQLClient, http: httpx.AsyncClient
) -> None:
    s = await shared_folder(gql, http, "EDITOR")
    work = await mkdir(gql, s.member, "Work")
    kept = await put(http, s.member, b"kept", "kept.txt")
    await result_of(gql, s.member, MOVE, id=s.mount_id, parentId=work)
    before = await state(gql, s.owner, s.folder_id)
    await result_of(gql, s.member, DELETE, id=work)
    assert await state(gql, s.owner, s.folder_id) == before
    assert await gql.data(PURGE, {"id": work}, token=s.member.token) == {"purgeEntry": True}
    assert await state(gql, s.owner, s.folder_id) == before
    assert await members(gql, s.owner, s.folder_id) == []
    assert await names(gql, s.member) == ["kept.txt"]
    assert (await entry(gql, s.member, id=kept))["path"] == "/kept.txt"
    assert await not_found(gql, s.member, s.a_id)


async def test_only_the_owner_manages_members(gql: GraphQLClient, http: httpx.AsyncClient) -> None:
    s = await shared_folder(gql, http, "EDITOR")
    carol, dave = await gql.signup(), await gql.signup()
    assert (await share(gql, s.owner, s.folder_id, carol.username, "VIEWER"))["__typename"] == (
        "Folder"
    )
    expected = roles((s.owner, "EDITOR"), (s.member, "EDITOR"), (carol, "VIEWER"))
    added = await share(gql, s.member, s.mount_id, dave.username, "VIEWER")
    assert added["__typename"] == "PermissionDeniedError", added
    assert added["code"] == "PERMISSION_DENIED"
    changed = await result_of(
        gql, s.member, UPDATE, folderId=s.mount_id, username=carol.username, role="EDITOR"
    )
    assert changed["__typename"] == "PermissionDeniedError", changed
    removed = await call(gql, s.member, REMOVE, folderId=s.mount_id, username=carol.username)
    assert error_codes(removed) == ["PERMISSION_DENIED"], removed
    owner_out = await call(gql, s.member, REMOVE, folderId=s.mount_id, username=s.owner.username)
    assert error_codes(owner_out) == ["PERMISSION_DENIED"], owner_out
    assert await members(gql, s.owner, s.folder_id) == expected
    assert await names(gql, dave) == []


# --- what a VIEWER may not do ----------------------------------------------------------------


@dataclass
class Own:
    """The viewer's own folder and file, and a third user they might share with."""

    folder: str
    file: str
    third: str


Write = Callable[[GraphQLClient, httpx.AsyncClient, Shared, Own], Awaitable[dict[str, Any]]]
Arg = Callable[[Shared, Own], Any]


def gql_write(query: str, **variables: Arg) -> Write:
    async def run(gql: GraphQLClient, _: httpx.AsyncClient, s: Shared, own: Own) -> dict[str, Any]:
        values = {name: make(s, own) for name, make in variables.items()}
        return await call(gql, s.member, query, **values)

    return run


def upload_write(name: str, parent: Callable[[Shared], str], **variables: Any) -> Write:
    async def run(_: GraphQLClient, http: httpx.AsyncClient, s: Shared, own: Own) -> dict[str, Any]:
        return await upload_raw(
            http, s.member.token, b"viewer bytes", name, name=name, parentId=parent(s), **variables
        )

    return run


VIEWER_WRITES: dict[str, Write] = {
    "createFolder in the share": gql_write(
        CREATE_FOLDER, parentId=lambda s, o: s.mount_id, name=lambda s, o: "new"
    ),
    "createFolder in a subfolder": gql_write(
        CREATE_FOLDER, parentId=lambda s, o: s.sub_id, name=lambda s, o: "new"
    ),
    "upload ADD": upload_write("new.txt", lambda s: s.mount_id),
    "upload ADD in a subfolder": upload_write("new.txt", lambda s: s.sub_id),
    "upload ADD autorename": upload_write("a.txt", lambda s: s.mount_id, autorename=True),
    "upload OVERWRITE": upload_write("a.txt", lambda s: s.mount_id, mode="OVERWRITE"),
    "upload UPDATE": upload_write("a.txt", lambda s: s.mount_id, mode="UPDATE", parentRev=2),
    "upload UPDATE autorename": upload_write(
        "a.txt", lambda s: s.mount_id, mode="UPDATE", parentRev=1, autorename=True
    ),
    "rename a file": gql_write(RENAME, id=lambda s, o: s.a_id, name=lambda s, o: "z.txt"),
    "rename a subfolder": gql_write(RENAME, id=lambda s, o: s.sub_id, name=lambda s, o: "z"),
    "move inside the share": gql_write(
        MOVE, id=lambda s, o: s.a_id, parentId=lambda s, o: s.sub_id
    ),
    "move a file out": gql_write(MOVE, id=lambda s, o: s.a_id, parentId=lambda s, o: o.folder),
    "move a subfolder out": gql_write(
        MOVE, id=lambda s, o: s.sub_id, parentId=lambda s, o: o.folder
    ),
    "move own file in": gql_write(MOVE, id=lambda s, o: o.file, parentId=lambda s, o: s.mount_id),
    "move own folder in": gql_write(MOVE, id=lambda s, o: o.folder, parentId=lambda s, o: s.sub_id),
    "copy own file in": gql_write(COPY, id=lambda s, o: o.file, parentId=lambda s, o: s.mount_id),
    "copy inside the share": gql_write(
        COPY, id=lambda s, o: s.a_id, parentId=lambda s, o: s.sub_id
    ),
    "delete a file": gql_write(DELETE, id=lambda s, o: s.a_id),
    "delete a subfolder": gql_write(DELETE, id=lambda s, o: s.sub_id),
    "restore from the share's trash": gql_write(RESTORE, id=lambda s, o: s.trashed_id),
    "purge from the share's trash": gql_write(PURGE, id=lambda s, o: s.trashed_id),
    "purge a live file": gql_write(PURGE, id=lambda s, o: s.a_id),
    "restoreRevision": gql_write(RESTORE_REVISION, id=lambda s, o: s.a_id, rev=lambda s, o: 1),
    "createShareLink on a file": gql_write(CREATE_LINK, id=lambda s, o: s.a_id),
    "createShareLink on a subfolder": gql_write(CREATE_LINK, id=lambda s, o: s.sub_id),
    "createShareLink on the mount": gql_write(CREATE_LINK, id=lambda s, o: s.mount_id),
    "shareFolder the mount": gql_write(
        SHARE,
        folderId=lambda s, o: s.mount_id,
        username=lambda s, o: o.third,
        role=lambda s, o: "VIEWER",
    ),
}
BOOLEAN_WRITES = {"purge from the share's trash", "purge a live file"}


async def root_id(gql: GraphQLClient, account: Account) -> str:
    return str((await gql.data("{ folder { id } }", token=account.token))["folder"]["id"])


@pytest.mark.parametrize("write", sorted(VIEWER_WRITES))
async def test_a_viewer_may_not_write_and_nothing_changes(
    gql: GraphQLClient, http: httpx.AsyncClient, write: str
) -> None:
    s = await shared_folder(gql, http, "VIEWER")
    third = await gql.signup()
    own_folder = await mkdir(gql, s.member, "Mine")
    own = Own(
        own_folder, await put(http, s.member, b"my own", "mine.txt", own_folder), third.username
    )
    viewer_root = await root_id(gql, s.member)
    owner_before = await state(gql, s.owner, s.folder_id)
    viewer_before = await state(gql, s.member, viewer_root)
    feeds = [FeedReader(gql, account.token) for account in (s.owner, s.member, third)]
    for feed in feeds:
        await feed.catch_up()
    read = [len(feed.pages) for feed in feeds]

    body = await VIEWER_WRITES[write](gql, http, s, own)

    if write in BOOLEAN_WRITES:
        assert error_codes(body) == ["PERMISSION_DENIED"], body
    else:
        assert "errors" not in body, body
        (result,) = body["data"].values()
        assert result["__typename"] == "PermissionDeniedError", result
        assert result["code"] == "PERMISSION_DENIED" and result["message"], result
    assert await state(gql, s.owner, s.folder_id) == owner_before
    assert await state(gql, s.member, viewer_root) == viewer_before
    assert await names(gql, third) == []
    for feed, before in zip(feeds, read, strict=True):
        await feed.catch_up()
        assert all(page == [] for page in feed.pages[before:]), feed.pages[before:]


async def test_a_viewer_may_rename_and_move_their_own_mount(
    gql: GraphQLClient, http: httpx.AsyncClient
) -> None:
    s = await shared_folder(gql, http, "VIEWER")
    work = await mkdir(gql, s.member, "Work")
    renamed = await result_of(gql, s.member, RENAME, id=s.mount_id, name="From a friend")
    assert renamed["__typename"] == "Folder" and renamed["name"] == "From a friend", renamed
    moved = await result_of(gql, s.member, MOVE, id=s.mount_id, parentId=work)
    assert moved["__typename"] == "Folder" and moved["path"] == "/Work/From a friend", moved
    assert (await entry(gql, s.member, id=s.b_id))["path"] == "/Work/From a friend/sub/b.txt"
    assert await names(gql, s.owner) == ["Projects"]


async def test_a_viewer_may_copy_out_into_their_own_tree(
    gql: GraphQLClient, http: httpx.AsyncClient
) -> None:
    s = await shared_folder(gql, http, "VIEWER")
    owner_before = await state(gql, s.owner, s.folder_id)
    root = await root_id(gql, s.member)
    copied = await result_of(gql, s.member, COPY, id=s.sub_id, parentId=root)
    assert copied["__typename"] == "Folder" and copied["path"] == "/sub", copied
    b_copy = await entry(gql, s.member, path="/sub/b.txt")
    assert b_copy["id"] != s.b_id and b_copy["shared"] is None
    assert await used_bytes(gql, s.member) == len(b"bravo")
    assert await state(gql, s.owner, s.folder_id) == owner_before
    assert await not_found(gql, s.owner, b_copy["id"])


async def test_a_mount_is_renamed_like_any_folder_of_the_members(
    gql: GraphQLClient, http: httpx.AsyncClient
) -> None:
    s = await shared_folder(gql, http, "VIEWER")
    await mkdir(gql, s.member, "Taken")
    taken = await result_of(gql, s.member, RENAME, id=s.mount_id, name="TAKEN")
    assert taken["__typename"] == "NameTakenError", taken
    for bad in ("", "a/b", ".."):
        invalid = await result_of(gql, s.member, RENAME, id=s.mount_id, name=bad)
        assert invalid["__typename"] == "InvalidNameError", (bad, invalid)
    await result_of(gql, s.member, RENAME, id=s.mount_id, name="Renamed")
    found = await gql.data(SEARCH, {"q": "b.txt"}, token=s.member.token)
    assert found["search"] == [{"id": s.b_id, "path": "/Renamed/sub/b.txt"}]
    assert (await entry(gql, s.member, path="/Renamed/sub"))["id"] == s.sub_id
    assert await names(gql, s.owner) == ["Projects"]
    stranger = await gql.signup()
    assert (await gql.data(SEARCH, {"q": "txt"}, token=stranger.token))["search"] == []


# --- what an EDITOR may do -------------------------------------------------------------------


async def test_an_editor_writes_everything_but_purges_nothing(
    gql: GraphQLClient, http: httpx.AsyncClient
) -> None:
    s = await shared_folder(gql, http, "EDITOR")
    ed = s.member
    new_dir = await result_of(gql, ed, CREATE_FOLDER, parentId=s.mount_id, name="new")
    assert new_dir["__typename"] == "Folder" and new_dir["path"] == "/Projects/new", new_dir
    assert (await entry(gql, s.owner, id=new_dir["id"]))["path"] == "/Projects/new"

    added = await upload(http, ed, b"added", "added.txt", parentId=new_dir["id"])
    assert added["__typename"] == "File" and added["path"] == "/Projects/new/added.txt", added
    over = await upload(http, ed, b"alpha three", "a.txt", parentId=s.mount_id, mode="OVERWRITE")
    assert (over["__typename"], over["id"], over["rev"]) == ("File", s.a_id, 3), over
    upd = await upload(
        http, ed, b"alpha four", "a.txt", parentId=s.mount_id, mode="UPDATE", parentRev=3
    )
    assert (upd["__typename"], upd["rev"]) == ("File", 4), upd
    stale = await upload(
        http, ed, b"alpha stale", "a.txt", parentId=s.mount_id, mode="UPDATE", parentRev=3
    )
    assert stale["__typename"] == "ConflictError", stale
    renamed_copy = await upload(http, ed, b"other", "a.txt", parentId=s.mount_id, autorename=True)
    assert renamed_copy["name"] == "a (1).txt", renamed_copy

    renamed = await result_of(gql, ed, RENAME, id=s.b_id, name="b2.txt")
    assert renamed["__typename"] == "File" and renamed["path"] == "/Projects/sub/b2.txt", renamed
    moved = await result_of(gql, ed, MOVE, id=s.a_id, parentId=s.sub_id)
    assert (moved["__typename"], moved["id"]) == ("File", s.a_id), moved
    assert (await entry(gql, s.owner, id=s.a_id))["path"] == "/Projects/sub/a.txt"
    copied = await result_of(gql, ed, COPY, id=s.b_id, parentId=s.mount_id)
    assert copied["__typename"] == "File" and copied["id"] != s.b_id, copied
    assert copied["path"] == "/Projects/b2.txt"

    deleted = await result_of(gql, ed, DELETE, id=copied["id"])
    assert deleted["trashed"] is True, deleted
    assert "b2.txt" in await trash_names(gql, s.owner)
    restored = await result_of(gql, ed, RESTORE, id=copied["id"])
    assert restored["trashed"] is False and restored["path"] == "/Projects/b2.txt", restored
    back = await result_of(gql, ed, RESTORE_REVISION, id=s.a_id, rev=1)
    assert (back["__typename"], back["rev"]) == ("File", 5), back
    owner_a = await entry(gql, s.owner, id=s.a_id)
    assert owner_a["contentHash"] == back["contentHash"] and owner_a["size"] == len(b"alpha one")

    link = await result_of(gql, ed, CREATE_LINK, id=s.a_id)
    assert link["__typename"] == "ShareLinkCreated", link
    seen = await gql.data(SHARED_LINK, {"t": link["token"]})
    assert seen["sharedLink"] == {"__typename": "SharedEntry", "name": "a.txt"}

    purge = await call(gql, ed, PURGE, id=s.trashed_id)
    assert error_codes(purge) == ["PERMISSION_DENIED"], purge
    assert "t.txt" in await trash_names(gql, s.owner)
    assert await gql.data(PURGE, {"id": s.trashed_id}, token=s.owner.token) == {"purgeEntry": True}
    assert "t.txt" not in await trash_names(gql, ed)


async def test_an_editors_uploads_count_against_the_owners_quota(
    gql: GraphQLClient, http: httpx.AsyncClient, db: Database
) -> None:
    s = await shared_folder(gql, http, "EDITOR")
    ed = s.member
    spare = await put(http, ed, b"s" * 300, "spare.bin")
    owner_used = await used_bytes(gql, s.owner)
    editor_used = await used_bytes(gql, ed)
    assert editor_used == 300

    await put(http, ed, b"e" * 1000, "big.bin", s.mount_id)
    assert await used_bytes(gql, s.owner) == owner_used + 1000
    assert await used_bytes(gql, ed) == editor_used

    # The editor's own quota is not what counts inside the share.
    await set_quota(db, ed.user_id, editor_used + 10)
    await put(http, ed, b"f" * 500, "more.bin", s.mount_id)
    own = await upload(http, ed, b"g" * 500, "own.bin")
    assert own["__typename"] == "QuotaExceededError", own
    owner_used += 1500
    assert await used_bytes(gql, s.owner) == owner_used

    # Over the owner's quota: refused, nothing stored. (Old revisions may expire to make
    # room, files/quota.py: the owner's history is not compared.)
    await set_quota(db, s.owner.user_id, owner_used + 100)
    before = await state(gql, s.owner, s.folder_id)
    del before["revisions"], before["used"]
    revisions = await db["revisions"].count_documents({})
    too_big = await upload(http, ed, b"h" * 200, "toobig.bin", parentId=s.mount_id)
    assert too_big["__typename"] == "QuotaExceededError", too_big
    overwrite = await upload(http, ed, b"i" * 200, "a.txt", parentId=s.mount_id, mode="OVERWRITE")
    assert overwrite["__typename"] == "QuotaExceededError", overwrite
    copy = await result_of(gql, ed, COPY, id=spare, parentId=s.mount_id)
    assert copy["__typename"] == "QuotaExceededError", copy
    after = await state(gql, s.owner, s.folder_id)
    assert await used_bytes(gql, s.owner) <= owner_used
    del after["revisions"], after["used"]
    assert after == before
    assert await db["revisions"].count_documents({}) <= revisions
    used_now = await used_bytes(gql, s.owner)
    fits = await upload(http, ed, b"j" * 50, "fits.bin", parentId=s.mount_id)
    assert fits["__typename"] == "File", fits
    assert await used_bytes(gql, s.owner) == used_now + 50
    assert await used_bytes(gql, ed) == editor_used


async def test_an_editors_conflict_resolution_is_the_owners_and_counts_against_their_quota(
    gql: GraphQLClient, http: httpx.AsyncClient, db: Database
) -> None:
    s = await shared_folder(gql, http, "EDITOR")
    variables = {"fileId": s.a_id, "baseRev": 1, "resolution": "KEEP_BOTH"}
    kept = await multipart(gql, RESOLVE_FULL, variables, token=s.member.token, content=b"e" * 40)
    resolved = kept["data"]["resolveConflict"]
    assert resolved["__typename"] == "ResolvedConflict", kept
    copy = resolved["conflictedCopy"]
    assert copy["name"].startswith(f"a ({s.member.username}'s conflicted copy "), copy
    assert (await entry(gql, s.owner, id=copy["id"]))["path"] == f"/Projects/{copy['name']}"
    await set_quota(db, s.owner.user_id, await used_bytes(gql, s.owner) + 10)
    before = await state(gql, s.owner, s.folder_id)
    del before["revisions"], before["used"]
    refused = await multipart(
        gql,
        RESOLVE_FULL,
        {**variables, "resolution": "KEEP_LOCAL"},
        token=s.member.token,
        content=b"f" * 40,
    )
    assert refused["data"]["resolveConflict"]["__typename"] == "QuotaExceededError", refused
    after = await state(gql, s.owner, s.folder_id)
    del after["revisions"], after["used"]
    assert after == before


# --- mounts: names, renames, nesting ---------------------------------------------------------


async def test_a_mount_takes_a_free_name_in_the_members_root(
    gql: GraphQLClient, http: httpx.AsyncClient
) -> None:
    owner, other, bob = await gql.signup(), await gql.signup(), await gql.signup()
    mine = await mkdir(gql, bob, "Projects")
    first = await mkdir(gql, owner, "Projects")
    a_id = await put(http, owner, b"a", "a.txt", first)
    second = await mkdir(gql, other, "projects")
    assert (await share(gql, owner, first, bob.username, "VIEWER"))["__typename"] == "Folder"
    assert (await share(gql, other, second, bob.username, "EDITOR"))["__typename"] == "Folder"
    assert sorted(await names(gql, bob)) == ["Projects", "Projects (1)", "projects (2)"]
    assert await mount_named(gql, bob, "Projects") == mine
    mount = await mount_named(gql, bob, "Projects (1)")
    assert (await entry(gql, bob, id=a_id))["path"] == "/Projects (1)/a.txt"
    assert (await entry(gql, bob, path="/Projects (1)/a.txt"))["id"] == a_id
    assert (await entry(gql, bob, id=a_id))["parentId"] == mount
    assert await names(gql, owner) == ["Projects"] and await names(gql, other) == ["projects"]


async def test_a_member_renaming_or_moving_the_mount_changes_nothing_for_others(
    gql: GraphQLClient, http: httpx.AsyncClient
) -> None:
    s = await shared_folder(gql, http, "EDITOR")
    carol = await gql.signup()
    await share(gql, s.owner, s.folder_id, carol.username, "VIEWER")
    work = await mkdir(gql, s.member, "Work")
    renamed = await result_of(gql, s.member, RENAME, id=s.mount_id, name="Theirs")
    assert renamed["__typename"] == "Folder" and renamed["path"] == "/Theirs", renamed
    moved = await result_of(gql, s.member, MOVE, id=s.mount_id, parentId=work)
    assert moved["path"] == "/Work/Theirs", moved
    a_member = await entry(gql, s.member, id=s.a_id)
    assert (a_member["path"], a_member["parentId"]) == ("/Work/Theirs/a.txt", s.mount_id)

    assert await names(gql, s.owner) == ["Projects"]
    assert (await entry(gql, s.owner, id=s.a_id))["path"] == "/Projects/a.txt"
    assert await names(gql, carol) == ["Projects"]
    assert (await entry(gql, carol, id=s.a_id))["path"] == "/Projects/a.txt"
    # Still the shared folder: writes through the moved mount land in it.
    added = await upload(http, s.member, b"n", "n.txt", parentId=s.mount_id)
    assert added["path"] == "/Work/Theirs/n.txt", added
    assert (await entry(gql, s.owner, id=added["id"]))["path"] == "/Projects/n.txt"
    assert (await entry(gql, carol, id=added["id"]))["path"] == "/Projects/n.txt"


async def test_nested_sharing_is_refused(gql: GraphQLClient, http: httpx.AsyncClient) -> None:
    s = await shared_folder(gql, http, "EDITOR")
    owner, bob = s.owner, s.member
    carol = await gql.signup()
    outer = await mkdir(gql, owner, "Outer")
    inner = await mkdir(gql, owner, "Inner", outer)
    assert (await share(gql, owner, inner, bob.username, "VIEWER"))["__typename"] == "Folder"
    root = (await gql.data("{ folder { id } }", token=owner.token))["folder"]["id"]
    holder = await mkdir(gql, bob, "Holder")
    await result_of(gql, bob, MOVE, id=s.mount_id, parentId=holder)

    refused = {
        "a folder inside a shared folder": (owner, s.sub_id, carol.username),
        "a folder containing a shared folder": (owner, outer, carol.username),
        "the root": (owner, root, carol.username),
        "yourself": (owner, s.folder_id, owner.username),
        "someone already a member": (owner, s.folder_id, bob.username),
        "a folder containing a mount": (bob, holder, carol.username),
    }
    for why, (account, folder_id, username) in refused.items():
        result = await share(gql, account, folder_id, username, "VIEWER")
        assert result["__typename"] == "InvalidInputError", (why, result)
        assert result["code"] == "INVALID_INPUT", (why, result)
    assert await members(gql, owner, s.folder_id) == roles((owner, "EDITOR"), (bob, "EDITOR"))
    assert await members(gql, owner, outer) == []
    assert await members(gql, bob, holder) == []
    assert await names(gql, carol) == []

    # An unknown username reads exactly like a folder that is not yours.
    unknown_user = await share(gql, owner, s.folder_id, "no-such-user", "VIEWER")
    stranger = await mkdir(gql, carol, "Carols")
    not_yours = await share(gql, owner, stranger, bob.username, "VIEWER")
    assert unknown_user["__typename"] == not_yours["__typename"] == "NotFoundError"
    assert unknown_user["message"] == not_yours["message"]
    assert unknown_user["code"] == not_yours["code"] == "NOT_FOUND"


async def test_moves_may_not_nest_shared_folders(
    gql: GraphQLClient, http: httpx.AsyncClient
) -> None:
    s = await shared_folder(gql, http, "EDITOR")
    other = await mkdir(gql, s.owner, "Other")
    carol = await gql.signup()
    assert (await share(gql, s.owner, other, carol.username, "EDITOR"))["__typename"] == "Folder"
    second = await gql.signup()
    theirs = await mkdir(gql, second, "Theirs")
    assert (await share(gql, second, theirs, s.member.username, "EDITOR"))["__typename"] == (
        "Folder"
    )
    theirs_mount = await mount_named(gql, s.member, "Theirs")
    before = await state(gql, s.owner, s.folder_id)
    attempts = [
        (s.owner, other, s.folder_id),  # a shared folder into another
        (s.owner, s.folder_id, other),
        (s.member, s.mount_id, theirs_mount),  # a mount into a shared folder
    ]
    for account, moving, target in attempts:
        result = await result_of(gql, account, MOVE, id=moving, parentId=target)
        assert result["__typename"] not in ("Folder", "File"), (moving, target, result)
        assert "code" in result, result
    assert await state(gql, s.owner, s.folder_id) == before
    assert await names(gql, s.owner) == ["Other", "Projects"]
    assert await names(gql, s.member, theirs_mount) == []


async def test_listing_a_mount_pages_and_paths_ignore_case(
    gql: GraphQLClient, http: httpx.AsyncClient
) -> None:
    s = await shared_folder(gql, http, "VIEWER")
    for n in range(4):
        await put(http, s.owner, b"n", f"n{n}.txt", s.folder_id)
    seen: list[str] = []
    after = None
    while True:
        page = await gql.data(
            PAGE, {"id": s.mount_id, "first": 2, "after": after}, token=s.member.token
        )
        children = page["folder"]["children"]
        assert children["totalCount"] == 6
        seen += [edge["node"]["name"] for edge in children["edges"]]
        if not children["pageInfo"]["hasNextPage"]:
            break
        after = children["pageInfo"]["endCursor"]
    assert seen == ["sub", "a.txt", "n0.txt", "n1.txt", "n2.txt", "n3.txt"]
    found = await entry(gql, s.member, path="/projects/SUB/B.txt")
    assert (found["id"], found["path"]) == (s.b_id, "/Projects/sub/b.txt")


async def test_a_members_trash_pages_over_their_own_and_the_shared_entries(
    gql: GraphQLClient, http: httpx.AsyncClient
) -> None:
    s = await shared_folder(gql, http, "EDITOR")
    for n in range(3):
        mine = await put(http, s.member, b"m", f"mine{n}.txt")
        await result_of(gql, s.member, DELETE, id=mine)
        theirs = await put(http, s.owner, b"t", f"shared{n}.txt", s.folder_id)
        await result_of(gql, s.member, DELETE, id=theirs)
    seen: list[str] = []
    after = None
    while True:
        page = await gql.data(TRASH_PAGE, {"after": after}, token=s.member.token)
        trash = page["trash"]
        assert trash["totalCount"] == 7
        seen += [edge["node"]["name"] for edge in trash["edges"]]
        if not trash["pageInfo"]["hasNextPage"]:
            break
        after = trash["pageInfo"]["endCursor"]
    assert sorted(seen) == sorted(
        [f"mine{n}.txt" for n in range(3)] + [f"shared{n}.txt" for n in range(3)] + ["t.txt"]
    )
    assert await trash_names(gql, s.owner) == sorted(
        ["t.txt"] + [f"shared{n}.txt" for n in range(3)]
    )


async def test_the_owner_moving_the_shared_folder_changes_nothing_for_members(
    gql: GraphQLClient, http: httpx.AsyncClient
) -> None:
    s = await shared_folder(gql, http, "EDITOR")
    archive = await mkdir(gql, s.owner, "Archive")
    moved = await result_of(gql, s.owner, MOVE, id=s.folder_id, parentId=archive)
    assert moved["path"] == "/Archive/Projects", moved
    assert (await entry(gql, s.owner, id=s.b_id))["path"] == "/Archive/Projects/sub/b.txt"
    assert (await entry(gql, s.member, id=s.b_id))["path"] == "/Projects/sub/b.txt"
    assert await members(gql, s.owner, s.folder_id) == roles(
        (s.owner, "EDITOR"), (s.member, "EDITOR")
    )
    added = await put(http, s.member, b"still", "still.txt", s.mount_id)
    assert (await entry(gql, s.owner, id=added))["path"] == "/Archive/Projects/still.txt"


# --- trash, moves across the boundary, links -------------------------------------------------


async def test_the_trash_of_a_shared_folder_is_every_members(
    gql: GraphQLClient, http: httpx.AsyncClient
) -> None:
    s = await shared_folder(gql, http, "EDITOR")
    carol = await gql.signup()
    await share(gql, s.owner, s.folder_id, carol.username, "VIEWER")
    for account in (s.owner, s.member, carol):
        assert await trash_names(gql, account) == ["t.txt"]
    await result_of(gql, s.member, DELETE, id=s.a_id)
    await result_of(gql, s.owner, DELETE, id=s.sub_id)
    for account in (s.owner, s.member, carol):
        assert await trash_names(gql, account) == ["a.txt", "sub", "t.txt"], account
        assert await not_found(gql, account, s.b_id)
    back = await result_of(gql, s.owner, RESTORE, id=s.a_id)
    assert back["trashed"] is False
    assert (await entry(gql, s.member, id=s.a_id))["path"] == "/Projects/a.txt"
    revived = await result_of(gql, s.member, RESTORE, id=s.sub_id)
    assert revived["__typename"] == "Folder", revived
    assert (await entry(gql, carol, id=s.b_id))["path"] == "/Projects/sub/b.txt"
    assert (await entry(gql, s.owner, id=s.b_id))["path"] == "/Projects/sub/b.txt"
    for account in (s.owner, s.member, carol):
        assert await trash_names(gql, account) == ["t.txt"]
    # A member's own trash stays theirs.
    mine = await put(http, s.member, b"mine", "mine.txt")
    await result_of(gql, s.member, DELETE, id=mine)
    assert await trash_names(gql, s.member) == ["mine.txt", "t.txt"]
    assert await trash_names(gql, s.owner) == ["t.txt"]


async def test_a_members_trash_never_shows_the_shared_folder_itself(
    gql: GraphQLClient, http: httpx.AsyncClient
) -> None:
    s = await shared_folder(gql, http, "EDITOR")
    private = await mkdir(gql, s.owner, "Private Stuff")
    await result_of(gql, s.owner, MOVE, id=s.folder_id, parentId=private)
    await result_of(gql, s.owner, DELETE, id=s.folder_id)
    data = await gql.data(TRASH_PATHS, token=s.member.token)
    listed = data["trash"]["edges"]
    # A member never sees the shared folder's own id, nor where the owner keeps it.
    assert s.folder_id not in {edge["node"]["id"] for edge in listed}, listed
    assert "Private Stuff" not in str(listed), listed
    assert data["trash"]["totalCount"] == len(listed)


async def test_a_member_moves_across_the_boundary_by_copy_then_delete(
    gql: GraphQLClient, http: httpx.AsyncClient
) -> None:
    s = await shared_folder(gql, http, "EDITOR")
    mine = await mkdir(gql, s.member, "Mine")
    own = await put(http, s.member, b"own bytes", "own.txt", mine)
    owner_used = await used_bytes(gql, s.owner)

    moved_in = await result_of(gql, s.member, MOVE, id=own, parentId=s.mount_id)
    assert moved_in["__typename"] == "File" and moved_in["path"] == "/Projects/own.txt", moved_in
    assert await names(gql, s.member, mine) == []
    assert "own.txt" in await names(gql, s.owner, s.folder_id)
    assert await used_bytes(gql, s.owner) == owner_used + len(b"own bytes")

    moved_out = await result_of(gql, s.member, MOVE, id=s.a_id, parentId=mine)
    assert moved_out["__typename"] == "File" and moved_out["path"] == "/Mine/a.txt", moved_out
    assert "a.txt" not in await names(gql, s.owner, s.folder_id)
    assert await names(gql, s.member, mine) == ["a.txt"]
    out_id = moved_out["id"]
    assert (await entry(gql, s.member, id=out_id))["shared"] is None
    assert await not_found(gql, s.owner, out_id)
    download = await http.get(f"/files/{out_id}/content", headers=s.member.headers)
    assert download.content == b"alpha two!"


async def test_a_move_across_the_boundary_that_cannot_copy_deletes_nothing(
    gql: GraphQLClient, http: httpx.AsyncClient
) -> None:
    s = await shared_folder(gql, http, "EDITOR")
    mine = await mkdir(gql, s.member, "Mine")
    await put(http, s.member, b"mine", "a.txt", mine)
    own = await put(http, s.member, b"own", "sub", mine)
    owner_before = await state(gql, s.owner, s.folder_id)
    member_before = await state(gql, s.member, mine)
    out = await result_of(gql, s.member, MOVE, id=s.a_id, parentId=mine)
    assert out["__typename"] == "NameTakenError", out
    into = await result_of(gql, s.member, MOVE, id=own, parentId=s.mount_id)
    assert into["__typename"] == "NameTakenError", into
    assert await state(gql, s.owner, s.folder_id) == owner_before
    assert await state(gql, s.member, mine) == member_before


@pytest.mark.parametrize("direction", ["out, over the member's quota", "in, over the owner's"])
async def test_a_move_across_the_boundary_over_quota_is_a_quota_error_and_deletes_nothing(
    gql: GraphQLClient, http: httpx.AsyncClient, db: Database, direction: str
) -> None:
    s = await shared_folder(gql, http, "EDITOR")
    mine = await mkdir(gql, s.member, "Mine")
    own = await put(http, s.member, b"x" * 100, "x.txt", mine)
    if direction.startswith("out"):
        await set_quota(db, s.member.user_id, await used_bytes(gql, s.member))
        moving, target = s.a_id, mine
    else:
        await set_quota(db, s.owner.user_id, await used_bytes(gql, s.owner))
        moving, target = own, s.mount_id
    owner_before = await state(gql, s.owner, s.folder_id)
    member_before = await state(gql, s.member, mine)
    body = await call(gql, s.member, MOVE, id=moving, parentId=target)
    assert await state(gql, s.owner, s.folder_id) == owner_before
    assert await state(gql, s.member, mine) == member_before
    # A normal outcome of a move that copies: a member of the result union (API.md).
    assert "errors" not in body, body
    assert body["data"]["moveEntry"]["__typename"] == "QuotaExceededError", body


async def test_the_owner_moves_in_and_out_of_a_shared_folder_for_real(
    gql: GraphQLClient, http: httpx.AsyncClient
) -> None:
    s = await shared_folder(gql, http, "VIEWER")
    loose = await put(http, s.owner, b"loose", "loose.txt")
    moved_in = await result_of(gql, s.owner, MOVE, id=loose, parentId=s.folder_id)
    assert (moved_in["__typename"], moved_in["id"]) == ("File", loose), moved_in
    seen = await entry(gql, s.member, id=loose)
    assert (seen["path"], seen["parentId"]) == ("/Projects/loose.txt", s.mount_id)

    moved_out = await result_of(gql, s.owner, MOVE, id=s.b_id, parentId=moved_in["parentId"])
    assert moved_out["id"] == s.b_id and moved_out["path"] == "/Projects/b.txt"
    root = (await gql.data("{ folder { id } }", token=s.owner.token))["folder"]["id"]
    out = await result_of(gql, s.owner, MOVE, id=s.b_id, parentId=root)
    assert (out["id"], out["path"]) == (s.b_id, "/b.txt"), out
    assert await not_found(gql, s.member, s.b_id)
    assert (await entry(gql, s.owner, id=s.b_id))["shared"] is None


async def test_links_inside_a_shared_folder_outlive_a_removed_member(
    gql: GraphQLClient, http: httpx.AsyncClient
) -> None:
    s = await shared_folder(gql, http, "EDITOR")
    by_owner = await result_of(gql, s.owner, CREATE_LINK, id=s.a_id)
    by_editor = await result_of(gql, s.member, CREATE_LINK, id=s.sub_id)
    assert by_owner["__typename"] == by_editor["__typename"] == "ShareLinkCreated"
    await gql.data(
        REMOVE, {"folderId": s.folder_id, "username": s.member.username}, token=s.owner.token
    )
    seen = await gql.data(SHARED_LINK, {"t": by_owner["token"]})
    assert seen["sharedLink"] == {"__typename": "SharedEntry", "name": "a.txt"}


# --- someone else's folder ids in every new argument -----------------------------------------


async def test_other_users_folder_ids_are_not_found_in_every_new_argument(
    gql: GraphQLClient, http: httpx.AsyncClient
) -> None:
    s = await shared_folder(gql, http, "EDITOR")
    stranger, dave, erin = await gql.signup(), await gql.signup(), await gql.signup()
    daves = await mkdir(gql, dave, "Daves")
    dave_file = await put(http, dave, b"d", "d.txt", daves)
    assert (await share(gql, dave, daves, erin.username, "EDITOR"))["__typename"] == "Folder"
    erin_mount = await mount_named(gql, erin, "Daves")
    foreign = {
        "the owner's shared folder": s.folder_id,
        "a member's mount": s.mount_id,
        "a folder inside the share": s.sub_id,
        "a file inside the share": s.a_id,
        "a folder shared with someone else": daves,
        "the mount of someone else": erin_mount,
        "a file shared with someone else": dave_file,
        "no such id": "0" * 24,
        "not an id": "not-an-id",
    }
    asked: list[tuple[Account, str, str]] = [(stranger, k, v) for k, v in foreign.items()]
    asked += [
        (s.member, k, foreign[k])
        for k in (
            "a folder shared with someone else",
            "the mount of someone else",
            "a file shared with someone else",
            "no such id",
            "not an id",
        )
    ]
    for account, what, folder_id in asked:
        where = (account.username, what)
        for role in ("EDITOR", "VIEWER"):
            shared = await share(gql, account, folder_id, erin.username, role)
            assert shared["__typename"] == "NotFoundError", (where, shared)
            updated = await result_of(
                gql, account, UPDATE, folderId=folder_id, username=s.member.username, role=role
            )
            assert updated["__typename"] == "NotFoundError", (where, updated)
        removed = await call(gql, account, REMOVE, folderId=folder_id, username=erin.username)
        assert error_codes(removed) == ["NOT_FOUND"], (where, removed)
        left = await call(gql, account, LEAVE, folderId=folder_id)
        assert error_codes(left) == ["NOT_FOUND"], (where, left)
        listed = await call(gql, account, MEMBERS, id=folder_id)
        assert error_codes(listed) == ["NOT_FOUND"], (where, listed)

    # The owner addresses the share by its folder; a member's mount is the member's.
    carol = await gql.signup()
    for body in (
        await call(
            gql, s.owner, SHARE, folderId=s.mount_id, username=carol.username, role="VIEWER"
        ),
        await call(
            gql, s.owner, UPDATE, folderId=s.mount_id, username=s.member.username, role="VIEWER"
        ),
    ):
        (result,) = body["data"].values()
        assert result["__typename"] == "NotFoundError", body
    for body in (
        await call(gql, s.owner, REMOVE, folderId=s.mount_id, username=s.member.username),
        await call(gql, s.owner, LEAVE, folderId=s.mount_id),
    ):
        assert error_codes(body) == ["NOT_FOUND"], body
    # The member addresses the share by their mount; the owner's folder id is not theirs.
    for body in (
        await call(gql, s.member, LEAVE, folderId=s.folder_id),
        await call(gql, s.member, MEMBERS, id=s.folder_id),
    ):
        assert error_codes(body) == ["NOT_FOUND"], body
    assert await members(gql, s.owner, s.folder_id) == roles(
        (s.owner, "EDITOR"), (s.member, "EDITOR")
    )
    assert await members(gql, dave, daves) == roles((dave, "EDITOR"), (erin, "EDITOR"))
    assert await names(gql, stranger) == [] and await names(gql, carol) == []
    assert await names(gql, erin) == ["Daves"]
    assert await names(gql, s.member) == ["Projects"]


# --- where entries are: subfolders, moves of whole trees, copies, restores --------------------


async def test_members_and_shared_info_of_the_shared_folder_and_what_is_in_it(
    gql: GraphQLClient, http: httpx.AsyncClient
) -> None:
    s = await shared_folder(gql, http, "VIEWER")
    expected = roles((s.owner, "EDITOR"), (s.member, "VIEWER"))
    for account, folder_id in ((s.owner, s.sub_id), (s.member, s.sub_id), (s.owner, s.folder_id)):
        assert await members(gql, account, folder_id) == expected
    own = await entry(gql, s.owner, id=s.folder_id)
    assert own["shared"] == {
        "ownerUsername": s.owner.username,
        "yourRole": "EDITOR",
        "youOwn": True,
        "folderId": s.folder_id,
    }
    mount = await entry(gql, s.member, id=s.mount_id)
    assert mount["shared"] == {
        "ownerUsername": s.owner.username,
        "yourRole": "VIEWER",
        "youOwn": False,
        "folderId": s.mount_id,
    }
    assert (mount["path"], mount["name"]) == ("/Projects", "Projects")


async def test_the_owner_moving_a_folder_in_and_out_moves_everything_below_it(
    gql: GraphQLClient, http: httpx.AsyncClient
) -> None:
    s = await shared_folder(gql, http, "EDITOR")
    x = await mkdir(gql, s.owner, "X")
    y = await mkdir(gql, s.owner, "y", x)
    z = await put(http, s.owner, b"zed", "z.txt", y)
    assert await not_found(gql, s.member, z)
    moved = await result_of(gql, s.owner, MOVE, id=x, parentId=s.folder_id)
    assert (moved["id"], moved["path"]) == (x, "/Projects/X"), moved
    seen = await entry(gql, s.member, id=z)
    assert seen["path"] == "/Projects/X/y/z.txt"
    assert seen["shared"]["folderId"] == s.mount_id
    by_member = await put(http, s.member, b"w", "w.txt", y)

    root = await root_id(gql, s.owner)
    out = await result_of(gql, s.owner, MOVE, id=x, parentId=root)
    assert (out["id"], out["path"]) == (x, "/X"), out
    for gone in (x, y, z, by_member):
        assert await not_found(gql, s.member, gone), gone
    assert (await entry(gql, s.owner, id=by_member))["path"] == "/X/y/w.txt"
    assert (await entry(gql, s.owner, id=by_member))["shared"] is None
    response = await http.get(f"/files/{z}/content", headers=s.member.headers)
    assert response.status_code == 404


async def test_the_owner_moving_between_two_shared_folders_moves_between_their_members(
    gql: GraphQLClient, http: httpx.AsyncClient
) -> None:
    s = await shared_folder(gql, http, "EDITOR")
    other = await mkdir(gql, s.owner, "Other")
    carol = await gql.signup()
    await share(gql, s.owner, other, carol.username, "VIEWER")
    moved = await result_of(gql, s.owner, MOVE, id=s.sub_id, parentId=other)
    assert moved["id"] == s.sub_id and moved["path"] == "/Other/sub", moved
    assert await not_found(gql, s.member, s.b_id)
    seen = await entry(gql, carol, id=s.b_id)
    assert seen["path"] == "/Other/sub/b.txt" and seen["shared"]["yourRole"] == "VIEWER"
    refused = await upload(http, carol, b"c", "c.txt", parentId=s.sub_id)
    assert refused["__typename"] == "PermissionDeniedError", refused


async def test_a_member_moves_between_two_shares_by_copy_then_delete(
    gql: GraphQLClient, http: httpx.AsyncClient
) -> None:
    s = await shared_folder(gql, http, "EDITOR")
    dave = await gql.signup()
    theirs = await mkdir(gql, dave, "Theirs")
    await share(gql, dave, theirs, s.member.username, "EDITOR")
    theirs_mount = await mount_named(gql, s.member, "Theirs")
    dave_used, owner_used = await used_bytes(gql, dave), await used_bytes(gql, s.owner)

    moved = await result_of(gql, s.member, MOVE, id=s.sub_id, parentId=theirs_mount)
    assert moved["__typename"] == "Folder" and moved["path"] == "/Theirs/sub", moved
    assert await names(gql, dave, theirs) == ["sub"]
    assert await names(gql, s.owner, s.folder_id) == ["a.txt"]
    copied_b = await entry(gql, dave, path="/Theirs/sub/b.txt")
    assert copied_b["size"] == len(b"bravo")
    assert await used_bytes(gql, dave) == dave_used + len(b"bravo")
    # The original went to the trash of the side it was on: still the owner's bytes.
    assert "sub" in await trash_names(gql, s.owner)
    assert await used_bytes(gql, s.owner) == owner_used


async def test_copies_into_a_share_are_shared_and_copies_of_a_share_are_not(
    gql: GraphQLClient, http: httpx.AsyncClient
) -> None:
    s = await shared_folder(gql, http, "EDITOR")
    c = await mkdir(gql, s.owner, "C")
    await put(http, s.owner, b"see", "c.txt", c)
    into = await result_of(gql, s.owner, COPY, id=c, parentId=s.folder_id)
    assert into["__typename"] == "Folder" and into["path"] == "/Projects/C", into
    assert (await entry(gql, s.member, path="/Projects/C/c.txt"))["shared"] is not None

    inside = await result_of(
        gql, s.member, COPY_AS, id=s.sub_id, parentId=s.mount_id, name="sub copy"
    )
    assert inside["__typename"] == "Folder" and inside["path"] == "/Projects/sub copy", inside
    assert (await entry(gql, s.owner, path="/Projects/sub copy/b.txt"))["shared"] is not None

    root = await root_id(gql, s.owner)
    copy = await result_of(gql, s.owner, COPY_AS, id=s.folder_id, parentId=root, name="Copy")
    assert copy["__typename"] == "Folder" and copy["id"] != s.folder_id, copy
    assert await members(gql, s.owner, copy["id"]) == []
    copied_a = await entry(gql, s.owner, path=f"/{copy['name']}/a.txt")
    assert copied_a["shared"] is None and copied_a["id"] != s.a_id
    assert await not_found(gql, s.member, copied_a["id"])
    assert await names(gql, s.member) == ["Projects"]

    member_root = await root_id(gql, s.member)
    mine = await result_of(gql, s.member, COPY_AS, id=s.mount_id, parentId=member_root, name="Mine")
    if mine["__typename"] == "Folder":  # a plain folder of the member's own
        assert await members(gql, s.member, mine["id"]) == []
        copied = await entry(gql, s.member, path=f"/{mine['name']}/a.txt")
        assert copied["shared"] is None and copied["id"] != s.a_id
        assert await not_found(gql, s.owner, mine["id"])
    else:
        assert "code" in mine, mine
    assert await members(gql, s.owner, s.folder_id) == roles(
        (s.owner, "EDITOR"), (s.member, "EDITOR")
    )


async def test_a_restored_entry_is_shared_as_the_folder_it_returns_to(
    gql: GraphQLClient, http: httpx.AsyncClient
) -> None:
    s = await shared_folder(gql, http, "EDITOR")
    x = await mkdir(gql, s.owner, "X")
    f = await put(http, s.owner, b"f", "f.txt", x)
    await result_of(gql, s.owner, DELETE, id=f)
    await result_of(gql, s.owner, MOVE, id=x, parentId=s.folder_id)
    back = await result_of(gql, s.owner, RESTORE, id=f)
    assert back["path"] == "/Projects/X/f.txt", back
    assert (await entry(gql, s.member, id=f))["path"] == "/Projects/X/f.txt"

    g = await put(http, s.owner, b"g", "g.txt", s.sub_id)
    await result_of(gql, s.member, DELETE, id=g)
    assert "g.txt" in await trash_names(gql, s.member)
    await result_of(gql, s.owner, MOVE, id=s.sub_id, parentId=await root_id(gql, s.owner))
    # g.txt's folder left the share: the member no longer sees it, not even in the trash.
    assert "g.txt" not in await trash_names(gql, s.member)
    refused = await call(gql, s.member, RESTORE, id=g)
    assert error_codes(refused) == ["NOT_FOUND"], refused
    mine = await result_of(gql, s.owner, RESTORE, id=g)
    assert mine["path"] == "/sub/g.txt", mine
    assert await not_found(gql, s.member, g)


async def test_the_owner_trashing_restoring_and_purging_the_shared_folder(
    gql: GraphQLClient, http: httpx.AsyncClient
) -> None:
    s = await shared_folder(gql, http, "EDITOR")
    own = await put(http, s.member, b"own", "own.txt")
    await result_of(gql, s.owner, DELETE, id=s.folder_id)
    assert await not_found(gql, s.member, s.a_id)
    refused = await upload_raw(http, s.member.token, b"x", "x.txt", parentId=s.mount_id)
    assert (
        error_codes(refused) == ["NOT_FOUND"]
        or refused["data"]["uploadFile"]["__typename"] != "File"
    ), refused
    await result_of(gql, s.owner, RESTORE, id=s.folder_id)
    assert (await entry(gql, s.member, id=s.a_id))["path"] == "/Projects/a.txt"

    await result_of(gql, s.owner, DELETE, id=s.folder_id)
    assert await gql.data(PURGE, {"id": s.folder_id}, token=s.owner.token) == {"purgeEntry": True}
    assert await names(gql, s.member) == ["own.txt"]
    assert await not_found(gql, s.member, s.mount_id)
    assert (await entry(gql, s.member, id=own))["path"] == "/own.txt"


async def test_a_viewer_resolving_a_conflict_is_refused(
    gql: GraphQLClient, http: httpx.AsyncClient
) -> None:
    s = await shared_folder(gql, http, "VIEWER")
    # Edits that MERGE would combine cleanly: the owner appended, the viewer prepended.
    text = await put(http, s.owner, b"one\ntwo\nthree\n", "m.txt", s.folder_id)
    later = await upload(
        http, s.owner, b"one\ntwo\nthree\nfour\n", "m.txt", parentId=s.folder_id, mode="OVERWRITE"
    )
    assert later["rev"] == 2, later
    before = await state(gql, s.owner, s.folder_id)
    # KEEP_REMOTE writes nothing: not a write to refuse.
    for resolution in ("KEEP_LOCAL", "KEEP_BOTH", "MERGE"):
        variables = {"fileId": text, "baseRev": 1, "resolution": resolution}
        body = await multipart(
            gql, RESOLVE, variables, token=s.member.token, content=b"zero\none\ntwo\nthree\n"
        )
        assert error_codes(body) == ["PERMISSION_DENIED"], (resolution, body)
    assert await state(gql, s.owner, s.folder_id) == before
    # As an editor the same MERGE goes through.
    await result_of(
        gql, s.owner, UPDATE, folderId=s.folder_id, username=s.member.username, role="EDITOR"
    )
    variables = {"fileId": text, "baseRev": 1, "resolution": "MERGE"}
    merged = await multipart(
        gql, RESOLVE, variables, token=s.member.token, content=b"zero\none\ntwo\nthree\n"
    )
    assert merged["data"]["resolveConflict"]["__typename"] == "ResolvedConflict", merged


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
