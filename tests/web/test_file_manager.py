"""The web app as a file manager: phones, previews, selection, sorting, Replace / Keep
both, the trash; in a real Chromium against a real server, on both backends."""

from __future__ import annotations

import struct
import zipfile
import zlib
from collections.abc import Callable
from pathlib import Path

import httpx
import pytest
from selenium.webdriver.common.action_chains import ActionChains
from selenium.webdriver.common.keys import Keys

from tests.web.browser import Browser
from tests.web.conftest import Server
from tests.web.test_app import PASSWORD, assert_accessible, shots, sign_up, upload  # noqa: F401

# A UI test: the backend behind the server does not change what it checks.
pytestmark = [pytest.mark.slow, pytest.mark.once_on("memory")]
WIDE = (1366, 900)
PHONE = (390, 844)
NARROW = (360, 740)


def png(width: int, height: int) -> bytes:
    """A small solid-blue PNG."""

    def chunk(kind: bytes, data: bytes) -> bytes:
        body = kind + data
        return struct.pack(">I", len(data)) + body + struct.pack(">I", zlib.crc32(body))

    row = b"\x00" + b"\x1f\x6f\xd0" * width
    raw = zlib.compress(row * height)
    header = struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)
    return b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", raw) + chunk(b"IEND", b"")


def row_action(browser: Browser, name: str, action: str) -> None:
    """Click a row's action: its icon on a wide screen, through the row's menu on a narrow one."""
    row = browser.row(name)
    menu = browser.all_named("button", f"Actions for {name}")
    if menu and menu[0].is_displayed():
        menu[0].click()
    browser.named("button", action, row).click()


def rows(browser: Browser) -> list[str]:
    return [
        th.text.replace("Shared", "").strip()
        for th in browser.driver.find_elements("css selector", "tbody th.name")
    ]


def make_files(tmp_path: Path) -> list[Path]:
    notes = tmp_path / "notes.txt"
    notes.write_text("<b>not bold</b> & <script>alert(1)</script>\nline two\n")
    photo = tmp_path / "photo.png"
    photo.write_bytes(png(64, 48))
    long = tmp_path / ("a-very-long-file-name-that-does-not-fit-on-a-phone-screen-" * 2 + ".txt")
    long.write_bytes(b"x" * 5000)
    return [notes, photo, long]


def test_every_screen_fits_a_phone(
    server: Server,
    browsers: Callable[[], Browser],
    tmp_path: Path,
    shots: Path,  # noqa: F811
) -> None:
    browser = browsers()
    browser.resize(*PHONE)
    browser.open("/")
    browser.named("textbox", "Username")
    assert browser.sideways_overflow() == 0
    assert browser.small_targets() == []
    browser.screenshot(shots / "signin-phone.png")
    sign_up(browser, "phoebe")
    files = make_files(tmp_path)
    upload(browser, *files)
    for path in files:
        browser.row(path.name)
    browser.named("button", "New folder").click()
    dialog = browser.dialog()
    browser.fill("Name", "Holiday photos", dialog)
    browser.named("button", "Create", dialog).click()
    browser.row("Holiday photos")

    # the listing: no sideways scrolling, 44 px targets, one menu button per row
    assert browser.sideways_overflow() == 0
    assert browser.small_targets() == []
    assert_accessible(browser, "files on a phone")
    browser.screenshot(shots / "files-phone.png")
    menu = browser.named("button", "Actions for notes.txt")
    assert menu.get_attribute("aria-expanded") == "false"
    rename = [b for b in browser.all_named("button", "Rename") if b.is_displayed()]
    assert rename == [], "row actions show before their menu is opened"
    menu.click()
    assert menu.get_attribute("aria-expanded") == "true"
    for action in ("Download", "Share", "Rename", "Move", "Copy", "Versions", "Delete"):
        button = browser.named("button", action, browser.row("notes.txt"))
        assert button.size["height"] >= 44
    assert browser.sideways_overflow() == 0
    assert_accessible(browser, "row menu on a phone")
    browser.screenshot(shots / "row-menu-phone.png")
    browser.named("button", "Rename", browser.row("notes.txt")).click()
    dialog = browser.dialog()
    assert browser.sideways_overflow() == 0
    browser.named("button", "Cancel", dialog).click()
    browser.no_dialog()

    # every screen, at 390 and at 360 px
    screens = {
        "/": "notes.txt",
        "/browse/Holiday%20photos": "This folder is empty.",
        "/trash": "Trash",
        "/devices": "Devices",
        "/search?q=notes": "notes.txt",
    }
    for width, height in (PHONE, NARROW):
        browser.resize(width, height)
        for path, shows in screens.items():
            browser.open(path)
            browser.wait(
                lambda text=shows: text in browser.driver.page_source or None,  # type: ignore[misc]
                f"{path} did not show",
            )
            browser.named("button", "Sign out")
            assert browser.driver.execute_script("return window.innerWidth") == width
            assert browser.sideways_overflow() == 0, f"{path} scrolls sideways at {width} px"
            assert browser.small_targets() == [], f"{path} at {width} px"
    browser.open("/")
    row_action(browser, "notes.txt", "Share")
    dialog = browser.dialog()
    browser.named("button", "Create link", dialog).click()
    url = browser.named("textbox", "Link", dialog).get_attribute("value") or ""
    assert browser.sideways_overflow() == 0
    browser.screenshot(shots / "share-dialog-phone.png")
    browser.named("button", "Close", dialog).click()

    visitor = browsers()
    visitor.resize(*NARROW)
    visitor.driver.get(url)
    visitor.named("link", "Download")
    assert visitor.sideways_overflow() == 0
    assert visitor.small_targets() == []
    visitor.screenshot(shots / "share-page-phone.png")


