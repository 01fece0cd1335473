"""GET /s/{token}?zip=1: a shared folder (or a folder inside a folder link) as a zip.

The archive is the one GET /files/{folderId}/zip streams for the owner (files/zipstream:
live files only, paths relative to the folder, zip64 past 4 GiB, no temp file), of the
folder that the link and its `?sig=` path point at. Links that show visitors nothing
(anything but VIEWER and EDITOR) have no zip.
"""

from __future__ import annotations

from starlette.responses import StreamingResponse
from stream_zip import async_stream_zip

from dropbox_lite.core import errors
from dropbox_lite.core.db import Database
from dropbox_lite.files import service as files_service
from dropbox_lite.files import zipstream
from dropbox_lite.files.routes import content_disposition
from dropbox_lite.sharing import service

SEES_CONTENTS = service.SEES_CONTENTS


async def folder_zip(
    *, db: Database, grant: service.Grant, item: service.SharedItem
) -> StreamingResponse:
    """The zip of the shared folder `item`; BadInput for a file, NotFound when not allowed."""
    if grant.link.access not in SEES_CONTENTS:
        raise errors.NotFound()
    if not item.is_folder:
        raise errors.BadInput("Only folders download as a zip: this link is a file.")
    owner = grant.link.owner_id
    folder = await files_service.get_folder(db=db, user_id=owner, folder_id=item.entry_id)
    return StreamingResponse(
        async_stream_zip(
            zipstream.members(db, owner, folder), get_compressobj=zipstream.compressor
        ),
        media_type="application/zip",
        headers={
            "content-disposition": content_disposition(f"{item.name or 'Shared folder'}.zip"),
            "x-content-type-options": "nosniff",
            "cache-control": "private, no-store",
        },
    )
