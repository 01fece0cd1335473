"""A kill -9 of the server in the middle of a tus PATCH, a restart, then a resume."""

from __future__ import annotations

import os
import signal
import socket
import uuid

import httpx
import pymongo
import pytest

from tests.content.helpers import OFFSET_TYPE, TUS, MiB, metadata
from tests.core.live_server import live_server
from tests.support import SIGNUP

pytestmark = pytest.mark.server_only


def test_a_killed_server_keeps_what_it_saved_and_the_upload_resumes(
    mongo_uri: str | None,
) -> None:
    assert mongo_uri is not None
    uri = mongo_uri.rstrip("/") + f"/killed_{uuid.uuid4().hex[:8]}"
    data = os.urandom(12 * MiB)
    try:
        with live_server(None, MONGODB_URI=uri) as first:
            body = {"query": SIGNUP, "variables": {"username": "kim", "password": "pw-kim-long-1"}}
            token = httpx.post(f"{first.url}/graphql", json=body).json()["data"]["signup"]["token"]
            auth = {"Authorization": f"Bearer {token}", **TUS}
            made = httpx.post(
                f"{first.url}/tus/",
                headers={
                    **auth,
                    "Upload-Length": str(len(data)),
                    "Upload-Metadata": metadata(filename="k.bin"),
                },
            )
            url = made.headers["location"]
            part = httpx.patch(
                f"{first.url}{url}",
                content=data[: 9 * MiB],
                headers={**auth, "Upload-Offset": "0", "Content-Type": OFFSET_TYPE},
                timeout=60,
            )
            assert part.headers["upload-offset"] == str(9 * MiB)
            # A second PATCH is under way when the process dies.
            sock = socket.create_connection(("127.0.0.1", first.port))
            head = (
                f"PATCH {url} HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: Bearer {token}\r\n"
                f"Tus-Resumable: 1.0.0\r\nUpload-Offset: {9 * MiB}\r\n"
                f"Content-Type: {OFFSET_TYPE}\r\nContent-Length: {3 * MiB}\r\n\r\n"
            )
            sock.sendall(head.encode() + data[9 * MiB : 10 * MiB])
            first.process.send_signal(signal.SIGKILL)
            first.process.wait()
            sock.close()
        with live_server(None, MONGODB_URI=uri) as second:
            state = httpx.head(f"{second.url}{url}", headers=auth)
            assert state.status_code == 200
            offset = int(state.headers["upload-offset"])
            assert offset == 9 * MiB  # saved state, nothing half-written
            rest = httpx.patch(
                f"{second.url}{url}",
                content=data[offset:],
                headers={**auth, "Upload-Offset": str(offset), "Content-Type": OFFSET_TYPE},
                timeout=60,
            )
            assert rest.status_code == 204, rest.text
            file_id = rest.headers["x-entry-id"]
            got = httpx.get(f"{second.url}/files/{file_id}/content", headers=auth, timeout=60)
            assert got.content == data
    finally:
        client: pymongo.MongoClient[dict[str, object]] = pymongo.MongoClient(uri)
        client.drop_database(uri.rsplit("/", 1)[1])
        client.close()
