"""A real dropbox-lite server in a subprocess, on either backend, for the browser tests."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from tests.core.live_server import LiveServer as Server
from tests.core.live_server import live_server
from tests.web.browser import CHROMEDRIVER, CHROMIUM, Browser

__all__ = ["Server"]


@pytest.fixture(scope="module")
def server(mongo_uri: str | None, tmp_path_factory: pytest.TempPathFactory) -> Iterator[Server]:
    with live_server(mongo_uri, output=tmp_path_factory.mktemp("server") / "server.log") as found:
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
