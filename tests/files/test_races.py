"""Writes racing changes to the tree: trash and purge of the target folder, move cycles.

The interleavings are forced with hooks (a stream that deletes the folder while the
upload is being read, a wrapped folder check or write), so each test fails without
its fix on both backends; the gathered moves race for real on a server.
"""

from __future__ import annotations

import asyncio
from collections.abc import Awaitable, Callable
from typing import Any

import pytest
from bson import ObjectId

from dropbox_lite.core import errors
from dropbox_lite.core.config import Settings
from dropbox_lite.core.db import Database
from dropbox_lite.files import copies, cycles, service, subtree, tree, writes
from dropbox_lite.files import purge as purging
from dropbox_lite.sync import conflicts
from tests.files.factories import Stream, make_user, upload

Hook = Callable[[], Awaitable[Any]]


class HookedStream(Stream):
    """An upload body that runs `hook` once, when the upload starts being read."""

    def __init__(self, data: bytes, hook: Hook) -> None:
        super().__init__(data)
        self.hook: Hook | None = hook

    async def read(self, size: int = -1) -> bytes:
        if self.hook is not None:
            hook, self.hook = self.hook, None
            await hook()
        return await super().read(size)


def after_folder_check(monkeypatch: pytest.MonkeyPatch, hook: Hook) -> None:
    """Run `hook` once, right after the first check that the target folder is live."""
    original = tree.place
    pending: list[Hook] = [hook]

    async def place(*args: Any, **kwargs: Any) -> Any:
        found = await original(*args, **kwargs)
        if pending:
            await pending.pop()()
        return found

    monkeypatch.setattr(tree, "place", place)
    monkeypatch.setattr(copies, "place", place)


async def doc(db: Database, entry_id: str | ObjectId) -> dict[str, Any]:
    found: dict[str, Any] | None = await db["entries"].find_one({"_id": ObjectId(entry_id)})
    assert found is not None
    return found


async def used_bytes(db: Database, user_id: str) -> int:
    return (await service.usage(db=db, user_id=user_id)).used_bytes


async def folder(db: Database, user_id: str, name: str, parent: str | None = None) -> str:
    made = await service.create_folder(db=db, user_id=user_id, parent_id=parent, name=name)
    return made.id


def trash(db: Database, user_id: str, entry_id: str) -> Hook:
    return lambda: service.delete_entry(db=db, user_id=user_id, entry_id=entry_id)


def purge(db: Database, user_id: str, entry_id: str) -> Hook:
    async def run() -> None:
        await service.delete_entry(db=db, user_id=user_id, entry_id=entry_id)
        await service.purge_entry(db=db, user_id=user_id, entry_id=entry_id)

    return run


async def assert_trashed_with(db: Database, user_id: str, entry_id: str, folder_id: str) -> None:
    """Trashed inside the trashed folder (not a trash root), after the folder's change."""
    entry, parent = await doc(db, entry_id), await doc(db, folder_id)
    assert entry["trashed"] is True and entry["trash_root"] is False
    assert entry["deleted"] is False
    assert entry["seq"] > parent["seq"]  # its own change in the feed, after the folder's
    trash_ids = [e.id for e in (await service.list_trash(db=db, user_id=user_id)).items]
    assert entry_id not in trash_ids


async def assert_back(db: Database, user_id: str, entry_id: str, folder_id: str) -> None:
    """Restoring the folder brings the entry back."""
    await service.restore_entry(db=db, user_id=user_id, entry_id=folder_id)
    assert (await doc(db, entry_id))["trashed"] is False
    assert await service.get_entry(db=db, user_id=user_id, entry_id=entry_id)


async def assert_purged(db: Database, entry_id: ObjectId) -> None:
    entry = await doc(db, entry_id)
    assert entry["deleted"] is True and entry["trashed"] is True
    assert entry.get("blob_id") is None
    assert await db["revisions"].count_documents({"entry_id": entry_id}) == 0


async def assert_tree(db: Database, user_id: str) -> None:
    """Every entry not purged reaches the root by its parents."""
    async for entry in db["entries"].find({"owner_id": ObjectId(user_id), "deleted": False}):
        current: Any = entry
        for _ in range(50):
            if current.get("parent_id") is None:
                break
            current = await doc(db, current["parent_id"])
        else:
            raise AssertionError(f"{entry['name']!r} is in a cycle")


