"""Big files from the web app go through tus (/tus/, tus-js-client), in a real Chromium.

The browser reaches the server through `HoldingProxy`, a TCP proxy that counts the bytes
the browser sends and can hold them after a budget or cut every connection: the test
stops an upload where it likes, and asserts by counts (the server's `Upload-Offset`,
the bytes that went up), never by timings.
"""

from __future__ import annotations

import gzip
import json
import os
import re
import socket
import threading
from collections.abc import Callable, Iterator
from pathlib import Path
from urllib.parse import urlsplit

import httpx
import pytest

from dropbox_lite.files import blobs
from tests.core.live_server import live_server
from tests.web.browser import Browser
from tests.web.conftest import Server
from tests.web.test_app import sign_up, upload

# A UI test: the backend behind the server does not change what it checks.
pytestmark = [pytest.mark.slow, pytest.mark.once_on("memory")]
MiB = 1024 * 1024
SLACK = 64 * 1024  # request headers, a listing refetch: what goes up besides file bytes
TOKEN_KEY = "dropbox-lite.token"
TUS_REQUESTS = tuple(f"{method} /tus/".encode() for method in ("POST", "PATCH", "HEAD", "DELETE"))
BAD_GATEWAY = b"HTTP/1.1 502 Bad Gateway\r\nContent-Length: 0\r\nConnection: close\r\n\r\n"


class HoldingProxy:
    """127.0.0.1:`port` forwarded to the server. On connections that carry tus requests it
    counts the bytes going up (`up`), and `hold(n)` lets n more through, then holds the
    rest (the page's other requests go freely); `cut()` drops every connection."""

    def __init__(self, upstream_port: int) -> None:
        self.upstream_port = upstream_port
        self.listener = socket.create_server(("127.0.0.1", 0))
        self.port = int(self.listener.getsockname()[1])
        self.base_url = f"http://127.0.0.1:{self.port}"
        self.up = 0
        self.allowance: int | None = None
        self.lock = threading.Condition()
        self.pairs: list[tuple[socket.socket, socket.socket]] = []
        # connections whose request went (partly) up with no answer yet
        self.asking: set[tuple[socket.socket, socket.socket]] = set()
        self.answered: set[tuple[socket.socket, socket.socket]] = set()  # cut and answered 502
        self.tus: set[tuple[socket.socket, socket.socket]] = set()  # connections that carried tus
        threading.Thread(target=self._accept, daemon=True).start()

    def _accept(self) -> None:
        while True:
            try:
                client, _ = self.listener.accept()
            except OSError:
                return
            try:
                upstream = socket.create_connection(("127.0.0.1", self.upstream_port))
            except OSError:
                client.close()
                continue
            pair = (client, upstream)
            with self.lock:
                self.pairs.append(pair)
            threading.Thread(target=self._up, args=(pair,), daemon=True).start()
            threading.Thread(target=self._down, args=(pair,), daemon=True).start()

    def _up(self, pair: tuple[socket.socket, socket.socket]) -> None:
        client, upstream = pair
        try:
            while data := client.recv(65536):
                if data.startswith(TUS_REQUESTS):
                    with self.lock:
                        self.tus.add(pair)
                while data:
                    with self.lock:
                        self.lock.wait_for(
                            lambda: (
                                self.allowance != 0
                                or pair not in self.tus
                                or pair not in self.pairs
                                or pair in self.answered
                            )
                        )
                        if pair in self.answered:
                            break  # cut and answered: the rest of the request is dropped
                        if pair not in self.pairs:
                            return  # cut
                        n = len(data)
                        if pair in self.tus:
                            if self.allowance is not None:
                                n = min(n, self.allowance)
                                self.allowance -= n
                            self.up += n
                        self.asking.add(pair)
                        self.lock.notify_all()
                    upstream.sendall(data[:n])
                    data = data[n:]
        except OSError:
            pass
        finally:
            self._drop(pair)

    def _down(self, pair: tuple[socket.socket, socket.socket]) -> None:
        client, upstream = pair
        try:
            while data := upstream.recv(65536):
                with self.lock:
                    self.asking.discard(pair)
                client.sendall(data)
        except OSError:
            pass
        finally:
            with self.lock:
                answered = pair in self.answered
            if not answered:  # an answered one is closed by _up once the browser stops sending
                self._drop(pair)

    def _drop(self, pair: tuple[socket.socket, socket.socket]) -> None:
        with self.lock:
            if pair in self.pairs:
                self.pairs.remove(pair)
            self.asking.discard(pair)
            self.tus.discard(pair)
            self.lock.notify_all()
        for sock in pair:
            try:
                sock.shutdown(socket.SHUT_RDWR)
            except OSError:
                pass
            sock.close()

    def hold(self, budget: int) -> None:
        """From now on, `budget` more bytes go up; then everything waits."""
        with self.lock:
            self.allowance = budget
            self.lock.notify_all()

    def release(self) -> None:
        with self.lock:
            self.allowance = None
            self.lock.notify_all()

    def wait_held(self, seconds: float = 60) -> None:
        with self.lock:
            assert self.lock.wait_for(lambda: self.allowance == 0, seconds), "nothing was held"

    def cut(self) -> None:
        """Every open connection to the server drops (held bytes are lost) and nothing goes
        up until `hold`. A request that went up with no answer yet is answered 502, as a
        gateway whose upstream went away answers: a bare reset would make Chromium send the
        whole request again on its own (it does on a reused connection; the app copes, with
        a 409 and a HEAD, but the test counts bytes)."""
        with self.lock:
            self.allowance = 0
            pairs, self.pairs = self.pairs, []
            held = set(self.asking)
            self.answered |= held
            self.lock.notify_all()
        for pair in pairs:
            client, upstream = pair
            if pair not in held:
                self._drop(pair)
                continue
            # answered, then closed for writing only: closing with unread bytes would
            # reset the connection before the browser reads the answer
            try:
                upstream.shutdown(socket.SHUT_RDWR)
                client.sendall(BAD_GATEWAY)
                client.shutdown(socket.SHUT_WR)
            except OSError:
                pass

    def close(self) -> None:
        self.listener.close()
        self.cut()


