"""The small world every fault case starts from, and the app that runs on it.

`build_world` makes, once per session, a template database through the app (users,
a shared folder with an EDITOR and a VIEWER, a second share, a private tree with
history, something in the trash, share links) and records the ids, tokens and each
user's feed at that moment. Every case clones the template into a database of its own
(`clone`: the same ids, sessions and blobs) so one fixture costs a copy, not a sign-up.

`running_app` starts the app in this process on a database reached through a
`WireProxy` (or directly), and drives it over ASGI like tests/conftest.py does.
"""

from __future__ import annotations

import asyncio
import contextlib
import dataclasses
import json
import threading
import uuid
from collections.abc import AsyncIterator
from dataclasses import dataclass, field
from typing import Any
from urllib.parse import urlsplit

import httpx
from motor.motor_asyncio import AsyncIOMotorClient
from pymongo.errors import PyMongoError
from starlette.applications import Starlette

from dropbox_lite.auth import live
from dropbox_lite.core import db as database
from dropbox_lite.core.app import create_app
from dropbox_lite.core.config import Settings
from tests.conftest import make_settings
from tests.support import Account, GraphQLClient

USERS = ("alice", "bob", "carol", "dave")
PASSWORD = "faults-password-long-enough"

RESULT = """
    __typename
    ... on Entry { id name path parentId trashed }
    ... on File { rev size }
    ... on Error { message code }
"""
UPLOAD = f"""
mutation Upload($file: Upload!, $parentId: ID, $name: String, $mode: WriteMode,
                $parentRev: Int, $autorename: Boolean) {{
  uploadFile(file: $file, parentId: $parentId, name: $name, mode: $mode,
             parentRev: $parentRev, autorename: $autorename) {{ {RESULT} }}
}}
"""
RESOLVE = """
mutation Resolve($file: Upload, $fileId: ID!, $baseRev: Int!,
                 $resolution: ConflictResolution!) {
  resolveConflict(file: $file, fileId: $fileId, baseRev: $baseRev, resolution: $resolution) {
    __typename
    ... on ResolvedConflict { file { id rev } conflictedCopy { id name } }
    ... on Error { message code }
  }
}
"""
FOLDER_RESULT = """
    __typename
    ... on Entry { id name path parentId trashed }
    ... on Error { message code }
"""
CREATE_FOLDER = f"""
mutation($parentId: ID, $name: String!) {{ createFolder(parentId: $parentId, name: $name) {{
  {FOLDER_RESULT} }} }}
"""
DELETE = f"mutation($id: ID!) {{ deleteEntry(id: $id) {{ {RESULT} }} }}"
SHARE = """
mutation($folderId: ID!, $username: String!, $role: MemberRole!) {
  shareFolder(folderId: $folderId, username: $username, role: $role) {
    __typename ... on Folder { id } ... on Error { message code }
  }
}
"""
LINK = """
mutation($entryId: ID!) {
  createShareLink(entryId: $entryId) {
    __typename ... on ShareLinkCreated { token link { id } } ... on Error { message code }
  }
}
"""
ROOT_CHILDREN = """
query { folder { id children(first: 1000) { edges { node { id name } } } } }
"""
FEED = """
query($cursor: String) {
  changes(cursor: $cursor, first: 2000) {
    cursor hasMore changes { kind id parentId entry { name } }
  }
}
"""


def content(name: str, version: int = 1) -> bytes:
    return f"{name} version {version}\n".encode()


@dataclass
class Feed:
    """A user's feed read to its end: the live entries it describes and the cursor there."""

    items: dict[str, tuple[str | None, str]]  # id -> (parentId, name)
    cursor: str


@dataclass
class World:
    """The template: its database, accounts, the ids (as their owner sees them), links."""

    db_name: str
    accounts: dict[str, Account]
    ids: dict[str, str]
    links: dict[str, str]  # name -> token
    feeds: dict[str, Feed] = field(default_factory=dict)

    def token(self, user: str) -> str:
        return self.accounts[user].token


async def read_feed(
    gql: GraphQLClient, token: str, cursor: str | None = None, items: dict[str, Any] | None = None
) -> tuple[Feed, list[dict[str, Any]]]:
    """Apply the feed from `cursor` onto `items`; the result and the raw changes read."""
    state: dict[str, tuple[str | None, str]] = dict(items or {})
    seen: list[dict[str, Any]] = []
    for _ in range(50):
        page = (await gql.data(FEED, {"cursor": cursor}, token=token))["changes"]
        for change in page["changes"]:
            seen.append(change)
            if change["kind"] == "DELETED":
                state.pop(change["id"], None)
            else:
                state[change["id"]] = (change["parentId"], change["entry"]["name"])
        cursor = page["cursor"]
        if not page["hasMore"]:
            break
    assert cursor is not None
    return Feed(state, cursor), seen


