"""A real dropbox-lite server in a subprocess, on either backend, for the browser tests."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from tests.core.live_server import LiveServer as Server
from tests.core.live_server import live_server
from tests.web.browser import CHROMEDRIVER, CHROMIUM, Browser

__all__ = ["Server"]
FAILED = pytest.StashKey[bool]()


@pytest.hookimpl(wrapper=True)
def pytest_runtest_makereport(item: pytest.Item, call: pytest.CallInfo[None]) -> pytest.TestReport:
    report: pytest.TestReport = yield
    if report.failed:
        item.stash[FAILED] = True
    return report


@pytest.fixture(scope="session")
def server(mongo_uri: str | None, tmp_path_factory: pytest.TempPathFactory) -> Iterator[Server]:
    """One server for every browser test of the session (a start costs 1-4 s): each test
    signs up users of its own (their names are unique across tests/web), and its Chromiums
    come from addresses of their own (`Browser.reset`), so the sign-up throttle (20 per
    address an hour) counts each test apart."""
    with live_server(mongo_uri, output=tmp_path_factory.mktemp("server") / "server.log") as found:
        yield found


@pytest.fixture(scope="session")
def idle_browsers() -> Iterator[list[Browser]]:
    """Chromiums a test has finished with, reset (`Browser.reset`), for the next tests."""
    idle: list[Browser] = []
    yield idle
    for browser in idle:
        browser.close()


@pytest.fixture
def browsers_at(
    idle_browsers: list[Browser], request: pytest.FixtureRequest
) -> Iterator[Callable[[str], Browser]]:
    """Opens Chromiums on a base URL that share nothing with each other or with earlier
    tests: a reset one a passed test left (`Browser.reset`), else a new one. A failed
    test's Chromiums are closed, not reused."""
    for binary in (CHROMIUM, CHROMEDRIVER):
        if not Path(binary).exists():
            pytest.fail(f"{binary} is missing: apt-get install -y chromium chromium-driver")
    opened: list[Browser] = []

    def open_browser(base_url: str) -> Browser:
        browser = idle_browsers.pop() if idle_browsers else Browser(base_url)
        browser.base_url = base_url
        opened.append(browser)
        return browser

    yield open_browser
    failed = request.node.stash.get(FAILED, False)
    for browser in opened:
        if failed:
            browser.close()
            continue
        try:
            browser.reset(browser.base_url)
        except Exception:
            browser.close()
        else:
            idle_browsers.append(browser)


@pytest.fixture
def browsers(server: Server, browsers_at: Callable[[str], Browser]) -> Callable[[], Browser]:
    """Opens Chromiums on the session's server (see `browsers_at`)."""
    return lambda: browsers_at(server.base_url)
