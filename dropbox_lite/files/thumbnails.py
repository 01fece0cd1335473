"""Thumbnails of images: GET /files/{id}/thumbnail?size=N (Bearer, or the signed
`File.thumbnailUrl`), WebP no larger than N x N pixels.

Only JPEG, PNG, GIF and WebP files have one (by their media type, and again by what
Pillow reads in their header); anything else, or an image Pillow cannot read, is a 404.
Decoding is bounded before it starts: the source at most MAX_SOURCE_BYTES, its header's
width x height at most MAX_PIXELS (Pillow's own MAX_IMAGE_PIXELS guard is set to the
same). A thumbnail is made once per content hash and size and kept in the `thumbnails`
collection (so is the fact that a file has none), so that every revision, copy or user
with the same bytes shares it; a size is one of SIZES, a request's N rounds up to one.
"""

from __future__ import annotations

import asyncio
import io
import logging
from urllib.parse import quote

from PIL import Image, ImageOps
from starlette.requests import Request
from starlette.responses import Response
from starlette.routing import BaseRoute, Route

from dropbox_lite.core import errors
from dropbox_lite.core.config import Settings
from dropbox_lite.core.db import UNAVAILABLE_ERRORS, Database
from dropbox_lite.core.http_errors import domain_error, json_error
from dropbox_lite.core.security import Signer
from dropbox_lite.core.state import current
from dropbox_lite.files import blobs, links, revision_store, store
from dropbox_lite.files import service as files_service
from dropbox_lite.files.routes import not_found, signed_or_bearer_user, unavailable

log = logging.getLogger(__name__)
PURPOSE = "thumbnail"
MEDIA_TYPES = frozenset({"image/jpeg", "image/png", "image/gif", "image/webp"})
FORMATS = frozenset({"JPEG", "PNG", "GIF", "WEBP"})
SIZES = (64, 128, 256, 512, 1024)
DEFAULT_SIZE = 256
MAX_SOURCE_BYTES = 64 * 1024 * 1024
MAX_PIXELS = 40_000_000  # 40 megapixels: a large camera's photo, decoded in ~160 MB
Image.MAX_IMAGE_PIXELS = MAX_PIXELS
EXPIRES_IN = 3600
COLLECTION = "thumbnails"
# At most MAKING sources in memory and decoding at once (each up to MAX_SOURCE_BYTES)
# per app: its AppState.thumbnails gate (core/state.py).
MAKING = 2


def new_gate() -> asyncio.Semaphore:
    """One app's gate on the thumbnails it makes at once."""
    return asyncio.Semaphore(MAKING)


def _gate() -> asyncio.Semaphore:
    # Outside an app (a test calling `thumbnail`) only this call is bounded.
    app = current()
    return new_gate() if app is None else app.thumbnails


def has_thumbnail(mime_type: str) -> bool:
    return mime_type in MEDIA_TYPES


def size_of(value: object) -> int:
    """The stored size for an asked size (rounded up to one of SIZES); BadInput otherwise."""
    if isinstance(value, str):
        value = int(value) if value.isdigit() else None
    if isinstance(value, bool) or not isinstance(value, int) or not 1 <= value <= SIZES[-1]:
        raise errors.BadInput(f"size must be a whole number from 1 to {SIZES[-1]}.")
    return next(size for size in SIZES if size >= value)


def thumbnail_url(
    *,
    settings: Settings,
    signer: Signer,
    file_id: str,
    size: int,
    session_id: str,
    user_id: str,
) -> str:
    """A URL that serves the thumbnail for an hour, while the asking session lives."""
    fields = {"f": file_id, "s": session_id, "u": user_id}
    token = links.sign_download(
        signer=signer, purpose=PURPOSE, fields=fields, expires_in=EXPIRES_IN
    )
    return (
        f"{settings.public_url}/files/{quote(file_id, safe='')}/thumbnail"
        f"?size={size_of(size)}&sig={quote(token, safe='')}"
    )


