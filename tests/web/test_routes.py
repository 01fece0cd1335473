"""The web app's routes: pages, assets, GraphiQL and share pages, with their headers."""

from __future__ import annotations

import dataclasses
import json
import re
from collections.abc import AsyncIterator

import httpx
import pytest
from starlette.applications import Starlette

from dropbox_lite.core.app import create_app
from dropbox_lite.core.config import Settings
from dropbox_lite.core.db import Database
from dropbox_lite.web.routes import STATIC
from tests.support import Account, GraphQLClient

HTML = {"Accept": "text/html,application/xhtml+xml,*/*;q=0.8"}
UPLOAD = """mutation($file: Upload!) { uploadFile(file: $file) {
  __typename ... on File { id } } }"""
SHARE = """mutation($id: ID!) { createShareLink(entryId: $id) {
  __typename ... on ShareLinkCreated { url token } ... on Error { message } } }"""


def assert_html_headers(response: httpx.Response) -> None:
    assert response.status_code == 200
    assert response.headers["content-type"].startswith("text/html")
    policy = response.headers["content-security-policy"]
    directives = dict(d.strip().split(" ", 1) for d in policy.split(";"))
    assert directives["script-src"] == "'self'"
    assert directives["frame-ancestors"] == "'none'"
    assert "unsafe-inline" not in directives["script-src"]
    assert response.headers["referrer-policy"] == "no-referrer"
    assert response.headers["x-content-type-options"] == "nosniff"


async def shared_file(gql: GraphQLClient, http: httpx.AsyncClient, data: bytes) -> str:
    """The token of a link to a new file holding `data`."""
    account: Account = await gql.signup()
    response = await http.post(
        "/graphql",
        headers=account.headers,
        data={
            "operations": json.dumps({"query": UPLOAD, "variables": {"file": None}}),
            "map": '{"0": ["variables.file"]}',
        },
        files={"0": ("hello.txt", data, "text/plain")},
    )
    file_id = response.json()["data"]["uploadFile"]["id"]
    created = (await gql.data(SHARE, {"id": file_id}, token=account.token))["createShareLink"]
    token: str = created["token"]
    return token


@pytest.mark.parametrize(
    "path",
    [
        "/",
        "/browse",
        "/browse/Docs/2026 plans",
        "/trash",
        "/search",
        "/devices",
        "/account",
        "/login-flow/abc-123_x",
    ],
)
async def test_app_routes_answer_the_app_with_security_headers(
    http: httpx.AsyncClient, path: str
) -> None:
    response = await http.get(path, headers=HTML)
    assert_html_headers(response)
    assert '<div id="app">' in response.text
    assert response.headers["cache-control"] == "no-cache"


async def test_the_page_has_no_inline_script_and_its_assets_exist(http: httpx.AsyncClient) -> None:
    page = (await http.get("/")).text
    assert re.search(r"<script(?![^>]*\bsrc=)[^>]*>", page) is None
    assets = re.findall(r'(?:src|href)="(/[^"]+)"', page)
    assert any(a.endswith(".js") for a in assets) and any(a.endswith(".css") for a in assets)
    for asset in assets:
        response = await http.get(asset)
        assert response.status_code == 200, asset
        if asset.startswith("/assets/"):
            assert "immutable" in response.headers["cache-control"]


async def test_unknown_paths_and_assets_are_404(http: httpx.AsyncClient) -> None:
    assert (await http.get("/nothing-here", headers=HTML)).status_code == 404
    assert (await http.get("/assets/missing.js")).status_code == 404
    assert (await http.get("/assets/../routes.py")).status_code == 404


async def test_graphiql_is_the_bundled_one(http: httpx.AsyncClient) -> None:
    response = await http.get("/graphql", headers=HTML)
    assert_html_headers(response)
    assert 'id="graphiql"' in response.text
    assert "cdn" not in response.text.lower() and "https://" not in response.text
    script = re.search(r'src="(/assets/graphiql-[^"]+\.js)"', response.text)
    assert script is not None
    assert (await http.get(script.group(1))).status_code == 200


async def test_graphql_still_answers_programs(http: httpx.AsyncClient, gql: GraphQLClient) -> None:
    data = await gql.data("{ serverInfo { version } }")
    assert data["serverInfo"]["version"]
    response = await http.get("/graphql", headers={"Accept": "application/json"})
    assert "graphiql" not in response.text.lower()


@pytest.fixture
async def no_graphiql(settings: Settings, db: Database) -> AsyncIterator[httpx.AsyncClient]:
    app: Starlette = create_app(dataclasses.replace(settings, graphiql=False), db=db)
    async with app.router.lifespan_context(app):
        transport = httpx.ASGITransport(app=app)
        async with httpx.AsyncClient(transport=transport, base_url="http://testserver") as client:
            yield client


async def test_graphiql_off_serves_no_playground(no_graphiql: httpx.AsyncClient) -> None:
    response = await no_graphiql.get("/graphql", headers=HTML)
    assert 'id="graphiql"' not in response.text
    assert (await no_graphiql.get("/", headers=HTML)).status_code == 200


INFO = "{ serverInfo { storageBackend signupPolicy graphiqlEnabled } }"


async def test_server_info_tells_the_app_what_to_offer(
    gql: GraphQLClient, no_graphiql: httpx.AsyncClient, settings: Settings, db: Database
) -> None:
    """The sign-in form hides Create account when sign-up is closed, the sidebar the
    Playground when GraphiQL is off; the in-memory store shows its banner."""
    info = (await gql.data(INFO))["serverInfo"]
    assert info["signupPolicy"] == "open" and info["graphiqlEnabled"] is True
    assert info["storageBackend"] == db.backend
    off = (await GraphQLClient(no_graphiql).data(INFO))["serverInfo"]
    assert off["graphiqlEnabled"] is False
    closed = create_app(dataclasses.replace(settings, signup="closed"), db=db)
    async with closed.router.lifespan_context(closed):
        transport = httpx.ASGITransport(app=closed)
        async with httpx.AsyncClient(transport=transport, base_url="http://testserver") as client:
            assert (await GraphQLClient(client).data(INFO))["serverInfo"][
                "signupPolicy"
            ] == "closed"
    # the app's own pages, /account among them
    for path in ("/account", "/trash", "/devices"):
        assert (await gql.http.get(path, headers=HTML)).status_code == 200


async def test_a_browser_gets_the_share_page_and_programs_the_bytes(
    http: httpx.AsyncClient, gql: GraphQLClient
) -> None:
    token = await shared_file(gql, http, b"shared bytes")
    page = await http.get(f"/s/{token}", headers=HTML)
    assert_html_headers(page)
    assert '<div id="app">' in page.text
    for accept in ({}, {"Accept": "*/*"}, {"Accept": "application/octet-stream"}):
        response = await http.get(f"/s/{token}", headers=accept)
        assert response.content == b"shared bytes"
    downloaded = await http.get(f"/s/{token}?dl=1", headers=HTML)
    assert downloaded.content == b"shared bytes"
    assert downloaded.headers["content-disposition"].startswith("attachment")


async def test_the_share_page_of_an_unknown_link_is_the_page_too(http: httpx.AsyncClient) -> None:
    # The page asks sharedLink and says the link does not open; programs get the 404.
    assert_html_headers(await http.get("/s/not-a-token", headers=HTML))
    assert (await http.get("/s/not-a-token")).status_code == 404


def test_the_build_is_inside_the_package() -> None:
    assert (STATIC / "index.html").is_file() and (STATIC / "graphiql.html").is_file()
    assert any((STATIC / "assets").glob("main-*.js"))
