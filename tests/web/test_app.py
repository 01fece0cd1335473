"""The web app in a real headless Chromium against a real server, on both backends."""

from __future__ import annotations

import json
import os
import urllib.request
from collections.abc import Callable
from pathlib import Path
from urllib.parse import urlsplit

import httpx
import pytest

from tests.web.browser import Browser
from tests.web.conftest import Server

# A UI test: the backend behind the server does not change what it checks.
pytestmark = [pytest.mark.slow, pytest.mark.once_on("memory")]
PASSWORD = "correct horse battery"


@pytest.fixture
def shots(tmp_path: Path) -> Path:
    """Where screenshots go: docs/ when DROPBOX_LITE_SCREENSHOT_DIR says so."""
    return Path(os.environ.get("DROPBOX_LITE_SCREENSHOT_DIR") or tmp_path)


def sign_up(browser: Browser, username: str) -> None:
    browser.open("/")
    browser.fill("Username", username)
    browser.fill("Password", PASSWORD)
    browser.named("button", "Create account").click()
    browser.named("button", "Sign out")
    # the (empty) listing is in: Upload and New folder work from now on
    browser.wait(
        lambda: "This folder is empty." in browser.driver.page_source or None, "no listing"
    )


def upload(browser: Browser, *paths: Path) -> None:
    browser.named("file", "Upload files").send_keys("\n".join(str(p) for p in paths))


def assert_accessible(browser: Browser, screen: str) -> None:
    violations = browser.axe_violations()
    assert violations == [], f"{screen}: " + json.dumps(
        [(v["id"], v["impact"], v["help"], [n["target"] for n in v["nodes"]]) for v in violations],
        indent=1,
    )


def assert_same_origin(browser: Browser, server: Server) -> None:
    urls = browser.request_urls()
    assert urls, "the network log recorded nothing"
    network = [u for u in urls if urlsplit(u).scheme in ("http", "https", "ws", "wss")]
    # the live feed is a WebSocket to the same origin
    origins = (server.base_url + "/", server.base_url.replace("http", "ws", 1) + "/")
    assert [u for u in network if not u.startswith(origins)] == []


def fetch(url: str, accept: str = "*/*") -> tuple[int, bytes, dict[str, str]]:
    request = urllib.request.Request(url, headers={"Accept": accept})
    with urllib.request.urlopen(request, timeout=10) as response:
        return response.status, response.read(), {k.lower(): v for k, v in response.headers.items()}


