"""Shared folders (issue 14) through HTTP: adding, changing and removing members, and
someone else's ids in every new argument."""

from __future__ import annotations

from typing import Any

import httpx

from tests.files.helpers import upload_raw
from tests.sharing.folders_helpers import (
    DELETE,
    FILE_VIEW,
    LEAVE,
    MEMBERS,
    MOVE,
    PURGE,
    REMOVE,
    SEARCH,
    SHARE,
    UPDATE,
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
    roles,
    share,
    shared_folder,
    state,
    trash_names,
    upload,
)
from tests.sharing.helpers import local
from tests.support import Account, GraphQLClient, error_codes


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
