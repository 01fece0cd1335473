"""The database goes away while the app runs, and comes back (server backend only)."""

from __future__ import annotations

import shutil
from collections.abc import AsyncIterator, Iterator

import httpx
import pytest

from dropbox_lite.core import db as database
from dropbox_lite.core.app import create_app
from tests.conftest import make_settings
from tests.mongo_server import MongoServer, find_server_kind, start_server
from tests.support import GraphQLClient, error_codes

pytestmark = pytest.mark.server_only


@pytest.fixture
def own_server() -> Iterator[MongoServer]:
    if find_server_kind() is None:
        pytest.skip("needs mongod or ferretdb on PATH to stop and restart")
    server = start_server()
    yield server
    server.stop()
    shutil.rmtree(server.directory, ignore_errors=True)


@pytest.fixture
async def outage_client(own_server: MongoServer) -> AsyncIterator[httpx.AsyncClient]:
    settings = make_settings(own_server.uri)
    db = await database.connect(settings)
    app = create_app(settings, db=db)
    async with app.router.lifespan_context(app):
        transport = httpx.ASGITransport(app=app)
        async with httpx.AsyncClient(transport=transport, base_url="http://t") as client:
            yield client
    db.close()


async def test_outage_is_reported_and_recovers(
    own_server: MongoServer, outage_client: httpx.AsyncClient
) -> None:
    gql = GraphQLClient(outage_client)
    account = await gql.signup("outage")
    assert (await outage_client.get("/readyz")).status_code == 200

    own_server.stop()
    assert (await outage_client.get("/readyz")).status_code == 503
    down = await gql.raw("{ me { username } }", token=account.token)
    assert down.status_code == 503
    assert error_codes(down.json()) == ["SERVICE_UNAVAILABLE"]
    assert "127.0.0.1" not in down.text  # no database host in what clients see
    anonymous = await gql(
        'mutation { signup(username: "later", password: "long enough pw") { __typename } }'
    )
    assert error_codes(anonymous) == ["SERVICE_UNAVAILABLE"]

    own_server.start()
    assert (await outage_client.get("/readyz")).status_code == 200
    me = await gql.data("{ me { username } }", token=account.token)
    assert me["me"]["username"] == "outage"
