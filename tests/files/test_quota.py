"""The quota holds under parallel writers, counts old revisions, and is repaired by upkeep.

Issue 12 items 2-4: on FerretDB v1 a conditional `$inc` is not isolated, so parallel
uploads passed the quota and `usedBytes` drifted; old revisions were unmetered; a
writer that died mid-write kept its bytes for good and blocked its file.
"""

from __future__ import annotations

import asyncio
import os
from datetime import UTC, datetime, timedelta

import httpx
import pytest
from bson import ObjectId
from starlette.applications import Starlette

from dropbox_lite.auth import service as auth_service
from dropbox_lite.core import errors
from dropbox_lite.core.config import Settings
from dropbox_lite.core.db import Database
from dropbox_lite.files import quota, service
from tests.conftest import make_settings
from tests.files.factories import make_user, upload
from tests.files.helpers import upload_raw
from tests.support import GraphQLClient, a_second_later

PURGE = "mutation($id: ID!) { purgeEntry(id: $id) }"
USAGE = "{ me { usage { usedBytes quotaBytes } } }"


@pytest.fixture
def settings(mongo_uri: str | None, db_name: str) -> Settings:
    # Many uploads of one user at once: above the default cap of concurrent uploads.
    return make_settings(mongo_uri, db_name=db_name, max_concurrent_uploads=64)


async def stored_bytes(db: Database, user_id: str) -> int:
    """What the user can retrieve: current revisions of files not purged, and history."""
    owner = ObjectId(user_id)
    total = 0
    revs: dict[ObjectId, int] = {}
    async for entry in db["entries"].find({"owner_id": owner, "is_file": True, "deleted": False}):
        total += int(entry["size"])
        revs[entry["_id"]] = int(entry["rev"])
    async for revision in db["revisions"].find({"owner_id": owner}):
        if revision["entry_id"] in revs and revision["rev"] < revs[revision["entry_id"]]:
            total += int(revision["size"])
    return total


async def used_bytes(gql: GraphQLClient, token: str) -> int:
    data = await gql.data(USAGE, token=token)
    return int(data["me"]["usage"]["usedBytes"])


async def set_quota(app: Starlette, db: Database, user_id: str, quota_bytes: int | None) -> None:
    await db["users"].update_one({"_id": ObjectId(user_id)}, {"$set": {"quota_bytes": quota_bytes}})
    # An upload trusts the quota it read for a second (quota.QUOTA_SECONDS).
    a_second_later(app)


async def test_parallel_uploads_never_pass_the_quota(
    app: Starlette, gql: GraphQLClient, http: httpx.AsyncClient, db: Database
) -> None:
    alice = await gql.signup()
    await set_quota(app, db, alice.user_id, 100_000)
    bodies = [await upload_raw(http, alice.token, os.urandom(100), "warm.bin")]
    results = await asyncio.gather(
        *(upload_raw(http, alice.token, os.urandom(20_000), f"f{i}.bin") for i in range(30))
    )
    bodies.extend(results)
    kinds = [body["data"]["uploadFile"]["__typename"] for body in results]
    assert set(kinds) <= {"File", "QuotaExceededError"}, kinds
    stored = await stored_bytes(db, alice.user_id)
    assert stored <= 100_000
    assert kinds.count("File") == 4  # 100 + 4 x 20,000 fit; a fifth would not
    assert await used_bytes(gql, alice.token) == stored


