"""Real WebDAV clients against a real server process: litmus, rclone and nextcloudcmd.

Sizes stay small by default so that CI stays fast: for rclone a tree of
DROPBOX_LITE_DAV_TREE_FILES files (16, in 4 folders of 2 subfolders each) and one file of
DROPBOX_LITE_DAV_BIG_MIB MiB (2); for nextcloudcmd's chunked upload
DROPBOX_LITE_DAV_CHUNKED_MIB MiB (3) in chunks of DROPBOX_LITE_DAV_CHUNK_MIB MiB (1; the
client's own default is 10 MB, which needs a file above that to chunk at all). The issue's
full sizes: DROPBOX_LITE_DAV_TREE_FILES=200 DROPBOX_LITE_DAV_BIG_MIB=100
DROPBOX_LITE_DAV_CHUNKED_MIB=50 DROPBOX_LITE_DAV_CHUNK_MIB=10.

Each client gets a server process and database of its own (see `server`); every cost in
here is the server's work per request, so the trees are as small as the checks allow.
"""

from __future__ import annotations

import hashlib
import json
import os
import random
import re
import shutil
import subprocess
import sys
import time
from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path

import httpx
import pytest

from tests.core.live_server import LiveServer, live_server
from tests.dav.helpers import CREATE_APP_PASSWORD

# They found real FerretDB bugs: they run on the server backend (once, not on memory too).
pytestmark = [pytest.mark.slow, pytest.mark.once_on("server")]

TREE_FILES = int(os.environ.get("DROPBOX_LITE_DAV_TREE_FILES", "16"))
BIG_MIB = int(os.environ.get("DROPBOX_LITE_DAV_BIG_MIB", "2"))
CHUNKED_MIB = int(os.environ.get("DROPBOX_LITE_DAV_CHUNKED_MIB", "3"))
CHUNK_MIB = int(os.environ.get("DROPBOX_LITE_DAV_CHUNK_MIB", "1"))
ROOT = Path(__file__).resolve().parents[2]


class Account:
    def __init__(self, server: LiveServer, username: str) -> None:
        self.server = server
        self.username = username
        self.password = f"password-{username}"
        signup = self.gql(
            "mutation($u: String!, $p: String!) { signup(username: $u, password: $p) "
            "{ ... on AuthPayload { token } } }",
            {"u": username, "p": self.password},
        )
        self.token = signup["signup"]["token"]
        created = self.gql(CREATE_APP_PASSWORD, {"name": "client tests"})["createAppPassword"]
        self.app_password: str = created["password"]

    def gql(self, query: str, variables: dict[str, object] | None = None) -> dict[str, object]:
        headers = {"Authorization": f"Bearer {self.token}"} if hasattr(self, "token") else {}
        answer = httpx.post(
            f"{self.server.url}/graphql",
            json={"query": query, "variables": variables or {}},
            headers=headers,
            timeout=30,
        )
        body = answer.json()
        assert "errors" not in body, body
        data: dict[str, object] = body["data"]
        return data

    def upload(self, name: str, data: bytes) -> None:
        """uploadFile through GraphQL's multipart request, into the root."""
        operations = {
            "query": "mutation($f: Upload!, $n: String) { uploadFile(file: $f, name: $n, "
            "mode: OVERWRITE) { __typename } }",
            "variables": {"f": None, "n": name},
        }
        answer = httpx.post(
            f"{self.server.url}/graphql",
            data={"operations": json.dumps(operations), "map": json.dumps({"0": ["variables.f"]})},
            files={"0": (name, data)},
            headers={"Authorization": f"Bearer {self.token}"},
            timeout=30,
        )
        assert answer.json()["data"]["uploadFile"]["__typename"] == "File", answer.text


@pytest.fixture
def server(mongo_uri: str | None, tmp_path_factory: pytest.TempPathFactory) -> Iterator[LiveServer]:
    """A server and database per client: FerretDB v1 scans whole collections on find, so
    a database that litmus filled first made rclone's run 2.5 times as long."""
    log = tmp_path_factory.mktemp("server") / "server.log"
    with live_server(mongo_uri, output=log) as running:
        yield running


def _run(
    args: list[str],
    *,
    cwd: Path | None = None,
    env: dict[str, str] | None = None,
    timeout: int = 600,
) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        args,
        cwd=cwd,
        env={**os.environ, **(env or {})},
        capture_output=True,
        text=True,
        timeout=timeout,
    )


@pytest.mark.skipif(shutil.which("litmus") is None, reason="needs litmus (Debian package)")
def test_litmus_passes_every_suite(server: LiveServer, tmp_path: Path) -> None:
    alice = Account(server, "litmus")
    url = f"{server.url}/remote.php/dav/files/{alice.username}/"
    result = _run(["litmus", "-k", url, alice.username, alice.app_password], cwd=tmp_path)
    summaries = re.findall(
        r"summary for `(\w+)': of (\d+) tests run: (\d+) passed, (\d+) failed", result.stdout
    )
    assert [s[0] for s in summaries] == ["basic", "copymove", "props", "locks", "http"], (
        result.stdout
    )
    assert all(s[3] == "0" for s in summaries), result.stdout[-4000:]


