"""A real dropbox-lite server in a subprocess, on either backend, for the browser tests."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
import urllib.request
import uuid
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest

from tests.conftest import SECRET
from tests.web.browser import CHROMEDRIVER, CHROMIUM, Browser

ROOT = Path(__file__).resolve().parents[2]


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


class Server:
    def __init__(self, base_url: str, log: Path) -> None:
        self.base_url = base_url
        self.log = log


@contextmanager
def running_server(
    mongo_uri: str | None, log: Path, host: str = "127.0.0.1", **settings: str
) -> Iterator[Server]:
    """`dropbox-lite serve --host host` in a subprocess (reached on 127.0.0.1), until the end."""
    port = _free_port()
    env = {key: value for key, value in os.environ.items() if not key.startswith("DROPBOX_LITE_")}
    env.update(
        DROPBOX_LITE_SECRET_KEY=SECRET,
        DROPBOX_LITE_BCRYPT_ROUNDS="4",
        DROPBOX_LITE_DB_NAME=f"web_{uuid.uuid4().hex[:12]}",
        PYTHONUNBUFFERED="1",
    )
    env.update({f"DROPBOX_LITE_{key}": value for key, value in settings.items()})
    if mongo_uri:
        env["DROPBOX_LITE_MONGODB_URI"] = mongo_uri
    command = [sys.executable, "-m", "dropbox_lite", "serve", "--host", host]
    with log.open("wb") as out:
        process = subprocess.Popen(
            [*command, "--port", str(port)], cwd=ROOT, env=env, stdout=out, stderr=out
        )
    base_url = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 30
        while True:
            try:
                with urllib.request.urlopen(base_url + "/healthz", timeout=1) as response:
                    if response.status == 200:
                        break
            except OSError:
                if process.poll() is not None or time.monotonic() > deadline:
                    raise RuntimeError(log.read_text()) from None
                time.sleep(0.2)
        yield Server(base_url, log)
    finally:
        process.terminate()
        try:
            process.wait(10)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()


@pytest.fixture(scope="module")
def server(mongo_uri: str | None, tmp_path_factory: pytest.TempPathFactory) -> Iterator[Server]:
    with running_server(mongo_uri, tmp_path_factory.mktemp("server") / "server.log") as found:
        yield found


@pytest.fixture(scope="module")
def browsers(server: Server) -> Iterator[Callable[[], Browser]]:
    """Opens fresh Chromiums (no shared state) and closes them after the module."""
    for binary in (CHROMIUM, CHROMEDRIVER):
        if not Path(binary).exists():
            pytest.fail(f"{binary} is missing: apt-get install -y chromium chromium-driver")
    opened: list[Browser] = []

    def open_browser() -> Browser:
        browser = Browser(server.base_url)
        opened.append(browser)
        return browser

    yield open_browser
    for browser in opened:
        browser.close()