def test_a_person_signs_up_uploads_organizes_shares_and_signs_out(
    server: Server, browsers: Callable[[], Browser], tmp_path: Path, shots: Path
) -> None:
    alpha = tmp_path / "alpha.txt"
    alpha.write_bytes(b"alpha says hello\n" * 100)
    beta = tmp_path / "beta report.txt"
    beta.write_bytes(b"beta\n")
    browser = browsers()

    browser.open("/")
    browser.named("textbox", "Username")
    assert_accessible(browser, "sign-in")
    browser.screenshot(shots / "signin.png")
    sign_up(browser, "alice")

    # two files at once, each with its own progress bar
    upload(browser, alpha, beta)
    browser.row("alpha.txt")
    browser.row("beta report.txt")
    bars = browser.driver.find_elements("css selector", "[role=progressbar], progress")
    assert len(bars) == 2
    browser.wait(
        lambda: all(bar.get_attribute("value") == "100" for bar in bars) or None,
        "the uploads did not finish",
    )

    # a folder: create it, open it, come back by the breadcrumb
    browser.named("button", "New folder").click()
    dialog = browser.dialog()
    browser.fill("Name", "Reports", dialog)
    browser.named("button", "Create", dialog).click()
    browser.no_dialog()
    # an expected error in words, not JSON
    browser.named("button", "New folder").click()
    dialog = browser.dialog()
    browser.fill("Name", "reports", dialog)
    browser.named("button", "Create", dialog).click()
    alert = browser.wait(lambda: dialog.find_element("css selector", "[role=alert]"), "no error")
    assert alert.text == "An entry with this name already exists in the folder."
    browser.named("button", "Cancel", dialog).click()
    browser.no_dialog()

    browser.named("link", "Reports", browser.row("Reports")).click()
    crumbs = browser.driver.find_element("css selector", "nav[aria-label=Breadcrumb]")
    assert crumbs.accessible_name == "Breadcrumb"
    browser.wait(lambda: "Reports" in crumbs.text or None, "the breadcrumb does not show Reports")
    assert browser.driver.current_url.endswith("/browse/Reports")
    browser.wait(lambda: "This folder is empty." in crumbs.parent.page_source or None, "no listing")
    # a file dropped on the folder lands in it
    browser.driver.execute_script(
        "const data = new DataTransfer();"
        "data.items.add(new File(['dropped bytes'], 'dropped.txt', {type: 'text/plain'}));"
        "document.querySelector('.browser').dispatchEvent("
        "  new DragEvent('drop', {dataTransfer: data, bubbles: true, cancelable: true}));"
    )
    browser.row("dropped.txt")
    browser.named("link", "All files", crumbs).click()

    # rename, then move the renamed file into the folder and copy it back
    browser.named("button", "Rename", browser.row("alpha.txt")).click()
    dialog = browser.dialog()
    browser.fill("Name", "alpha notes.txt", dialog)
    browser.named("button", "Rename", dialog).click()
    browser.row("alpha notes.txt")
    assert not browser.has_row("alpha.txt")

    browser.named("button", "Move", browser.row("beta report.txt")).click()
    dialog = browser.dialog()
    browser.fill("Destination folder", "/Reports", dialog)
    browser.named("button", "Move", dialog).click()
    browser.no_dialog()
    browser.wait(lambda: not browser.has_row("beta report.txt") or None, "beta did not move")

    browser.named("button", "Copy", browser.row("alpha notes.txt")).click()
    dialog = browser.dialog()
    browser.fill("Destination folder", "/Reports", dialog)
    browser.named("button", "Copy", dialog).click()
    browser.no_dialog()

    # the main screen, measured and checked
    browser.open("/")
    browser.row("alpha notes.txt")
    # The mark is set by an effect that runs just after the listing is painted: the row
    # can be seen a moment before it, so wait for it (it must come).
    first_listing = browser.wait(
        lambda: browser.driver.execute_script(
            "const m = performance.getEntriesByName('dropbox-lite:first-listing')[0];"
            "return m ? m.startTime : null;"
        ),
        "no first-listing mark",
    )
    assert first_listing is not None
    print(f"\ntime to first render of the main screen: {first_listing:.0f} ms")
    assert_accessible(browser, "main screen")
    browser.screenshot(shots / "files.png")

    # share the file and open the link in a second browser without an account
    browser.named("button", "Share", browser.row("alpha notes.txt")).click()
    dialog = browser.dialog()
    browser.named("button", "Create link", dialog).click()
    link = browser.named("textbox", "Link", dialog)
    url = link.get_attribute("value") or ""
    assert url.startswith(server.base_url + "/s/")
    assert link.get_attribute("readonly") is not None
    browser.named("button", "Copy", dialog)
    browser.named("button", "Revoke", dialog)
    assert_accessible(browser, "share dialog")
    browser.screenshot(shots / "share-dialog.png")
    browser.named("button", "Close", dialog).click()
    browser.no_dialog()

    visitor = browsers()
    visitor.driver.get(url)
    visitor.wait(
        lambda: "alpha notes.txt" in visitor.driver.find_element("tag name", "h1").text or None,
        "the share page does not show the name",
    )
    assert "1.7 KiB" in visitor.driver.find_element("tag name", "main").text
    download = visitor.named("link", "Download")
    status, body, headers = fetch(download.get_attribute("href") or "", accept="text/html")
    assert (status, body) == (200, alpha.read_bytes())
    assert headers["content-disposition"].startswith("attachment")
    assert_accessible(visitor, "share page")
    visitor.screenshot(shots / "share-page.png")
    assert_same_origin(visitor, server)

    # search by name
    search = browser.named("textbox", "Search")
    search.send_keys("beta\n")
    browser.row("beta report.txt")
    assert not browser.has_row("alpha notes.txt")

    # delete to the trash, restore from it
    browser.named("link", "All files").click()
    browser.named("button", "Delete", browser.row("alpha notes.txt")).click()
    browser.wait(lambda: not browser.has_row("alpha notes.txt") or None, "alpha stayed")
    browser.named("link", "Trash").click()
    trashed = browser.row("alpha notes.txt")
    browser.named("button", "Delete forever", trashed)
    assert_accessible(browser, "trash")
    browser.screenshot(shots / "trash.png")
    browser.named("button", "Restore", trashed).click()
    browser.wait(lambda: not browser.has_row("alpha notes.txt") or None, "still in the trash")
    browser.named("link", "All files").click()
    browser.row("alpha notes.txt")

    # versions of a file, and this device among the signed-in ones
    browser.named("button", "Versions", browser.row("alpha notes.txt")).click()
    dialog = browser.dialog()
    browser.wait(lambda: "Revision 1" in dialog.text or None, "no revision listed")
    browser.named("button", "Close", dialog).click()
    browser.no_dialog()
    browser.named("link", "Devices").click()
    device = browser.row("Web app (Chrome) this device")
    assert "Sign out device" not in device.text
    assert_accessible(browser, "devices")

    # the token never shows in a URL, and sign-out drops it
    assert_same_origin(browser, server)
    assert all("token" not in u.split("?", 1)[-1] for u in browser.requested)
    assert browser.driver.execute_script("return sessionStorage.getItem('dropbox-lite.token')")
    browser.named("button", "Sign out").click()
    browser.named("textbox", "Username")
    assert browser.driver.execute_script("return sessionStorage.length") == 0
    browser.open("/")
    browser.named("button", "Sign in")


def test_a_large_folder_is_paged(server: Server, browsers: Callable[[], Browser]) -> None:
    browser = browsers()
    sign_up(browser, "hoarder")
    token = browser.driver.execute_script("return sessionStorage.getItem('dropbox-lite.token')")
    # 105 folders in three requests (a mutation's aliases run one after the other; the
    # server takes 50 aliases at most)
    with httpx.Client(base_url=server.base_url, timeout=30) as client:
        for first in range(0, 105, 50):
            numbers = range(first, min(first + 50, 105))
            creates = " ".join(
                f'f{n}: createFolder(name: "folder {n:03d}") {{ __typename }}' for n in numbers
            )
            response = client.post(
                "/graphql",
                json={"query": f"mutation {{ {creates} }}"},
                headers={"Authorization": f"Bearer {token}"},
            )
            data = response.json()["data"]
            assert [data[f"f{n}"]["__typename"] for n in numbers] == ["Folder"] * len(numbers)
    browser.open("/")
    browser.row("folder 099")
    assert not browser.has_row("folder 100")
    assert "Showing 100 of 105 items." in browser.driver.page_source
    browser.named("button", "Load more").click()
    browser.row("folder 104")
    assert len(browser.driver.find_elements("css selector", "tbody tr")) == 105
    assert not browser.all_named("button", "Load more")
