from __future__ import annotations

import asyncio
import time
from typing import Any

import pytest
from starlette.applications import Starlette

from dropbox_lite.core import db as database
from dropbox_lite.core import errors
from dropbox_lite.core.clock import Clock
from dropbox_lite.core.config import Settings
from dropbox_lite.core.db import Database
from dropbox_lite.core.security import Signer
from dropbox_lite.sync import waiting
from dropbox_lite.sync.waiting import LongPolls
from tests.conftest import SECRET
from tests.support import GraphQLClient, error_codes
from tests.sync import factories
from tests.sync.feed import FeedReader
from tests.sync.polling import PollWatch

WAIT = """
query Wait($cursor: String!, $timeout: Int) {
  waitForChanges(cursor: $cursor, timeoutSeconds: $timeout) { changed backoffSeconds }
}
"""


async def _cursor_at_present(gql: GraphQLClient, token: str) -> str:
    reader = FeedReader(gql, token)
    await reader.catch_up()
    assert reader.cursor is not None
    return reader.cursor


async def test_timeout_must_be_positive(gql: GraphQLClient) -> None:
    account = await gql.signup()
    cursor = await _cursor_at_present(gql, account.token)
    for timeout in (0, -5):
        body = await gql(WAIT, {"cursor": cursor, "timeout": timeout}, token=account.token)
        assert error_codes(body) == ["BAD_USER_INPUT"]


def test_timeout_is_capped() -> None:
    assert waiting.wait_timeout(10_000) == waiting.MAX_WAIT_SECONDS == 480
    assert waiting.wait_timeout(30) == 30


async def test_no_change_returns_at_the_timeout(gql: GraphQLClient) -> None:
    account = await gql.signup()
    cursor = await _cursor_at_present(gql, account.token)
    started = time.monotonic()
    data = await gql.data(WAIT, {"cursor": cursor, "timeout": 1}, token=account.token)
    elapsed = time.monotonic() - started
    assert data["waitForChanges"] == {"changed": False, "backoffSeconds": 0}
    assert 1.0 <= elapsed < 3.0