# -- 1. an entry written into a folder trashed or purged meanwhile ------------------


async def test_upload_into_a_folder_trashed_while_it_streams(
    db: Database, settings: Settings
) -> None:
    user = await make_user(db)
    outer = await folder(db, user, "outer")
    inner = await folder(db, user, "inner", outer)
    made = await service.store_file(
        db=db,
        settings=settings,
        user_id=user,
        file_obj=HookedStream(b"late bytes", trash(db, user, outer)),
        folder_id=inner,
        name="late.txt",
    )
    assert made.trashed is True
    await assert_trashed_with(db, user, made.id, outer)
    assert await used_bytes(db, user) == len(b"late bytes")
    await assert_back(db, user, made.id, outer)


async def test_upload_into_a_folder_purged_while_it_streams(
    db: Database, settings: Settings
) -> None:
    user = await make_user(db)
    await upload(db, settings, user, b"kept", "kept.txt")
    target = await folder(db, user, "target")
    with pytest.raises(errors.NotFound):
        await service.store_file(
            db=db,
            settings=settings,
            user_id=user,
            file_obj=HookedStream(b"late bytes", purge(db, user, target)),
            folder_id=target,
            name="late.txt",
        )
    late = await db["entries"].find_one({"parent_id": ObjectId(target), "name": "late.txt"})
    assert late is not None
    await assert_purged(db, late["_id"])
    assert late["seq"] > (await doc(db, target))["seq"]
    assert await used_bytes(db, user) == len(b"kept")  # the quota is given back


async def test_create_folder_in_a_folder_trashed_meanwhile(
    db: Database, monkeypatch: pytest.MonkeyPatch
) -> None:
    user = await make_user(db)
    target = await folder(db, user, "target")
    after_folder_check(monkeypatch, trash(db, user, target))
    made = await service.create_folder(db=db, user_id=user, parent_id=target, name="new")
    assert made.trashed is True
    await assert_trashed_with(db, user, made.id, target)
    await assert_back(db, user, made.id, target)


async def test_create_folder_in_a_folder_purged_meanwhile(
    db: Database, monkeypatch: pytest.MonkeyPatch
) -> None:
    user = await make_user(db)
    target = await folder(db, user, "target")
    after_folder_check(monkeypatch, purge(db, user, target))
    with pytest.raises(errors.NotFound):
        await service.create_folder(db=db, user_id=user, parent_id=target, name="new")
    made = await db["entries"].find_one({"parent_id": ObjectId(target), "name": "new"})
    assert made is not None
    await assert_purged(db, made["_id"])


async def test_move_into_a_folder_trashed_meanwhile(
    db: Database, settings: Settings, monkeypatch: pytest.MonkeyPatch
) -> None:
    user = await make_user(db)
    target = await folder(db, user, "target")
    moving = await folder(db, user, "moving")
    inside = await upload(db, settings, user, b"inside", "inside.txt", folder_id=moving)
    after_folder_check(monkeypatch, trash(db, user, target))
    moved = await service.move_entry(db=db, user_id=user, entry_id=moving, parent_id=target)
    assert moved.trashed is True and moved.parent_id == target
    await assert_trashed_with(db, user, moving, target)
    await assert_trashed_with(db, user, inside.id, target)
    await assert_back(db, user, inside.id, target)
    assert (await doc(db, moving))["trashed"] is False


async def test_move_into_a_folder_purged_meanwhile(
    db: Database, settings: Settings, monkeypatch: pytest.MonkeyPatch
) -> None:
    user = await make_user(db)
    target = await folder(db, user, "target")
    moving = await folder(db, user, "moving")
    inside = await upload(db, settings, user, b"inside", "inside.txt", folder_id=moving)
    after_folder_check(monkeypatch, purge(db, user, target))
    with pytest.raises(errors.NotFound):
        await service.move_entry(db=db, user_id=user, entry_id=moving, parent_id=target)
    await assert_purged(db, ObjectId(moving))
    await assert_purged(db, ObjectId(inside.id))
    assert await used_bytes(db, user) == 0


