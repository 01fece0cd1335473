"""GraphQL pieces every module shares: scalars, the Error interface, permissions, errors."""

from __future__ import annotations

import enum
import logging
import re
from datetime import UTC, datetime
from typing import Any, NewType, TypeVar

import strawberry
from graphql import GraphQLError
from strawberry.extensions import MaskErrors
from strawberry.permission import BasePermission

from dropbox_lite import __version__
from dropbox_lite.core import errors, requestlog
from dropbox_lite.core.context import Context
from dropbox_lite.core.db import UNAVAILABLE_ERRORS

log = logging.getLogger("dropbox_lite.graphql")

Info = strawberry.Info[Context, None]


def _parse_long(value: Any) -> int:
    if isinstance(value, bool) or not isinstance(value, (int, str)):
        raise ValueError("Long must be an integer or a string of digits")
    number = int(value)
    if not -(2**63) <= number < 2**63:
        raise ValueError("Long is out of the 64-bit range")
    return number


Long = NewType("Long", int)

LONG_SCALAR = strawberry.scalar(
    name="Long",
    serialize=int,
    parse_value=_parse_long,
    description="A 64-bit integer for byte counts (GraphQL's Int is 32-bit).",
)


def _serialize_datetime(value: datetime) -> str:
    if value.tzinfo is None:
        value = value.replace(tzinfo=UTC)
    return value.astimezone(UTC).isoformat().replace("+00:00", "Z")


def _parse_datetime(value: Any) -> datetime:
    if not isinstance(value, str):
        raise ValueError("DateTime must be an ISO-8601 string")
    parsed = datetime.fromisoformat(value.replace("Z", "+00:00"))
    if parsed.tzinfo is None:
        raise ValueError("DateTime must carry a time zone (for example a trailing Z)")
    return parsed.astimezone(UTC)


DATETIME_SCALAR = strawberry.scalar(
    name="DateTime",
    serialize=_serialize_datetime,
    parse_value=_parse_datetime,
    description="An ISO-8601 instant in UTC, such as 2026-11-24T09:30:00Z.",
)


@strawberry.enum(description="What went wrong, for clients that branch on a code.")
class ErrorCode(enum.Enum):
    NAME_TAKEN = "NAME_TAKEN"
    INVALID_NAME = "INVALID_NAME"
    INVALID_INPUT = "INVALID_INPUT"
    USERNAME_TAKEN = "USERNAME_TAKEN"
    INVALID_CREDENTIALS = "INVALID_CREDENTIALS"
    RATE_LIMITED = "RATE_LIMITED"
    CONFLICT = "CONFLICT"
    QUOTA_EXCEEDED = "QUOTA_EXCEEDED"
    FILE_TOO_LARGE = "FILE_TOO_LARGE"
    CHECKSUM_MISMATCH = "CHECKSUM_MISMATCH"
    INVALID_MOVE = "INVALID_MOVE"
    MERGE_FAILED = "MERGE_FAILED"
    PASSWORD_REQUIRED = "PASSWORD_REQUIRED"
    WRONG_PASSWORD = "WRONG_PASSWORD"
    NOT_FOUND = "NOT_FOUND"
    SIGNUP_REFUSED = "SIGNUP_REFUSED"
    PERMISSION_DENIED = "PERMISSION_DENIED"


@strawberry.interface(description="An expected outcome that is not success.")
class Error:
    message: str = strawberry.field(description="A sentence for people.")
    code: ErrorCode = strawberry.field(description="A stable code for programs.")


class ApiError(GraphQLError):
    """A deliberate GraphQL error (`errors[]`) with `extensions.code`; never masked."""

    def __init__(self, message: str, code: str, **extensions: Any) -> None:
        super().__init__(message, extensions={"code": code, **extensions})


# The only codes API.md allows in `errors[]` (besides CURSOR_RESET, below); the GraphQL
# column of errors.ANSWERS holds no other.
GRAPHQL_ERROR_CODES = frozenset(
    {
        "UNAUTHENTICATED",
        "NOT_FOUND",
        "PERMISSION_DENIED",
        "BAD_USER_INPUT",
        "RATE_LIMITED",
        "SERVICE_UNAVAILABLE",
        "INTERNAL_SERVER_ERROR",
    }
)


def _camel(name: str) -> str:
    head, *rest = name.split("_")
    return head + "".join(part.title() for part in rest)


def api_error(error: errors.DomainError) -> ApiError:
    """The GraphQL error for a domain error that is not a union member.

    Its code is errors.ANSWERS' GraphQL column: an outcome that is a union member
    elsewhere (QUOTA_EXCEEDED, CONFLICT, ...) but reaches `errors[]` here is
    BAD_USER_INPUT with the precise code as `reason`; details go along only when they
    are plain values.
    """
    if isinstance(error, errors.CursorReset):
        # API.md: a BAD_USER_INPUT error whose extensions.code is CURSOR_RESET.
        return ApiError(error.message, "CURSOR_RESET", category="BAD_USER_INPUT")
    extensions: dict[str, Any] = {
        _camel(k): v
        for k, v in error.details.items()
        if isinstance(v, (str, int, float, bool)) or v is None
    }
    code = errors.answers_of(error).graphql
    if code == error.code:
        return ApiError(error.message, code, **extensions)
    return ApiError(error.message, code, reason=error.code, **extensions)


