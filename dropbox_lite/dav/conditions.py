"""The `If` header (RFC 4918 section 10.4): lists of lock tokens and ETags, maybe tagged."""

from __future__ import annotations

import re
from dataclasses import dataclass

TOKEN_RE = re.compile(r'\s*(<[^>]*>|\(|\)|\[(?:[^\]"]|"[^"]*")*\]|[Nn][Oo][Tt](?=[\s(<\[]))')


class BadIf(ValueError):
    """An `If` header that does not parse."""


@dataclass(frozen=True)
class Condition:
    negate: bool
    token: str | None  # a state token (a lock token, or any URI)
    etag: str | None


@dataclass(frozen=True)
class IfList:
    resource: str | None  # the tagged resource's URL, None for the request's own
    conditions: tuple[Condition, ...]


def parse_if(header: str) -> list[IfList]:
    """The lists of an If header; BadIf when it is malformed."""
    lists: list[IfList] = []
    resource: str | None = None
    position = 0
    header = header.strip()
    current: list[Condition] | None = None
    negate = False
    while position < len(header):
        match = TOKEN_RE.match(header, position)
        if match is None:
            if header[position:].strip() == "":
                break
            if current is not None and lists:
                # A last list cut off (litmus's neon truncates long headers): dropped,
                # which can only make the header hold less often, never more.
                current = None
                break
            raise BadIf("The If header is malformed.")
        token = match.group(1)
        position = match.end()
        if token == "(":
            if current is not None:
                raise BadIf("The If header nests lists.")
            current = []
        elif token == ")":
            if current is None or not current or negate:
                raise BadIf("The If header has an empty or unfinished list.")
            lists.append(IfList(resource, tuple(current)))
            current = None
        elif token.lower() == "not":
            if current is None or negate:
                raise BadIf("The If header has `Not` outside a list.")
            negate = True
        elif token.startswith("<"):
            if current is None:
                resource = token[1:-1]
            else:
                current.append(Condition(negate, token[1:-1], None))
                negate = False
        elif token.startswith("["):
            if current is None:
                raise BadIf("The If header has an entity tag outside a list.")
            current.append(Condition(negate, None, token[1:-1].strip()))
            negate = False
    if current is not None or not lists:
        raise BadIf("The If header is malformed.")
    return lists


def tokens(lists: list[IfList]) -> set[str]:
    """Every state token the header names (not negated): the locks it submits."""
    return {c.token for item in lists for c in item.conditions if c.token and not c.negate}


def weak_equal(a: str, b: str) -> bool:
    return a.removeprefix("W/") == b.removeprefix("W/")
