"""Operations cut short (issue 18): each state between two writes is safe, and whoever
finds an operation unfinished brings the tree to a whole state.

A process that dies is simulated by a step that raises `Killed` while the operation's
own in-process finishing is switched off (`died`): exactly what a kill -9 leaves.
`tests/faults` does the same with a real wire-protocol proxy; these tests pin each
finding of the issue to the write order that fixes it.
"""

from __future__ import annotations

import asyncio
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from typing import Any, cast

import pytest
from bson import ObjectId

from dropbox_lite.core import errors
from dropbox_lite.core.config import Settings
from dropbox_lite.core.db import Database
from dropbox_lite.core.security import Signer
from dropbox_lite.files import operations, store, subtree, tree
from dropbox_lite.files import service as files
from dropbox_lite.sharing import members
from dropbox_lite.sharing import service as sharing
from dropbox_lite.sync import service as sync
from tests.conftest import SECRET
from tests.files.factories import make_user, upload


class Killed(Exception):
    """The process died here."""


@pytest.fixture
def died(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    """A failed step leaves its intent behind, as a dead process does."""

    async def nothing(*args: Any) -> None:
        return None

    monkeypatch.setattr(operations, "_finish_now", nothing)
    yield


async def finish(db: Database) -> int:
    """Upkeep finds the intents of dead processes (their lease taken as run out)."""
    return await operations.finish_abandoned(db, lease=timedelta(0))


def kill_on(monkeypatch: pytest.MonkeyPatch, module: Any, name: str, *, call: int = 1) -> None:
    """`module.name` raises Killed on its `call`-th call (the earlier ones run)."""
    original = getattr(module, name)
    calls = [0]

    async def wrapper(*args: Any, **kwargs: Any) -> Any:
        calls[0] += 1
        if calls[0] == call:
            raise Killed(name)
        return await original(*args, **kwargs)

    monkeypatch.setattr(module, name, wrapper)


async def shared_tree(
    db: Database, settings: Settings, files_below: int = 6, role: str = "editor"
) -> dict[str, Any]:
    """alice's Team (shared with bob) holding Sub with files, and a private Vault."""
    alice, bob = await make_user(db, username="alice"), await make_user(db, username="bob")
    team = await files.create_folder(db=db, user_id=alice, parent_id=None, name="Team")
    sub = await files.create_folder(db=db, user_id=alice, parent_id=team.id, name="Sub")
    deep = await files.create_folder(db=db, user_id=alice, parent_id=sub.id, name="Deep")
    ids = [sub.id, deep.id]
    for n in range(files_below):
        where = sub.id if n % 2 else deep.id
        ids.append((await upload(db, settings, alice, b"x%d" % n, f"f{n}.txt", where)).id)
    vault = await files.create_folder(db=db, user_id=alice, parent_id=None, name="Vault")
    await files.add_member(db=db, owner_id=alice, folder_id=team.id, member_id=bob, role=role)
    return {
        "alice": alice,
        "bob": bob,
        "team": team.id,
        "sub": sub.id,
        "vault": vault.id,
        "ids": ids,
    }


async def visible_to(db: Database, user: str, ids: list[str]) -> list[str]:
    """The ids the user can read by id."""
    seen = []
    for entry_id in ids:
        try:
            await files.get_entry(db=db, user_id=user, entry_id=entry_id, include_trashed=True)
        except errors.NotFound:
            continue
        seen.append(entry_id)
    return seen


async def feed_ids(
    db: Database, user: str, cursor: str | None = None
) -> tuple[dict[str, str], str]:
    """id -> kind of the last change the user's feed serves after `cursor`; the new cursor."""
    signer = Signer((SECRET,))
    last: dict[str, str] = {}
    while True:
        page = await sync.get_updated_files(
            db=db, signer=signer, user_id=user, cursor=cursor, first=500
        )
        for change in page.changes:
            last[change.id] = change.kind
        cursor = page.cursor
        if not page.has_more:
            return last, cursor


async def test_an_intent_left_behind_reads_back_as_a_record_taken_once(
    db: Database, settings: Settings, monkeypatch: pytest.MonkeyPatch, died: None
) -> None:
    t = await shared_tree(db, settings, files_below=2)
    kill_on(monkeypatch, tree, "_relocate")
    with pytest.raises(Killed):
        await files.move_entry(db=db, user_id=t["alice"], entry_id=t["sub"], parent_id=t["vault"])
    (intent,) = await operations.pending(db)
    assert isinstance(intent, operations.Intent)
    assert (intent.kind, str(intent.owner_id)) == ("subtree", t["alice"])
    assert intent.args == {"top": ObjectId(t["sub"])}
    assert intent.started_at <= intent.lease_until
    with pytest.raises(TypeError):
        cast(Any, intent.args)["top"] = None  # read-only: the finisher gets a copy
    # Taking moves the lease: a second taker that read the same intent loses.
    assert await operations._take(db, intent)
    assert not await operations._take(db, intent)
    (held,) = await operations.pending(db)
    assert held.lease_until > intent.lease_until and held.args == intent.args
    assert await finish(db) == 1
    assert await operations.pending(db) == []
    assert await visible_to(db, t["bob"], t["ids"]) == t["ids"]


# -- 1. a folder moved out of a shared folder ----------------------------------------------


async def test_a_move_out_of_a_share_cut_short_never_leaves_members_a_file(
    db: Database, settings: Settings, monkeypatch: pytest.MonkeyPatch, died: None
) -> None:
    t = await shared_tree(db, settings)
    # Dies after the first write of the move (members' access to what is below is
    # withdrawn), before the folder itself moves.
    kill_on(monkeypatch, tree, "_relocate")
    with pytest.raises(Killed):
        await files.move_entry(db=db, user_id=t["alice"], entry_id=t["sub"], parent_id=t["vault"])
    assert await visible_to(db, t["bob"], t["ids"][1:]) == []
    assert [r.path for r in await files.search(db=db, user_id=t["bob"], query="f")] == []
    assert len(await operations.pending(db)) == 1
    # Upkeep rolls it back: the folder never moved, so members see it all again.
    assert await finish(db) == 1
    assert await visible_to(db, t["bob"], t["ids"]) == t["ids"]
    assert await operations.pending(db) == []


async def test_a_move_out_of_a_share_cut_after_the_folder_moved_is_completed(
    db: Database, settings: Settings, monkeypatch: pytest.MonkeyPatch, died: None
) -> None:
    t = await shared_tree(db, settings)
    kill_on(monkeypatch, tree, "_settled_record")  # after every write of the move itself
    with pytest.raises(Killed):
        await files.move_entry(db=db, user_id=t["alice"], entry_id=t["sub"], parent_id=t["vault"])
    assert await visible_to(db, t["bob"], t["ids"]) == []
    await finish(db)
    assert await visible_to(db, t["bob"], t["ids"]) == []
    docs = [await store.entry_by_id(db, ObjectId(i)) for i in t["ids"]]
    assert {d["share_id"] for d in docs if d} == {None}


async def test_a_move_out_of_a_share_survives_its_client_going_away(
    db: Database, settings: Settings, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The request is cancelled once the move began: the move still runs to its end."""
    t = await shared_tree(db, settings, files_below=40)
    # Its first step has begun. (Its intent being readable is not enough: on a server
    # the intent's insert is visible before its writer resumes, and a cancel there ends
    # the request before any step, leaving the intent to upkeep.)
    began = asyncio.Event()
    first_step = subtree.restamp_below

    async def beginning(*args: Any, **kwargs: Any) -> None:
        began.set()
        await first_step(*args, **kwargs)

    monkeypatch.setattr(subtree, "restamp_below", beginning)
    moving = asyncio.ensure_future(
        files.move_entry(db=db, user_id=t["alice"], entry_id=t["sub"], parent_id=t["vault"])
    )
    await began.wait()
    moving.cancel()
    with pytest.raises(asyncio.CancelledError):
        await moving
    # The move, left to run alone (only this loop's: a task an earlier test's loop
    # left behind can never be awaited here).
    loop = asyncio.get_running_loop()
    await asyncio.gather(*(task for task in operations.UNSERVED.tasks if task.get_loop() is loop))
    assert await visible_to(db, t["bob"], t["ids"]) == []
    moved = await store.entry_by_id(db, ObjectId(t["sub"]))
    assert moved is not None and moved["parent_id"] == ObjectId(t["vault"])


async def test_members_feed_does_not_name_the_private_folder_an_entry_left_for(
    db: Database, settings: Settings
) -> None:
    t = await shared_tree(db, settings)
    seen, cursor = await feed_ids(db, t["bob"])
    assert t["sub"] in seen
    await files.move_entry(db=db, user_id=t["alice"], entry_id=t["sub"], parent_id=t["vault"])
    signer = Signer((SECRET,))
    page = await sync.get_updated_files(
        db=db, signer=signer, user_id=t["bob"], cursor=cursor, first=500
    )
    gone = {c.id: c for c in page.changes}
    assert gone[t["sub"]].kind == "DELETED"
    parents = {c.parent_id for c in page.changes}
    assert t["vault"] not in parents and t["sub"] in gone


# -- 2. a restore cut short ----------------------------------------------------------------


async def test_a_restore_cut_short_is_completed_and_hides_nothing(
    db: Database, settings: Settings, monkeypatch: pytest.MonkeyPatch, died: None
) -> None:
    user = await make_user(db)
    top = await files.create_folder(db=db, user_id=user, parent_id=None, name="Big")
    ids = [(await upload(db, settings, user, b"%d" % n, f"{n}.txt", top.id)).id for n in range(12)]
    await files.delete_entry(db=db, user_id=user, entry_id=top.id)
    kill_on(monkeypatch, subtree, "restore_below")
    with pytest.raises(Killed):
        await files.restore_entry(db=db, user_id=user, entry_id=top.id)
    await finish(db)
    page = await files.list_children(db=db, user_id=user, folder_id=top.id, first=100)
    assert sorted(r.id for r in page.items) == sorted(ids)


async def test_a_delete_cut_short_leaves_nothing_live_in_the_trash(
    db: Database, settings: Settings, monkeypatch: pytest.MonkeyPatch, died: None
) -> None:
    user = await make_user(db)
    top = await files.create_folder(db=db, user_id=user, parent_id=None, name="Big")
    ids = [(await upload(db, settings, user, b"%d" % n, f"{n}.txt", top.id)).id for n in range(5)]
    kill_on(monkeypatch, subtree, "trash_below")
    with pytest.raises(Killed):
        await files.delete_entry(db=db, user_id=user, entry_id=top.id)
    await finish(db)
    for entry_id in ids:
        doc = await store.entry_by_id(db, ObjectId(entry_id))
        assert doc is not None and doc["trashed"] and not doc["trash_root"]
    await files.restore_entry(db=db, user_id=user, entry_id=top.id)
    page = await files.list_children(db=db, user_id=user, folder_id=top.id, first=100)
    assert len(page.items) == 5


async def test_an_intent_taken_in_the_millisecond_it_began_is_finished(
    db: Database, settings: Settings, monkeypatch: pytest.MonkeyPatch, died: None
) -> None:
    """Stored times keep milliseconds: taking an intent must change it even when the
    taker's clock reads what its runner's did (the take once changed nothing, read as
    taken by another process, and the intent was left: a flaky test when fast)."""

    class Frozen(datetime):
        @classmethod
        def now(cls, tz: Any = None) -> Frozen:
            return cls(2030, 1, 2, 3, 4, 5, 0, tzinfo=UTC)

    user = await make_user(db)
    top = await files.create_folder(db=db, user_id=user, parent_id=None, name="Big")
    ids = [(await upload(db, settings, user, b"%d" % n, f"{n}.txt", top.id)).id for n in range(3)]
    monkeypatch.setattr(operations, "datetime", Frozen)
    kill_on(monkeypatch, subtree, "trash_below")
    with pytest.raises(Killed):
        await files.delete_entry(db=db, user_id=user, entry_id=top.id)
    assert await finish(db) == 1
    assert await operations.pending(db) == []
    for entry_id in ids:
        doc = await store.entry_by_id(db, ObjectId(entry_id))
        assert doc is not None and doc["trashed"] and not doc["trash_root"]


async def test_a_copy_cut_short_is_undone_whole(
    db: Database, settings: Settings, monkeypatch: pytest.MonkeyPatch, died: None
) -> None:
    user = await make_user(db)
    top = await files.create_folder(db=db, user_id=user, parent_id=None, name="Src")
    for n in range(4):
        await upload(db, settings, user, b"%d" % n, f"{n}.txt", top.id)
    into = await files.create_folder(db=db, user_id=user, parent_id=None, name="Into")
    kill_on(monkeypatch, store, "insert_entry")  # the copy's top goes in last
    with pytest.raises(Killed):
        await files.copy_entry(db=db, user_id=user, entry_id=top.id, parent_id=into.id)
    page = await files.list_children(db=db, user_id=user, folder_id=into.id, first=100)
    assert page.items == []
    await finish(db)
    live = await db["entries"].count_documents({"owner_id": ObjectId(user), "deleted": False})
    assert live == 1 + 1 + 4 + 1  # root, Src and its files, Into: nothing of the copy


# -- 3. membership and mounts --------------------------------------------------------------


async def test_a_removal_cut_short_stops_the_feed_at_once(
    db: Database, settings: Settings, monkeypatch: pytest.MonkeyPatch, died: None
) -> None:
    t = await shared_tree(db, settings)
    _, cursor = await feed_ids(db, t["bob"])
    kill_on(monkeypatch, members, "release_mount")  # the mount is gone, not the membership
    with pytest.raises(Killed):
        await files.remove_member(
            db=db, owner_id=t["alice"], folder_id=t["team"], member_id=t["bob"]
        )
    later = await upload(db, settings, t["alice"], b"secret", "later.txt", t["team"])
    seen, _ = await feed_ids(db, t["bob"], cursor)
    assert later.id not in seen
    await finish(db)
    assert await members.find(db, ObjectId(t["team"]), ObjectId(t["bob"])) is None


async def test_a_mount_without_its_membership_is_never_followed(
    db: Database, settings: Settings
) -> None:
    """The state the old order of removeMember left (membership gone, mount live)."""
    t = await shared_tree(db, settings)
    _, cursor = await feed_ids(db, t["bob"])
    await db["memberships"].delete_many({"user_id": ObjectId(t["bob"])})
    later = await upload(db, settings, t["alice"], b"secret", "later.txt", t["team"])
    seen, _ = await feed_ids(db, t["bob"], cursor)
    fresh, _ = await feed_ids(db, t["bob"])
    assert later.id not in seen and later.id not in fresh


async def test_a_share_cut_short_gives_the_would_be_member_nothing(
    db: Database, settings: Settings, monkeypatch: pytest.MonkeyPatch, died: None
) -> None:
    alice, carol = await make_user(db, username="alice"), await make_user(db, username="carol")
    team = await files.create_folder(db=db, user_id=alice, parent_id=None, name="Team")
    kill_on(monkeypatch, store, "insert_entry")  # the mount: after the membership
    with pytest.raises(Killed):
        await files.add_member(
            db=db, owner_id=alice, folder_id=team.id, member_id=carol, role="viewer"
        )
    later = await upload(db, settings, alice, b"secret", "later.txt", team.id)
    seen, _ = await feed_ids(db, carol)
    assert later.id not in seen
    await finish(db)
    assert await members.find(db, ObjectId(team.id), ObjectId(carol)) is None


async def test_a_member_removed_and_added_again_gets_the_folder_again(
    db: Database, settings: Settings
) -> None:
    t = await shared_tree(db, settings)
    _, cursor = await feed_ids(db, t["bob"])
    await files.remove_member(db=db, owner_id=t["alice"], folder_id=t["team"], member_id=t["bob"])
    await files.add_member(
        db=db, owner_id=t["alice"], folder_id=t["team"], member_id=t["bob"], role="editor"
    )
    seen, _ = await feed_ids(db, t["bob"], cursor)
    # The old mount is reported gone; the new one and everything in it come again.
    assert all(seen.get(i) == "UPSERTED" for i in t["ids"]), seen


# -- 5. links through a mount --------------------------------------------------------------


async def test_a_viewer_cannot_publish_a_shared_folder_through_a_link_of_their_own(
    db: Database, settings: Settings
) -> None:
    t = await shared_tree(db, settings, role="viewer")
    public = await files.create_folder(db=db, user_id=t["bob"], parent_id=None, name="Public")
    mount = next(m for m in await files.mounts(db=db, user_id=t["bob"]))
    await files.move_entry(
        db=db, user_id=t["bob"], entry_id=str(mount.mount_id), parent_id=public.id
    )
    created = await sharing.create_share_link(
        db=db, settings=settings, user_id=t["bob"], entry_id=public.id
    )
    grant = await sharing.validate_share_token(
        db=db, settings=settings, token=created.token, password=None, client_ip="10.0.0.9"
    )
    top = await sharing.resolve_path(db=db, grant=grant, path="/")
    page = await sharing.list_children(db=db, grant=grant, folder=top)
    assert page.items == []
    for path in ("/Team", "/Team/Sub", "/Team/Sub/f1.txt"):
        with pytest.raises(errors.NotFound):
            await sharing.resolve_path(db=db, grant=grant, path=path)


# -- 6. sign-up ------------------------------------------------------------------------------


async def test_an_account_never_exists_without_its_root(
    db: Database, settings: Settings, monkeypatch: pytest.MonkeyPatch
) -> None:
    from dropbox_lite.auth import service as auth
    from dropbox_lite.auth import store as auth_store

    roots_at_insert: list[bool] = []
    original = auth_store.insert_user

    async def insert_user(**kwargs: Any) -> Any:
        found = await store.entry_by_id(db, kwargs["root_id"])
        roots_at_insert.append(found is not None)
        raise Killed("after the root, before the account")

    monkeypatch.setattr(auth_store, "insert_user", insert_user)
    make_account = files.account_maker(db)
    with pytest.raises(Killed):
        await auth.create_user(
            db=db,
            settings=settings,
            username="dora",
            password="long enough pw",
            make_account=make_account,
        )
    assert roots_at_insert == [True]
    monkeypatch.setattr(auth_store, "insert_user", original)
    user = await auth.create_user(
        db=db,
        settings=settings,
        username="dora",
        password="long enough pw",
        make_account=make_account,
    )
    stored = await upload(db, settings, user.id, b"hello", "hello.txt")
    assert stored.parent_id == user.root_id


# -- 7. an editor's restore never writes into the owner's private tree ---------------------


async def test_an_editor_cannot_restore_into_the_owners_root(
    db: Database, settings: Settings
) -> None:
    t = await shared_tree(db, settings)
    doc = await upload(db, settings, t["bob"], b"mine", "note.txt", t["sub"])
    await files.delete_entry(db=db, user_id=t["bob"], entry_id=doc.id)
    await files.delete_entry(db=db, user_id=t["alice"], entry_id=t["team"])
    with pytest.raises(errors.PermissionDenied):
        await files.restore_entry(db=db, user_id=t["bob"], entry_id=doc.id)
    root = await files.get_folder(db=db, user_id=t["alice"])
    page = await files.list_children(db=db, user_id=t["alice"], folder_id=root.id, first=100)
    assert "note.txt" not in [r.name for r in page.items]
