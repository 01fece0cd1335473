"""What a PROPFIND costs in database round trips: the folder ETags' walk is one query per
level of the subtree, not one per entry (server backend: commands are counted)."""

from __future__ import annotations

import os
import time
from collections.abc import AsyncIterator

import pytest

from dropbox_lite.core.config import Settings
from tests.dav.helpers import basic, propfind
from tests.round_trips import RoundTrips, counted_app
from tests.support import Account


@pytest.fixture
async def trips(settings: Settings) -> AsyncIterator[RoundTrips]:
    async with counted_app(settings) as counted:
        yield counted


async def _fill(trips: RoundTrips, h: dict[str, str], base: str, folders: int, files: int) -> None:
    for f in range(folders):
        await trips.http.request("MKCOL", f"{base}d{f}", headers=h)
        await trips.http.request("MKCOL", f"{base}d{f}/inner", headers=h)
        for n in range(files):
            await trips.http.put(f"{base}d{f}/inner/f{n}.txt", content=b"x", headers=h)


async def test_a_propfind_walks_the_subtree_by_level_not_by_entry(trips: RoundTrips) -> None:
    alice: Account = await trips.gql.signup()
    h = basic(alice.username, alice.password)
    base = f"/remote.php/dav/files/{alice.username}/"
    await propfind(trips.http, base, h)  # signs in (one bcrypt) outside the counts
    await _fill(trips, h, base, folders=3, files=2)
    with trips.count() as small:
        await propfind(trips.http, base, h)
    await _fill(trips, h, base + "d0/inner/", folders=1, files=0)  # one level deeper
    await _fill(trips, h, base, folders=6, files=4)  # more entries on the same levels
    with trips.count() as large:
        listing = await propfind(trips.http, base, h)
    assert len(listing) == 7
    entries = [c for c in small.commands if c.endswith("entries")]
    more = [c for c in large.commands if c.endswith("entries")]
    # Two more levels: two queries more, whatever the number of entries.
    assert len(more) <= len(entries) + 2, (small, large)
    assert large.count <= 20, large


@pytest.mark.skipif(
    "DROPBOX_LITE_DAV_MEASURE" not in os.environ, reason="a measurement, not a check"
)
async def test_measure_a_propfind_of_two_hundred_entries(trips: RoundTrips) -> None:
    alice: Account = await trips.gql.signup()
    h = basic(alice.username, alice.password)
    base = f"/remote.php/dav/files/{alice.username}/"
    await _fill(trips, h, base, folders=10, files=20)
    query = "query { folder { children(first: 100) { edges { node { name } } } } }"
    runs = 5
    started = time.perf_counter()
    for _ in range(runs):
        await trips.gql.data(query, token=alice.token)
    listing = (time.perf_counter() - started) / runs
    started = time.perf_counter()
    for _ in range(runs):
        await propfind(trips.http, base, h)
    dav = (time.perf_counter() - started) / runs
    with trips.count() as measured:
        await propfind(trips.http, base, h)
    print(
        f"\nGraphQL listing {listing * 1000:.0f} ms; "
        f"PROPFIND depth 1 {dav * 1000:.0f} ms; {measured}"
    )
