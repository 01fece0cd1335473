"""`dropbox-lite sync` as users run it: real processes against a real server process."""

from __future__ import annotations

import contextlib
import io
import os
import re
import signal
import sqlite3
import subprocess
import sys
import time
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import httpx
import pytest

from dropbox_lite.core.cli import main
from tests.client.devices import local_tree
from tests.core.live_server import live_server, start_live_server
from tests.mongo_server import free_port

pytestmark = pytest.mark.slow

ROOT = Path(__file__).resolve().parents[2]
PASSWORD = "correct horse battery"
SYNC_TIMEOUT = 300  # seconds a sync run in this process may take
SUMMARY = re.compile(
    r"^synced: (\d+) up \((\d+) bytes\), (\d+) down \((\d+) bytes\), (\d+) conflicts, "
    r"(\d+) deletions$"
)


def _env(**extra: str) -> dict[str, str]:
    clean = {k: v for k, v in os.environ.items() if not k.startswith("DROPBOX_LITE_")}
    return {**clean, "DROPBOX_LITE_PASSWORD": PASSWORD, **extra}


@pytest.fixture(scope="module")
def server(mongo_uri: str | None) -> Iterator[str]:
    with live_server(mongo_uri, log_level="warning") as running:
        yield running.url


_users = iter(range(1, 10**6))


@pytest.fixture
def user(server: str) -> str:
    return signup(server)


def signup(server: str) -> str:
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


def sync(
    *args: str | Path, env: dict[str, str] | None = None, input: str = "", **extra: str
) -> subprocess.CompletedProcess[str]:
    """`dropbox-lite sync ARGS` run in this process: the command's own `main`, as `python -m
    dropbox_lite` calls it, with `env` (else `_env(**extra)`) as the whole environment,
    `input` as its standard input (not a terminal) and what it prints captured. The same
    exit status, output and files as a process, without starting Python and importing the
    client again for each run (about 0.4 s of CPU each); `process(...)` runs a real one
    where the process itself is what a test checks."""
    out, err = io.StringIO(), io.StringIO()
    saved, stdin = dict(os.environ), sys.stdin
    os.environ.clear()
    os.environ.update(env or _env(**extra))
    sys.stdin = io.StringIO(input)

    def too_long(signum: int, frame: Any) -> None:
        raise TimeoutError(f"dropbox-lite sync {args} ran over {SYNC_TIMEOUT} s")

    # A run that hangs fails its test, as the process's timeout did (tests run in the
    # worker's main thread, where the alarm is delivered).
    alarm = signal.signal(signal.SIGALRM, too_long)
    signal.alarm(SYNC_TIMEOUT)
    try:
        with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
            try:
                code = main(["sync", *map(str, args)])
            except SystemExit as exc:  # argparse's usage errors
                code = exc.code if isinstance(exc.code, int) else 1
    finally:
        signal.alarm(0)
        signal.signal(signal.SIGALRM, alarm)
        os.environ.clear()
        os.environ.update(saved)
        sys.stdin = stdin
    return subprocess.CompletedProcess(args, code, out.getvalue(), err.getvalue())


