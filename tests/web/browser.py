"""Drive Debian's Chromium with selenium, and find things by their accessible names."""

from __future__ import annotations

import functools
import itertools
import json
import shutil
import tempfile
from collections.abc import Callable
from pathlib import Path
from typing import Any, TypeVar, cast

import pytest
from selenium import webdriver
from selenium.common.exceptions import StaleElementReferenceException, WebDriverException
from selenium.webdriver.chrome.service import Service
from selenium.webdriver.common.by import By
from selenium.webdriver.common.keys import Keys
from selenium.webdriver.remote import webelement
from selenium.webdriver.remote.webelement import WebElement
from selenium.webdriver.support.ui import WebDriverWait

CHROMIUM = "/usr/bin/chromium"
CHROMEDRIVER = "/usr/bin/chromedriver"
AXE = Path(__file__).resolve().parents[2] / "web" / "node_modules" / "axe-core" / "axe.min.js"
WAIT_SECONDS = 60  # a loaded CI machine; waits end as soon as the page is ready
# How often a wait looks again. selenium's default (0.5 s) made every wait that did not
# hold at once cost up to half a second: most of a test's time on an idle machine.
POLL_SECONDS = 0.05
# Keep Chromium from calling home: the test also checks that nothing leaves the server.
FLAGS = (
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--disable-default-apps",
    "--disable-extensions",
    "--disable-dev-shm-usage",
    "--window-size=1280,860",
)
ROLES = {
    "button": "button, a.button-link",
    "link": "a[href]",
    "textbox": "input:not([type=file]):not([type=checkbox]), textarea",
    "file": "input[type=file]",
}
T = TypeVar("T")
ADDRESSES = itertools.count(1)
# arguments: scope (or null), selector, name, shown. Returns the candidates of `named`.
CANDIDATES_JS = """
const [scope, selector, name, shown] = arguments;
const isDisplayed = (IS_DISPLAYED);
const words = name.toLowerCase().split(/\\s+/).filter(Boolean);
const attributes = ['aria-label', 'title', 'alt', 'placeholder', 'value'];
const found = [];
for (const element of (scope || document).querySelectorAll(selector)) {
  const parts = [element.textContent, element.value];
  for (const attribute of attributes) parts.push(element.getAttribute(attribute));
  for (const id of (element.getAttribute('aria-labelledby') || '').split(/\\s+/)) {
    const label = id && document.getElementById(id);
    if (label) parts.push(label.textContent, label.getAttribute('aria-label'));
  }
  for (const label of element.labels || []) parts.push(label.textContent);
  for (const inner of element.querySelectorAll('[aria-label], [title], [alt]')) {
    for (const attribute of attributes) parts.push(inner.getAttribute(attribute));
  }
  const said = parts.filter(Boolean).join(' ').toLowerCase();
  if (!words.every(word => said.includes(word))) continue;
  if (!shown || isDisplayed(element)) found.push(element);
}
return found;
"""


@functools.cache
def axe_source() -> str:
    return AXE.read_text(encoding="utf-8")


