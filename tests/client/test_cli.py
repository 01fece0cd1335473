"""`dropbox-lite sync` as users run it: real processes against a real server process."""

from __future__ import annotations

import os
import re
import signal
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest

from tests.client.devices import local_tree
from tests.mongo_server import free_port

pytestmark = pytest.mark.slow

ROOT = Path(__file__).resolve().parents[2]
PASSWORD = "correct horse battery"
SUMMARY = re.compile(
    r"^synced: (\d+) up \((\d+) bytes\), (\d+) down \((\d+) bytes\), (\d+) conflicts, "
    r"(\d+) deletions$"
)


def _env(**extra: str) -> dict[str, str]:
    clean = {k: v for k, v in os.environ.items() if not k.startswith("DROPBOX_LITE_")}
    return {**clean, "DROPBOX_LITE_PASSWORD": PASSWORD, **extra}


@pytest.fixture(scope="module")
def server(mongo_uri: str | None) -> Iterator[str]:
    port = free_port()
    env = _env(DROPBOX_LITE_PORT=str(port), DROPBOX_LITE_BCRYPT_ROUNDS="4")
    if mongo_uri:
        env["DROPBOX_LITE_MONGODB_URI"] = mongo_uri.rstrip("/") + f"/sync_{port}"
    process = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "dropbox_lite",
            "serve",
            "--no-access-log",
            "--log-level",
            "warning",
        ],
        env=env,
        cwd=ROOT,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    base = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + 30
    while True:
        try:
            if httpx.get(f"{base}/readyz", timeout=1).status_code == 200:
                break
        except httpx.TransportError:
            pass
        assert process.poll() is None and time.monotonic() < deadline, "no server"
        time.sleep(0.1)
    yield base
    process.terminate()
    process.wait(10)


_users = iter(range(1, 10**6))


@pytest.fixture
def user(server: str) -> str:
    name = f"cli{next(_users)}_{os.getpid()}"
    body = httpx.post(
        f"{server}/graphql",
        json={
            "query": "mutation($u: String!, $p: String!) { signup(username: $u, password: $p)"
            " { __typename } }",
            "variables": {"u": name, "p": PASSWORD},
        },
    ).json()
    assert body["data"]["signup"]["__typename"] == "AuthPayload", body
    return name


def sync(*args: str | Path, timeout: float = 60, **env: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "dropbox_lite", "sync", *map(str, args)],
        env=_env(**env),
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=timeout,
    )


def first(folder: Path, server: str, user: str, *more: str) -> subprocess.CompletedProcess[str]:
    return sync(folder, "--server", server, "--username", user, *more)


def summary(result: subprocess.CompletedProcess[str]) -> tuple[int, ...]:
    assert result.returncode == 0, result.stderr
    match = SUMMARY.match(result.stdout.strip().splitlines()[-1])
    assert match, result.stdout
    return tuple(int(n) for n in match.groups())


def test_once_status_and_the_summary_line(tmp_path: Path, server: str, user: str) -> None:
    one, two = tmp_path / "one", tmp_path / "two"
    one.mkdir()
    (one / "hello.txt").write_text("hello")
    (one / "empty").mkdir()
    assert summary(first(one, server, user, "--once", "--device", "laptop")) == (1, 5, 0, 0, 0, 0)
    pending = first(two, server, user, "--status")
    assert pending.returncode == 0, pending.stderr
    assert "download hello.txt (5 bytes)" in pending.stdout
    assert "create local folder empty" in pending.stdout
    assert not (two / "hello.txt").exists()
    assert summary(sync(two, "--once")) == (0, 0, 1, 5, 0, 0)
    assert local_tree(two) == local_tree(one)
    (two / "hello.txt").unlink()
    assert summary(sync(two, "--once")) == (0, 0, 0, 0, 0, 1)
    assert summary(sync(one, "--once")) == (0, 0, 0, 0, 0, 1)
    status = sync(one, "--status")
    assert status.stdout.strip() == "in sync"


@pytest.mark.parametrize(
    "args",
    [
        ["--once"],  # a folder never synced, without --server
        ["--server", "http://127.0.0.1:1", "--once"],  # without --username
        ["--once", "--status"],
    ],
)
def test_usage_errors_exit_2(tmp_path: Path, args: list[str]) -> None:
    result = sync(tmp_path, *args)
    assert result.returncode == 2
    assert "Traceback" not in result.stderr


def test_a_file_as_dir_is_a_usage_error(tmp_path: Path) -> None:
    (tmp_path / "f").write_text("x")
    result = sync(tmp_path / "f", "--server", "http://127.0.0.1:1", "--username", "u", "--once")
    assert result.returncode == 2
    assert result.stderr.strip().splitlines() == [
        f"dropbox-lite sync: {tmp_path / 'f'} is not a folder"
    ]


def test_unreachable_server_and_wrong_password_exit_1_with_one_line(
    tmp_path: Path, server: str, user: str
) -> None:
    port = free_port()
    result = first(tmp_path / "a", f"http://127.0.0.1:{port}", user, "--once")
    assert result.returncode == 1
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and "cannot reach the server" in lines[0], result.stderr
    result = sync(
        tmp_path / "b",
        "--server",
        server,
        "--username",
        user,
        "--once",
        DROPBOX_LITE_PASSWORD="wrong password!",
    )
    assert result.returncode == 1
    assert (
        result.stderr.strip().splitlines()
        == ["dropbox-lite sync: cannot sign in: Wrong username or password."]
        or "cannot sign in" in result.stderr
    )


