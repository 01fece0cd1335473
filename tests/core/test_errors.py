"""Issue 19 item 2: errors.ANSWERS is the one table of how every face answers a domain
error, complete, and it answers as the four mappings it replaced did."""

from __future__ import annotations

import importlib
import json
import pkgutil

import dropbox_lite
from dropbox_lite.core import errors, locks
from dropbox_lite.core.api import GRAPHQL_ERROR_CODES, api_error
from dropbox_lite.core.http_errors import domain_error, json_error
from dropbox_lite.files import sessions


def _every_domain_error() -> set[type[errors.DomainError]]:
    for module in pkgutil.walk_packages(dropbox_lite.__path__, "dropbox_lite."):
        if not module.name.endswith("__main__"):
            importlib.import_module(module.name)
    found: set[type[errors.DomainError]] = set()
    todo = [errors.DomainError]
    while todo:
        cls = todo.pop()
        found.add(cls)
        todo.extend(cls.__subclasses__())
    return found


def test_every_domain_error_has_a_row_and_every_row_an_error() -> None:
    codes = {cls.code for cls in _every_domain_error()}
    assert len(codes) == 23
    assert sorted(codes - set(errors.ANSWERS)) == []
    assert sorted(set(errors.ANSWERS) - codes) == []


def test_the_graphql_column_holds_only_what_api_md_allows() -> None:
    for code, answers in errors.ANSWERS.items():
        assert answers.graphql in GRAPHQL_ERROR_CODES | {"CURSOR_RESET"}, code
        if code in GRAPHQL_ERROR_CODES:
            assert answers.graphql == code


# WebDAV's statuses before the table: each class's `http_status`.
OLD_DAV = {
    errors.NameTaken: 409,
    errors.InvalidName: 400,
    errors.InvalidInput: 400,
    errors.UsernameTaken: 409,
    errors.InvalidCredentials: 401,
    errors.RateLimited: 429,
    errors.Conflict: 412,
    errors.QuotaExceeded: 507,
    errors.FileTooLarge: 413,
    errors.ChecksumMismatch: 400,
    errors.InvalidMove: 403,
    errors.MergeFailed: 409,
    errors.PasswordRequired: 401,
    errors.WrongPassword: 403,
    errors.PermissionDenied: 403,
    errors.NotFound: 404,
    errors.Unauthenticated: 401,
    errors.BadInput: 400,
    errors.CursorReset: 400,
    errors.ServiceUnavailable: 503,
    locks.LockLost: 412,
    sessions.IncorrectOffset: 500,
}
# The upload routes' statuses before the table (files/session_routes.STATUS), with the
# share-link routes' 403 for a password link.
OLD_HTTP = {
    errors.NotFound: 404,
    errors.BadInput: 400,
    errors.CursorReset: 400,
    errors.InvalidInput: 400,
    errors.InvalidName: 400,
    errors.PermissionDenied: 403,
    errors.NameTaken: 409,
    errors.Conflict: 409,
    locks.LockBusy: 409,
    sessions.IncorrectOffset: 409,
    errors.FileTooLarge: 413,
    errors.QuotaExceeded: 507,
    errors.ChecksumMismatch: 400,
    errors.Unauthenticated: 401,
    errors.RateLimited: 429,
    errors.ServiceUnavailable: 503,
    errors.PasswordRequired: 403,
}


def test_the_statuses_are_the_ones_the_faces_answered_before() -> None:
    assert {cls: errors.answers_of(cls()).dav for cls in OLD_DAV} == OLD_DAV
    assert {cls: errors.answers_of(cls()).http for cls in OLD_HTTP} == OLD_HTTP


def test_graphql_errors_take_the_tables_code() -> None:
    assert api_error(errors.NotFound()).extensions == {"code": "NOT_FOUND"}
    taken = api_error(errors.NameTaken("taken", existing_id="e1"))
    assert taken.extensions == {
        "code": "BAD_USER_INPUT",
        "reason": "NAME_TAKEN",
        "existingId": "e1",
    }
    assert api_error(locks.LockBusy()).extensions == {
        "code": "BAD_USER_INPUT",
        "reason": "CONFLICT",
    }
    assert api_error(errors.CursorReset()).extensions == {
        "code": "CURSOR_RESET",
        "category": "BAD_USER_INPUT",
    }


def test_an_http_error_has_the_graphql_shape_and_is_never_cached() -> None:
    response = domain_error(errors.RateLimited("slow down"), **{"retry-after": "3"})
    assert response.status_code == 429
    assert response.headers["cache-control"] == "no-store"
    assert response.headers["retry-after"] == "3"
    assert json.loads(response.body) == {
        "errors": [{"message": "slow down", "extensions": {"code": "RATE_LIMITED"}}]
    }
    assert json_error(403, "no", "FORBIDDEN").body == (
        b'{"errors":[{"message":"no","extensions":{"code":"FORBIDDEN"}}]}'
    )
