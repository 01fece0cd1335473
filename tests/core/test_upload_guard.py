"""Multipart uploads are checked before their files are read (issue 12, items 5 and 12)."""

from __future__ import annotations

import asyncio
import json
import shutil
import subprocess
from collections.abc import AsyncIterator
from pathlib import Path
from typing import Any

import httpx
import pytest
from starlette.applications import Starlette

from dropbox_lite.core import request_guard
from dropbox_lite.core.app import create_app
from dropbox_lite.core.config import Settings
from dropbox_lite.core.db import Database
from tests.conftest import make_settings
from tests.core.live_server import live_server
from tests.support import GraphQLClient

BOUNDARY = "guardtestboundary"
CHUNK = 64 * 1024
UPLOAD = (
    "mutation($file: Upload!) { uploadFile(file: $file) { __typename "
    "... on File { name size } ... on Error { message } } }"
)
SHARE_UPLOAD = (
    'mutation($file: Upload!) { uploadToShareLink(token: "no-such-link", file: $file) '
    "{ __typename ... on Error { message } } }"
)


def envelope(query: str) -> tuple[bytes, bytes]:
    """The multipart head (operations, map, the file part's headers) and its tail."""
    operations = json.dumps({"query": query, "variables": {"file": None}})
    head = (
        f'--{BOUNDARY}\r\nContent-Disposition: form-data; name="operations"\r\n\r\n'
        f"{operations}\r\n"
        f'--{BOUNDARY}\r\nContent-Disposition: form-data; name="map"\r\n\r\n'
        '{"0": ["variables.file"]}\r\n'
        f'--{BOUNDARY}\r\nContent-Disposition: form-data; name="0"; filename="big.bin"\r\n'
        "Content-Type: application/octet-stream\r\n\r\n"
    ).encode()
    return head, f"\r\n--{BOUNDARY}--\r\n".encode()


