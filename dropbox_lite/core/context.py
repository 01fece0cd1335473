"""The typed per-request context every resolver receives."""

from __future__ import annotations

import asyncio
import contextlib
import logging
from dataclasses import dataclass, field
from datetime import timedelta
from typing import TYPE_CHECKING, Any

from starlette.requests import HTTPConnection
from starlette.websockets import WebSocket, WebSocketState

from dropbox_lite.core.config import Settings
from dropbox_lite.core.db import Database
from dropbox_lite.core.security import Signer
from dropbox_lite.core.state import AppState

if TYPE_CHECKING:
    from dropbox_lite.auth.store import SessionRecord, UserRecord

log = logging.getLogger(__name__)

# The close code of a socket whose session ended (graphql-transport-ws: Forbidden).
SESSION_ENDED = 4403


@dataclass
class Context:
    """What one request or WebSocket connection carries; the user is resolved once."""

    request: HTTPConnection
    response: Any
    settings: Settings
    db: Database
    signer: Signer
    state: AppState  # the app's, shared by its requests (core/state.py)
    user: UserRecord | None = None
    session: SessionRecord | None = None
    # Set by graphql-transport-ws from the `connection_init` payload.
    connection_params: dict[str, Any] = field(default_factory=dict)
    # Per-request caches (DataLoaders and the like) live here, never per process.
    loaders: dict[str, Any] = field(default_factory=dict)
    _closing: asyncio.Task[None] | None = field(default=None, repr=False)
    _loop: asyncio.AbstractEventLoop | None = field(default=None, repr=False)

    def watch_session(self) -> None:
        """On a signed-in WebSocket: once its session ends (logout, revocation, password
        change, a disabled account, expiry), every later operation is anonymous
        (UNAUTHENTICATED where a user is needed) and the socket closes with 4403."""
        socket = self.request
        if self.session is None or not isinstance(socket, WebSocket):
            return
        self._loop = asyncio.get_running_loop()
        self.state.live.watch(
            db=self.db,
            session_id=self.session.id,
            ttl=timedelta(seconds=self.settings.session_ttl_seconds),
            on_ended=self._session_ended,
            gone=lambda: (
                WebSocketState.DISCONNECTED in (socket.client_state, socket.application_state)
            ),
        )

    def _session_ended(self) -> None:
        self.user = None
        self.session = None
        loop = self._loop
        if loop is None or loop.is_closed():
            return
        try:
            running = asyncio.get_running_loop()
        except RuntimeError:
            running = None
        if running is loop:
            self._start_close()
        else:  # ended from another thread's loop (an in-process admin command)
            loop.call_soon_threadsafe(self._start_close)

    def _start_close(self) -> None:
        self._closing = asyncio.get_running_loop().create_task(self._close())

    async def _close(self) -> None:
        socket = self.request
        assert isinstance(socket, WebSocket)
        if socket.application_state == WebSocketState.DISCONNECTED:
            return
        with contextlib.suppress(RuntimeError, OSError):
            await socket.close(code=SESSION_ENDED, reason="Session ended")

    @property
    def client_ip(self) -> str:
        client = self.request.client
        return client.host if client else "unknown"
