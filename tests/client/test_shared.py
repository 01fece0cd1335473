"""Folders shared between users, through the sync client (both backends): a mount syncs like
any folder, a removed member keeps their own files, a viewer's writes are refused cleanly."""

from __future__ import annotations

import shutil
from datetime import UTC, datetime
from typing import Any

import pytest

from dropbox_lite.client.hashing import hash_bytes
from dropbox_lite.client.remote import Remote
from tests.client.conftest import MakeDevice
from tests.client.devices import Device, local_tree, server_tree
from tests.client.sharing import id_at, remove, share, update
from tests.support import Account, GraphQLClient


async def team_of(alice: Device) -> str:
    """alice's Team: readme.txt, docs/x.txt, other.txt (synced from her device)."""
    (alice.folder / "Team" / "docs").mkdir(parents=True)
    (alice.folder / "Team" / "readme.txt").write_text("team readme\n")
    (alice.folder / "Team" / "docs" / "x.txt").write_text("x\n")
    (alice.folder / "Team" / "other.txt").write_text("other\n")
    await alice.sync()
    return await id_at(alice, "Team")


def contents(dev: Device, top: str) -> dict[str, str | None]:
    return {p[len(top) + 1 :]: h for p, h in local_tree(dev.folder).items() if p.startswith(top)}


async def test_a_mount_syncs_like_any_folder_and_a_clash_renames_it(
    device: MakeDevice, account: Account, gql: GraphQLClient
) -> None:
    bob = await gql.signup()
    alice_dev, bob_dev = await device("alice"), await device("bob", user=bob)
    team = await team_of(alice_dev)
    (bob_dev.folder / "Team").mkdir()
    (bob_dev.folder / "Team" / "bob.txt").write_text("bob's own\n")
    await bob_dev.sync()
    await share(gql, account, team, bob, "EDITOR")
    stats = await bob_dev.sync()
    assert stats.down_files == 3
    assert contents(bob_dev, "Team (1)") == contents(alice_dev, "Team")
    assert (bob_dev.folder / "Team" / "bob.txt").read_text() == "bob's own\n"

    (bob_dev.folder / "Team (1)" / "readme.txt").write_text("edited by bob\n")
    (bob_dev.folder / "Team (1)" / "docs" / "new.txt").write_text("new from bob\n")
    (bob_dev.folder / "Team (1)" / "sub").mkdir()
    await bob_dev.sync()
    stats = await alice_dev.sync()
    assert (stats.down_files, stats.other) == (2, 1)
    assert contents(bob_dev, "Team (1)") == contents(alice_dev, "Team")

    (alice_dev.folder / "Team" / "docs").rename(alice_dev.folder / "Team" / "papers")
    await alice_dev.sync()
    stats = await bob_dev.sync()
    assert (stats.down_files, stats.up_files) == (0, 0)
    assert (bob_dev.folder / "Team (1)" / "papers" / "new.txt").exists()

    (bob_dev.folder / "Team (1)").rename(bob_dev.folder / "Shared")  # his mount, his name
    await bob_dev.sync()
    await alice_dev.sync()
    assert sorted(p for p in local_tree(alice_dev.folder) if "/" not in p) == ["Team"]
    bob_tree, _ = await server_tree(bob_dev.http, bob_dev.token)
    assert sorted(p for p in bob_tree if "/" not in p) == ["Shared", "Team"]
    assert contents(bob_dev, "Shared") == contents(alice_dev, "Team")


async def test_moves_across_the_share_are_matched_by_content_not_transferred(
    device: MakeDevice, account: Account, gql: GraphQLClient
) -> None:
    bob = await gql.signup()
    alice_dev, bob_dev = await device("alice"), await device("bob", user=bob)
    team = await team_of(alice_dev)
    (bob_dev.folder / "mine").mkdir()
    (bob_dev.folder / "mine" / "own.txt").write_text("bob's own\n")
    await bob_dev.sync()
    await share(gql, account, team, bob, "EDITOR")
    await bob_dev.sync()

    (bob_dev.folder / "Team" / "readme.txt").rename(bob_dev.folder / "mine" / "readme.txt")
    (bob_dev.folder / "mine" / "own.txt").rename(bob_dev.folder / "Team" / "own.txt")
    (bob_dev.folder / "Team" / "docs").rename(bob_dev.folder / "mine" / "docs")
    stats = await bob_dev.sync()
    assert (stats.up_files, stats.down_files, stats.deletions) == (0, 0, 0)
    assert (await bob_dev.sync()).changed == 0
    bob_tree, _ = await server_tree(bob_dev.http, bob_dev.token)
    assert bob_tree == local_tree(bob_dev.folder)
    assert sorted(bob_tree) == [
        "Team",
        "Team/other.txt",
        "Team/own.txt",
        "mine",
        "mine/docs",
        "mine/docs/x.txt",
        "mine/readme.txt",
    ]
    await alice_dev.sync()
    assert sorted(local_tree(alice_dev.folder)) == ["Team", "Team/other.txt", "Team/own.txt"]


