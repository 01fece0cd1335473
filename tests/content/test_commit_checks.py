"""What a commit re-checks once the bytes are stored (issue 18, items 8 and 9).

- a member removed (or made a viewer) while their upload streams commits nothing;
- a file's history record of its first revision is written before the entry, and
  repair brings back a record that a killed writer left missing;
- commit_revision and restore_revision keep MAX_REVISIONS_PER_FILE revisions.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Awaitable, Callable
from datetime import UTC, datetime, timedelta

import pytest
from bson import ObjectId

from dropbox_lite.core import errors
from dropbox_lite.core.config import Settings
from dropbox_lite.core.db import Database
from dropbox_lite.files import blobs, repair, service, store
from tests.files.factories import Stream, make_user, upload


class HookedStream(Stream):
    """A body that runs `hook` once, when the server has read half of it."""

    def __init__(self, data: bytes, hook: Callable[[], Awaitable[None]]) -> None:
        super().__init__(data)
        self.hook: Callable[[], Awaitable[None]] | None = hook

    async def read(self, size: int = -1) -> bytes:
        if self.hook is not None and self.position >= len(self.data) // 2:
            hook, self.hook = self.hook, None
            await hook()
        return await super().read(min(size, 1024) if size > 0 else size)


async def _shared(db: Database, role: str = "editor") -> tuple[str, str, str, str]:
    owner = await make_user(db, username="owner")
    member = await make_user(db, username="member")
    folder = await service.create_folder(db=db, user_id=owner, parent_id=None, name="Team")
    mount = await service.add_member(
        db=db, owner_id=owner, folder_id=folder.id, member_id=member, role=role
    )
    del mount
    (mounted,) = await service.mounts(db=db, user_id=member)
    return owner, member, folder.id, str(mounted.mount_id)


async def test_an_upload_in_flight_does_not_land_after_remove_member(
    db: Database, settings: Settings
) -> None:
    owner, member, folder, mount = await _shared(db)

    async def remove() -> None:
        await service.remove_member(db=db, owner_id=owner, folder_id=folder, member_id=member)

    with pytest.raises(errors.NotFound):
        await service.store_file(
            db=db,
            settings=settings,
            user_id=member,
            file_obj=HookedStream(b"late bytes" * 1000, remove),
            folder_id=mount,
            name="late.txt",
        )
    assert await db["entries"].count_documents({"name": "late.txt"}) == 0
    assert (await service.usage(db=db, user_id=owner)).used_bytes == 0


async def test_an_upload_in_flight_does_not_land_after_becoming_a_viewer(
    db: Database, settings: Settings
) -> None:
    owner, member, folder, mount = await _shared(db)

    async def demote() -> None:
        await service.set_member_role(
            db=db, owner_id=owner, folder_id=folder, member_id=member, role="viewer"
        )

    with pytest.raises(errors.PermissionDenied):
        await service.store_file(
            db=db,
            settings=settings,
            user_id=member,
            file_obj=HookedStream(b"x" * 10_000, demote),
            folder_id=mount,
            name="late.txt",
        )
    assert await db["entries"].count_documents({"name": "late.txt"}) == 0
    # A member who stays an editor still uploads.
    other = await make_user(db, username="editor")
    await service.add_member(
        db=db, owner_id=owner, folder_id=folder, member_id=other, role="editor"
    )
    (mounted,) = await service.mounts(db=db, user_id=other)
    done = await upload(db, settings, other, b"fine", "fine.txt", folder_id=str(mounted.mount_id))
    assert done.size == 4


async def test_the_first_revisions_record_is_written_before_the_entry(
    db: Database, settings: Settings, monkeypatch: pytest.MonkeyPatch
) -> None:
    user = await make_user(db)
    seen: list[int] = []
    insert_entry = store.insert_entry

    async def spy(db: Database, doc: store.EntryDoc) -> None:
        # What a kill -9 right after the entry's insert would leave: the record is there.
        await insert_entry(db, doc)
        if doc["is_file"]:
            seen.append(await db["revisions"].count_documents({"entry_id": doc["_id"]}))

    monkeypatch.setattr(store, "insert_entry", spy)
    record = await upload(db, settings, user, b"first", "a.txt")
    assert seen == [1]
    revisions = await service.list_revisions(db=db, user_id=user, file_id=record.id)
    assert [r.rev for r in revisions] == [1]
    # A name clash withdraws the record with the entry that did not happen.
    with pytest.raises(errors.NameTaken):
        await upload(db, settings, user, b"second", "A.TXT")
    assert await db["revisions"].count_documents({}) == 1


async def test_repair_restores_a_missing_history_record(db: Database, settings: Settings) -> None:
    user = await make_user(db)
    record = await upload(db, settings, user, b"old file", "a.txt")
    # What an older writer killed between the entry's insert and the record's left.
    await db["revisions"].delete_many({"entry_id": ObjectId(record.id)})
    young = await repair.repair(db=db, settings=settings)
    assert young.records_restored == 0  # the writer may still be at work
    old = datetime.now(UTC) - timedelta(minutes=5)
    await db["entries"].update_one({"_id": ObjectId(record.id)}, {"$set": {"modified_at": old}})
    done = await repair.repair(db=db, settings=settings)
    assert done.records_restored == 1
    (revision,) = await service.list_revisions(db=db, user_id=user, file_id=record.id)
    assert (revision.rev, revision.content_hash) == (1, record.content_hash)
    again = await repair.repair(db=db, settings=settings)
    assert again.records_restored == 0
    # The file's history works again: an overwrite keeps rev 1 as history.
    await upload(db, settings, user, b"new", "a.txt", mode="overwrite")
    revisions = await service.list_revisions(db=db, user_id=user, file_id=record.id)
    assert [r.rev for r in revisions] == [2, 1]


async def test_commit_and_restore_revision_keep_max_revisions_per_file(
    db: Database, settings: Settings
) -> None:
    settings = dataclasses.replace(settings, max_revisions_per_file=3)
    user = await make_user(db)
    record = await upload(db, settings, user, b"v1", "a.txt")
    for n in range(2, 6):
        blob = await blobs.write_blob(db=db, stream=Stream(b"v%d" % n), max_bytes=100)
        record = await service.commit_revision(
            db=db,
            user_id=user,
            file_id=record.id,
            parent_rev=record.rev,
            blob=blob,
            keep=settings.max_revisions_per_file,
        )
    revisions = await service.list_revisions(db=db, user_id=user, file_id=record.id)
    assert [r.rev for r in revisions] == [5, 4, 3]
    restored = await service.restore_revision(
        db=db, user_id=user, file_id=record.id, rev=3, keep=settings.max_revisions_per_file
    )
    assert restored.rev == 6
    revisions = await service.list_revisions(db=db, user_id=user, file_id=record.id)
    assert [r.rev for r in revisions] == [6, 5, 4]
    content = await service.read_file_bytes(db=db, user_id=user, file_id=record.id, limit=100)
    assert content == b"v3"


async def test_more_than_100_revisions_are_kept_when_configured(
    db: Database, settings: Settings
) -> None:
    settings = dataclasses.replace(settings, max_revisions_per_file=105)
    user = await make_user(db)
    record = await upload(db, settings, user, b"v0", "a.txt")
    for n in range(1, 104):
        blob = await blobs.write_blob(db=db, stream=Stream(b"v%d" % n), max_bytes=100)
        record = await service.commit_revision(
            db=db,
            user_id=user,
            file_id=record.id,
            parent_rev=record.rev,
            blob=blob,
            keep=settings.max_revisions_per_file,
        )
    assert record.rev == 104
    assert await db["revisions"].count_documents({"entry_id": ObjectId(record.id)}) == 104
    restored = await service.restore_revision(
        db=db, user_id=user, file_id=record.id, rev=1, keep=settings.max_revisions_per_file
    )
    assert restored.rev == 105
    assert await db["revisions"].count_documents({"entry_id": ObjectId(record.id)}) == 105
