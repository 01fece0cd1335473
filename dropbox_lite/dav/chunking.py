"""Nextcloud chunked upload v2 under `/remote.php/dav/uploads/{user}/{transferId}/`,
built on the content plane's upload sessions (files/sessions.py).

- MKCOL of the transfer starts an upload session; `OC-Total-Length`, when sent, is
  its declared length, checked at once against MAX_UPLOAD_BYTES (413) and the free
  quota (507).
- Each chunk PUT appends its bytes to the session, which stores them as 4 MiB blocks
  as they fill. Chunks are named by number (Nextcloud's 1..N) or by `start-end` offsets
  (rclone), and must come in order, as the desktop client and rclone send them: a
  chunk out of order or after a gap is refused (400) and changes nothing. The same chunk sent
  again is resumed where its bytes stopped (a cut PUT), or accepted unchanged once whole.
- MOVE of `.file` finishes the session: a commit of its block list, no byte copied
  (with `OC-Total-Length` declared at MKCOL; without it, the last short block is
  stored at the MOVE). Write modes, `If-Match`, quota and conflicts as for a PUT.
- DELETE of the transfer cancels the session.
"""

from __future__ import annotations

import re
from datetime import UTC, datetime
from urllib.parse import urlsplit

from bson import ObjectId
from starlette.requests import Request
from starlette.responses import Response

from dropbox_lite.core import errors
from dropbox_lite.dav import calls, store, writing
from dropbox_lite.dav import xmlbody as x
from dropbox_lite.dav.body import BodyStream
from dropbox_lite.dav.resources import BadPath, Space, file_etag, http_date
from dropbox_lite.files import sessions

NAME_RE = re.compile(r"[A-Za-z0-9_.-]{1,100}")
CHUNK_RE = re.compile(r"[A-Za-z0-9_-]{1,64}")
MAX_CHUNKS = 10_000
SKIP_PIECE = 64 * 1024


def _order(name: str) -> tuple[list[int], str]:
    return [int(n) for n in re.findall(r"\d+", name)], name


def _in_sequence(chunk: str, last: str | None, offset: int) -> bool:
    """Whether `chunk` may follow `last` with the session at `offset`: numbers count
    1, 2, ... (Nextcloud v2) or name the offset (older clients); `start-end` names start
    at the offset (rclone); other names only need to sort after the last one."""
    if chunk.isdigit():
        n = int(chunk)
        if n == offset:
            return True
        if last is None:
            return n == 1
        return last.isdigit() and n == int(last) + 1
    ranged = re.fullmatch(r"(\d+)-(\d+)", chunk)
    if ranged is not None:
        return int(ranged.group(1)) == offset
    return last is None or _order(chunk) > _order(last)


def _total(request: Request) -> int | None:
    raw = request.headers.get("oc-total-length")
    return int(raw) if raw is not None and raw.isdigit() and len(raw) < 20 else None


async def handle(
    request: Request, space: Space, segments: list[str], stream: BodyStream
) -> Response:
    method = request.method.upper()
    db, user_id = space.db, space.user.id
    if not segments:
        if method in ("PROPFIND", "OPTIONS"):
            return Response(x.multistatus([]), status_code=207, media_type=calls.XML)
        return calls.error(405, "Create a transfer folder below this one.")
    name = segments[0]
    if not NAME_RE.fullmatch(name) or len(segments) > 2:
        return calls.error(404, errors.NotFound.default_message)
    at = datetime.now(UTC)
    upload = await store.find_upload(db, user_id, name, at)
    if len(segments) == 1:
        if method == "MKCOL":
            if upload is not None:
                return calls.error(405, "This transfer exists already.")
            return await _start(space, name, _total(request), at)
        if upload is None:
            return calls.error(404, errors.NotFound.default_message)
        if method == "DELETE":
            await _drop(space, upload)
            return Response(b"", status_code=204)
        if method == "PROPFIND":
            return _listing(space, upload, request)
        return calls.error(405, f"{method} is not allowed on a transfer folder.")
    if upload is None:
        return calls.error(404, errors.NotFound.default_message)
    chunk = segments[1]
    if chunk == ".file" and method == "MOVE":
        return await _assemble(request, space, upload, stream)
    if method != "PUT":
        return calls.error(405, f"{method} is not allowed on a chunk.")
    if not CHUNK_RE.fullmatch(chunk):
        return calls.error(400, "A chunk is named by its number.")
    return await _put_chunk(space, upload, chunk, stream)


async def _start(space: Space, name: str, total: int | None, at: datetime) -> Response:
    db, user_id = space.db, space.user.id
    for old in await store.expired_uploads(db, user_id, at):
        await sessions.cancel(db=db, user_id=user_id, session_id=old.session_id)
        await store.delete_upload(db, old.id)
    record = await sessions.start(
        db=db,
        settings=space.settings,
        user_id=user_id,
        length=total,
        metadata={"dav_transfer": name},
    )
    upload = store.DavUpload(
        id=ObjectId(),
        user_id=user_id,
        name=name,
        session_id=record.id,
        created_at=record.created_at,
        expires_at=record.expires_at,
    )
    if not await store.insert_upload(db, upload):
        await sessions.cancel(db=db, user_id=user_id, session_id=record.id)
        return calls.error(405, "This transfer exists already.")
    return Response(b"", status_code=201)