def test_signed_out_device_exits_1(tmp_path: Path, server: str, user: str) -> None:
    folder = tmp_path / "d"
    summary(first(folder, server, user, "--once"))
    import sqlite3

    db = sqlite3.connect(folder / ".dropbox-lite" / "state.db")
    token = db.execute("SELECT value FROM meta WHERE key = 'token'").fetchone()[0]
    db.close()
    httpx.post(
        f"{server}/graphql",
        json={"query": "mutation { logout }"},
        headers={"Authorization": f"Bearer {token}"},
    )
    result = sync(folder, "--once")
    assert result.returncode == 1
    assert "signed out" in result.stderr and len(result.stderr.strip().splitlines()) == 1


def test_signing_in_as_another_account_reconciles_and_deletes_nothing(
    tmp_path: Path, server: str, user: str
) -> None:
    folder = tmp_path / "shared"
    folder.mkdir()
    (folder / "mine.txt").write_text("mine")
    summary(first(folder, server, user, "--once"))
    other = f"{user}x"
    httpx.post(
        f"{server}/graphql",
        json={
            "query": "mutation($u: String!, $p: String!) { signup(username: $u, password: $p)"
            " { __typename } }",
            "variables": {"u": other, "p": PASSWORD},
        },
    )
    assert summary(first(folder, server, other, "--once")) == (1, 4, 0, 0, 0, 0)
    assert (folder / "mine.txt").read_text() == "mine"


def test_a_corrupt_state_database_starts_over_without_deleting(
    tmp_path: Path, server: str, user: str
) -> None:
    one, two = tmp_path / "one", tmp_path / "two"
    one.mkdir()
    (one / "a.txt").write_text("a")
    summary(first(one, server, user, "--once"))
    summary(first(two, server, user, "--once"))
    (two / ".dropbox-lite" / "state.db").write_bytes(b"this is not a database" * 100)
    for extra in ("-wal", "-shm"):
        (two / ".dropbox-lite" / f"state.db{extra}").unlink(missing_ok=True)
    (two / "a.txt").write_text("edited while the state was broken")
    broken = sync(two, "--once")
    assert broken.returncode == 1 and "sign in again" in broken.stderr
    assert summary(first(two, server, user, "--once"))[4:] == (1, 0)  # a conflict, no delete
    summary(sync(one, "--once"))
    assert local_tree(one) == local_tree(two) and len(local_tree(one)) == 2


def _killed_sync(folder: Path, server: str, user: str, *, after: float) -> None:
    """A `sync --once` run killed (SIGKILL) `after` seconds in."""
    process = subprocess.Popen(
        [sys.executable, "-m", "dropbox_lite", "sync", str(folder), "--server", server]
        + ["--username", user, "--once"],
        env=_env(),
        cwd=ROOT,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    time.sleep(after)
    process.send_signal(signal.SIGKILL)
    process.wait()


def test_killed_runs_converge_with_no_partial_file(tmp_path: Path, server: str, user: str) -> None:
    one, two = tmp_path / "one", tmp_path / "two"
    one.mkdir()
    big = os.urandom(12 * 1024 * 1024)
    (one / "big.bin").write_bytes(big)
    for delay in (0.4, 0.8, 1.2):  # wherever the kill lands, the next run converges
        _killed_sync(one, server, user, after=delay)
    summary(first(one, server, user, "--once"))
    for delay in (0.4, 0.8, 1.2):
        _killed_sync(two, server, user, after=delay)
        visible = two / "big.bin"
        assert not visible.exists() or visible.read_bytes() == big  # never half a file
    summary(first(two, server, user, "--once"))
    assert (two / "big.bin").read_bytes() == big
    assert local_tree(one) == local_tree(two)
    assert sync(one, "--status").stdout.strip() == "in sync"


def _wait_for(check: object, seconds: float = 30) -> bool:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if check():  # type: ignore[operator]
            return True
        time.sleep(0.1)
    return False


def test_two_running_clients_see_each_others_changes(
    tmp_path: Path, server: str, user: str
) -> None:
    one, two = tmp_path / "one", tmp_path / "two"
    one.mkdir()
    two.mkdir()
    watchers = [
        subprocess.Popen(
            [
                sys.executable,
                "-m",
                "dropbox_lite",
                "sync",
                str(folder),
                "--server",
                server,
                "--username",
                user,
                "--device",
                folder.name,
            ],
            env=_env(),
            cwd=ROOT,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        for folder in (one, two)
    ]
    try:
        assert _wait_for(
            lambda: (
                (one / ".dropbox-lite" / "state.db").exists()
                and (two / ".dropbox-lite" / "state.db").exists()
            )
        )
        (one / "from-one.txt").write_text("one")
        assert _wait_for(
            lambda: (two / "from-one.txt").exists() and (two / "from-one.txt").read_text() == "one"
        )
        (two / "sub").mkdir()
        (two / "sub" / "from-two.txt").write_text("two")
        assert _wait_for(lambda: (one / "sub" / "from-two.txt").exists())
        (one / "from-one.txt").rename(one / "renamed.txt")
        assert _wait_for(
            lambda: (two / "renamed.txt").exists() and not (two / "from-one.txt").exists()
        )
    finally:
        codes, errors = [], []
        for process, sig in zip(watchers, (signal.SIGINT, signal.SIGTERM), strict=True):
            process.send_signal(sig)
            _, err = process.communicate(timeout=30)
            codes.append(process.returncode)
            errors.append(err)
    assert codes == [0, 0], errors
    assert local_tree(one) == local_tree(two)
