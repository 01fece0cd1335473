"""The devices page's install command, "Shared with me", the Uploads panel and share links
on a server that listens on every interface: in Chromium against a real server, both backends."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import httpx
import pytest
from selenium.webdriver.common.by import By

from dropbox_lite import __version__
from tests.core.live_server import live_server
from tests.web.browser import Browser
from tests.web.conftest import Server
from tests.web.test_app import PASSWORD, assert_accessible, fetch, shots, sign_up, upload
from tests.web.test_file_manager import NARROW
from tests.web.test_shared_folders import badges, folder_row, has_folder_row, new_folder

# A UI test: the backend behind the server does not change what it checks.
pytestmark = [pytest.mark.slow, pytest.mark.once_on("memory")]
__all__ = ["shots"]


def graphql(base_url: str, query: str, token: str | None = None, **variables: Any) -> Any:
    headers = {"Authorization": f"Bearer {token}"} if token else {}
    response = httpx.post(
        base_url + "/graphql",
        json={"query": query, "variables": variables},
        headers=headers,
        timeout=30,
    )
    body = response.json()
    assert "errors" not in body, body
    return body["data"]


def api_sign_up(base_url: str, username: str) -> str:
    data = graphql(
        base_url,
        "mutation($u: String!, $p: String!) { signup(username: $u, password: $p)"
        " { __typename ... on AuthPayload { token } } }",
        u=username,
        p=PASSWORD,
    )
    token: str = data["signup"]["token"]
    return token


def api_folder(base_url: str, token: str, name: str) -> str:
    data = graphql(
        base_url,
        "mutation($n: String!) { createFolder(name: $n) { __typename ... on Folder { id } } }",
        token,
        n=name,
    )
    folder_id: str = data["createFolder"]["id"]
    return folder_id


def notice(browser: Browser) -> str:
    text: str = browser.wait(
        lambda: next(
            (n.text for n in browser.driver.find_elements(By.CSS_SELECTOR, ".notice") if n.text),
            None,
        ),
        "no notice",
    )
    return text


def fits_narrow(browser: Browser, path: str, shows: str) -> None:
    browser.resize(*NARROW)
    browser.open(path)
    browser.wait(lambda: shows in browser.driver.page_source or None, f"{path} did not show")
    assert browser.sideways_overflow() == 0, f"{path} scrolls sideways at 360 px"
    assert browser.small_targets() == [], path
    assert_accessible(browser, f"{path} at 360 px")


def test_the_devices_page_gives_the_sync_clients_install_command(
    server: Server, browsers: Callable[[], Browser], shots: Path
) -> None:
    browser = browsers()
    sign_up(browser, "dora")
    browser.named("link", "Devices").click()
    field = browser.named("textbox", "Install command")
    command = field.get_attribute("value") or ""
    wheel = f"{server.base_url}/client/dropbox_lite-{__version__}-py3-none-any.whl"
    assert command == f"pipx install {wheel}"
    # the server's own instructions say the same, and the wheel is there
    status, body, _ = fetch(server.base_url + "/client/")
    assert status == 200 and f"pipx install {wheel}" in body.decode()
    with httpx.stream("GET", wheel, timeout=60) as response:
        assert response.status_code == 200
        assert next(response.iter_bytes())[:2] == b"PK"
    browser.named("button", "Copy").click()
    assert notice(browser) == "Install command copied."
    assert_accessible(browser, "devices page")
    browser.screenshot(shots / "devices.png")
    fits_narrow(browser, "/devices", "Install command")
    browser.screenshot(shots / "devices-phone.png")


def test_shared_with_me_lists_the_mounts_of_folders_others_share(
    server: Server, browsers: Callable[[], Browser], shots: Path
) -> None:
    browser = browsers()
    sign_up(browser, "sami")
    new_folder(browser, "My own")
    browser.named("link", "Shared with me").click()
    browser.wait(
        lambda: "Nobody shares a folder with you yet." in browser.driver.page_source or None,
        "no empty state",
    )
    assert not has_folder_row(browser, "My own")

    owner = api_sign_up(server.base_url, "olga")
    team = api_folder(server.base_url, owner, "Team docs")
    api_folder(server.base_url, owner, "Private")
    shared = graphql(
        server.base_url,
        "mutation($f: ID!, $u: String!) { shareFolder(folderId: $f, username: $u, role: EDITOR)"
        " { __typename } }",
        owner,
        f=team,
        u="sami",
    )
    assert shared["shareFolder"]["__typename"] == "Folder"

    # the listing follows the change; a reload shows the same
    mount = folder_row(browser, "Team docs")
    assert badges(mount) == ["Shared"]
    assert mount.find_element(By.CSS_SELECTOR, ".badge").get_attribute("title") == "Shared by olga"
    assert not has_folder_row(browser, "My own")
    assert not has_folder_row(browser, "Private")
    current = browser.named("link", "Shared with me")
    assert current.get_attribute("aria-current") == "page"
    assert_accessible(browser, "shared with me")
    browser.screenshot(shots / "shared-with-me.png")
    # it opens like any folder
    browser.named("link", "Team docs", mount).click()
    browser.wait(
        lambda: browser.driver.find_element(By.TAG_NAME, "h1").text == "Team docs" or None,
        "the mount did not open",
    )
    fits_narrow(browser, "/shared", "Team docs")


def test_the_uploads_panel_names_the_folder_and_folds_when_done(
    server: Server, browsers: Callable[[], Browser], tmp_path: Path, shots: Path
) -> None:
    files = []
    for index in range(3):
        path = tmp_path / f"photo-{index}.txt"
        path.write_bytes(b"x" * (1000 * (index + 1)))
        files.append(path)
    browser = browsers()
    sign_up(browser, "ursula")
    new_folder(browser, "Holiday")
    browser.named("link", "Holiday", folder_row(browser, "Holiday")).click()
    browser.wait(lambda: browser.driver.find_elements(By.CSS_SELECTOR, ".empty") or None, "empty")
    upload(browser, *files)
    for path in files:
        browser.row(path.name)
    panel = browser.driver.find_element(By.CSS_SELECTOR, "section.uploads")
    # all done: one line, the list folded away
    browser.wait(
        lambda: "3 uploads done" in panel.text or None, "the panel did not fold: " + panel.text
    )
    upload_list = panel.find_element(By.ID, "upload-list")
    assert not upload_list.is_displayed()
    show = browser.named("button", "Show", panel)
    assert show.get_attribute("aria-expanded") == "false"
    assert_accessible(browser, "folded uploads")
    show.click()
    assert upload_list.is_displayed()
    where = [n.text for n in panel.find_elements(By.CSS_SELECTOR, ".upload-where")]
    assert where == ["to /Holiday"] * 3
    assert browser.named("button", "Hide", panel).get_attribute("aria-expanded") == "true"
    assert_accessible(browser, "opened uploads")
    browser.screenshot(shots / "uploads.png")

    # into the root: "All files"; the panel opens again while new uploads run
    browser.named("link", "All files").click()
    browser.row("Holiday")
    root_file = tmp_path / "root.txt"
    root_file.write_bytes(b"root\n")
    upload(browser, root_file)
    browser.row("root.txt")
    browser.wait(lambda: "4 uploads done" in panel.text or None, "did not fold again")
    browser.named("button", "Show", panel).click()
    where = [n.text for n in panel.find_elements(By.CSS_SELECTOR, ".upload-where")]
    assert where == ["to /Holiday"] * 3 + ["to All files"]
    browser.resize(*NARROW)
    assert browser.sideways_overflow() == 0
    assert browser.small_targets() == []
    browser.named("button", "Clear", panel).click()
    browser.wait(
        lambda: not browser.driver.find_elements(By.CSS_SELECTOR, "section.uploads") or None,
        "Clear left the panel",
    )


@pytest.fixture(scope="module")
def wide_server(
    mongo_uri: str | None, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[Server]:
    """A server on 0.0.0.0 with no PUBLIC_URL: its own links say http://0.0.0.0:PORT."""
    log = tmp_path_factory.mktemp("wide") / "server.log"
    with live_server(mongo_uri, output=log, host="0.0.0.0") as found:
        yield found


