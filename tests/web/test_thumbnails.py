"""Thumbnails: GET /files/{id}/thumbnail?size=N and File.thumbnailUrl, and the listing's
images, against a real server on both backends; bad images get a 404 and no decoding."""

from __future__ import annotations

import io
import struct
import zlib
from collections.abc import Callable
from pathlib import Path

import httpx
import pytest
from PIL import Image
from selenium.webdriver.common.by import By

from tests.web.browser import Browser
from tests.web.conftest import Server
from tests.web.test_app import assert_accessible, shots, sign_up, upload
from tests.web.test_file_manager import NARROW
from tests.web.test_share_page import graphql, put_file

# A UI test: the backend behind the server does not change what it checks.
pytestmark = [pytest.mark.slow, pytest.mark.once_on("memory")]
__all__ = ["shots"]

ROOT_FILES = (
    "{ folder { children { edges { node { __typename name id"
    " ... on File { thumbnailUrl small: thumbnailUrl(size: 100) } } } } } }"
)


def image_bytes(width: int, height: int, fmt: str) -> bytes:
    out = io.BytesIO()
    Image.new("RGB", (width, height), (200, 60, 30)).save(out, format=fmt)
    return out.getvalue()


def huge_png_header(width: int, height: int) -> bytes:
    """A PNG whose header claims width x height, with one tiny IDAT: a decompression bomb."""

    def chunk(kind: bytes, data: bytes) -> bytes:
        return (
            struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))
        )

    header = struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)
    return (
        b"\x89PNG\r\n\x1a\n"
        + chunk(b"IHDR", header)
        + chunk(b"IDAT", zlib.compress(b"\x00" * 64))
        + chunk(b"IEND", b"")
    )


def put(server: Server, token: str, root: str, name: str, data: bytes) -> None:
    put_file(server, token, root, name, data)


