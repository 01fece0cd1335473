"""Typed domain errors raised by services; the faces map them to GraphQL or HTTP."""

from __future__ import annotations

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
