"""`dropbox-lite sync DIR`: the command line of the sync client.

Exit status: 0 when both sides agree (or, for `--status`, when nothing is pending), 1 when
anything was refused or left undone or the sync could not run, 2 for a usage error.
"""

from __future__ import annotations

import argparse
import asyncio
import fcntl
import getpass
import os
import signal
import socket
import sys
from pathlib import Path
from typing import Any

EXIT_OK, EXIT_FAILED, EXIT_USAGE = 0, 1, 2
STATUS_LIMIT = 50  # past this many pending actions, --status groups them


def register(commands: Any) -> None:
    """Add `sync` to the dropbox-lite command."""
    sync = commands.add_parser(
        "sync",
        help="keep a local folder in step with the server",
        description="Sync DIR with your account. The first run in a folder needs --server and "
        "--username (the password comes from DROPBOX_LITE_PASSWORD or a prompt). Exit status: "
        "0 when both sides agree, 1 when anything was refused or left undone, 2 for a usage "
        "error.",
    )
    sync.add_argument("dir", metavar="DIR", help="the local folder")
    sync.add_argument("--server", help="the server's URL, such as http://127.0.0.1:8000")
    sync.add_argument("--username", help="your username (signs in)")
    sync.add_argument("--device", help="a name for this device (default: the host name)")
    sync.add_argument(
        "--exclude",
        action="append",
        default=[],
        metavar="PATH",
        help="keep this folder (relative to DIR) on the server only; repeatable",
    )
    sync.add_argument(
        "--include",
        action="append",
        default=[],
        metavar="PATH",
        help="sync an excluded folder again; repeatable",
    )
    mode = sync.add_mutually_exclusive_group()
    mode.add_argument("--once", action="store_true", help="sync until both sides agree, then exit")
    mode.add_argument("--status", action="store_true", help="show what is pending, change nothing")
    mode.add_argument(
        "--install-service",
        action="store_true",
        help="start this sync at login (a systemd user unit, a launchd agent or a scheduled "
        "task), printed before it is written",
    )
    sync.set_defaults(run=run)


def _fail(message: str, code: int = EXIT_FAILED) -> int:
    print(f"dropbox-lite sync: {message}", file=sys.stderr)
    return code


def _relative(path: str) -> str | None:
    """A folder path relative to DIR, normalized ("Photos/2019"); None if not one."""
    parts = [p for p in path.replace("\\", "/").split("/") if p not in ("", ".")]
    if not parts or ".." in parts:
        return None
    return "/".join(parts)