def _tree(root: Path, rng: random.Random) -> None:
    # Four folders of two subfolders, two files each by default (file000 in dir0/sub0,
    # file002 in dir2/sub0, as the changes below expect). Each folder costs every listing
    # command a PROPFIND: the tree has what the checks need, nested and side by side.
    for n in range(TREE_FILES):
        folder = root / f"dir{n % 4}" / f"sub{n // 4 % 2}"
        folder.mkdir(parents=True, exist_ok=True)
        (folder / f"file{n:03d}.txt").write_bytes(rng.randbytes(rng.randrange(0, 4000)))
    (root / "big.bin").write_bytes(rng.randbytes(BIG_MIB * 1024 * 1024))


def _files(root: Path) -> dict[str, str]:
    return {
        str(p.relative_to(root)): hashlib.sha256(p.read_bytes()).hexdigest()
        for p in sorted(root.rglob("*"))
        if p.is_file() and not p.name.startswith(".")
    }


@pytest.mark.skipif(shutil.which("rclone") is None, reason="needs rclone (Debian package)")
@pytest.mark.parametrize("vendor", ["other", "nextcloud"])
def test_rclone_copies_checks_syncs_and_bisyncs(
    server: LiveServer, tmp_path: Path, vendor: str
) -> None:
    alice = Account(server, f"rclone{vendor}")
    obscured = _run(["rclone", "obscure", alice.app_password]).stdout.strip()
    env = {
        "RCLONE_CONFIG": str(tmp_path / "rclone.conf"),
        "RCLONE_CONFIG_DL_TYPE": "webdav",
        "RCLONE_CONFIG_DL_URL": f"{server.url}/remote.php/dav/files/{alice.username}",
        "RCLONE_CONFIG_DL_VENDOR": vendor,
        "RCLONE_CONFIG_DL_USER": alice.username,
        "RCLONE_CONFIG_DL_PASS": obscured,
    }

    def rclone(*args: str) -> subprocess.CompletedProcess[str]:
        result = _run(["rclone", *args], env=env, cwd=tmp_path)
        assert result.returncode == 0, (args, result.stderr[-3000:])
        return result

    local = tmp_path / "local"
    _tree(local, random.Random(vendor))
    rclone("copy", str(local), "dl:tree")
    rclone("check", str(local), "dl:tree")
    back = tmp_path / "back"
    rclone("copy", "dl:tree", str(back))
    assert _files(back) == _files(local)
    listed = {
        item["Path"]: item
        for item in json.loads(rclone("lsjson", "-R", "--files-only", "dl:tree").stdout)
    }
    assert len(listed) == TREE_FILES + 1
    for path, item in listed.items():
        mine = local / path
        assert item["Size"] == mine.stat().st_size
        if vendor == "nextcloud":  # X-OC-Mtime: the modification time is kept
            remote = item["ModTime"]
            expected = datetime.fromtimestamp(int(mine.stat().st_mtime), UTC)
            assert remote.startswith(expected.strftime("%Y-%m-%dT%H:%M:%S")), (path, remote)
    # Deletes and renames propagate.
    (local / "dir0" / "sub0" / "file000.txt").unlink()
    shutil.rmtree(local / "dir1")
    (local / "dir2" / "sub0" / "file002.txt").rename(local / "dir2" / "renamed.txt")
    (local / "dir3").rename(local / "dir3-renamed")
    rclone("sync", str(local), "dl:tree")
    rclone("check", str(local), "dl:tree")
    names = set(rclone("lsf", "-R", "dl:tree").stdout.split())
    assert "dir2/renamed.txt" in names and "dir3-renamed/" in names
    assert "dir1/" not in names and "dir0/sub0/file000.txt" not in names
    if vendor == "other":
        return  # rclone's bisync needs modification times, which plain WebDAV has not
    # bisync converges after edits on both sides.
    small = tmp_path / "small"
    small.mkdir()
    for n in range(5):
        (small / f"s{n}.txt").write_text(f"start {n}\n")
    rclone("copy", str(small), "dl:bi")
    workdir = tmp_path / "bisync"
    rclone("bisync", str(small), "dl:bi", "--resync", "--workdir", str(workdir))
    # Edits in a later second than the listing bisync just recorded (it compares
    # modification times; a fast run edited within the same second): stamped a second
    # and a bit on, as edits after waiting that long would be.
    later = time.time() + 1.1
    (small / "s1.txt").write_text("edited here\n")
    (small / "new-here.txt").write_text("new here\n")
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    (elsewhere / "s2.txt").write_text("edited there\n")
    (elsewhere / "new-there.txt").write_text("new there\n")
    for edited in (small / "s1.txt", small / "new-here.txt", *elsewhere.iterdir()):
        os.utime(edited, (later, later))
    rclone("copy", str(elsewhere), "dl:bi")
    rclone("deletefile", "dl:bi/s3.txt")
    rclone("bisync", str(small), "dl:bi", "--workdir", str(workdir))
    rclone("check", str(small), "dl:bi")
    assert (small / "s2.txt").read_text() == "edited there\n"
    assert (small / "new-there.txt").exists() and not (small / "s3.txt").exists()
    assert rclone("cat", "dl:bi/s1.txt").stdout == "edited here\n"