async def test_copy_into_a_folder_trashed_meanwhile(
    db: Database, settings: Settings, monkeypatch: pytest.MonkeyPatch
) -> None:
    user = await make_user(db)
    target = await folder(db, user, "target")
    source = await folder(db, user, "source")
    await upload(db, settings, user, b"inside", "inside.txt", folder_id=source)
    after_folder_check(monkeypatch, trash(db, user, target))
    copy = await service.copy_entry(db=db, user_id=user, entry_id=source, parent_id=target)
    assert copy.trashed is True
    await assert_trashed_with(db, user, copy.id, target)
    inner = await db["entries"].find_one({"parent_id": ObjectId(copy.id)})
    assert inner is not None
    await assert_trashed_with(db, user, str(inner["_id"]), target)
    await assert_back(db, user, str(inner["_id"]), target)


async def test_copy_into_a_folder_purged_meanwhile(
    db: Database, settings: Settings, monkeypatch: pytest.MonkeyPatch
) -> None:
    user = await make_user(db)
    target = await folder(db, user, "target")
    source = await folder(db, user, "source")
    await upload(db, settings, user, b"inside", "inside.txt", folder_id=source)
    after_folder_check(monkeypatch, purge(db, user, target))
    with pytest.raises(errors.NotFound):
        await service.copy_entry(db=db, user_id=user, entry_id=source, parent_id=target)
    copy = await db["entries"].find_one({"parent_id": ObjectId(target)})
    assert copy is not None
    await assert_purged(db, copy["_id"])
    inner = await db["entries"].find_one({"parent_id": copy["_id"]})
    assert inner is not None
    await assert_purged(db, inner["_id"])
    assert await used_bytes(db, user) == len(b"inside")  # the source's bytes only


