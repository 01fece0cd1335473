"""`dropbox-lite admin ...` end to end: each command, then what the server makes of it."""

from __future__ import annotations

import asyncio
import json
import os
import subprocess
import sys
from datetime import UTC, datetime
from typing import Any

import httpx
import pytest
from bson import ObjectId
from starlette.applications import Starlette

from dropbox_lite.auth import live
from dropbox_lite.auth import service as auth_service
from dropbox_lite.core.db import Database
from tests.admin.conftest import Admin
from tests.auth.test_websocket import closed_with, signed_in_socket
from tests.files.helpers import CREATE_FOLDER, upload
from tests.support import GraphQLClient

PASSWORD = "an admin-set password"
NEW_PASSWORD = "a reset password 2"
WITH_PASSWORD = {"DROPBOX_LITE_PASSWORD": PASSWORD}
LOGIN = """
mutation($u: String!, $p: String!) {
  login(username: $u, password: $p) {
    __typename ... on AuthPayload { token } ... on Error { message }
  }
}"""
ME = "{ me { id username } }"
NAME_COMMANDS = [
    ("set-password", []),
    ("set-quota", ["1GB"]),
    ("disable", []),
    ("enable", []),
    ("delete-user", ["--yes"]),
]


async def login(gql: GraphQLClient, username: str, password: str) -> dict[str, Any]:
    result: dict[str, Any] = (await gql.data(LOGIN, {"u": username, "p": password}))["login"]
    return result


async def created(admin: Admin, name: str, *flags: str, process: bool = False) -> None:
    ran = await admin("create-user", name, *flags, env=WITH_PASSWORD, process=process)
    assert ran.code == 0, ran


def one_line(text: str) -> str:
    lines = text.strip().splitlines()
    assert len(lines) == 1, text
    return lines[0]


async def test_create_user_with_admin_and_quota_then_sign_in(
    admin: Admin, gql: GraphQLClient, db: Database
) -> None:
    # As a process of its own on the server backend (the others run its entry point in-process).
    ran = await admin(
        "create-user", "Alice", "--admin", "--quota", "10GB", env=WITH_PASSWORD, process=True
    )
    assert ran.code == 0, ran
    assert one_line(ran.out) == "created administrator Alice (quota 9.3 GiB)"
    doc = await db["users"].find_one({"username": "Alice"})
    assert doc is not None
    assert doc["is_admin"] is True and doc["quota_bytes"] == 10_000_000_000
    assert (await login(gql, "alice", PASSWORD))["__typename"] == "AuthPayload"
    root = await gql.data(
        "{ me { root { name } } }", token=(await login(gql, "alice", PASSWORD))["token"]
    )
    assert root["me"]["root"]["name"] == ""


async def test_create_user_refusals_are_one_line(admin: Admin) -> None:
    # Exit codes and stderr of a process of its own on the server backend.
    await created(admin, "bob", process=True)
    taken = await admin("create-user", "BOB", env=WITH_PASSWORD, process=True)
    assert taken.code == 1 and "taken" in one_line(taken.err)
    weak = await admin("create-user", "carol", env={"DROPBOX_LITE_PASSWORD": "short"}, process=True)
    assert weak.code == 1 and "at least 8" in one_line(weak.err)
    no_password = await admin("create-user", "dave", process=True)
    assert no_password.code == 1 and "DROPBOX_LITE_PASSWORD" in one_line(no_password.err)


@pytest.mark.parametrize("size", ["12XB", "lots", "5 GBs", "1.5.2GB", ""])
async def test_bad_sizes_are_refused_in_one_line(admin: Admin, size: str) -> None:
    await created(admin, "erin")
    for args in (("set-quota", "erin", size), ("create-user", "frank", "--quota", size)):
        ran = await admin(*args, env=WITH_PASSWORD)
        assert ran.code == 2, ran
        assert "is not a size" in one_line(ran.err) or "needed" in one_line(ran.err)


@pytest.mark.parametrize("size", ["9" * 400, "100000000TB", "8388608TiB", str(2**63)])
async def test_sizes_past_what_the_database_holds_are_refused_in_one_line(
    admin: Admin, db: Database, size: str
) -> None:
    await created(admin, "erin")
    for args in (("set-quota", "erin", size), ("create-user", "frank", "--quota", size)):
        ran = await admin(*args, env=WITH_PASSWORD)
        assert ran.code == 2, ran
        assert "is too large: at most 9223372036854775807 bytes" in one_line(ran.err)
    assert await db["users"].count_documents({"quota_bytes": {"$ne": None}}) == 0


