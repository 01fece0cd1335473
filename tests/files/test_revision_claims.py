"""A revision is claimed (inserted) before the entry moves to it; claims left by dead writers."""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, datetime, timedelta

import pytest
from bson import ObjectId

from dropbox_lite.core import errors
from dropbox_lite.core.config import Settings
from dropbox_lite.core.db import Database
from dropbox_lite.files import blobs, revision_store, service, store
from dropbox_lite.files.records import revision_record
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


async def test_the_store_hands_out_revisions_as_records(db: Database, settings: Settings) -> None:
    user = await make_user(db)
    first = await upload(db, settings, user, b"one")
    await upload(db, settings, user, b"two!", mode="overwrite")
    entry_id = ObjectId(first.id)
    stored = await revision_store.find_revision(db, entry_id, 1)
    assert isinstance(stored, revision_store.StoredRevision)
    assert (stored.entry_id, stored.owner_id, stored.rev, stored.size) == (
        entry_id,
        ObjectId(user),
        1,
        3,
    )
    assert stored.blob_id is None and stored.block_ids is not None and stored.blocks is not None
    assert len(stored.blocks) == len(stored.block_ids) == 1
    assert stored.content_hash == first.content_hash and stored.created_at.tzinfo is not None
    # The service's answer names the bytes by one handle; the block ids stay in the store.
    answer = revision_record(stored)
    assert answer.blob_id == blobs.handle(stored.block_ids) and answer.file_id == first.id
    assert await revision_store.find_revision(db, entry_id, 3) is None
    newest = await revision_store.revisions_of(db, entry_id, up_to=2, limit=5)
    assert [(r.rev, r.size) for r in newest] == [(2, 4), (1, 3)] and newest[1] == stored
    summaries = [s async for s in revision_store.owner_revisions(db, ObjectId(user))]
    assert [(s.id, s.entry_id, s.rev, s.size) for s in summaries] == [
        (stored.id, entry_id, 1, 3),
        (newest[0].id, entry_id, 2, 4),
    ]
    below = [s.rev async for s in revision_store.revisions_up_to(db, entry_id, 2, below=True)]
    assert below == [1]
    # A record is stored as it is read back; a second claim of its rev is refused.
    again = revision_store.new_revision(
        entry_id=ObjectId(),
        owner=ObjectId(user),
        rev=1,
        fields={"blob_id": ObjectId(), "size": 5, "content_hash": "h", "sha256": "s"},
        at=stored.created_at,
    )
    await revision_store.insert_revision(db, again)
    assert await revision_store.find_revision(db, again.entry_id, 1) == again
    assert again.blocks is None and revision_record(again).blob_id == str(again.blob_id)
    with pytest.raises(store.DuplicateKeyError):
        await revision_store.insert_revision(db, replace(again, id=ObjectId()))
