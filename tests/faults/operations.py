"""The operations the fault sweep interrupts: one table row each, one user request each.

A row names the request (`run`, which must succeed when nothing is interrupted), the
folders the owner uploads a probe file into after the restart (a later upload is how
a feed or a search would leak: see invariants.py), and, for sign-up-like rows, the
account the request makes. Adjust the table, not the sweep.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from typing import Any

from dropbox_lite.admin import service as admin_service
from tests.faults.world import (
    PASSWORD,
    RESOLVE,
    SHARE,
    RunningApp,
    World,
    content,
    upload,
)

RESULT = """
    __typename
    ... on Entry { id name path parentId trashed }
    ... on Error { message code }
"""
MOVE = f"mutation($id: ID!, $to: ID!) {{ moveEntry(id: $id, parentId: $to) {{ {RESULT} }} }}"
COPY = f"mutation($id: ID!, $to: ID!) {{ copyEntry(id: $id, parentId: $to) {{ {RESULT} }} }}"
DELETE = f"mutation($id: ID!) {{ deleteEntry(id: $id) {{ {RESULT} }} }}"
RESTORE = f"mutation($id: ID!) {{ restoreEntry(id: $id) {{ {RESULT} }} }}"
PURGE = "mutation($id: ID!) { purgeEntry(id: $id) }"
REMOVE = "mutation($f: ID!, $u: String!) { removeMember(folderId: $f, username: $u) }"
LEAVE = "mutation($f: ID!) { leaveFolder(folderId: $f) }"
RESTORE_REVISION = """
mutation($id: ID!, $rev: Int!) {
  restoreRevision(fileId: $id, rev: $rev) {
    __typename ... on File { id rev } ... on Error { message code }
  }
}
"""
SIGNUP = """
mutation($u: String!, $p: String!) {
  signup(username: $u, password: $p) {
    __typename ... on AuthPayload { token } ... on Error { message code }
  }
}
"""

Run = Callable[[RunningApp, World], Awaitable[Any]]


@dataclass(frozen=True)
class Operation:
    name: str
    run: Run
    # Folder keys (World.ids) the owner uploads a probe file into after the restart.
    probes: tuple[str, ...] = ("shared",)
    # A username the operation creates (sign-up): checked by the account invariant.
    creates_user: str | None = None
    # The larger-tree disconnect variant: how many files go into the moved folder.
    note: str = ""


async def _mutate(
    app: RunningApp, world: World, user: str, query: str, variables: dict[str, Any]
) -> dict[str, Any]:
    data = await app.gql.data(query, variables, token=world.token(user))
    (result,) = data.values()
    if isinstance(result, dict):
        assert "Error" not in result.get("__typename", ""), result
    else:
        assert result is True, data
    return data


def move(key: str, to: str) -> Run:
    async def run(app: RunningApp, world: World) -> Any:
        ids = world.ids
        return await _mutate(app, world, "alice", MOVE, {"id": ids[key], "to": ids[to]})

    return run


def by_id(query: str, key: str, user: str = "alice") -> Run:
    async def run(app: RunningApp, world: World) -> Any:
        return await _mutate(app, world, user, query, {"id": world.ids[key]})

    return run


def copy(key: str, to: str) -> Run:
    async def run(app: RunningApp, world: World) -> Any:
        ids = world.ids
        return await _mutate(app, world, "alice", COPY, {"id": ids[key], "to": ids[to]})

    return run


def share(folder: str, user: str, role: str) -> Run:
    async def run(app: RunningApp, world: World) -> Any:
        variables = {"folderId": world.ids[folder], "username": user, "role": role}
        return await _mutate(app, world, "alice", SHARE, variables)

    return run


def remove_member(folder: str, user: str) -> Run:
    async def run(app: RunningApp, world: World) -> Any:
        return await _mutate(app, world, "alice", REMOVE, {"f": world.ids[folder], "u": user})

    return run


def leave(user: str, mount: str) -> Run:
    async def run(app: RunningApp, world: World) -> Any:
        return await _mutate(app, world, user, LEAVE, {"f": world.ids[f"{user}:{mount}"]})

    return run


def signup(username: str) -> Run:
    async def run(app: RunningApp, world: World) -> Any:
        data = await app.gql.data(SIGNUP, {"u": username, "p": PASSWORD})
        assert data["signup"]["__typename"] == "AuthPayload", data
        return data

    return run


def create_user(username: str) -> Run:
    async def run(app: RunningApp, world: World) -> Any:
        return await admin_service.create_user(
            db=app.db,
            settings=app.settings,
            username=username,
            password=PASSWORD,
            is_admin=False,
            quota_bytes=None,
        )

    return run


def upload_file(user: str, folder: str, name: str, mode: str = "ADD", version: int = 1) -> Run:
    async def run(app: RunningApp, world: World) -> Any:
        made = await upload(
            app.http,
            world.token(user),
            name,
            content(name, version),
            parentId=world.ids[folder],
            mode=mode,
        )
        assert made["__typename"] == "File", made
        return made

    return run


def upload_conflict(user: str, folder: str, name: str) -> Run:
    """UPDATE from a stale parentRev with autorename: kept as a conflicted copy."""

    async def run(app: RunningApp, world: World) -> Any:
        made = await upload(
            app.http,
            world.token(user),
            name,
            content(name, 99),
            parentId=world.ids[folder],
            mode="UPDATE",
            parentRev=1,
            autorename=True,
        )
        assert made["__typename"] == "File", made
        return made

    return run


START_SESSION = "mutation { startUploadSession { ... on UploadSession { uploadUrl } } }"
FINISH_BATCH = """
mutation($entries: [UploadBatchEntry!]!) {
  finishUploadBatch(entries: $entries) { __typename ... on File { id } ... on Error { code } }
}
"""


def upload_batch(user: str, folder: str, names: tuple[str, ...]) -> Run:
    """New files staged as blocks in one request, then committed by one finishUploadBatch."""

    async def run(app: RunningApp, world: World) -> Any:
        token = world.token(user)
        started = await app.gql.data(START_SESSION, token=token)
        url = started["startUploadSession"]["uploadUrl"]
        pieces = [content(name) for name in names]
        sent = await app.http.post(
            f"{url}/blocks",
            content=b"".join(pieces),
            headers={
                "Authorization": f"Bearer {token}",
                "X-Block-Sizes": ",".join(str(len(p)) for p in pieces),
            },
        )
        assert sent.status_code == 200, sent.text
        entries = [
            {"name": name, "blocks": [digest], "parentId": world.ids[folder]}
            for name, digest in zip(names, sent.json()["blocks"], strict=True)
        ]
        data = await app.gql.data(FINISH_BATCH, {"entries": entries}, token=token)
        results = data["finishUploadBatch"]
        assert [r["__typename"] for r in results] == ["File"] * len(names), results
        return results

    return run


def resolve(user: str, key: str, resolution: str) -> Run:
    async def run(app: RunningApp, world: World) -> Any:
        made = await upload(
            app.http,
            world.token(user),
            key,
            content(key, 77),
            query=RESOLVE,
            field_name="resolveConflict",
            fileId=world.ids[key],
            baseRev=1,
            resolution=resolution,
        )
        assert made["__typename"] == "ResolvedConflict", made
        return made

    return run


def restore_revision(key: str, rev: int) -> Run:
    async def run(app: RunningApp, world: World) -> Any:
        variables = {"id": world.ids[key], "rev": rev}
        return await _mutate(app, world, "alice", RESTORE_REVISION, variables)

    return run


OPERATIONS: list[Operation] = [
    Operation("move_into_share", move("dir-p", "shared"), probes=("shared", "dir-p")),
    Operation("move_out_of_share", move("dir-a", "private"), probes=("shared", "dir-a", "sub-a")),
    Operation("move_between_shares", move("dir-a", "shared2"), probes=("shared", "dir-a")),
    Operation("move_plain", move("dir-p", "archive"), probes=("dir-p",)),
    Operation("delete_folder", by_id(DELETE, "dir-a"), probes=("shared", "dir-a")),
    Operation("restore_folder", by_id(RESTORE, "dir-t"), probes=("dir-t",)),
    Operation("copy_folder", copy("dir-a", "private"), probes=("shared", "private")),
    Operation("purge_folder", by_id(PURGE, "dir-t"), probes=("private",)),
    Operation("share_folder", share("private", "dave", "VIEWER"), probes=("private", "dir-p")),
    Operation("remove_member", remove_member("shared", "carol"), probes=("shared", "dir-a")),
    Operation("leave_folder", leave("bob", "shared"), probes=("shared", "dir-a")),
    Operation("signup", signup("erin"), probes=(), creates_user="erin"),
    Operation("admin_create_user", create_user("frank"), probes=(), creates_user="frank"),
    Operation("upload_new", upload_file("bob", "dir-a", "f-new.txt"), probes=("dir-a",)),
    Operation(
        "upload_batch",
        upload_batch("bob", "dir-a", ("f-b1.txt", "f-b2.txt", "f-b3.txt")),
        probes=("dir-a",),
    ),
    Operation(
        "upload_overwrite",
        upload_file("alice", "shared", "f-s1.txt", mode="OVERWRITE", version=3),
        probes=("shared",),
    ),
    Operation("restore_revision", restore_revision("f-p1.txt", 1), probes=("private",)),
    Operation(
        "resolve_conflict_keep_both", resolve("bob", "f-s1.txt", "KEEP_BOTH"), probes=("shared",)
    ),
    Operation(
        "upload_update_conflict",
        upload_conflict("bob", "bob:shared", "f-s1.txt"),
        probes=("shared",),
    ),
]
