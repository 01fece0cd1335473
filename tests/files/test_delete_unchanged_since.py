"""deleteEntry(id, unchangedSince: cursor): a folder is deleted only when nothing below it
changed after the cursor, so a sync client's delete cannot take an edit it never saw."""

from __future__ import annotations

from typing import Any

import httpx

from tests.sharing.folders_helpers import mkdir, mount_named, put, share
from tests.support import Account, GraphQLClient, error_codes

DELETE = """
mutation($id: ID!, $since: String) {
  deleteEntry(id: $id, unchangedSince: $since) {
    __typename
    ... on Entry { id trashed }
    ... on ConflictError { code message current { id name } }
  }
}
"""
LATEST = "{ latestCursor }"
TRASHED = "query($id: ID!) { entry(id: $id) { trashed } }"


async def cursor(gql: GraphQLClient, account: Account) -> str:
    return str((await gql.data(LATEST, token=account.token))["latestCursor"])


async def trashed(gql: GraphQLClient, account: Account, entry_id: str) -> bool:
    return bool(
        (await gql.data(TRASHED, {"id": entry_id}, token=account.token))["entry"]["trashed"]
    )


async def delete(gql: GraphQLClient, account: Account, entry_id: str, since: str) -> dict[str, Any]:
    return await gql(DELETE, {"id": entry_id, "since": since}, token=account.token)


async def test_an_unchanged_folder_is_deleted_and_a_changed_one_is_kept(
    gql: GraphQLClient, http: httpx.AsyncClient
) -> None:
    alice = await gql.signup()
    folder = await mkdir(gql, alice, "d")
    sub = await mkdir(gql, alice, "sub", folder)
    await put(http, alice, b"one", "a.txt", sub)
    seen = await cursor(gql, alice)
    # An edit below lands after the client's cursor: the delete is refused, nothing moves.
    late = await put(http, alice, b"late", "b.txt", sub)
    refused = (await delete(gql, alice, folder, seen))["data"]["deleteEntry"]
    assert refused["__typename"] == "ConflictError"
    assert refused["code"] == "CONFLICT"
    assert refused["current"] == {"id": late, "name": "b.txt"}
    assert not await trashed(gql, alice, folder)
    assert not await trashed(gql, alice, late)
    # From a cursor that has seen it, the folder goes, with everything in it.
    done = (await delete(gql, alice, folder, await cursor(gql, alice)))["data"]["deleteEntry"]
    assert done == {"__typename": "Folder", "id": folder, "trashed": True}


async def test_a_folder_made_below_after_the_cursor_is_a_conflict_too(
    gql: GraphQLClient,
) -> None:
    alice = await gql.signup()
    folder = await mkdir(gql, alice, "d")
    seen = await cursor(gql, alice)
    await mkdir(gql, alice, "new", folder)
    body = await delete(gql, alice, folder, seen)
    # No file to show as `current`: errors[] says so, with the precise reason.
    assert error_codes(body) == ["BAD_USER_INPUT"]
    assert body["errors"][0]["extensions"]["reason"] == "CONFLICT"
    assert not await trashed(gql, alice, folder)


async def test_a_change_to_the_folder_itself_or_elsewhere_does_not_block_it(
    gql: GraphQLClient, http: httpx.AsyncClient
) -> None:
    alice = await gql.signup()
    folder = await mkdir(gql, alice, "d")
    await put(http, alice, b"one", "a.txt", folder)
    seen = await cursor(gql, alice)
    await put(http, alice, b"elsewhere", "x.txt")
    renamed = await gql.data(
        'mutation($id: ID!) { renameEntry(id: $id, name: "e") { __typename } }',
        {"id": folder},
        token=alice.token,
    )
    assert renamed["renameEntry"]["__typename"] == "Folder"
    done = (await delete(gql, alice, folder, seen))["data"]["deleteEntry"]
    assert done["trashed"] is True


async def test_bad_cursors_and_files_are_refused_and_change_nothing(
    gql: GraphQLClient, http: httpx.AsyncClient
) -> None:
    alice, bob = await gql.signup(), await gql.signup()
    folder = await mkdir(gql, alice, "d")
    file_id = await put(http, alice, b"one", "a.txt", folder)
    for since in ("garbage", await cursor(gql, bob), ""):
        assert error_codes(await delete(gql, alice, folder, since)) == ["BAD_USER_INPUT"]
    mine = await cursor(gql, alice)
    assert error_codes(await delete(gql, alice, file_id, mine)) == ["BAD_USER_INPUT"]
    assert not await trashed(gql, alice, folder)
    assert not await trashed(gql, alice, file_id)


async def test_a_member_deleting_in_a_shared_folder_is_checked_against_the_owners_edits(
    gql: GraphQLClient, http: httpx.AsyncClient
) -> None:
    owner, member = await gql.signup(), await gql.signup()
    projects = await mkdir(gql, owner, "Projects")
    sub = await mkdir(gql, owner, "sub", projects)
    await put(http, owner, b"one", "a.txt", sub)
    assert (await share(gql, owner, projects, member.username))["__typename"] == "Folder"
    await mount_named(gql, member, "Projects")
    seen = await cursor(gql, member)
    late = await put(http, owner, b"owner's edit", "b.txt", sub)
    refused = (await delete(gql, member, sub, seen))["data"]["deleteEntry"]
    assert refused["__typename"] == "ConflictError"
    assert refused["current"]["id"] == late
    assert not await trashed(gql, owner, sub)
    done = (await delete(gql, member, sub, await cursor(gql, member)))["data"]["deleteEntry"]
    assert done["trashed"] is True
