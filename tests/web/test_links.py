"""Share links in the web app: each live link listed with its URL and Copy, an access
choice with "Upload only" for folders, a "Has a share link" badge in listings, upload-only
share pages that show nothing of the folder, and thumbnails on share pages. In a real
Chromium against a real server, on both backends."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from selenium.webdriver.remote.webelement import WebElement

from tests.web.browser import Browser
from tests.web.conftest import Server
from tests.web.test_app import assert_accessible, assert_same_origin, shots, sign_up  # noqa: F401
from tests.web.test_file_manager import png, row_action
from tests.web.test_share_page import graphql, make_folder, put_file

# A UI test: the backend behind the server does not change what it checks.
pytestmark = [pytest.mark.slow, pytest.mark.once_on("memory")]
WIDE = (1366, 900)
PHONE = (390, 844)
NARROW = (360, 740)


def badge(browser: Browser, name: str) -> bool:
    return any(
        element.accessible_name == "Has a share link"
        for element in browser.row(name).find_elements("css selector", "[role=img]")
    )


def share_dialog(browser: Browser, name: str) -> WebElement:
    row_action(browser, name, "Share")
    return browser.dialog()


@pytest.mark.parametrize("size", [WIDE, PHONE], ids=["wide", "phone"])
def test_links_are_listed_with_their_urls_badged_and_upload_only(
    server: Server,
    browsers: Callable[[], Browser],
    tmp_path: Path,
    size: tuple[int, int],
    shots: Path,  # noqa: F811
) -> None:
    owner = browsers()
    owner.resize(*size)
    username = f"lina{size[0]}"
    sign_up(owner, username)
    token = owner.driver.execute_script("return sessionStorage.getItem('dropbox-lite.token')")
    pictures = make_folder(server, token, "Pictures")
    put_file(server, token, pictures, "sky.png", png(80, 60))
    put_file(server, token, pictures, "readme.txt", b"not an image\n")
    inbox = make_folder(server, token, "Inbox")
    put_file(server, token, inbox, "secret.txt", b"only the owner sees this\n")
    owner.row("Pictures")
    owner.row("Inbox")
    assert not badge(owner, "Pictures")

    # a view-only link: created, then listed with its URL and Copy while it lives
    dialog = share_dialog(owner, "Pictures")
    owner.named("button", "Create link", dialog).click()
    url = owner.named("textbox", "Link", dialog).get_attribute("value") or ""
    assert url.startswith(server.base_url + "/s/")
    listed = owner.wait(
        lambda: (
            [
                box
                for box in dialog.find_elements("css selector", ".link-list input")
                if (box.accessible_name or "").startswith("Link created")
            ]
            or None
        ),
        "the link is not listed",
    )
    assert [box.get_attribute("value") for box in listed] == [url]
    assert_accessible(owner, "share dialog with a link")
    owner.named("button", "Close", dialog).click()
    owner.no_dialog()
    # the listing badges it, with an accessible name
    owner.wait(lambda: badge(owner, "Pictures") or None, "no link badge")
    assert not badge(owner, "Inbox")
    if size == WIDE:
        owner.screenshot(shots / "link-badge.png")

    # opened again later: the same URL, copied again
    dialog = share_dialog(owner, "Pictures")
    copy = owner.wait(
        lambda: next(
            (
                b
                for b in dialog.find_elements("css selector", "button")
                if (b.accessible_name or "").startswith("Copy link created")
            ),
            None,
        ),
        "no Copy for the listed link",
    )
    box = dialog.find_element("css selector", ".link-list input")
    assert box.get_attribute("value") == url
    copy.click()
    owner.wait(
        lambda: dialog.find_element("css selector", "[role=status]").text or None, "no copy note"
    )
    assert owner.sideways_overflow() <= 0
    if size == WIDE:
        owner.screenshot(shots / "share-dialog-links.png")
    else:
        owner.screenshot(shots / "share-dialog-links-phone.png")
    owner.named("button", "Close", dialog).click()
    owner.no_dialog()

    # the share page of a folder shows image thumbnails (same origin), none for text
    visitor = browsers()
    visitor.resize(*size)
    visitor.driver.get(url)
    sky = visitor.row("sky.png")
    thumb = visitor.wait(
        lambda: sky.find_element("css selector", "img.thumb"), "no thumbnail on the share page"
    )
    visitor.wait(
        lambda: (
            visitor.driver.execute_script(
                "return arguments[0].complete && arguments[0].naturalWidth > 0", thumb
            )
            or None
        ),
        "the thumbnail did not load",
    )
    assert visitor.row("readme.txt").find_elements("css selector", "img") == []
    assert_accessible(visitor, "share page with thumbnails")
    if size == WIDE:
        visitor.screenshot(shots / "share-thumbnails.png")
    assert_same_origin(visitor, server)

    # an upload-only link: a choice of the Share dialog for folders
    dialog = share_dialog(owner, "Inbox")
    choice = owner.wait(
        lambda: next(
            (
                r
                for r in dialog.find_elements("css selector", "input[type=radio]")
                if r.accessible_name.startswith("Upload only")
            ),
            None,
        ),
        "no Upload only choice",
    )
    choice.click()
    assert_accessible(owner, "access choice")
    owner.named("button", "Create link", dialog).click()
    drop_url = owner.named("textbox", "Link", dialog).get_attribute("value") or ""
    owner.wait(lambda: "upload only" in dialog.text or None, "the link is not described")
    owner.named("button", "Close", dialog).click()

    # its page: an upload area only, nothing of what is in the folder
    visitor.driver.get(drop_url)
    visitor.wait(
        lambda: "Upload files" in visitor.driver.find_element("tag name", "h1").text or None,
        "no upload page",
    )
    page = visitor.driver.page_source
    assert "secret.txt" not in page
    assert visitor.driver.find_elements("css selector", "table") == []
    assert visitor.all_named("button", "Download zip") == []
    first = tmp_path / "report.txt"
    first.write_text("my report\n")
    visitor.named("file", "Upload files").send_keys(str(first))
    visitor.wait(
        lambda: "Uploaded: report.txt" in visitor.driver.page_source or None, "no Uploaded line"
    )
    # the same name again is renamed, never overwrites, and still shows nothing else
    again = tmp_path / "again"
    again.mkdir()
    (again / "report.txt").write_text("my second report\n")
    visitor.named("file", "Upload files").send_keys(str(again / "report.txt"))
    visitor.wait(
        lambda: len(visitor.driver.find_elements("css selector", ".uploaded-list li")) == 2 or None,
        "no second Uploaded line",
    )
    lines = [li.text for li in visitor.driver.find_elements("css selector", ".uploaded-list li")]
    assert lines[0] == "Uploaded: report.txt"
    assert lines[1].startswith("Uploaded: report") and lines[1] != lines[0]
    assert "secret.txt" not in visitor.driver.page_source
    assert visitor.sideways_overflow() <= 0
    assert_accessible(visitor, "upload-only page")
    shot = "share-upload-only.png" if size == WIDE else "share-upload-only-phone.png"
    visitor.screenshot(shots / shot)
    visitor.resize(*NARROW)
    assert visitor.sideways_overflow() == 0
    assert visitor.small_targets() == []

    names = graphql(
        server,
        '{ entry(path: "/Inbox") { ... on Folder { children { edges { node { name } } } } } }',
        {},
        token,
    )["entry"]["children"]["edges"]
    found = sorted(n["node"]["name"] for n in names)
    assert len(found) == 3 and "report.txt" in found and "secret.txt" in found, found

    # a single image's link shows its preview
    put_file(server, token, pictures, "photo.png", png(64, 48))
    owner.named("link", "Pictures", owner.row("Pictures")).click()
    dialog = share_dialog(owner, "photo.png")
    assert owner.all_named("button", "Upload only") == []
    assert dialog.find_elements("css selector", "input[type=radio]") == []  # files: view only
    owner.named("button", "Create link", dialog).click()
    photo_url = owner.named("textbox", "Link", dialog).get_attribute("value") or ""
    visitor.resize(*size)
    visitor.driver.get(photo_url)
    preview = visitor.wait(
        lambda: next(
            (
                img
                for img in visitor.driver.find_elements("css selector", "img")
                if img.accessible_name == "Preview of photo.png"
            ),
            None,
        ),
        "no preview on the file's share page",
    )
    assert (preview.get_attribute("src") or "").startswith(server.base_url + "/")
    assert_accessible(visitor, "file share page with a preview")
    owner.resize(*NARROW)
    assert owner.sideways_overflow() == 0
