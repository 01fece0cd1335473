"""The WebDAV methods (RFC 4918 classes 1 and 2), each over files' service.

No method holds a rule of its own about files: names, access (a viewer's write is
PermissionDenied), quota and conflicts come from the service as domain errors, and the
WebDAV column of `errors.ANSWERS` turns them into statuses. What is WebDAV's own is
here: paths and Destination headers, Depth and Overwrite, If headers and locks,
properties.
"""

from __future__ import annotations

import logging
from collections.abc import AsyncIterator, Awaitable, Callable
from dataclasses import dataclass
from typing import Any

from starlette.requests import Request
from starlette.responses import Response, StreamingResponse

from dropbox_lite.core import errors
from dropbox_lite.dav import conditions, etags, locks, resources, store
from dropbox_lite.dav import xmlbody as x
from dropbox_lite.dav.body import BodyStream, TooLarge, read_capped
from dropbox_lite.dav.resources import Space
from dropbox_lite.dav.xmlbody import DAV, qname
from dropbox_lite.files import routes as file_routes
from dropbox_lite.files import service as files
from dropbox_lite.files.records import EntryRecord

log = logging.getLogger(__name__)

ALLOW = "OPTIONS, GET, HEAD, PUT, DELETE, MKCOL, COPY, MOVE, PROPFIND, PROPPATCH, LOCK, UNLOCK"
XML = "application/xml; charset=utf-8"
MAX_DEAD_PROPS = 200
# A folder's PROPFIND streams its children in pages of this many (one query each).
PAGE = files.MAX_PAGE


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


def _with(response: Response, **headers: str) -> Response:
    for k, v in headers.items():
        response.headers[k.replace("_", "-")] = v
    return response


async def read_xml(call: Call) -> Any:
    """The body's root element, None when the body is empty. TooLarge, x.BadXml."""
    length = call.header("content-length")
    if length is not None and length.isdigit() and int(length) > x.MAX_XML_BYTES:
        raise TooLarge
    data = await read_capped(call.stream, x.MAX_XML_BYTES)
    if not data.strip():
        return None
    return x.parse(data)


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


# OPTIONS, GET, HEAD.


async def options(call: Call) -> Response:
    return Response(
        b"",
        headers={
            "dav": "1, 2",
            "ms-author-via": "DAV",
            "allow": ALLOW,
            "accept-ranges": "bytes",
        },
    )


async def get(call: Call) -> Response:
    record = await call.space.resolve(call.segments)
    if not record.is_file:
        text = f"{record.name or '/'} is a folder: open it with a WebDAV client.\n"
        return Response(text.encode(), media_type="text/plain; charset=utf-8")
    stored = (await store.props_of(call.space.db, [record.id])).get(record.id)
    response = await file_routes.blob_response(
        call.request,
        db=call.space.db,
        blob_id=record.blob_id,
        size=record.size,
        content_hash=record.content_hash,
        name=record.name,
        mime_type=record.mime_type,
    )
    return _with(
        response,
        last_modified=resources.http_date(resources.mtime_of(record, stored)),
        oc_etag=resources.file_etag(record),
        oc_fileid=record.id,
    )


# PROPFIND and PROPPATCH.


def _propfind_request(root: Any) -> tuple[str, list[str]]:
    if root is None:
        return "allprop", []
    if root.tag != qname(DAV, "propfind"):
        raise x.BadXml("A PROPFIND body is a DAV:propfind element.")
    for child in root:
        if child.tag == qname(DAV, "allprop"):
            include = root.find(qname(DAV, "include"))
            return "allprop", [p.tag for p in include] if include is not None else []
        if child.tag == qname(DAV, "propname"):
            return "propname", []
        if child.tag == qname(DAV, "prop"):
            return "prop", [p.tag for p in child]
    raise x.BadXml("A DAV:propfind holds DAV:allprop, DAV:propname or DAV:prop.")


