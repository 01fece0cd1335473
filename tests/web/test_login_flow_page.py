"""Nextcloud Login Flow v2 granted in the web app (/login-flow/{token}): signed out, the
sign-in form first and back to the grant page; "Grant access" makes the app password
that the app's poll receives; Cancel grants nothing; an unknown token says so. In a real
Chromium against a real server, on both backends."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from urllib.parse import urlsplit

import httpx
import pytest

from tests.web.browser import Browser
from tests.web.conftest import Server
from tests.web.test_app import PASSWORD, assert_accessible, shots, sign_up  # noqa: F401

# A UI test: the backend behind the server does not change what it checks.
pytestmark = [pytest.mark.slow, pytest.mark.once_on("memory")]
WIDE = (1366, 900)
PHONE = (390, 844)
NARROW = (360, 740)
APP = "Nextcloud desktop (test)"


def start_flow(server: Server) -> tuple[str, str]:
    """POST /index.php/login/v2 as an app: the page's path and the poll token."""
    response = httpx.post(
        f"{server.base_url}/index.php/login/v2", headers={"User-Agent": APP}, timeout=30
    )
    assert response.status_code == 200
    body = response.json()
    page = urlsplit(body["login"]).path
    assert page.startswith("/login-flow/")
    return page, body["poll"]["token"]


def poll(server: Server, token: str) -> httpx.Response:
    return httpx.post(
        f"{server.base_url}/index.php/login/v2/poll", data={"token": token}, timeout=30
    )


def heading(browser: Browser, text: str) -> None:
    browser.wait(
        lambda: (
            any(h.text == text for h in browser.driver.find_elements("css selector", "h1")) or None
        ),
        f"no heading {text!r}",
    )


@pytest.mark.parametrize("size", [WIDE, PHONE], ids=["wide", "phone"])
def test_an_app_is_granted_access_from_the_web_app(
    server: Server,
    browsers: Callable[[], Browser],
    size: tuple[int, int],
    shots: Path,  # noqa: F811
) -> None:
    username = f"flo{size[0]}"
    browser = browsers()
    browser.resize(*size)
    sign_up(browser, username)
    browser.named("button", "Sign out").click()
    browser.named("textbox", "Username")

    # signed out: the sign-in form, saying why, then the grant page at the same address
    page, poll_token = start_flow(server)
    browser.open(page)
    browser.wait(
        lambda: "An app asks to connect to your account" in browser.driver.page_source or None,
        "the sign-in form does not say why",
    )
    assert_accessible(browser, "sign-in for an app")
    browser.fill("Username", username)
    browser.fill("Password", PASSWORD)
    browser.named("button", "Sign in").click()
    heading(browser, f"Grant access to {APP}?")
    assert urlsplit(browser.driver.current_url).path == page
    assert poll(server, poll_token).status_code == 404  # nothing before the grant
    assert browser.sideways_overflow() <= 0
    assert_accessible(browser, "grant page")
    if size == WIDE:
        browser.screenshot(shots / "login-flow.png")
    else:
        browser.screenshot(shots / "login-flow-phone.png")
    browser.named("button", "Grant access").click()
    browser.wait(
        lambda: (
            "Access granted: you can close this page and go back to the app."
            in browser.driver.page_source
            or None
        ),
        "not granted",
    )
    assert_accessible(browser, "access granted")

    # the app's poll gets its credentials (once), and they work for WebDAV
    answer = poll(server, poll_token)
    assert answer.status_code == 200
    credentials = answer.json()
    assert credentials["loginName"] == username
    dav = httpx.request(
        "PROPFIND",
        f"{server.base_url}/remote.php/dav/files/{username}/",
        headers={"Depth": "0"},
        auth=(username, credentials["appPassword"]),
        timeout=30,
    )
    assert dav.status_code == 207
    assert poll(server, poll_token).status_code == 404
    # it is listed as an app password, named after the app
    browser.open("/account")
    browser.row(APP)

    # Cancel grants nothing
    page, poll_token = start_flow(server)
    browser.open(page)
    heading(browser, f"Grant access to {APP}?")
    browser.named("button", "Cancel").click()
    heading(browser, "Access not granted")
    assert poll(server, poll_token).status_code == 404

    # an unknown (or used) token says so
    browser.open("/login-flow/not-a-real-token")
    heading(browser, "This request does not open")
    alert = browser.driver.find_element("css selector", ".flow-card [role=alert]").text
    assert "unknown or has expired" in alert
    assert_accessible(browser, "unknown request")
    browser.resize(*NARROW)
    assert browser.sideways_overflow() == 0
    assert browser.small_targets() == []
