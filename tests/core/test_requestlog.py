"""One log line per request, with a request id the client sees and can quote."""

from __future__ import annotations

import json
import logging
from collections.abc import AsyncIterator
from typing import Any

import httpx
import pytest
from starlette.applications import Starlette

from dropbox_lite.core import api as core_api
from dropbox_lite.core import requestlog
from dropbox_lite.core.app import create_app
from dropbox_lite.core.config import Settings
from dropbox_lite.core.db import Database
from tests.conftest import make_settings
from tests.support import GraphQLClient

ME = "query WhoAmI { me { id } }"


def request_lines(caplog: pytest.LogCaptureFixture) -> list[dict[str, Any]]:
    return [r.request for r in caplog.records if r.name == "dropbox_lite.request"]  # type: ignore[attr-defined]


@pytest.fixture(autouse=True)
def capture(caplog: pytest.LogCaptureFixture) -> None:
    caplog.set_level(logging.INFO, logger="dropbox_lite")


async def test_a_request_gets_an_id_echoed_and_one_line(
    gql: GraphQLClient, caplog: pytest.LogCaptureFixture
) -> None:
    account = await gql.signup()
    caplog.clear()
    response = await gql.raw(ME, token=account.token)
    request_id = response.headers["x-request-id"]
    assert len(request_id) == 32
    [line] = request_lines(caplog)
    assert line == {
        "request_id": request_id,
        "method": "POST",
        "path": "/graphql",
        "status": 200,
        "duration_ms": line["duration_ms"],
        "operation_type": "query",
        "operation_name": "WhoAmI",
        "user_id": account.user_id,
    }
    assert isinstance(line["duration_ms"], float) and line["duration_ms"] >= 0
    [record] = [r for r in caplog.records if r.name == "dropbox_lite.request"]
    assert record.getMessage() == (
        f"POST /graphql 200 {line['duration_ms']:.1f} ms query WhoAmI "
        f"user={account.user_id} id={request_id}"
    )


async def test_a_sane_request_id_is_kept(
    http: httpx.AsyncClient, caplog: pytest.LogCaptureFixture
) -> None:
    response = await http.get("/healthz", headers={"X-Request-ID": "edge-7f3a:42"})
    assert response.headers["x-request-id"] == "edge-7f3a:42"
    assert request_lines(caplog)[-1]["request_id"] == "edge-7f3a:42"
    assert request_lines(caplog)[-1]["operation_type"] is None


@pytest.mark.parametrize(
    "sent",
    [
        "a" * 129,
        "x" * 100_000,
        "evil\x1b[31mred",
        "line\tbreak",
        "two words",
        'quote"d',
        "",
    ],
)
async def test_a_huge_or_strange_request_id_is_replaced_not_echoed(
    http: httpx.AsyncClient, caplog: pytest.LogCaptureFixture, sent: str
) -> None:
    response = await http.get("/healthz", headers=[(b"x-request-id", sent.encode())])
    echoed = response.headers["x-request-id"]
    assert echoed != sent and len(echoed) == 32
    assert request_lines(caplog)[-1]["request_id"] == echoed
    assert sent not in caplog.text or not sent


async def test_no_password_or_token_reaches_the_log(
    gql: GraphQLClient, http: httpx.AsyncClient, caplog: pytest.LogCaptureFixture
) -> None:
    account = await gql.signup(password="hunter2-but-longer")
    await gql.raw(
        'mutation($u: String!) { login(username: $u, password: "hunter2-but-longer") '
        "{ __typename } }",
        {"u": account.username},
    )
    await http.get("/s/SecretShareTokenValue123/sub/path.txt?password=pw-in-query")
    await http.get("/files/abc/content?sig=signature-in-query", headers=account.headers)
    assert "hunter2" not in caplog.text
    assert account.token not in caplog.text
    assert "SecretShareTokenValue123" not in caplog.text
    assert "pw-in-query" not in caplog.text and "signature-in-query" not in caplog.text
    paths = [line["path"] for line in request_lines(caplog)]
    assert "/s/***" in paths and "/files/abc/content" in paths