@pytest.mark.skipif(shutil.which("nextcloudcmd") is None, reason="needs nextcloudcmd")
def test_nextcloudcmd_two_devices_stay_in_step(server: LiveServer, tmp_path: Path) -> None:
    alice = Account(server, "ncdevices")
    one, two = tmp_path / "one", tmp_path / "two"
    one.mkdir()
    two.mkdir()

    def sync(folder: Path) -> None:
        result = _run(
            [
                "nextcloudcmd",
                "--non-interactive",
                "-u",
                alice.username,
                "-p",
                alice.app_password,
                str(folder),
                server.url,
            ],
            env={
                "HOME": str(tmp_path),
                # Fixed chunks of CHUNK_MIB (no sizing by upload speed): a file above that
                # goes up in chunks (MOVE of .file, checked below).
                "OWNCLOUD_CHUNK_SIZE": str(CHUNK_MIB * 1024 * 1024),
                "OWNCLOUD_MIN_CHUNK_SIZE": str(CHUNK_MIB * 1024 * 1024),
                "OWNCLOUD_MAX_CHUNK_SIZE": str(CHUNK_MIB * 1024 * 1024),
                "OWNCLOUD_TARGET_CHUNK_UPLOAD_DURATION": "0",
            },
        )
        assert result.returncode == 0, result.stderr[-3000:]

    (one / "docs").mkdir()
    (one / "docs" / "a.txt").write_text("a from one\n")
    (one / "b.txt").write_text("b\n")
    (one / "gone.txt").write_text("to be deleted\n")
    sync(one)
    sync(two)
    assert _files(two) == _files(one)
    # Edits, a rename, a move, a delete and a new folder on device two.
    (two / "b.txt").write_text("b edited on two\n")
    (two / "docs" / "a.txt").rename(two / "docs" / "a-renamed.txt")
    (two / "gone.txt").unlink()
    (two / "later").mkdir()
    (two / "b.txt").rename(two / "later" / "b.txt")
    sync(two)
    sync(one)
    assert _files(one) == _files(two)
    assert (one / "later" / "b.txt").read_text() == "b edited on two\n"
    assert not (one / "gone.txt").exists() and (one / "docs" / "a-renamed.txt").exists()
    # A conflicting edit on both: the client keeps a conflict copy, nothing is lost.
    # Stamped in a second other than the last download's (nextcloudcmd compares
    # modification times in whole seconds; a fast run edited within the same one), and in
    # the past: it takes a modification time still to come, or under two seconds old, for
    # a file still being written ("Local file changed during sync") and does not upload it.
    (one / "later" / "b.txt").write_text("one's version\n")
    # Sizes differ too: with equal sizes and times and no checksum the client takes the
    # two for the same file (UPDATE_METADATA) and keeps no copy.
    (two / "later" / "b.txt").write_text("two's longer version\n")
    for n, edited in enumerate((one / "later" / "b.txt", two / "later" / "b.txt")):
        earlier = time.time() - 60 + 10 * n
        os.utime(edited, (earlier, earlier))
    sync(one)
    sync(two)
    texts = sorted(p.read_text() for p in (two / "later").iterdir() if p.is_file())
    assert texts == ["one's version\n", "two's longer version\n"], texts
    assert any("conflict" in p.name for p in (two / "later").iterdir())
    # Written through GraphQL, it reaches both devices; a big file goes up in chunks.
    alice.upload("from-graphql.txt", b"written through GraphQL\n")
    big = random.Random(1).randbytes(CHUNKED_MIB * 1024 * 1024)
    (two / "big.bin").write_bytes(big)
    sync(two)
    sync(one)
    assert (one / "from-graphql.txt").read_bytes() == b"written through GraphQL\n"
    assert (one / "big.bin").read_bytes() == big
    assert server.log is not None
    log = server.log.read_text()
    assert re.search(r"MOVE /remote\.php/dav/uploads/ncdevices/[^ ]+/\.file 201", log), (
        "not chunked"
    )
    chunks = re.findall(r"PUT /remote\.php/dav/uploads/ncdevices/[^/ ]+/\d+ 201", log)
    assert len(chunks) >= 2, chunks
    # And our own sync client sees what nextcloudcmd put there.
    mine = tmp_path / "mine"
    result = _run(
        [
            sys.executable,
            "-m",
            "dropbox_lite",
            "sync",
            str(mine),
            "--server",
            server.url,
            "--username",
            alice.username,
            "--once",
        ],
        env={"DROPBOX_LITE_PASSWORD": alice.password},
        cwd=ROOT,
    )
    assert result.returncode == 0, result.stderr[-3000:]
    assert (mine / "big.bin").read_bytes() == big
    assert (mine / "later" / "b.txt").exists()