def process(
    *args: str | Path, timeout: float = 60, env: dict[str, str] | None = None, **extra: str
) -> subprocess.CompletedProcess[str]:
    """`python -m dropbox_lite sync ARGS` as a real process."""
    return subprocess.run(
        [sys.executable, "-m", "dropbox_lite", "sync", *map(str, args)],
        env=env or _env(**extra),
        stdin=subprocess.DEVNULL,
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
    result = process(tmp_path, *args)  # a real process: its exit status
    assert result.returncode == 2
    assert "Traceback" not in result.stderr


def test_a_file_as_dir_is_a_usage_error(tmp_path: Path) -> None:
    (tmp_path / "f").write_text("x")
    result = process(tmp_path / "f", "--server", "http://127.0.0.1:1", "--username", "u", "--once")
    assert result.returncode == 2
    assert result.stderr.strip().splitlines() == [
        f"dropbox-lite sync: {tmp_path / 'f'} is not a folder"
    ]


def test_unreachable_server_and_wrong_password_exit_1_with_one_line(
    tmp_path: Path, server: str, user: str
) -> None:
    port = free_port()
    # A real process: its exit status (the others here are main's, run in this process).
    result = process(
        tmp_path / "a", "--server", f"http://127.0.0.1:{port}", "--username", user, "--once"
    )
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


def _killed_sync(folder: Path, server: str, user: str, *, when: Callable[[], bool]) -> bool:
    """A `sync --once` run killed (SIGKILL) as soon as `when()` holds: whether it was (a run
    that ended first was not)."""
    process = subprocess.Popen(
        [sys.executable, "-m", "dropbox_lite", "sync", str(folder), "--server", server]
        + ["--username", user, "--once"],
        env=_env(),
        cwd=ROOT,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    deadline = time.monotonic() + 60
    while process.poll() is None and not when() and time.monotonic() < deadline:
        time.sleep(0.01)
    killed = process.poll() is None
    process.send_signal(signal.SIGKILL)
    process.wait()
    return killed


def _state(folder: Path, query: str) -> Any:
    """The first value `query` reads from the folder's state database while a sync may be
    writing it (None: no such database, table or row yet)."""
    path = folder / ".dropbox-lite" / "state.db"
    if not path.exists():
        return None
    try:
        db = sqlite3.connect(f"file:{path}?mode=ro", uri=True, timeout=0.05)
        try:
            row = db.execute(query).fetchone()
        finally:
            db.close()
    except sqlite3.Error:
        return None
    return None if row is None else row[0]


def _signed_in(folder: Path) -> Callable[[], bool]:
    return lambda: _state(folder, "SELECT value FROM meta WHERE key = 'token'") is not None


def _blocks_sent(folder: Path) -> int | None:
    """Blocks the folder's upload session has sent (None: no session)."""
    sent = _state(folder, "SELECT sent FROM sessions")
    return None if sent is None else int(sent)


def _downloading(folder: Path, at_least: int) -> Callable[[], bool]:
    """A download has written `at_least` bytes of a temporary file (not one a killed run
    left, which the next run deletes first)."""
    tmp = folder / ".dropbox-lite" / "tmp"
    left = {part.name for part in tmp.iterdir()} if tmp.is_dir() else set()

    def check() -> bool:
        try:
            return any(
                part.stat().st_size >= at_least for part in tmp.iterdir() if part.name not in left
            )
        except OSError:  # not there yet, or a file renamed meanwhile
            return False

    return check


def test_killed_runs_converge_with_no_partial_file(tmp_path: Path, server: str, user: str) -> None:
    """Runs killed at each stage of an upload, then of a download, converge: once signed
    in, once a transfer has begun, once it is part-way; no half file is ever visible."""
    one, two = tmp_path / "one", tmp_path / "two"
    one.mkdir()
    big = os.urandom(12 * 1024 * 1024)
    (one / "big.bin").write_bytes(big)
    killed = [
        _killed_sync(one, server, user, when=_signed_in(one)),
        _killed_sync(one, server, user, when=lambda: _blocks_sent(one) is not None),
    ]
    sent = _blocks_sent(one) or 0
    killed.append(_killed_sync(one, server, user, when=lambda: (_blocks_sent(one) or 0) > sent))
    summary(first(one, server, user, "--once"))
    visible = two / "big.bin"
    for at_least in (None, 1, len(big) // 2):
        when = _signed_in(two) if at_least is None else _downloading(two, at_least)
        killed.append(_killed_sync(two, server, user, when=when))
        assert not visible.exists() or visible.read_bytes() == big  # never half a file
    # Every kill but a part-way one landed (a fast transfer may end before it is seen).
    assert [killed[i] for i in (0, 1, 3, 4)] == [True] * 4, killed
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
        codes, errors, outs = [], [], []
        for process, sig in zip(watchers, (signal.SIGINT, signal.SIGTERM), strict=True):
            process.send_signal(sig)
            out, err = process.communicate(timeout=30)
            codes.append(process.returncode)
            errors.append(err)
            outs.append(out)
    assert codes == [0, 0], errors
    # Watch mode: one timestamped line per action, with the path.
    stamp = r"\d{4}-\d\d-\d\d \d\d:\d\d:\d\d "
    assert re.search(f"^{stamp}up from-one\\.txt \\(3 bytes\\)$", outs[0], re.M), outs[0]
    assert re.search(f"^{stamp}down from-one\\.txt \\(3 bytes\\)$", outs[1], re.M), outs[1]
    assert re.search(f"^{stamp}renamed ", outs[0], re.M), outs[0]
    assert local_tree(one) == local_tree(two)


# -- issue 23: what people meet ---------------------------------------------------------


def _token(folder: Path) -> str:
    import sqlite3

    db = sqlite3.connect(folder / ".dropbox-lite" / "state.db")
    try:
        return str(db.execute("SELECT value FROM meta WHERE key = 'token'").fetchone()[0])
    finally:
        db.close()


def test_the_state_is_private_and_the_token_is_never_shown(
    tmp_path: Path, server: str, user: str
) -> None:
    folder = tmp_path / "d"
    folder.mkdir()
    (folder / "a.txt").write_text("a")
    runs = [first(folder, server, user, "--once")]
    runs += [sync(folder, "--once"), sync(folder, "--status")]
    state = folder / ".dropbox-lite"
    assert state.stat().st_mode & 0o777 == 0o700
    for name in ("state.db", "state.db-wal", "state.db-shm"):
        if (state / name).exists():
            assert (state / name).stat().st_mode & 0o777 == 0o600, name
    token = _token(folder)
    for run in runs:
        assert run.returncode == 0, run.stderr
        assert token not in run.stdout + run.stderr
    os.chmod(state, 0o755)  # an older client's folder is made private on the next run
    os.chmod(state / "state.db", 0o644)
    summary(sync(folder, "--once"))
    assert (state.stat().st_mode & 0o777, (state / "state.db").stat().st_mode & 0o777) == (
        0o700,
        0o600,
    )


def test_a_server_without_a_scheme_is_a_usage_error(tmp_path: Path) -> None:
    result = process(tmp_path / "d", "--server", "127.0.0.1:8201", "--username", "u", "--once")
    assert result.returncode == 2
    assert result.stderr.strip().splitlines() == [
        "dropbox-lite sync: --server 127.0.0.1:8201: add http:// or https://"
        " (such as http://127.0.0.1:8201)"
    ]


def test_no_password_and_no_terminal_is_one_line(tmp_path: Path, server: str, user: str) -> None:
    env = {k: v for k, v in _env().items() if k != "DROPBOX_LITE_PASSWORD"}
    result = sync(tmp_path / "d", "--server", server, "--username", user, "--once", env=env)
    assert result.returncode == 2
    assert result.stderr.strip().splitlines() == [
        "dropbox-lite sync: no password: set DROPBOX_LITE_PASSWORD, run in a terminal or pipe it in"
    ]
    args = ("--server", server, "--username", user, "--once")
    summary(sync(tmp_path / "d", *args, env=env, input=PASSWORD + "\n"))  # piped in


def test_a_full_quota_is_reported_truthfully_and_exits_1(
    tmp_path: Path, mongo_uri: str | None
) -> None:
    running = start_live_server(mongo_uri, log_level="warning", DEFAULT_QUOTA_BYTES="12")
    base = running.url
    try:
        user = signup(base)
        folder = tmp_path / "d"
        folder.mkdir()
        (folder / "small.txt").write_text("12345")
        (folder / "homework.txt").write_text("too big to fit")
        result = first(folder, base, user, "--once")
        assert result.returncode == 1, result.stderr
        lines = result.stdout.strip().splitlines()
        assert "up small.txt (5 bytes)" in lines
        assert not any("homework" in line for line in lines if line.startswith("up "))
        assert lines[-2] == (
            "not all synced: 1 up (5 bytes), 0 down (0 bytes), 0 conflicts, 0 deletions,"
            " 1 refused or left undone"
        )
        assert lines[-1].startswith("  not done: skipped homework.txt: ")
        assert "skipped homework.txt" in result.stderr
    finally:
        running.stop(mongo_uri=mongo_uri)


def test_status_lists_every_pending_action_grouped_past_50(
    tmp_path: Path, server: str, user: str
) -> None:
    one, two = tmp_path / "one", tmp_path / "two"
    (one / "many" / "deep").mkdir(parents=True)
    for n in range(48):
        (one / "many" / "deep" / f"f{n:02}.txt").write_text(f"file {n}")
    (one / "top.txt").write_text("top")
    summary(first(one, server, user, "--once"))
    status = first(two, server, user, "--status")
    assert status.returncode == 0, status.stderr
    lines = status.stdout.strip().splitlines()
    # A folder still to be created is followed through: all 51 actions, not only the first.
    assert lines[0] == "download: 51"
    assert "  create local folder many" in lines and "  create local folder many/deep" in lines
    for n in range(48):
        assert f"  download many/deep/f{n:02}.txt ({len(f'file {n}')} bytes)" in lines
    assert lines[-1] == "51 pending"
    done = summary(sync(two, "--once"))
    assert done[2] == 49  # the files the status listed; plus the two folders
    assert sync(two, "--status").stdout.strip() == "in sync"


def test_exclude_keeps_a_folder_on_the_server_only_and_include_brings_it_back(
    tmp_path: Path, server: str, user: str
) -> None:
    one, two = tmp_path / "one", tmp_path / "two"
    (one / "Photos" / "2019").mkdir(parents=True)
    (one / "Photos" / "2020").mkdir()
    (one / "Photos" / "2019" / "a.jpg").write_text("a")
    (one / "Photos" / "2019" / "b.jpg").write_text("b")
    (one / "Photos" / "2020" / "c.jpg").write_text("c")
    summary(first(one, server, user, "--once"))
    summary(first(two, server, user, "--once"))
    (two / "Photos" / "2019" / "b.jpg").write_text("b changed here")  # a local change
    result = sync(two, "--exclude", "Photos/2019", "--once")
    assert "kept Photos/2019/b.jpg: it changed here" in result.stderr
    assert summary(result) == (0, 0, 0, 0, 0, 0)
    assert sorted(local_tree(two)) == [
        "Photos",
        "Photos/2019",
        "Photos/2019/b.jpg",
        "Photos/2020",
        "Photos/2020/c.jpg",
    ]
    assert (two / "Photos" / "2019" / "b.jpg").read_text() == "b changed here"
    status = sync(two, "--status")
    assert status.stdout.strip().splitlines() == [
        "excluded (on the server only): Photos/2019",
        "in sync",
    ]
    (one / "Photos" / "2019" / "new.jpg").write_text("new")
    summary(sync(one, "--once"))
    assert summary(sync(two, "--once"))[:4] == (0, 0, 0, 0)  # nothing comes down
    assert summary(sync(one, "--once")) == (0, 0, 0, 0, 0, 0)  # nothing deleted on the server
    assert sorted(p for p in local_tree(one) if p.startswith("Photos/2019/")) == [
        "Photos/2019/a.jpg",
        "Photos/2019/b.jpg",
        "Photos/2019/new.jpg",
    ]
    back = summary(sync(two, "--include", "Photos/2019", "--once"))
    assert back[2] == 3 and back[4] == 1  # a, b and new come down; the local b is kept too
    copies = [p for p in local_tree(two) if "conflicted copy" in p]
    assert len(copies) == 1 and (two / copies[0]).read_text() == "b changed here"
    assert (two / "Photos" / "2019" / "b.jpg").read_text() == "b"


def test_install_service_prints_then_writes_a_systemd_user_unit(
    tmp_path: Path, server: str, user: str
) -> None:
    folder = tmp_path / "d"
    summary(first(folder, server, user, "--once"))
    bin_dir, calls = tmp_path / "bin", tmp_path / "calls"
    bin_dir.mkdir()
    fake = bin_dir / "systemctl"
    fake.write_text(f'#!/bin/sh\necho "$@" >> {calls}\n')
    fake.chmod(0o755)
    env = _env(XDG_CONFIG_HOME=str(tmp_path / "config"), PATH=f"{bin_dir}:/usr/bin:/bin")
    result = sync(folder, "--install-service", env=env)
    assert result.returncode == 0, result.stderr
    units = list((tmp_path / "config" / "systemd" / "user").glob("dropbox-lite-sync-*.service"))
    assert len(units) == 1
    text = units[0].read_text()
    assert f'ExecStart="{sys.executable}" "-m" "dropbox_lite" "sync" "{folder}"' in text
    assert "WantedBy=default.target" in text
    out = result.stdout
    assert out.index(text) < out.index(f"wrote {units[0]}")  # printed before it is written
    assert calls.read_text().splitlines() == [
        "--user daemon-reload",
        f"--user enable --now {units[0].name}",
    ]


def test_a_refused_cursor_reconciles_by_content_losing_and_duplicating_nothing(
    tmp_path: Path, server: str, user: str
) -> None:
    import sqlite3

    one, two = tmp_path / "one", tmp_path / "two"
    one.mkdir()
    (one / "a.txt").write_text("a")
    (one / "b.txt").write_text("b")
    summary(first(one, server, user, "--once"))
    summary(first(two, server, user, "--once"))
    db = sqlite3.connect(two / ".dropbox-lite" / "state.db")
    with db:
        db.execute("UPDATE meta SET value = 'signed.with.another.key' WHERE key = 'cursor'")
    db.close()
    (two / "a.txt").write_text("edited while the cursor was refused")
    (two / "c.txt").write_text("new")
    result = sync(two, "--once")
    assert "reconciling by content" in result.stderr
    assert summary(result)[4:] == (1, 0)  # a.txt's two versions: a conflict, no deletion
    summary(sync(one, "--once"))
    assert local_tree(one) == local_tree(two)
    assert sorted(local_tree(one)) == sorted(
        ["a.txt", "b.txt", "c.txt", next(p for p in local_tree(one) if "conflicted" in p)]
    )


@pytest.mark.server_only
def test_a_server_restarted_with_another_key_takes_a_device_back_after_sign_in(
    tmp_path: Path, mongo_uri: str | None
) -> None:
    assert mongo_uri is not None
    database = mongo_uri.rstrip("/") + f"/rekey_{os.getpid()}"
    port = free_port()  # the same address both times, as after a restart
    running = start_live_server(
        mongo_uri, port=port, log_level="warning", MONGODB_URI=database, SECRET_KEY="k" * 32
    )
    base = running.url
    folder = tmp_path / "d"
    folder.mkdir()
    (folder / "a.txt").write_text("a")
    try:
        user = signup(base)
        summary(first(folder, base, user, "--once"))
    finally:
        running.stop(mongo_uri=mongo_uri)
    running = start_live_server(
        mongo_uri, port=port, log_level="warning", MONGODB_URI=database, SECRET_KEY="z" * 32
    )
    try:
        (folder / "b.txt").write_text("b")
        refused = sync(folder, "--once")
        assert refused.returncode == 1 and "signed out" in refused.stderr
        again = first(folder, base, user, "--once")
        assert summary(again) == (1, 1, 0, 0, 0, 0)  # b.txt up; a.txt matched by content
        assert sync(folder, "--status").stdout.strip() == "in sync"
    finally:
        running.stop(mongo_uri=mongo_uri)
