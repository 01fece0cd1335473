"""Nextcloud chunked upload v2 under `/remote.php/dav/uploads/{user}/{transferId}/`.

MKCOL the transfer folder (with `OC-Total-Length`, checked against the quota up
front: 507), PUT the chunks (named by number, or `start-end` as rclone names them),
then MOVE `.file` to the destination. The chunks are staged in `dav_chunks` in
pieces of 1 MiB; the MOVE streams them, in order, through files' `store_file`, so the
commit is the same upload as any other (hashing, quota, write modes, conflicts). It
is not yet a metadata-only commit: that waits for the content plane's blocks.
"""

from __future__ import annotations

import re
from collections.abc import AsyncIterator
from datetime import UTC, datetime, timedelta
from typing import Any

from bson import ObjectId
from starlette.requests import Request
from starlette.responses import Response

from dropbox_lite.core import errors
from dropbox_lite.dav import handlers, store
from dropbox_lite.dav import xmlbody as x
from dropbox_lite.dav.body import BodyStream
from dropbox_lite.dav.resources import BadPath, Space, http_date

NAME_RE = re.compile(r"[A-Za-z0-9_.-]{1,100}")
CHUNK_RE = re.compile(r"[A-Za-z0-9_-]{1,64}")
MAX_CHUNKS = 10_000
LIFETIME = timedelta(hours=24)


def _order(name: str) -> tuple[list[int], str]:
    return [int(n) for n in re.findall(r"\d+", name)], name


class ChunkReader:
    """The staged chunks of an upload, in order, as one `Readable`."""

    def __init__(self, upload_id: ObjectId, attempts: list[ObjectId], db: Any) -> None:
        self._pieces = self._all(db, upload_id, attempts)
        self._buffer = bytearray()
        self._done = False

    @staticmethod
    async def _all(db: Any, upload_id: ObjectId, attempts: list[ObjectId]) -> AsyncIterator[bytes]:
        for attempt in attempts:
            async for piece in store.pieces(db, upload_id, attempt):
                yield piece

    async def read(self, size: int = -1, /) -> bytes:
        while not self._done and (size < 0 or len(self._buffer) < size):
            piece = await anext(self._pieces, None)
            if piece is None:
                self._done = True
            else:
                self._buffer += piece
        if size < 0 or size >= len(self._buffer):
            data = bytes(self._buffer)
            self._buffer.clear()
            return data
        data = bytes(self._buffer[:size])
        del self._buffer[:size]
        return data


def _total(request: Request) -> int | None:
    raw = request.headers.get("oc-total-length")
    return int(raw) if raw is not None and raw.isdigit() and len(raw) < 20 else None


async def _quota_refusal(space: Space, total: int | None) -> Response | None:
    if total is None:
        return None
    if total > space.settings.max_upload_bytes:
        return handlers.error(
            413, f"A file may be at most {space.settings.max_upload_bytes} bytes."
        )
    used = await space.usage()
    if used.quota_bytes is not None and used.used_bytes + total > used.quota_bytes:
        return handlers.error(507, errors.QuotaExceeded.default_message)
    return None


async def handle(
    request: Request, space: Space, segments: list[str], stream: BodyStream
) -> Response:
    method = request.method.upper()
    db, user_id = space.db, space.user.id
    if not segments:
        if method in ("PROPFIND", "OPTIONS"):
            return Response(x.multistatus([]), status_code=207, media_type=handlers.XML)
        return handlers.error(405, "Create a transfer folder below this one.")
    name = segments[0]
    if not NAME_RE.fullmatch(name) or len(segments) > 2:
        return handlers.error(404, errors.NotFound.default_message)
    upload = await store.find_upload(db, user_id, name)
    if len(segments) == 1:
        if method == "MKCOL":
            if upload is not None:
                return handlers.error(405, "This transfer exists already.")
            refused = await _quota_refusal(space, _total(request))
            if refused is not None:
                return refused
            at = datetime.now(UTC)
            for old in await store.expired_uploads(db, user_id, at - LIFETIME):
                await store.delete_upload(db, old)
            doc = {
                "_id": ObjectId(),
                "user_id": ObjectId(user_id),
                "name": name,
                "created_at": at,
                "chunks": {},
            }
            if not await store.insert_upload(db, doc):
                return handlers.error(405, "This transfer exists already.")
            return Response(b"", status_code=201)
        if upload is None:
            return handlers.error(404, errors.NotFound.default_message)
        if method == "DELETE":
            await store.delete_upload(db, upload["_id"])
            return Response(b"", status_code=204)
        if method == "PROPFIND":
            return _listing(space, upload, request)
        return handlers.error(405, f"{method} is not allowed on a transfer folder.")
    if upload is None:
        return handlers.error(404, errors.NotFound.default_message)
    chunk = segments[1]
    if chunk == ".file" and method == "MOVE":
        return await _assemble(request, space, upload, stream)
    if method != "PUT":
        return handlers.error(405, f"{method} is not allowed on a chunk.")
    if not CHUNK_RE.fullmatch(chunk):
        return handlers.error(400, "A chunk is named by its number.")
    if len(upload.get("chunks", {})) >= MAX_CHUNKS:
        return handlers.error(400, f"A transfer has at most {MAX_CHUNKS} chunks.")
    staged = sum(int(v[1]) for k, v in upload.get("chunks", {}).items() if k != f"c_{chunk}")
    attempt = ObjectId()
    size, n = 0, 0
    limit = space.settings.max_upload_bytes - staged
    try:
        while True:
            piece = await stream.read(store.PIECE)
            if not piece:
                break
            size += len(piece)
            if size > limit:
                raise errors.FileTooLarge(
                    f"A file may be at most {space.settings.max_upload_bytes} bytes."
                )
            await store.put_piece(db, upload["_id"], chunk, attempt, n, piece)
            n += 1
    except BaseException:
        await store.drop_attempt(db, upload["_id"], attempt)
        raise
    await store.commit_chunk(db, upload["_id"], chunk, attempt, size)
    return Response(b"", status_code=201)


