"""The engine against the real server (in process, both backends): the rules of issue 9."""

from __future__ import annotations

import errno
import os
import unicodedata
from pathlib import Path
from typing import Any

import pytest

from dropbox_lite.client import ops as o
from dropbox_lite.client.engine import Engine, SyncError
from dropbox_lite.client.hashing import hash_bytes
from dropbox_lite.client.remote import Remote, RemoteError
from dropbox_lite.client.state import State
from dropbox_lite.client.summary import describe
from tests.client.conftest import MakeDevice
from tests.client.devices import local_tree, server_nodes, server_tree
from tests.support import Account


async def test_two_devices_converge_on_files_folders_and_empty_folders(
    device: MakeDevice,
) -> None:
    one, two = await device("one"), await device("two")
    (one.folder / "docs" / "empty").mkdir(parents=True)
    (one.folder / "docs" / "a.txt").write_text("hello\n")
    (one.folder / "big.bin").write_bytes(os.urandom(300_000))
    stats = await one.sync()
    assert (stats.up_files, stats.up_bytes) == (2, 300_006)
    stats = await two.sync()
    assert (stats.down_files, stats.down_bytes) == (2, 300_006)
    assert local_tree(two.folder) == local_tree(one.folder)
    again = await one.sync(), await two.sync()
    assert [s.changed for s in again] == [0, 0]


async def test_same_content_on_both_sides_is_never_transferred(device: MakeDevice) -> None:
    one, two = await device("one"), await device("two")
    (one.folder / "same.txt").write_text("same\n")
    (two.folder / "same.txt").write_text("same\n")
    await one.sync()
    stats = await two.sync()
    assert (stats.down_files, stats.up_files, stats.conflicts) == (0, 0, 0)


async def test_edit_edit_text_is_merged(device: MakeDevice) -> None:
    one, two = await device("one"), await device("two")
    (one.folder / "n.txt").write_text("a\nb\nc\n")
    await one.sync()
    await two.sync()
    (one.folder / "n.txt").write_text("A\nb\nc\n")
    (two.folder / "n.txt").write_text("a\nb\nC\n")
    await one.sync()
    stats = await two.sync()
    assert stats.conflicts == 1
    await one.sync()
    assert (one.folder / "n.txt").read_text() == "A\nb\nC\n"
    assert (two.folder / "n.txt").read_text() == "A\nb\nC\n"
    assert sorted(local_tree(one.folder)) == ["n.txt"]


async def test_edit_edit_binary_keeps_both_on_every_device(
    device: MakeDevice, account: Account
) -> None:
    one, two = await device("one"), await device("two")
    (one.folder / "p.bin").write_bytes(b"\x00base")
    await one.sync()
    await two.sync()
    (one.folder / "p.bin").write_bytes(b"\x00one")
    (two.folder / "p.bin").write_bytes(b"\x00two")
    await one.sync()
    stats = await two.sync()
    assert stats.conflicts == 1
    await one.sync()
    tree_one, tree_two = local_tree(one.folder), local_tree(two.folder)
    assert tree_one == tree_two and len(tree_one) == 2
    copy = next(p for p in tree_one if p != "p.bin")
    assert copy.startswith(f"p ({account.username}'s conflicted copy ")
    assert (one.folder / "p.bin").read_bytes() == b"\x00one"
    assert (one.folder / copy).read_bytes() == b"\x00two"


async def test_edit_beats_delete_both_ways(device: MakeDevice) -> None:
    one, two = await device("one"), await device("two")
    (one.folder / "x.txt").write_text("x\n")
    (one.folder / "y.txt").write_text("y\n")
    await one.sync()
    await two.sync()
    (one.folder / "x.txt").unlink()  # deleted here, edited there: comes back
    (two.folder / "x.txt").write_text("x edited\n")
    (one.folder / "y.txt").write_text("y edited\n")  # edited here, deleted there
    (two.folder / "y.txt").unlink()
    await one.sync()
    await two.sync()
    await one.sync()
    for folder in (one.folder, two.folder):
        assert (folder / "x.txt").read_text() == "x edited\n"
        assert (folder / "y.txt").read_text() == "y edited\n"


async def test_untouched_delete_and_folder_delete_take_effect(device: MakeDevice) -> None:
    one, two = await device("one"), await device("two")
    (one.folder / "F" / "G").mkdir(parents=True)
    (one.folder / "F" / "G" / "x").write_text("1")
    (one.folder / "gone.txt").write_text("2")
    await one.sync()
    await two.sync()
    (two.folder / "F" / "G" / "x").unlink()
    (two.folder / "F" / "G").rmdir()
    (two.folder / "F").rmdir()
    (two.folder / "gone.txt").unlink()
    stats = await two.sync()
    assert stats.deletions == 2  # one deleteEntry for the folder tree
    stats = await one.sync()
    assert local_tree(one.folder) == {}
    assert stats.deletions == 4


