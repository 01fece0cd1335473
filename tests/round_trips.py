"""Counting the MongoDB commands the app sends (pymongo command monitoring).

Every command the driver starts is one round trip to the server (a getMore
included). `RoundTrips` wraps an app whose motor client reports to a counter;
`count()` measures what happens inside its block. Server backend only:
mongomock-motor sends nothing over a wire.
"""

from __future__ import annotations

import contextlib
from collections import Counter
from collections.abc import AsyncIterator, Iterator
from dataclasses import dataclass, field

import httpx
import pytest
from pymongo import monitoring
from starlette.applications import Starlette

from dropbox_lite.auth import live
from dropbox_lite.core import db as database
from dropbox_lite.core.app import create_app
from dropbox_lite.core.clock import Clock
from dropbox_lite.core.config import Settings
from tests.support import GraphQLClient

# Commands the driver sends on its own, not on behalf of a request.
BACKGROUND = frozenset({"hello", "ismaster", "isMaster", "ping", "endSessions", "killCursors"})


class CommandCounter(monitoring.CommandListener):
    """Records the name (and first collection) of every command the client starts."""

    def __init__(self) -> None:
        self.commands: list[str] = []

    def started(self, event: monitoring.CommandStartedEvent) -> None:
        if event.command_name in BACKGROUND:
            return
        target = event.command.get(event.command_name)
        where = target if isinstance(target, str) else ""
        self.commands.append(f"{event.command_name} {where}".strip())

    def succeeded(self, event: monitoring.CommandSucceededEvent) -> None:
        pass

    def failed(self, event: monitoring.CommandFailedEvent) -> None:
        pass


@dataclass
class Measured:
    commands: list[str] = field(default_factory=list)

    @property
    def count(self) -> int:
        return len(self.commands)

    def __str__(self) -> str:
        by_kind = Counter(self.commands)
        listing = ", ".join(f"{name} x{n}" for name, n in sorted(by_kind.items()))
        return f"{self.count} round trips: {listing}"


@dataclass
class RoundTrips:
    http: httpx.AsyncClient
    gql: GraphQLClient
    db: database.Database
    counter: CommandCounter
    clock: Clock  # the app's

    @contextlib.contextmanager
    def count(self, *, steady: bool = True) -> Iterator[Measured]:
        """The commands sent inside the block.

        Steady (the default): a session is read again once a second, not once per
        request, so budgets leave that read out; inside the block a session this
        process has checked stays trusted from its cache, however slow the machine
        is. `steady=False` leaves the cache's second as it is (to measure the cache).
        """
        measured = Measured()
        start = len(self.counter.commands)
        trusted_for = live.CACHE_SECONDS
        if steady:
            live.CACHE_SECONDS = 3600.0
        try:
            yield measured
        finally:
            live.CACHE_SECONDS = trusted_for
            measured.commands = self.counter.commands[start:]


@contextlib.asynccontextmanager
async def counted_app(settings: Settings) -> AsyncIterator[RoundTrips]:
    """An app on the server backend whose every database command is counted."""
    if settings.embedded:
        pytest.skip("round trips are counted on the server backend")
    counter = CommandCounter()
    opened = await database.connect(settings, event_listeners=[counter])
    await opened.ensure_indexes()
    try:
        app: Starlette = create_app(settings, db=opened)
        async with app.router.lifespan_context(app):
            transport = httpx.ASGITransport(app=app, client=("127.0.0.1", 51000))
            async with httpx.AsyncClient(transport=transport, base_url="http://testserver") as c:
                yield RoundTrips(
                    http=c,
                    gql=GraphQLClient(c),
                    db=opened,
                    counter=counter,
                    clock=app.state.appstate.clock,
                )
    finally:
        await opened.client.drop_database(settings.db_name)
        opened.close()
