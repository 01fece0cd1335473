"""Watch mode: sync whenever the server (subscription, else long polls) or the folder
(filesystem events) says something changed, and at least every `rescan_seconds`."""

from __future__ import annotations

import asyncio
import contextlib
import json
from pathlib import Path

from dropbox_lite.client.engine import Engine, SyncError
from dropbox_lite.client.remote import RemoteError, Unreachable
from dropbox_lite.client.scan import STATE_DIR
from dropbox_lite.client.summary import Stats

SUBSCRIPTION = "subscription($c: String) { changes(cursor: $c) { cursor changes { id } } }"
RETRY_SECONDS = 3.0


async def watch(engine: Engine, *, server: str, token: str, rescan_seconds: float = 60) -> None:
    """Run until cancelled (SIGINT/SIGTERM cancel it); a cancelled transfer leaves no file."""
    wake = asyncio.Event()
    idle = asyncio.Event()
    stop_files = asyncio.Event()
    helpers = [
        asyncio.create_task(_follow_server(engine, server, token, wake, idle)),
        asyncio.create_task(_follow_folder(engine.folder, wake, stop_files)),
    ]
    wake.set()
    try:
        while True:
            await woken(wake, rescan_seconds)
            wake.clear()
            idle.clear()
            await asyncio.sleep(0.2)  # let a burst of writes land before scanning
            engine.stats = Stats()
            try:
                stats = await engine.sync()
                if stats.changed:
                    engine.reporter.info(stats.summary())
            except Unreachable as exc:
                engine.reporter.warn(f"{exc}; retrying")
                engine.reporter.warned.clear()
                await asyncio.sleep(RETRY_SECONDS)
                wake.set()
            except SyncError as exc:
                if str(exc).startswith("signed out"):
                    raise
                engine.reporter.warn(str(exc))
            idle.set()
    finally:
        stop_files.set()
        for task in helpers:
            task.cancel()
        for task in helpers:
            with contextlib.suppress(asyncio.CancelledError, Exception):
                await task


async def woken(event: asyncio.Event, seconds: float) -> None:
    """Wait until `event` is set or `seconds` pass; a cancel always goes through.

    asyncio.timeout, not wait_for: on Python 3.11 wait_for swallows a cancel (Ctrl-C,
    SIGTERM) that lands in the step the event is set, and the client never stopped."""
    with contextlib.suppress(TimeoutError):
        async with asyncio.timeout(seconds):
            await event.wait()


async def _follow_server(
    engine: Engine, server: str, token: str, wake: asyncio.Event, idle: asyncio.Event
) -> None:
    url = server.replace("https://", "wss://", 1).replace("http://", "ws://", 1).rstrip("/")
    while True:
        try:
            await _subscribe(f"{url}/graphql", token, engine.state.get("cursor"), wake)
        except asyncio.CancelledError:
            raise
        except Exception as exc:  # the WebSocket failed in any way: long polls instead
            engine.reporter.warn(f"live updates unavailable ({exc}); polling instead")
        deadline = asyncio.get_running_loop().time() + 120
        while asyncio.get_running_loop().time() < deadline:
            cursor = engine.state.get("cursor")
            if cursor is None:
                await asyncio.sleep(RETRY_SECONDS)
                continue
            try:
                changed, backoff = await engine.remote.wait_for_changes(cursor, 30)
            except (Unreachable, RemoteError):
                await asyncio.sleep(RETRY_SECONDS)
                continue
            if changed:
                idle.clear()
                wake.set()
                await idle.wait()
            if backoff:
                await asyncio.sleep(backoff)


async def _subscribe(url: str, token: str, cursor: str | None, wake: asyncio.Event) -> None:
    import websockets

    async with websockets.connect(url, subprotocols=["graphql-transport-ws"]) as socket:  # type: ignore[list-item]
        await socket.send(
            json.dumps({"type": "connection_init", "payload": {"Authorization": f"Bearer {token}"}})
        )
        async with asyncio.timeout(10):  # not wait_for: see woken()
            ack = json.loads(await socket.recv())
        if ack.get("type") != "connection_ack":
            raise ConnectionError(f"the server answered {ack.get('type')}")
        payload = {"query": SUBSCRIPTION, "variables": {"c": cursor}}
        await socket.send(json.dumps({"id": "changes", "type": "subscribe", "payload": payload}))
        async for raw in socket:
            message = json.loads(raw)
            kind = message.get("type")
            if kind == "ping":
                await socket.send(json.dumps({"type": "pong"}))
            elif kind == "next":
                page = (message.get("payload", {}).get("data") or {}).get("changes") or {}
                if page.get("changes"):
                    wake.set()
            elif kind in ("error", "complete"):
                raise ConnectionError(f"the subscription ended ({kind})")


async def _follow_folder(folder: Path, wake: asyncio.Event, stop: asyncio.Event) -> None:
    from watchfiles import awatch

    def interesting(_change: object, path: str) -> bool:
        relative = Path(path).relative_to(folder)
        return not relative.parts or relative.parts[0] != STATE_DIR

    async for _changes in awatch(folder, watch_filter=interesting, stop_event=stop, debounce=300):
        wake.set()
