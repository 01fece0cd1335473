"""The one JSON shape of an error on every HTTP face (byte routes, upload sessions, the
GraphQL endpoint's own refusals): GraphQL's, `{"errors": [{"message", "extensions":
{"code"}}]}`. A domain error's status is the HTTP column of errors.ANSWERS."""

from __future__ import annotations

from typing import Any

from starlette.responses import JSONResponse

from dropbox_lite.core import errors


def error_body(message: str, code: str) -> dict[str, Any]:
    """The JSON body of an HTTP error."""
    return {"errors": [{"message": message, "extensions": {"code": code}}]}


def json_error(status: int, message: str, code: str, **headers: str) -> JSONResponse:
    """An HTTP error that no cache keeps."""
    return JSONResponse(
        error_body(message, code),
        status_code=status,
        headers={"cache-control": "no-store", **headers},
    )


def domain_error(error: errors.DomainError, **headers: str) -> JSONResponse:
    """A domain error as the byte routes answer it: its message, code and HTTP status."""
    return json_error(errors.answers_of(error).http, error.message, error.code, **headers)