async def upload(
    http: httpx.AsyncClient,
    token: str,
    name: str,
    data: bytes,
    *,
    query: str = UPLOAD,
    field_name: str = "uploadFile",
    **variables: Any,
) -> dict[str, Any]:
    """A GraphQL multipart upload; the mutation's result object (errors raise)."""
    operations = {"query": query, "variables": {"file": None, "name": name, **variables}}
    if query is not UPLOAD:
        operations["variables"].pop("name")
    response = await http.post(
        "/graphql",
        data={"operations": json.dumps(operations), "map": json.dumps({"0": ["variables.file"]})},
        files={"0": (name, data, "application/octet-stream")},
        headers={"Authorization": f"Bearer {token}", "GraphQL-Require-Preflight": "1"},
    )
    assert response.status_code == 200, response.text
    body: dict[str, Any] = response.json()
    assert "errors" not in body, body["errors"]
    result: dict[str, Any] = body["data"][field_name]
    return result


# -- databases -------------------------------------------------------------------------


def upstream(mongo_uri: str) -> tuple[str, int]:
    parts = urlsplit(mongo_uri)
    return parts.hostname or "127.0.0.1", parts.port or 27017


def raw_client(mongo_uri: str) -> Any:
    return AsyncIOMotorClient(mongo_uri, tz_aware=True, uuidRepresentation="standard")


async def clone(client: Any, source: str, target: str) -> None:
    """Copy every collection of `source` into `target` (documents only; the app indexes)."""
    src, dst = client[source], client[target]
    for name in await src.list_collection_names():
        docs = await src[name].find({}).to_list(None)
        if docs:
            await dst[name].insert_many(docs, ordered=False)


def case_settings(mongo_uri: str, db_name: str, **overrides: Any) -> Settings:
    """The app's settings: no background upkeep (repair is run by the harness)."""
    return make_settings(mongo_uri, db_name=db_name, upkeep_interval_seconds=0, **overrides)


def new_db_name(prefix: str) -> str:
    return f"faults_{prefix}_{uuid.uuid4().hex[:10]}"


def forget_sessions() -> None:
    """Empty the process's session cache: every app start reads sessions alike."""
    cache = getattr(live, "_cache", None)
    if isinstance(cache, dict):
        cache.clear()


def _close_later(db: database.Database) -> None:
    # A killed app's client waits for server selection when it ends its sessions;
    # nobody waits for that (as for a killed process's sockets).
    threading.Thread(target=db.close, daemon=True).start()


@dataclass
class RunningApp:
    app: Starlette
    db: database.Database
    settings: Settings
    http: httpx.AsyncClient
    gql: GraphQLClient


@contextlib.asynccontextmanager
async def running_app(
    settings: Settings, *, selection_timeout_ms: int | None = None
) -> AsyncIterator[RunningApp]:
    """The app on `settings` (whose URI may go through a proxy), over ASGI.

    `selection_timeout_ms`: a shorter server selection timeout, so an app whose proxy
    was killed gives up at once instead of retrying for seconds. The first ping still
    goes through a live proxy, so a slow one (a loaded CI machine: 300 ms is short) is
    tried again rather than failing the case before its operation started.
    """
    forget_sessions()
    if selection_timeout_ms is not None:
        settings = dataclasses.replace(settings, db_timeout_ms=selection_timeout_ms)
    opened = await _connect(settings, attempts=1 if selection_timeout_ms is None else 10)
    app = create_app(settings, db=opened)
    try:
        async with app.router.lifespan_context(app):
            transport = httpx.ASGITransport(app=app, client=("127.0.0.1", 51000))
            async with httpx.AsyncClient(transport=transport, base_url="http://testserver") as c:
                yield RunningApp(app, opened, settings, c, GraphQLClient(c))
    finally:
        _close_later(opened)


async def _connect(settings: Settings, *, attempts: int) -> database.Database:
    for attempt in range(1, attempts + 1):
        try:
            return await database.connect(settings)
        except PyMongoError:
            if attempt == attempts:
                raise
            await asyncio.sleep(0.1 * attempt)
    raise AssertionError("unreachable")