def test_preview_selection_sorting_replace_and_trash(
    server: Server,
    browsers: Callable[[], Browser],
    tmp_path: Path,
    shots: Path,  # noqa: F811
) -> None:
    browser = browsers()
    browser.resize(*WIDE)
    sign_up(browser, "wanda")
    files = make_files(tmp_path)
    upload(browser, *files)
    for path in files:
        browser.row(path.name)
    browser.named("button", "New folder").click()
    dialog = browser.dialog()
    browser.fill("Name", "Zebra folder", dialog)
    browser.named("button", "Create", dialog).click()
    browser.row("Zebra folder")

    # wide screens: icon buttons named by their actions, no menu button
    menus = browser.driver.find_elements("css selector", ".row-menu-button")
    assert menus and not any(menu.is_displayed() for menu in menus)
    rename = browser.named("button", "Rename", browser.row("notes.txt"))
    assert rename.size["width"] < 40  # an icon, named "Rename"

    # sorting: folders first, headers are buttons with aria-sort
    name_header = browser.named("button", "Name").find_element("xpath", "..")
    assert name_header.get_attribute("aria-sort") == "ascending"
    assert rows(browser)[0] == "Zebra folder"
    browser.named("button", "Size").click()
    size_header = browser.named("button", "Size").find_element("xpath", "..")
    browser.wait(
        lambda: size_header.get_attribute("aria-sort") == "ascending" or None, "no aria-sort"
    )
    assert name_header.get_attribute("aria-sort") == "none"
    assert rows(browser)[0] == "Zebra folder"
    assert rows(browser)[1:] == ["notes.txt", "photo.png", files[2].name]
    browser.named("button", "Size").click()
    browser.wait(lambda: size_header.get_attribute("aria-sort") == "descending" or None, "no turn")
    assert rows(browser)[1:] == [files[2].name, "photo.png", "notes.txt"]
    browser.named("button", "Name").click()

    # the preview: the text escaped, arrow keys step through the folder's files
    browser.named("link", "notes.txt").click()
    dialog = browser.dialog()
    assert dialog.accessible_name == "notes.txt"
    text = browser.wait(lambda: dialog.find_element("css selector", "pre"), "no text shown")
    browser.wait(lambda: "line two" in text.text or None, "the text did not load")
    assert "<b>not bold</b> & <script>alert(1)</script>" in text.text
    assert not dialog.find_elements("css selector", "pre b, pre script")
    browser.named("button", "Download", dialog)
    assert_accessible(browser, "text preview")
    browser.screenshot(shots / "preview-text.png")
    ActionChains(browser.driver).send_keys(Keys.ARROW_RIGHT).perform()
    browser.wait(lambda: dialog.accessible_name == "photo.png" or None, "the arrow did not step")
    image = browser.wait(lambda: dialog.find_element("css selector", "img"), "no image shown")
    browser.wait(
        lambda: (
            browser.driver.execute_script("return arguments[0].naturalWidth", image) == 64 or None
        ),
        "the image did not load",
    )
    assert_accessible(browser, "image preview")
    browser.screenshot(shots / "preview.png")
    ActionChains(browser.driver).send_keys(Keys.ARROW_LEFT).perform()
    browser.wait(lambda: dialog.accessible_name == "notes.txt" or None, "no step back")
    browser.named("button", "Close", dialog).click()
    browser.no_dialog()

    # Replace / Keep both when an upload meets a name
    changed = tmp_path / "changed" / "notes.txt"
    changed.parent.mkdir()
    changed.write_text("the second version\n")
    upload(browser, changed)
    dialog = browser.dialog()
    assert "notes.txt" in dialog.accessible_name
    browser.named("button", "Keep both", dialog)
    assert_accessible(browser, "replace dialog")
    browser.screenshot(shots / "replace-dialog.png")
    browser.named("button", "Replace", dialog).click()
    browser.no_dialog()
    browser.named("button", "Versions", browser.row("notes.txt")).click()
    dialog = browser.dialog()
    browser.wait(lambda: "Revision 2" in dialog.text or None, "Replace made no new version")
    browser.named("button", "Close", dialog).click()
    browser.no_dialog()
    changed.write_text(
        "a third text, kept beside the others\n"
    )  # the same bytes would be the same file
    upload(browser, changed)
    dialog = browser.dialog()
    browser.named("button", "Keep both", dialog).click()
    browser.wait(
        lambda: len([r for r in rows(browser) if r.startswith("notes")]) == 2 or None,
        f"no copy: {rows(browser)}",
    )

    # selection: a checkbox per row, shift-click a range, the bulk bar
    browser.driver.execute_script("window.scrollTo(0, 0)")
    browser.named("button", "Name").click()  # back to A-Z: notes, notes (1), photo, long name
    order = rows(browser)
    first = browser.driver.find_element("css selector", f"[aria-label='Select {order[1]}']")
    last = browser.driver.find_element("css selector", f"[aria-label='Select {order[3]}']")
    first.click()
    ActionChains(browser.driver).key_down(Keys.SHIFT).click(last).key_up(Keys.SHIFT).perform()
    bar = browser.wait(
        lambda: browser.driver.find_element("css selector", "[role=region][aria-label=Selection]"),
        "no bulk bar",
    )
    browser.wait(lambda: "3 selected" in bar.text or None, "shift-click did not select a range")
    for action in ("Download", "Move", "Copy", "Delete"):
        browser.named("button", action, bar)
    assert_accessible(browser, "selection")
    browser.screenshot(shots / "selection.png")
    browser.named("button", "Delete", bar).click()
    browser.wait(lambda: rows(browser) == [order[0], order[4]] or None, "the bulk delete did not")
    browser.named("button", "Undo").click()
    browser.wait(lambda: len(rows(browser)) == 5 or None, "Undo did not restore them")

    # keyboard: ? lists the shortcuts
    browser.driver.find_element("tag name", "body").send_keys("?")
    dialog = browser.dialog()
    assert dialog.accessible_name == "Keyboard shortcuts"
    browser.named("button", "Close", dialog).click()
    browser.no_dialog()

    # the trash: a Deleted column and Empty trash
    row_action(browser, "photo.png", "Delete")
    browser.wait(lambda: not browser.has_row("photo.png") or None, "photo stayed")
    browser.driver.execute_script("window.scrollTo(0, 0)")
    browser.named("link", "Trash").click()
    browser.row("photo.png")
    headers = [th.text for th in browser.driver.find_elements("css selector", "thead th")]
    assert "DELETED" in [h.upper() for h in headers]
    assert_accessible(browser, "trash")
    browser.screenshot(shots / "trash.png")
    browser.named("button", "Empty trash").click()
    dialog = browser.dialog()
    browser.named("button", "Empty trash", dialog).click()
    browser.wait(lambda: "The trash is empty." in browser.driver.page_source or None, "not emptied")
    browser.wait(
        lambda: "Deleted 1 item forever." in browser.driver.page_source or None, "no count"
    )


