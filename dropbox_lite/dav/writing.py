"""The WebDAV methods that write: PUT, MKCOL, DELETE, MOVE, COPY, and PROPPATCH.

No method holds a rule of its own about files: names, access (a viewer's write is
PermissionDenied), quota and conflicts come from files' service as domain errors.
`write_mode`, `written` and `mtime_header` are shared with chunking.py's final MOVE.
"""

from __future__ import annotations

from typing import Any

from starlette.responses import Response

from dropbox_lite.core import errors
from dropbox_lite.dav import locks, resources, store
from dropbox_lite.dav import xmlbody as x
from dropbox_lite.dav.calls import (
    XML,
    Call,
    check_preconditions,
    error,
    guard,
    parent_folder,
    read_xml,
)
from dropbox_lite.dav.xmlbody import DAV, qname
from dropbox_lite.files import service as files
from dropbox_lite.files.records import EntryRecord

MAX_DEAD_PROPS = 200


# PROPPATCH.


async def proppatch(call: Call) -> Response:
    root = await read_xml(call)
    if root is None or root.tag != qname(DAV, "propertyupdate"):
        return error(400, "A PROPPATCH body is a DAV:propertyupdate element.")
    record = await call.space.resolve(call.segments)
    await call.space.may_write(record)
    refused = await guard(call, [(call.segments, False)])
    if refused is not None:
        return refused
    stored = (await store.props_of(call.space.db, [record.id])).get(record.id)
    dead = {} if stored is None else stored.dead_map()
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
        await store.set_dead_props(call.space.db, record.id, dead)
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


def mtime_header(call: Call) -> float | None:
    raw = call.header("x-oc-mtime")
    if raw is None:
        return None
    try:
        value = float(raw.strip())
    except ValueError:
        return None
    return value if 0 <= value < 1e11 else None


async def put(call: Call) -> Response:
    if not call.segments:
        return error(405, "The root folder is not a file.")
    if call.header("content-range") is not None:
        return error(400, "A partial PUT (Content-Range) is not supported.")
    length = call.header("content-length")
    limit = call.space.settings.max_upload_bytes
    if length is not None and length.isdigit() and int(length) > limit:
        return error(413, f"A file may be at most {limit} bytes on this server.")
    parent = await parent_folder(call, call.segments)
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
        mtime=mtime_header(call),
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
    parent = await parent_folder(call, call.segments)
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
    parent = await parent_folder(call, target)
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