async def test_a_masked_error_carries_the_request_id(
    gql: GraphQLClient, monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture
) -> None:
    class Boom:
        @staticmethod
        def now(tz: Any = None) -> Any:
            raise RuntimeError("a bug")

    monkeypatch.setattr(core_api, "datetime", Boom)
    response = await gql.http.post(
        "/graphql", json={"query": "{ serverInfo { time } }"}, headers={"X-Request-ID": "rep-1"}
    )
    [error] = response.json()["errors"]
    assert error["extensions"] == {"code": "INTERNAL_SERVER_ERROR", "requestId": "rep-1"}
    # The trace in the log says which request it belongs to.
    [logged] = [r for r in caplog.records if r.name == "dropbox_lite.graphql"]
    assert logged.request_id == "rep-1"  # type: ignore[attr-defined]


async def test_expected_errors_carry_no_request_id(gql: GraphQLClient) -> None:
    body = await gql('{ me { id } entry(id: "nope") { id } }')
    assert all("requestId" not in e.get("extensions", {}) for e in body.get("errors", []))


@pytest.fixture
async def json_http(mongo_uri: str | None, db: Database) -> AsyncIterator[httpx.AsyncClient]:
    settings: Settings = make_settings(mongo_uri, log_format="json", db_name=db.db.name)
    app: Starlette = create_app(settings, db=db)
    async with app.router.lifespan_context(app):
        transport = httpx.ASGITransport(app=app, client=("127.0.0.1", 51000))
        async with httpx.AsyncClient(transport=transport, base_url="http://t") as client:
            yield client
    requestlog.configure_logging("text")


async def test_json_format_writes_one_object_per_line(
    json_http: httpx.AsyncClient, capsys: pytest.CaptureFixture[str]
) -> None:
    capsys.readouterr()
    await json_http.get("/healthz", headers={"X-Request-ID": "j-1"})
    await json_http.post("/graphql", json={"query": "query Version { serverInfo { version } }"})
    lines = [json.loads(line) for line in capsys.readouterr().err.splitlines()]
    requests = [line for line in lines if line["logger"] == "dropbox_lite.request"]
    assert [(r["path"], r["status"], r["request_id"]) for r in requests][0] == (
        "/healthz",
        200,
        "j-1",
    )
    assert requests[1]["operation_type"] == "query"
    assert requests[1]["operation_name"] == "Version"
    assert {"time", "level", "message", "method", "duration_ms", "user_id"} <= set(requests[1])


async def test_a_websocket_connection_logs_one_line_when_it_ends(
    app: Starlette, gql: GraphQLClient, caplog: pytest.LogCaptureFixture
) -> None:
    import asyncio

    from tests.auth.test_websocket import connection_init

    account = await gql.signup()
    caplog.clear()
    reply = await connection_init(app, {"Authorization": f"Bearer {account.token}"})
    assert reply["type"] == "connection_ack"
    for _ in range(200):  # the server side ends just after the client's side
        if request_lines(caplog):
            break
        await asyncio.sleep(0.01)
    [line] = request_lines(caplog)
    assert (line["method"], line["path"], line["status"]) == ("WS", "/graphql", 101)
    assert account.token not in caplog.text


def test_the_request_log_follows_the_level_serve_was_given() -> None:
    ours, uvicorns = logging.getLogger("dropbox_lite"), logging.getLogger("uvicorn.error")
    saved = ours.level, uvicorns.level
    try:
        ours.setLevel(logging.NOTSET)
        uvicorns.setLevel(logging.WARNING)  # dropbox-lite serve --log-level warning
        requestlog.configure_logging("text")
        assert ours.level == logging.WARNING
        ours.setLevel(logging.NOTSET)
        uvicorns.setLevel(logging.NOTSET)  # not under uvicorn
        requestlog.configure_logging("text")
        assert ours.level == logging.INFO
    finally:
        ours.setLevel(saved[0])
        uvicorns.setLevel(saved[1])


async def test_a_request_with_no_operation_still_logs_its_line(
    gql: GraphQLClient, caplog: pytest.LogCaptureFixture
) -> None:
    response = await gql.raw("{ broken")
    assert response.json()["errors"][0]["message"].startswith("Syntax Error")
    [line] = request_lines(caplog)
    assert line["status"] == response.status_code and line["operation_type"] is None


async def test_an_encoded_newline_in_the_path_cannot_forge_a_line(
    http: httpx.AsyncClient, caplog: pytest.LogCaptureFixture
) -> None:
    caplog.clear()
    forged = "x%0A2026-11-25 INFO dropbox_lite.request: GET /files/forged/content 200"
    await http.get(f"/files/{forged}/content")
    [record] = [r for r in caplog.records if r.name == "dropbox_lite.request"]
    message = record.getMessage()
    assert "\n" not in message and "/files/x%0A2026-11-25 INFO" in message