async def test_the_largest_size_is_stored(admin: Admin, db: Database) -> None:
    await created(admin, "erin", "--quota", str(2**63 - 1))
    doc = await db["users"].find_one({"username": "erin"})
    assert doc is not None and doc["quota_bytes"] == 2**63 - 1


async def test_set_quota_accepts_decimal_binary_and_none(admin: Admin, db: Database) -> None:
    await created(admin, "gina")
    for size, expected in [("512MiB", 512 * 1024**2), ("10GB", 10 * 1000**3), ("none", None)]:
        ran = await admin("set-quota", "gina", size)
        assert ran.code == 0, ran
        doc = await db["users"].find_one({"username": "gina"})
        assert doc is not None and doc["quota_bytes"] == expected


@pytest.mark.parametrize(("command", "extra"), NAME_COMMANDS)
async def test_commands_on_an_unknown_user_fail_in_one_line(
    admin: Admin, command: str, extra: list[str]
) -> None:
    ran = await admin(command, "nobody", *extra, env=WITH_PASSWORD)
    assert ran.code == 1, ran
    assert one_line(ran.err) == f"dropbox-lite admin {command}: no user named 'nobody'"


async def test_list_users_as_a_table_and_as_json(
    admin: Admin, http: httpx.AsyncClient, gql: GraphQLClient, db: Database
) -> None:
    await created(admin, "henry", "--quota", "1MB")
    await created(admin, "iris", "--admin")
    token = (await login(gql, "henry", PASSWORD))["token"]
    await upload(http, token, b"x" * 1000, "a.bin")
    table = await admin("list-users")
    assert table.code == 0, table
    lines = table.out.splitlines()
    assert lines[0].split() == ["USERNAME", "ROLE", "STATUS", "USED", "QUOTA", "LAST", "SEEN"]
    assert lines[1].split()[:5] == ["henry", "user", "active", "1000", "B"]
    assert lines[2].split()[:4] == ["iris", "admin", "active", "0"]
    assert lines[2].endswith("never")
    listed = await admin("list-users", "--json")
    rows = json.loads(listed.out)
    assert [(r["username"], r["usedBytes"], r["quotaBytes"], r["admin"]) for r in rows] == [
        ("henry", 1000, 1_000_000, False),
        ("iris", 0, None, True),
    ]
    assert rows[0]["lastSeenAt"] is not None and rows[1]["lastSeenAt"] is None
    # Signed out and its sessions pruned by upkeep: still seen when it was.
    await gql.data("mutation { logout }", token=token)
    await auth_service.prune(db=db, at=datetime.now(UTC))
    rows = json.loads((await admin("list-users", "--json")).out)
    assert rows[0]["lastSeenAt"] is not None


async def test_set_password_signs_every_device_out(
    admin: Admin, app: Starlette, gql: GraphQLClient
) -> None:
    await created(admin, "jack")
    token = (await login(gql, "jack", PASSWORD))["token"]
    ran = await admin("set-password", "jack", env={"DROPBOX_LITE_PASSWORD": NEW_PASSWORD})
    assert ran.code == 0, ran
    # Another process revoked it: the app's cache of the session lasts at most a second.
    app.state.appstate.clock.advance(live.CACHE_SECONDS + 0.5)
    assert (await gql.data(ME, token=token))["me"] is None
    assert (await login(gql, "jack", PASSWORD))["__typename"] == "InvalidCredentialsError"
    assert (await login(gql, "jack", NEW_PASSWORD))["__typename"] == "AuthPayload"


async def test_disable_stops_sign_in_tokens_and_sockets_then_enable(
    admin: Admin, app: Starlette, gql: GraphQLClient
) -> None:
    await created(admin, "kate")
    token = (await login(gql, "kate", PASSWORD))["token"]
    async with signed_in_socket(app, token) as ws:
        ran = await admin("disable", "kate")
        assert ran.code == 0, ran
        # As a second passing would: the CLI is another process. The watch stays: a
        # dropped one would leave the socket open whatever the poll finds.
        app.state.appstate.clock.advance(live.CACHE_SECONDS + 0.5)
        await app.state.appstate.live.poll_once()  # the watcher's next poll (every second)
        assert await closed_with(ws) == 4403
    assert (await gql.data(ME, token=token))["me"] is None
    refused = await login(gql, "kate", PASSWORD)
    assert refused["__typename"] == "InvalidCredentialsError"
    assert "disabled" in refused["message"]
    ran = await admin("enable", "kate")
    assert ran.code == 0, ran
    assert (await login(gql, "kate", PASSWORD))["__typename"] == "AuthPayload"
    assert (await gql.data(ME, token=token))["me"] is None  # enabling revives no session