def test_thumbnails_of_images_and_none_of_anything_else(server: Server) -> None:
    signup = (
        'mutation { signup(username: "theo", password: "theo password 1") '
        "{ ... on AuthPayload { token } } }"
    )
    token = graphql(server, signup, {})["signup"]["token"]
    root = graphql(server, "{ folder { id } }", {}, token)["folder"]["id"]
    put(server, token, root, "photo.jpg", image_bytes(1600, 1200, "JPEG"))
    put(server, token, root, "copy.jpg", image_bytes(1600, 1200, "JPEG"))
    put(server, token, root, "tall.png", image_bytes(300, 900, "PNG"))
    put(server, token, root, "anim.gif", image_bytes(40, 30, "GIF"))
    put(server, token, root, "pic.webp", image_bytes(500, 500, "WEBP"))
    put(server, token, root, "bomb.png", huge_png_header(100_000, 100_000))
    put(server, token, root, "fake.jpg", b"this is text, not a JPEG\n" * 20)
    put(server, token, root, "notes.txt", b"hello\n")
    nodes = {
        node["name"]: node
        for node in (
            edge["node"]
            for edge in graphql(server, ROOT_FILES, {}, token)["folder"]["children"]["edges"]
        )
    }
    assert nodes["notes.txt"]["thumbnailUrl"] is None  # not an image: no URL at all
    with httpx.Client(timeout=60) as client:
        # a signed URL needs no header; the image fits size x size, its shape kept
        sizes = {}
        for name in ("photo.jpg", "tall.png", "anim.gif", "pic.webp"):
            response = client.get(nodes[name]["thumbnailUrl"])
            assert response.status_code == 200, (name, response.text)
            assert response.headers["content-type"] == "image/webp"
            with Image.open(io.BytesIO(response.content)) as thumb:
                assert thumb.format == "WEBP"
                sizes[name] = thumb.size
        assert sizes == {
            "photo.jpg": (256, 192),
            "tall.png": (85, 256),
            "anim.gif": (40, 30),  # never scaled up
            "pic.webp": (256, 256),
        }
        # size=100 rounds up to 128; the same bytes under another name: the same thumbnail
        small = client.get(nodes["photo.jpg"]["small"])
        assert "size=128" in nodes["photo.jpg"]["small"]
        with Image.open(io.BytesIO(small.content)) as thumb:
            assert thumb.size == (128, 96)
        first = client.get(nodes["photo.jpg"]["thumbnailUrl"])
        copy = client.get(nodes["copy.jpg"]["thumbnailUrl"])
        assert copy.content == first.content and copy.headers["etag"] == first.headers["etag"]
        again = client.get(
            nodes["photo.jpg"]["thumbnailUrl"], headers={"If-None-Match": first.headers["etag"]}
        )
        assert again.status_code == 304

        # bad images: a 40-gigapixel header and text named .jpg are 404s, twice (remembered)
        bearer = {"Authorization": f"Bearer {token}"}
        for name in ("bomb.png", "fake.jpg", "bomb.png", "fake.jpg"):
            response = client.get(nodes[name]["thumbnailUrl"])
            assert response.status_code == 404, (name, response.text)
        url = f"{server.base_url}/files/{nodes['notes.txt']['id']}/thumbnail"
        assert client.get(url, headers=bearer).status_code == 404
        # Bearer works too; bad sizes, no credentials, forged signatures, unknown ids
        photo = f"{server.base_url}/files/{nodes['photo.jpg']['id']}/thumbnail"
        assert client.get(photo + "?size=64", headers=bearer).status_code == 200
        for size in ("0", "abc", "5000", "-3"):
            response = client.get(f"{photo}?size={size}", headers=bearer)
            assert response.status_code == 400, size
            assert "size must be" in response.text
        assert client.get(photo).status_code == 401
        assert client.get(photo + "?sig=forged").status_code == 401
        other_file_sig = nodes["tall.png"]["thumbnailUrl"].split("sig=")[1]
        assert client.get(f"{photo}?sig={other_file_sig}").status_code == 401
        missing = f"{server.base_url}/files/0123456789abcdef01234567/thumbnail"
        assert client.get(missing, headers=bearer).status_code == 404
        # someone else's file is no thumbnail of theirs
        stranger = graphql(
            server,
            'mutation { signup(username: "stranger", password: "stranger password 1") '
            "{ ... on AuthPayload { token } } }",
            {},
        )["signup"]["token"]
        assert client.get(photo, headers={"Authorization": f"Bearer {stranger}"}).status_code == 404
        # a signed URL ends with its session
        graphql(server, "mutation { logout }", {}, token)
        assert client.get(nodes["pic.webp"]["thumbnailUrl"]).status_code == 401


def test_listings_show_thumbnails(
    server: Server, browsers: Callable[[], Browser], tmp_path: Path, shots: Path
) -> None:
    photo = tmp_path / "sunset.png"
    photo.write_bytes(image_bytes(400, 300, "PNG"))
    notes = tmp_path / "notes.txt"
    notes.write_bytes(b"no thumbnail\n")
    browser = browsers()
    sign_up(browser, "tilda")
    upload(browser, photo, notes)
    row = browser.row("sunset.png")
    browser.row("notes.txt")
    image = browser.wait(
        lambda: next(iter(row.find_elements(By.CSS_SELECTOR, "img.thumb")), None), "no thumbnail"
    )
    browser.wait(
        lambda: (
            browser.driver.execute_script(
                "return arguments[0].complete && arguments[0].naturalWidth", image
            )
            or None
        ),
        "the thumbnail did not load",
    )
    assert image.get_attribute("alt") == ""
    assert (image.get_attribute("src") or "").startswith(server.base_url + "/files/")
    assert browser.row("notes.txt").find_elements(By.CSS_SELECTOR, "img.thumb") == []
    assert_accessible(browser, "listing with thumbnails")
    browser.screenshot(shots / "thumbnails.png")
    browser.resize(*NARROW)
    browser.open("/")
    browser.row("sunset.png")
    assert browser.sideways_overflow() == 0
    assert browser.small_targets() == []