async def test_renames_and_moves_are_not_transfers(device: MakeDevice) -> None:
    one, two = await device("one"), await device("two")
    (one.folder / "F").mkdir()
    (one.folder / "a.txt").write_text("a")
    (one.folder / "b.txt").write_text("b")
    await one.sync()
    await two.sync()
    (one.folder / "a.txt").rename(one.folder / "F" / "moved.txt")
    (one.folder / "b.txt").rename(one.folder / "B.txt")  # case only
    (one.folder / "F").rename(one.folder / "Folder")
    stats = await one.sync()
    assert (stats.up_files, stats.deletions) == (0, 0)
    stats = await two.sync()
    assert (stats.down_files, stats.deletions) == (0, 0)
    assert sorted(local_tree(two.folder)) == ["B.txt", "Folder", "Folder/moved.txt"]
    # and back the other way, case only
    (two.folder / "B.txt").rename(two.folder / "b.txt")
    await two.sync()
    await one.sync()
    assert sorted(os.listdir(one.folder))[:2] == [".dropbox-lite", "Folder"]
    assert (one.folder / "b.txt").exists() and not (one.folder / "B.txt").exists()


async def test_lost_state_reconciles_by_content(device: MakeDevice, account: Account) -> None:
    one, two = await device("one"), await device("two")
    (one.folder / "same.txt").write_text("same")
    (one.folder / "differs.txt").write_text("server")
    await one.sync()
    await two.sync()
    state = two.folder / ".dropbox-lite" / "state.db"
    for extra in ("", "-wal", "-shm"):
        Path(f"{state}{extra}").unlink(missing_ok=True)
    (two.folder / "differs.txt").write_text("local")
    (two.folder / "mine.txt").write_text("only here")
    stats = await two.sync()
    assert stats.deletions == 0 and stats.down_files == 1 and stats.up_files == 2
    await one.sync()
    tree = local_tree(one.folder)
    assert tree == local_tree(two.folder)
    assert len(tree) == 4  # same, differs, its conflicted copy, mine
    copy = next(p for p in tree if "conflicted copy" in p)
    assert (one.folder / copy).read_text() == "local"
    assert (one.folder / "differs.txt").read_text() == "server"


async def test_ignore_file_symlinks_and_nfd_names(device: MakeDevice) -> None:
    one, two = await device("one"), await device("two")
    (one.folder / ".dropbox-lite-ignore").write_text("*.tmp\nbuild/\n")
    (one.folder / "build").mkdir()
    (one.folder / "build" / "out.o").write_text("x")
    (one.folder / "scratch.tmp").write_text("x")
    (one.folder / "link").symlink_to("scratch.tmp")
    nfd = unicodedata.normalize("NFD", "café.txt")
    (one.folder / nfd).write_text("c")
    await one.sync()
    await two.sync()
    assert sorted(local_tree(two.folder)) == ["café.txt"]
    assert (await one.sync()).changed == 0  # NFD here, NFC there: not a rename


async def test_a_download_never_overwrites_a_local_edit(device: MakeDevice) -> None:
    one, two = await device("one"), await device("two")
    (one.folder / "f.txt").write_text("v1\n")
    await one.sync()
    await two.sync()
    (one.folder / "f.txt").write_text("v2 from one\n")
    await one.sync()
    (two.folder / "f.txt").write_bytes(b"\x00edited meanwhile")
    await two.sync()
    await one.sync()
    assert local_tree(one.folder) == local_tree(two.folder)
    contents = {p.read_bytes() for p in two.folder.iterdir() if p.is_file()}
    assert contents == {b"v2 from one\n", b"\x00edited meanwhile"}


async def test_server_and_devices_agree(device: MakeDevice) -> None:
    one = await device("one")
    (one.folder / "D").mkdir()
    (one.folder / "D" / "f").write_text("f")
    await one.sync()
    tree, _ = await server_tree(one.http, one.token)
    assert tree == local_tree(one.folder)