def run(args: argparse.Namespace) -> int:
    from dropbox_lite.client.scan import STATE_DIR

    folder = Path(args.dir).expanduser().absolute()
    first_time = args.server is not None or args.username is not None
    if first_time and (args.server is None or args.username is None):
        return _fail("--server and --username go together", EXIT_USAGE)
    if args.server is not None and not args.server.startswith(("http://", "https://")):
        return _fail(
            f"--server {args.server}: add http:// or https:// (such as http://{args.server})",
            EXIT_USAGE,
        )
    for path in args.exclude + args.include:
        if _relative(path) is None:
            return _fail(f"{path!r} is not a folder path inside {folder}", EXIT_USAGE)
    if not folder.is_dir():
        if not first_time or os.path.lexists(folder):
            return _fail(f"{folder} is not a folder", EXIT_USAGE)
        folder.mkdir(parents=True)
    state_dir = folder / STATE_DIR
    not_yet = f"{folder} is not synced yet: the first run needs --server URL --username NAME"
    if not first_time and not (state_dir / "state.db").exists():
        return _fail(not_yet, EXIT_USAGE)
    state_dir.mkdir(mode=0o700, exist_ok=True)
    with (state_dir / "lock").open("w") as lock:  # closed on every way out of the run
        try:
            fcntl.flock(lock, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except OSError:
            return _fail(f"another sync is running in {folder}")
        return _run_locked(args, folder, state_dir, first_time, not_yet)


def _run_locked(
    args: argparse.Namespace, folder: Path, state_dir: Path, first_time: bool, not_yet: str
) -> int:
    """The run, once it holds the folder's lock: open the state, then sync."""
    from dropbox_lite.client.state import State, StateError

    try:
        state = State(state_dir / "state.db")
    except StateError as exc:
        if not first_time:
            return _fail(f"{exc}: sign in again with --server URL --username NAME to start over")
        # Signing in again: set the broken state aside and reconcile by content.
        for suffix in ("", "-wal", "-shm"):
            broken = state_dir / f"state.db{suffix}"
            if broken.exists():
                broken.rename(state_dir / f"state.db{suffix}.broken")
        print(f"dropbox-lite sync: warning: {exc}; starting over", file=sys.stderr)
        state = State(state_dir / "state.db")
    try:
        if not first_time and (state.get("server") is None or state.get("token") is None):
            return _fail(not_yet, EXIT_USAGE)
        if args.exclude or args.include:
            _select(state, args.exclude, args.include)
        if args.install_service:
            from dropbox_lite.client.service import install

            return install(folder)
        return asyncio.run(_main(args, folder, state))
    except KeyboardInterrupt:
        return EXIT_OK
    finally:
        state.close()


def _select(state: Any, exclude: list[str], include: list[str]) -> None:
    """Record --exclude / --include in the state database (they stay for later runs)."""
    import json

    excluded: list[str] = json.loads(state.get("excluded") or "[]")
    for path in map(_relative, exclude):
        if path is not None and path not in excluded:
            excluded.append(path)
    for path in map(_relative, include):
        excluded = [e for e in excluded if e != path and not e.startswith(f"{path}/")]
    state.set(excluded=json.dumps(sorted(excluded)))


def _password(username: str, server: str) -> str | None:
    """DROPBOX_LITE_PASSWORD, else a prompt on a terminal, else a line of standard input;
    None when there is none of these."""
    password = os.environ.get("DROPBOX_LITE_PASSWORD")
    if password is not None:
        return password
    try:
        if sys.stdin is None or not sys.stdin.isatty():
            line = sys.stdin.readline() if sys.stdin is not None else ""
            return line.rstrip("\r\n") or None
        return getpass.getpass(f"password for {username} at {server}: ")
    except (EOFError, OSError, ValueError):
        return None


async def _main(args: argparse.Namespace, folder: Path, state: Any) -> int:
    import httpx

    from dropbox_lite.client.engine import Engine, SyncError
    from dropbox_lite.client.progress import Reporter
    from dropbox_lite.client.remote import Remote, RemoteError, Unreachable

    server = (args.server or state.get("server") or "").rstrip("/")
    timeout = httpx.Timeout(90, connect=10)
    async with httpx.AsyncClient(base_url=server, timeout=timeout) as http:
        remote = Remote(http, state.get("token"))
        reporter = Reporter(timestamps=not (args.once or args.status))

        async def sign_in(username: str) -> int | None:
            password = _password(username, server)
            if password is None:
                return _fail(
                    "no password: set DROPBOX_LITE_PASSWORD, run in a terminal or pipe it in",
                    EXIT_USAGE,
                )
            device = args.device or state.get("device") or socket.gethostname()
            try:
                token, user_id = await remote.login(username, password, device)
            except RemoteError as exc:
                return _fail(f"cannot sign in: {exc}")
            if state.get("user_id") not in (None, user_id) or state.get("server") not in (
                None,
                server,
            ):
                state.reset_remote()  # another account or server: reconcile by content
            state.set(server=server, username=username, user_id=user_id, token=token)
            state.set(device=device)
            remote.token = token
            return None

        try:
            if args.username is not None:
                failed = await sign_in(args.username)
                if failed is not None:
                    return failed
            else:
                await remote.me()  # refused: "signed out", and signing in again works
            engine = Engine(
                folder=folder,
                state=state,
                remote=remote,
                reporter=reporter,
                username=state.get("username") or "",
                device=state.get("device") or "",
            )
            if args.status:
                return await _status(engine)
            if args.once:
                stats = await engine.sync()
                reporter.close()
                print(stats.summary())
                for line in stats.refused:
                    print(f"  not done: {line}")
                return EXIT_FAILED if stats.refused else EXIT_OK
            return await _watch(engine, server, remote.token or "")
        except Unreachable as exc:
            return _fail(str(exc))
        except RemoteError as exc:
            if exc.code == "UNAUTHENTICATED":
                return _fail("signed out: sign in again with --server URL --username NAME")
            return _fail(f"the server refused: {exc}")
        except SyncError as exc:
            return _fail(str(exc))
        finally:
            reporter.close()


async def _status(engine: Any) -> int:
    """Every pending action, from the same planner a sync runs (followed through to the end
    on an in-memory copy, so the folders' contents are listed too), grouped past 50."""
    from dropbox_lite.client.summary import describe, group

    pending = await engine.pending()
    for path in engine.excluded:
        print(f"excluded (on the server only): {path}")
    if len(pending) <= STATUS_LIMIT:
        for op in pending:
            print(describe(op))
    else:
        for title, ops in group(pending):
            print(f"{title}: {len(ops)}")
            for op in ops:
                print(f"  {describe(op)}")
    if engine.stats.refused:
        print(f"{len(engine.stats.refused)} refused (see the warnings)")
    print(f"{len(pending)} pending" if pending else "in sync")
    return EXIT_FAILED if engine.stats.refused else EXIT_OK


async def _watch(engine: Any, server: str, token: str) -> int:
    from dropbox_lite.client.watch import watch

    loop = asyncio.get_running_loop()
    task = asyncio.current_task()
    assert task is not None
    for sig in (signal.SIGINT, signal.SIGTERM):
        loop.add_signal_handler(sig, task.cancel)
    engine.reporter.info(f"watching {engine.folder} (Ctrl-C stops)")
    try:
        await watch(engine, server=server, token=token)
    except asyncio.CancelledError:
        engine.reporter.info("stopped")
    return EXIT_OK
