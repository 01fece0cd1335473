"""GET /s/{token}: a shared file's bytes or a shared folder's listing, without an account.

A file link without a password serves its bytes with the headers of
/files/{id}/content; a folder link answers with a JSON listing of its top level,
whose files carry signed URLs (`?sig=`, from `sharedLink` or this listing) that
serve them. A password link serves only through such a signed URL, which
`sharedLink` hands out after the right password. Statuses: 404 with one body for
every token that does not open (unknown, revoked, expired, trashed entry,
malformed); 403 for a signature that is forged or expired, or a password link
without one; 429 when the client is throttled; 503 when the database is down.
"""

from __future__ import annotations

import logging
from collections.abc import AsyncIterable, AsyncIterator, Awaitable, Callable
from datetime import UTC, datetime
from typing import Any

from starlette.requests import Request
from starlette.responses import JSONResponse, Response, StreamingResponse
from starlette.routing import BaseRoute, Route

from dropbox_lite.core import errors
from dropbox_lite.core.db import UNAVAILABLE_ERRORS
from dropbox_lite.core.http_errors import domain_error, json_error
from dropbox_lite.files import thumbnails
from dropbox_lite.files.routes import blob_response, not_found, unavailable
from dropbox_lite.sharing import service, share_zip
from dropbox_lite.web import routes as web_routes

log = logging.getLogger(__name__)

LISTING_PAGE = 100


def _datetime(value: datetime | None) -> str | None:
    if value is None:
        return None
    return value.astimezone(UTC).isoformat().replace("+00:00", "Z")


def item_json(item: service.SharedItem, *, download_url: str | None) -> dict[str, Any]:
    return {
        "name": item.name,
        "path": item.path,
        "isFolder": item.is_folder,
        "size": item.size,
        "mimeType": item.mime_type,
        "modifiedAt": _datetime(item.modified_at),
        "downloadUrl": download_url,
    }


async def _counting(
    chunks: AsyncIterable[Any], done: Callable[[], Awaitable[None]]
) -> AsyncIterator[Any]:
    async for chunk in chunks:
        yield chunk
    # Asked for more after the last chunk was sent: the whole body went out (a
    # client that disconnects closes the iterator before this line).
    await done()


async def _listing(
    request: Request, grant: service.Grant, folder: service.SharedItem
) -> JSONResponse:
    state = request.app.state
    after = request.query_params.get("after")
    page = await service.list_children(
        db=state.db, grant=grant, folder=folder, first=LISTING_PAGE, after=after
    )
    items = [
        item_json(
            child,
            download_url=None
            if child.is_folder
            else service.download_url(
                settings=state.settings, signer=state.signer, token=grant.token, path=child.path
            ),
        )
        for child in page.items
    ]
    body = item_json(folder, download_url=None)
    body.update(
        {
            "access": grant.link.access,
            "expiresAt": _datetime(grant.link.expires_at),
            "items": items,
            "cursor": page.cursor,
            "hasMore": page.has_more,
        }
    )
    return JSONResponse(body, headers={"cache-control": "private, no-store"})