async def propfind(call: Call) -> Response:
    depth = (call.header("depth") or "infinity").strip().lower()
    if depth not in ("0", "1"):
        return error(
            403, "PROPFIND with Depth: infinity is refused; use 0 or 1.", "propfind-finite-depth"
        )
    mode, wanted = _propfind_request(await read_xml(call))
    space = call.space
    record = await space.resolve(call.segments)
    held_all = await locks.all_of(space.db, space.user.id)

    def held(segments: list[str]) -> list[locks.Lock]:
        key = locks.path_key(segments)
        return [lock for lock in held_all if locks.covers(lock, key)]

    async def rendered(records: list[EntryRecord], paths: list[list[str]]) -> str:
        described = await resources.describe(space, records)
        parts = []
        for item, segments in zip(records, paths, strict=True):
            stats = await resources.propstats(
                space, item, mode=mode, wanted=wanted, described=described, held=held(segments)
            )
            parts.append(x.response(space.href(segments, not item.is_file), stats))
        return "".join(parts)

    async def page(after: str | None) -> files.EntryPage:
        return await files.list_children(
            db=space.db,
            user_id=space.user.id,
            folder_id=record.id,
            first=PAGE,
            after=after,
            count=False,
            folder=record,
        )

    def paths(items: list[EntryRecord]) -> list[list[str]]:
        return [[*call.segments, i.name] for i in items]

    listed = depth == "1" and not record.is_file
    current = await page(None) if listed else None
    # The first page is described with the folder: one walk for both their ETags.
    items = current.items if current is not None else []
    first = await rendered([record, *items], [call.segments, *paths(items)])

    async def body() -> AsyncIterator[bytes]:
        yield (x.MULTISTATUS_OPEN + first).encode()
        following = current
        while following is not None and following.has_next_page:
            following = await page(following.end_cursor)
            yield (await rendered(following.items, paths(following.items))).encode()
        yield x.MULTISTATUS_CLOSE.encode()

    return StreamingResponse(body(), status_code=207, media_type=XML)


async def proppatch(call: Call) -> Response:
    root = await read_xml(call)
    if root is None or root.tag != qname(DAV, "propertyupdate"):
        return error(400, "A PROPPATCH body is a DAV:propertyupdate element.")
    record = await call.space.resolve(call.segments)
    await call.space.may_write(record)
    refused = await guard(call, [(call.segments, False)])
    if refused is not None:
        return refused
    stored = (await store.props_of(call.space.db, [record.id])).get(record.id) or {}
    dead = {p["name"]: p["xml"] for p in stored.get("dead", [])}
    results: list[tuple[str, int]] = []
    mtime: float | None = None
    for action in root:
        if action.tag not in (qname(DAV, "set"), qname(DAV, "remove")):
            continue
        prop = action.find(qname(DAV, "prop"))
        for item in prop if prop is not None else []:
            name = item.tag
            if (
                name == qname(DAV, "getlastmodified")
                and record.is_file
                and action.tag.endswith("set")
            ):
                try:
                    mtime = parsedate(item.text or "")
                except ValueError:
                    results.append((name, 409))
                    continue
                results.append((name, 200))
            elif name in resources.LIVE:
                results.append((name, 403))
            elif action.tag == qname(DAV, "set"):
                dead[name] = x.serialize(item)
                results.append((name, 200))
            else:
                dead.pop(name, None)
                results.append((name, 200))
    if len(dead) > MAX_DEAD_PROPS:
        results = [(n, 507 if s == 200 else s) for n, s in results]
    failed = any(status != 200 for _, status in results)
    if failed:
        results = [(n, 424 if s == 200 else s) for n, s in results]
    else:
        await store.set_dead_props(
            call.space.db, record.id, [{"name": k, "xml": v} for k, v in dead.items()]
        )
        if mtime is not None:
            await store.set_mtime(call.space.db, record.id, record.rev, mtime)
    by_status: dict[int, list[str]] = {}
    for name, status in results:
        by_status.setdefault(status, []).append(x.empty_element(name))
    answer = x.response(
        call.space.href(call.segments, not record.is_file),
        [x.PropStat(s, p) for s, p in by_status.items()],
    )
    return Response(x.multistatus([answer]), status_code=207, media_type=XML)


def parsedate(value: str) -> float:
    from email.utils import parsedate_to_datetime

    try:
        return parsedate_to_datetime(value.strip()).timestamp()
    except (TypeError, ValueError, IndexError):
        raise ValueError(value) from None


