"""Fixtures for both backends: `memory` (mongomock-motor) and `server` (a real server).

Pick one with `pytest --backend=server` or DROPBOX_LITE_TEST_BACKEND=server. The
server backend uses DROPBOX_LITE_TEST_MONGODB_URI when set, else starts a mongod or
FerretDB found on PATH for the session. Each test gets a database of its own, empty, with
the app's indexes; on the server backend a database a test has finished with is emptied
and handed to a later test (`DatabasePool`) instead of creating ~27 indexes again.

Which tests run on which backend (`pytest_collection_modifyitems`):
- pure tests (no backend fixture) run once, on memory;
- `server_only` tests skip on memory;
- `once_on("memory")` / `once_on("server")` tests are backend-independent and heavy (the
  browser UI tests; the third-party WebDAV clients): they run on that backend only.
DROPBOX_LITE_TEST_EVERY_BACKEND=1 runs pure and once_on tests on every backend.
"""

from __future__ import annotations

import functools
import gc
import os
import shutil
import uuid
from collections import defaultdict
from collections.abc import AsyncIterator, Iterator
from typing import Any

import httpx
import pymongo
import pytest
from pymongo import monitoring
from starlette.applications import Starlette

from dropbox_lite import graphql
from dropbox_lite.core import app as app_module
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


EVERY_BACKEND = os.environ.get("DROPBOX_LITE_TEST_EVERY_BACKEND") == "1"


# The test process serves the app in process, and GraphQL execution allocates freely:
# at Python's default thresholds (700, 10, 10) the cyclic collector ran often enough to
# cost about a tenth of the CPU (tests/sharing, files and auth in one process: 19.5-22.2
# user-s against 16.8-18.5). Nothing here relies on when a cycle is collected; the
# fault sweep collects its killed apps' leftovers at each module's end.
GC_THRESHOLDS = (50_000, 20, 100)


def pytest_configure(config: pytest.Config) -> None:
    config.addinivalue_line(
        "markers", "pure: touches no database (set here): runs on the memory backend only"
    )
    gc.set_threshold(*GC_THRESHOLDS)


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    """server_only tests skip on memory; pure ones (no backend fixture) run once, on memory;
    once_on(backend) ones run on that backend only (skipped, with the reason, elsewhere).

    Pure tests are deselected on the server backend, and once_on tests skipped on the
    other backend, unless they are all there is to run (`scripts/test --backend=server
    tests/web/test_app.py` runs it on the server) or DROPBOX_LITE_TEST_EVERY_BACKEND=1.
    """
    backend = config.getoption("--backend")
    pure = [
        item
        for item in items
        if "server_only" not in item.keywords
        and BACKEND_FIXTURES.isdisjoint(getattr(item, "fixturenames", ()))
    ]
    for item in pure:
        item.add_marker(pytest.mark.pure)
    if backend == "server" and not EVERY_BACKEND and len(pure) < len(items):
        config.hook.pytest_deselected(items=pure)
        once = {id(item) for item in pure}
        items[:] = [item for item in items if id(item) not in once]
    elsewhere = [
        (item, marker.args[0])
        for item in items
        if (marker := item.get_closest_marker("once_on")) is not None and marker.args[0] != backend
    ]
    if elsewhere and not EVERY_BACKEND and len(elsewhere) < len(items):
        for item, home in elsewhere:
            item.add_marker(
                pytest.mark.skip(
                    reason=f"once_on({home}): backend-independent, runs on the {home} "
                    "backend only (DROPBOX_LITE_TEST_EVERY_BACKEND=1 runs it here too)"
                )
            )
    if backend == "memory":
        skip = pytest.mark.skip(reason="needs --backend=server")
        for item in items:
            if "server_only" in item.keywords:
                item.add_marker(skip)


