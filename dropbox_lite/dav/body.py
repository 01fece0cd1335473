"""Request bodies: XML read whole up to a cap, file bytes streamed as a Readable."""

from __future__ import annotations

from starlette.types import Receive


class TooLarge(Exception):
    """The body passed its cap."""


class Disconnected(Exception):
    """The client went away in the middle of its body."""


class BodyStream:
    """An ASGI request body as `files.blobs.Readable`: `read(size)`, b"" at the end."""

    def __init__(self, receive: Receive) -> None:
        self._receive = receive
        self._buffer = bytearray()
        self._done = False
        self.read_bytes = 0

    async def _more(self) -> None:
        message = await self._receive()
        if message["type"] == "http.disconnect":
            raise Disconnected
        chunk = message.get("body", b"")
        self.read_bytes += len(chunk)
        self._buffer += chunk
        if not message.get("more_body", False):
            self._done = True

    async def read(self, size: int = -1, /) -> bytes:
        while not self._done and (size < 0 or len(self._buffer) < size):
            await self._more()
        if size < 0 or size >= len(self._buffer):
            data = bytes(self._buffer)
            self._buffer.clear()
            return data
        data = bytes(self._buffer[:size])
        del self._buffer[:size]
        return data

    async def drain(self, limit: int) -> bool:
        """Read and drop what is left, up to `limit` bytes; True when all of it was."""
        self._buffer.clear()
        while not self._done:
            if self.read_bytes > limit:
                return False
            await self._more()
            self._buffer.clear()
        return True

    @property
    def empty_so_far(self) -> bool:
        return self.read_bytes == 0


async def read_capped(stream: BodyStream, limit: int) -> bytes:
    """The whole body, or TooLarge once it passes `limit` bytes."""
    data = bytearray()
    while True:
        chunk = await stream.read(64 * 1024)
        if not chunk:
            return bytes(data)
        data += chunk
        if len(data) > limit:
            raise TooLarge