@pytest.fixture
def proxied(
    server: Server, browsers_at: Callable[[str], Browser]
) -> Iterator[tuple[HoldingProxy, Browser]]:
    proxy = HoldingProxy(int(urlsplit(server.base_url).port or 0))
    browser = browsers_at(proxy.base_url)
    try:
        yield proxy, browser
    finally:
        proxy.close()


def fmt(size: int) -> str:
    """The web app's formatBytes for MiB sizes ("4.5 MiB", "12 MiB")."""
    value = size / MiB
    return f"{value:.1f} MiB" if value < 10 else f"{round(value)} MiB"


def token_of(browser: Browser) -> str:
    token = browser.driver.execute_script(
        f"return sessionStorage.getItem('{TOKEN_KEY}') || localStorage.getItem('{TOKEN_KEY}')"
    )
    assert isinstance(token, str) and token
    return token


def stored_uploads(browser: Browser) -> list[dict[str, object]]:
    """tus-js-client's URL storage: the uploads this browser can resume."""
    found: list[str] = browser.driver.execute_script(
        "return Object.keys(localStorage).filter(k => k.startsWith('tus::'))"
        ".map(k => localStorage.getItem(k));"
    )
    return [json.loads(item) for item in found]


def offset_of(server: Server, token: str, upload_path: str) -> int | None:
    """The server's `Upload-Offset` for the upload (None: no such upload)."""
    answer = httpx.head(
        server.base_url + upload_path,
        headers={"Authorization": f"Bearer {token}", "Tus-Resumable": "1.0.0"},
    )
    if answer.status_code == 404:
        return None
    assert answer.status_code == 200, answer
    return int(answer.headers["upload-offset"])


def wait_for(
    browser: Browser, check: Callable[[], int | None], until: Callable[[int], bool]
) -> int:
    def attempt() -> int | None:
        value = check()
        return value if value is not None and until(value) else None

    return browser.wait(attempt, "the server's offset did not move")