async def test_parallel_uploads_and_purges_keep_usage_exact(
    app: Starlette, gql: GraphQLClient, http: httpx.AsyncClient, db: Database
) -> None:
    alice = await gql.signup()
    results = await asyncio.gather(
        *(upload_raw(http, alice.token, os.urandom(1000 + i), f"f{i}.bin") for i in range(40))
    )
    ids = [body["data"]["uploadFile"]["id"] for body in results]
    stored = await stored_bytes(db, alice.user_id)
    assert stored == sum(1000 + i for i in range(40))
    assert await used_bytes(gql, alice.token) == stored
    purged = await asyncio.gather(
        *(gql.data(PURGE, {"id": file_id}, token=alice.token) for file_id in ids)
    )
    assert all(p["purgeEntry"] is True for p in purged)
    assert await used_bytes(gql, alice.token) == 0 == await stored_bytes(db, alice.user_id)
    # And the quota still holds afterwards.
    await set_quota(app, db, alice.user_id, 5000)
    over = await upload_raw(http, alice.token, os.urandom(6000), "big.bin")
    assert over["data"]["uploadFile"]["__typename"] == "QuotaExceededError"
    fits = await upload_raw(http, alice.token, os.urandom(5000), "fits.bin")
    assert fits["data"]["uploadFile"]["__typename"] == "File"


async def test_old_revisions_count_and_expire_oldest_first(
    app: Starlette, gql: GraphQLClient, http: httpx.AsyncClient, db: Database
) -> None:
    alice = await gql.signup()
    await set_quota(app, db, alice.user_id, 100_000)
    for i in range(3):
        body = await upload_raw(http, alice.token, bytes([i]) * 30_000, "f.bin", mode="OVERWRITE")
        assert body["data"]["uploadFile"]["rev"] == i + 1
    assert await used_bytes(gql, alice.token) == 90_000  # two old revisions count
    file_id = body["data"]["uploadFile"]["id"]
    revisions = await service.list_revisions(db=db, user_id=alice.user_id, file_id=file_id)
    assert [r.rev for r in revisions] == [3, 2, 1]
    # A fourth needs room: the oldest revision expires, not the write.
    body = await upload_raw(http, alice.token, b"\x09" * 30_000, "f.bin", mode="OVERWRITE")
    assert body["data"]["uploadFile"]["rev"] == 4
    revisions = await service.list_revisions(db=db, user_id=alice.user_id, file_id=file_id)
    assert [r.rev for r in revisions] == [4, 3, 2]
    assert await used_bytes(gql, alice.token) == 90_000 == await stored_bytes(db, alice.user_id)
    # Old revisions are served only while they exist.
    gone = await http.get(f"/files/{file_id}/content?rev=1", headers=alice.headers)
    assert gone.status_code == 404


async def test_overwrites_larger_than_half_the_quota_keep_only_the_current(
    app: Starlette, gql: GraphQLClient, http: httpx.AsyncClient, db: Database
) -> None:
    alice = await gql.signup()
    await set_quota(app, db, alice.user_id, 100_000)
    for i in range(30):
        body = await upload_raw(http, alice.token, bytes([i]) * 90_000, "f.bin", mode="OVERWRITE")
        assert body["data"]["uploadFile"]["__typename"] == "File", body
        assert await stored_bytes(db, alice.user_id) <= 100_000
    file_id = body["data"]["uploadFile"]["id"]
    revisions = await service.list_revisions(db=db, user_id=alice.user_id, file_id=file_id)
    assert [r.rev for r in revisions] == [30]
    assert await used_bytes(gql, alice.token) == 90_000
    # Without history to expire, a new file that does not fit is still refused.
    over = await upload_raw(http, alice.token, os.urandom(20_000), "g.bin")
    assert over["data"]["uploadFile"]["__typename"] == "QuotaExceededError"


async def test_a_file_keeps_at_most_the_configured_revisions(
    db: Database, mongo_uri: str | None
) -> None:
    settings = make_settings(mongo_uri, max_revisions_per_file=3)
    user = await make_user(db)
    for i in range(5):
        record = await upload(db, settings, user, bytes([i]) * 10, mode="overwrite")
    revisions = await service.list_revisions(db=db, user_id=user, file_id=record.id)
    assert [r.rev for r in revisions] == [5, 4, 3]
    assert (await service.usage(db=db, user_id=user)).used_bytes == 30


