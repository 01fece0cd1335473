"""Sync devices for the tests: a folder, its own session and the engine, in process."""

from __future__ import annotations

import os
import random
import unicodedata
from collections.abc import AsyncIterator, Callable
from pathlib import Path

import httpx

from dropbox_lite.client.engine import Engine
from dropbox_lite.client.hashing import hash_file
from dropbox_lite.client.ops import Op
from dropbox_lite.client.progress import Reporter
from dropbox_lite.client.remote import Remote, node_of
from dropbox_lite.client.scan import STATE_DIR
from dropbox_lite.client.state import State
from dropbox_lite.client.summary import Stats
from dropbox_lite.client.tree import Node, paths


class Faults:
    """Breaks requests on purpose: before they reach the server, or after it answered."""

    def __init__(self, rng: random.Random) -> None:
        self.rng = rng
        self.rate = 0.0
        self.injected = 0

    def roll(self) -> bool:
        if self.rate and self.rng.random() < self.rate:
            self.injected += 1
            return True
        return False


class _BrokenStream(httpx.AsyncByteStream):
    def __init__(self, inner: httpx.AsyncByteStream) -> None:
        self.inner = inner

    async def __aiter__(self) -> AsyncIterator[bytes]:
        async for chunk in self.inner:
            yield chunk[: max(1, len(chunk) // 2)]
            raise httpx.ReadError("connection dropped mid-download")

    async def aclose(self) -> None:
        await self.inner.aclose()


class FaultyTransport(httpx.AsyncBaseTransport):
    """The in-process server, with faults: a dropped connection, a client killed after the
    server did the work (the answer never arrives), a download cut half-way."""

    def __init__(self, inner: httpx.AsyncBaseTransport, faults: Faults) -> None:
        self.inner = inner
        self.faults = faults

    async def handle_async_request(self, request: httpx.Request) -> httpx.Response:
        if self.faults.roll():
            raise httpx.ConnectError("connection refused (injected)")
        response = await self.inner.handle_async_request(request)
        if self.faults.roll():
            await response.aclose()
            raise httpx.ReadError("killed before the answer arrived (injected)")
        if "/content" in request.url.path and self.faults.roll():
            assert isinstance(response.stream, httpx.AsyncByteStream)
            response.stream = _BrokenStream(response.stream)
        return response


class Device:
    """One synced folder signed in as `username`."""

    def __init__(self, folder: Path, http: httpx.AsyncClient, username: str, token: str) -> None:
        self.folder = folder
        self.http = http
        self.username = username
        self.token = token
        folder.mkdir(parents=True, exist_ok=True)
        (folder / STATE_DIR).mkdir(exist_ok=True)
        # Run once, right after the next sync carried out its first operation: a change
        # made on the disk while that sync is running.
        self.during: Callable[[], None] | None = None

    def engine(self, state: State) -> Engine:
        return Engine(
            folder=self.folder,
            state=state,
            remote=Remote(self.http, self.token),
            reporter=Reporter(bar=False),
            username=self.username,
        )

    async def sync(self) -> Stats:
        state = State(self.folder / STATE_DIR / "state.db")
        try:
            engine = self.engine(state)
            hook, self.during = self.during, None
            if hook is not None:
                apply = engine.apply

                async def apply_then_change(op: Op) -> None:
                    nonlocal hook
                    await apply(op)
                    if hook is not None:
                        hook, run = None, hook
                        run()

                engine.apply = apply_then_change  # type: ignore[method-assign]
            return await engine.sync()
        finally:
            state.close()

    def base_paths(self) -> dict[str, str]:
        """path -> id of what this device last agreed on with the server."""
        state = State(self.folder / STATE_DIR / "state.db")
        try:
            root = state.get("root_id")
            base = state.base()
        finally:
            state.close()
        if root is None:
            return {}
        return {p: i for i, p in paths(base, root).items() if p}

    def base_hashes(self) -> dict[str, str]:
        """id -> content hash of the files this device last agreed on with the server."""
        state = State(self.folder / STATE_DIR / "state.db")
        try:
            return {i: n.hash for i, n in state.base().items() if n.hash is not None}
        finally:
            state.close()


async def login(http: httpx.AsyncClient, username: str, password: str, device: str) -> str:
    token, _ = await Remote(http).login(username, password, device)
    return token


def nfc(path: str) -> str:
    return unicodedata.normalize("NFC", path)


def local_tree(folder: Path) -> dict[str, str | None]:
    """path (NFC) -> content hash, None for folders; without the state folder."""
    found: dict[str, str | None] = {}
    for top, dirs, files in os.walk(folder):
        rel = os.path.relpath(top, folder)
        if rel == ".":
            dirs[:] = [d for d in dirs if d != STATE_DIR]
            rel = ""
        for name in dirs:
            found[nfc(f"{rel}/{name}" if rel else name)] = None
        for name in files:
            found[nfc(f"{rel}/{name}" if rel else name)] = hash_file(Path(top) / name)
    return found


async def server_tree(
    http: httpx.AsyncClient, token: str
) -> tuple[dict[str, str | None], set[str]]:
    """The server's live tree as path -> content hash (None: folder), and its ids."""
    nodes, found = await server_nodes(http, token)
    tree = {nfc(p): nodes[i].hash for i, p in found.items() if p}
    return tree, set(found)


async def server_nodes(
    http: httpx.AsyncClient, token: str
) -> tuple[dict[str, Node], dict[str, str]]:
    """The nodes of the server's tree as its feed gives them, and id -> path of the live ones."""
    remote = Remote(http, token)
    cursor: str | None = None
    nodes: dict[str, Node] = {}
    root = None
    while True:
        page = await remote.changes(cursor)
        for change in page["changes"]:
            if change["kind"] == "DELETED":
                nodes.pop(change["id"], None)
            else:
                node = node_of(change["entry"])
                nodes[node.id] = node
                if node.parent_id is None:
                    root = node.id
        cursor = page["cursor"]
        if not page["hasMore"]:
            break
    assert root is not None
    return nodes, paths(nodes, root)