async def test_a_change_written_to_the_database_wakes_the_poll(
    app: Starlette, gql: GraphQLClient, db: Database, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The writer bypasses the app (as another process would): only polling sees it."""
    account = await gql.signup()
    cursor = await _cursor_at_present(gql, account.token)
    polls = PollWatch(monkeypatch, app)
    poll = asyncio.ensure_future(
        gql.data(WAIT, {"cursor": cursor, "timeout": 10_000}, token=account.token)
    )
    await polls.until_waiting(account.user_id)
    await factories.put(db, account.user_id, "late")
    written = time.monotonic()
    data = await poll
    assert data["waitForChanges"]["changed"] is True
    assert time.monotonic() - written < 1.0


@pytest.mark.server_only
async def test_a_change_by_another_connection_wakes_the_poll(
    app: Starlette, gql: GraphQLClient, settings: Settings, monkeypatch: pytest.MonkeyPatch
) -> None:
    account = await gql.signup()
    cursor = await _cursor_at_present(gql, account.token)
    other = await database.connect(settings)  # its own client, as another app process has
    try:
        polls = PollWatch(monkeypatch, app)
        poll = asyncio.ensure_future(
            gql.data(WAIT, {"cursor": cursor, "timeout": 5}, token=account.token)
        )
        await polls.until_waiting(account.user_id)
        await factories.put(other, account.user_id, "from elsewhere")
        written = time.monotonic()
        data = await poll
        assert data["waitForChanges"]["changed"] is True
        assert time.monotonic() - written < 1.0
    finally:
        other.close()


async def test_pending_changes_return_at_once(
    gql: GraphQLClient, db: Database, monkeypatch: pytest.MonkeyPatch
) -> None:
    account = await gql.signup()
    for n in range(3):
        await factories.put(db, account.user_id, f"f{n}")
    reader = FeedReader(gql, account.token, first=2)
    assert (await reader.page())["hasMore"] is True  # still in the initial sync
    looks: list[bool] = []
    look = waiting._feed_has_changes

    async def counted(**kwargs: Any) -> bool:
        looks.append(await look(**kwargs))
        return looks[-1]

    monkeypatch.setattr(waiting, "_feed_has_changes", counted)
    data = await gql.data(WAIT, {"cursor": reader.cursor, "timeout": 5}, token=account.token)
    assert data["waitForChanges"]["changed"] is True
    assert looks == [True]  # answered at its first look, without waiting (a count, not a clock)


async def test_busy_server_asks_clients_to_back_off(
    gql: GraphQLClient, monkeypatch: pytest.MonkeyPatch
) -> None:
    account = await gql.signup()
    cursor = await _cursor_at_present(gql, account.token)
    monkeypatch.setattr(waiting, "BUSY_WAITERS", 0)
    data = await gql.data(WAIT, {"cursor": cursor, "timeout": 30}, token=account.token)
    assert data["waitForChanges"] == {
        "changed": False,
        "backoffSeconds": waiting.BUSY_BACKOFF_SECONDS,
    }


async def test_wait_checks_cursor_and_sign_in(gql: GraphQLClient) -> None:
    alice = await gql.signup()
    bob = await gql.signup()
    cursor = await _cursor_at_present(gql, alice.token)
    body = await gql(WAIT, {"cursor": "garbage", "timeout": 1}, token=alice.token)
    assert error_codes(body) == ["BAD_USER_INPUT"]
    body = await gql(WAIT, {"cursor": cursor, "timeout": 1}, token=bob.token)
    assert error_codes(body) == ["BAD_USER_INPUT"]
    body = await gql(WAIT, {"cursor": cursor, "timeout": 1})
    assert error_codes(body) == ["UNAUTHENTICATED"]


async def test_one_users_long_polls_are_capped_others_are_not(
    app: Starlette, gql: GraphQLClient, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(waiting, "BUSY_WAITERS_PER_USER", 2)
    alice = await gql.signup()
    bob = await gql.signup()
    alice_cursor = await _cursor_at_present(gql, alice.token)
    bob_cursor = await _cursor_at_present(gql, bob.token)

    def wait(token: str, cursor: str) -> asyncio.Task[dict[str, object]]:
        return asyncio.ensure_future(gql.data(WAIT, {"cursor": cursor, "timeout": 2}, token=token))

    holding = [wait(alice.token, alice_cursor) for _ in range(2)]
    for _ in range(500):
        if app.state.appstate.polls.by_user.get(alice.user_id) == 2:
            break
        await asyncio.sleep(0.01)
    assert app.state.appstate.polls.by_user.get(alice.user_id) == 2
    third = await gql.data(WAIT, {"cursor": alice_cursor, "timeout": 2}, token=alice.token)
    assert third["waitForChanges"] == {
        "changed": False,
        "backoffSeconds": waiting.BUSY_BACKOFF_SECONDS,
    }
    other = await gql.data(WAIT, {"cursor": bob_cursor, "timeout": 1}, token=bob.token)
    assert other["waitForChanges"] == {"changed": False, "backoffSeconds": 0}
    for done in await asyncio.gather(*holding):
        assert done["waitForChanges"] == {"changed": False, "backoffSeconds": 0}
    assert app.state.appstate.polls.by_user == {}


async def test_an_idle_long_poll_reads_only_the_top_number(
    gql: GraphQLClient, db: Database
) -> None:
    account = await gql.signup()
    cursor = await _cursor_at_present(gql, account.token)
    sent: list[str] = []

    class Counting:
        def __getitem__(self, name: str) -> Any:
            collection = db[name]

            class Collection:
                def __getattr__(self, attr: str) -> Any:
                    sent.append(f"{attr} {name}")
                    return getattr(collection, attr)

            return Collection()

        def collection(self, name: str) -> Any:
            return self[name]

    record = await waiting.wait_for_changes(
        db=Counting(),  # type: ignore[arg-type]
        polls=LongPolls(Clock()),
        signer=Signer((SECRET,)),
        user_id=account.user_id,
        cursor=cursor,
        timeout_seconds=1,
    )
    assert record.changed is False
    checked, polls = sent[:2], sent[2:]
    assert checked == ["find_one seq_claims", "find_one seq_claims"]  # the cursor, once
    assert polls and set(polls) == {"find_one seq_claims"}


async def test_a_live_feed_past_the_long_poll_cap_backs_off_instead_of_spinning(
    gql: GraphQLClient, db: Database, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(waiting, "BUSY_WAITERS_PER_USER", 0)
    paused: list[float] = []

    class Recording(Clock):
        async def sleep(self, seconds: float) -> None:
            paused.append(seconds)
            self.advance(seconds)

    account = await gql.signup()
    asked = 0

    async def still_allowed() -> bool:
        nonlocal asked
        asked += 1
        return asked <= 3

    pages = waiting.follow_changes(
        db=db,
        polls=LongPolls(Recording()),
        signer=Signer((SECRET,)),
        user_id=account.user_id,
        cursor=await _cursor_at_present(gql, account.token),
        first=10,
        still_allowed=still_allowed,
    )
    assert (await anext(pages)).changes == []
    with pytest.raises(errors.Unauthenticated):
        await anext(pages)
    # Each refused long poll was followed by its backoff before the feed was read again.
    assert paused == [waiting.BUSY_BACKOFF_SECONDS] * 3
