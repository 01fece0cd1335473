"""Per-operation costs, the execution timeout and work stopped when the client leaves
(issue 12 item 6); no field suggestions in production (item 9)."""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator
from typing import Any

import httpx
import pytest
from starlette.applications import Starlette

from dropbox_lite.auth import passwords
from dropbox_lite.auth import service as auth_service
from dropbox_lite.core.app import create_app
from dropbox_lite.core.config import Settings
from dropbox_lite.core.db import Database
from dropbox_lite.core.graphql_view import long_polls
from dropbox_lite.graphql import FIELD_LIMITS
from tests.conftest import make_settings
from tests.support import GraphQLClient


@pytest.fixture
def hashes(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """Counts bcrypt work (hashing and checking)."""
    calls: list[str] = []
    for name in ("hash_password", "check_password"):
        original = getattr(passwords, name)

        async def counting(
            *args: Any, _original: Any = original, _name: str = name, **kw: Any
        ) -> Any:
            calls.append(_name)
            return await _original(*args, **kw)

        monkeypatch.setattr(passwords, name, counting)
    return calls


def refused_for(body: dict[str, Any], field: str) -> bool:
    return body.get("data") is None and any(
        f"`{field}` at most" in e["message"] for e in body.get("errors", [])
    )


async def test_fifty_aliased_signups_are_refused_before_any_hashing(
    gql: GraphQLClient, hashes: list[str]
) -> None:
    query = (
        "mutation { "
        + " ".join(
            f'a{i}: signup(username: "taken", password: "long enough pw") {{ __typename }}'
            for i in range(50)
        )
        + " }"
    )
    body = await gql(query)
    assert refused_for(body, "signup")
    assert "asks 50" in body["errors"][0]["message"]
    assert hashes == []


async def test_limits_count_fields_inside_fragments(gql: GraphQLClient, hashes: list[str]) -> None:
    query = """
    mutation { ...Two ...Two }
    fragment Two on Mutation {
      a: login(username: "u", password: "password1") { __typename }
      b: login(username: "u", password: "password1") { __typename }
    }
    """
    body = await gql(query)
    assert refused_for(body, "login")
    assert "asks 4" in body["errors"][0]["message"]
    assert hashes == []


@pytest.mark.parametrize(
    ("query", "field"),
    [
        (
            '{ a: waitForChanges(cursor: "c") { changed } '
            'b: waitForChanges(cursor: "c") { changed } }',
            "waitForChanges",
        ),
        (
            '{ a: sharedLink(token: "t") { __typename } b: sharedLink(token: "t") { __typename } }',
            "sharedLink",
        ),
        (
            "{ " + " ".join(f'a{i}: search(query: "x") {{ __typename }}' for i in range(3)) + " }",
            "search",
        ),
        (
            "mutation { "
            + " ".join(
                f'a{i}: createShareLink(entryId: "x", password: "long enough") {{ __typename }}'
                for i in range(3)
            )
            + " }",
            "createShareLink",
        ),
        (
            "mutation { "
            + " ".join(
                f'a{i}: resolveConflict(fileId: "x", baseRev: 1, resolution: KEEP_REMOTE) '
                "{ __typename }"
                for i in range(2)
            )
            + " }",
            "resolveConflict",
        ),
    ],
)
async def test_expensive_fields_have_caps(gql: GraphQLClient, query: str, field: str) -> None:
    account = await gql.signup()
    assert refused_for(await gql(query, token=account.token), field)


async def test_nested_listings_count_each_level(gql: GraphQLClient) -> None:
    nested = "children(first: 10) { edges { node { ... on Folder { INNER } } } }"
    query = "{ folder { INNER } }"
    for _ in range(FIELD_LIMITS["children"] + 1):
        query = query.replace("INNER", nested)
    query = query.replace("INNER", "id")
    account = await gql.signup()
    assert refused_for(await gql(query, token=account.token), "children")


async def test_a_single_expensive_field_is_fine(gql: GraphQLClient) -> None:
    account = await gql.signup()
    body = await gql('{ search(query: "x") { __typename } }', token=account.token)
    assert "errors" not in body, body


@pytest.fixture
def production_settings(mongo_uri: str | None) -> Settings:
    return make_settings(
        mongo_uri, env="production", bcrypt_rounds=10, graphiql=False, introspection=False
    )


@pytest.fixture
async def production_gql(
    production_settings: Settings, db: Database
) -> AsyncIterator[GraphQLClient]:
    app = create_app(production_settings, db=db)
    async with app.router.lifespan_context(app):
        transport = httpx.ASGITransport(app=app)
        async with httpx.AsyncClient(transport=transport, base_url="http://t") as http:
            yield GraphQLClient(http)


@pytest.mark.parametrize(
    "query",
    [
        "{ shareLink { id } }",
        "{ me { usernam } }",
        '{ folder(idd: "x") { id } }',
    ],
)
async def test_production_errors_suggest_no_field_names(
    production_gql: GraphQLClient, gql: GraphQLClient, query: str
) -> None:
    development = await gql(query)
    assert "Did you mean" in development["errors"][0]["message"]
    production = await production_gql(query)
    message = production["errors"][0]["message"]
    assert "Did you mean" not in message and message.startswith(
        ("Cannot query", "Unknown argument")
    )


@pytest.fixture
def quick_settings(mongo_uri: str | None) -> Settings:
    return make_settings(mongo_uri, request_timeout_seconds=1)


SESSIONS = "{ sessions { id } }"


class Stuck:
    """Stands in for a slow service call: waits until cancelled, and says so."""

    def __init__(self) -> None:
        self.started = asyncio.Event()
        self.cancelled = 0

    async def __call__(self, **kwargs: Any) -> Any:
        self.started.set()
        try:
            await asyncio.sleep(3600)
        except asyncio.CancelledError:
            self.cancelled += 1
            raise


async def test_a_slow_operation_is_stopped_at_the_timeout(
    quick_settings: Settings, db: Database, gql: GraphQLClient, monkeypatch: pytest.MonkeyPatch
) -> None:
    stuck = Stuck()
    # Signed up through the usual app on the same database: on a loaded machine a
    # sign-up alone may pass the quick app's 1 s.
    account = await gql.signup()
    app = create_app(quick_settings, db=db)
    async with app.router.lifespan_context(app):
        transport = httpx.ASGITransport(app=app)
        async with httpx.AsyncClient(transport=transport, base_url="http://t") as http:
            quick = GraphQLClient(http)
            monkeypatch.setattr(auth_service, "list_sessions", stuck)
            body = await quick(SESSIONS, token=account.token)
    assert body["data"] is None
    assert body["errors"][0]["extensions"]["code"] == "SERVICE_UNAVAILABLE"
    assert "longer than 1 s" in body["errors"][0]["message"]
    assert stuck.cancelled == 1


@pytest.mark.parametrize(
    ("query", "operation"),
    [
        ("{ sessions { id } } # waitForChanges", None),
        ('{ sessions { id } sharedLink(token: "waitForChanges") { __typename } }', None),
        ('query A { sessions { id } } query B { waitForChanges(cursor: "c") { changed } }', "A"),
    ],
    ids=["comment", "string", "another-operation"],
)
async def test_naming_the_long_poll_does_not_lift_the_timeout(
    quick_settings: Settings,
    db: Database,
    gql: GraphQLClient,
    monkeypatch: pytest.MonkeyPatch,
    query: str,
    operation: str | None,
) -> None:
    """Only an operation that selects `waitForChanges` gets the long poll's time."""
    stuck = Stuck()
    account = await gql.signup()  # through the usual app (see above)
    app = create_app(quick_settings, db=db)
    async with app.router.lifespan_context(app):
        transport = httpx.ASGITransport(app=app)
        async with httpx.AsyncClient(transport=transport, base_url="http://t") as http:
            monkeypatch.setattr(auth_service, "list_sessions", stuck)
            response = await asyncio.wait_for(
                http.post(
                    "/graphql",
                    json={"query": query, "operationName": operation},
                    headers={"Authorization": f"Bearer {account.token}"},
                ),
                10,
            )
    body = response.json()
    assert body["errors"][0]["extensions"]["code"] == "SERVICE_UNAVAILABLE"
    assert stuck.cancelled == 1


@pytest.mark.parametrize(
    ("query", "operation", "expected"),
    [
        ('{ waitForChanges(cursor: "c") { changed } }', None, True),
        ('query W { w: waitForChanges(cursor: "c") { changed } }', "W", True),
        ('{ ... on Query { waitForChanges(cursor: "c") { changed } } }', None, True),
        ('{ ...F } fragment F on Query { waitForChanges(cursor: "c") { changed } }', None, True),
        ('query A { me { id } } query B { waitForChanges(cursor: "c") { changed } }', "B", True),
        ('query A { me { id } } query B { waitForChanges(cursor: "c") { changed } }', "A", False),
        ("{ me { id } } # waitForChanges", None, False),
        ('{ sharedLink(token: "waitForChanges") { __typename } }', None, False),
        ('mutation { waitForChanges(cursor: "c") { changed } }', None, False),
        ("{ waitForChanges(", None, False),
        ("{ ...F } fragment F on Query { ...F waitForChanges }", None, True),
        ("{ me { id } }", None, False),
    ],
)
def test_the_long_poll_is_recognised_by_the_parsed_operation(
    query: str, operation: str | None, expected: bool
) -> None:
    assert long_polls(query, operation) is expected


async def test_work_stops_when_the_client_disconnects(
    app: Starlette, gql: GraphQLClient, monkeypatch: pytest.MonkeyPatch
) -> None:
    account = await gql.signup()
    stuck = Stuck()
    monkeypatch.setattr(auth_service, "list_sessions", stuck)
    body = ('{"query": "' + SESSIONS + '"}').encode()
    sent: list[dict[str, Any]] = []
    messages = [{"type": "http.request", "body": body, "more_body": False}]

    async def receive() -> dict[str, Any]:
        if messages:
            return messages.pop(0)
        await stuck.started.wait()
        return {"type": "http.disconnect"}

    async def send(message: dict[str, Any]) -> None:
        sent.append(message)

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
        "headers": [
            (b"content-type", b"application/json"),
            (b"authorization", f"Bearer {account.token}".encode()),
        ],
        "client": ("127.0.0.1", 5000),
        "server": ("testserver", 80),
    }
    await asyncio.wait_for(app(scope, receive, send), 10)
    assert stuck.cancelled == 1
    assert [m for m in sent if m["type"] == "http.response.start"] == []


async def test_a_repeated_query_is_validated_once(
    gql: GraphQLClient, monkeypatch: pytest.MonkeyPatch
) -> None:
    import strawberry.schema.schema as strawberry_schema

    validated: list[int] = []
    original = strawberry_schema.validate

    def counting(*args: Any, **kwargs: Any) -> Any:
        validated.append(1)
        return original(*args, **kwargs)

    monkeypatch.setattr(strawberry_schema, "validate", counting)
    query = "{ serverInfo { version } } # test_a_repeated_query_is_validated_once"
    for _ in range(5):
        await gql.data(query)
    assert len(validated) == 1


async def test_production_refuses_introspection(production_gql: GraphQLClient) -> None:
    body = await production_gql("{ __schema { types { name } } }")
    assert body.get("data") is None
    assert "introspection has been disabled" in body["errors"][0]["message"]