@pytest.fixture(scope="session", autouse=True)
def one_schema() -> Iterator[None]:
    """The apps of a session share one GraphQL schema per (introspection, suggestions).

    A schema holds no application state (extensions and DataLoaders are made per
    request), but building one costs ~60 ms and each new one validates every query
    again: per test, about half the cost of `app` on the memory backend. It is still
    built in full, once (tests/core/test_schema.py builds its own).
    """
    with pytest.MonkeyPatch.context() as patch:
        if hasattr(app_module, "build_schema"):  # where create_app finds it
            patch.setattr(app_module, "build_schema", functools.cache(graphql.build_schema))
        yield


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
        with pytest.MonkeyPatch.context() as patch:
            # FerretDB spends a third of its CPU in Go's garbage collector at the default
            # GOGC=100 (tests/faults: 12.4 s -> 8.5 s per operation at 800, 130 MB held).
            patch.setenv("GOGC", os.environ.get("GOGC", "800"))
            server = start_server()
    except RuntimeError as exc:
        pytest.fail(f"--backend=server needs a server: {exc}")
    yield server.uri
    server.stop()
    shutil.rmtree(server.directory, ignore_errors=True)


# Commands that write documents of a collection (its name is the command's value).
WRITES = frozenset({"insert", "update", "delete", "findAndModify"})
# Commands that change a collection itself: a database that saw one is checked in full.
SHAPE_CHANGES = frozenset(
    {"create", "createIndexes", "drop", "dropIndexes", "renameCollection", "collMod"}
)


class Written(monitoring.CommandListener):
    """Which collections the test process's clients wrote to, per database.

    Registered for every client of the session (`pymongo.monitoring.register`): the app's,
    the admin CLI's, the tests' own. Only a hint of what to empty: a database a test hands
    back counts as empty when the server says it holds no document (`DatabasePool`).
    """

    def __init__(self) -> None:
        self.collections: dict[str, set[str]] = defaultdict(set)
        self.reshaped: set[str] = set()

    def started(self, event: monitoring.CommandStartedEvent) -> None:
        name = event.command_name
        if name in WRITES or name in SHAPE_CHANGES:
            target = event.command.get(name)
            if isinstance(target, str):
                self.collections[event.database_name].add(target)
            if name in SHAPE_CHANGES:
                self.reshaped.add(event.database_name)

    def succeeded(self, event: monitoring.CommandSucceededEvent) -> None:
        pass

    def failed(self, event: monitoring.CommandFailedEvent) -> None:
        pass

    def take(self, database: str) -> tuple[set[str], bool]:
        """The collections written in `database`, and whether any was created, dropped or
        reindexed; forgotten."""
        reshaped = database in self.reshaped
        self.reshaped.discard(database)
        return self.collections.pop(database, set()), reshaped


WRITTEN = Written()
monitoring.register(WRITTEN)


