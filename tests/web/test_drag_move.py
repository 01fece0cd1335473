"""Dragging rows onto a folder moves them (the drop target is highlighted; refusals are
told as the Move dialog tells them), and listings follow from the entry store without a
reload; in a real Chromium against a real server, on both backends."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from selenium.webdriver.remote.webelement import WebElement

from tests.web.browser import Browser
from tests.web.conftest import Server
from tests.web.test_app import assert_accessible, shots, sign_up, upload  # noqa: F401

# A UI test: the backend behind the server does not change what it checks.
pytestmark = [pytest.mark.slow, pytest.mark.once_on("memory")]
WIDE = (1366, 900)
PHONE = (390, 844)
NARROW = (360, 740)

# Selenium's drag and drop does not speak HTML5 drag events to Chromium: the page gets
# the events a real drag sends (dragstart, dragenter, dragover, drop, dragend), with a
# real DataTransfer carried from one to the next.
START = """
const [source, target] = arguments;
const data = new DataTransfer();
const init = {bubbles: true, cancelable: true, dataTransfer: data};
window.__drag = data;
source.dispatchEvent(new DragEvent('dragstart', init));
for (const kind of ['dragenter', 'dragover']) target.dispatchEvent(new DragEvent(kind, init));
"""
DROP = """
const [source, target] = arguments;
const init = {bubbles: true, cancelable: true, dataTransfer: window.__drag};
target.dispatchEvent(new DragEvent('drop', init));
source.dispatchEvent(new DragEvent('dragend', init));
"""


def start_drag(browser: Browser, source: WebElement, target: WebElement) -> None:
    browser.driver.execute_script(START, source, target)


def drop(browser: Browser, source: WebElement, target: WebElement) -> None:
    browser.driver.execute_script(DROP, source, target)


def new_folder(browser: Browser, name: str) -> None:
    browser.named("button", "New folder").click()
    dialog = browser.dialog()
    browser.fill("Name", name, dialog)
    browser.named("button", "Create", dialog).click()
    browser.row(name)


def notice(browser: Browser, role: str, expected: str | None = None) -> str:
    """The notice's text (role status or alert), once it says `expected` when given."""

    def read() -> str | None:
        text = browser.driver.find_element("css selector", f".notice-area [role={role}]").text
        return text if text and (expected is None or expected in text) else None

    found: str = browser.wait(read, f"no {role} notice {expected or ''}")
    return found


@pytest.mark.parametrize("size", [WIDE, PHONE], ids=["wide", "phone"])
def test_drag_rows_onto_a_folder_moves_them(
    server: Server,
    browsers: Callable[[], Browser],
    tmp_path: Path,
    size: tuple[int, int],
    shots: Path,  # noqa: F811
) -> None:
    browser = browsers()
    browser.resize(*size)
    sign_up(browser, f"dora{size[0]}")
    for name in ("notes.txt", "plan.txt", "todo.txt"):
        (tmp_path / name).write_text(f"{name}\n")
    upload(browser, *(tmp_path / name for name in ("notes.txt", "plan.txt", "todo.txt")))
    for name in ("notes.txt", "plan.txt", "todo.txt"):
        browser.row(name)
    new_folder(browser, "Archive")
    new_folder(browser, "Inbox")

    # one row onto a folder: the folder is highlighted while the row is over it
    source, target = browser.row("notes.txt"), browser.row("Archive")
    assert source.get_attribute("draggable") == "true"
    start_drag(browser, source, target)
    browser.wait(
        lambda: "drop-target" in (browser.row("Archive").get_attribute("class") or "") or None,
        "the folder under the drag is not highlighted",
    )
    assert browser.sideways_overflow() <= 0  # (a wide window's vertical scrollbar: -15)
    assert_accessible(browser, "a row dragged over a folder")
    if size == WIDE:
        browser.screenshot(shots / "drag-move.png")
    drop(browser, browser.row("notes.txt"), browser.row("Archive"))
    notice(browser, "status", "Moved to /Archive/notes.txt.")
    browser.wait(lambda: not browser.has_row("notes.txt") or None, "notes.txt stayed")
    assert "drop-target" not in (browser.row("Archive").get_attribute("class") or "")

    # the selection moves as one: drag one of the selected rows
    for name in ("plan.txt", "todo.txt"):
        browser.driver.find_element("css selector", f"input[aria-label='Select {name}']").click()
    start_drag(browser, browser.row("plan.txt"), browser.row("Inbox"))
    drop(browser, browser.row("plan.txt"), browser.row("Inbox"))
    notice(browser, "status", "Moved to /Inbox (2 items).")
    browser.wait(
        lambda: not browser.has_row("plan.txt") and not browser.has_row("todo.txt") or None,
        "the selected rows stayed",
    )

    # a folder moves too
    start_drag(browser, browser.row("Inbox"), browser.row("Archive"))
    drop(browser, browser.row("Inbox"), browser.row("Archive"))
    notice(browser, "status", "Moved to /Archive/Inbox.")
    browser.named("link", "Archive", browser.row("Archive")).click()
    browser.row("notes.txt")
    browser.row("Inbox")
    browser.named("link", "Inbox", browser.row("Inbox")).click()
    browser.row("plan.txt")
    browser.row("todo.txt")
    # up the tree: onto a folder of the breadcrumb (here the root)
    crumbs = browser.driver.find_element("css selector", "nav[aria-label=Breadcrumb]")
    top = browser.named("link", "All files", crumbs)
    start_drag(browser, browser.row("todo.txt"), top)
    browser.wait(
        lambda: "drop-target" in (top.get_attribute("class") or "") or None,
        "the crumb under the drag is not highlighted",
    )
    drop(browser, browser.row("todo.txt"), top)
    notice(browser, "status", "Moved to /todo.txt.")
    browser.wait(lambda: not browser.has_row("todo.txt") or None, "todo.txt stayed")
    (tmp_path / "again").mkdir()
    (tmp_path / "again" / "plan.txt").write_text("another plan\n")
    browser.named("link", "Archive").click()
    browser.row("Inbox")
    upload(browser, tmp_path / "again" / "plan.txt")
    browser.row("plan.txt")
    start_drag(browser, browser.row("plan.txt"), browser.row("Inbox"))
    drop(browser, browser.row("plan.txt"), browser.row("Inbox"))
    # a refusal reads as the Move dialog's, and nothing is lost
    error = notice(browser, "alert", "already")
    assert error
    assert browser.has_row("plan.txt")  # nothing lost
    start_drag(browser, browser.row("Inbox"), browser.row("Inbox"))
    drop(browser, browser.row("Inbox"), browser.row("Inbox"))  # onto itself: nothing happens
    assert browser.has_row("Inbox")

    # files from the desktop are not rows: a folder row is no target for them
    blocked = browser.driver.execute_script(
        "const data = new DataTransfer();"
        "data.items.add(new File(['x'], 'x.txt'));"
        "const init = {bubbles: true, cancelable: true, dataTransfer: data};"
        "const event = new DragEvent('dragover', init);"
        "arguments[0].dispatchEvent(event);"
        "return arguments[0].classList.contains('drop-target');",
        browser.row("Inbox"),
    )
    assert blocked is False
    browser.resize(*NARROW)
    assert browser.sideways_overflow() == 0