# PUT and MKCOL.


def _mtime_header(call: Call) -> float | None:
    raw = call.header("x-oc-mtime")
    if raw is None:
        return None
    try:
        value = float(raw.strip())
    except ValueError:
        return None
    return value if 0 <= value < 1e11 else None


async def _parent(call: Call, segments: list[str]) -> EntryRecord | Response:
    parent = await call.space.find(segments[:-1])
    if parent is None or parent.is_file:
        return error(409, "The folder to put this in does not exist.")
    return parent


async def put(call: Call) -> Response:
    if not call.segments:
        return error(405, "The root folder is not a file.")
    if call.header("content-range") is not None:
        return error(400, "A partial PUT (Content-Range) is not supported.")
    length = call.header("content-length")
    limit = call.space.settings.max_upload_bytes
    if length is not None and length.isdigit() and int(length) > limit:
        return error(413, f"A file may be at most {limit} bytes on this server.")
    parent = await _parent(call, call.segments)
    if isinstance(parent, Response):
        return parent
    existing = await call.space.child(parent, call.segments[-1])
    if existing is not None and not existing.is_file:
        return error(405, "A folder has this name; a PUT cannot replace it.")
    etag = resources.file_etag(existing) if existing is not None else None
    if not check_preconditions(call, existing, etag):
        return error(412, "The file is not in the state the request's conditions name.")
    refused = await guard(call, [(call.segments, False)])
    if refused is not None:
        return refused
    return await store_upload(
        call,
        parent=parent,
        name=call.segments[-1],
        existing=existing,
        stream=call.stream,
        mtime=_mtime_header(call),
    )


async def store_upload(
    call: Call,
    *,
    parent: EntryRecord,
    name: str,
    existing: EntryRecord | None,
    stream: Any,
    mtime: float | None,
) -> Response:
    """Store the bytes under `name` in `parent` with the write mode the conditions ask."""
    mode, parent_rev = write_mode(call, existing)
    try:
        record = await files.store_file(
            db=call.space.db,
            settings=call.space.settings,
            user_id=call.space.user.id,
            file_obj=stream,
            folder_id=parent.id,
            name=name,
            mode=mode,
            parent_rev=parent_rev,
            username=call.space.user.username,
        )
    except errors.NameTaken:
        return error(412, "The file exists now.")
    return await written(call, record, existing, mtime)


def write_mode(call: Call, existing: EntryRecord | None) -> tuple[str, int | None]:
    """The write mode (and parent revision) the request's conditions ask for."""
    if call.header("if-none-match") is not None and existing is None:
        return "add", None  # someone creating it meanwhile must not be overwritten
    if call.header("if-match") is not None and existing is not None:
        return "update", existing.rev  # a write meanwhile is a conflict
    return "overwrite", None


async def written(
    call: Call, record: EntryRecord, existing: EntryRecord | None, mtime: float | None
) -> Response:
    """The answer to a file write: its ETags and id, the client's mtime kept."""
    headers = {
        "etag": resources.file_etag(record),
        "oc-etag": resources.file_etag(record),
        "oc-fileid": record.id,
    }
    if mtime is not None:
        await store.set_mtime(call.space.db, record.id, record.rev, mtime)
        headers["x-oc-mtime"] = "accepted"
    return Response(b"", status_code=204 if existing is not None else 201, headers=headers)


async def mkcol(call: Call) -> Response:
    if call.header("content-length") not in (None, "0") or call.header("transfer-encoding"):
        if await call.stream.read(1):
            return error(415, "MKCOL takes no body.")
    if not call.segments:
        return error(405, "The root folder exists.")
    parent = await _parent(call, call.segments)
    if isinstance(parent, Response):
        return parent
    if await call.space.child(parent, call.segments[-1]) is not None:
        return error(405, "Something has this name already.")
    refused = await guard(call, [(call.segments, False)])
    if refused is not None:
        return refused
    try:
        record = await files.create_folder(
            db=call.space.db,
            user_id=call.space.user.id,
            parent_id=parent.id,
            name=call.segments[-1],
        )
    except errors.NameTaken:
        return error(405, "Something has this name already.")
    return Response(b"", status_code=201, headers={"oc-fileid": record.id})