def test_share_links_use_the_browsers_origin_when_the_server_listens_everywhere(
    wide_server: Server, browsers_at: Callable[[str], Browser], shots: Path
) -> None:
    browser = browsers_at(wide_server.base_url)
    token = api_sign_up(wide_server.base_url, "wanda")
    api_folder(wide_server.base_url, token, "Outbox")
    # the server's own answer names 0.0.0.0, which opens for nobody
    folder = graphql(
        wide_server.base_url,
        '{ entry(path: "/Outbox") { id } }',
        token,
    )["entry"]["id"]
    created = graphql(
        wide_server.base_url,
        "mutation($e: ID!) { createShareLink(entryId: $e)"
        " { ... on ShareLinkCreated { url token } } }",
        token,
        e=folder,
    )["createShareLink"]
    assert created["url"].startswith("http://0.0.0.0:")
    # the web app shows the link on the address the browser reached the server by
    browser.open("/")
    browser.fill("Username", "wanda")
    browser.fill("Password", PASSWORD)
    browser.named("button", "Sign in").click()
    row = folder_row(browser, "Outbox")
    browser.named("button", "Share", row).click()
    dialog = browser.dialog()
    browser.named("button", "Create link", dialog).click()
    url = browser.named("textbox", "Link", dialog).get_attribute("value") or ""
    assert url.startswith(wide_server.base_url + "/s/"), url
    assert_accessible(browser, "share dialog with an origin link")
    browser.screenshot(shots / "share-link-origin.png")
    browser.driver.get(url)
    browser.wait(lambda: "Outbox" in browser.driver.page_source or None, "link did not open")
    status, _, _ = fetch(url, accept="text/html")
    assert status == 200
