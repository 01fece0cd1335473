"""The WebDAV methods that read: GET and HEAD (one handler), PROPFIND."""

from __future__ import annotations

from collections.abc import AsyncIterator
from typing import Any

from starlette.responses import Response, StreamingResponse

from dropbox_lite.dav import locks, resources, store
from dropbox_lite.dav import xmlbody as x
from dropbox_lite.dav.calls import XML, Call, error, read_xml
from dropbox_lite.dav.xmlbody import DAV, qname
from dropbox_lite.files import routes as file_routes
from dropbox_lite.files import service as files
from dropbox_lite.files.records import EntryRecord

# A folder's PROPFIND streams its children in pages of this many (one query each).
PAGE = files.MAX_PAGE


def _with(response: Response, **headers: str) -> Response:
    for k, v in headers.items():
        response.headers[k.replace("_", "-")] = v
    return response


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
