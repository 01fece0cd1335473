"""Typed domain errors raised by services; the faces map them to GraphQL or HTTP.

`http_status` is the one table from a domain error to an HTTP status, for every face
that speaks HTTP (byte routes, WebDAV): 507 for quota, 412 for a write conflict.
"""

from __future__ import annotations

from typing import Any


class DomainError(Exception):
    """An outcome a service reports instead of a result. `code` is an ErrorCode name."""

    code = "INTERNAL"
    http_status = 500
    default_message = "Something went wrong."

    def __init__(self, message: str | None = None, **details: Any) -> None:
        super().__init__(message or self.default_message)
        self.message = message or self.default_message
        self.details = details


# Outcomes a normal client flow handles (members of result unions).
class NameTaken(DomainError):
    code = "NAME_TAKEN"
    http_status = 409
    default_message = "An entry with this name already exists in the folder."


class InvalidName(DomainError):
    code = "INVALID_NAME"
    http_status = 400
    default_message = "This name is not allowed."


class InvalidInput(DomainError):
    code = "INVALID_INPUT"
    http_status = 400
    default_message = "The input is not valid."


class UsernameTaken(DomainError):
    code = "USERNAME_TAKEN"
    http_status = 409
    default_message = "This username is taken."


class InvalidCredentials(DomainError):
    code = "INVALID_CREDENTIALS"
    http_status = 401
    default_message = "Wrong username or password."


class RateLimited(DomainError):
    code = "RATE_LIMITED"
    http_status = 429
    default_message = "Too many attempts; try again later."


class Conflict(DomainError):
    """The file moved on since the revision the client based its change on."""

    code = "CONFLICT"
    http_status = 412
    default_message = "The file has changed since the revision you based this on."


class QuotaExceeded(DomainError):
    code = "QUOTA_EXCEEDED"
    http_status = 507
    default_message = "This would exceed your storage quota."


class FileTooLarge(DomainError):
    code = "FILE_TOO_LARGE"
    http_status = 413
    default_message = "The file is larger than this server accepts."


class ChecksumMismatch(DomainError):
    code = "CHECKSUM_MISMATCH"
    http_status = 400
    default_message = "The uploaded bytes do not match the given content hash."


class InvalidMove(DomainError):
    code = "INVALID_MOVE"
    http_status = 403
    default_message = "A folder cannot be moved into itself or one of its descendants."


class MergeFailed(DomainError):
    code = "MERGE_FAILED"
    http_status = 409
    default_message = "The changes overlap or the file is not text; they cannot be merged."


class PasswordRequired(DomainError):
    code = "PASSWORD_REQUIRED"
    http_status = 401
    default_message = "This link needs a password."


class WrongPassword(DomainError):
    code = "WRONG_PASSWORD"
    http_status = 403
    default_message = "Wrong password."


class PermissionDenied(DomainError):
    """Visible to the user, but not theirs to change (a viewer of a shared folder)."""

    code = "PERMISSION_DENIED"
    http_status = 403
    default_message = "You may look at this shared folder but not change it."


class NotFound(DomainError):
    """Missing, or someone else's: the two are never told apart."""

    code = "NOT_FOUND"
    http_status = 404
    default_message = "Not found."


# Errors that are not part of a normal flow (GraphQL `errors[]`).
class Unauthenticated(DomainError):
    code = "UNAUTHENTICATED"
    http_status = 401
    default_message = "Sign in first."


class BadInput(DomainError):
    """Input no honest client sends; reported as BAD_USER_INPUT."""

    code = "BAD_USER_INPUT"
    http_status = 400
    default_message = "Bad input."


class CursorReset(BadInput):
    code = "CURSOR_RESET"
    default_message = "This cursor can no longer be served; start a full sync without a cursor."


class ServiceUnavailable(DomainError):
    code = "SERVICE_UNAVAILABLE"
    http_status = 503
    default_message = "The database is unavailable; try again shortly."


def http_status(error: DomainError) -> int:
    """The HTTP status every HTTP face answers a domain error with."""
    return error.http_status
