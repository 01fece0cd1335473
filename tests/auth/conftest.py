from __future__ import annotations

from collections.abc import AsyncIterator, Callable
from contextlib import AsyncExitStack

import httpx
import pytest
from starlette.applications import Starlette

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
