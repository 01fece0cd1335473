"""Malformed requests get a 4xx with a JSON message, never a 500 (issue 12, items 8 and 13)."""

from __future__ import annotations

import json
from typing import Any

import httpx
import pytest

from dropbox_lite.core import graphql_request
from tests.support import GraphQLClient

LOGIN = (
    "mutation($u: String!, $p: String!, $d: String) { login(username: $u, password: $p, "
    "deviceName: $d) { __typename } }"
)
UPLOAD = (
    "mutation($file: Upload!, $name: String) { uploadFile(file: $file, name: $name) "
    "{ __typename ... on File { name size } } }"
)
UPLOAD_TWO = (
    'mutation($a: Upload!, $b: Upload!) { a: uploadFile(file: $a, name: "a.txt") '
    '{ __typename ... on File { size } } b: uploadFile(file: $b, name: "b.txt") '
    "{ __typename ... on File { size } } }"
)


def refusal(response: httpx.Response, status: int = 400) -> str:
    """The message of a JSON refusal with `status`."""
    assert response.status_code == status, response.text
    assert response.headers["content-type"] == "application/json"
    errors = response.json()["errors"]
    assert len(errors) == 1 and errors[0]["extensions"]["code"] == "BAD_REQUEST"
    message: str = errors[0]["message"]
    return message


async def post_raw(http: httpx.AsyncClient, text: str) -> httpx.Response:
    return await http.post(
        "/graphql",
        content=text.encode("utf-8", "surrogatepass"),
        headers={"Content-Type": "application/json"},
    )


async def test_json_nested_100000_levels_is_a_400(http: httpx.AsyncClient) -> None:
    for body in ("[" * 100_000 + "]" * 100_000, '{"query": ' + "[" * 100_000 + "]" * 100_000 + "}"):
        assert "nested too deeply" in refusal(await post_raw(http, body))


async def test_body_that_is_not_json_is_a_400(http: httpx.AsyncClient) -> None:
    assert "not valid JSON" in refusal(await post_raw(http, '{"query": "{ me { id } }"'))
    response = await http.post(
        "/graphql", content=b'{"query": "\xff"}', headers={"Content-Type": "application/json"}
    )
    assert "not valid JSON" in refusal(response)


@pytest.mark.parametrize(
    "variables",
    [
        # As JSON escapes and as raw (CESU-style) bytes, in each variable that reaches bcrypt
        # or the database, and as a key.
        '{"u": "alice", "p": "pass\\ud800word"}',
        '{"u": "alice", "p": "password1", "d": "phone \\udfff"}',
        '{"u": "al\\udc00ice", "p": "password1"}',
        '{"u": "alice", "p": "password1", "\\ud800": 1}',
        '{"u": "alice", "p": "pass\ud800word"}',
    ],
)
async def test_lone_surrogates_in_variables_are_a_400(
    http: httpx.AsyncClient, gql: GraphQLClient, variables: str
) -> None:
    await gql.signup("alice", "password1")
    body = '{"query": "' + LOGIN.replace('"', '\\"') + '", "variables": ' + variables + "}"
    assert "lone UTF-16 surrogate" in refusal(await post_raw(http, body))


async def test_a_surrogate_pair_is_text(http: httpx.AsyncClient, gql: GraphQLClient) -> None:
    await gql.signup("alice", "password1")
    body = json.dumps({"query": LOGIN, "variables": {"u": "alice", "p": "password1", "d": "📱"}})
    response = await post_raw(http, body)
    assert response.json()["data"]["login"]["__typename"] == "AuthPayload"


async def test_get_and_batched_queries_answer_json(http: httpx.AsyncClient) -> None:
    get = await http.get("/graphql", params={"query": "{ me { id } }"})
    assert "GET" in refusal(get)
    batch = await http.post("/graphql", json=[{"query": "{ me { id } }"}] * 2)
    assert "Batching" in refusal(batch)
    form = await http.post("/graphql", content=b"query=x", headers={"Content-Type": "text/plain"})
    assert "content type" in refusal(form).lower()


async def multipart(
    http: httpx.AsyncClient,
    token: str,
    operations: Any,
    files_map: Any,
    files: dict[str, bytes] | None = None,
) -> httpx.Response:
    return await http.post(
        "/graphql",
        data={"operations": json.dumps(operations), "map": json.dumps(files_map)},
        files={
            k: (f"{k}.bin", v, "application/octet-stream")
            for k, v in (files or {"0": b"hi"}).items()
        },
        headers={"Authorization": f"Bearer {token}"},
    )


UPLOAD_OPERATIONS = {"query": UPLOAD, "variables": {"file": None}}


@pytest.mark.parametrize(
    ("operations", "files_map", "expected"),
    [
        (UPLOAD_OPERATIONS, ["variables.file"], "must be a JSON object"),
        (UPLOAD_OPERATIONS, {"0": "variables.file"}, "exactly one path"),
        (UPLOAD_OPERATIONS, {"0": ["variables.file.inner"]}, "does not name a variable"),
        (UPLOAD_OPERATIONS, {"0": ["variables.file.0"]}, "does not name a variable"),
        (UPLOAD_OPERATIONS, {"0": ["variables.missing"]}, "does not name a variable"),
        (UPLOAD_OPERATIONS, {"0": ["query"]}, "must start with `variables.`"),
        (UPLOAD_OPERATIONS, {"1": ["variables.file"]}, "does not hold"),
        (
            {"query": UPLOAD, "variables": {"file": None, "name": "x.txt"}},
            {"0": ["variables.name"]},
            "must point at a variable that is null",
        ),
        ([UPLOAD_OPERATIONS], {"0": ["0.variables.file"]}, "must be a JSON object"),
        (
            {"query": UPLOAD_TWO, "variables": {"a": None, "b": None}},
            {"0": ["variables.a", "variables.b"]},
            "exactly one path",
        ),
    ],
)
async def test_bad_multipart_maps_are_a_400(
    http: httpx.AsyncClient, gql: GraphQLClient, operations: Any, files_map: Any, expected: str
) -> None:
    account = await gql.signup()
    response = await multipart(http, account.token, operations, files_map)
    message = refusal(response)
    assert expected in message, message


async def test_two_files_each_in_its_variable_are_stored_whole(
    http: httpx.AsyncClient, gql: GraphQLClient
) -> None:
    account = await gql.signup()
    response = await multipart(
        http,
        account.token,
        {"query": UPLOAD_TWO, "variables": {"a": None, "b": None}},
        {"0": ["variables.a"], "1": ["variables.b"]},
        {"0": b"first", "1": b"second!"},
    )
    assert response.status_code == 200, response.text
    data = response.json()["data"]
    assert (data["a"]["size"], data["b"]["size"]) == (5, 7)


async def test_multipart_operations_with_a_lone_surrogate_is_a_400(
    http: httpx.AsyncClient, gql: GraphQLClient
) -> None:
    account = await gql.signup()
    operations = (
        '{"query": "'
        + UPLOAD.replace('"', '\\"')
        + '", "variables": {"file": null, "name": "a\\ud800.txt"}}'
    )
    response = await http.post(
        "/graphql",
        data={"operations": operations, "map": '{"0": ["variables.file"]}'},
        files={"0": ("a.txt", b"hi", "text/plain")},
        headers=account.headers,
    )
    assert "lone UTF-16 surrogate" in refusal(response)


def test_surrogate_check_reads_every_string() -> None:
    assert graphql_request._lone_surrogate({"a": [{"b": ["ok", "x\udbff"]}]}) == "\\udbff"
    assert graphql_request._lone_surrogate({"a": ["ok", "é", "\U0001f4f1"]}) is None