class Body:
    """A multipart body of `size` file bytes, handed out in chunks that are counted."""

    def __init__(self, query: str, size: int, hold: asyncio.Event | None = None) -> None:
        self.head, self.tail = envelope(query)
        self.size = size
        self.hold = hold
        self.chunks_read = 0

    async def __aiter__(self) -> AsyncIterator[bytes]:
        yield self.head
        if self.hold is not None:
            await self.hold.wait()
        for _ in range(self.size // CHUNK):
            self.chunks_read += 1
            yield b"x" * CHUNK
        yield self.tail


@pytest.fixture
def spooled(monkeypatch: pytest.MonkeyPatch) -> list[int]:
    """Counts the temporary files Starlette's form parser makes for uploaded files."""
    import starlette.formparsers as formparsers

    made: list[int] = []
    original = formparsers.SpooledTemporaryFile

    def counting(*args: Any, **kwargs: Any) -> Any:
        made.append(1)
        return original(*args, **kwargs)

    monkeypatch.setattr(formparsers, "SpooledTemporaryFile", counting)
    return made


def multipart_headers(**extra: str) -> dict[str, str]:
    return {"Content-Type": f"multipart/form-data; boundary={BOUNDARY}", **extra}


async def revoked_token(gql: GraphQLClient) -> str:
    account = await gql.signup()
    await gql.data("mutation { logout }", token=account.token)
    return f"Bearer {account.token}"


@pytest.mark.parametrize("authorization", [None, "x", "Bearer forged.token.value", "revoked"])
async def test_upload_without_a_valid_session_is_refused_before_its_file_is_read(
    http: httpx.AsyncClient, gql: GraphQLClient, spooled: list[int], authorization: str | None
) -> None:
    headers = multipart_headers(**{"GraphQL-Require-Preflight": "1"})
    if authorization == "revoked":
        headers["Authorization"] = await revoked_token(gql)
    elif authorization is not None:
        headers["Authorization"] = authorization
    body = Body(UPLOAD, 64 * 1024 * 1024)
    response = await http.post("/graphql", content=body, headers=headers)
    assert response.status_code == 401
    error = response.json()["errors"][0]
    assert error["extensions"]["code"] == "UNAUTHENTICATED"
    assert "Sign in first" in error["message"]
    assert spooled == []
    # At most the bounded drain was read: an eighth of the 64 MiB sent.
    assert body.chunks_read <= request_guard.DRAIN_BYTES // CHUNK + 1


async def test_signed_in_upload_is_stored(
    http: httpx.AsyncClient, gql: GraphQLClient, spooled: list[int]
) -> None:
    account = await gql.signup()
    body = Body(UPLOAD, 4 * CHUNK)
    response = await http.post(
        "/graphql",
        content=body,
        headers=multipart_headers(Authorization=account.headers["Authorization"]),
    )
    assert response.status_code == 200, response.text
    assert response.json()["data"]["uploadFile"] == {
        "__typename": "File",
        "name": "big.bin",
        "size": 4 * CHUNK,
    }
    assert len(spooled) == 1


@pytest.mark.parametrize("authorization", [None, "Bearer forged.token.value"])
async def test_share_link_upload_needs_no_sign_in(
    http: httpx.AsyncClient, authorization: str | None
) -> None:
    headers = multipart_headers(**{"GraphQL-Require-Preflight": "1"})
    if authorization:
        headers["Authorization"] = authorization
    response = await http.post("/graphql", content=Body(SHARE_UPLOAD, CHUNK), headers=headers)
    # Past the guard: GraphQL itself answers that the link does not open.
    assert response.status_code == 200, response.text
    assert [e["extensions"]["code"] for e in response.json()["errors"]] == ["NOT_FOUND"]


@pytest.mark.parametrize(
    "query",
    [
        # A share-link upload and a signed-in field in one operation.
        'mutation($file: Upload!) { uploadToShareLink(token: "t", file: $file) { __typename } '
        "uploadFile(file: $file) { __typename } }",
        "query { me { id } }",
        "not graphql at all {",
    ],
)
async def test_anonymous_upload_of_anything_else_is_refused(
    http: httpx.AsyncClient, spooled: list[int], query: str
) -> None:
    headers = multipart_headers(**{"GraphQL-Require-Preflight": "1"})
    response = await http.post("/graphql", content=Body(query, CHUNK), headers=headers)
    assert response.status_code == 401
    assert spooled == []


@pytest.fixture
def one_upload_settings(mongo_uri: str | None) -> Settings:
    return make_settings(mongo_uri, max_concurrent_uploads=1)


async def test_concurrent_uploads_per_user_are_capped(
    one_upload_settings: Settings, db: Database
) -> None:
    app = create_app(one_upload_settings, db=db)
    async with app.router.lifespan_context(app):
        transport = httpx.ASGITransport(app=app)
        async with httpx.AsyncClient(transport=transport, base_url="http://t") as http:
            account = await GraphQLClient(http).signup()
            headers = multipart_headers(Authorization=account.headers["Authorization"])
            hold = asyncio.Event()
            first_body = Body(UPLOAD, CHUNK, hold=hold)
            first = asyncio.create_task(http.post("/graphql", content=first_body, headers=headers))
            while not app_has_uploads(app):
                await asyncio.sleep(0.01)
            second = await http.post("/graphql", content=Body(UPLOAD, CHUNK), headers=headers)
            assert second.status_code == 429
            assert second.headers["retry-after"] == "1"
            assert second.json()["errors"][0]["extensions"]["code"] == "RATE_LIMITED"
            assert "At most 1 upload" in second.json()["errors"][0]["message"]
            hold.set()
            assert (await first).status_code == 200
            third = await http.post("/graphql", content=Body(UPLOAD, CHUNK), headers=headers)
            assert third.status_code == 200
            assert third.json()["data"]["uploadFile"]["__typename"] == "File"


def app_has_uploads(app: Starlette) -> bool:
    guard = find_guard(app)
    return sum(guard.running.values()) > 0


def find_guard(app: Starlette) -> request_guard.GraphQLRequestGuard:
    layer: Any = app.middleware_stack or app.build_middleware_stack()
    app.middleware_stack = layer
    while not isinstance(layer, request_guard.GraphQLRequestGuard):
        layer = layer.app
    return layer


@pytest.fixture
def small_upload_settings(mongo_uri: str | None) -> Settings:
    return make_settings(mongo_uri, max_upload_bytes=1000)


async def test_413_states_the_configured_limit(
    small_upload_settings: Settings, db: Database
) -> None:
    app = create_app(small_upload_settings, db=db)
    async with app.router.lifespan_context(app):
        transport = httpx.ASGITransport(app=app)
        async with httpx.AsyncClient(transport=transport, base_url="http://t") as http:
            head, tail = envelope(UPLOAD)
            content = head + b"x" * (2 * 1024 * 1024) + tail
            response = await http.post(
                "/graphql", content=content, headers=multipart_headers(Authorization="Bearer x")
            )
    assert response.status_code == 413
    message = response.json()["errors"][0]["message"]
    assert "at most 1000 bytes" in message
    assert "MAX_UPLOAD_BYTES" in message


async def call(app: Starlette, headers: dict[str, str], chunks: list[bytes]) -> list[str]:
    """Runs one request through the ASGI app; the order of body reads and the reply."""
    events: list[str] = []
    pending = list(chunks)

    async def receive() -> dict[str, Any]:
        if pending:
            events.append("read")
            return {"type": "http.request", "body": pending.pop(0), "more_body": bool(pending)}
        await asyncio.sleep(3600)
        return {"type": "http.disconnect"}

    async def send(message: dict[str, Any]) -> None:
        if message["type"] == "http.response.start":
            events.append(f"reply {message['status']}")

    scope = {
        "type": "http",
        "asgi": {"version": "3.0"},
        "http_version": "1.1",
        "method": "POST",
        "scheme": "http",
        "path": "/graphql",
        "raw_path": b"/graphql",
        "query_string": b"",
        "root_path": "",
        "headers": [(k.lower().encode(), v.encode()) for k, v in headers.items()],
        "client": ("127.0.0.1", 5000),
        "server": ("testserver", 80),
    }
    await asyncio.wait_for(app(scope, receive, send), 10)
    return events


@pytest.mark.parametrize(
    ("extra", "status"),
    [
        ({}, 400),  # no preflight header
        ({"GraphQL-Require-Preflight": "1"}, 401),  # no sign-in
        ({"Authorization": "Bearer forged"}, 401),
        ({"Authorization": "Bearer x", "Content-Length": str(3 * 1024**2)}, 413),
    ],
)
async def test_a_refused_upload_is_read_to_its_end_before_the_reply(
    small_upload_settings: Settings, db: Database, extra: dict[str, str], status: int
) -> None:
    app = create_app(small_upload_settings, db=db)
    async with app.router.lifespan_context(app):
        head, tail = envelope(UPLOAD)
        chunks = [head, *([b"x" * CHUNK] * 40), tail]
        events = await call(app, multipart_headers(**extra), chunks)
    assert events == ["read"] * len(chunks) + [f"reply {status}"]


NODE_UPLOAD = """
const [url, size] = [process.argv[2], Number(process.argv[3])];
const form = new FormData();
form.append("operations", JSON.stringify({query: process.argv[4], variables: {file: null}}));
form.append("map", JSON.stringify({"0": ["variables.file"]}));
form.append("0", new Blob([new Uint8Array(size)]), "a.bin");
for (const headers of [{}, {"GraphQL-Require-Preflight": "1"}]) {
  try {
    const response = await fetch(url, {method: "POST", body: form, headers});
    console.log(JSON.stringify([response.status, await response.json()]));
  } catch (error) {
    console.log(JSON.stringify(["fetch failed", String(error.cause && error.cause.code)]));
  }
}
"""


@pytest.mark.skipif(shutil.which("node") is None, reason="needs Node.js")
@pytest.mark.parametrize("size", [2000, 3 * 1024 * 1024])
def test_nodes_fetch_sees_the_refusal_over_real_http(
    mongo_uri: str | None, tmp_path: Path, size: int
) -> None:
    """Node's fetch reports `fetch failed` unless the refused body was read first."""
    script = tmp_path / "upload.mjs"
    script.write_text(NODE_UPLOAD)
    with live_server(mongo_uri, MAX_UPLOAD_BYTES="1000") as server:
        result = subprocess.run(
            ["node", str(script), f"{server.url}/graphql", str(size), UPLOAD],
            capture_output=True,
            text=True,
            timeout=60,
        )
    answers = [json.loads(line) for line in result.stdout.splitlines()]
    assert [status for status, _ in answers] == [400, 413 if size > 1024**2 else 401], answers
    messages = [body["errors"][0]["message"] for _, body in answers]
    assert "GraphQL-Require-Preflight" in messages[0]
    assert ("at most 1000 bytes" if size > 1024**2 else "Sign in first") in messages[1]