async def test_a_removed_member_loses_the_folder_but_keeps_own_files_and_unsynced_edits(
    device: MakeDevice,
    account: Account,
    gql: GraphQLClient,
    capsys: pytest.CaptureFixture[str],
) -> None:
    bob = await gql.signup()
    alice_dev = await device("alice")
    synced, offline = await device("bob0", user=bob), await device("bob1", user=bob)
    team = await team_of(alice_dev)
    (synced.folder / "own.txt").write_text("bob's own\n")
    await synced.sync()
    await share(gql, account, team, bob, "EDITOR")
    await synced.sync()
    await offline.sync()
    (offline.folder / "Team" / "readme.txt").write_text("bob's unsynced edit\n")
    (offline.folder / "Team" / "docs" / "draft.txt").write_text("bob's unsynced draft\n")
    before = local_tree(alice_dev.folder)

    await remove(gql, account, team, bob)
    await synced.sync()
    assert local_tree(synced.folder) == {"own.txt": hash_bytes(b"bob's own\n")}
    capsys.readouterr()
    await offline.sync()
    err = capsys.readouterr().err
    assert "kept Team/readme.txt: the server no longer has it" in err
    assert sorted(local_tree(offline.folder)) == [
        "Team",
        "Team/docs",
        "Team/docs/draft.txt",
        "Team/readme.txt",
        "own.txt",
    ]
    assert (offline.folder / "Team" / "readme.txt").read_text() == "bob's unsynced edit\n"
    await synced.sync()
    bob_tree, _ = await server_tree(synced.http, synced.token)
    assert local_tree(synced.folder) == local_tree(offline.folder) == bob_tree
    await alice_dev.sync()
    assert local_tree(alice_dev.folder) == before


