"""Shared folders (issue 14) through HTTP: what a VIEWER may not do and an EDITOR may, and
whose quota pays."""

from __future__ import annotations

from collections.abc import AsyncIterator, Awaitable, Callable
from dataclasses import dataclass
from typing import Any

import httpx
import pytest
import pytest_asyncio
from starlette.applications import Starlette

from dropbox_lite.core import db as database
from dropbox_lite.core.app import create_app
from dropbox_lite.core.db import Database
from tests.conftest import DatabasePool, make_settings
from tests.files.helpers import upload_raw
from tests.sharing.folders_helpers import (
    COPY,
    CREATE_FOLDER,
    CREATE_LINK,
    DELETE,
    MOVE,
    PURGE,
    RENAME,
    RESTORE,
    RESTORE_REVISION,
    SEARCH,
    SHARE,
    SHARED_LINK,
    Shared,
    call,
    entry,
    mkdir,
    names,
    not_found,
    put,
    result_of,
    root_id,
    set_quota,
    shared_folder,
    state,
    trash_names,
    upload,
    used_bytes,
)
from tests.support import Account, GraphQLClient, error_codes
from tests.sync.feed import FeedReader, multipart

RESOLVE_FULL = """
mutation($file: Upload, $fileId: ID!, $baseRev: Int!, $resolution: ConflictResolution!) {
  resolveConflict(fileId: $fileId, baseRev: $baseRev, resolution: $resolution, file: $file) {
    __typename
    ... on ResolvedConflict { file { id rev } conflictedCopy { id name } }
    ... on Error { message code }
  }
}
"""


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


@dataclass
class ViewerWorld:
    """One app and database for the refused writes: a VIEWER's share, their own folder
    and file, a third user, and what owner and viewer see before any write."""

    gql: GraphQLClient
    http: httpx.AsyncClient
    s: Shared
    own: Own
    third: Account
    viewer_root: str
    owner_before: dict[str, Any]
    viewer_before: dict[str, Any]


@pytest_asyncio.fixture(scope="module", loop_scope="module")
async def viewer_world(
    mongo_uri: str | None, database_pool: DatabasePool
) -> AsyncIterator[ViewerWorld]:
    """Built once for the module's refused writes (~40 requests each time, otherwise): each
    of them must change nothing, which its test checks against the state read here, so a
    write that did change something fails its own test (and those after it)."""
    settings = make_settings(mongo_uri)
    opened = await database.connect(settings)
    await opened.ensure_indexes()
    application = create_app(settings, db=opened)
    try:
        async with application.router.lifespan_context(application):
            transport = httpx.ASGITransport(app=application, client=("127.0.0.1", 51000))
            async with httpx.AsyncClient(transport=transport, base_url="http://testserver") as http:
                gql = GraphQLClient(http)
                s = await shared_folder(gql, http, "VIEWER")
                third = await gql.signup()
                own_folder = await mkdir(gql, s.member, "Mine")
                own_file = await put(http, s.member, b"my own", "mine.txt", own_folder)
                viewer_root = await root_id(gql, s.member)
                yield ViewerWorld(
                    gql,
                    http,
                    s,
                    Own(own_folder, own_file, third.username),
                    third,
                    viewer_root,
                    await state(gql, s.owner, s.folder_id),
                    await state(gql, s.member, viewer_root),
                )
    finally:
        opened.close()
        if opened.backend == "mongodb":
            database_pool.client.drop_database(settings.db_name)


@pytest.mark.asyncio(loop_scope="module")
@pytest.mark.parametrize("write", sorted(VIEWER_WRITES))
async def test_a_viewer_may_not_write_and_nothing_changes(
    viewer_world: ViewerWorld, write: str
) -> None:
    w = viewer_world
    s, gql = w.s, w.gql
    feeds = [FeedReader(gql, account.token) for account in (s.owner, s.member, w.third)]
    for feed in feeds:
        await feed.catch_up()
    read = [len(feed.pages) for feed in feeds]

    body = await VIEWER_WRITES[write](gql, w.http, s, w.own)

    if write in BOOLEAN_WRITES:
        assert error_codes(body) == ["PERMISSION_DENIED"], body
    else:
        assert "errors" not in body, body
        (result,) = body["data"].values()
        assert result["__typename"] == "PermissionDeniedError", result
        assert result["code"] == "PERMISSION_DENIED" and result["message"], result
    assert await state(gql, s.owner, s.folder_id) == w.owner_before
    assert await state(gql, s.member, w.viewer_root) == w.viewer_before
    assert await names(gql, w.third) == []
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
    app: Starlette, gql: GraphQLClient, http: httpx.AsyncClient, db: Database
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
    await set_quota(app, db, ed.user_id, editor_used + 10)
    await put(http, ed, b"f" * 500, "more.bin", s.mount_id)
    own = await upload(http, ed, b"g" * 500, "own.bin")
    assert own["__typename"] == "QuotaExceededError", own
    owner_used += 1500
    assert await used_bytes(gql, s.owner) == owner_used

    # Over the owner's quota: refused, nothing stored. (Old revisions may expire to make
    # room, files/quota.py: the owner's history is not compared.)
    await set_quota(app, db, s.owner.user_id, owner_used + 100)
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
    app: Starlette, gql: GraphQLClient, http: httpx.AsyncClient, db: Database
) -> None:
    s = await shared_folder(gql, http, "EDITOR")
    variables = {"fileId": s.a_id, "baseRev": 1, "resolution": "KEEP_BOTH"}
    kept = await multipart(gql, RESOLVE_FULL, variables, token=s.member.token, content=b"e" * 40)
    resolved = kept["data"]["resolveConflict"]
    assert resolved["__typename"] == "ResolvedConflict", kept
    copy = resolved["conflictedCopy"]
    assert copy["name"].startswith(f"a ({s.member.username}'s conflicted copy "), copy
    assert (await entry(gql, s.owner, id=copy["id"]))["path"] == f"/Projects/{copy['name']}"
    await set_quota(app, db, s.owner.user_id, await used_bytes(gql, s.owner) + 10)
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
