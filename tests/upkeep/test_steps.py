"""Each pruning step removes what is spent and keeps what is still needed."""

from __future__ import annotations

import asyncio
from datetime import UTC, datetime, timedelta

from bson import ObjectId

from dropbox_lite.core.config import Settings
from dropbox_lite.core.db import Database
from dropbox_lite.files import blobs
from dropbox_lite.upkeep import maintenance, move_cycles, throttles
from tests.support import GraphQLClient


class Stream:
    def __init__(self, data: bytes) -> None:
        self.data = data

    async def read(self, size: int = -1) -> bytes:
        chunk, self.data = self.data[:size], self.data[size:]
        return chunk


async def test_a_pass_ends_expired_sessions_and_invites_through_auth(
    gql: GraphQLClient, db: Database, settings: Settings
) -> None:
    account = await gql.signup()
    now = datetime.now(UTC)
    await db["invites"].insert_many(
        [
            {"_id": "soon", "expires_at": now + timedelta(days=1)},
            {"_id": "later", "expires_at": now + timedelta(days=900)},
        ]
    )
    await db["invite_claims"].insert_one({"_id": "soon", "at": now})
    report = await maintenance.run_pass(db=db, settings=settings, now=now, gc=False)
    assert (report.removed["sessions"], report.removed["expired invites"]) == (0, 0)
    assert (await gql.data("{ me { id } }", token=account.token))["me"]["id"] == account.user_id
    far = now + timedelta(days=400)  # past every session's expiry and the first invite's
    report = await maintenance.run_pass(db=db, settings=settings, now=far, gc=False)
    assert (report.removed["sessions"], report.removed["expired invites"]) == (1, 1)
    assert await db["sessions"].count_documents({}) == 0
    assert [d["_id"] async for d in db["invites"].find({})] == ["later"]
    assert await db["invite_claims"].count_documents({}) == 0


async def test_only_expired_throttle_records_go(db: Database) -> None:
    now = datetime.now(UTC)
    # Both unexpired when written (a TTL index, where there is one, would take the other).
    await db["rate_limits"].insert_many(
        [
            {"key": "password:user:a", "at": now, "expires_at": now + timedelta(minutes=1)},
            {"key": "password:user:a", "at": now, "expires_at": now + timedelta(hours=1)},
        ]
    )
    later = now + timedelta(minutes=2)
    assert await throttles.prune_throttles(db=db, now=later) == 1
    assert await db["rate_limits"].count_documents({}) == 1


async def test_only_old_move_cycle_decisions_go(db: Database) -> None:
    now = datetime.now(UTC)
    await db["move_cycles"].insert_many(
        [
            {"_id": "old", "owner_id": ObjectId(), "at": now - move_cycles.KEEP * 2},
            {"_id": "new", "owner_id": ObjectId(), "at": now},
        ]
    )
    assert await move_cycles.prune_move_cycles(db=db, now=now) == 1
    assert [d["_id"] async for d in db["move_cycles"].find({})] == ["new"]


async def test_a_pass_past_its_deadline_stops_before_the_next_step(
    db: Database, settings: Settings
) -> None:
    loose = await blobs.write_blob(db=db, stream=Stream(b"loose"), max_bytes=1024)
    await asyncio.sleep(0.01)
    past = datetime.now(UTC) - timedelta(seconds=1)
    report = await maintenance.run_pass(db=db, settings=settings, deadline=past)
    assert report.cut_short and report.removed == {} and report.garbage is None
    assert report.summary() == "removed nothing (cut short: its term ended)"
    assert await blobs.blob_size(db=db, blob_id=loose.blob_id) == 5
    report = await maintenance.run_pass(db=db, settings=settings)
    assert report.garbage == [str(b) for b in blobs.block_ids_of(loose.blob_id) or []]
    assert "1 blobs (5 bytes" in report.summary()


async def test_gc_reports_bytes_young_blobs_and_dry_runs(db: Database) -> None:
    one = await blobs.write_blob(db=db, stream=Stream(b"x" * 1000), max_bytes=10_000)
    two = await blobs.write_blob(db=db, stream=Stream(b"y" * 24), max_bytes=10_000)
    young = await blobs.collect_garbage(db=db, grace_seconds=3600)
    assert young == [] and young.young == 2 and young.young_bytes == 1024
    await asyncio.sleep(0.01)
    seen: list[tuple[int, int]] = []
    dry = await blobs.collect_garbage(
        db=db, grace_seconds=0, dry_run=True, progress=lambda d, t: seen.append((d, t))
    )
    stored = [str(b) for blob in (one, two) for b in blobs.block_ids_of(blob.blob_id) or []]
    assert sorted(dry) == sorted(stored) and dry.bytes_reclaimed == 1024
    assert seen == [(1, 2), (2, 2)]
    assert await db["blobs.files"].count_documents({}) == 2  # a dry run removes nothing
    assert await db["blob_index"].count_documents({}) == 2
    done = await blobs.collect_garbage(db=db, grace_seconds=0)
    assert sorted(done) == sorted(dry) and done.bytes_reclaimed == 1024 and done.young == 0
    assert await db["blobs.files"].count_documents({}) == 0


async def test_gc_refuses_a_negative_grace_period(db: Database) -> None:
    import pytest

    with pytest.raises(ValueError, match="must not be negative"):
        await blobs.collect_garbage(db=db, grace_seconds=-1)


async def test_a_pass_removes_share_links_ended_long_ago(db: Database, settings: Settings) -> None:
    now = datetime.now(UTC)
    await db["share_links"].insert_many(
        [
            {"token": "a", "revoked": True, "revoked_at": now - timedelta(days=90)},
            {"token": "b", "revoked": True, "revoked_at": now - timedelta(hours=1)},
            {"token": "c", "revoked": False, "expires_at": None},
        ]
    )
    report = await maintenance.run_pass(db=db, settings=settings, gc=False)
    assert report.removed["ended share links"] == 1
    assert sorted([d["token"] async for d in db["share_links"].find({})]) == ["b", "c"]