def render(data: bytes, size: int) -> bytes | None:
    """WebP bytes of `data` scaled into size x size; None when it is no image we make one of."""
    try:
        with Image.open(io.BytesIO(data)) as image:  # reads the header only
            if image.format not in FORMATS:
                return None
            width, height = image.size
            if width < 1 or height < 1 or width * height > MAX_PIXELS:
                return None
            image.draft("RGB", (size, size))  # JPEG: decode at a fraction of the size
            image.seek(0)
            frame = ImageOps.exif_transpose(image)
            frame.thumbnail((size, size))
            mode = "RGBA" if frame.mode in ("RGBA", "LA", "P", "PA") else "RGB"
            out = io.BytesIO()
            frame.convert(mode).save(out, format="WEBP", quality=80, method=4)
            return out.getvalue()
    except (OSError, ValueError, SyntaxError, EOFError, Image.DecompressionBombError) as exc:
        log.info("no thumbnail: %s", exc)
        return None


async def thumbnail(*, db: Database, blob_id: str, content_hash: str, size: int) -> bytes | None:
    """The stored thumbnail of these bytes at this size, made (and stored) on first request."""
    key = f"{content_hash}:{size}"
    found = await db.collection(COLLECTION).find_one({"_id": key})
    if found is not None:
        data = found.get("data")
        return bytes(data) if data is not None else None
    made: bytes | None = None
    if await blobs.blob_size(db=db, blob_id=blob_id) <= MAX_SOURCE_BYTES:
        async with _gate():
            source = await blobs.read_all(db=db, blob_id=blob_id, limit=MAX_SOURCE_BYTES)
            made = await asyncio.to_thread(render, source, size)
            del source
    # two requests at once both make it; the first one stored wins, both are the same
    await db.collection(COLLECTION).update_one(
        {"_id": key},
        {"$setOnInsert": {"data": made, "content_hash": content_hash, "size": size}},
        upsert=True,
    )
    return made


async def _user_id(request: Request, file_id: str) -> str | None:
    return await signed_or_bearer_user(request, file_id, purpose=PURPOSE, max_age=EXPIRES_IN)


async def file_thumbnail(request: Request) -> Response:
    """GET /files/{id}/thumbnail?size=N[&sig=...]."""
    db: Database = request.app.state.db
    file_id: str = request.path_params["id"]
    try:
        size = size_of(request.query_params.get("size", str(DEFAULT_SIZE)))
    except errors.BadInput as exc:
        return domain_error(exc)
    try:
        user_id = await _user_id(request, file_id)
        if user_id is None:
            return json_error(401, "Sign in, or ask for a new thumbnail link.", "UNAUTHENTICATED")
        record = await files_service.fetch_file(db=db, user_id=user_id, file_id=file_id)
        if record.trashed or not has_thumbnail(record.mime_type) or record.blob_id is None:
            return not_found()
        data = await thumbnail(
            db=db, blob_id=record.blob_id, content_hash=record.content_hash, size=size
        )
    except errors.NotFound:
        return not_found()
    except errors.ServiceUnavailable:
        return unavailable()
    except UNAVAILABLE_ERRORS as exc:
        log.warning("database unavailable: %s", exc)
        return unavailable()
    if data is None:
        return not_found()
    return thumbnail_response(request, data, content_hash=record.content_hash, size=size)


def thumbnail_response(request: Request, data: bytes, *, content_hash: str, size: int) -> Response:
    """A thumbnail's bytes (WebP), with an ETag of its content and size (304 when the
    browser has it)."""
    etag = f'"{content_hash}-{size}"'
    headers = {
        "etag": etag,
        "cache-control": "private, max-age=3600",
        "x-content-type-options": "nosniff",
    }
    if request.headers.get("if-none-match") == etag:
        return Response(status_code=304, headers=headers)
    return Response(data, media_type="image/webp", headers=headers)


ROUTES: list[BaseRoute] = [Route("/files/{id}/thumbnail", file_thumbnail, methods=["GET"])]


async def prune_thumbnails(*, db: Database) -> int:
    """Drops the thumbnails of content that no file or revision has any more (upkeep)."""
    removed = 0
    hashes = await db.collection(COLLECTION).distinct("content_hash")
    for content_hash in hashes:
        in_use = await store.holds_content(db, content_hash)
        if not in_use:
            in_use = await revision_store.holds_content(db, content_hash)
        if not in_use:
            result = await db.collection(COLLECTION).delete_many({"content_hash": content_hash})
            removed += result.deleted_count
    return removed
