"""Fixtures for both backends: `memory` (mongomock-motor) and `server` (a real server).

Pick one with `pytest --backend=server` or DROPBOX_LITE_TEST_BACKEND=server. The
server backend uses DROPBOX_LITE_TEST_MONGODB_URI when set, else starts a mongod or
FerretDB found on PATH for the session. Each test gets a database of its own.
"""

from __future__ import annotations

import os
import shutil
import uuid
from collections.abc import AsyncIterator, Iterator
from typing import Any

import httpx
import pytest
from starlette.applications import Starlette

from dropbox_lite.core import db as database
from dropbox_lite.core.app import create_app
from dropbox_lite.core.config import Settings, load_config
from tests.mongo_server import MongoServer, start_server
from tests.support import GraphQLClient

SECRET = "test-secret-key-0123456789abcdef"


def pytest_addoption(parser: pytest.Parser) -> None:
    parser.addoption(
        "--backend",
        choices=("memory", "server"),
        default=os.environ.get("DROPBOX_LITE_TEST_BACKEND", "memory"),
        help="memory: mongomock-motor; server: a real MongoDB wire-protocol server",
    )


def pytest_report_header(config: pytest.Config) -> str:
    return f"dropbox-lite backend: {config.getoption('--backend')}"


# A test that asks for none of these cannot tell the backends apart.
BACKEND_FIXTURES = frozenset({"mongo_uri", "backend"})


def pytest_configure(config: pytest.Config) -> None:
    config.addinivalue_line(
        "markers", "pure: touches no database (set here): runs on the memory backend only"
    )


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    """server_only tests skip on memory; pure ones (no backend fixture) run once, on memory.

    On the server backend pure tests are deselected, unless they are all there is to
    run (`scripts/test tests/client/test_planner.py` still runs on both).
    """
    pure = [
        item
        for item in items
        if "server_only" not in item.keywords
        and BACKEND_FIXTURES.isdisjoint(getattr(item, "fixturenames", ()))
    ]
    for item in pure:
        item.add_marker(pytest.mark.pure)
    if config.getoption("--backend") == "server":
        if len(pure) < len(items):
            config.hook.pytest_deselected(items=pure)
            once = {id(item) for item in pure}
            items[:] = [item for item in items if id(item) not in once]
        return
    skip = pytest.mark.skip(reason="needs --backend=server")
    for item in items:
        if "server_only" in item.keywords:
            item.add_marker(skip)


@pytest.fixture(scope="session")
def backend(pytestconfig: pytest.Config) -> str:
    return str(pytestconfig.getoption("--backend"))


@pytest.fixture(scope="session")
def mongo_uri(backend: str) -> Iterator[str | None]:
    """The server backend's URI (None on the memory backend)."""
    if backend == "memory":
        yield None
        return
    given = os.environ.get("DROPBOX_LITE_TEST_MONGODB_URI")
    if given:
        yield given
        return
    server: MongoServer | None = None
    try:
        server = start_server()
    except RuntimeError as exc:
        pytest.fail(f"--backend=server needs a server: {exc}")
    yield server.uri
    server.stop()
    shutil.rmtree(server.directory, ignore_errors=True)


@pytest.fixture
def settings(mongo_uri: str | None) -> Settings:
    return make_settings(mongo_uri)


def make_settings(mongo_uri: str | None, **overrides: Any) -> Settings:
    values: dict[str, Any] = {
        "env": "test",
        "secret_keys": (SECRET,),
        "secret_key_generated": False,
        "bcrypt_rounds": 4,
        "db_name": f"test_{uuid.uuid4().hex[:12]}",
        "mongodb_uri": mongo_uri,
    }
    values.update(overrides)
    return load_config({}, **values)


@pytest.fixture
async def db(settings: Settings) -> AsyncIterator[database.Database]:
    opened = await database.connect(settings)
    await opened.ensure_indexes()
    yield opened
    if opened.backend == "mongodb":
        await opened.client.drop_database(settings.db_name)
    opened.close()


@pytest.fixture
async def app(settings: Settings, db: database.Database) -> AsyncIterator[Starlette]:
    application = create_app(settings, db=db)
    async with application.router.lifespan_context(application):
        yield application


@pytest.fixture
async def http(app: Starlette) -> AsyncIterator[httpx.AsyncClient]:
    transport = httpx.ASGITransport(app=app, client=("127.0.0.1", 51000))
    async with httpx.AsyncClient(transport=transport, base_url="http://testserver") as client:
        yield client


@pytest.fixture
def gql(http: httpx.AsyncClient) -> GraphQLClient:
    return GraphQLClient(http)