async def test_a_viewers_writes_are_refused_kept_locally_and_not_retried(
    device: MakeDevice,
    account: Account,
    gql: GraphQLClient,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    carol = await gql.signup()
    alice_dev, viewer = await device("alice"), await device("carol", user=carol)
    team = await team_of(alice_dev)
    await share(gql, account, team, carol, "VIEWER")
    await viewer.sync()
    before = local_tree(alice_dev.folder)
    assert contents(viewer, "Team") == contents(alice_dev, "Team")

    top = viewer.folder / "Team"
    (top / "readme.txt").write_text("carol's edit\n")
    (top / "new.txt").write_text("carol's new file\n")
    (top / "sub").mkdir()
    (top / "sub" / "inside.txt").write_text("inside\n")
    (top / "docs" / "x.txt").unlink()
    (top / "other.txt").rename(top / "renamed.txt")
    uploads: list[str] = []  # the names of the files committed (or refused)
    real_finish = Remote.finish_batch

    async def counting(self: Remote, entries: list[dict[str, Any]]) -> list[dict[str, Any]]:
        uploads.extend(entry["name"] for entry in entries)
        return await real_finish(self, entries)

    monkeypatch.setattr(Remote, "finish_batch", counting)
    capsys.readouterr()
    await viewer.sync()  # no SyncError: each refusal is taken once and the sync settles
    err = capsys.readouterr().err
    assert sorted(uploads) == ["new.txt", "readme.txt"]
    copy = f"readme ({carol.username}'s conflicted copy {datetime.now(UTC):%Y-%m-%d}).txt"
    for line in [
        "the server refused the edit of Team/readme.txt",
        f"kept your version as Team/{copy}",
        "not synced Team/new.txt",
        "not synced Team/sub",
        "the server refused to delete Team/docs/x.txt",
        "the server refused to move Team/other.txt to renamed.txt",
    ]:
        assert line in err, err
    assert (top / "readme.txt").read_text() == "team readme\n"
    assert (top / copy).read_text() == "carol's edit\n"
    assert contents(viewer, "Team") == {
        **contents(alice_dev, "Team"),
        copy: hash_bytes(b"carol's edit\n"),
        "new.txt": hash_bytes(b"carol's new file\n"),
        "sub": None,
        "sub/inside.txt": hash_bytes(b"inside\n"),
    }
    await alice_dev.sync()
    assert local_tree(alice_dev.folder) == before

    uploads.clear()
    stats = await viewer.sync()  # a new run tries each local-only entry once more
    assert sorted(uploads) == sorted([copy, "new.txt"])
    assert stats.changed == 0

    (alice_dev.folder / "Team" / "readme.txt").write_text("alice's second version\n")
    await alice_dev.sync()
    await viewer.sync()
    assert (top / "readme.txt").read_text() == "alice's second version\n"

    shutil.rmtree(top)  # deleting the mount = leaving it
    await viewer.sync()
    viewer_tree, _ = await server_tree(viewer.http, viewer.token)
    assert viewer_tree == {}
    await alice_dev.sync()
    assert sorted(local_tree(alice_dev.folder)) == sorted(before)


async def test_a_member_added_again_gets_the_whole_folder_back(
    device: MakeDevice, account: Account, gql: GraphQLClient
) -> None:
    bob = await gql.signup()
    alice_dev, bob_dev = await device("alice"), await device("bob", user=bob)
    team = await team_of(alice_dev)
    await share(gql, account, team, bob, "EDITOR")
    await bob_dev.sync()
    await remove(gql, account, team, bob)
    await bob_dev.sync()
    assert local_tree(bob_dev.folder) == {}
    (alice_dev.folder / "Team" / "while-away.txt").write_text("added while bob was away\n")
    await alice_dev.sync()
    await share(gql, account, team, bob, "VIEWER")
    stats = await bob_dev.sync()
    assert stats.down_files == 4
    assert local_tree(bob_dev.folder) == local_tree(alice_dev.folder)


async def test_a_mount_moved_into_a_members_folder_keeps_syncing_there(
    device: MakeDevice, account: Account, gql: GraphQLClient
) -> None:
    bob = await gql.signup()
    alice_dev, bob_dev = await device("alice"), await device("bob", user=bob)
    team = await team_of(alice_dev)
    await share(gql, account, team, bob, "EDITOR")
    (bob_dev.folder / "work").mkdir()
    await bob_dev.sync()
    (bob_dev.folder / "Team").rename(bob_dev.folder / "work" / "Team")
    stats = await bob_dev.sync()
    assert (stats.up_files, stats.down_files, stats.other) == (0, 0, 1)
    (alice_dev.folder / "Team" / "later.txt").write_text("later\n")
    await alice_dev.sync()
    (bob_dev.folder / "work" / "Team" / "from-bob.txt").write_text("from bob\n")
    await bob_dev.sync()
    await alice_dev.sync()
    assert contents(bob_dev, "work/Team") == contents(alice_dev, "Team")
    assert "later.txt" in contents(alice_dev, "Team")
    assert "from-bob.txt" in contents(alice_dev, "Team")
    assert sorted(p for p in local_tree(alice_dev.folder) if "/" not in p) == ["Team"]


async def test_a_mount_whose_folder_its_owner_deleted_does_not_stop_the_sync(
    device: MakeDevice, account: Account, gql: GraphQLClient
) -> None:
    """The server keeps the mount (empty) but refuses writes into it with NOT_FOUND."""
    bob = await gql.signup()
    alice_dev, bob_dev = await device("alice"), await device("bob", user=bob)
    team = await team_of(alice_dev)
    await share(gql, account, team, bob, "EDITOR")
    await bob_dev.sync()
    (bob_dev.folder / "Team" / "readme.txt").write_text("bob's edit\n")
    (bob_dev.folder / "own.txt").write_text("bob's own\n")
    shutil.rmtree(alice_dev.folder / "Team")
    await alice_dev.sync()
    await bob_dev.sync()  # no SyncError: the edit cannot go up, the rest does
    assert (bob_dev.folder / "Team" / "readme.txt").read_text() == "bob's edit\n"
    bob_tree, _ = await server_tree(bob_dev.http, bob_dev.token)
    assert "own.txt" in bob_tree


async def test_a_viewer_made_editor_sends_what_was_refused_on_the_next_run(
    device: MakeDevice, account: Account, gql: GraphQLClient
) -> None:
    carol = await gql.signup()
    alice_dev, viewer = await device("alice"), await device("carol", user=carol)
    team = await team_of(alice_dev)
    await share(gql, account, team, carol, "VIEWER")
    await viewer.sync()
    (viewer.folder / "Team" / "new.txt").write_text("carol's new file\n")
    (viewer.folder / "Team" / "readme.txt").write_text("carol's edit\n")
    await viewer.sync()
    assert (viewer.folder / "Team" / "readme.txt").read_text() == "team readme\n"
    await update(gql, account, team, carol, "EDITOR")
    stats = await viewer.sync()
    assert stats.up_files == 2  # new.txt and the conflicted copy of her edit
    await alice_dev.sync()
    assert local_tree(alice_dev.folder) == local_tree(viewer.folder)
    assert len(local_tree(alice_dev.folder)) == 7
