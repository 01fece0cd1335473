"""A MongoDB wire-protocol proxy that counts the application's commands and can kill or freeze.

It runs in the test's event loop between the app (motor) and the test server. Every
client message is parsed (header, then OP_MSG / OP_QUERY / OP_COMPRESSED) for its
command name; commands the driver sends on its own (handshakes, heartbeats,
endSessions, killCursors) are forwarded but not counted.

`arm_kill(k)`: the k-th counted command from now is forwarded and its reply
delivered, then every connection is dropped and every later command and connection
is refused. That is what `kill -9` of the app looks like to the database: nothing it
would have sent after that reply ever arrives. A command that races the k-th one on
another connection is refused as well (it would have been sent after the kill point
in a real crash too, or not at all).

`freeze()`: replies are held (not delivered) until `thaw()`; commands still reach the
database. With it a test stops the app mid-operation without killing it.
"""

from __future__ import annotations

import asyncio
import contextlib
import struct
from dataclasses import dataclass

import pytest

# What a killed app and the proxy's dropped connections leave to pymongo's threads or the
# garbage collector: their sockets and asyncio transports, whose warnings then surface in
# whichever test runs (seen in CI: the first sweep test, a proxy test's teardown). The
# modules that kill ignore only these unraisables; any other still fails.
DROPPED_CONNECTIONS = (
    pytest.mark.filterwarnings(
        "ignore:Exception ignored in. <socket.socket:pytest.PytestUnraisableExceptionWarning"
    ),
    pytest.mark.filterwarnings(
        "ignore:Exception ignored in. <function _SelectorTransport.__del__"
        ":pytest.PytestUnraisableExceptionWarning"
    ),
)

# Commands the driver sends by itself, whatever the application does.
DRIVER_COMMANDS = frozenset(
    {
        "hello",
        "ismaster",
        "ping",
        "endsessions",
        "killcursors",
        "buildinfo",
        "saslstart",
        "saslcontinue",
        "authenticate",
        "getnonce",
        "getlasterror",
        "getfreemonitoringstatus",
    }
)

OP_REPLY = 1
OP_QUERY = 2004
OP_COMPRESSED = 2012
OP_MSG = 2013
HEADER = struct.Struct("<iiii")


def _cstring(data: bytes, at: int) -> tuple[str, int]:
    end = data.index(b"\0", at)
    return data[at:end].decode("utf-8", "replace"), end + 1


def _first_key(document: bytes) -> str:
    """The first key of a BSON document (its command name)."""
    if len(document) < 6:
        return ""
    name, _ = _cstring(document, 5)  # int32 length, then element type byte
    return name


def command_name(opcode: int, body: bytes) -> str:
    """The command a client message carries (`opcode-N` when it cannot be parsed)."""
    try:
        if opcode == OP_MSG:
            at = 4  # flagBits
            while at < len(body):
                kind = body[at]
                if kind == 0:
                    return _first_key(body[at + 1 :])
                size = int.from_bytes(body[at + 1 : at + 5], "little")
                at += 1 + size
        elif opcode == OP_QUERY:
            _, at = _cstring(body, 4)  # flags, then fullCollectionName
            return _first_key(body[at + 8 :])  # numberToSkip, numberToReturn
        elif opcode == OP_COMPRESSED:
            original = int.from_bytes(body[0:4], "little", signed=True)
            return f"compressed-{original}"
    except (ValueError, IndexError):
        pass
    return f"opcode-{opcode}"


@dataclass
class Command:
    """One counted command: its number (from 1), name and first argument (a collection)."""

    number: int
    name: str
    request_id: int

    def __str__(self) -> str:
        return f"#{self.number} {self.name}"


class Killed(Exception):
    """Raised into nothing: marks a connection the proxy dropped on purpose."""