def leaving_asks(browser: Browser) -> bool:
    """Whether the page cancels `beforeunload` now (the browser then asks before leaving)."""
    asks = browser.driver.execute_script(
        "const e = new Event('beforeunload', {cancelable: true});"
        " window.dispatchEvent(e); return e.defaultPrevented;"
    )
    return asks is True


def upload_line(browser: Browser, name: str) -> str:
    """The words under the upload of `name` in the Uploads panel."""
    item = browser.wait(
        lambda: next(
            (
                li
                for li in browser.driver.find_elements("css selector", ".uploads li.upload")
                if li.find_element("css selector", ".upload-name").get_attribute("textContent")
                == name
            ),
            None,
        ),
        f"no upload of {name}",
    )
    # textContent: the panel folds into one line once every upload is over
    return str(
        item.find_element("css selector", ".upload-line .muted").get_attribute("textContent")
    )


def file_of(server: Server, token: str, path: str) -> dict[str, object]:
    answer = httpx.post(
        server.base_url + "/graphql",
        headers={"Authorization": f"Bearer {token}"},
        json={
            "query": "query($p: String!) { entry(path: $p) { __typename"
            " ... on File { size contentHash revisions(first: 5) { rev } } } }",
            "variables": {"p": path},
        },
    )
    entry: dict[str, object] = answer.json()["data"]["entry"]
    return entry


def test_a_big_file_resumes_after_a_dropped_connection_and_after_a_reload(
    server: Server, proxied: tuple[HoldingProxy, Browser], tmp_path: Path
) -> None:
    proxy, browser = proxied
    data = os.urandom(20 * MiB + 12_345)
    big = tmp_path / "big.bin"
    big.write_bytes(data)
    sign_up(browser, "tusker")
    token = token_of(browser)

    # 6 MiB go up, then the network stalls and drops: the server keeps what arrived
    proxy.hold(6 * MiB)
    upload(browser, big)
    proxy.wait_held()
    [stored] = stored_uploads(browser)
    upload_path = urlsplit(str(stored["uploadUrl"])).path
    assert upload_path.startswith("/tus/")
    proxy.cut()
    first = wait_for(browser, lambda: offset_of(server, token, upload_path), lambda o: o > 0)
    assert 5 * MiB < first <= 6 * MiB

    # the network comes back: tus-js-client retries by itself, from the server's offset
    proxy.hold(6 * MiB)
    proxy.wait_held()
    proxy.cut()
    second = wait_for(browser, lambda: offset_of(server, token, upload_path), lambda o: o > first)
    # what went up this time (6 MiB, less the HEAD's and PATCH's headers) landed after
    # `first`: nothing the server had was sent again
    assert first + 6 * MiB - SLACK <= second <= first + 6 * MiB

    # leaving the page mid-upload asks first: the app cancels beforeunload, which makes
    # the browser ask (chromedriver's own reload skips that prompt, so the test asks the
    # page, then reloads as a person who said "Leave" would)
    assert leaving_asks(browser)
    browser.driver.refresh()
    browser.wait(
        lambda: "This folder is empty." in browser.driver.page_source or None, "no listing"
    )
    assert offset_of(server, token, upload_path) == second
    assert len(stored_uploads(browser)) == 1  # kept across the reload

    # choosing the same file again resumes at the server's offset and sends only the rest
    proxy.release()
    proxy.up = 0
    upload(browser, big)
    browser.row("big.bin")
    browser.wait(lambda: upload_line(browser, "big.bin").startswith("Uploaded") or None, "not done")
    rest = len(data) - second
    assert rest <= proxy.up <= rest + SLACK, (proxy.up, rest)
    line = upload_line(browser, "big.bin")
    assert line == f"Uploaded · {fmt(rest)} sent, resumed at {fmt(second)} of {fmt(len(data))}"
    entry = file_of(server, token, "/big.bin")
    assert entry["size"] == len(data)
    assert entry["contentHash"] == blobs.content_hash_of(data)
    assert stored_uploads(browser) == []  # done: nothing left to resume
    assert not leaving_asks(browser)  # no upload runs: leaving asks nothing

    # the same name again: Replace makes a new version through tus (mode OVERWRITE)
    changed = tmp_path / "changed" / "big.bin"
    changed.parent.mkdir()
    changed_data = os.urandom(9 * MiB)
    changed.write_bytes(changed_data)
    upload(browser, changed)
    dialog = browser.dialog()
    browser.named("button", "Replace", dialog).click()
    browser.no_dialog()
    browser.wait(
        lambda: (
            file_of(server, token, "/big.bin")["contentHash"] == blobs.content_hash_of(changed_data)
            or None
        ),
        "Replace did not land",
    )
    assert len(file_of(server, token, "/big.bin")["revisions"]) == 2  # type: ignore[arg-type]
    # Keep both: autorename, a second file beside it
    changed.write_bytes(changed_data[:-1])
    upload(browser, changed)
    browser.named("button", "Keep both", browser.dialog()).click()
    browser.row("big (1).bin")