class IsAuthenticated(BasePermission):
    message = "Sign in first."
    error_extensions = {"code": "UNAUTHENTICATED"}

    def has_permission(self, source: Any, info: Info, **kwargs: Any) -> bool:
        return info.context.user is not None


T = TypeVar("T")


def or_default(value: T | None, default: T) -> T:
    """An optional argument's value, with an explicit null taken as its default."""
    return default if value is None else value


def current_user_id(info: Info) -> str:
    """The signed-in user's id; raise UNAUTHENTICATED when there is none."""
    user = info.context.user
    if user is None:
        raise ApiError("Sign in first.", "UNAUTHENTICATED")
    return user.id


def _original(error: GraphQLError) -> BaseException | None:
    original = error.original_error
    # Strawberry wraps errors raised inside resolvers; unwrap to what was raised.
    while isinstance(original, GraphQLError) and original.original_error is not None:
        original = original.original_error
    return original


def classify(error: GraphQLError) -> str:
    """'pass' (show as is), 'unavailable' (database gone) or 'internal' (mask and log)."""
    original = _original(error)
    if original is None or isinstance(original, ApiError):
        return "pass"  # syntax, validation, permission and deliberate errors
    if isinstance(original, GraphQLError):
        return "pass"
    if isinstance(original, UNAVAILABLE_ERRORS):
        return "unavailable"
    if isinstance(original, errors.DomainError):
        return "domain"
    return "internal"


SUGGESTION = re.compile(r"\s*Did you mean .*\?\s*$", re.DOTALL)


def _request_id() -> dict[str, str]:
    # So that a user's report of a masked error can be found in the request log.
    request_id = requestlog.current_request_id()
    return {"requestId": request_id} if request_id else {}


class ErrorPolicy(MaskErrors):
    """Hides unexpected exceptions (logged with their trace) and names database outages.

    With `suggestions=False`, validation messages lose graphql's "Did you mean ...?",
    which would spell out the schema to someone who cannot introspect it.
    """

    def __init__(self, *, suggestions: bool = True) -> None:
        super().__init__(error_message="Internal server error.")
        self.suggestions = suggestions

    def _process_errors(self, errors_: list[GraphQLError]) -> list[GraphQLError]:
        return [self._process(error) for error in errors_]

    def _process(self, error: GraphQLError) -> GraphQLError:
        kind = classify(error)
        if kind == "pass":
            if self.suggestions or "Did you mean" not in error.message:
                return error
            return GraphQLError(
                SUGGESTION.sub("", error.message),
                nodes=error.nodes,
                source=error.source,
                positions=error.positions,
                path=error.path,
                extensions=error.extensions,
            )
        original = _original(error)
        if kind == "domain" and isinstance(original, errors.DomainError):
            mapped = api_error(original)
            extensions = mapped.extensions
            message = mapped.message
        elif kind == "unavailable":
            log.warning("database unavailable: %s", original)
            extensions = {"code": "SERVICE_UNAVAILABLE", **_request_id()}
            message = errors.ServiceUnavailable.default_message
        else:
            log.error("unexpected error in %s", error.path, exc_info=original)
            extensions = {"code": "INTERNAL_SERVER_ERROR", **_request_id()}
            message = self.error_message
        return GraphQLError(
            message,
            nodes=error.nodes,
            source=error.source,
            positions=error.positions,
            path=error.path,
            extensions=extensions,
        )


@strawberry.type(description="What this server is.")
class ServerInfo:
    version: str = strawberry.field(description="The dropbox-lite release.")
    storage_backend: str = strawberry.field(
        description="`mongodb`, or `memory` for the embedded store that keeps nothing."
    )
    max_upload_bytes: Long = strawberry.field(
        description="The largest upload this server accepts, in bytes."
    )
    time: datetime = strawberry.field(description="The server's clock, in UTC.")
    signup_policy: str = strawberry.field(
        description="Who may create an account: `open`, `invite` (with a code) or `closed`."
    )
    graphiql_enabled: bool = strawberry.field(description="GET /graphql serves GraphiQL.")


SCALARS: dict[object, Any] = {Long: LONG_SCALAR, datetime: DATETIME_SCALAR}


@strawberry.type
class Query:
    @strawberry.field(description="The server's version and storage backend.")
    def server_info(self, info: Info) -> ServerInfo:
        return ServerInfo(
            version=__version__,
            storage_backend=info.context.db.backend,
            max_upload_bytes=Long(info.context.settings.max_upload_bytes),
            time=datetime.now(UTC),
            signup_policy=info.context.settings.signup,
            graphiql_enabled=info.context.settings.graphiql,
        )


QUERIES: tuple[type, ...] = (Query,)
MUTATIONS: tuple[type, ...] = ()
SUBSCRIPTIONS: tuple[type, ...] = ()
TYPES: tuple[type, ...] = ()
