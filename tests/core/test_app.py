from __future__ import annotations

import logging
from typing import Any

import httpx
import pytest

from dropbox_lite import __version__
from dropbox_lite.core import api as core_api
from tests.support import GraphQLClient, error_codes

SERVER_INFO = "{ serverInfo { version storageBackend maxUploadBytes time } }"


async def test_server_info_reports_real_values(gql: GraphQLClient, backend: str) -> None:
    data = await gql.data(SERVER_INFO)
    info = data["serverInfo"]
    assert info["version"] == __version__
    assert info["storageBackend"] == ("memory" if backend == "memory" else "mongodb")
    assert info["maxUploadBytes"] == 10 * 1024**3
    assert info["time"].endswith("Z")


async def test_health_and_readiness(http: httpx.AsyncClient) -> None:
    assert (await http.get("/healthz")).json() == {"status": "ok"}
    ready = await http.get("/readyz")
    assert ready.status_code == 200 and ready.json()["status"] == "ready"


async def test_graphiql_is_served_on_get(http: httpx.AsyncClient) -> None:
    response = await http.get("/graphql", headers={"Accept": "text/html"})
    assert response.status_code == 200
    assert "graphiql" in response.text.lower()


async def test_every_response_has_nosniff(http: httpx.AsyncClient) -> None:
    response = await http.get("/healthz")
    assert response.headers["x-content-type-options"] == "nosniff"


async def test_json_body_over_the_limit_is_413(http: httpx.AsyncClient) -> None:
    query = "{ serverInfo { version } }" + " " * (1024 * 1024 + 10)
    response = await http.post("/graphql", json={"query": query})
    assert response.status_code == 413
    assert "at most" in response.json()["errors"][0]["message"]


async def test_chunked_body_over_the_limit_is_cut_off(http: httpx.AsyncClient) -> None:
    async def body() -> Any:
        yield b'{"query": "'
        for _ in range(40):
            yield b" " * 65536  # 2.5 MiB in all, with no Content-Length

    response = await http.post(
        "/graphql", content=body(), headers={"Content-Type": "application/json"}
    )
    assert response.status_code == 413


async def test_multipart_without_preflight_header_is_refused(http: httpx.AsyncClient) -> None:
    files = {"0": ("a.txt", b"hello", "text/plain")}
    data = {"operations": '{"query": "{ serverInfo { version } }"}', "map": "{}"}
    response = await http.post("/graphql", data=data, files=files)
    assert response.status_code == 400
    message = response.json()["errors"][0]["message"]
    assert "GraphQL-Require-Preflight" in message and "Authorization" in message


async def test_signed_in_multipart_with_preflight_header_is_accepted(
    http: httpx.AsyncClient, gql: GraphQLClient
) -> None:
    account = await gql.signup()
    files = {"0": ("a.txt", b"hello", "text/plain")}
    data = {"operations": '{"query": "{ serverInfo { version } }"}', "map": "{}"}
    response = await http.post(
        "/graphql",
        data=data,
        files=files,
        headers={"GraphQL-Require-Preflight": "1", **account.headers},
    )
    assert response.status_code == 200, response.text
    assert response.json()["data"]["serverInfo"]["version"] == __version__


async def test_many_aliases_are_refused(gql: GraphQLClient) -> None:
    query = "{ " + " ".join(f"a{i}: serverInfo {{ version }}" for i in range(500)) + " }"
    body = await gql(query)
    assert body.get("data") is None
    assert "aliases" in body["errors"][0]["message"].lower()


async def test_validation_errors_pass_through(gql: GraphQLClient) -> None:
    body = await gql("{ noSuchField }")
    assert "noSuchField" in body["errors"][0]["message"]


async def test_internal_error_is_masked_and_logged(
    gql: GraphQLClient, monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture
) -> None:
    class Boom:
        @staticmethod
        def now(tz: Any = None) -> Any:
            raise RuntimeError("secret detail: mongodb://admin@db.internal")

    monkeypatch.setattr(core_api, "datetime", Boom)
    with caplog.at_level(logging.ERROR, logger="dropbox_lite.graphql"):
        body = await gql("{ serverInfo { time } }")
    assert body["errors"][0]["message"] == "Internal server error."
    assert error_codes(body) == ["INTERNAL_SERVER_ERROR"]
    assert "secret detail" not in str(body)
    assert any("secret detail" in str(r.exc_info) for r in caplog.records)


async def test_anonymous_me_is_null(gql: GraphQLClient) -> None:
    assert (await gql.data("{ me { id } }"))["me"] is None


async def test_spooled_upload_files_are_closed_after_the_request(
    http: httpx.AsyncClient, gql: GraphQLClient, monkeypatch: pytest.MonkeyPatch
) -> None:
    account = await gql.signup()
    from starlette.datastructures import UploadFile

    closed: list[str | None] = []
    original = UploadFile.close

    async def recording_close(self: UploadFile) -> None:
        closed.append(self.filename)
        await original(self)

    monkeypatch.setattr(UploadFile, "close", recording_close)
    files = {"0": ("spooled.bin", b"x" * (2 * 1024 * 1024), "application/octet-stream")}
    data = {"operations": '{"query": "{ serverInfo { version } }"}', "map": "{}"}
    response = await http.post("/graphql", data=data, files=files, headers=account.headers)
    assert response.status_code == 200
    assert closed == ["spooled.bin"]


def test_only_api_md_codes_reach_errors() -> None:
    from dropbox_lite.core import errors
    from dropbox_lite.core.api import GRAPHQL_ERROR_CODES, api_error

    quota = api_error(errors.QuotaExceeded())
    assert quota.extensions == {"code": "BAD_USER_INPUT", "reason": "QUOTA_EXCEEDED"}
    limited = api_error(errors.RateLimited(retry_after_seconds=7))
    assert limited.extensions == {"code": "RATE_LIMITED", "retryAfterSeconds": 7}
    conflict = api_error(errors.Conflict(current=object(), your_parent_rev=3))
    assert conflict.extensions == {
        "code": "BAD_USER_INPUT",
        "reason": "CONFLICT",
        "yourParentRev": 3,
    }
    reset = api_error(errors.CursorReset())
    assert reset.extensions == {"code": "CURSOR_RESET", "category": "BAD_USER_INPUT"}
    for kind in errors.DomainError.__subclasses__():
        code = api_error(kind()).extensions["code"]
        assert code in GRAPHQL_ERROR_CODES | {"CURSOR_RESET"}, kind