async def test_repair_releases_bytes_a_dead_writer_took(db: Database, settings: Settings) -> None:
    user = await make_user(db, quota=1000)
    await upload(db, settings, user, b"x" * 400, "kept.bin")
    # A writer that took its bytes and died before its entry was written.
    await quota.reserve(db, ObjectId(user), 500)
    assert (await service.usage(db=db, user_id=user)).used_bytes == 900
    with pytest.raises(errors.QuotaExceeded):
        await upload(db, settings, user, b"y" * 400, "more.bin")
    # Not while the owner is busy: a live writer may be between reserving and committing.
    report = await service.repair(db=db, settings=settings, quiet_seconds=3600)
    assert report.owners_recounted == 0
    assert (await service.usage(db=db, user_id=user)).used_bytes == 900
    report = await service.repair(db=db, settings=settings, quiet_seconds=0)
    assert report.owners_recounted == 1 and report.bytes_released == 500
    assert (await service.usage(db=db, user_id=user)).used_bytes == 400
    assert (await upload(db, settings, user, b"y" * 400, "more.bin")).size == 400
    # A second pass finds nothing to do.
    again = await service.repair(db=db, settings=settings, quiet_seconds=0)
    assert again.owners_recounted == 0 and again.bytes_released == 0


async def test_repair_removes_a_dead_writers_revision_claim(
    db: Database, settings: Settings
) -> None:
    user = await make_user(db)
    first = await upload(db, settings, user, b"one")
    old = datetime.now(UTC) - timedelta(minutes=5)
    await db["revisions"].insert_one(
        {
            "entry_id": ObjectId(first.id),
            "owner_id": ObjectId(user),
            "rev": 2,
            "blob_id": ObjectId(),
            "size": 1,
            "content_hash": "0" * 64,
            "sha256": "0" * 64,
            "created_at": old,
        }
    )
    report = await service.repair(db=db, settings=settings)
    assert report.claims_removed == 1
    second = await upload(db, settings, user, b"two", mode="update", parent_rev=1)
    assert second.rev == 2


async def test_repair_expires_revisions_past_the_retention(
    db: Database, settings: Settings
) -> None:
    user = await make_user(db)
    for data in (b"one", b"two!", b"three"):
        record = await upload(db, settings, user, data, mode="overwrite")
    assert (await service.usage(db=db, user_id=user)).used_bytes == 3 + 4 + 5
    long_ago = datetime.now(UTC) - timedelta(days=settings.revision_days + 1)
    await db["revisions"].update_many(
        {"entry_id": ObjectId(record.id), "rev": {"$lt": 3}}, {"$set": {"created_at": long_ago}}
    )
    report = await service.repair(db=db, settings=settings, quiet_seconds=3600)
    assert report.revisions_expired == 2
    revisions = await service.list_revisions(db=db, user_id=user, file_id=record.id)
    assert [r.rev for r in revisions] == [3]
    assert (await service.usage(db=db, user_id=user)).used_bytes == 5


async def test_a_quota_set_by_the_admin_applies_within_a_second(
    app: Starlette, gql: GraphQLClient, http: httpx.AsyncClient, db: Database
) -> None:
    alice = await gql.signup()
    first = await upload_raw(http, alice.token, b"a" * 100, "a.bin")
    assert first["data"]["uploadFile"]["__typename"] == "File"
    # As `dropbox-lite admin set-quota` does, from another process (no cache cleared here).
    await auth_service.set_quota(db=db, user_id=alice.user_id, quota_bytes=150)
    app.state.appstate.clock.advance(quota.QUOTA_SECONDS + 0.1)
    over = await upload_raw(http, alice.token, b"b" * 100, "b.bin")
    assert over["data"]["uploadFile"]["__typename"] == "QuotaExceededError"
    assert await used_bytes(gql, alice.token) == 100
    fits = await upload_raw(http, alice.token, b"c" * 50, "c.bin")
    assert fits["data"]["uploadFile"]["__typename"] == "File"
