"""Shared bits of the content-plane tests: tus headers, metadata, downloads."""

from __future__ import annotations

import base64
from typing import Any

import httpx

from tests.support import Account

TUS = {"Tus-Resumable": "1.0.0"}
OFFSET_TYPE = "application/offset+octet-stream"
MiB = 1024 * 1024


def metadata(**values: str) -> str:
    return ",".join(f"{k} {base64.b64encode(v.encode()).decode()}" for k, v in values.items())


def tus_headers(account: Account, **extra: str) -> dict[str, str]:
    return {**TUS, **account.headers, **extra}


async def create(
    http: httpx.AsyncClient, account: Account, length: int, **meta: str
) -> httpx.Response:
    return await http.post(
        "/tus/",
        headers=tus_headers(
            account, **{"Upload-Length": str(length), "Upload-Metadata": metadata(**meta)}
        ),
    )


async def patch(
    http: httpx.AsyncClient, account: Account, url: str, offset: int, body: bytes, **extra: str
) -> httpx.Response:
    return await http.patch(
        url,
        content=body,
        headers=tus_headers(
            account, **{"Upload-Offset": str(offset), "Content-Type": OFFSET_TYPE, **extra}
        ),
    )


async def download(http: httpx.AsyncClient, account: Account, file_id: str) -> bytes:
    response = await http.get(f"/files/{file_id}/content", headers=account.headers)
    assert response.status_code == 200, response.text
    return response.content


def error_code(response: httpx.Response) -> Any:
    return response.json()["errors"][0]["extensions"]["code"]