def test_account_page_banner_and_a_forgotten_account(
    server: Server,
    browsers: Callable[[], Browser],
    mongo_uri: str | None,
    shots: Path,  # noqa: F811
) -> None:
    browser = browsers()
    browser.resize(*WIDE)
    browser.open("/")
    browser.named("textbox", "Username")
    # the in-memory store says, on every page, that it keeps nothing
    banners = browser.driver.find_elements("css selector", "[role=alert].memory-banner")
    if mongo_uri is None:
        browser.wait(
            lambda: (
                browser.driver.find_elements("css selector", "[role=alert].memory-banner") or None
            ),
            "no banner on the in-memory store",
        )
    else:
        assert banners == []
    # a name this browser signed in with, which the server no longer knows
    browser.driver.execute_script(
        "localStorage.setItem('dropbox-lite.known-usernames', JSON.stringify(['ghost']))"
    )
    browser.fill("Username", "ghost")
    browser.fill("Password", "whatever it was")
    browser.named("button", "Sign in").click()
    form = browser.driver.find_element("tag name", "form")
    alert = browser.wait(lambda: form.find_element("css selector", "[role=alert]"), "no error")
    if mongo_uri is None:
        browser.wait(lambda: "forgotten its accounts" in alert.text or None, alert.text)
    else:
        assert alert.text == "Wrong username or password."

    sign_up(browser, "carol")
    browser.named("link", "Account").click()
    browser.named("button", "Change password")
    browser.fill("Current password", "not my password")
    browser.fill("New password", "a brand new password")
    browser.named("button", "Change password").click()
    form = browser.driver.find_element("css selector", "form.account-form")
    browser.wait(lambda: form.find_element("css selector", "[role=alert]"), "no error")
    browser.fill("Current password", PASSWORD)
    browser.named("button", "Change password").click()
    browser.wait(
        lambda: "Your password is changed" in form.text or None, "the password did not change"
    )
    browser.row("Web app (Chrome) this device")
    assert_accessible(browser, "account")
    browser.screenshot(shots / "account.png")
    browser.resize(*NARROW)
    assert browser.sideways_overflow() == 0
    assert browser.small_targets() == []
    browser.screenshot(shots / "account-phone.png")
    browser.named("button", "Sign out").click()
    browser.fill("Username", "carol")
    browser.fill("Password", "a brand new password")
    browser.named("button", "Sign in").click()
    browser.named("button", "Sign out")

    # one browser is one device; "Stay signed in" outlives the tab
    browser.driver.execute_script("sessionStorage.clear()")
    browser.open("/")
    browser.fill("Username", "carol")
    browser.fill("Password", "a brand new password")
    stay = browser.driver.find_element("css selector", "input#stay")
    assert stay.accessible_name == "Stay signed in"
    stay.click()
    browser.named("button", "Sign in").click()
    browser.named("button", "Sign out")
    assert browser.driver.execute_script("return localStorage.getItem('dropbox-lite.token')")
    browser.open("/devices")
    browser.row("Web app (Chrome) this device")
    browser.wait(
        lambda: len(browser.driver.find_elements("css selector", "tbody tr")) == 1 or None,
        "signing in again piled up sessions of this browser",
    )
    browser.driver.execute_script("sessionStorage.clear()")
    browser.open("/account")
    browser.named("button", "Change password")  # still signed in


