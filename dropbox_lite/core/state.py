"""One application's in-process state: its clock and every cache, counter and task it
keeps between requests, in one object built by `create_app` (Seafile's managers hung
off one session object).

Nothing of it lives at module level, so two apps in one process share nothing. A face
reaches it through its request (`state_of`, or the GraphQL context's `state`); a
service is handed the one holder it needs. Each concern's holder is defined beside the
code that uses it; this module only names them.

The files layer's caches (quota.py's ledger guesses and quotas, entries.py's root ids)
are read deep inside writes that take only a database; they find the state of the app
serving the request (or running the task) through `current()`, which `StateScope`
sets for every request, socket and background task the app starts. Outside any app
(a CLI command, a test calling a service) there is none, and they cache nothing.
"""

from __future__ import annotations

import asyncio
import contextlib
from collections.abc import Iterator
from contextvars import ContextVar
from dataclasses import dataclass
from typing import TYPE_CHECKING

from starlette.requests import HTTPConnection
from starlette.types import ASGIApp, Receive, Scope, Send

from dropbox_lite.core.clock import Clock

if TYPE_CHECKING:
    from dropbox_lite.auth.live import LiveSessions
    from dropbox_lite.client.wheel import BuiltWheel
    from dropbox_lite.files.entries import KnownRoots
    from dropbox_lite.files.operations import Running
    from dropbox_lite.files.quota import QuotaCache
    from dropbox_lite.sync.subscriptions import SubscriptionCaps
    from dropbox_lite.sync.waiting import LongPolls


@dataclass
class AppState:
    """What one app keeps between requests (see the module's docstring)."""

    clock: Clock
    live: LiveSessions  # sessions checked a moment ago, sockets watching theirs
    polls: LongPolls  # long polls waiting (sync/waiting.py)
    wheel: BuiltWheel  # the sync client's wheel, once built (client/wheel.py)
    subscriptions: SubscriptionCaps  # open subscriptions per socket and per user
    quota: QuotaCache  # ledger heads and quotas read a moment ago (files/quota.py)
    roots: KnownRoots  # users' root folder ids (files/entries.py)
    running: Running  # operations left running by their request (files/operations.py)
    thumbnails: asyncio.Semaphore  # thumbnails being made at once (files/thumbnails.py)


def state_of(connection: HTTPConnection) -> AppState:
    """The state of the app serving this request or socket."""
    state: AppState = connection.app.state.appstate
    return state


_serving: ContextVar[AppState | None] = ContextVar("dropbox_lite_app_state", default=None)


def current() -> AppState | None:
    """The state of the app this request or task runs in; None outside any app."""
    return _serving.get()


def current_clock() -> Clock:
    """The clock of the app this request or task runs in; the system's outside any app."""
    state = current()
    return Clock() if state is None else state.clock


@contextlib.contextmanager
def serving(state: AppState) -> Iterator[None]:
    """Run the block (and the tasks it starts) as `state`'s app."""
    token = _serving.set(state)
    try:
        yield
    finally:
        _serving.reset(token)


class StateScope:
    """ASGI middleware: each request and socket runs as this app (`current()`)."""

    def __init__(self, app: ASGIApp, *, state: AppState) -> None:
        self.app = app
        self.state = state

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        with serving(self.state):
            await self.app(scope, receive, send)
