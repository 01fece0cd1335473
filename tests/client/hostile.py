"""A hostile server for the client tests: it answers the client's GraphQL reads (`me`, the
change feed, `entry`) and downloads from a tree it makes up, with any names at all; the
real server's validation would never let such names in."""

from __future__ import annotations

import json
import os
from dataclasses import dataclass
from pathlib import Path

import httpx

from dropbox_lite.client.engine import Engine
from dropbox_lite.client.hashing import hash_bytes
from dropbox_lite.client.progress import Reporter
from dropbox_lite.client.remote import Remote
from dropbox_lite.client.scan import STATE_DIR
from dropbox_lite.client.state import State
from dropbox_lite.client.summary import Stats

ROOT = "root"


@dataclass
class Item:
    id: str
    parent: str | None
    name: str
    content: bytes | None  # None: a folder
    rev: int = 1
    version: int = 0


class HostileServer:
    """A made-up tree served over the client's API; `writes` counts the mutations it got."""

    def __init__(self) -> None:
        self.items: dict[str, Item] = {}
        self.deleted: dict[str, int] = {}
        self.version = 0
        self.writes: list[str] = []
        self.put(ROOT, None, "", None)

    def put(self, i: str, parent: str | None, name: str, content: bytes | None) -> None:
        self.version += 1
        old = self.items.get(i)
        rev = 1 if old is None else old.rev + int(content != old.content)
        self.items[i] = Item(i, parent, name, content, rev, self.version)

    def entry(self, item: Item) -> dict[str, object]:
        if item.content is None:
            return {
                "__typename": "Folder",
                "id": item.id,
                "name": item.name,
                "parentId": item.parent,
            }
        return {
            "__typename": "File",
            "id": item.id,
            "name": item.name,
            "parentId": item.parent,
            "rev": item.rev,
            "contentHash": hash_bytes(item.content),
            "size": len(item.content),
        }

    def changes(self, cursor: str | None) -> dict[str, object]:
        since = int(cursor or 0)
        found: list[dict[str, object]] = [
            {"kind": "UPDATED", "id": i.id, "parentId": i.parent, "entry": self.entry(i)}
            for i in sorted(self.items.values(), key=lambda i: i.version)
            if i.version > since
        ]
        found += [
            {"kind": "DELETED", "id": i, "parentId": None, "entry": None}
            for i, v in self.deleted.items()
            if v > since
        ]
        return {"cursor": str(self.version), "hasMore": False, "changes": found}

    async def handle(self, request: httpx.Request) -> httpx.Response:
        if request.url.path.startswith("/files/"):
            item = self.items.get(request.url.path.split("/")[2])
            if item is None or item.content is None:
                return httpx.Response(404)
            return httpx.Response(200, content=item.content)
        body = json.loads(request.content)
        query, variables = body["query"], body.get("variables") or {}
        if "changes(cursor" in query:
            return httpx.Response(200, json={"data": {"changes": self.changes(variables["c"])}})
        if "me {" in query:
            return httpx.Response(200, json={"data": {"me": {"id": "user"}}})
        if "entry(id" in query:
            item = self.items.get(variables["i"])
            return httpx.Response(
                200, json={"data": {"entry": None if item is None else self.entry(item)}}
            )
        self.writes.append(query)
        return httpx.Response(
            200, json={"errors": [{"message": "read-only", "extensions": {"code": "FORBIDDEN"}}]}
        )

    def client(self) -> httpx.AsyncClient:
        return httpx.AsyncClient(
            transport=httpx.MockTransport(self.handle), base_url="http://hostile"
        )


async def sync(server: HostileServer, folder: Path, reporter: Reporter | None = None) -> Stats:
    """One `sync --once` of `folder` against the hostile server."""
    (folder / STATE_DIR).mkdir(parents=True, exist_ok=True)
    state = State(folder / STATE_DIR / "state.db")
    try:
        async with server.client() as http:
            engine = Engine(
                folder=folder,
                state=state,
                remote=Remote(http, "token"),
                reporter=reporter or Reporter(bar=False),
                username="victim",
            )
            return await engine.sync()
    finally:
        state.close()


def snapshot(top: Path) -> dict[str, bytes | None]:
    """Every path below `top` (links not followed) and its bytes (None: folder or link)."""
    found: dict[str, bytes | None] = {}
    for where, dirs, files in os.walk(top):  # links are not followed
        for name in dirs + files:
            path = Path(where) / name
            rel = str(path.relative_to(top))
            found[rel] = None if path.is_symlink() or path.is_dir() else path.read_bytes()
    return found
