"""The WebDAV methods LOCK (create, refresh) and UNLOCK, over locks.py's store."""

from __future__ import annotations

from typing import Any

from starlette.responses import Response

from dropbox_lite.dav import conditions, locks, resources
from dropbox_lite.dav import xmlbody as x
from dropbox_lite.dav.body import BodyStream
from dropbox_lite.dav.calls import XML, Call, error, guard, parent_folder, read_xml
from dropbox_lite.dav.xmlbody import DAV, qname
from dropbox_lite.files import service as files


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
        parent = await parent_folder(call, call.segments)
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