class Browser:
    """One Chromium with a fresh profile; `close` removes it, `reset` makes it as a fresh one
    (the browser tests reuse it for the next test: a start costs about a second)."""

    def __init__(self, base_url: str) -> None:
        self.base_url = base_url
        self.profile = tempfile.mkdtemp(prefix="dropbox-lite-chromium-")
        self.downloads = Path(self.profile) / "downloads"
        options = webdriver.ChromeOptions()
        options.binary_location = CHROMIUM
        for flag in FLAGS:
            options.add_argument(flag)
        options.add_argument(f"--user-data-dir={self.profile}/profile")
        options.set_capability("goog:loggingPrefs", {"performance": "ALL", "browser": "ALL"})
        options.add_experimental_option(
            "prefs", {"download.default_directory": str(self.downloads)}
        )
        self.driver = webdriver.Chrome(options=options, service=Service(CHROMEDRIVER))
        self.driver.set_script_timeout(60)
        self.requested: list[str] = []
        self.address = ""
        self._new_address()

    def _new_address(self) -> None:
        """Requests from here on say they come from an address no other test used (the
        server believes a 127.0.0.1 proxy's X-Forwarded-For, as behind a reverse proxy)."""
        number = next(ADDRESSES)
        self.address = f"10.{number >> 16 & 255}.{number >> 8 & 255}.{number & 255}"
        self.driver.execute_cdp_cmd("Network.enable", {})
        self.driver.execute_cdp_cmd(
            "Network.setExtraHTTPHeaders", {"headers": {"X-Forwarded-For": self.address}}
        )

    def close(self) -> None:
        try:
            self.driver.quit()
        finally:
            shutil.rmtree(self.profile, ignore_errors=True)

    def reset(self, base_url: str) -> None:
        """Forget everything the last test did, then serve `base_url`: a new tab (no history,
        page, sessionStorage or viewport override) replaces every open one; the cookies,
        HTTP cache and permissions go, and the storage (localStorage, IndexedDB, ...) of
        the origin it served; the downloads folder and the network log are emptied; its
        requests come from a new address.
        tests/web/test_browser_reuse.py checks that nothing is left."""
        driver = self.driver
        old = driver.window_handles
        driver.switch_to.new_window("tab")
        fresh = driver.current_window_handle
        for handle in old:
            driver.switch_to.window(handle)
            driver.close()
        driver.switch_to.window(fresh)
        driver.execute_cdp_cmd("Network.clearBrowserCookies", {})
        driver.execute_cdp_cmd("Network.clearBrowserCache", {})
        driver.execute_cdp_cmd("Browser.resetPermissions", {})
        for origin in dict.fromkeys((self.base_url, base_url)):
            driver.execute_cdp_cmd(
                "Storage.clearDataForOrigin", {"origin": origin, "storageTypes": "all"}
            )
        shutil.rmtree(self.downloads, ignore_errors=True)
        self._new_address()
        for log in ("performance", "browser"):
            driver.get_log(log)  # type: ignore[no-untyped-call]
        self.requested = []
        self.base_url = base_url

    def open(self, path: str) -> None:
        self.driver.get(self.base_url + path)

    def wait(
        self, condition: Callable[[], T | None], message: str, *, seconds: float = WAIT_SECONDS
    ) -> T:
        def attempt(_: Any) -> T | None:
            try:
                return condition()
            except (StaleElementReferenceException, WebDriverException):
                return None

        waiting = WebDriverWait(self.driver, seconds, poll_frequency=POLL_SECONDS)
        return cast(T, waiting.until(attempt, message))

    def named(self, role: str, name: str, scope: WebElement | None = None) -> WebElement:
        """The first shown element of `role` whose accessible name is exactly `name`."""

        def find() -> WebElement | None:
            for element in self._candidates(role, name, scope, shown=role != "file"):
                if element.accessible_name == name:
                    return element
            return None

        return self.wait(find, f"no {role} named {name!r}")

    def all_named(self, role: str, name: str) -> list[WebElement]:
        return [
            element
            for element in self._candidates(role, name, None, shown=False)
            if element.accessible_name == name
        ]

    def _candidates(
        self, role: str, name: str, scope: WebElement | None, *, shown: bool
    ) -> list[WebElement]:
        """The elements of `role` (in document order; with `shown`, only the shown ones, by
        selenium's own is_displayed) that can be called `name`: every word of it is in
        something a name is made of. One script instead of two WebDriver commands per
        element: a listing of 105 rows made `named` ask 1,563 names. The caller still
        compares Chromium's accessible name, so this only skips elements that cannot match.
        """
        if webelement.isDisplayed_js is None:
            webelement._load_js()  # type: ignore[no-untyped-call]
        found: list[WebElement] = self.driver.execute_script(
            CANDIDATES_JS.replace("IS_DISPLAYED", str(webelement.isDisplayed_js)),
            scope,
            ROLES[role],
            name,
            shown,
        )
        return found

    def row(self, name: str) -> WebElement:
        """The table row of the entry called `name`."""
        xpath = f"//tr[th[normalize-space()={json.dumps(name)}]]"
        return self.wait(
            lambda: next(iter(self.driver.find_elements(By.XPATH, xpath)), None),
            f"no row {name!r}",
        )

    def has_row(self, name: str) -> bool:
        xpath = f"//tr[th[normalize-space()={json.dumps(name)}]]"
        return bool(self.driver.find_elements(By.XPATH, xpath))

    def dialog(self) -> WebElement:
        return self.wait(
            lambda: next(iter(self.driver.find_elements(By.CSS_SELECTOR, "dialog[open]")), None),
            "no open dialog",
        )

    def no_dialog(self) -> None:
        self.wait(
            lambda: not self.driver.find_elements(By.CSS_SELECTOR, "dialog[open]") or None,
            "the dialog stayed open",
        )

    def fill(self, name: str, text: str, scope: WebElement | None = None) -> None:
        """Type `text` over what the box holds, as a person would (select all, type), until
        it reads `text`: WebElement.clear() sends no input event, so a controlled input that
        re-renders before the typing (a listing refresh under load) put its old value back
        and the typing was appended to it."""
        box = self.named("textbox", name, scope)
        for _ in range(3):
            box.send_keys(Keys.CONTROL, "a")
            box.send_keys(Keys.DELETE)
            box.send_keys(text)
            if box.get_attribute("value") == text:
                return
        assert box.get_attribute("value") == text, f"the {name} box does not read {text!r}"

    def axe_violations(self) -> list[dict[str, Any]]:
        """axe-core's serious and critical violations on the page as it is now."""
        if not AXE.is_file():
            pytest.skip(f"axe-core is not installed ({AXE} is missing): run `npm ci` in web/")
        # axe.min.js is half a megabyte to send and parse: once per page, not per check
        if not self.driver.execute_script("return typeof window.axe === 'object';"):
            self.driver.execute_script(axe_source())
        violations: list[dict[str, Any]] = self.driver.execute_async_script(
            "const done = arguments[arguments.length - 1];"
            "axe.run(document, {resultTypes: ['violations']})"
            ".then(r => done(r.violations), e => done([{id: 'axe-error', impact: 'critical',"
            " help: String(e), nodes: []}]));"
        )
        return [v for v in violations if v.get("impact") in ("serious", "critical")]

    def request_urls(self) -> list[str]:
        """Every URL the browser asked for since the last call (Chromium's network log)."""
        for entry in self.driver.get_log("performance"):  # type: ignore[no-untyped-call]
            message = json.loads(entry["message"])["message"]
            if message.get("method") == "Network.requestWillBeSent":
                self.requested.append(message["params"]["request"]["url"])
        return self.requested

    def resize(self, width: int, height: int) -> None:
        """The viewport (the page's own size) becomes width x height CSS pixels."""
        self.driver.execute_cdp_cmd(
            "Emulation.setDeviceMetricsOverride",
            {"width": width, "height": height, "deviceScaleFactor": 1, "mobile": width < 600},
        )

    def sideways_overflow(self) -> int:
        """How many CSS pixels the page is wider than its viewport (0: no sideways scrolling)."""
        return int(
            self.driver.execute_script(
                "return Math.max(document.documentElement.scrollWidth,"
                " document.body.scrollWidth) - window.innerWidth;"
            )
        )

    def small_targets(self) -> list[str]:
        """Shown buttons, links and fields smaller than 44 x 44 CSS pixels (their names)."""
        found: list[str] = self.driver.execute_script(
            "const out = [];"
            "for (const el of document.querySelectorAll("
            "  'button, a.button-link, nav a, .entries th.name a, select,"
            "   input:not([type=checkbox]):not([type=file])')) {"
            "  const r = el.getBoundingClientRect();"
            "  if (r.width === 0 || r.height === 0 || el.closest('.visually-hidden')) continue;"
            "  if (r.height < 43.5 || r.width < 43.5)"
            "    out.push((el.getAttribute('aria-label') || el.textContent || el.id).trim()"
            "      + ` ${Math.round(r.width)}x${Math.round(r.height)}`);"
            "}"
            "return out;"
        )
        return found

    def screenshot(self, path: Path) -> None:
        path.parent.mkdir(parents=True, exist_ok=True)
        self.driver.save_screenshot(str(path))