# -- the template ----------------------------------------------------------------------


COPY = f"""
mutation($id: ID!, $to: ID!, $name: String) {{
  copyEntry(id: $id, parentId: $to, name: $name) {{ {FOLDER_RESULT} }}
}}
"""
SEED_FILES = 25


async def build_world(mongo_uri: str, *, big: int = 0) -> World:
    """The template database (see the module doc), built through the app.

    `big`: that many more files (in folders of SEED_FILES) in /shared/big, copied from
    /seed (a copy is one request, not one per file).
    """
    name = new_db_name("template")
    settings = case_settings(mongo_uri, name)
    async with running_app(settings) as run:
        gql, http = run.gql, run.http
        accounts = {u: await gql.signup(u, PASSWORD) for u in USERS}
        alice = accounts["alice"].token
        ids: dict[str, str] = {}
        links: dict[str, str] = {}

        async def folder(key: str, parent: str | None, token: str = alice) -> None:
            made = (
                await gql.data(
                    CREATE_FOLDER,
                    {"parentId": ids.get(parent) if parent else None, "name": key},
                    token=token,
                )
            )["createFolder"]
            assert made["__typename"] == "Folder", made
            ids[key] = made["id"]

        async def file(key: str, parent: str | None, version: int = 1, token: str = alice) -> None:
            made = await upload(
                http,
                token,
                key,
                content(key, version),
                parentId=ids.get(parent) if parent else None,
                mode="OVERWRITE" if version > 1 else "ADD",
            )
            assert made["__typename"] == "File", made
            ids[key] = made["id"]

        for key, parent in [
            ("shared", None),
            ("shared2", None),
            ("private", None),
            ("dir-t", None),
            ("archive", None),
            ("dir-a", "shared"),
            ("sub-a", "dir-a"),
            ("dir-p", "private"),
        ]:
            await folder(key, parent)
        for key, parent in [
            ("f-s1.txt", "shared"),
            ("f-a1.txt", "dir-a"),
            ("f-a2.txt", "dir-a"),
            ("f-a3.txt", "sub-a"),
            ("f-p1.txt", "private"),
            ("f-p2.txt", "dir-p"),
            ("f-b1.txt", "shared2"),
            ("f-t1.txt", None),
            ("f-t2.txt", "dir-t"),
        ]:
            await file(key, parent)
        await file("f-s1.txt", "shared", version=2)  # rev 2: a stale rev 1 is a conflict
        await file("f-p1.txt", "private", version=2)  # history for restoreRevision
        for key in ("f-t1.txt", "dir-t"):
            deleted = (await gql.data(DELETE, {"id": ids[key]}, token=alice))["deleteEntry"]
            assert deleted["trashed"] is True, deleted
        for share, user, role in [
            ("shared", "bob", "EDITOR"),
            ("shared", "carol", "VIEWER"),
            ("shared2", "carol", "EDITOR"),
        ]:
            shared = (
                await gql.data(
                    SHARE, {"folderId": ids[share], "username": user, "role": role}, token=alice
                )
            )["shareFolder"]
            assert shared["__typename"] == "Folder", shared
        for key in ("dir-a", "private"):
            made = (await gql.data(LINK, {"entryId": ids[key]}, token=alice))["createShareLink"]
            assert made["__typename"] == "ShareLinkCreated", made
            links[key] = made["token"]
        await file("f-d1.txt", None, token=accounts["dave"].token)
        if big:
            await folder("seed", None)
            await folder("big", "shared")
            for n in range(SEED_FILES):
                await file(f"s_{n}.txt", "seed")
            for n in range(max(big // SEED_FILES, 1)):
                made = (
                    await gql.data(
                        COPY,
                        {"id": ids["seed"], "to": ids["big"], "name": f"part_{n}"},
                        token=alice,
                    )
                )["copyEntry"]
                assert made["__typename"] == "Folder", made
        for user in ("bob", "carol"):
            roots = (await gql.data(ROOT_CHILDREN, token=accounts[user].token))["folder"]
            for edge in roots["children"]["edges"]:
                ids[f"{user}:{edge['node']['name']}"] = edge["node"]["id"]
        world = World(name, accounts, ids, links)
        for user, account in accounts.items():
            world.feeds[user], _ = await read_feed(gql, account.token)
    return world


async def drop(client: Any, name: str) -> None:
    with contextlib.suppress(Exception):
        await asyncio.wait_for(client.drop_database(name), 10)
