"""An authenticated request's sign-in costs at most one round trip (issue 11), and the
session cache never outlives a revocation: at once here, within a second elsewhere."""

from __future__ import annotations

from collections.abc import AsyncIterator

import pytest

from dropbox_lite.core.config import Settings
from tests.round_trips import RoundTrips, counted_app

pytestmark = pytest.mark.server_only

ME = "{ me { id username } }"


@pytest.fixture
async def trips(settings: Settings) -> AsyncIterator[RoundTrips]:
    async with counted_app(settings) as counted:
        yield counted


async def test_me_costs_two_then_none_then_one_per_second(trips: RoundTrips) -> None:
    account = await trips.gql.signup()
    with trips.count() as first:
        assert (await trips.gql.data(ME, token=account.token))["me"]["id"] == account.user_id
    assert first.commands == ["find sessions", "find users"], first
    with trips.count() as cached:
        await trips.gql.data(ME, token=account.token)
    assert cached.count == 0, cached
    trips.clock.advance(1.5)  # the next request comes more than a second later
    with trips.count(steady=False) as checked:
        await trips.gql.data(ME, token=account.token)
    assert checked.commands == ["find sessions"], checked
    trips.clock.advance(61)  # a minute later the user's record is read again too
    with trips.count(steady=False) as reread:
        await trips.gql.data(ME, token=account.token)
    assert reread.commands == ["find sessions", "find users"], reread


async def test_a_revocation_elsewhere_ends_the_cached_session_within_a_second(
    trips: RoundTrips,
) -> None:
    account = await trips.gql.signup()
    await trips.gql.data(ME, token=account.token)
    await trips.db["sessions"].update_many({}, {"$set": {"revoked": True}})  # another process
    trips.clock.advance(1.5)
    assert (await trips.gql.data(ME, token=account.token))["me"] is None


async def test_a_logout_here_ends_the_cached_session_at_once(trips: RoundTrips) -> None:
    account = await trips.gql.signup()
    await trips.gql.data(ME, token=account.token)  # cached now
    assert (await trips.gql.data("mutation { logout }", token=account.token))["logout"] is True
    assert (await trips.gql.data(ME, token=account.token))["me"] is None