def test_the_open_folder_follows_other_devices_and_folders_upload_whole(
    server: Server, browsers: Callable[[], Browser], tmp_path: Path
) -> None:
    browser = browsers()
    browser.resize(*WIDE)
    sign_up(browser, "livia")
    token = browser.driver.execute_script("return sessionStorage.getItem('dropbox-lite.token')")
    browser.named("button", "New folder").click()
    dialog = browser.dialog()
    browser.fill("Name", "Here first", dialog)
    browser.named("button", "Create", dialog).click()
    browser.row("Here first")
    create = "mutation($n: String!) { createFolder(name: $n) { __typename } }"
    with httpx.Client(base_url=server.base_url, timeout=30) as client:
        for name in ("From another device", "And one more"):
            response = client.post(
                "/graphql",
                json={"query": create, "variables": {"n": name}},
                headers={"Authorization": f"Bearer {token}"},
            )
            assert response.json()["data"]["createFolder"]["__typename"] == "Folder"
            # no reload, no click: the subscription brings it
            browser.wait(
                lambda n=name: browser.has_row(n) or None, f"{name} did not appear", seconds=10
            )  # type: ignore[misc]

    # a folder uploaded with "Upload folder" keeps its structure
    trip = tmp_path / "Trip"
    (trip / "day 1").mkdir(parents=True)
    (trip / "day 1" / "a.txt").write_text("first day\n")
    (trip / "b.txt").write_text("notes\n")
    browser.named("button", "Upload folder")
    browser.named("file", "Upload a folder").send_keys(str(trip))
    browser.named("link", "Trip", browser.row("Trip")).click()
    browser.row("b.txt")
    browser.named("link", "day 1", browser.row("day 1")).click()
    browser.row("a.txt")
    # a folder's Download is a zip of it
    browser.named("link", "All files").click()
    browser.named("button", "Download", browser.row("Trip")).click()
    archive = browser.downloads / "Trip.zip"
    browser.wait(lambda: archive.is_file() or None, "no Trip.zip downloaded")
    with zipfile.ZipFile(archive) as downloaded:
        assert sorted(downloaded.namelist()) == ["b.txt", "day 1/", "day 1/a.txt"]
        assert downloaded.read("day 1/a.txt") == b"first day\n"
