"""The Account page's app passwords: created (shown once, with Copy), used by a WebDAV
client over HTTP Basic, listed with their last use, and revoked (after a confirm), which
ends them at once; in a real Chromium against a real server, on both backends."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import httpx
import pytest
from selenium.webdriver.remote.webelement import WebElement

from tests.web.browser import Browser
from tests.web.conftest import Server
from tests.web.test_app import assert_accessible, shots, sign_up  # noqa: F401

# A UI test: the backend behind the server does not change what it checks.
pytestmark = [pytest.mark.slow, pytest.mark.once_on("memory")]
WIDE = (1366, 900)
PHONE = (390, 844)
NARROW = (360, 740)


def propfind(server: Server, username: str, password: str) -> int:
    response = httpx.request(
        "PROPFIND",
        f"{server.base_url}/remote.php/dav/files/{username}/",
        headers={"Depth": "0"},
        auth=(username, password),
        timeout=30,
    )
    return response.status_code


def section(browser: Browser) -> WebElement:
    found: WebElement = browser.wait(
        lambda: browser.driver.find_element(
            "css selector", "section[aria-labelledby=app-passwords]"
        ),
        "no App passwords section",
    )
    return found


@pytest.mark.parametrize("size", [WIDE, PHONE], ids=["wide", "phone"])
def test_app_passwords_are_shown_once_work_and_are_revoked(
    server: Server,
    browsers: Callable[[], Browser],
    size: tuple[int, int],
    shots: Path,  # noqa: F811
) -> None:
    browser = browsers()
    browser.resize(*size)
    username = f"appy{size[0]}"
    sign_up(browser, username)
    browser.open("/account")
    panel = section(browser)
    browser.wait(lambda: "No app passwords yet." in panel.text or None, "no empty state")

    # a blank name is refused in words, and nothing is created
    browser.fill("Name", "   ", panel)
    browser.named("button", "Create app password", panel).click()
    alert = browser.wait(
        lambda: panel.find_element("css selector", "[role=alert]").text or None, "no error"
    )
    assert alert
    assert "No app passwords yet." in panel.text

    browser.fill("Name", "Laptop", panel)
    browser.named("button", "Create app password", panel).click()
    field = browser.named("textbox", "New app password", panel)
    password = field.get_attribute("value") or ""
    assert len(password) >= 16
    assert "It is shown once" in panel.text
    browser.named("button", "Copy", panel).click()
    browser.wait(
        lambda: panel.find_element("css selector", "[role=status]").text or None, "no copy status"
    )
    assert browser.sideways_overflow() <= 0  # (a wide window's vertical scrollbar: -15)
    assert_accessible(browser, "a new app password")
    if size == WIDE:
        browser.screenshot(shots / "app-password-created.png")
    browser.named("button", "Done", panel).click()
    # listed, never used yet; gone from the page, the password is not shown again
    row = browser.row("Laptop")
    assert "Never" in row.text
    assert password not in browser.driver.page_source

    # a WebDAV client signs in with it (and not with a wrong one)
    assert propfind(server, username, password) == 207
    assert propfind(server, username, password[:-1] + ("x" if password[-1] != "x" else "y")) == 401
    # (its last use is kept to within minutes, like a session's: "Never" may stay a while)
    browser.open("/account")
    browser.row("Laptop")

    # Revoke asks first; Cancel keeps it
    browser.named("button", "Revoke Laptop").click()
    dialog = browser.dialog()
    assert "Revoke “Laptop”?" in dialog.text
    assert_accessible(browser, "revoke confirm")
    browser.named("button", "Cancel", dialog).click()
    browser.no_dialog()
    assert propfind(server, username, password) == 207
    browser.named("button", "Revoke Laptop").click()
    dialog = browser.dialog()
    browser.named("button", "Revoke", dialog).click()
    browser.no_dialog()
    browser.wait(lambda: not browser.has_row("Laptop") or None, "the row stayed")
    assert propfind(server, username, password) == 401

    browser.fill("Name", "Phone", section(browser))
    browser.named("button", "Create app password").click()
    browser.named("textbox", "New app password")
    browser.resize(*NARROW)
    assert browser.sideways_overflow() == 0
    assert browser.small_targets() == []
    assert_accessible(browser, "account at 360 px")
    if size == PHONE:
        browser.driver.execute_script(
            "document.querySelector('.created-secret').scrollIntoView({block: 'center'})"
        )
        browser.screenshot(shots / "app-password-phone.png")