async def test_cursor_reset_reconciles_by_content_and_deletes_nothing(
    device: MakeDevice, monkeypatch: pytest.MonkeyPatch
) -> None:
    one, two = await device("one"), await device("two")
    (one.folder / "kept.txt").write_text("kept")
    (one.folder / "edited.txt").write_text("v1")
    await one.sync()
    await two.sync()
    (two.folder / "edited.txt").write_text("edited offline")
    (one.folder / "kept.txt").unlink()
    await one.sync()  # the server deleted kept.txt; two will only see a reset feed
    real = Remote.changes
    calls = {"n": 0}

    async def reset_once(self: Remote, cursor: str | None, first: int = 1000) -> dict[str, Any]:
        calls["n"] += 1
        if cursor is not None and calls["n"] == 1:
            raise RemoteError("start again", "CURSOR_RESET")
        return await real(self, cursor, first)

    monkeypatch.setattr(Remote, "changes", reset_once)
    stats = await two.sync()
    assert stats.deletions == 0
    assert (two.folder / "kept.txt").read_text() == "kept"  # the server lacks it: uploaded
    texts = sorted(p.read_text() for p in two.folder.iterdir() if p.is_file())
    assert texts == ["edited offline", "kept", "v1"]


async def test_each_skipped_entry_is_warned_about_once(
    device: MakeDevice, capsys: pytest.CaptureFixture[str]
) -> None:
    one = await device("one")
    (one.folder / "a").write_text("a")
    (one.folder / "link").symlink_to("a")
    os.mkfifo(one.folder / "fifo")
    await one.sync()
    err = capsys.readouterr().err
    assert err.count("skipped link: symbolic links are not synced") == 1
    assert err.count("skipped fifo: not a regular file or folder") == 1
    tree, _ = await server_tree(one.http, one.token)
    assert sorted(tree) == ["a"]


async def test_status_changes_nothing(device: MakeDevice) -> None:
    one, two = await device("one"), await device("two")
    (one.folder / "a").write_text("a")
    await one.sync()
    state = State(two.folder / ".dropbox-lite" / "state.db")
    try:
        pending = await two.engine(state).plan(persist=False)
        assert [describe(op) for op in pending] == ["download a (1 bytes)"]
        assert state.get("cursor") is None and state.base() == {}
    finally:
        state.close()
    assert local_tree(two.folder) == {}


async def test_a_full_disk_stops_the_sync_with_one_line(
    device: MakeDevice, monkeypatch: pytest.MonkeyPatch
) -> None:
    one, two = await device("one"), await device("two")
    (one.folder / "a").write_text("a")
    await one.sync()

    def full(*_args: object, **_kwargs: object) -> None:
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(os, "link", full)
    with pytest.raises(SyncError, match="^disk full: cannot download a"):
        await two.sync()
    assert os.listdir(two.folder / ".dropbox-lite" / "tmp") == []
    assert local_tree(two.folder) == {}


async def test_a_folder_delete_racing_a_new_file_inside_keeps_the_file(
    device: MakeDevice, monkeypatch: pytest.MonkeyPatch
) -> None:
    one, two = await device("one"), await device("two")
    (one.folder / "F").mkdir()
    (one.folder / "F" / "old").write_text("old")
    await one.sync()
    await two.sync()
    real_plan = Engine.plan
    raced: list[bool] = []

    async def plan_then_race(self: Engine, *, persist: bool = True) -> list[o.Op]:
        planned = await real_plan(self, persist=persist)
        if not raced and any(isinstance(op, o.RemoteDelete) for op in planned):
            raced.append(True)  # between the plan and the deleteEntry, two adds a file
            (two.folder / "F" / "new").write_text("new")
            await two.sync()
        return planned

    monkeypatch.setattr(Engine, "plan", plan_then_race)
    (one.folder / "F" / "old").unlink()
    (one.folder / "F").rmdir()
    await one.sync()
    assert raced
    assert (one.folder / "F" / "new").read_text() == "new"
    tree, _ = await server_tree(one.http, one.token)
    assert tree == {"F": None, "F/new": hash_bytes(b"new")}


