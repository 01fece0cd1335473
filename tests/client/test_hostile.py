"""A malicious server (or anyone on a plain-http link) must not reach outside the synced
folder (issue 18, the client side): names that are not one safe path component are
skipped with one warning, the rest syncs; nothing is written through a symbolic link;
names the client keeps for itself in the root get a local alias."""

from __future__ import annotations

import io
import os
from pathlib import Path
from typing import Any

import pytest

from dropbox_lite.client.engine import Engine, SyncError
from dropbox_lite.client.hashing import hash_bytes
from dropbox_lite.client.remote import Remote
from dropbox_lite.client.safety import Jail, Unsafe, safe_name
from dropbox_lite.client.scan import STATE_DIR
from dropbox_lite.client.state import State
from tests.client.conftest import MakeDevice
from tests.client.devices import local_tree, server_nodes, server_tree
from tests.client.hostile import ROOT, HostileServer, snapshot, sync

HOSTILE = ["..", ".", "../x", "../../x", "a/b", "sub/../../x", "x\0y", "a\\b", "x\ny", ""]


@pytest.fixture
def places(tmp_path: Path) -> tuple[Path, Path]:
    """The synced folder and a folder beside it that must stay as it is."""
    folder, outside = tmp_path / "synced", tmp_path / "outside"
    folder.mkdir()
    outside.mkdir()
    (outside / "keep.txt").write_bytes(b"untouched")
    return folder, outside


def outside_state(tmp_path: Path) -> dict[str, bytes | None]:
    return {p: b for p, b in snapshot(tmp_path).items() if not p.startswith("synced")}


@pytest.mark.parametrize("name", [*HOSTILE, "ABSOLUTE"])
@pytest.mark.parametrize("kind", ["file", "folder"])
async def test_a_hostile_name_is_skipped_with_one_warning_and_the_rest_syncs(
    tmp_path: Path,
    places: tuple[Path, Path],
    name: str,
    kind: str,
    capsys: pytest.CaptureFixture[str],
) -> None:
    folder, outside = places
    if name == "ABSOLUTE":
        name = str(outside / "x")
    before = outside_state(tmp_path)
    server = HostileServer()
    server.put("ok", ROOT, "ok.txt", b"fine")
    if kind == "file":
        server.put("evil", ROOT, name, b"evil")
    else:
        server.put("evil", ROOT, name, None)
        server.put("inside", "evil", "x", b"evil")
        server.put("deeper", "evil", "../../escaped", b"evil")
    stats = await sync(server, folder)
    assert outside_state(tmp_path) == before  # nothing written (or removed) outside
    assert local_tree(folder) == {"ok.txt": hash_bytes(b"fine")}
    err = capsys.readouterr().err
    assert err.count(f"skipped {name!r} from the server: not a safe file name") == 1, err
    assert len(stats.refused) == 1 and stats.down_files == 1
    assert server.writes == []  # and nothing was sent back about it


async def test_a_server_rename_to_a_hostile_name_moves_nothing_out(
    tmp_path: Path, places: tuple[Path, Path]
) -> None:
    folder, _ = places
    server = HostileServer()
    server.put("a", ROOT, "a.txt", b"a")
    server.put("d", ROOT, "docs", None)
    server.put("b", "d", "b.txt", b"b")
    await sync(server, folder)
    assert local_tree(folder) == {
        "a.txt": hash_bytes(b"a"),
        "docs": None,
        "docs/b.txt": hash_bytes(b"b"),
    }
    before = outside_state(tmp_path)
    server.put("a", ROOT, "../a.txt", b"a")
    server.put("d", ROOT, "../../docs", None)
    stats = await sync(server, folder)
    assert outside_state(tmp_path) == before
    # From here the server has no syncable a.txt or docs: their unchanged copies go.
    assert local_tree(folder) == {}
    assert len(stats.refused) == 2


async def test_a_folder_swapped_for_a_link_after_planning_is_not_written_through(
    tmp_path: Path, places: tuple[Path, Path], monkeypatch: pytest.MonkeyPatch
) -> None:
    folder, outside = places
    server = HostileServer()
    server.put("d", ROOT, "docs", None)
    server.put("b", "d", "b.txt", b"b")
    await sync(server, folder)
    server.put("c", "d", "c.txt", b"planted")
    server.put("b", "d", "b.txt", b"b2")
    real_plan = Engine.plan

    async def swap_after_planning(self: Engine, **kwargs: Any) -> Any:
        ops = await real_plan(self, **kwargs)
        if (folder / "docs").is_dir() and not (folder / "docs").is_symlink():
            (folder / "docs" / "b.txt").rename(outside / "b.txt")
            (folder / "docs").rmdir()
            (folder / "docs").symlink_to(outside)
        return ops

    monkeypatch.setattr(Engine, "plan", swap_after_planning)
    before = outside_state(tmp_path)
    with pytest.raises(SyncError, match="cannot create local folder docs"):  # a link is there
        await sync(server, folder)
    # Only the old b.txt the swap moved there: neither c.txt nor the new b.txt went through.
    assert outside_state(tmp_path) == {**before, "outside/b.txt": b"b"}