# DELETE, MOVE, COPY.


async def delete(call: Call) -> Response:
    record = await call.space.resolve(call.segments)
    if record.parent_id is None:
        return error(403, "The root folder cannot be deleted.")
    if call.header("if-match") is not None or call.header("if-none-match") is not None:
        etag = resources.file_etag(record) if record.is_file else None
        if not check_preconditions(call, record, etag):
            return error(412, "The entry is not in the state the request's conditions name.")
    refused = await guard(call, [(call.segments, True)])
    if refused is not None:
        return refused
    await files.delete_entry(db=call.space.db, user_id=call.space.user.id, entry_id=record.id)
    await locks.forget(call.space.db, call.space.user.id, call.key)
    return Response(b"", status_code=204)


async def move(call: Call) -> Response:
    return await _transfer(call, copy=False)


async def copy(call: Call) -> Response:
    return await _transfer(call, copy=True)


async def _transfer(call: Call, *, copy: bool) -> Response:
    space = call.space
    destination = call.header("destination")
    if not destination:
        return error(400, "A Destination header is needed.")
    try:
        target = space.segments_of(destination)
    except resources.BadPath as exc:
        return error(400, str(exc))
    if target is None:
        return error(502, "The Destination is not on this WebDAV space.")
    overwrite = (call.header("overwrite") or "T").strip().upper()
    if overwrite not in ("T", "F"):
        return error(400, "Overwrite is T or F.")
    depth = (call.header("depth") or "infinity").strip().lower()
    source = await space.resolve(call.segments)
    if source.parent_id is None or not target:
        return error(403, "The root folder cannot be moved, copied or replaced.")
    if not source.is_file and (depth not in ("0", "infinity") or (not copy and depth == "0")):
        return error(400, "A folder is moved with Depth: infinity, copied with 0 or infinity.")
    source_key, target_key = call.key, locks.path_key(target)
    if target_key == source_key and copy:
        return error(403, "The source and the destination are the same.")
    if target_key.startswith(source_key + "/"):
        return error(403, "A folder cannot go into itself.")
    parent = await _parent(call, target)
    if isinstance(parent, Response):
        return parent
    existing = await space.child(parent, target[-1])
    same = existing is not None and existing.id == source.id
    writes = [(target, True)] + ([] if copy else [(call.segments, True)])
    refused = await guard(call, writes)
    if refused is not None:
        return refused
    replaced = existing is not None and not same
    if replaced:
        assert existing is not None
        if overwrite == "F":
            return error(412, "The destination exists and Overwrite is F.")
        await files.delete_entry(db=space.db, user_id=space.user.id, entry_id=existing.id)
        await locks.forget(space.db, space.user.id, target_key)
    name = target[-1]
    if copy:
        if not source.is_file and depth == "0":
            made = await files.create_folder(
                db=space.db, user_id=space.user.id, parent_id=parent.id, name=name
            )
        else:
            made = await files.copy_entry(
                db=space.db,
                user_id=space.user.id,
                entry_id=source.id,
                parent_id=parent.id,
                name=name,
            )
        await store.copy_props(space.db, source.id, made.id)
    else:
        if source.parent_id == parent.id:
            if source.name != name:
                made = await files.rename_entry(
                    db=space.db, user_id=space.user.id, entry_id=source.id, name=name
                )
            else:
                made = source
        else:
            made = await files.move_entry(
                db=space.db,
                user_id=space.user.id,
                entry_id=source.id,
                parent_id=parent.id,
                name=name,
            )
        await locks.forget(space.db, space.user.id, source_key)
    headers = {"oc-fileid": made.id}
    if made.is_file:
        headers["oc-etag"] = headers["etag"] = resources.file_etag(made)
    return Response(b"", status_code=204 if replaced else 201, headers=headers)


# LOCK and UNLOCK.