async def test_a_file_added_right_before_the_folder_delete_is_kept_by_the_server(
    device: MakeDevice, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The edit lands after any look the client could take, inside the delete request's
    window: deleteEntry(unchangedSince) refuses, and the file comes down."""
    one, two = await device("one"), await device("two")
    (one.folder / "F").mkdir()
    (one.folder / "F" / "old").write_text("old")
    await one.sync()
    await two.sync()
    real = Remote.delete_folder
    raced: list[bool] = []

    async def race_then_delete(self: Remote, entry_id: str, *, since: str) -> Any:
        if not raced:
            raced.append(True)
            (two.folder / "F" / "new").write_text("new")
            await two.sync()
        return await real(self, entry_id, since=since)

    monkeypatch.setattr(Remote, "delete_folder", race_then_delete)
    (one.folder / "F" / "old").unlink()
    (one.folder / "F").rmdir()
    await one.sync()
    assert raced
    await one.sync()
    assert (one.folder / "F" / "new").read_text() == "new"
    tree, _ = await server_tree(one.http, one.token)
    assert tree == {"F": None, "F/new": hash_bytes(b"new")}


async def test_a_file_edited_while_its_download_runs_is_not_overwritten(
    device: MakeDevice, monkeypatch: pytest.MonkeyPatch
) -> None:
    one, two = await device("one"), await device("two")
    (one.folder / "f.txt").write_text("v1\n")
    await one.sync()
    await two.sync()
    (one.folder / "f.txt").write_text("v2 from one\n")
    await one.sync()
    real = Remote.download
    edits: list[bool] = []

    async def edit_meanwhile(self: Remote, *args: Any, **kwargs: Any) -> str:
        if not edits:
            edits.append(True)
            (two.folder / "f.txt").write_bytes(b"\x00edited during the download")
        return await real(self, *args, **kwargs)

    monkeypatch.setattr(Remote, "download", edit_meanwhile)
    stats = await two.sync()
    assert edits and stats.conflicts == 1
    await one.sync()
    assert local_tree(one.folder) == local_tree(two.folder)
    contents = {p.read_bytes() for p in two.folder.iterdir() if p.is_file()}
    assert contents == {b"v2 from one\n", b"\x00edited during the download"}


async def test_a_name_this_filesystem_cannot_hold_is_skipped_with_a_warning(
    device: MakeDevice, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    one, two = await device("one"), await device("two")
    (one.folder / "fine.txt").write_text("fine")
    (one.folder / "odd name.txt").write_text("odd")
    await one.sync()
    real_link = os.link

    def picky(source: Any, target: Any, **kwargs: Any) -> None:
        if str(target).endswith("odd name.txt"):
            raise OSError(errno.EINVAL, "Invalid argument")
        real_link(source, target, **kwargs)

    monkeypatch.setattr(os, "link", picky)
    stats = await two.sync()
    assert stats.down_files == 1
    assert stats.refused == [
        "skipped odd name.txt: this filesystem cannot hold it (Invalid argument)"
    ]
    assert sorted(local_tree(two.folder)) == ["fine.txt"]
    err = capsys.readouterr().err
    assert err.count("skipped odd name.txt: this filesystem cannot hold it") == 1
    tree, _ = await server_tree(one.http, one.token)
    assert sorted(tree) == ["fine.txt", "odd name.txt"]  # and nothing deleted on the server


async def test_a_second_root_in_the_feed_stops_the_sync_and_changes_nothing(
    device: MakeDevice, monkeypatch: pytest.MonkeyPatch
) -> None:
    one = await device("one")
    (one.folder / "a").write_text("a")
    await one.sync()
    real = Remote.changes

    async def with_a_second_root(self: Remote, *args: Any, **kwargs: Any) -> dict[str, Any]:
        page = await real(self, *args, **kwargs)
        entry = {"__typename": "Folder", "id": "elsewhere", "name": "", "parentId": None}
        page["changes"].append({"kind": "UPSERTED", "id": "elsewhere", "entry": entry})
        return page

    monkeypatch.setattr(Remote, "changes", with_a_second_root)
    with pytest.raises(SyncError, match="^the server's feed has a second root"):
        await one.sync()
    monkeypatch.undo()
    assert (await one.sync()).changed == 0
    assert local_tree(one.folder) == {"a": hash_bytes(b"a")}


async def test_delete_uses_the_revision_guard_when_the_server_has_it(device: MakeDevice) -> None:
    """deleteEntry(ifRev) (issue 23, item 7): a file that moved on is not deleted; against a
    server without the argument the client falls back to looking right before."""
    one = await device("one")
    (one.folder / "a.txt").write_text("a")
    (one.folder / "b.txt").write_text("b")
    await one.sync()
    remote = Remote(one.http, one.token)
    _, found = await server_nodes(one.http, one.token)
    ids = {p: i for i, p in found.items()}
    stale = await remote.delete(ids["a.txt"], if_rev=99)
    if stale is None:  # no ifRev on this server yet
        assert remote.guarded_delete is False
        assert await remote.delete(ids["a.txt"], if_rev=1) is None  # not asked again
    else:
        assert stale["__typename"] == "ConflictError", stale
        done = await remote.delete(ids["a.txt"], if_rev=1)
        assert done is not None and done["__typename"] == "File" and remote.guarded_delete
    (one.folder / "b.txt").unlink()
    # Either way the engine's delete of b.txt goes through (and, with ifRev, a.txt deleted
    # above on the server goes from the folder too).
    assert (await one.sync()).deletions == (1 if stale is None else 2)
    tree, _ = await server_tree(one.http, one.token)
    assert "b.txt" not in tree
