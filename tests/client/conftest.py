from __future__ import annotations

from collections.abc import AsyncIterator, Awaitable, Callable
from pathlib import Path

import httpx
import pytest
from starlette.applications import Starlette

from tests.client.devices import Device, Faults, FaultyTransport, login
from tests.support import Account, GraphQLClient

MakeDevice = Callable[..., Awaitable[Device]]


@pytest.fixture
async def account(gql: GraphQLClient) -> Account:
    return await gql.signup()


@pytest.fixture
async def device(app: Starlette, account: Account, tmp_path: Path) -> AsyncIterator[MakeDevice]:
    """Devices of `account` (or `user`), each with a folder and a session of its own (and
    `faults`)."""
    clients: list[httpx.AsyncClient] = []

    async def make(name: str, faults: Faults | None = None, user: Account | None = None) -> Device:
        transport: httpx.AsyncBaseTransport = httpx.ASGITransport(
            app=app, client=("127.0.0.1", 51000)
        )
        if faults is not None:
            transport = FaultyTransport(transport, faults)
        http = httpx.AsyncClient(transport=transport, base_url="http://testserver")
        clients.append(http)
        user = user or account
        token = await login(http, user.username, user.password, name)
        return Device(tmp_path / name, http, user.username, token)

    yield make
    for http in clients:
        await http.aclose()
