"""Small helpers and factories shared by the tests."""

from __future__ import annotations

import itertools
from dataclasses import dataclass
from typing import Any

import httpx

_numbers = itertools.count(1)

SIGNUP = """
mutation Signup($username: String!, $password: String!, $deviceName: String) {
  signup(username: $username, password: $password, deviceName: $deviceName) {
    __typename
    ... on AuthPayload { token user { id username } session { id } }
    ... on Error { message code }
  }
}
"""


@dataclass
class Account:
    username: str
    password: str
    token: str
    user_id: str

    @property
    def headers(self) -> dict[str, str]:
        return {"Authorization": f"Bearer {self.token}"}


class GraphQLClient:
    """Posts GraphQL over HTTP; `token` signs the request in."""

    def __init__(self, http: httpx.AsyncClient) -> None:
        self.http = http

    async def raw(
        self, query: str, variables: dict[str, Any] | None = None, *, token: str | None = None
    ) -> httpx.Response:
        headers = {"Authorization": f"Bearer {token}"} if token else {}
        return await self.http.post(
            "/graphql", json={"query": query, "variables": variables or {}}, headers=headers
        )

    async def __call__(
        self, query: str, variables: dict[str, Any] | None = None, *, token: str | None = None
    ) -> dict[str, Any]:
        response = await self.raw(query, variables, token=token)
        assert response.status_code == 200, response.text
        body: dict[str, Any] = response.json()
        return body

    async def data(
        self, query: str, variables: dict[str, Any] | None = None, *, token: str | None = None
    ) -> dict[str, Any]:
        """The `data` of a request that must not fail."""
        body = await self(query, variables, token=token)
        assert "errors" not in body, body["errors"]
        data: dict[str, Any] = body["data"]
        return data

    async def signup(self, username: str | None = None, password: str | None = None) -> Account:
        username = username or f"user{next(_numbers)}"
        password = password or f"pw-{username}-long-enough"
        data = await self.data(SIGNUP, {"username": username, "password": password})
        payload = data["signup"]
        assert payload["__typename"] == "AuthPayload", payload
        return Account(username, password, payload["token"], payload["user"]["id"])


def error_codes(body: dict[str, Any]) -> list[str]:
    return [e.get("extensions", {}).get("code") for e in body.get("errors", [])]


def a_second_later(app: Any) -> None:
    """Move the app's clock a little over a second on: its one-second caches (sessions,
    quotas) read the database again, as they would once that second had passed."""
    app.state.appstate.clock.advance(1.5)
