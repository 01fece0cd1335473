"""Share pages of folders offer a zip: GET /s/{token}?zip=1 and SharedEntry.zipUrl."""

from __future__ import annotations

import io
import zipfile
from collections.abc import Callable
from pathlib import Path

import httpx
import pytest

from tests.web.browser import Browser
from tests.web.conftest import Server
from tests.web.test_app import assert_accessible, shots
from tests.web.test_file_manager import NARROW
from tests.web.test_share_page import graphql, make_folder, put_file

# A UI test: the backend behind the server does not change what it checks.
pytestmark = [pytest.mark.slow, pytest.mark.once_on("memory")]
__all__ = ["shots"]

SHARE = (
    "mutation($id: ID!, $pw: String, $access: ShareAccess) {"
    " createShareLink(entryId: $id, password: $pw, access: $access)"
    " { __typename ... on ShareLinkCreated { url token } } }"
)
OPEN = (
    "query($t: String!, $pw: String, $path: String) {"
    " sharedLink(token: $t, password: $pw, path: $path)"
    " { __typename ... on SharedEntry { zipUrl downloadUrl } } }"
)


def zip_names(response: httpx.Response) -> dict[str, bytes]:
    assert response.status_code == 200, response.text
    assert response.headers["content-type"] == "application/zip"
    with zipfile.ZipFile(io.BytesIO(response.content)) as archive:
        return {name: archive.read(name) for name in archive.namelist()}


def test_a_folder_link_downloads_as_a_zip(
    server: Server, browsers: Callable[[], Browser], shots: Path
) -> None:
    signup = (
        'mutation { signup(username: "zelda", password: "zelda password 1") '
        "{ ... on AuthPayload { token } } }"
    )
    token = graphql(server, signup, {})["signup"]["token"]
    album = make_folder(server, token, "Album")
    inner = make_folder(server, token, "Inner", album)
    make_folder(server, token, "Empty", album)
    put_file(server, token, album, "a.txt", b"first\n")
    put_file(server, token, inner, "b.txt", b"second\n")
    outside = make_folder(server, token, "Outside")
    put_file(server, token, outside, "secret.txt", b"not shared\n")

    link = graphql(server, SHARE, {"id": album}, token)["createShareLink"]
    # a browser's Accept asks for the page, but ?zip=1 wins: the whole folder, nothing else
    with httpx.Client(timeout=30) as client:
        response = client.get(link["url"] + "?zip=1", headers={"Accept": "text/html"})
        assert "Album.zip" in response.headers["content-disposition"]
        assert zip_names(response) == {
            "a.txt": b"first\n",
            "Empty/": b"",
            "Inner/": b"",
            "Inner/b.txt": b"second\n",
        }
        # the share page's zipUrl, for the root and for a folder inside the link
        root = graphql(server, OPEN, {"t": link["token"]})["sharedLink"]
        assert root["zipUrl"].endswith("&zip=1") and root["downloadUrl"] is None
        assert set(zip_names(client.get(root["zipUrl"]))) == {
            "a.txt",
            "Empty/",
            "Inner/",
            "Inner/b.txt",
        }
        sub = graphql(server, OPEN, {"t": link["token"], "path": "Inner"})["sharedLink"]
        assert zip_names(client.get(sub["zipUrl"])) == {"b.txt": b"second\n"}

        # a password link: no zip without the password's signed URL; a forged one is refused
        locked = graphql(server, SHARE, {"id": album, "pw": "zip password 12"}, token)[
            "createShareLink"
        ]
        assert client.get(locked["url"] + "?zip=1").status_code == 403
        opened = graphql(server, OPEN, {"t": locked["token"], "pw": "zip password 12"})
        signed = opened["sharedLink"]["zipUrl"]
        assert set(zip_names(client.get(signed))) == {"a.txt", "Empty/", "Inner/", "Inner/b.txt"}
        forged = client.get(f"{locked['url']}?sig=AAAA{signed.split('sig=')[1][4:]}")
        assert forged.status_code == 403
        # a file link has no zip; an unknown token is the one 404
        file_id = graphql(server, '{ entry(path: "/Album/a.txt") { id } }', {}, token)["entry"][
            "id"
        ]
        file_link = graphql(server, SHARE, {"id": file_id}, token)["createShareLink"]
        bad = client.get(file_link["url"] + "?zip=1")
        assert bad.status_code == 400 and "Only folders" in bad.json()["errors"][0]["message"]
        assert graphql(server, OPEN, {"t": file_link["token"]})["sharedLink"]["zipUrl"] is None
        assert client.get(server.base_url + "/s/nosuchtoken?zip=1").status_code == 404

    # the share page offers it
    visitor = browsers()
    visitor.driver.get(link["url"])
    visitor.row("a.txt")
    download = visitor.named("link", "Download zip")
    href = download.get_attribute("href") or ""
    assert "zip=1" in href and "sig=" in href
    with httpx.Client(timeout=30) as client:
        assert "Inner/b.txt" in zip_names(client.get(href))
    assert_accessible(visitor, "folder share page with a zip")
    visitor.screenshot(shots / "share-folder-zip.png")
    visitor.resize(*NARROW)
    visitor.driver.get(link["url"])
    visitor.row("a.txt")
    assert visitor.sideways_overflow() == 0
    assert visitor.small_targets() == []
