from __future__ import annotations

from collections.abc import AsyncIterator, Awaitable, Callable
from contextlib import AsyncExitStack
from dataclasses import replace
from typing import Any

import httpx
import pytest
from starlette.applications import Starlette

from dropbox_lite.core.app import create_app
from dropbox_lite.core.clock import Clock
from dropbox_lite.core.config import Settings
from dropbox_lite.core.db import Database
from tests.recording_clock import RecordingClock
from tests.support import GraphQLClient


@pytest.fixture
async def client_at(app: Starlette) -> AsyncIterator[Callable[[str], GraphQLClient]]:
    """GraphQL clients on the same app, each from a client address of its own."""
    async with AsyncExitStack() as stack:

        def make(ip: str) -> GraphQLClient:
            transport = httpx.ASGITransport(app=app, client=(ip, 51000))
            client = httpx.AsyncClient(transport=transport, base_url="http://testserver")
            stack.push_async_callback(client.aclose)
            return GraphQLClient(client)

        yield make


@pytest.fixture
def clock() -> RecordingClock:
    """The clock of this test's apps: the password guards' growing delays are waited
    on it (core/ratelimit.py), so they are recorded instead of slept."""
    return RecordingClock()


@pytest.fixture(autouse=True)
def waits(clock: RecordingClock) -> list[float]:
    """The password guards' delays waited by this test's apps, in order."""
    return clock.waits


@pytest.fixture
async def app(settings: Settings, db: Database, clock: RecordingClock) -> AsyncIterator[Starlette]:
    """The test's app (as tests/conftest.py's), on the recording clock."""
    application = create_app(settings, db=db, clock=clock)
    async with application.router.lifespan_context(application):
        yield application


@pytest.fixture
async def client_with(
    settings: Settings, db: Database, clock: RecordingClock
) -> AsyncIterator[Callable[..., Awaitable[GraphQLClient]]]:
    """A GraphQL client on an app with these settings overridden (same database), on
    the test's recording clock unless given another."""
    recording = clock
    async with AsyncExitStack() as stack:

        async def make(
            ip: str = "127.0.0.1", clock: Clock | None = None, **overrides: Any
        ) -> GraphQLClient:
            app = create_app(replace(settings, **overrides), db=db, clock=clock or recording)
            await stack.enter_async_context(app.router.lifespan_context(app))
            transport = httpx.ASGITransport(app=app, client=(ip, 51000))
            client = httpx.AsyncClient(transport=transport, base_url="http://testserver")
            stack.push_async_callback(client.aclose)
            return GraphQLClient(client)

        yield make
