"""Factories for the sharing tests: users, folders and files made through the services."""

from __future__ import annotations

from datetime import datetime
from typing import Any
from urllib.parse import unquote_to_bytes

import httpx
from starlette.applications import Starlette

from dropbox_lite.core.config import Settings
from dropbox_lite.core.db import Database
from dropbox_lite.files import service as files_service
from dropbox_lite.sharing import service


class Stream:
    """An upload body for store_file: the bytes, handed out in slices."""

    def __init__(self, data: bytes) -> None:
        self.data = data
        self.position = 0

    async def read(self, size: int = -1) -> bytes:
        if size < 0:
            size = len(self.data) - self.position
        piece = self.data[self.position : self.position + size]
        self.position += len(piece)
        return piece


async def put_file(
    db: Database,
    settings: Settings,
    user_id: str,
    data: bytes,
    name: str = "a.txt",
    folder_id: str | None = None,
) -> files_service.EntryRecord:
    return await files_service.store_file(
        db=db,
        settings=settings,
        user_id=user_id,
        file_obj=Stream(data),
        folder_id=folder_id,
        name=name,
    )


async def folder(
    db: Database, user_id: str, name: str, parent_id: str | None = None
) -> files_service.EntryRecord:
    return await files_service.create_folder(db=db, user_id=user_id, parent_id=parent_id, name=name)


async def link(
    db: Database,
    settings: Settings,
    user_id: str,
    entry_id: str,
    *,
    access: str = "VIEWER",
    password: str | None = None,
    expires_at: datetime | None = None,
) -> service.CreatedLink:
    return await service.create_share_link(
        db=db,
        settings=settings,
        user_id=user_id,
        entry_id=entry_id,
        access=access,
        password=password,
        expires_at=expires_at,
    )


def client_from(app: Starlette, address: str) -> httpx.AsyncClient:
    """An HTTP client whose requests come from `address` (each address has its own throttle)."""
    transport = httpx.ASGITransport(app=app, client=(address, 50000))
    return httpx.AsyncClient(transport=transport, base_url="http://testserver")


def local(url: str) -> str:
    """The path and query of an absolute URL the server handed out."""
    return "/" + url.split("://", 1)[1].split("/", 1)[1]


def same_body(responses: list[httpx.Response]) -> set[Any]:
    return {(r.status_code, r.content) for r in responses}


async def raw_get(
    app: Starlette, raw_path: bytes, *, address: str = "10.4.0.1"
) -> tuple[int, bytes]:
    """GET a path exactly as written (httpx would remove dot segments before sending)."""
    path = raw_path.split(b"?", 1)[0]
    scope = {
        "type": "http",
        "asgi": {"version": "3.0"},
        "http_version": "1.1",
        "method": "GET",
        "scheme": "http",
        "path": unquote_to_bytes(path).decode("utf-8", "replace"),
        "raw_path": path,
        "root_path": "",
        "query_string": raw_path.split(b"?", 1)[1] if b"?" in raw_path else b"",
        "headers": [(b"host", b"testserver")],
        "client": (address, 50000),
        "server": ("testserver", 80),
        "state": {},
    }
    status = 0
    body = b""
    sent = False

    async def receive() -> dict[str, Any]:
        nonlocal sent
        if sent:
            return {"type": "http.disconnect"}
        sent = True
        return {"type": "http.request", "body": b"", "more_body": False}

    async def send(message: dict[str, Any]) -> None:
        nonlocal status, body
        if message["type"] == "http.response.start":
            status = message["status"]
        elif message["type"] == "http.response.body":
            body += message.get("body", b"")

    await app(scope, receive, send)
    return status, body