def _listing(space: Space, upload: dict[str, Any], request: Request) -> Response:
    base = f"/remote.php/dav/uploads/{space.user.username}/{upload['name']}"
    parts = [
        x.response(
            base + "/", [x.PropStat(200, ["<d:resourcetype><d:collection/></d:resourcetype>"])]
        )
    ]
    for key, (_, size) in sorted(upload.get("chunks", {}).items()):
        props = [
            f"<d:getcontentlength>{int(size)}</d:getcontentlength>",
            "<d:resourcetype/>",
            f"<d:getlastmodified>{http_date(store.aware(upload['created_at']))}</d:getlastmodified>",
        ]
        parts.append(x.response(f"{base}/{key[2:]}", [x.PropStat(200, props)]))
    depth = (request.headers.get("depth") or "1").strip()
    return Response(
        x.multistatus(parts if depth != "0" else parts[:1]),
        status_code=207,
        media_type=handlers.XML,
    )


async def _assemble(
    request: Request, space: Space, upload: dict[str, Any], stream: BodyStream
) -> Response:
    destination = request.headers.get("destination")
    if not destination:
        return handlers.error(400, "A Destination header is needed.")
    files_space = Space(
        db=space.db,
        settings=space.settings,
        user=space.user,
        session=space.session,
        base=f"/remote.php/dav/files/{space.user.username}",
    )
    try:
        target = files_space.segments_of(destination)
    except BadPath as exc:
        return handlers.error(400, str(exc))
    if target is None:
        # The username in the Destination may be spelled in another case.
        from urllib.parse import urlsplit

        path = urlsplit(destination).path
        prefix = "/remote.php/dav/files/"
        if path.lower().startswith((prefix + space.user.username + "/").lower()):
            files_space.base = path[: len(prefix) + len(space.user.username)]
            target = files_space.segments_of(destination)
    if not target:
        return handlers.error(502, "The Destination is not in this user's files.")
    chunks = sorted(upload.get("chunks", {}).items(), key=lambda kv: _order(kv[0][2:]))
    total = sum(int(size) for _, (_, size) in chunks)
    declared = _total(request)
    if declared is not None and declared != total:
        return handlers.error(
            400, f"The chunks hold {total} bytes, not OC-Total-Length {declared}."
        )
    call = handlers.Call(request, files_space, target, stream)
    parent = await handlers._parent(call, target)
    if isinstance(parent, Response):
        return parent
    existing = await files_space.child(parent, target[-1])
    if existing is not None and not existing.is_file:
        return handlers.error(409, "A folder has this name.")
    from dropbox_lite.dav.resources import file_etag

    etag = file_etag(existing) if existing is not None else None
    if not handlers.check_preconditions(call, existing, etag):
        return handlers.error(412, "The file is not in the state the request's conditions name.")
    refused = await handlers.guard(call, [(target, False)])
    if refused is not None:
        return refused
    reader = ChunkReader(upload["_id"], [ObjectId(a) for _, (a, _) in chunks], space.db)
    response = await handlers.store_upload(
        call,
        parent=parent,
        name=target[-1],
        existing=existing,
        stream=reader,
        mtime=handlers._mtime_header(call),
    )
    await store.delete_upload(space.db, upload["_id"])
    return response
