"""Running the real `dropbox-lite admin` against the test's database.

Its real entry point (`cli.main`, what `python -m dropbox_lite admin` runs) in a worker
thread, with the variables an administrator sets and its stdout/stderr captured. On the
server backend it opens the test's database on the server itself, through the same
startup check and connection as a process beside the server would; `process=True` runs
it as that process (`python -m dropbox_lite admin`), for the tests that keep one. The
embedded store lives inside one process, so on the memory backend the test's database
is handed in.
"""

from __future__ import annotations

import asyncio
import os
import subprocess
import sys
from collections.abc import Awaitable, Callable
from dataclasses import dataclass

import pytest

from dropbox_lite.admin import cli as admin_cli
from dropbox_lite.core import cli
from dropbox_lite.core.config import Settings
from dropbox_lite.core.db import Database


@dataclass
class Ran:
    code: int
    out: str
    err: str


Admin = Callable[..., Awaitable[Ran]]
ENV = {"DROPBOX_LITE_ENV": "test", "DROPBOX_LITE_BCRYPT_ROUNDS": "4"}


@pytest.fixture
def admin(
    settings: Settings,
    db: Database,
    mongo_uri: str | None,
    monkeypatch: pytest.MonkeyPatch,
    capfd: pytest.CaptureFixture[str],
) -> Admin:
    """Run `dropbox-lite admin ARGS...` with `env` added; its exit code and output."""

    async def run(
        *args: str, env: dict[str, str] | None = None, stdin: str = "", process: bool = False
    ) -> Ran:
        extra = {**ENV, "DROPBOX_LITE_DB_NAME": settings.db_name, **(env or {})}
        if mongo_uri is not None:
            extra["DROPBOX_LITE_MONGODB_URI"] = mongo_uri
        if mongo_uri is not None and process:
            environ = {**os.environ, **extra}
            if "DROPBOX_LITE_PASSWORD" not in extra:
                environ.pop("DROPBOX_LITE_PASSWORD", None)
            done = await asyncio.to_thread(
                subprocess.run,
                [sys.executable, "-m", "dropbox_lite", "admin", *args],
                env=environ,
                input=stdin,
                capture_output=True,
                text=True,
                timeout=60,
            )
            return Ran(done.returncode, done.stdout, done.stderr)

        async def hand_in(_: Settings) -> Database:
            return db

        with monkeypatch.context() as patch:
            for name, value in extra.items():
                patch.setenv(name, value)
            if mongo_uri is None:
                patch.delenv("DROPBOX_LITE_MONGODB_URI", raising=False)
                patch.setattr(admin_cli, "open_database", hand_in)
            if "DROPBOX_LITE_PASSWORD" not in (env or {}):
                patch.delenv("DROPBOX_LITE_PASSWORD", raising=False)
            patch.setattr(sys, "stdin", _NotATerminal(stdin))
            capfd.readouterr()
            try:
                code = await asyncio.to_thread(cli.main, ["admin", *args])
            except SystemExit as exit_:
                code = int(exit_.code or 0)
            out, err = capfd.readouterr()
        return Ran(code, out, err)

    return run


class _NotATerminal:
    def __init__(self, text: str) -> None:
        self.lines = iter(text.splitlines(keepends=True))

    def isatty(self) -> bool:
        return False

    def readline(self) -> str:
        return next(self.lines, "")


from tests.auth.conftest import client_with, clock  # noqa: E402, F401 - fixtures shared with auth