def test_cancel_ends_the_upload_on_the_server(
    server: Server, proxied: tuple[HoldingProxy, Browser], tmp_path: Path
) -> None:
    proxy, browser = proxied
    big = tmp_path / "gone.bin"
    big.write_bytes(os.urandom(9 * MiB))
    sign_up(browser, "canceller")
    token = token_of(browser)
    proxy.hold(2 * MiB)
    upload(browser, big)
    proxy.wait_held()
    [stored] = stored_uploads(browser)
    upload_path = urlsplit(str(stored["uploadUrl"])).path
    browser.named("button", "Cancel upload of gone.bin").click()
    proxy.release()
    browser.wait(lambda: upload_line(browser, "gone.bin") == "Cancelled." or None, "not cancelled")
    # termination: the server forgot the upload, and so did the browser
    browser.wait(lambda: offset_of(server, token, upload_path) is None or None, "no DELETE")
    browser.wait(lambda: stored_uploads(browser) == [] or None, "still stored")
    assert not browser.has_row("gone.bin")


def test_a_quota_refusal_reads_as_on_the_multipart_path(
    mongo_uri: str | None, browsers_at: Callable[[str], Browser], tmp_path: Path
) -> None:
    quota = 10 * MiB
    with live_server(
        mongo_uri, output=tmp_path / "server.log", DEFAULT_QUOTA_BYTES=str(quota)
    ) as small:
        browser = browsers_at(small.base_url)
        sign_up(browser, "frugal")
        big = tmp_path / "big.bin"
        big.write_bytes(os.urandom(20 * MiB))
        upload(browser, big)  # tus: refused at creation (413), before any byte is stored
        tus_says = browser.wait(
            lambda: line if (line := upload_line(browser, "big.bin")).endswith(".") else None,
            "no refusal",
        )
        fits = tmp_path / "fits.bin"
        fits.write_bytes(os.urandom(8 * MiB))  # 8 MiB: the multipart path
        upload(browser, fits)
        browser.row("fits.bin")
        over = tmp_path / "over.bin"
        over.write_bytes(os.urandom(3 * MiB))
        upload(browser, over)
        multipart_says = browser.wait(
            lambda: line if (line := upload_line(browser, "over.bin")).endswith(".") else None,
            "no refusal",
        )
        assert tus_says == multipart_says == "This would exceed your storage quota."
        assert not browser.has_row("big.bin")
        assert stored_uploads(browser) == []  # nothing was created to resume


def test_the_main_screen_does_not_carry_tus_js_client() -> None:
    """The JS index.html loads stays under 60 KB gzipped; tus-js-client is its own chunk,
    fetched by a dynamic import only when a big file is uploaded."""
    static = Path(__file__).resolve().parents[2] / "dropbox_lite" / "web" / "static"
    index = (static / "index.html").read_text(encoding="utf-8")
    loaded = re.findall(r'(?:src|href)="/(assets/[^"]+\.js)"', index)
    assert any(name.startswith("assets/main-") for name in loaded), index
    size = sum(len(gzip.compress((static / name).read_bytes(), 9)) for name in loaded)
    assert size < 60_000, size
    tus_chunks = [
        path.name
        for path in (static / "assets").glob("*.js")
        if b"tus: failed to upload chunk" in path.read_bytes()
    ]
    assert len(tus_chunks) == 1 and f"assets/{tus_chunks[0]}" not in loaded, tus_chunks