class WireProxy:
    """Forwards 127.0.0.1:`port` to the upstream server; see the module doc."""

    def __init__(self, upstream_host: str, upstream_port: int) -> None:
        self.upstream = (upstream_host, upstream_port)
        self.port = 0
        self.commands: list[Command] = []
        self.killed = False
        self.kill_event = asyncio.Event()
        self._kill_at: int | None = None
        self._kill_request: int | None = None
        self._frozen = False
        self._thawed = asyncio.Event()
        self._thawed.set()
        self._server: asyncio.Server | None = None
        self._writers: set[asyncio.StreamWriter] = set()
        self._tasks: set[asyncio.Task[None]] = set()
        self.refused = 0
        self._waiters: list[tuple[int, asyncio.Event]] = []

    # -- life -------------------------------------------------------------------------

    async def start(self) -> None:
        self._server = await asyncio.start_server(self._accept, "127.0.0.1", 0)
        self.port = int(self._server.sockets[0].getsockname()[1])

    def uri(self, db_name: str) -> str:
        """A URI through the proxy; short timeouts so a killed app gives up at once."""
        return (
            f"mongodb://127.0.0.1:{self.port}/{db_name}?directConnection=true"
            "&serverSelectionTimeoutMS=2000&connectTimeoutMS=2000&retryWrites=false"
            "&retryReads=false"
        )

    async def close(self) -> None:
        self._drop_all()
        if self._server is not None:
            self._server.close()
            with contextlib.suppress(Exception):
                await asyncio.wait_for(self._server.wait_closed(), 2)
        for task in list(self._tasks):
            task.cancel()
        if self._tasks:
            await asyncio.gather(*self._tasks, return_exceptions=True)

    # -- control ----------------------------------------------------------------------

    @property
    def count(self) -> int:
        return len(self.commands)

    def names(self, since: int = 0) -> list[str]:
        return [c.name for c in self.commands[since:]]

    def arm_kill(self, k: int) -> None:
        """Kill after the k-th counted command from now (its reply is delivered)."""
        if k < 1:
            raise ValueError("k counts from 1")
        self._kill_at = self.count + k

    async def reached(self, count: int) -> None:
        """Return once `count` commands have been counted in all."""
        if self.count >= count:
            return
        event = asyncio.Event()
        self._waiters.append((count, event))
        await event.wait()

    def disarm(self) -> None:
        self._kill_at = None
        self._kill_request = None

    def kill(self, *, flush: asyncio.StreamWriter | None = None) -> None:
        """Drop every connection now and refuse all later ones.

        `flush`: a connection whose buffered reply is still delivered before it closes.
        """
        self.killed = True
        if flush is not None:
            self._writers.discard(flush)
            with contextlib.suppress(Exception):
                flush.close()
        self._drop_all()
        self.kill_event.set()

    def freeze(self) -> None:
        """Hold every reply from now on (the database still receives commands)."""
        self._frozen = True
        self._thawed.clear()

    def thaw(self) -> None:
        self._frozen = False
        self._thawed.set()

    async def quiet(self, *, for_seconds: float = 0.3, at_most: float = 30.0) -> int:
        """Wait until no command has been counted for `for_seconds`; the count then."""
        loop = asyncio.get_running_loop()
        deadline = loop.time() + at_most
        last = self.count
        still_since = loop.time()
        while loop.time() < deadline:
            await asyncio.sleep(0.05)
            if self.count != last:
                last, still_since = self.count, loop.time()
            elif loop.time() - still_since >= for_seconds:
                return last
        raise TimeoutError(f"the app kept sending commands for {at_most} s")

    # -- plumbing ---------------------------------------------------------------------

    def _drop_all(self) -> None:
        for writer in list(self._writers):
            with contextlib.suppress(Exception):
                writer.transport.abort()
        self._writers.clear()

    async def _accept(self, reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        if self.killed:
            self.refused += 1
            writer.transport.abort()
            return
        try:
            up_reader, up_writer = await asyncio.open_connection(*self.upstream)
        except OSError:
            writer.transport.abort()
            return
        self._writers.update((writer, up_writer))
        task = asyncio.current_task()
        assert task is not None
        self._tasks.add(task)  # type: ignore[arg-type]
        try:
            await asyncio.gather(
                self._client_to_server(reader, up_writer),
                self._server_to_client(up_reader, writer),
            )
        except (asyncio.IncompleteReadError, ConnectionError, OSError, Killed):
            pass
        except asyncio.CancelledError:
            pass  # close(): asyncio's stream callback must not find a cancelled task
        finally:
            self._tasks.discard(task)  # type: ignore[arg-type]
            for end in (writer, up_writer):
                if end in self._writers:  # a reply being flushed by kill() is left to close
                    self._writers.discard(end)
                    with contextlib.suppress(Exception):
                        end.transport.abort()

    async def _client_to_server(
        self, reader: asyncio.StreamReader, up_writer: asyncio.StreamWriter
    ) -> None:
        while True:
            header = await reader.readexactly(16)
            length, request_id, _, opcode = HEADER.unpack(header)
            body = await reader.readexactly(length - 16)
            if self.killed:
                self.refused += 1
                raise Killed
            name = command_name(opcode, body)
            if name.lower() not in DRIVER_COMMANDS:
                if self._kill_at is not None and self.count >= self._kill_at:
                    # Sent after the kill point (on another connection): never arrives.
                    self.refused += 1
                    self.kill()
                    raise Killed
                self.commands.append(Command(self.count + 1, name, request_id))
                for waiting in [w for w in self._waiters if w[0] <= self.count]:
                    self._waiters.remove(waiting)
                    waiting[1].set()
                if self._kill_at is not None and self.count == self._kill_at:
                    self._kill_request = request_id
            up_writer.write(header + body)
            await up_writer.drain()

    async def _server_to_client(
        self, up_reader: asyncio.StreamReader, writer: asyncio.StreamWriter
    ) -> None:
        while True:
            header = await up_reader.readexactly(16)
            length, _, response_to, _ = HEADER.unpack(header)
            body = await up_reader.readexactly(length - 16)
            if self._frozen:
                await self._thawed.wait()
            if self.killed:
                raise Killed
            writer.write(header + body)
            await writer.drain()
            if self._kill_request is not None and response_to == self._kill_request:
                self.kill(flush=writer)
                raise Killed
