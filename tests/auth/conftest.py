from __future__ import annotations

from collections.abc import AsyncIterator, Awaitable, Callable
from contextlib import AsyncExitStack
from dataclasses import replace
from typing import Any

import httpx
import pytest
from starlette.applications import Starlette

from dropbox_lite.core import ratelimit
from dropbox_lite.core.app import create_app
from dropbox_lite.core.clock import Clock
from dropbox_lite.core.config import Settings
from dropbox_lite.core.db import Database
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


@pytest.fixture(autouse=True)
def waits(monkeypatch: pytest.MonkeyPatch) -> list[float]:
    """The password guards' growing delays, recorded instead of slept."""
    recorded: list[float] = []

    async def record(seconds: float) -> None:
        recorded.append(seconds)

    monkeypatch.setattr(ratelimit, "sleep", record)
    return recorded


@pytest.fixture
async def client_with(
    settings: Settings, db: Database
) -> AsyncIterator[Callable[..., Awaitable[GraphQLClient]]]:
    """A GraphQL client on an app with these settings overridden (same database)."""
    async with AsyncExitStack() as stack:

        async def make(
            ip: str = "127.0.0.1", clock: Clock | None = None, **overrides: Any
        ) -> GraphQLClient:
            app = create_app(replace(settings, **overrides), db=db, clock=clock)
            await stack.enter_async_context(app.router.lifespan_context(app))
            transport = httpx.ASGITransport(app=app, client=(ip, 51000))
            client = httpx.AsyncClient(transport=transport, base_url="http://testserver")
            stack.push_async_callback(client.aclose)
            return GraphQLClient(client)

        yield make