async def test_a_link_in_place_of_a_file_is_never_written_through(
    tmp_path: Path, places: tuple[Path, Path], monkeypatch: pytest.MonkeyPatch
) -> None:
    folder, outside = places
    server = HostileServer()
    server.put("a", ROOT, "a.txt", b"a")
    await sync(server, folder)
    server.put("a", ROOT, "a.txt", b"a2")
    real_plan = Engine.plan

    async def swap_after_planning(self: Engine, **kwargs: Any) -> Any:
        ops = await real_plan(self, **kwargs)
        target = folder / "a.txt"
        if not target.is_symlink():
            target.unlink()
            target.symlink_to(outside / "keep.txt")
        return ops

    monkeypatch.setattr(Engine, "plan", swap_after_planning)
    with pytest.raises(SyncError, match="cannot download a.txt"):  # a link holds the name
        await sync(server, folder)
    assert (outside / "keep.txt").read_bytes() == b"untouched"
    assert (folder / "a.txt").is_symlink()


def test_the_jail_refuses_what_is_not_a_plain_path_inside(tmp_path: Path) -> None:
    (tmp_path / "in" / "real").mkdir(parents=True)
    (tmp_path / "in" / "link").symlink_to(tmp_path / "in" / "real")  # even pointing inside
    jail = Jail(tmp_path / "in")
    for path in ["../x", "a//b", "/x", "link/x", f"{STATE_DIR}/x", ".DROPBOX-LITE/x", "a/../b"]:
        with pytest.raises(Unsafe), jail.parent(path):
            pass
    with jail.parent("real/x") as (fd, leaf):
        assert leaf == "x" and os.path.samestat(os.fstat(fd), os.stat(tmp_path / "in" / "real"))
    assert not any(safe_name(n) for n in HOSTILE) and safe_name("ok (1).txt")


async def test_reserved_names_in_the_root_get_a_local_alias(places: tuple[Path, Path]) -> None:
    folder, _ = places
    server = HostileServer()
    server.put("s", ROOT, STATE_DIR, None)  # a shared folder named like the state folder
    server.put("n", "s", "notes.txt", b"notes")
    server.put("i", ROOT, ".dropbox-lite-ignore", b"*\n")
    server.put("t", ROOT, ".dropbox-lite (shared)", b"taken")  # the first alias is taken
    await sync(server, folder)
    assert local_tree(folder) == {
        ".dropbox-lite (shared 2)": None,
        ".dropbox-lite (shared 2)/notes.txt": hash_bytes(b"notes"),
        ".dropbox-lite-ignore (shared)": hash_bytes(b"*\n"),
        ".dropbox-lite (shared)": hash_bytes(b"taken"),
    }
    assert not (folder / ".dropbox-lite-ignore").exists()  # the server's file ignores nothing
    state = State(folder / STATE_DIR / "state.db")
    try:
        assert state.aliases() == {
            "s": (STATE_DIR, ".dropbox-lite (shared 2)"),
            "i": (".dropbox-lite-ignore", ".dropbox-lite-ignore (shared)"),
        }
    finally:
        state.close()
    server.put("n", "s", "notes.txt", b"notes 2")
    stats = await sync(server, folder)  # the alias stays the same: only the edit comes down
    assert (stats.down_files, stats.other, stats.deletions) == (1, 0, 0)
    assert (folder / ".dropbox-lite (shared 2)" / "notes.txt").read_bytes() == b"notes 2"
    assert server.writes == []


async def test_aliased_entries_sync_both_ways_under_the_servers_names(
    device: MakeDevice,
) -> None:
    one, two = await device("one"), await device("two")
    await one.sync()
    remote = Remote(one.http, one.token)
    root = (await server_nodes(one.http, one.token))[1]
    root_id = next(i for i, p in root.items() if p == "")
    made = await remote.create_folder(root_id, STATE_DIR)
    assert made["__typename"] == "Folder", made
    ignore = await remote.upload(
        io.BytesIO(b"*.tmp\n"),
        parent_id=root_id,
        name=".dropbox-lite-ignore",
        content_hash=hash_bytes(b"*.tmp\n"),
        parent_rev=None,
    )
    assert ignore["__typename"] == "File", ignore
    await two.sync()
    aliased = two.folder / ".dropbox-lite (shared)"
    assert aliased.is_dir() and (two.folder / STATE_DIR / "state.db").exists()
    assert (two.folder / ".dropbox-lite-ignore (shared)").read_bytes() == b"*.tmp\n"
    (aliased / "from-two.tmp").write_text("two")  # not ignored: the server's file is not ours
    (two.folder / ".dropbox-lite-ignore (shared)").write_text("edited\n")
    stats = await two.sync()
    assert (stats.up_files, stats.refused) == (2, [])
    tree, _ = await server_tree(one.http, one.token)
    assert tree == {
        STATE_DIR: None,
        f"{STATE_DIR}/from-two.tmp": hash_bytes(b"two"),
        ".dropbox-lite-ignore": hash_bytes(b"edited\n"),
    }
    assert (await two.sync()).changed == 0
    (two.folder / ".dropbox-lite (shared)").rename(two.folder / "Inbox")  # out of its alias
    await two.sync()
    tree, _ = await server_tree(one.http, one.token)
    assert sorted(tree) == [".dropbox-lite-ignore", "Inbox", "Inbox/from-two.tmp"]