def _lock_answer(lock: locks.Lock, status: int) -> Response:
    body = (
        f'<?xml version="1.0" encoding="utf-8"?>\n<d:prop {x.NAMESPACES}><d:lockdiscovery>'
        f"{resources.lock_xml(lock)}</d:lockdiscovery></d:prop>"
    ).encode()
    return Response(
        body, status_code=status, media_type=XML, headers={"lock-token": f"<{lock.token}>"}
    )


async def lock(call: Call) -> Response:
    space = call.space
    root = await read_xml(call)
    timeout = locks.parse_timeout(call.header("timeout"))
    if root is None:
        # A refresh: the If header names the lock.
        header = call.header("if") or ""
        try:
            named = conditions.tokens(conditions.parse_if(header)) if header else set()
        except conditions.BadIf as exc:
            return error(400, str(exc))
        for token in named:
            found = await locks.get(space.db, space.user.id, token)
            if found is not None and locks.covers(found, call.key):
                refreshed = await locks.refresh(space.db, space.user.id, token, timeout)
                if refreshed is not None:
                    return _lock_answer(refreshed, 200)
        return error(
            412,
            "A lock refresh must name a lock on this resource in its If header.",
            "lock-token-matches-request-uri",
        )
    if root.tag != qname(DAV, "lockinfo"):
        return error(400, "A LOCK body is a DAV:lockinfo element.")
    scope_node = root.find(qname(DAV, "lockscope"))
    scope = "exclusive"
    if scope_node is not None and scope_node.find(qname(DAV, "shared")) is not None:
        scope = "shared"
    type_node = root.find(qname(DAV, "locktype"))
    if type_node is None or type_node.find(qname(DAV, "write")) is None:
        return error(400, "Only write locks exist.")
    owner_node = root.find(qname(DAV, "owner"))
    owner_xml = x.serialize(owner_node) if owner_node is not None else ""
    depth = (call.header("depth") or "infinity").strip().lower()
    if depth not in ("0", "infinity"):
        return error(400, "A lock has Depth 0 or infinity.")
    record = await space.find(call.segments)
    if record is not None:
        await space.may_write(record)
    status = 200
    if record is None:
        if not call.segments:
            return error(409, "Nothing is here to lock.")
        parent = await _parent(call, call.segments)
        if isinstance(parent, Response):
            return parent
    refused = await guard(call, [])
    if refused is not None:
        return refused
    made = await locks.create(
        space.db,
        space.user.id,
        call.key,
        depth=locks.INFINITY if depth == "infinity" else "0",
        scope=scope,
        owner_xml=owner_xml,
        timeout=timeout,
        root=space.href(call.segments, record is not None and not record.is_file),
    )
    if made is None:
        return error(423, "A conflicting lock is held.", "no-conflicting-lock")
    if record is None:
        # RFC 4918 section 7.3: locking an unmapped URL creates an empty resource.
        assert not isinstance(parent, Response)
        try:
            await files.store_file(
                db=space.db,
                settings=space.settings,
                user_id=space.user.id,
                file_obj=BodyStream(_empty),
                folder_id=parent.id,
                name=call.segments[-1],
                mode="add",
            )
        except BaseException:
            await locks.release(space.db, space.user.id, made.token)
            raise
        status = 201
    return _lock_answer(made, status)


async def _empty() -> dict[str, Any]:
    return {"type": "http.request", "body": b"", "more_body": False}


async def unlock(call: Call) -> Response:
    raw = (call.header("lock-token") or "").strip()
    if not (raw.startswith("<") and raw.endswith(">")):
        return error(400, "UNLOCK needs a Lock-Token header: <token>.")
    found = await locks.get(call.space.db, call.space.user.id, raw[1:-1])
    if found is None or not locks.covers(found, call.key):
        return error(409, "No such lock on this resource.", "lock-token-matches-request-uri")
    await locks.release(call.space.db, call.space.user.id, found.token)
    return Response(b"", status_code=204)


HANDLERS: dict[str, Handler] = {
    "OPTIONS": options,
    "GET": get,
    "HEAD": get,
    "PUT": put,
    "MKCOL": mkcol,
    "DELETE": delete,
    "MOVE": move,
    "COPY": copy,
    "PROPFIND": propfind,
    "PROPPATCH": proppatch,
    "LOCK": lock,
    "UNLOCK": unlock,
}