async def test_delete_user_asks_for_confirmation(admin: Admin, db: Database) -> None:
    await created(admin, "liam")
    refused = await admin("delete-user", "liam", stdin="no\n")
    assert refused.code == 1
    assert "not confirmed" in refused.err
    assert await db["users"].count_documents({"username": "liam"}) == 1
    confirmed = await admin("delete-user", "liam", stdin="liam\n")
    assert confirmed.code == 0, confirmed
    assert await db["users"].count_documents({"username": "liam"}) == 0


async def test_delete_user_removes_everything_of_theirs_but_blobs(
    admin: Admin, app: Starlette, http: httpx.AsyncClient, gql: GraphQLClient, db: Database
) -> None:
    await created(admin, "mona")
    other = await gql.signup("other-user", PASSWORD)
    token = (await login(gql, "mona", PASSWORD))["token"]
    first = await upload(http, token, b"version one", "doc.txt")
    await upload(http, token, b"version two", "doc.txt", mode="OVERWRITE")
    await upload(http, other.token, b"kept", "kept.txt")
    link = await gql.data(
        "mutation($id: ID!) { createShareLink(entryId: $id) { __typename } }",
        {"id": first["id"]},
        token=token,
    )
    assert link["createShareLink"]["__typename"] == "ShareLinkCreated"
    # What is theirs by user_id, not owner_id: an app password, an upload session begun.
    for mutation in (
        'mutation { createAppPassword(name: "Laptop") { __typename } }',
        "mutation { startUploadSession(length: 5) { __typename } }",
    ):
        for who in (token, other.token):
            assert "Error" not in str(await gql.data(mutation, token=who))
    mona = await db["users"].find_one({"username": "mona"})
    assert mona is not None
    for name in ("app_passwords", "upload_sessions"):
        assert await db[name].count_documents({"user_id": mona["_id"]}) == 1, name
    blobs_before = await db["blobs.files"].count_documents({})
    ran = await admin("delete-user", "mona", "--yes")
    assert ran.code == 0, ran
    assert "gc" in one_line(ran.out)
    owner = mona["_id"]
    for name in ("entries", "revisions", "share_links"):
        assert await db[name].count_documents({"owner_id": owner}) == 0, name
    for name in ("sessions", "app_passwords", "upload_sessions"):
        assert await db[name].count_documents({"user_id": owner}) == 0, name
    assert await db["users"].count_documents({"_id": owner}) == 0
    assert await db["blobs.files"].count_documents({}) == blobs_before  # gc's work
    # Nobody else lost anything.
    other_oid = ObjectId(other.user_id)
    assert await db["entries"].count_documents({"owner_id": other_oid, "is_file": True}) == 1
    for name in ("app_passwords", "upload_sessions"):
        assert await db[name].count_documents({"user_id": other_oid}) == 1, name
    app.state.appstate.clock.advance(live.CACHE_SECONDS + 0.5)
    assert (await gql.data(ME, token=token))["me"] is None
    assert (await gql.data(ME, token=other.token))["me"]["username"] == "other-user"


SHARE = """
mutation($f: ID!, $u: String!) {
  shareFolder(folderId: $f, username: $u, role: EDITOR) { __typename }
}"""
ROOT_NAMES = "query { me { root { children { edges { node { name } } } } } }"


async def test_delete_user_ends_their_shared_folders_and_memberships(
    admin: Admin, gql: GraphQLClient, db: Database
) -> None:
    await created(admin, "nora")
    token = (await login(gql, "nora", PASSWORD))["token"]
    member = await gql.signup("member-user", PASSWORD)
    owner = await gql.signup("owner-user", PASSWORD)
    made = await gql.data(CREATE_FOLDER, {"name": "Ours"}, token=token)
    theirs = await gql.data(CREATE_FOLDER, {"name": "Theirs"}, token=owner.token)
    for folder, by, to in (
        (made["createFolder"]["id"], token, "member-user"),
        (theirs["createFolder"]["id"], owner.token, "nora"),
    ):
        shared = await gql.data(SHARE, {"f": folder, "u": to}, token=by)
        assert shared["shareFolder"]["__typename"] == "Folder"
    ran = await admin("delete-user", "nora", "--yes")
    assert ran.code == 0, ran
    # Nora's folder left the member's tree; nora is no longer a member of Theirs.
    listed = await gql.data(ROOT_NAMES, token=member.token)
    assert listed["me"]["root"]["children"]["edges"] == []
    assert await db["memberships"].count_documents({}) == 0
    info = await gql.data(
        "query($id: ID!) { folder(id: $id) { members { user { username } } } }",
        {"id": theirs["createFolder"]["id"]},
        token=owner.token,
    )
    assert info["folder"]["members"] == []


