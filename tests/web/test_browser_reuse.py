"""The browser tests reuse a Chromium from one test to the next (`Browser.reset`): the
second test here gets the first one's Chromium and finds nothing the first one left
(a sign-in, storage, a cookie, a second tab, a viewport override, a download, the
network log)."""

from __future__ import annotations

from collections.abc import Callable

import httpx
import pytest

from tests.web.browser import Browser
from tests.web.conftest import Server
from tests.web.test_app import PASSWORD

# A UI test: the backend behind the server does not change what it checks.
pytestmark = [pytest.mark.slow, pytest.mark.once_on("memory")]
FIRST: dict[str, str] = {}  # what the first test saw: the session, its first tab


def signed_in_page(browser: Browser, server: Server) -> None:
    """The web app, signed in as a new user through "Stay signed in"'s token."""
    response = httpx.post(
        server.base_url + "/graphql",
        json={
            "query": 'mutation($p: String!) { signup(username: "reuser", password: $p)'
            " { ... on AuthPayload { token } } }",
            "variables": {"p": PASSWORD},
        },
        timeout=30,
    )
    token = response.json()["data"]["signup"]["token"]
    browser.open("/?first-test")
    browser.driver.execute_script(
        "localStorage.setItem('dropbox-lite.token', arguments[0]);"
        "sessionStorage.setItem('left', 'by the first test');"
        "document.cookie = 'left=by-the-first-test; max-age=3600; path=/';",
        token,
    )
    browser.open("/")
    browser.named("button", "Sign out")


def test_a_test_leaves_a_sign_in_storage_a_tab_a_viewport_and_a_download(
    server: Server, browsers: Callable[[], Browser]
) -> None:
    browser = browsers()
    signed_in_page(browser, server)
    browser.resize(390, 844)
    assert browser.driver.execute_script("return window.innerWidth") == 390
    assert any("first-test" in url for url in browser.request_urls())
    browser.downloads.mkdir(parents=True, exist_ok=True)
    (browser.downloads / "left.txt").write_text("by the first test\n")
    FIRST["tab"] = browser.driver.current_window_handle
    browser.driver.switch_to.new_window("tab")
    browser.open("/devices")
    FIRST["session"] = str(browser.driver.session_id)


def test_the_next_test_gets_that_chromium_with_nothing_left(
    server: Server, browsers: Callable[[], Browser]
) -> None:
    if not FIRST:
        pytest.skip("runs after the test before it (run the module)")
    browser = browsers()
    assert browser.driver.session_id == FIRST["session"]  # the same Chromium, reused
    assert browser.driver.window_handles == [browser.driver.current_window_handle]
    assert browser.driver.current_window_handle != FIRST["tab"]
    assert not browser.downloads.exists() or list(browser.downloads.iterdir()) == []
    assert browser.request_urls() == []
    browser.open("/")
    browser.named("textbox", "Username")  # signed out
    assert browser.all_named("button", "Sign out") == []
    left = browser.driver.execute_script(
        "return [localStorage.length, sessionStorage.length, document.cookie,"
        " window.innerWidth, history.length];"
    )
    # history: the blank page the tab opened on, and this one (a new Chromium's too)
    assert left == [0, 0, "", 1280, 2]
    assert not any("first-test" in url for url in browser.request_urls())
