"""Two apps in one process share nothing (issue 19 item 4): each keeps its own caches,
on its own clock (core/state.py), even on one database."""

from __future__ import annotations

import asyncio
import contextlib
from collections.abc import AsyncIterator

import httpx
import pytest
from bson import ObjectId
from starlette.applications import Starlette

from dropbox_lite import graphql
from dropbox_lite.core import app as app_module
from dropbox_lite.core.app import create_app
from dropbox_lite.core.clock import Clock
from dropbox_lite.core.config import Settings
from dropbox_lite.core.db import Database
from dropbox_lite.core.requestlog import GraphQLRequestLog
from dropbox_lite.core.state import AppState, current, current_clock
from dropbox_lite.core.state import serving as serving_as
from dropbox_lite.files import operations
from tests.files.helpers import upload_raw
from tests.recording_clock import RecordingClock
from tests.support import GraphQLClient

ME = "{ me { id } }"
LOGIN = """mutation($u: String!, $p: String!) {
  login(username: $u, password: $p) { __typename }
}"""


class Stopped(Clock):
    """A clock that moves only when advanced: what an app caches stays fresh until then."""

    def __init__(self) -> None:
        super().__init__()
        self.at = 1000.0

    def monotonic(self) -> float:
        return self.at

    def advance(self, seconds: float) -> None:
        super().advance(seconds)
        self.at += seconds


@contextlib.asynccontextmanager
async def serving(app: Starlette) -> AsyncIterator[httpx.AsyncClient]:
    async with app.router.lifespan_context(app):
        transport = httpx.ASGITransport(app=app, client=("127.0.0.1", 51000))
        async with httpx.AsyncClient(transport=transport, base_url="http://testserver") as http:
            yield http


def state(app: Starlette) -> AppState:
    found: AppState = app.state.appstate
    return found


async def test_a_session_cached_by_one_app_is_not_trusted_by_another(
    settings: Settings, db: Database
) -> None:
    first = create_app(settings, db=db, clock=Stopped())
    second = create_app(settings, db=db, clock=Stopped())
    assert state(first) is not state(second)
    async with serving(first) as one, serving(second) as two:
        account = await GraphQLClient(one).signup()
        for http in (one, two):
            assert (await GraphQLClient(http).data(ME, token=account.token))["me"] is not None
        # Signed out behind both apps' backs (as by another process): each trusts its own
        # cache until its own second has passed; the second app's, not the first's.
        await db["sessions"].update_many({}, {"$set": {"revoked": True}})
        state(second).clock.advance(2)
        assert (await GraphQLClient(two).data(ME, token=account.token))["me"] is None
        # The second app dropped the ended session from its cache; the first still has it.
        assert (await GraphQLClient(one).data(ME, token=account.token))["me"] is not None
        state(first).clock.advance(2)
        assert (await GraphQLClient(one).data(ME, token=account.token))["me"] is None


async def test_quotas_and_roots_read_by_one_app_are_not_seen_by_another(
    settings: Settings, db: Database
) -> None:
    first = create_app(settings, db=db)
    second = create_app(settings, db=db)
    async with serving(first) as one, serving(second):
        account = await GraphQLClient(one).signup()
        await db["users"].update_one(
            {"_id": ObjectId(account.user_id)}, {"$set": {"quota_bytes": 10_000}}
        )
        body = await upload_raw(one, account.token, b"some bytes", "a.txt")
        assert body["data"]["uploadFile"]["__typename"] == "File", body
        owner = ObjectId(account.user_id)
        assert owner in state(first).roots.ids
        assert [key[1] for key in state(first).quota.quotas] == [owner]
        assert [key[1] for key in state(first).quota.heads] == [owner]
        assert state(second).roots.ids == {}
        assert state(second).quota.quotas == {} and state(second).quota.heads == {}
    assert current() is None  # the apps' requests set it only while they ran


async def test_operations_left_running_and_the_thumbnail_gate_are_each_apps_own(
    settings: Settings, db: Database
) -> None:
    first = create_app(settings, db=db)
    second = create_app(settings, db=db)
    assert state(first).running is not state(second).running
    assert state(first).thumbnails is not state(second).thumbnails
    # An operation whose request is cancelled runs on, kept by the app it ran in.
    release = asyncio.Event()

    async def work() -> str:
        await release.wait()
        return "done"

    async def request() -> str:
        with serving_as(state(first)):
            return await operations.to_the_end(work())

    asked = asyncio.ensure_future(request())
    await asyncio.sleep(0)  # it awaits the shielded work now
    asked.cancel()
    with pytest.raises(asyncio.CancelledError):
        await asked
    (left,) = state(first).running.tasks
    assert state(second).running.tasks == set() and left not in operations.UNSERVED.tasks
    assert await state(second).running.settle(timeout=0) == 0
    assert await state(first).running.settle(timeout=0) == 1  # still waiting
    release.set()
    assert await state(first).running.settle(timeout=5) == 0
    assert left.result() == "done" and state(first).running.tasks == set()
    # One app's thumbnails being made do not hold the other's back.
    async with state(first).thumbnails, state(first).thumbnails:
        assert state(first).thumbnails.locked() and not state(second).thumbnails.locked()


async def test_a_password_slowdown_is_waited_on_the_apps_clock(
    settings: Settings, db: Database
) -> None:
    clock, other = RecordingClock(), RecordingClock()
    app = create_app(settings, db=db, clock=clock)
    async with serving(app) as http, serving(create_app(settings, db=db, clock=other)):
        gql = GraphQLClient(http)
        await gql.signup("slowed", "a fine password")
        for _ in range(3):
            payload = (await gql.data(LOGIN, {"u": "slowed", "p": "a wrong guess"}))["login"]
            assert payload["__typename"] == "InvalidCredentialsError"
    # After the first failure each attempt waited, on this app's clock only: recorded,
    # not slept (the guard's delays are 0.1 s, then doubling).
    assert clock.waits == [0.1, 0.2] and other.waits == []
    # Outside any app the system's clock waits (really): a fresh one each time.
    assert current_clock() is not current_clock()
    with serving_as(state(app)):
        assert current_clock() is clock


def test_apps_built_on_one_schema_leave_it_as_they_found_it(
    settings: Settings, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A schema holds no app's state: apps that share one (the test session's, or any
    embedding's) do not add to it. They once each appended their request-log extension,
    so every operation ran it once per app ever built in the process."""
    schema = graphql.build_schema()
    monkeypatch.setattr(app_module, "build_schema", lambda **_: schema)
    before = schema.extensions
    for _ in range(3):
        create_app(settings)
    assert schema.extensions == before
    assert [type(e) for e in schema.get_extensions()].count(GraphQLRequestLog) == 1