class DatabasePool:
    """Server backend: databases tests have finished with, emptied, for the next tests.

    A fresh database costs ~27 createIndexes (80 ms a test on FerretDB). A test's database
    is instead emptied at its end, once the test's client is closed, and kept when it then
    has exactly the collections and indexes of a freshly indexed one (`shape`, read from
    the first); else it is dropped. A test's `db` starts from an empty database either
    way, which no other test uses meanwhile.

    Emptying costs a few commands, not two per collection: the collections the session's
    clients wrote to (`Written`) are emptied, then one dbStats must show no document and
    the collection and index counts of a fresh database. Anything else (a write from
    another process, a collection created, dropped or reindexed) gets the full check:
    every collection emptied and its indexes compared with `shape`.
    """

    KEEP = 8

    def __init__(self, mongo_uri: str | None) -> None:
        self.mongo_uri = mongo_uri
        self.ready: list[str] = []  # emptied, waiting for a test
        self.lent: set[str] = set()  # emptied, taken by a test that has not opened it yet
        self.shape: dict[str, dict[str, Any]] | None = None
        self.counts: tuple[int, int] | None = None  # (collections, indexes) of `shape`
        self._client: pymongo.MongoClient[dict[str, Any]] | None = None

    @property
    def client(self) -> pymongo.MongoClient[dict[str, Any]]:
        if self._client is None:
            self._client = pymongo.MongoClient(self.mongo_uri, serverSelectionTimeoutMS=30_000)
        return self._client

    def take(self) -> str | None:
        if not self.ready:
            return None
        name = self.ready.pop()
        self.lent.add(name)
        return name

    async def indexed(self, opened: database.Database) -> None:
        """Give a test's new database its indexes (a pooled one has them already)."""
        name = opened.db.name
        if name in self.lent:
            self.lent.discard(name)
        else:
            await opened.ensure_indexes()
            if self.shape is None:
                self.shape = self._shape(name)
                stats = self.client[name].command("dbStats")
                self.counts = (int(stats["collections"]), int(stats["indexes"]))
        WRITTEN.take(name)  # its indexes, or the pool's emptying: not the test's writes

    def _shape(self, name: str) -> dict[str, dict[str, Any]]:
        db = self.client[name]
        return {c: db[c].index_information() for c in sorted(db.list_collection_names())}

    def give_back(self, name: str) -> None:
        """Empty a finished test's database and keep it for a later test, or drop it."""
        written, reshaped = WRITTEN.take(name)
        if len(self.ready) < self.KEEP and (
            (not reshaped and self._emptied_written(name, written)) or self._emptied(name)
        ):
            self.ready.append(name)
        else:
            self.client.drop_database(name)

    def _emptied_written(self, name: str, written: set[str]) -> bool:
        """Empty the collections written to (drop those a fresh database lacks); whether
        the database is now as fresh."""
        if self.shape is None or self.counts is None:
            return False
        db = self.client[name]
        for collection in sorted(written):
            if collection in self.shape:
                db[collection].delete_many({})
            else:
                db.drop_collection(collection)
        stats = db.command("dbStats")
        counts = (int(stats["collections"]), int(stats["indexes"]))
        return int(stats["objects"]) == 0 and counts == self.counts

    def _emptied(self, name: str) -> bool:
        if self.shape is None:
            return False
        db = self.client[name]
        names = set(db.list_collection_names())
        if not set(self.shape) <= names or any(n.startswith("system.") for n in names):
            return False
        for extra in names - set(self.shape):
            db.drop_collection(extra)
        for collection, indexes in self.shape.items():
            db[collection].delete_many({})
            if db[collection].index_information() != indexes:
                return False
        return True

    def close(self) -> None:
        """Drop the databases still held."""
        if self._client is not None:
            for name in [*self.ready, *self.lent]:
                self._client.drop_database(name)
            self._client.close()
        self.ready.clear()
        self.lent.clear()


@pytest.fixture(scope="session")
def database_pool(mongo_uri: str | None) -> Iterator[DatabasePool]:
    pool = DatabasePool(mongo_uri)
    yield pool
    pool.close()


@pytest.fixture
def db_name(request: pytest.FixtureRequest, database_pool: DatabasePool) -> str:
    """The test's database name: on the server backend an emptied, indexed one from the
    pool when the test opens `db`, else a new one."""
    if database_pool.mongo_uri is not None and "db" in request.fixturenames:
        pooled = database_pool.take()
        if pooled is not None:
            return pooled
    return new_db_name()


def new_db_name() -> str:
    return f"test_{uuid.uuid4().hex[:12]}"


@pytest.fixture
def settings(mongo_uri: str | None, db_name: str) -> Settings:
    return make_settings(mongo_uri, db_name=db_name)


def make_settings(mongo_uri: str | None, **overrides: Any) -> Settings:
    values: dict[str, Any] = {
        "env": "test",
        "secret_keys": (SECRET,),
        "secret_key_generated": False,
        "bcrypt_rounds": 4,
        "upkeep_interval_seconds": 0,  # no background pass (tests run their own)
        "db_name": new_db_name(),
        "mongodb_uri": mongo_uri,
    }
    values.update(overrides)
    return load_config({}, **values)


@pytest.fixture
async def db(settings: Settings, database_pool: DatabasePool) -> AsyncIterator[database.Database]:
    """The test's database: empty, with the app's indexes."""
    opened = await database.connect(settings)
    if opened.backend == "mongodb":
        await database_pool.indexed(opened)
    else:
        await opened.ensure_indexes()
    # It has every index now: the app's startup (`ensure_indexes`) would only list them
    # again (16 listIndexes a test on the server backend).
    setattr(opened, "ensure_indexes", _indexed_already)  # noqa: B010 - a method, for mypy
    yield opened
    opened.close()  # first: nothing the test left running writes to it any more
    if opened.backend == "mongodb":
        database_pool.give_back(opened.db.name)


async def _indexed_already() -> None:
    pass


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