async def test_invite_codes_sign_up_once(admin: Admin, client_with: Any, db: Database) -> None:
    ran = await admin("invite", "--expires", "2d")
    assert ran.code == 0, ran
    code = one_line(ran.out)
    assert "single use" in ran.err
    gql = await client_with(signup="invite")
    mutation = """
    mutation($u: String!, $c: String) {
      signup(username: $u, password: "a fine password", inviteCode: $c) {
        __typename ... on Error { message }
      }
    }"""
    used = await gql.data(mutation, {"u": "invited", "c": code})
    assert used["signup"]["__typename"] == "AuthPayload"
    again = await gql.data(mutation, {"u": "second", "c": code})
    assert again["signup"]["__typename"] == "SignupRefusedError"
    assert await db["invites"].count_documents({"_id": code}) == 0  # stored hashed


@pytest.mark.parametrize("expires", ["0d", "7y", "soon", "1.5h"])
async def test_bad_invite_lifetimes_are_refused(admin: Admin, expires: str) -> None:
    ran = await admin("invite", "--expires", expires)
    assert ran.code == 2, ran
    assert "is not a duration" in one_line(ran.err)


@pytest.mark.parametrize("expires", ["500000w", "99999999999d", "36526d", "9" * 400 + "m"])
async def test_invite_lifetimes_past_a_century_are_refused(admin: Admin, expires: str) -> None:
    ran = await admin("invite", "--expires", expires)
    assert ran.code == 2, ran
    assert "is too long: at most 100 years" in one_line(ran.err)


async def test_an_invite_can_last_a_century(admin: Admin) -> None:
    ran = await admin("invite", "--expires", "36525d")
    assert ran.code == 0, ran
    year = int(one_line(ran.err).split("expires ")[1][:4])
    assert year - datetime.now(UTC).year in (100, 101)  # 36525 days: 24 or 25 leap days


async def test_stats(admin: Admin, http: httpx.AsyncClient, gql: GraphQLClient) -> None:
    a = await gql.signup("stats-a", PASSWORD)
    b = await gql.signup("stats-b", PASSWORD)
    same = b"the same bytes, twice" * 100
    await upload(http, a.token, same, "one.bin")
    await upload(http, b.token, same, "two.bin")
    ran = await admin("stats")
    assert ran.code == 0, ran
    figures = {
        line[:18].strip(): line[18:].strip() for line in ran.out.splitlines() if line[:1] != " "
    }
    assert figures["users"] == "2"
    assert figures["entries"] == "4 (2 files)"
    assert figures["blobs"] == "1"
    assert figures["bytes stored"].endswith(f"({len(same)} B)")
    assert figures["bytes referenced"].endswith(f"({2 * len(same)} B)")
    assert figures["dedup ratio"] == "2.00"
    assert "stats-a" in ran.out and "stats-b" in ran.out


def run_process(env: dict[str, str]) -> subprocess.CompletedProcess[str]:
    environ = {k: v for k, v in os.environ.items() if not k.startswith("DROPBOX_LITE_")}
    return subprocess.run(
        [sys.executable, "-m", "dropbox_lite", "admin", "list-users"],
        env={**environ, **env},
        capture_output=True,
        text=True,
        timeout=60,
    )


async def test_an_unreachable_database_is_one_line_and_exit_1() -> None:
    done = await asyncio.to_thread(
        run_process,
        {
            "DROPBOX_LITE_MONGODB_URI": "mongodb://127.0.0.1:9/dropbox_lite",
            "DROPBOX_LITE_DB_TIMEOUT_MS": "300",  # nothing answers: no need to wait 5 s
        },
    )
    assert done.returncode == 1, done
    assert one_line(done.stderr).startswith("dropbox-lite: cannot reach MongoDB at ")
    assert done.stdout == ""


async def test_no_database_configured_is_one_line_and_exit_2() -> None:
    done = await asyncio.to_thread(run_process, {})
    assert done.returncode == 2, done
    assert "no database is configured" in one_line(done.stderr)
