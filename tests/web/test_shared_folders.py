"""Shared folders in the web app (issue 14): two people in two Chromiums, on both backends."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path

import pytest
from selenium.webdriver.common.by import By
from selenium.webdriver.common.keys import Keys
from selenium.webdriver.remote.webelement import WebElement
from selenium.webdriver.support.ui import Select

from tests.web.browser import Browser
from tests.web.conftest import Server
from tests.web.test_app import assert_accessible, shots, sign_up, upload

# A UI test: the backend behind the server does not change what it checks.
pytestmark = [pytest.mark.slow, pytest.mark.once_on("memory")]
__all__ = ["shots"]


def folder_row(browser: Browser, name: str) -> WebElement:
    """The row of the folder `name`, whatever badge follows its name."""
    xpath = f"//tr[th//a[normalize-space()={json.dumps(name)}]]"
    return browser.wait(
        lambda: next(iter(browser.driver.find_elements(By.XPATH, xpath)), None),
        f"no folder row {name!r}",
    )


def has_folder_row(browser: Browser, name: str) -> bool:
    xpath = f"//tr[th//a[normalize-space()={json.dumps(name)}]]"
    return bool(browser.driver.find_elements(By.XPATH, xpath))


def badges(element: WebElement) -> list[str]:
    return [badge.text for badge in element.find_elements(By.CSS_SELECTOR, ".badge")]


def choice(browser: Browser, name: str, scope: WebElement) -> Select:
    """The <select> whose accessible name is `name`."""

    def find() -> WebElement | None:
        for element in scope.find_elements(By.CSS_SELECTOR, "select"):
            if element.is_displayed() and element.accessible_name == name:
                return element
        return None

    return Select(browser.wait(find, f"no choice named {name!r}"))


def member(browser: Browser, dialog: WebElement, username: str) -> WebElement:
    selector = f"li[data-member={json.dumps(username)}]"
    return browser.wait(
        lambda: next(iter(dialog.find_elements(By.CSS_SELECTOR, selector)), None),
        f"{username} is not listed",
    )


def members(dialog: WebElement) -> list[str]:
    """The usernames the dialog lists, read in one script: a list that re-renders between
    finding its items and reading them cannot leave a stale item behind."""
    names: list[str] = dialog.parent.execute_script(
        "return Array.from(arguments[0].querySelectorAll('li[data-member]'),"
        " (item) => item.getAttribute('data-member') || '');",
        dialog,
    )
    return names


def lists(browser: Browser, dialog: WebElement, *wanted: list[str]) -> None:
    """Wait until the dialog lists exactly one of `wanted` (it re-renders after a change)."""
    browser.wait(lambda: members(dialog) in wanted or None, f"members are not one of {wanted}")


def status(browser: Browser, scope: WebElement, text: str) -> None:
    browser.wait(
        lambda: (
            any(node.text == text for node in scope.find_elements(By.CSS_SELECTOR, "[role=status]"))
            or None
        ),
        f"no status {text!r}",
    )


def alert(browser: Browser, scope: WebElement) -> str:
    found: str = browser.wait(
        lambda: next(
            (
                n.text
                for n in scope.find_elements(By.CSS_SELECTOR, "[role=alert]:not(.memory-banner)")
                if n.text
            ),
            None,
        ),
        "no alert",
    )
    return found


def focused_name(browser: Browser) -> str:
    name: str = browser.driver.switch_to.active_element.accessible_name
    return name


def open_people(browser: Browser, folder: str) -> WebElement:
    browser.named("button", "People", folder_row(browser, folder)).click()
    dialog = browser.dialog()
    browser.wait(lambda: "Loading…" not in dialog.text or None, "the members did not load")
    return dialog


def new_folder(browser: Browser, name: str) -> None:
    browser.named("button", "New folder").click()
    dialog = browser.dialog()
    browser.fill("Name", name, dialog)
    browser.named("button", "Create", dialog).click()
    browser.no_dialog()
    folder_row(browser, name)


def open_folder(browser: Browser, name: str) -> None:
    """Opens the folder `name` of the listing, and waits for its own listing."""
    browser.named("link", name, folder_row(browser, name)).click()
    browser.wait(
        lambda: browser.driver.find_element(By.TAG_NAME, "h1").text == name or None,
        f"{name} did not open",
    )
    browser.wait(
        lambda: browser.driver.find_elements(By.CSS_SELECTOR, ".listing-foot, .empty") or None,
        f"{name} was not listed",
    )


def drop_file(browser: Browser, name: str, text: str) -> None:
    browser.driver.execute_script(
        "const data = new DataTransfer();"
        "data.items.add(new File([arguments[1]], arguments[0], {type: 'text/plain'}));"
        "document.querySelector('.browser').dispatchEvent("
        "  new DragEvent('drop', {dataTransfer: data, bubbles: true, cancelable: true}));",
        name,
        text,
    )


def test_an_owner_shares_a_folder_a_viewer_reads_an_editor_writes_and_removal_unmounts(
    server: Server, browsers: Callable[[], Browser], tmp_path: Path, shots: Path
) -> None:
    plan = tmp_path / "plan.txt"
    plan.write_bytes(b"the plan\n")
    old = tmp_path / "old.txt"
    old.write_bytes(b"outdated\n")
    notes = tmp_path / "notes.txt"
    notes.write_bytes(b"bob's notes\n")
    owner = browsers()
    sign_up(owner, "ann")
    new_folder(owner, "Projects")
    open_folder(owner, "Projects")
    upload(owner, plan, old)
    owner.row("plan.txt")
    owner.row("old.txt")
    owner.open("/")  # a fresh page: no upload list or notice behind the dialog's screenshot
    assert badges(folder_row(owner, "Projects")) == []
    guest = browsers()
    sign_up(guest, "bob")

    # the owner adds bob as a Viewer: the dialog opens on the Username field
    dialog = open_people(owner, "Projects")
    owner.wait(lambda: focused_name(owner) == "Username" or None, "Username is not focused")
    assert "Only you." in dialog.text
    owner.fill("Username", "bob", dialog)
    choice(owner, "Role", dialog).select_by_visible_text("Viewer")
    owner.named("button", "Add", dialog).click()
    status(owner, dialog, "Added bob as a Viewer.")
    lists(owner, dialog, ["ann", "bob"])
    assert badges(member(owner, dialog, "ann")) == ["Owner"]
    row_of_bob = member(owner, dialog, "bob")
    assert choice(owner, "Role of bob", row_of_bob).first_selected_option.text == "Viewer"
    owner.named("button", "Remove", row_of_bob)
    assert_accessible(owner, "people dialog")
    owner.screenshot(shots / "share-people-dialog.png")
    # Escape closes it, like the other dialogs, and the folder is now badged
    dialog.send_keys(Keys.ESCAPE)
    owner.no_dialog()
    owner.wait(lambda: focused_name(owner) == "People" or None, "focus did not go back to People")
    projects = folder_row(owner, "Projects")
    owner.wait(lambda: badges(projects) == ["Shared"] or None, "no Shared badge for the owner")
    assert_accessible(owner, "a listing with a shared folder")

    # bob finds it in his root, badged, and may only look
    guest.open("/")
    mount = folder_row(guest, "Projects")
    assert badges(mount) == ["Shared"]
    assert mount.find_element(By.CSS_SELECTOR, ".badge").get_attribute("title") == "Shared by ann"
    guest.named("button", "Leave", mount)
    assert not guest.named("button", "Share", mount).is_enabled()  # links are the owner's
    open_folder(guest, "Projects")
    bar = guest.wait(lambda: guest.driver.find_element(By.CSS_SELECTOR, ".shared-bar"), "no bar")
    guest.wait(lambda: "with bob (you, Viewer)" in bar.text or None, "the bar lists no members")
    assert "Shared by ann" in bar.text
    assert "as a Viewer" in bar.text
    file_row = guest.row("plan.txt")
    assert not guest.named("button", "Upload").is_enabled()
    assert not guest.named("button", "New folder").is_enabled()
    for action in ("Rename", "Move", "Delete", "Share"):
        assert not guest.named("button", action, file_row).is_enabled(), action
    assert guest.named("button", "Download", file_row).is_enabled()
    assert_accessible(guest, "a viewer's shared folder")
    guest.screenshot(shots / "shared-folder-viewer.png")
    # a write that reaches the server anyway (a drop) is refused in words
    drop_file(guest, "sneaky.txt", "not allowed")
    failed = guest.wait(
        lambda: next(iter(guest.driver.find_elements(By.CSS_SELECTOR, ".upload-failed")), None),
        "the viewer's upload did not fail",
    )
    refusal = failed.find_element(By.CSS_SELECTOR, ".upload-line .muted").text
    print(f"\na viewer's upload: {refusal}")
    assert refusal and "{" not in refusal and refusal != "That did not work."
    owner.open("/browse/Projects")
    owner.row("plan.txt")
    assert not owner.has_row("sneaky.txt")
    # what the owner deletes is in bob's trash too, not his to restore or purge
    owner.named("button", "Delete", owner.row("old.txt")).click()
    owner.wait(lambda: not owner.has_row("old.txt") or None, "old.txt stayed")
    guest.named("link", "Trash").click()
    trashed = guest.row("old.txt")
    assert not guest.named("button", "Restore", trashed).is_enabled()
    assert not guest.named("button", "Delete forever", trashed).is_enabled()
    assert_accessible(guest, "a viewer's trash")

    # the owner makes bob an Editor
    owner.open("/")
    dialog = open_people(owner, "Projects")
    choice(owner, "Role of bob", member(owner, dialog, "bob")).select_by_visible_text("Editor")
    status(owner, dialog, "bob is now an Editor.")
    owner.named("button", "Close", dialog).click()
    owner.no_dialog()

    # bob uploads into it, and ann sees the file
    guest.open("/browse/Projects")
    guest.row("plan.txt")
    guest.wait(lambda: guest.named("button", "Upload").is_enabled() or None, "Upload is disabled")
    assert guest.named("button", "Rename", guest.row("plan.txt")).is_enabled()
    upload(guest, notes)
    guest.row("notes.txt")
    owner.open("/browse/Projects")
    owner.row("notes.txt")

    # a member sees who has the folder, read-only, and may leave it
    bar = guest.driver.find_element(By.CSS_SELECTOR, ".shared-bar")
    guest.named("button", "People", bar).click()
    dialog = guest.dialog()
    member(guest, dialog, "ann")
    lists(guest, dialog, ["ann", "bob"])
    assert "Editor" in member(guest, dialog, "bob").text
    assert not dialog.find_elements(By.CSS_SELECTOR, "select, input")
    assert not [b for b in dialog.find_elements(By.TAG_NAME, "button") if b.text == "Remove"]
    guest.named("button", "Leave folder", dialog)
    assert_accessible(guest, "a member's people dialog")
    dialog.send_keys(Keys.ESCAPE)
    guest.no_dialog()

    # the owner removes bob: the folder goes from bob's files, nothing of ann's goes
    owner.open("/")
    dialog = open_people(owner, "Projects")
    owner.named("button", "Remove", member(owner, dialog, "bob")).click()
    status(owner, dialog, "Removed bob: the folder is gone from their files.")
    lists(owner, dialog, [], ["ann"])
    owner.named("button", "Close", dialog).click()
    owner.no_dialog()
    guest.open("/")
    guest.wait(lambda: "item" in guest.driver.page_source or None, "no listing")
    guest.wait(lambda: not has_folder_row(guest, "Projects") or None, "bob still has Projects")
    open_folder(owner, "Projects")
    owner.row("notes.txt")
    owner.row("plan.txt")


def test_bad_input_is_explained_and_a_member_can_leave(
    server: Server, browsers: Callable[[], Browser]
) -> None:
    owner = browsers()
    sign_up(owner, "cleo")
    new_folder(owner, "Team")
    guest = browsers()
    sign_up(guest, "dave")

    dialog = open_people(owner, "Team")
    owner.named("button", "Add", dialog).click()
    assert alert(owner, dialog) == "Type the username of the person to add."
    owner.fill("Username", "nobody-here", dialog)
    owner.named("button", "Add", dialog).click()
    assert alert(owner, dialog) == "There is no user called “nobody-here”."
    owner.fill("Username", "cleo", dialog)
    owner.named("button", "Add", dialog).click()
    owner.wait(
        lambda: alert(owner, dialog) != "There is no user called “nobody-here”." or None,
        "no new alert for sharing with yourself",
    )
    yourself = alert(owner, dialog)
    print(f"\nsharing with yourself: {yourself}")
    assert yourself and "{" not in yourself
    assert focused_name(owner) == "Username"
    assert "Only you." in dialog.text
    assert_accessible(owner, "people dialog with an error")
    owner.fill("Username", "dave", dialog)
    choice(owner, "Role", dialog).select_by_visible_text("Editor")
    owner.named("button", "Add", dialog).click()
    status(owner, dialog, "Added dave as an Editor.")
    # adding him twice is refused too
    owner.fill("Username", "dave", dialog)
    owner.named("button", "Add", dialog).click()
    twice = alert(owner, dialog)
    print(f"\nadding a member twice: {twice}")
    assert twice and "{" not in twice
    owner.named("button", "Close", dialog).click()
    owner.no_dialog()

    # nothing inside a shared folder can be shared on its own (no nesting)
    open_folder(owner, "Team")
    new_folder(owner, "Inner")
    inner = folder_row(owner, "Inner")
    assert "People" not in [button.text for button in inner.find_elements(By.TAG_NAME, "button")]

    # dave leaves from his root: a confirmation, then the folder is gone for him only
    guest.open("/")
    guest.named("button", "Leave", folder_row(guest, "Team")).click()
    confirm = guest.dialog()
    assert "nothing of cleo's is deleted" in confirm.text
    guest.wait(lambda: focused_name(guest) == "Cancel" or None, "Cancel is not focused")
    assert_accessible(guest, "leave confirmation")
    guest.named("button", "Leave folder", confirm).click()
    guest.no_dialog()
    guest.wait(lambda: not has_folder_row(guest, "Team") or None, "dave still has Team")
    owner.open("/")
    dialog = open_people(owner, "Team")
    owner.wait(lambda: "dave" not in members(dialog) or None, "dave is still a member")
