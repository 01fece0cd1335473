"""Expected errors as members of GraphQL result unions.

Each member type names the domain error it answers (`@answers`); a resolver's result
union is the one list of the errors it answers, and `@refusals` answers a domain error
with that union's member for it. An error the union has no member for goes on to
`errors[]` (core.api.ErrorPolicy), as BAD_USER_INPUT with the error's code as `reason`
when it is an outcome another union answers.
"""

from __future__ import annotations

import functools
import typing
from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from typing import Any, ParamSpec, TypeVar, overload

import strawberry

from dropbox_lite.core import errors
from dropbox_lite.core.api import Error, ErrorCode, Info

P = ParamSpec("P")
R = TypeVar("R")
M = TypeVar("M", bound=type)
T = TypeVar("T", bound=Error)

# A member's fields besides `message` and `code`, from the error (and the request);
# None when this error is not one the member can stand for (the next member is tried).
Fields = Callable[[errors.DomainError, "Info | None"], "dict[str, Any] | None"]


def _no_fields(error: errors.DomainError, info: Info | None) -> dict[str, Any]:
    return {}


@dataclass(frozen=True)
class Member:
    error: type[errors.DomainError]
    code: ErrorCode
    fields: Fields


# Union member type -> what it answers; filled by @answers where each member is declared.
MEMBERS: dict[type, Member] = {}


def answers(error: type[errors.DomainError], fields: Fields = _no_fields) -> Callable[[M], M]:
    """Class decorator: this union member answers `error` (and its subclasses)."""

    def register(member: M) -> M:
        MEMBERS[member] = Member(error=error, code=ErrorCode(error.code), fields=fields)
        return member

    return register


def members_of(result: Any) -> tuple[type, ...]:
    """The member types of a result union (`Annotated[A | B, strawberry.union(...)]`)."""
    if typing.get_origin(result) is typing.Annotated:
        result = typing.get_args(result)[0]
    return typing.get_args(result) or (result,)


def _built(member: type, error: errors.DomainError, info: Info | None) -> Any:
    found = MEMBERS.get(member)
    if found is None or not isinstance(error, found.error):
        return None
    fields = found.fields(error, info)
    return None if fields is None else member(message=error.message, code=found.code, **fields)


def answer(member: type[T], error: errors.DomainError, info: Info | None = None) -> T:
    """`member` answering `error`; raise `error` when it cannot stand for it."""
    built = _built(member, error, info)
    if built is None:
        raise error
    return typing.cast(T, built)


def refusal(
    error: errors.DomainError,
    result: Any,
    info: Info | None = None,
    *,
    passing: tuple[type[errors.DomainError], ...] = (),
) -> Any:
    """The first member of the union `result` that answers `error`; raise `error` when
    none does (or when it is one of `passing`)."""
    if not isinstance(error, passing):
        for member in members_of(result):
            built = _built(member, error, info)
            if built is not None:
                return built
    raise error


@functools.cache
def _result_union(resolver: Callable[..., Any]) -> Any:
    return typing.get_type_hints(resolver, include_extras=True)["return"]


@overload
def refusals(resolver: Callable[P, Awaitable[R]], /) -> Callable[P, Awaitable[R]]: ...


@overload
def refusals(
    *, passing: tuple[type[errors.DomainError], ...]
) -> Callable[[Callable[P, Awaitable[R]]], Callable[P, Awaitable[R]]]: ...


def refusals(
    resolver: Callable[P, Awaitable[R]] | None = None,
    /,
    *,
    passing: tuple[type[errors.DomainError], ...] = (),
) -> Any:
    """Resolver decorator: a domain error raised anywhere in the resolver is answered with
    the member of its declared result union (see `refusal`); `passing` errors, and those
    the union has no member for, go to errors[]. A resolver that must send some error
    of its union's kinds to errors[] keeps that step outside (files.api restoreRevision)
    or answers the other one itself with `answer` (auth.api login)."""

    def decorate(resolver: Callable[P, Awaitable[R]]) -> Callable[P, Awaitable[R]]:
        @functools.wraps(resolver)
        async def answering(*args: P.args, **kwargs: P.kwargs) -> R:
            try:
                return await resolver(*args, **kwargs)
            except errors.DomainError as error:
                info = kwargs.get("info")
                if not isinstance(info, strawberry.Info):
                    info = None
                found = refusal(error, _result_union(resolver), info, passing=passing)
                return typing.cast(R, found)

        return answering

    return decorate if resolver is None else decorate(resolver)
