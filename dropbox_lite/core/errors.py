"""Typed domain errors raised by services, and `ANSWERS`, the one table of how every
face answers each of them (reva's errtypes and NewHTTPStatusCodeFromErrtype, as one
literal table).

GraphQL answers an expected outcome with its result union's member (core/outcomes.py:
each member names the error it answers); anything else goes to `errors[]` with the
table's code. The byte routes and WebDAV answer with the table's statuses.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any


class DomainError(Exception):
    """An outcome a service reports instead of a result. `code` is an ErrorCode name."""

    code = "INTERNAL"
    default_message = "Something went wrong."

    def __init__(self, message: str | None = None, **details: Any) -> None:
        super().__init__(message or self.default_message)
        self.message = message or self.default_message
        self.details = details


# Outcomes a normal client flow handles (members of result unions).
class NameTaken(DomainError):
    code = "NAME_TAKEN"
    default_message = "An entry with this name already exists in the folder."


class InvalidName(DomainError):
    code = "INVALID_NAME"
    default_message = "This name is not allowed."


class InvalidInput(DomainError):
    code = "INVALID_INPUT"
    default_message = "The input is not valid."


class UsernameTaken(DomainError):
    code = "USERNAME_TAKEN"
    default_message = "This username is taken."


class InvalidCredentials(DomainError):
    code = "INVALID_CREDENTIALS"
    default_message = "Wrong username or password."


class RateLimited(DomainError):
    code = "RATE_LIMITED"
    default_message = "Too many attempts; try again later."


class Conflict(DomainError):
    """The file moved on since the revision the client based its change on."""

    code = "CONFLICT"
    default_message = "The file has changed since the revision you based this on."


class QuotaExceeded(DomainError):
    code = "QUOTA_EXCEEDED"
    default_message = "This would exceed your storage quota."


class FileTooLarge(DomainError):
    code = "FILE_TOO_LARGE"
    default_message = "The file is larger than this server accepts."


class ChecksumMismatch(DomainError):
    code = "CHECKSUM_MISMATCH"
    default_message = "The uploaded bytes do not match the given content hash."


class InvalidMove(DomainError):
    code = "INVALID_MOVE"
    default_message = "A folder cannot be moved into itself or one of its descendants."


class MergeFailed(DomainError):
    code = "MERGE_FAILED"
    default_message = "The changes overlap or the file is not text; they cannot be merged."


class PasswordRequired(DomainError):
    code = "PASSWORD_REQUIRED"
    default_message = "This link needs a password."


class WrongPassword(DomainError):
    code = "WRONG_PASSWORD"
    default_message = "Wrong password."


class PermissionDenied(DomainError):
    """Visible to the user, but not theirs to change (a viewer of a shared folder)."""

    code = "PERMISSION_DENIED"
    default_message = "You may look at this shared folder but not change it."


class NotFound(DomainError):
    """Missing, or someone else's: the two are never told apart."""

    code = "NOT_FOUND"
    default_message = "Not found."


# Errors that are not part of a normal flow (GraphQL `errors[]`).
class Unauthenticated(DomainError):
    code = "UNAUTHENTICATED"
    default_message = "Sign in first."


class BadInput(DomainError):
    """Input no honest client sends; reported as BAD_USER_INPUT."""

    code = "BAD_USER_INPUT"
    default_message = "Bad input."


class CursorReset(BadInput):
    code = "CURSOR_RESET"
    default_message = "This cursor can no longer be served; start a full sync without a cursor."


class ServiceUnavailable(DomainError):
    code = "SERVICE_UNAVAILABLE"
    default_message = "The database is unavailable; try again shortly."


@dataclass(frozen=True)
class Answers:
    """How the faces answer one error code."""

    # extensions.code in GraphQL's errors[]; BAD_USER_INPUT (the code as `reason`) for
    # an outcome that is a union member where a mutation expects it.
    graphql: str
    http: int  # the byte routes: downloads, share links, upload sessions, tus
    dav: int  # WebDAV, where a write conflict is 412 Precondition Failed


_B = "BAD_USER_INPUT"
# Keyed by `code`, so that errors declared next to their service (sessions'
# IncorrectOffset, auth's SignupRefused) have their row here too; a subclass that keeps
# its parent's code (locks' LockLost is a CONFLICT) keeps its parent's row.
ANSWERS: dict[str, Answers] = {
    # code: Answers(GraphQL's errors[] code, HTTP status, WebDAV status)
    "NAME_TAKEN": Answers(_B, 409, 409),
    "INVALID_NAME": Answers(_B, 400, 400),
    "INVALID_INPUT": Answers(_B, 400, 400),
    "USERNAME_TAKEN": Answers(_B, 409, 409),
    "INVALID_CREDENTIALS": Answers(_B, 401, 401),
    "RATE_LIMITED": Answers("RATE_LIMITED", 429, 429),
    "CONFLICT": Answers(_B, 409, 412),
    "QUOTA_EXCEEDED": Answers(_B, 507, 507),
    "FILE_TOO_LARGE": Answers(_B, 413, 413),
    "CHECKSUM_MISMATCH": Answers(_B, 400, 400),
    "INVALID_MOVE": Answers(_B, 403, 403),
    "MERGE_FAILED": Answers(_B, 409, 409),
    "PASSWORD_REQUIRED": Answers(_B, 403, 401),
    "WRONG_PASSWORD": Answers(_B, 403, 403),
    "PERMISSION_DENIED": Answers("PERMISSION_DENIED", 403, 403),
    "NOT_FOUND": Answers("NOT_FOUND", 404, 404),
    "UNAUTHENTICATED": Answers("UNAUTHENTICATED", 401, 401),
    "BAD_USER_INPUT": Answers(_B, 400, 400),
    "CURSOR_RESET": Answers("CURSOR_RESET", 400, 400),
    "SERVICE_UNAVAILABLE": Answers("SERVICE_UNAVAILABLE", 503, 503),
    "INCORRECT_OFFSET": Answers(_B, 409, 500),  # upload sessions only
    "SIGNUP_REFUSED": Answers(_B, 500, 500),  # GraphQL only (SignupRefusedError)
    "INTERNAL": Answers(_B, 500, 500),  # a bare DomainError: a bug
}


def answers_of(error: DomainError) -> Answers:
    """How the faces answer `error`."""
    return ANSWERS.get(error.code, ANSWERS[DomainError.code])
