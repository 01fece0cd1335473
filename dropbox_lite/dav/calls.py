"""A WebDAV call (its request, space, path and body) and what every method shares.

The answers in WebDAV's shape (`error`, `domain_error`), the XML body of a request, and
the conditions a write must meet: the If header with its lock tokens (`guard`), and
If-Match / If-None-Match (`check_preconditions`). The methods themselves are in
reading.py, writing.py and locking.py; handlers.py is their table.
"""

from __future__ import annotations

import logging
from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from typing import Any

from starlette.requests import Request
from starlette.responses import Response

from dropbox_lite.core import errors
from dropbox_lite.dav import conditions, etags, locks, resources
from dropbox_lite.dav import xmlbody as x
from dropbox_lite.dav.body import BodyStream, TooLarge, read_capped
from dropbox_lite.dav.resources import Space
from dropbox_lite.files.records import EntryRecord

log = logging.getLogger(__name__)

XML = "application/xml; charset=utf-8"


@dataclass
class Call:
    request: Request
    space: Space
    segments: list[str]
    stream: BodyStream

    @property
    def key(self) -> str:
        return locks.path_key(self.segments)

    def header(self, name: str) -> str | None:
        return self.request.headers.get(name)


Handler = Callable[[Call], Awaitable[Response]]


def error(status: int, message: str, condition: str | None = None, **headers: str) -> Response:
    body = x.error_body(condition, message) if condition else x.message_body("Error", message)
    return Response(body, status_code=status, media_type=XML, headers=headers)


def domain_error(exc: errors.DomainError) -> Response:
    status = errors.answers_of(exc).dav
    if status >= 500 and status != 507:
        log.error("WebDAV request failed: %s", exc.message)
    return error(status, exc.message)


async def read_xml(call: Call) -> Any:
    """The body's root element, None when the body is empty. TooLarge, x.BadXml."""
    length = call.header("content-length")
    if length is not None and length.isdigit() and int(length) > x.MAX_XML_BYTES:
        raise TooLarge
    data = await read_capped(call.stream, x.MAX_XML_BYTES)
    if not data.strip():
        return None
    return x.parse(data)


async def parent_folder(call: Call, segments: list[str]) -> EntryRecord | Response:
    parent = await call.space.find(segments[:-1])
    if parent is None or parent.is_file:
        return error(409, "The folder to put this in does not exist.")
    return parent


# Conditions: If, If-Match, If-None-Match, and locks.


async def _state(call: Call, segments: list[str]) -> tuple[str | None, set[str]]:
    record = await call.space.find(segments)
    etag = None
    if record is not None:
        if record.is_file:
            etag = resources.file_etag(record)
        else:
            etag = (await etags.folder_etags(call.space.db, [record]))[record.id].etag
    held = await locks.covering(call.space.db, call.space.user.id, locks.path_key(segments))
    return etag, {lock.token for lock in held}


async def _if_holds(call: Call, lists: list[conditions.IfList]) -> bool:
    states: dict[str, tuple[str | None, set[str]]] = {}
    for item in lists:
        segments = call.segments
        if item.resource is not None:
            found = call.space.segments_of(item.resource)
            if found is None:
                continue
            segments = found
        key = locks.path_key(segments)
        if key not in states:
            states[key] = await _state(call, segments)
        etag, tokens = states[key]
        holds = True
        for c in item.conditions:
            if c.token is not None:
                met = c.token in tokens
            else:
                met = (
                    etag is not None and c.etag is not None and conditions.weak_equal(c.etag, etag)
                )
            if met == c.negate:
                holds = False
                break
        if holds:
            return True
    return False


async def guard(call: Call, writes: list[tuple[list[str], bool]]) -> Response | None:
    """412 when the If header fails, 423 when a write would break a lock not submitted.

    `writes`: the paths written, each with whether what is below it is written too.
    """
    header = call.header("if")
    lists: list[conditions.IfList] = []
    if header:
        try:
            lists = conditions.parse_if(header)
        except conditions.BadIf as exc:
            return error(400, str(exc))
        if not await _if_holds(call, lists):
            return error(412, "The If header's conditions do not hold.")
    submitted = conditions.tokens(lists)
    for segments, below in writes:
        key = locks.path_key(segments)
        held = await locks.covering(call.space.db, call.space.user.id, key, below=below)
        above = [lock for lock in held if locks.covers(lock, key)]
        under = [lock for lock in held if not locks.covers(lock, key)]
        if (above and not any(lock.token in submitted for lock in above)) or any(
            lock.token not in submitted for lock in under
        ):
            root = (above or under)[0].root
            return Response(
                x.error_body("lock-token-submitted", "").replace(
                    b"<d:lock-token-submitted/>",
                    f"<d:lock-token-submitted><d:href>{x.text(root)}</d:href>"
                    "</d:lock-token-submitted>".encode(),
                ),
                status_code=423,
                media_type=XML,
            )
    return None


def _match_list(header: str) -> list[str]:
    return [t.strip() for t in header.split(",") if t.strip()]


def check_preconditions(call: Call, existing: EntryRecord | None, etag: str | None) -> bool:
    """If-Match and If-None-Match (RFC 9110 section 13) against the current entry."""
    if_match = call.header("if-match")
    if if_match is not None:
        tags = _match_list(if_match)
        if existing is None or etag is None:
            return False
        if "*" not in tags and not any(conditions.weak_equal(t, etag) for t in tags):
            return False
    if_none = call.header("if-none-match")
    if if_none is not None and existing is not None:
        tags = _match_list(if_none)
        if "*" in tags or (etag is not None and any(conditions.weak_equal(t, etag) for t in tags)):
            return False
    return True
