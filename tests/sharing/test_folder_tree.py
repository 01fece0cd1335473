"""Shared folders (issue 14) through HTTP: mounts, nesting, the shared trash, moves and
copies across a share's boundary, links, restores."""

from __future__ import annotations

import httpx
import pytest
from starlette.applications import Starlette

from dropbox_lite.core.db import Database
from tests.files.helpers import upload_raw
from tests.sharing.folders_helpers import (
    COPY,
    CREATE_LINK,
    DELETE,
    MOVE,
    PURGE,
    REMOVE,
    RENAME,
    RESTORE,
    SHARED_LINK,
    UPDATE,
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
    set_quota,
    share,
    shared_folder,
    state,
    trash_names,
    upload,
    used_bytes,
)
from tests.support import GraphQLClient, error_codes
from tests.sync.feed import multipart

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
    app: Starlette, gql: GraphQLClient, http: httpx.AsyncClient, db: Database, direction: str
) -> None:
    s = await shared_folder(gql, http, "EDITOR")
    mine = await mkdir(gql, s.member, "Mine")
    own = await put(http, s.member, b"x" * 100, "x.txt", mine)
    if direction.startswith("out"):
        await set_quota(app, db, s.member.user_id, await used_bytes(gql, s.member))
        moving, target = s.a_id, mine
    else:
        await set_quota(app, db, s.owner.user_id, await used_bytes(gql, s.owner))
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
