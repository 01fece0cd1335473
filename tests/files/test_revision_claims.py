"""A revision is claimed (inserted) before the entry moves to it; claims left by dead writers."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest
from bson import ObjectId

from dropbox_lite.core import errors
from dropbox_lite.core.config import Settings
from dropbox_lite.core.db import Database
from dropbox_lite.files import service
from tests.files.factories import make_user, upload


async def _orphan_claim(db: Database, file_id: str, rev: int, age: timedelta) -> None:
    """What a writer that died between claiming `rev` and updating the entry leaves."""
    await db["revisions"].insert_one(
        {
            "entry_id": ObjectId(file_id),
            "owner_id": None,
            "rev": rev,
            "blob_id": ObjectId(),
            "size": 1,
            "content_hash": "0" * 64,
            "sha256": "0" * 64,
            "created_at": datetime.now(UTC) - age,
        }
    )


async def test_a_dead_writers_claim_is_taken_over(db: Database, settings: Settings) -> None:
    user = await make_user(db)
    first = await upload(db, settings, user, b"one")
    await _orphan_claim(db, first.id, 2, age=timedelta(minutes=10))
    # Not part of the history: the entry never moved to it.
    revisions = await service.list_revisions(db=db, user_id=user, file_id=first.id)
    assert [r.rev for r in revisions] == [1]
    with pytest.raises(errors.NotFound):
        await service.get_revision(db=db, user_id=user, file_id=first.id, rev=2)

    second = await upload(db, settings, user, b"two", mode="overwrite")
    assert second.rev == 2 and second.content_hash != first.content_hash
    revisions = await service.list_revisions(db=db, user_id=user, file_id=first.id)
    assert [(r.rev, r.size) for r in revisions] == [(2, 3), (1, 3)]


async def test_a_live_writers_claim_is_respected(db: Database, settings: Settings) -> None:
    user = await make_user(db)
    first = await upload(db, settings, user, b"one")
    await _orphan_claim(db, first.id, 2, age=timedelta(seconds=1))
    with pytest.raises(errors.Conflict):
        await upload(db, settings, user, b"two", mode="update", parent_rev=1)
    current = await service.get_entry(db=db, user_id=user, entry_id=first.id)
    assert current.rev == 1
