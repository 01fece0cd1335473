"""Two apps in one process share nothing (issue 19 item 4): each keeps its own caches,
on its own clock (core/state.py), even on one database."""

from __future__ import annotations

import contextlib
from collections.abc import AsyncIterator

import httpx
from bson import ObjectId
from starlette.applications import Starlette

from dropbox_lite.core.app import create_app
from dropbox_lite.core.clock import Clock
from dropbox_lite.core.config import Settings
from dropbox_lite.core.db import Database
from dropbox_lite.core.state import AppState, current
from tests.files.helpers import upload_raw
from tests.support import GraphQLClient

ME = "{ me { id } }"


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