async def shared_content(request: Request) -> Response:
    state = request.app.state
    token = request.path_params["token"]
    client = request.client
    client_ip = client.host if client else "unknown"
    sig = request.query_params.get("sig")
    wants_zip = request.query_params.get("zip") == "1"
    bytes_asked = wants_zip or request.query_params.get("dl") == "1"
    if sig is None and not bytes_asked and web_routes.wants_html(request):
        return await web_routes.share_page(request)  # a person's browser: the share page
    signed_path: str | None = None
    if sig is not None:
        signed_path = service.verify_download(signer=state.signer, sig=sig, token=token)
        if signed_path is None:
            return json_error(403, "This download link is not valid or has expired.", "FORBIDDEN")
    try:
        grant = await service.validate_share_token(
            db=state.db,
            settings=state.settings,
            token=token,
            password=None,
            client_ip=client_ip,
            check_password=signed_path is None,
        )
        item = await service.resolve_path(db=state.db, grant=grant, path=signed_path)
        if wants_zip:
            response: Response = await share_zip.folder_zip(db=state.db, grant=grant, item=item)
        elif item.is_folder:
            return await _listing(request, grant, item)
        else:
            response = await blob_response(
                request,
                db=state.db,
                blob_id=item.blob_id,
                size=item.size or 0,
                content_hash=item.content_hash or "",
                name=item.name,
                mime_type=item.mime_type,
            )
    except errors.NotFound:
        return not_found()
    except errors.PasswordRequired as exc:
        return domain_error(exc)
    except errors.RateLimited as exc:
        retry = int(exc.details.get("retry_after_seconds", 60))
        return domain_error(exc, **{"retry-after": str(retry)})
    except errors.BadInput as exc:
        return domain_error(exc)
    except UNAVAILABLE_ERRORS as exc:
        log.warning("database unavailable serving a share link: %s", exc)
        return unavailable()

    if request.method == "GET" and response.status_code == 200:

        async def done() -> None:
            await service.count_download(db=state.db, link_id=grant.link.id)

        if isinstance(response, StreamingResponse):
            response.body_iterator = _counting(response.body_iterator, done)
        else:
            await done()  # an empty file: nothing left to send
    return response


async def shared_thumbnail(request: Request) -> Response:
    """GET /s/{token}/thumbnail?path=P&size=N[&sig=S]: the thumbnail of an image in a VIEWER
    or EDITOR link (files/thumbnails.py makes and keeps it). A password link needs the
    signature that `SharedEntry.thumbnailUrl` hands out after the password."""
    state = request.app.state
    token = request.path_params["token"]
    client = request.client
    client_ip = client.host if client else "unknown"
    path = request.query_params.get("path", "/")
    try:
        size = thumbnails.size_of(request.query_params.get("size", str(thumbnails.DEFAULT_SIZE)))
    except errors.BadInput as exc:
        return domain_error(exc)
    sig = request.query_params.get("sig")
    if sig is not None:
        signed_path = service.verify_thumbnail(signer=state.signer, sig=sig, token=token)
        if signed_path is None or signed_path != path:
            return json_error(403, "This thumbnail link is not valid or has expired.", "FORBIDDEN")
    try:
        grant = await service.validate_share_token(
            db=state.db,
            settings=state.settings,
            token=token,
            password=None,
            client_ip=client_ip,
            check_password=sig is None,
        )
        if not grant.sees_contents:
            raise errors.NotFound()
        item = await service.resolve_path(db=state.db, grant=grant, path=path)
        if item.is_folder or item.blob_id is None or item.content_hash is None:
            raise errors.NotFound()
        if not thumbnails.has_thumbnail(item.mime_type or ""):
            raise errors.NotFound()
        data = await thumbnails.thumbnail(
            db=state.db, blob_id=item.blob_id, content_hash=item.content_hash, size=size
        )
    except errors.NotFound:
        return not_found()
    except errors.PasswordRequired as exc:
        return domain_error(exc)
    except errors.RateLimited as exc:
        retry = int(exc.details.get("retry_after_seconds", 60))
        return domain_error(exc, **{"retry-after": str(retry)})
    except UNAVAILABLE_ERRORS as exc:
        log.warning("database unavailable serving a share link's thumbnail: %s", exc)
        return unavailable()
    if data is None:
        return not_found()
    return thumbnails.thumbnail_response(request, data, content_hash=item.content_hash, size=size)


# `path` so that tokens with slashes, dots or %2e%2e reach the one 404 rather than
# the router's own.
ROUTES: list[BaseRoute] = [
    # First: a token never holds "/", so "/s/{token}/thumbnail" is never a token's path.
    Route("/s/{token}/thumbnail", shared_thumbnail, methods=["GET"]),
    Route("/s/{token:path}", shared_content, methods=["GET"]),
]