async def test_purge_catches_an_entry_written_while_it_walked(
    db: Database, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A writer that saw the folder live before the purge marked it: purge sweeps it."""
    user = await make_user(db)
    target = await folder(db, user, "target")
    original = purging._subtree
    late: dict[str, Any] = {}

    async def subtree(db_: Database, root: dict[str, Any], **kwargs: Any) -> list[Any]:
        found = await original(db_, root, **kwargs)
        if not late:  # the purge's first walk is done: a folder lands without settling
            late.update({**await doc(db, target), "_id": ObjectId(), "name": "late"})
            late.update(parent_id=ObjectId(target), slot="late", name_key="late")
            await db["entries"].insert_one(late)
        return found

    monkeypatch.setattr(purging, "_subtree", subtree)
    await service.purge_entry(db=db, user_id=user, entry_id=target)
    assert (await doc(db, late["_id"]))["deleted"] is True


async def test_trash_leaves_an_entry_moved_out_meanwhile(
    db: Database, settings: Settings, monkeypatch: pytest.MonkeyPatch
) -> None:
    user = await make_user(db)
    target = await folder(db, user, "target")
    leaving = await upload(db, settings, user, b"x", "leaving.txt", folder_id=target)
    original = subtree.walk
    moved: list[bool] = []

    async def walk(db_: Database, root: dict[str, Any], **kwargs: Any) -> list[Any]:
        found = await original(db_, root, **kwargs)
        if not moved:  # the trash walked the folder: the file leaves it before it is marked
            moved.append(True)
            await service.move_entry(db=db, user_id=user, entry_id=leaving.id, parent_id=None)
        return found

    monkeypatch.setattr(subtree, "walk", walk)
    await service.delete_entry(db=db, user_id=user, entry_id=target)
    assert (await doc(db, leaving.id))["trashed"] is False
    assert await service.get_entry(db=db, user_id=user, entry_id=leaving.id)


# -- 2. two moves that close a cycle ------------------------------------------------


async def test_a_move_that_closes_a_cycle_is_undone(
    db: Database, monkeypatch: pytest.MonkeyPatch
) -> None:
    """B goes into A after "A into B" checked B's ancestors and before it wrote."""
    user = await make_user(db)
    a, b = await folder(db, user, "a"), await folder(db, user, "b")
    original = tree._relocate
    raced: list[bool] = []

    async def relocate(db_: Database, entry: dict[str, Any], **kwargs: Any) -> dict[str, Any]:
        if not raced:
            raced.append(True)
            await service.move_entry(db=db, user_id=user, entry_id=b, parent_id=a)
        return await original(db_, entry, **kwargs)

    monkeypatch.setattr(tree, "_relocate", relocate)
    with pytest.raises(errors.InvalidMove):
        await service.move_entry(db=db, user_id=user, entry_id=a, parent_id=b)
    root = (await doc(db, a))["parent_id"]
    assert (await doc(db, root))["parent_id"] is None
    assert (await doc(db, b))["parent_id"] == ObjectId(a)
    await assert_tree(db, user)


async def test_two_moves_that_both_see_the_cycle_one_stands(
    db: Database, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Both check, both write, both find the cycle: exactly one is undone."""
    user = await make_user(db)
    a, b = await folder(db, user, "a"), await folder(db, user, "b")
    checked, written, seen = asyncio.Barrier(2), asyncio.Barrier(2), asyncio.Barrier(2)
    relocate, claim_revert = tree._relocate, cycles.claim_revert

    async def relocate_together(*args: Any, **kwargs: Any) -> dict[str, Any]:
        await checked.wait()
        moved = await relocate(*args, **kwargs)
        await written.wait()
        return moved

    async def claim_together(*args: Any) -> bool:
        await seen.wait()  # both wrote and both found the cycle
        return await claim_revert(*args)

    monkeypatch.setattr(tree, "_relocate", relocate_together)
    monkeypatch.setattr(cycles, "claim_revert", claim_together)
    results = await asyncio.wait_for(
        asyncio.gather(
            service.move_entry(db=db, user_id=user, entry_id=a, parent_id=b),
            service.move_entry(db=db, user_id=user, entry_id=b, parent_id=a),
            return_exceptions=True,
        ),
        timeout=30,
    )
    failures = [r for r in results if isinstance(r, BaseException)]
    assert len(failures) == 1, results
    assert isinstance(failures[0], errors.InvalidMove)
    await assert_tree(db, user)


@pytest.mark.parametrize("round_", range(20))
async def test_two_racing_moves_keep_a_tree(db: Database, round_: int) -> None:
    user = await make_user(db)
    a, b = await folder(db, user, "a"), await folder(db, user, "b")
    results = await asyncio.gather(
        service.move_entry(db=db, user_id=user, entry_id=a, parent_id=b),
        service.move_entry(db=db, user_id=user, entry_id=b, parent_id=a),
        return_exceptions=True,
    )
    failures = [r for r in results if isinstance(r, BaseException)]
    assert len(failures) <= 1, results  # at least one move stands
    assert all(isinstance(f, errors.InvalidMove) for f in failures), results
    await assert_tree(db, user)


# -- 3. uploadFile(mode UPDATE) decides with sync's detect_conflicts -----------------


async def test_update_upload_decides_with_detect_conflicts(
    db: Database, settings: Settings, monkeypatch: pytest.MonkeyPatch
) -> None:
    user = await make_user(db)
    first = await upload(db, settings, user, b"v1", "doc.txt")
    second = await upload(db, settings, user, b"v2", "doc.txt", mode="overwrite")
    seen: list[tuple[conflicts.LocalVersion, conflicts.RemoteVersion]] = []

    def spy(
        local: conflicts.LocalVersion, remote: conflicts.RemoteVersion
    ) -> conflicts.SyncDecision:
        seen.append((local, remote))
        return conflicts.detect_conflicts(local, remote)

    monkeypatch.setattr(writes, "detect_conflicts", spy)
    # Stale base, the current content: SAME_CONTENT, nothing changes.
    same = await upload(db, settings, user, b"v2", "doc.txt", mode="update", parent_rev=1)
    assert same.rev == 2
    assert seen[-1] == (
        conflicts.LocalVersion(base_rev=1, content_hash=second.content_hash),
        conflicts.RemoteVersion(rev=2, content_hash=second.content_hash),
    )
    # Stale base, other content: CONFLICT.
    with pytest.raises(errors.Conflict):
        await upload(db, settings, user, b"v3", "doc.txt", mode="update", parent_rev=1)
    # Current base, other content: FAST_FORWARD to rev 3.
    ahead = await upload(db, settings, user, b"v3", "doc.txt", mode="update", parent_rev=2)
    assert ahead.rev == 3 and ahead.id == first.id
    assert len(seen) == 3
