"""A folder as a zip, streamed: GET /files/{folderId}/zip (Bearer, or a signed URL).

stream-zip writes the archive as it goes (no temp file, no whole file in memory) and
switches each member to zip64 when it is over 4 GiB; the bytes come from the blob
store piece by piece. Live files only, paths relative to the folder; empty folders
are kept as directory entries.
"""

from __future__ import annotations

import logging
import stat
import zlib
from collections.abc import AsyncIterator
from datetime import datetime
from typing import Any
from urllib.parse import quote

from starlette.requests import Request
from starlette.responses import Response, StreamingResponse
from starlette.routing import BaseRoute, Route
from stream_zip import ZIP_32, ZIP_AUTO, Method, async_stream_zip

from dropbox_lite.core import errors
from dropbox_lite.core.config import Settings
from dropbox_lite.core.db import Database
from dropbox_lite.core.http_errors import json_error
from dropbox_lite.core.security import Signer
from dropbox_lite.files import blobs, links, service
from dropbox_lite.files.records import EntryRecord
from dropbox_lite.files.routes import content_disposition, not_found, signed_or_bearer_user

log = logging.getLogger(__name__)
PURPOSE = "folder-zip"
# Deflate at a middle level: a zip of photos or videos gains little from more.
LEVEL = 6

Member = tuple[str, datetime, int, Method, AsyncIterator[bytes]]


def zip_url(
    *, settings: Settings, signer: Signer, folder_id: str, session_id: str, user_id: str
) -> str:
    """A URL that downloads the folder as a zip for 5 minutes, while the session lives."""
    fields = {"f": folder_id, "s": session_id, "u": user_id}
    token = links.sign_download(signer=signer, purpose=PURPOSE, fields=fields, expires_in=300)
    return (
        f"{settings.public_url}/files/{quote(folder_id, safe='')}/zip?sig={quote(token, safe='')}"
    )


async def _nothing() -> AsyncIterator[bytes]:
    return
    yield b""  # pragma: no cover - makes this an async generator


async def _bytes(db: Database, record: EntryRecord) -> AsyncIterator[bytes]:
    if record.blob_id is None or record.size == 0:
        return
    async for chunk in blobs.read_range(
        db=db, blob_id=record.blob_id, start=0, end=record.size, size=record.size
    ):
        yield chunk


async def members(
    db: Database, user_id: str, folder: EntryRecord, prefix: str = ""
) -> AsyncIterator[Member]:
    """The folder's live files and folders, depth first, as stream-zip members."""
    after: str | None = None
    while True:
        page = await service.list_children(
            db=db,
            user_id=user_id,
            folder_id=folder.id,
            first=service.MAX_PAGE,
            after=after,
            count=False,
            folder=folder,
        )
        for record in page.items:
            path = prefix + record.name
            if record.is_file:
                method = ZIP_AUTO(record.size, level=LEVEL)
                yield path, record.modified_at, stat.S_IFREG | 0o644, method, _bytes(db, record)
            else:
                yield f"{path}/", record.modified_at, stat.S_IFDIR | 0o755, ZIP_32, _nothing()
                async for member in members(db, user_id, record, f"{path}/"):
                    yield member
        if not page.has_next_page or page.end_cursor is None:
            return
        after = page.end_cursor


async def _user_id(request: Request, folder_id: str) -> str | None:
    return await signed_or_bearer_user(
        request, folder_id, purpose=PURPOSE, max_age=links.MAX_EXPIRES_IN
    )


async def folder_zip(request: Request) -> Response:
    """GET /files/{id}/zip[?sig=...]."""
    db: Database = request.app.state.db
    folder_id: str = request.path_params["id"]
    user_id = await _user_id(request, folder_id)
    if user_id is None:
        return json_error(401, "Sign in, or ask for a new download link.", "UNAUTHENTICATED")
    try:
        folder = await service.get_folder(db=db, user_id=user_id, folder_id=folder_id)
    except errors.NotFound:
        return not_found()
    name = f"{folder.name or 'All files'}.zip"
    return StreamingResponse(
        async_stream_zip(members(db, user_id, folder), get_compressobj=compressor),
        media_type="application/zip",
        headers={
            "content-disposition": content_disposition(name),
            "x-content-type-options": "nosniff",
            "cache-control": "private, no-store",
        },
    )


def compressor() -> Any:
    return zlib.compressobj(wbits=-zlib.MAX_WBITS, level=LEVEL)


ROUTES: list[BaseRoute] = [Route("/files/{id}/zip", folder_zip, methods=["GET"])]