async def _drop(space: Space, upload: store.DavUpload) -> None:
    await store.delete_upload(space.db, upload.id)
    await sessions.cancel(db=space.db, user_id=space.user.id, session_id=upload.session_id)


async def _skip(stream: BodyStream, count: int) -> bool:
    """Read and drop the first `count` bytes of the body; False when it is shorter."""
    while count > 0:
        piece = await stream.read(min(count, SKIP_PIECE))
        if not piece:
            return False
        count -= len(piece)
    return True


async def _put_chunk(
    space: Space, upload: store.DavUpload, chunk: str, stream: BodyStream
) -> Response:
    db, user_id = space.db, space.user.id
    session_id = upload.session_id
    session = await sessions.get(db=db, user_id=user_id, session_id=session_id)
    last = upload.last
    if last == chunk and upload.last_done:
        # Sent again once whole: the same size is the same chunk, nothing changes.
        size = upload.chunks[chunk]
        if not await stream.drain(size) or stream.read_bytes != size:
            return calls.error(
                400, f"Chunk {chunk} is in already with {size} bytes; it cannot be changed."
            )
        return Response(b"", status_code=201)
    if last == chunk:
        # A PUT of this chunk was cut: its first bytes are in; take the rest.
        start = upload.last_start
        if not await _skip(stream, session.offset - start):
            return calls.error(400, f"Chunk {chunk} is shorter than what arrived of it before.")
    else:
        if last is not None and not upload.last_done:
            return calls.error(
                400, f"Chunk {last} arrived only in part; send it again before chunk {chunk}."
            )
        if not _in_sequence(chunk, last, session.offset):
            after = f"after chunk {last}" if last is not None else "first"
            return calls.error(
                400, f"Chunks are taken in order: chunk {chunk} cannot come {after}."
            )
        if len(upload.chunks) >= MAX_CHUNKS:
            return calls.error(400, f"A transfer has at most {MAX_CHUNKS} chunks.")
        start = session.offset
        await store.start_chunk(db, upload.id, chunk, start)
    record = await sessions.append(
        db=db,
        settings=space.settings,
        user_id=user_id,
        session_id=session_id,
        offset=session.offset,
        stream=stream,
    )
    await store.finish_chunk(db, upload.id, chunk, record.offset - start, record.offset)
    return Response(b"", status_code=201)


def _listing(space: Space, upload: store.DavUpload, request: Request) -> Response:
    base = f"/remote.php/dav/uploads/{space.user.username}/{upload.name}"
    parts = [
        x.response(
            base + "/", [x.PropStat(200, ["<d:resourcetype><d:collection/></d:resourcetype>"])]
        )
    ]
    for key, size in sorted(upload.chunks.items()):
        props = [
            f"<d:getcontentlength>{int(size)}</d:getcontentlength>",
            "<d:resourcetype/>",
            f"<d:getlastmodified>{http_date(upload.created_at)}</d:getlastmodified>",
        ]
        parts.append(x.response(f"{base}/{key}", [x.PropStat(200, props)]))
    depth = (request.headers.get("depth") or "1").strip()
    return Response(
        x.multistatus(parts if depth != "0" else parts[:1]),
        status_code=207,
        media_type=calls.XML,
    )


async def _assemble(
    request: Request, space: Space, upload: store.DavUpload, stream: BodyStream
) -> Response:
    destination = request.headers.get("destination")
    if not destination:
        return calls.error(400, "A Destination header is needed.")
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
        return calls.error(400, str(exc))
    if target is None:
        # The username in the Destination may be spelled in another case.
        path = urlsplit(destination).path
        prefix = "/remote.php/dav/files/"
        if path.lower().startswith((prefix + space.user.username + "/").lower()):
            files_space.base = path[: len(prefix) + len(space.user.username)]
            target = files_space.segments_of(destination)
    if not target:
        return calls.error(502, "The Destination is not in this user's files.")
    if not upload.last_done:
        return calls.error(400, f"Chunk {upload.last} arrived only in part.")
    session_id = upload.session_id
    session = await sessions.get(db=space.db, user_id=space.user.id, session_id=session_id)
    declared = _total(request)
    if declared is not None and declared != session.offset:
        return calls.error(
            400, f"The chunks hold {session.offset} bytes, not OC-Total-Length {declared}."
        )
    call = calls.Call(request, files_space, target, stream)
    parent = await calls.parent_folder(call, target)
    if isinstance(parent, Response):
        return parent
    existing = await files_space.child(parent, target[-1])
    if existing is not None and not existing.is_file:
        return calls.error(409, "A folder has this name.")
    etag = file_etag(existing) if existing is not None else None
    if not calls.check_preconditions(call, existing, etag):
        return calls.error(412, "The file is not in the state the request's conditions name.")
    refused = await calls.guard(call, [(target, False)])
    if refused is not None:
        return refused
    mode, parent_rev = writing.write_mode(call, existing)
    try:
        record = await sessions.finish(
            db=space.db,
            settings=space.settings,
            user_id=space.user.id,
            session_id=session_id,
            folder_id=parent.id,
            name=target[-1],
            mode=mode,
            parent_rev=parent_rev,
            username=space.user.username,
        )
    except errors.NameTaken:
        return calls.error(412, "The file exists now.")
    response = await writing.written(call, record, existing, writing.mtime_header(call))
    await _drop(space, upload)
    return response
