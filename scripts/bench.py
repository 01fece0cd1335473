#!/usr/bin/env python3
"""Benchmark dropbox-lite against its own backends' ceilings (and copyparty); print one JSON object.

    .venv/bin/python scripts/bench.py --quick        # a smoke run, a few minutes
    .venv/bin/python scripts/bench.py                # 1 GiB, 1000 small files, 10,000 entries

In one run, on each backend (`server`: FerretDB or mongod from tests/mongo_server.py
unless DROPBOX_LITE_TEST_MONGODB_URI is set; `memory`: the embedded store):

- dropbox-lite's figures: a large upload and download, parallel 4 KiB uploads, pages
  of 100 through a big folder, `{ me { id } }` requests per second;
- the raw driver ceiling on the same backend, with no app in between: pymongo (or
  mongomock, for the embedded store) writing and reading the same GridFS chunks, 4 KiB
  GridFS files written as two inserts, the small-command round-trip rate, the same
  children query on the same documents; and each of our figures over it;
- a plain Starlette JSON endpoint's requests per second under the same client;
- on the server backend: round trips per operation, counted by a proxy between app
  and database that reads the wire protocol (monitoring `hello`s left out), and the
  download again once `--other-mib` more of other files are stored.

copyparty (pip install copyparty) runs last on the same sizes unless --no-copyparty.
Bodies are streamed from generators in both directions, never held whole on the
client. Servers' RSS is sampled from /proc/<pid>/status every 50 ms during transfers.
Request rates use a minimal keep-alive HTTP/1.1 client (8 connections) so that the
client costs little next to the servers.
"""

from __future__ import annotations

import argparse
import asyncio
import base64
import hashlib
import json
import os
import secrets
import shutil
import statistics
import subprocess
import sys
import tempfile
import threading
import time
import uuid
from collections.abc import AsyncIterator, Awaitable, Callable, Iterator
from concurrent.futures import ThreadPoolExecutor
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import httpx
from bson import Binary, ObjectId, json_util
from pymongo import ASCENDING, IndexModel, MongoClient

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from tests.mongo_server import free_port, start_server  # noqa: E402

MiB = 1024 * 1024
BLOCK = MiB
CHUNK_BYTES = 255 * 1024  # GridFS chunk size, as dropbox_lite.core.db.BLOB_CHUNK_BYTES
RAW_BATCH_CHUNKS = 16  # raw writes and reads: 16 chunks (~4 MiB) per message
BUCKET = "blobs"
SMALL_BYTES = 4096
PARALLEL = 8
SAMPLE_SECONDS = 0.05
PASSWORD = "bench-password-long-enough"
MONITORING_COMMANDS = {"hello", "ismaster"}

UPLOAD = """
mutation Upload($file: Upload!, $parentId: ID, $name: String, $mode: WriteMode) {
  uploadFile(file: $file, parentId: $parentId, name: $name, mode: $mode) {
    __typename
    ... on File { id size contentHash }
    ... on Error { message code }
  }
}
"""
SIGNUP = """
mutation($u: String!, $p: String!) {
  signup(username: $u, password: $p) {
    __typename ... on AuthPayload { token user { id } } ... on Error { message code }
  }
}
"""
CREATE_FOLDER = """
mutation($name: String!, $parentId: ID) {
  createFolder(name: $name, parentId: $parentId) {
    __typename ... on Folder { id } ... on Error { message code }
  }
}
"""
RENAME = """
mutation($id: ID!, $name: String!) {
  renameEntry(id: $id, name: $name) { __typename ... on Entry { id name } ... on Error { code } }
}
"""
CHILDREN = """
query($id: ID, $after: String) {
  folder(id: $id) {
    children(first: 100, after: $after) {
      edges { node { id name } }
      pageInfo { hasNextPage endCursor }
    }
  }
}
"""
CHANGES = """
query($cursor: String) {
  changes(cursor: $cursor, first: 100) {
    changes { kind id parentId entry { id name modifiedAt } }
    cursor hasMore
  }
}
"""
LATEST_CURSOR = "query { latestCursor }"
ME = "{ me { id } }"
COUNT = "query($id: ID) { folder(id: $id) { children(first: 1) { totalCount } } }"

PLAIN_STARLETTE = """
import sys
import uvicorn
from starlette.applications import Starlette
from starlette.responses import JSONResponse
from starlette.routing import Route

async def graphql(request):
    await request.body()
    return JSONResponse({"data": {"me": {"id": "0123456789abcdef01234567"}}})

async def ready(request):
    return JSONResponse({"ok": True})

app = Starlette(routes=[Route("/graphql", graphql, methods=["POST"]), Route("/readyz", ready)])
uvicorn.run(app, host="127.0.0.1", port=int(sys.argv[1]), log_level="warning", access_log=False)
"""

# `dropbox-lite serve` on the embedded store, plus a thread that can write documents into
# that store directly, as insert_folders does on a server (10,000 createFolder calls would
# take most of an hour there). Only mongomock-motor's client is wrapped: the app is as served.
MEMORY_LAUNCHER = """
import sys, threading, time
from pathlib import Path

import mongomock_motor
from bson import json_util
from mongomock import helpers

clients = []
original_init = mongomock_motor.AsyncMongoMockClient.__init__

def init(self, *args, **kwargs):
    original_init(self, *args, **kwargs)
    clients.append(self)

mongomock_motor.AsyncMongoMockClient.__init__ = init

def seed(request):
    db = clients[-1]._AsyncMongoMockClient__client[request["db"]]
    owner = request["owner_id"]
    top = db["seq_claims"].find_one({"owner_id": owner}, sort=[("seq", -1)])
    first = (int(top["seq"]) if top else 0) + 1
    docs = request["docs"]
    for number, doc in enumerate(docs):
        doc["seq"] = first + number
    last = first + len(docs) - 1
    db["seq_claims"].insert_one(
        {"_id": f"{owner}:{last}", "owner_id": owner, "seq": last, "at": docs[0]["created_at"]}
    )
    # Straight into mongomock's store: its unique-index check scans the collection on
    # every insert, which makes 10,000 inserts take minutes; these names are unique.
    entries = db["entries"]
    for doc in docs:
        entries._store[doc["_id"]] = helpers.patch_datetime_awareness_in_document(doc)

def watch(directory):
    request_path, done_path = directory / "seed-request.json", directory / "seed-done"
    while True:
        if request_path.exists():
            try:
                seed(json_util.loads(request_path.read_text()))
                outcome = "ok"
            except Exception as exc:
                outcome = repr(exc)
            request_path.unlink()
            done_path.write_text(outcome)
        time.sleep(0.05)

threading.Thread(target=watch, args=(Path(sys.argv[1]),), daemon=True).start()
from dropbox_lite.core.cli import main
sys.exit(main(["serve", "--no-access-log"]))
"""


# -- measuring ----------------------------------------------------------------------------


def _status_kib(pid: int, key: str) -> int | None:
    try:
        with open(f"/proc/{pid}/status") as status:
            for line in status:
                if line.startswith(key + ":"):
                    return int(line.split()[1])
    except OSError:
        return None
    return None


@contextmanager
def rss_sampler(pid: int) -> Iterator[dict[str, float]]:
    """Peak VmRSS (MB) of `pid` while the block runs, sampled every 50 ms; and VmHWM after."""
    result: dict[str, float] = {}
    peak = 0
    stop = threading.Event()

    def sample() -> None:
        nonlocal peak
        while not stop.is_set():
            peak = max(peak, _status_kib(pid, "VmRSS") or 0)
            stop.wait(SAMPLE_SECONDS)

    before = _status_kib(pid, "VmRSS") or 0
    thread = threading.Thread(target=sample, daemon=True)
    thread.start()
    try:
        yield result
    finally:
        stop.set()
        thread.join()
        result["rss_before_mb"] = round(before / 1024, 1)
        result["peak_rss_mb"] = round(max(peak, before) / 1024, 1)
        result["vm_hwm_mb"] = round((_status_kib(pid, "VmHWM") or 0) / 1024, 1)


def load() -> list[float]:
    """The 1, 5 and 15 minute load averages (the machine is shared)."""
    return [round(value, 2) for value in os.getloadavg()]


def percentile(values: list[float], q: float) -> float:
    ordered = sorted(values)
    index = min(len(ordered) - 1, max(0, round(q / 100 * (len(ordered) - 1))))
    return ordered[index]


def latency_summary(latencies_ms: list[float]) -> dict[str, Any]:
    return {
        "requests": len(latencies_ms),
        "p50_ms": round(percentile(latencies_ms, 50), 2),
        "p99_ms": round(percentile(latencies_ms, 99), 2),
    }


def data_blocks(total: int, seed: bytes) -> Iterator[bytes]:
    """`total` bytes in 1 MiB blocks, each distinct, made without holding them all."""
    base = (seed * (BLOCK // len(seed) + 1))[:BLOCK]
    sent = 0
    number = 0
    while sent < total:
        size = min(BLOCK, total - sent)
        yield (number.to_bytes(8, "big") + base[8:])[:size]
        sent += size
        number += 1


async def aiter_blocks(total: int, seed: bytes) -> AsyncIterator[bytes]:
    for block in data_blocks(total, seed):
        yield block


def mb_per_s(size: int, seconds: float) -> float:
    return round(size / MiB / seconds, 1) if seconds > 0 else 0.0


def ratio(ours: float | None, theirs: float | None, digits: int = 3) -> float | None:
    if ours is None or not theirs:
        return None
    return round(ours / theirs, digits)


# -- the servers --------------------------------------------------------------------------


@dataclass
class Server:
    name: str
    process: subprocess.Popen[bytes]
    base: str
    log: Path
    extra: dict[str, Any] = field(default_factory=dict)

    @property
    def port(self) -> int:
        return int(self.base.rsplit(":", 1)[1])

    def stop(self) -> None:
        if self.process.poll() is None:
            self.process.terminate()
            try:
                self.process.wait(15)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait()


def wait_ready(server: Server, path: str, timeout: float = 60.0) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if server.process.poll() is not None:
            raise RuntimeError(f"{server.name} exited; see {server.log}")
        try:
            if httpx.get(server.base + path, timeout=2).status_code == 200:
                return
        except httpx.HTTPError:
            pass
        time.sleep(0.2)
    raise RuntimeError(f"{server.name} did not become ready; see {server.log}")


def start_dropbox_lite(mongo_uri: str | None, db_name: str, workdir: Path, label: str) -> Server:
    """`python -m dropbox_lite serve` from ROOT; no `mongo_uri`: the embedded store, seedable."""
    port = free_port()
    env = {key: value for key, value in os.environ.items() if not key.startswith("DROPBOX_LITE")}
    env.update(
        {
            "PYTHONPATH": str(ROOT),
            "DROPBOX_LITE_ENV": "development",
            "DROPBOX_LITE_DB_NAME": db_name,
            "DROPBOX_LITE_SECRET_KEY": secrets.token_urlsafe(32),
            "DROPBOX_LITE_HOST": "127.0.0.1",
            "DROPBOX_LITE_PORT": str(port),
            "DROPBOX_LITE_BCRYPT_ROUNDS": "10",
            "DROPBOX_LITE_PUBLIC_URL": f"http://127.0.0.1:{port}",
            # The small-upload workload is one user's PARALLEL uploads at once.
            "DROPBOX_LITE_MAX_CONCURRENT_UPLOADS": str(PARALLEL),
        }
    )
    # No access log: copyparty runs quiet (-q) too.
    command = [sys.executable, "-m", "dropbox_lite", "serve", "--no-access-log"]
    if mongo_uri:
        env["DROPBOX_LITE_MONGODB_URI"] = mongo_uri
    else:
        command = [sys.executable, "-c", MEMORY_LAUNCHER, str(workdir)]
    log = workdir / f"dropbox-lite-{label}.log"
    with open(log, "wb") as out:
        process = subprocess.Popen(
            command,
            cwd=ROOT,
            env=env,
            stdout=out,
            stderr=subprocess.STDOUT,
        )
    server = Server(f"dropbox-lite ({label})", process, f"http://127.0.0.1:{port}", log)
    wait_ready(server, "/readyz")
    return server


def start_plain_starlette(workdir: Path) -> Server:
    """A Starlette app with one JSON endpoint under the same uvicorn, for scale."""
    port = free_port()
    log = workdir / "plain-starlette.log"
    with open(log, "wb") as out:
        process = subprocess.Popen(
            [sys.executable, "-c", PLAIN_STARLETTE, str(port)],
            cwd=workdir,
            stdout=out,
            stderr=subprocess.STDOUT,
        )
    server = Server("plain starlette", process, f"http://127.0.0.1:{port}", log)
    wait_ready(server, "/readyz")
    return server


def start_copyparty(workdir: Path) -> Server:
    port = free_port()
    share = workdir / "copyparty-root"
    share.mkdir()
    log = workdir / "copyparty.log"
    with open(log, "wb") as out:
        process = subprocess.Popen(
            [
                sys.executable,
                "-m",
                "copyparty",
                "-i",
                "127.0.0.1",
                "-p",
                str(port),
                "-v",
                f"{share}::rw",
                "-q",
                "--no-thumb",
                "--http-only",
                "--no-crt",
            ],
            cwd=workdir,
            stdout=out,
            stderr=subprocess.STDOUT,
        )
    server = Server("copyparty", process, f"http://127.0.0.1:{port}", log, {"root": share})
    wait_ready(server, "/")
    return server


# -- counting round trips -----------------------------------------------------------------


def _cstring(data: bytes, at: int) -> str:
    end = data.index(b"\0", at)
    return data[at:end].decode("utf-8", "replace")


def command_name(opcode: int, body: bytes) -> str:
    """The command a client message carries: the first key of its command document."""
    try:
        if opcode == 2013:  # OP_MSG: flagBits, then sections; kind 0 is the command body
            at = 4
            while at < len(body):
                kind = body[at]
                if kind == 0:
                    return _cstring(body, at + 1 + 4 + 1)
                size = int.from_bytes(body[at + 1 : at + 5], "little")
                at += 1 + size
        if opcode == 2004:  # OP_QUERY: the legacy handshake
            collection_end = body.index(b"\0", 4)
            return _cstring(body, collection_end + 1 + 8 + 4 + 1)
    except (ValueError, IndexError):
        pass
    return f"opcode-{opcode}"


class CountingProxy:
    """A TCP proxy that records the name of every command a client sends to the database."""

    def __init__(self, upstream_host: str, upstream_port: int) -> None:
        self.upstream = (upstream_host, upstream_port)
        self.port = free_port()
        self.commands: list[str] = []
        self.lock = threading.Lock()
        self.loop = asyncio.new_event_loop()
        self.ready = threading.Event()
        self.thread = threading.Thread(target=self._run, daemon=True)

    def start(self) -> None:
        self.thread.start()
        if not self.ready.wait(10):
            raise RuntimeError("the counting proxy did not start")

    def stop(self) -> None:
        self.loop.call_soon_threadsafe(self.loop.stop)
        self.thread.join(10)

    def mark(self) -> int:
        with self.lock:
            return len(self.commands)

    def since(self, mark: int) -> list[str]:
        with self.lock:
            return [
                name for name in self.commands[mark:] if name.lower() not in MONITORING_COMMANDS
            ]

    def _run(self) -> None:
        asyncio.set_event_loop(self.loop)
        server = self.loop.run_until_complete(
            asyncio.start_server(self._handle, "127.0.0.1", self.port)
        )
        self.ready.set()
        try:
            self.loop.run_forever()
        finally:
            server.close()

    async def _handle(self, reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        up_reader, up_writer = await asyncio.open_connection(*self.upstream)

        async def client_to_server() -> None:
            while True:
                header = await reader.readexactly(16)
                length = int.from_bytes(header[:4], "little")
                body = await reader.readexactly(length - 16)
                name = command_name(int.from_bytes(header[12:16], "little"), body)
                with self.lock:
                    self.commands.append(name)
                up_writer.write(header + body)
                await up_writer.drain()

        async def server_to_client() -> None:
            while data := await up_reader.read(1 << 16):
                writer.write(data)
                await writer.drain()

        try:
            await asyncio.gather(client_to_server(), server_to_client())
        except (asyncio.IncompleteReadError, ConnectionError):
            pass
        finally:
            writer.close()
            up_writer.close()


# -- clients ------------------------------------------------------------------------------


def multipart_body(
    operations: dict[str, Any], filename: str, total: int, seed: bytes
) -> tuple[str, int, Callable[[], AsyncIterator[bytes]]]:
    """A GraphQL multipart request (operations, map, file 0) as a stream and its length."""
    boundary = uuid.uuid4().hex
    head = (
        f"--{boundary}\r\n"
        'Content-Disposition: form-data; name="operations"\r\n\r\n'
        f"{json.dumps(operations)}\r\n"
        f"--{boundary}\r\n"
        'Content-Disposition: form-data; name="map"\r\n\r\n'
        '{"0": ["variables.file"]}\r\n'
        f"--{boundary}\r\n"
        f'Content-Disposition: form-data; name="0"; filename="{filename}"\r\n'
        "Content-Type: application/octet-stream\r\n\r\n"
    ).encode()
    tail = f"\r\n--{boundary}--\r\n".encode()

    async def stream() -> AsyncIterator[bytes]:
        yield head
        async for block in aiter_blocks(total, seed):
            yield block
        yield tail

    return f"multipart/form-data; boundary={boundary}", len(head) + total + len(tail), stream


START_SESSION = "mutation { startUploadSession { ... on UploadSession { id uploadUrl } } }"
FINISH_SESSION = """
mutation($id: ID!, $name: String!, $mode: WriteMode) {
  finishUploadSession(sessionId: $id, name: $name, mode: $mode) {
    __typename ... on File { id size } ... on Error { code message }
  }
}
"""
FINISH_BATCH = """
mutation($entries: [UploadBatchEntry!]!) {
  finishUploadBatch(entries: $entries) { __typename ... on Error { code message } }
}
"""
MISSING_BLOCKS = "query($blocks: [String!]!) { missingBlocks(blocks: $blocks) }"
FILE_REV = "query($id: ID!) { entry(id: $id) { ... on File { rev } } }"
CONTENT_BLOCK = 4 * 1024 * 1024  # the server's block (files/blobs.py BLOCK_SIZE)


class DropboxLite:
    def __init__(self, client: httpx.AsyncClient, server: Server) -> None:
        self.client = client
        self.server = server
        self.token = ""
        self.user_id = ""

    @property
    def auth(self) -> dict[str, str]:
        return {"Authorization": f"Bearer {self.token}"} if self.token else {}

    async def graphql(self, query: str, variables: dict[str, Any]) -> dict[str, Any]:
        response = await self.client.post(
            "/graphql", json={"query": query, "variables": variables}, headers=self.auth
        )
        body: dict[str, Any] = response.json()
        if response.status_code != 200 or body.get("errors"):
            raise RuntimeError(f"GraphQL failed: {response.status_code} {body}")
        return body["data"]

    async def signup(self) -> None:
        data = await self.graphql(SIGNUP, {"u": "bench", "p": PASSWORD})
        self.token = data["signup"]["token"]
        self.user_id = data["signup"]["user"]["id"]

    async def create_folder(self, name: str, parent_id: str | None = None) -> str:
        data = await self.graphql(CREATE_FOLDER, {"name": name, "parentId": parent_id})
        result = data["createFolder"]
        if result["__typename"] != "Folder":
            raise RuntimeError(f"createFolder: {result}")
        return str(result["id"])

    async def rename(self, entry_id: str, name: str) -> None:
        data = await self.graphql(RENAME, {"id": entry_id, "name": name})
        if data["renameEntry"]["__typename"] not in ("Folder", "File"):
            raise RuntimeError(f"renameEntry: {data['renameEntry']}")

    async def upload(
        self, name: str, total: int, seed: bytes, parent_id: str | None, mode: str = "ADD"
    ) -> str:
        operations = {
            "query": UPLOAD,
            "variables": {"file": None, "parentId": parent_id, "mode": mode},
        }
        content_type, length, stream = multipart_body(operations, name, total, seed)
        response = await self.client.post(
            "/graphql",
            content=stream(),
            headers={**self.auth, "Content-Type": content_type, "Content-Length": str(length)},
        )
        body = response.json()
        result = (body.get("data") or {}).get("uploadFile")
        if response.status_code != 200 or not result or result["__typename"] != "File":
            raise RuntimeError(f"upload failed: {response.status_code} {body}")
        if result["size"] != total:
            raise RuntimeError(f"upload stored {result['size']} bytes, sent {total}")
        return str(result["id"])

    async def tus_upload(self, name: str, total: int, seed: bytes) -> str:
        """tus: creation, then one PATCH streaming every byte (what Uppy and tuspy do)."""
        meta = "filename " + base64.b64encode(name.encode()).decode()
        tus = {"Tus-Resumable": "1.0.0"}
        made = await self.client.post(
            "/tus/",
            headers={**self.auth, **tus, "Upload-Length": str(total), "Upload-Metadata": meta},
        )
        if made.status_code != 201:
            raise RuntimeError(f"tus creation failed: {made.status_code} {made.text}")
        sent = await self.client.patch(
            made.headers["location"],
            content=aiter_blocks(total, seed),
            headers={
                **self.auth,
                **tus,
                "Upload-Offset": "0",
                "Content-Type": "application/offset+octet-stream",
                "Content-Length": str(total),
            },
        )
        if sent.status_code != 204 or "x-entry-id" not in sent.headers:
            raise RuntimeError(f"tus upload failed: {sent.status_code} {sent.text}")
        return str(sent.headers["x-entry-id"])

    async def start_session(self) -> str:
        data = await self.graphql(START_SESSION, {})
        return str(data["startUploadSession"]["uploadUrl"])

    async def finish_session(self, url: str, name: str, mode: str = "ADD") -> dict[str, Any]:
        data = await self.graphql(
            FINISH_SESSION, {"id": url.rsplit("/", 1)[1], "name": name, "mode": mode}
        )
        result: dict[str, Any] = data["finishUploadSession"]
        if result["__typename"] != "File":
            raise RuntimeError(f"finishUploadSession: {result}")
        return result

    async def session_upload(self, name: str, total: int, seed: bytes) -> str:
        """An upload session: start, one PATCH at offset 0 with every byte, finish."""
        url = await self.start_session()
        sent = await self.client.patch(
            url,
            content=aiter_blocks(total, seed),
            headers={**self.auth, "Upload-Offset": "0", "Content-Length": str(total)},
        )
        if sent.status_code != 200:
            raise RuntimeError(f"session append failed: {sent.status_code} {sent.text}")
        return str((await self.finish_session(url, name))["id"])

    async def batch_small(
        self,
        count: int,
        size: int,
        parent_id: str | None,
        per_request: int = 500,
        seed: str = "",
    ) -> int:
        """`count` new files of `size` bytes: blocks in requests of `per_request`, then
        one finishUploadBatch per 1,000 files; the HTTP requests it took."""
        url = await self.start_session()
        requests = 1
        hashes: list[str] = []
        for first in range(0, count, per_request):
            pieces = [
                (f"{seed}batch-{n:06d}-".encode() * size)[:size]
                for n in range(first, min(first + per_request, count))
            ]
            sent = await self.client.post(
                f"{url}/blocks?first={first}",
                content=b"".join(pieces),
                headers={**self.auth, "X-Block-Sizes": ",".join(str(len(p)) for p in pieces)},
            )
            requests += 1
            if sent.status_code != 200:
                raise RuntimeError(f"blocks failed: {sent.status_code} {sent.text}")
            hashes.extend(sent.json()["blocks"])
        for first in range(0, count, 1000):
            entries = [
                {"name": f"b{n:05d}.bin", "parentId": parent_id, "blocks": [hashes[n]]}
                for n in range(first, min(first + 1000, count))
            ]
            data = await self.graphql(FINISH_BATCH, {"entries": entries})
            requests += 1
            kinds = {r["__typename"] for r in data["finishUploadBatch"]}
            if kinds != {"File"}:
                raise RuntimeError(f"finishUploadBatch: {kinds}")
        return requests

    async def delta_edit(self, file_id: str, total: int, seed: bytes) -> dict[str, int]:
        """Change one byte in the middle of the file, as a delta: ask which blocks are
        missing, send those, commit the new list. The bytes and requests it took."""
        middle = total // 2
        digests: list[str] = []
        hasher = hashlib.sha256()
        filled = 0
        changed_block = b""
        at = 0
        for piece in data_blocks(total, seed):
            if at <= middle < at + len(piece):
                piece = (
                    piece[: middle - at]
                    + bytes([piece[middle - at] ^ 0xFF])
                    + piece[middle - at + 1 :]
                )
            at += len(piece)
            view = memoryview(piece)
            while view:
                take = min(len(view), CONTENT_BLOCK - filled)
                hasher.update(view[:take])
                if len(digests) == middle // CONTENT_BLOCK:
                    changed_block += bytes(view[:take])
                filled += take
                view = view[take:]
                if filled == CONTENT_BLOCK:
                    digests.append(hasher.hexdigest())
                    hasher, filled = hashlib.sha256(), 0
        if filled:
            digests.append(hasher.hexdigest())
        revision = await self.graphql(FILE_REV, {"id": file_id})
        missing: list[str] = (await self.graphql(MISSING_BLOCKS, {"blocks": digests}))[
            "missingBlocks"
        ]
        url = await self.start_session()
        sent_bytes = 0
        for digest in missing:
            index = digests.index(digest)
            if index != middle // CONTENT_BLOCK:
                raise RuntimeError(f"block {index} is missing too")
            response = await self.client.put(
                f"{url}/blocks/{index}", content=changed_block, headers=self.auth
            )
            if response.status_code != 200:
                raise RuntimeError(f"block failed: {response.status_code}")
            sent_bytes += len(changed_block)
        entry = {
            "name": "big.bin",
            "blocks": digests,
            "mode": "UPDATE",
            "parentRev": revision["entry"]["rev"],
        }
        data = await self.graphql(FINISH_BATCH, {"entries": [entry]})
        if data["finishUploadBatch"][0]["__typename"] != "File":
            raise RuntimeError(f"delta commit: {data}")
        return {"bytes_sent": sent_bytes, "blocks_sent": len(missing), "requests": 5}

    async def download(self, file_id: str) -> int:
        received = 0
        async with self.client.stream(
            "GET", f"/files/{file_id}/content", headers=self.auth
        ) as response:
            if response.status_code != 200:
                raise RuntimeError(f"download failed: {response.status_code}")
            async for chunk in response.aiter_raw():
                received += len(chunk)
        return received

    async def list_page(self, folder_id: str, after: str | None) -> tuple[str | None, int]:
        data = await self.graphql(CHILDREN, {"id": folder_id, "after": after})
        children = data["folder"]["children"]
        page = children["pageInfo"]
        return (page["endCursor"] if page["hasNextPage"] else None), len(children["edges"])

    async def latest_cursor(self) -> str:
        return str((await self.graphql(LATEST_CURSOR, {}))["latestCursor"])

    async def changes(self, cursor: str | None) -> int:
        return len((await self.graphql(CHANGES, {"cursor": cursor}))["changes"]["changes"])

    async def me(self) -> None:
        data = await self.graphql(ME, {})
        if data["me"]["id"] != self.user_id:
            raise RuntimeError(f"me: {data}")


class Copyparty:
    def __init__(self, client: httpx.AsyncClient, server: Server) -> None:
        self.client = client
        self.server = server

    async def upload(self, path: str, total: int, seed: bytes) -> None:
        response = await self.client.put(
            path, content=aiter_blocks(total, seed), headers={"Content-Length": str(total)}
        )
        if response.status_code not in (200, 201):
            raise RuntimeError(f"copyparty upload failed: {response.status_code}")
        stored = Path(self.server.extra["root"]) / path.lstrip("/")
        if stored.stat().st_size != total:
            raise RuntimeError(f"copyparty stored {stored.stat().st_size} bytes, sent {total}")

    async def download(self, path: str) -> int:
        received = 0
        async with self.client.stream("GET", path) as response:
            if response.status_code != 200:
                raise RuntimeError(f"copyparty download failed: {response.status_code}")
            async for chunk in response.aiter_raw():
                received += len(chunk)
        return received

    async def list_folder(self, path: str) -> int:
        response = await self.client.get(path, params={"ls": ""})
        if response.status_code != 200:
            raise RuntimeError(f"copyparty listing failed: {response.status_code}")
        listing = response.json()
        return len(listing.get("dirs", [])) + len(listing.get("files", []))


async def timed(work: Awaitable[Any]) -> tuple[float, Any]:
    started = time.perf_counter()
    result = await work
    return time.perf_counter() - started, result


async def in_parallel(count: int, job: Callable[[int], Awaitable[None]]) -> float:
    queue: asyncio.Queue[int] = asyncio.Queue()
    for number in range(count):
        queue.put_nowait(number)

    async def worker() -> None:
        while not queue.empty():
            await job(queue.get_nowait())

    started = time.perf_counter()
    await asyncio.gather(*(worker() for _ in range(PARALLEL)))
    return time.perf_counter() - started


async def request_rate(
    port: int, path: str, body: bytes, headers: dict[str, str], seconds: float
) -> dict[str, Any]:
    """Requests per second of one POST repeated on PARALLEL keep-alive connections.

    A minimal HTTP/1.1 client (asyncio streams, Content-Length bodies only): httpx
    costs more CPU per request than a small endpoint does, and shares the cores.
    """
    head = (
        f"POST {path} HTTP/1.1\r\nHost: 127.0.0.1:{port}\r\n"
        "Content-Type: application/json\r\n"
        + "".join(f"{name}: {value}\r\n" for name, value in headers.items())
        + f"Content-Length: {len(body)}\r\n\r\n"
    ).encode()
    request = head + body
    counts = [0] * PARALLEL
    first_body: list[bytes] = []
    warmup_until = time.perf_counter() + min(1.0, seconds / 4)
    measuring: dict[str, float] = {}

    async def connection(number: int) -> None:
        reader, writer = await asyncio.open_connection("127.0.0.1", port)
        try:
            while True:
                now = time.perf_counter()
                if now >= measuring.get("end", float("inf")):
                    return
                writer.write(request)
                raw_head = await reader.readuntil(b"\r\n\r\n")
                lines = raw_head.decode("latin-1").split("\r\n")
                status = int(lines[0].split()[1])
                length = next(
                    (
                        int(line.split(":", 1)[1])
                        for line in lines
                        if line.lower().startswith("content-length:")
                    ),
                    None,
                )
                if length is None:
                    raise RuntimeError(f"no Content-Length from {path}: {lines}")
                response = await reader.readexactly(length)
                if status != 200:
                    raise RuntimeError(f"{path} answered {status}: {response[:300]!r}")
                if not first_body:
                    first_body.append(response)
                if "start" in measuring:
                    counts[number] += 1
        finally:
            writer.close()

    async def clock() -> None:
        await asyncio.sleep(max(0.0, warmup_until - time.perf_counter()))
        measuring["start"] = time.perf_counter()
        await asyncio.sleep(seconds)
        measuring["end"] = time.perf_counter()

    await asyncio.gather(clock(), *(connection(n) for n in range(PARALLEL)))
    elapsed = measuring["end"] - measuring["start"]
    return {
        "req_per_s": round(sum(counts) / elapsed, 1),
        "requests": sum(counts),
        "seconds": round(elapsed, 2),
        "connections": PARALLEL,
        "sample_response": first_body[0][:200].decode("utf-8", "replace") if first_body else "",
    }


# -- documents written directly -----------------------------------------------------------


def folder_docs(owner_id: str, parent_id: str, count: int, first_seq: int) -> list[dict[str, Any]]:
    """Folder entries as the entries contract describes them."""
    owner = ObjectId(owner_id)
    parent = ObjectId(parent_id)
    at = datetime.now(UTC)
    docs = []
    for number in range(count):
        name = f"entry-{number:05d}"
        docs.append(
            {
                "_id": ObjectId(),
                "owner_id": owner,
                "parent_id": parent,
                "name": name,
                "name_key": name,
                "slot": name,
                "is_file": False,
                "size": 0,
                "rev": 0,
                "created_at": at,
                "modified_at": at,
                "trashed": False,
                "trashed_at": None,
                "trash_root": False,
                "deleted": False,
                "seq": first_seq + number,
            }
        )
    return docs


def insert_folders(mongo_uri: str, db_name: str, owner_id: str, parent_id: str, count: int) -> None:
    """`count` folders under `parent_id`, written as the entries contract describes.

    Direct inserts take a second where 10,000 createFolder calls would take minutes; the
    change numbers are claimed as one block.
    """
    owner = ObjectId(owner_id)
    with MongoClient(mongo_uri) as client:
        db = client[db_name]
        # Numbers are claimed as the journal claims them (files/journal.py): a claim at
        # top + count reserves the whole block, since writers claim above the top.
        top = db["seq_claims"].find_one({"owner_id": owner}, sort=[("seq", -1)])
        first_seq = (int(top["seq"]) if top else 0) + 1
        last = first_seq + count - 1
        db["seq_claims"].insert_one(
            {"_id": f"{owner}:{last}", "owner_id": owner, "seq": last, "at": datetime.now(UTC)}
        )
        docs = folder_docs(owner_id, parent_id, count, first_seq)
        for start in range(0, count, 1000):
            db["entries"].insert_many(docs[start : start + 1000], ordered=False)


# -- the raw driver ceiling ---------------------------------------------------------------


class BlockReader:
    """A file-like view of data_blocks, for GridFS writers that call read(n)."""

    def __init__(self, total: int, seed: bytes) -> None:
        self.blocks = data_blocks(total, seed)
        self.buffer = b""

    def read(self, size: int = -1) -> bytes:
        while size < 0 or len(self.buffer) < size:
            block = next(self.blocks, None)
            if block is None:
                break
            self.buffer += block
        if size < 0:
            data, self.buffer = self.buffer, b""
        else:
            data, self.buffer = self.buffer[:size], self.buffer[size:]
        return data


def raw_write_file(db: Any, total: int, seed: bytes, file_id: Any = None) -> Any:
    """One GridFS file in the spec's layout: chunks by insert_many, then its files document."""
    file_id = file_id or ObjectId()
    reader = BlockReader(total, seed)
    batch: list[dict[str, Any]] = []
    number = 0
    while piece := reader.read(CHUNK_BYTES):
        batch.append({"_id": ObjectId(), "files_id": file_id, "n": number, "data": Binary(piece)})
        number += 1
        if len(batch) == RAW_BATCH_CHUNKS:
            db[f"{BUCKET}.chunks"].insert_many(batch, ordered=True)
            batch = []
    if batch:
        db[f"{BUCKET}.chunks"].insert_many(batch, ordered=True)
    db[f"{BUCKET}.files"].insert_one(
        {
            "_id": file_id,
            "length": total,
            "chunkSize": CHUNK_BYTES,
            "uploadDate": datetime.now(UTC),
            "filename": "raw",
            "metadata": {},
        }
    )
    return file_id


def raw_read_file(db: Any, file_id: Any) -> int:
    """A GridFS file's bytes, as a GridFS reader fetches them: one find by files_id, by n."""
    received = 0
    # Batches of RAW_BATCH_CHUNKS: FerretDB's default batch can pass the 48 MB message limit.
    chunks = db[f"{BUCKET}.chunks"].find({"files_id": file_id}).sort("n", 1)
    for chunk in chunks.batch_size(RAW_BATCH_CHUNKS):
        received += len(chunk["data"])
    return received


def raw_read_blocks(db: Any, block_ids: list[Any]) -> int:
    """A block list's bytes: one find over its blocks' chunks, in (files_id, n) order."""
    received = 0
    chunks = db[f"{BUCKET}.chunks"].find({"files_id": {"$in": block_ids}})
    for chunk in chunks.sort([("files_id", 1), ("n", 1)]).batch_size(RAW_BATCH_CHUNKS):
        received += len(chunk["data"])
    return received


def raw_ceiling(
    db: Any,
    *,
    size: int,
    files: int,
    entries: int,
    max_pages: int,
    round_trip_seconds: float,
    threads: int,
) -> dict[str, Any]:
    """The driver alone on `db` (pymongo, or mongomock for the embedded store)."""
    result: dict[str, Any] = {"load": load()}
    db[f"{BUCKET}.chunks"].create_indexes(
        [IndexModel([("files_id", ASCENDING), ("n", ASCENDING)], unique=True)]
    )
    started = time.perf_counter()
    file_id = raw_write_file(db, size, b"raw-file")
    seconds = time.perf_counter() - started
    result["gridfs_write"] = {"mb_per_s": mb_per_s(size, seconds), "seconds": round(seconds, 2)}
    started = time.perf_counter()
    received = raw_read_file(db, file_id)
    seconds = time.perf_counter() - started
    if received != size:
        raise RuntimeError(f"raw read {received} bytes of {size}")
    result["gridfs_read"] = {"mb_per_s": mb_per_s(size, seconds), "seconds": round(seconds, 2)}
    db[f"{BUCKET}.chunks"].delete_many({"files_id": file_id})
    db[f"{BUCKET}.files"].delete_one({"_id": file_id})

    def small(number: int) -> None:
        raw_write_file(db, SMALL_BYTES, f"s{number}-".encode())

    started = time.perf_counter()
    with ThreadPoolExecutor(threads) as pool:
        list(pool.map(small, range(files)))
    seconds = time.perf_counter() - started
    result["small_gridfs_files"] = {
        "files": files,
        "parallel": PARALLEL,
        "per_s": round(files / seconds, 1),
        "how": "two inserts each (one chunk, then the files document)",
    }

    probe = db["bench_probe"]
    probe.insert_one({"_id": "probe", "value": 1})

    def round_trips(deadline: float) -> int:
        done = 0
        while time.perf_counter() < deadline:
            probe.find_one({"_id": "probe"})
            done += 1
        return done

    deadline = time.perf_counter() + round_trip_seconds
    sequential = round_trips(deadline) / round_trip_seconds
    deadline = time.perf_counter() + round_trip_seconds
    with ThreadPoolExecutor(threads) as pool:
        parallel = sum(pool.map(round_trips, [deadline] * threads)) / round_trip_seconds
    result["small_command"] = {
        "per_s_sequential": round(sequential, 1),
        "per_s_parallel": round(parallel, 1),
        "parallel": threads,
        "how": "find_one by _id on a one-document collection",
    }

    owner, parent = str(ObjectId()), str(ObjectId())
    docs = folder_docs(owner, parent, entries, 1)
    db["entries"].create_indexes(
        [
            IndexModel(
                [
                    ("owner_id", ASCENDING),
                    ("parent_id", ASCENDING),
                    ("trashed", ASCENDING),
                    ("is_file", ASCENDING),
                    ("name_key", ASCENDING),
                ],
                name="listing",
            )
        ]
    )
    for start in range(0, entries, 1000):
        db["entries"].insert_many(docs[start : start + 1000], ordered=False)
    latencies: list[float] = []
    base = {"owner_id": ObjectId(owner), "parent_id": ObjectId(parent), "trashed": False}
    after: str | None = None
    seen = 0
    while True:
        query: dict[str, Any] = {**base, "is_file": False}
        if after is not None:
            query["name_key"] = {"$gt": after}
        started = time.perf_counter()
        page = list(db["entries"].find(query).sort("name_key", 1).limit(101))
        latencies.append((time.perf_counter() - started) * 1000)
        seen += min(len(page), 100)
        if len(page) <= 100 or len(latencies) == max_pages:
            break
        after = page[99]["name_key"]
    if seen != min(entries, 100 * max_pages):
        raise RuntimeError(f"raw paging saw {seen} of {entries}")
    result["children_page_100"] = {
        "entries": entries,
        **latency_summary(latencies),
        "how": "the app's query (equality prefix, name_key range, sort, limit 101), pages in turn",
    }
    return result


# -- dropbox-lite -------------------------------------------------------------------------


async def bench_dropbox_lite(
    server: Server,
    *,
    size: int,
    files: int,
    entries: int,
    max_pages: int,
    fill_folder: Callable[[DropboxLite, str, int], Awaitable[tuple[str, str]]],
    me_seconds: float,
) -> tuple[dict[str, Any], DropboxLite, str]:
    pid = server.process.pid
    limits = httpx.Limits(max_connections=PARALLEL * 2)
    async with httpx.AsyncClient(base_url=server.base, timeout=None, limits=limits) as client:
        app = DropboxLite(client, server)
        await app.signup()
        result: dict[str, Any] = {"load": load()}

        with rss_sampler(pid) as rss:
            seconds, file_id = await timed(app.upload("big.bin", size, b"big-file", None))
        result["upload"] = {"mb_per_s": mb_per_s(size, seconds), "seconds": round(seconds, 2)}
        result["upload"].update(rss)

        with rss_sampler(pid) as rss:
            seconds, received = await timed(app.download(file_id))
        if received != size:
            raise RuntimeError(f"downloaded {received} bytes of {size}")
        result["download"] = {"mb_per_s": mb_per_s(size, seconds), "seconds": round(seconds, 2)}
        result["download"].update(rss)

        small_folder = await app.create_folder("small")

        async def small(number: int) -> None:
            await app.upload(
                f"f{number:05d}.bin", SMALL_BYTES, f"s{number}-".encode(), small_folder
            )

        with rss_sampler(pid) as rss:
            seconds = await in_parallel(files, small)
        result["small_uploads"] = {
            "files": files,
            "bytes_each": SMALL_BYTES,
            "parallel": PARALLEL,
            "per_s": round(files / seconds, 1),
            "seconds": round(seconds, 2),
            "peak_rss_mb": rss["peak_rss_mb"],
        }

        # The content plane (issue 20), side by side with the figures above.
        with rss_sampler(pid) as rss:
            seconds, _ = await timed(app.tus_upload("tus.bin", size, b"tus-file"))
        result["tus_upload"] = {"mb_per_s": mb_per_s(size, seconds), "seconds": round(seconds, 2)}
        result["tus_upload"].update(rss)
        with rss_sampler(pid) as rss:
            seconds, _ = await timed(app.session_upload("session.bin", size, b"session-file"))
        result["session_upload"] = {
            "mb_per_s": mb_per_s(size, seconds),
            "seconds": round(seconds, 2),
        }
        result["session_upload"].update(rss)
        batch_folder = await app.create_folder("batch")
        seconds, requests = await timed(app.batch_small(files, SMALL_BYTES, batch_folder))
        result["batch_small_uploads"] = {
            "files": files,
            "bytes_each": SMALL_BYTES,
            "http_requests": requests,
            "per_s": round(files / seconds, 1),
            "seconds": round(seconds, 2),
            "over_one_request_per_file": ratio(
                round(files / seconds, 1), result["small_uploads"]["per_s"]
            ),
        }
        seconds, delta = await timed(app.delta_edit(file_id, size, b"big-file"))
        result["delta_one_byte_edit"] = {**delta, "file_bytes": size, "seconds": round(seconds, 2)}

        started = time.perf_counter()
        folder, how = await fill_folder(app, "listing", entries)
        setup_seconds = time.perf_counter() - started
        count = await app.graphql(COUNT, {"id": folder})
        total = count["folder"]["children"]["totalCount"]
        if total != entries:
            raise RuntimeError(f"the listing folder has {total} entries, not {entries}")
        latencies: list[float] = []
        seen = 0
        after: str | None = None
        while True:
            seconds, (after, got) = await timed(app.list_page(folder, after))
            latencies.append(seconds * 1000)
            seen += got
            if after is None or len(latencies) == max_pages:
                break
        if seen != min(entries, 100 * max_pages):
            raise RuntimeError(f"paging saw {seen} entries of {entries}")
        result["children_page_100"] = {
            "entries": entries,
            **latency_summary(latencies),
            "setup": f"{how} ({setup_seconds:.1f} s); the first {len(latencies)} pages in turn",
        }

        body = json.dumps({"query": ME}).encode()
        rate = await request_rate(
            server.port, "/graphql", body, {"Authorization": f"Bearer {app.token}"}, me_seconds
        )
        if app.user_id not in rate["sample_response"]:
            raise RuntimeError(f"me answered {rate['sample_response']}")
        result["me"] = rate
        return result, app, file_id


def fill_by_insert(
    mongo_uri: str, db_name: str
) -> Callable[[DropboxLite, str, int], Awaitable[tuple[str, str]]]:
    async def fill(app: DropboxLite, name: str, count: int) -> tuple[str, str]:
        folder = await app.create_folder(name)
        await asyncio.to_thread(insert_folders, mongo_uri, db_name, app.user_id, folder, count)
        return folder, "folders inserted directly per the entries contract"

    return fill


def fill_embedded(
    workdir: Path, db_name: str
) -> Callable[[DropboxLite, str, int], Awaitable[tuple[str, str]]]:
    async def fill(app: DropboxLite, name: str, count: int) -> tuple[str, str]:
        folder = await app.create_folder(name)
        docs = folder_docs(app.user_id, folder, count, 0)
        request = {"db": db_name, "owner_id": ObjectId(app.user_id), "docs": docs}
        done = workdir / "seed-done"
        done.unlink(missing_ok=True)
        (workdir / "seed-request.json.tmp").write_text(json_util.dumps(request))
        (workdir / "seed-request.json.tmp").rename(workdir / "seed-request.json")
        deadline = time.monotonic() + 120
        while not done.exists():
            if time.monotonic() > deadline:
                raise RuntimeError("the embedded store was not seeded within 120 s")
            await asyncio.sleep(0.05)
        if (outcome := done.read_text()) != "ok":
            raise RuntimeError(f"seeding the embedded store failed: {outcome}")
        return folder, "folders inserted directly into the embedded store per the entries contract"

    return fill


async def fill_by_api(app: DropboxLite, name: str, count: int) -> tuple[str, str]:
    folder = await app.create_folder(name)

    async def one(number: int) -> None:
        await app.create_folder(f"entry-{number:05d}", folder)

    await in_parallel(count, one)
    return folder, f"{count} createFolder calls, {PARALLEL} in parallel"


async def plain_rate(server: Server, seconds: float) -> dict[str, Any]:
    result = await request_rate(
        server.port, "/graphql", json.dumps({"query": ME}).encode(), {}, seconds
    )
    result["load"] = load()
    return result


async def round_trips_per_operation(
    server: Server, proxy: CountingProxy, mongo_uri: str, db_name: str, repeats: int
) -> dict[str, Any]:
    """Commands the app sends the database for each operation, `repeats` times each."""
    limits = httpx.Limits(max_connections=2)
    async with httpx.AsyncClient(base_url=server.base, timeout=None, limits=limits) as client:
        app = DropboxLite(client, server)
        await app.signup()
        folder = await app.create_folder("rt")
        # Through the API, not insert_folders: the feed's claims must be the app's own here.
        listing, _ = await fill_by_api(app, "rt-listing", 101)
        samples: dict[str, list[list[str]]] = {}

        async def count(name: str, work: Awaitable[Any]) -> Any:
            # The coroutine has not started yet: nothing runs before the mark.
            await asyncio.sleep(0.3)  # let anything the previous request left running finish
            mark = proxy.mark()
            value = await work
            await asyncio.sleep(0.3)
            samples.setdefault(name, []).append(proxy.since(mark))
            return value

        file_ids: list[str] = []
        folder_ids: list[str] = []
        for number in range(repeats):
            await app.me()  # the session is warm, as for a client that is signed in
            cursor = await app.latest_cursor()
            file_ids.append(
                await count(
                    "upload_4k_new",
                    app.upload(f"rt-{number}.bin", SMALL_BYTES, f"n{number}".encode(), folder),
                )
            )
            await count(
                "upload_4k_overwrite",
                app.upload(
                    f"rt-{number}.bin", SMALL_BYTES, f"o{number}".encode(), folder, "OVERWRITE"
                ),
            )
            folder_ids.append(await count("createFolder", app.create_folder(f"rt-f{number}")))
            await count("renameEntry", app.rename(folder_ids[-1], f"rt-g{number}"))
            await count("children_page", app.list_page(listing, None))
            await count("changes_page", app.changes(cursor))
            await count("download_4k", app.download(file_ids[-1]))
            await count("me", app.me())

    result: dict[str, Any] = {}
    for name, runs in samples.items():
        counts = [len(run) for run in runs]
        result[name] = {
            "median": statistics.median(counts),
            "min": min(counts),
            "max": max(counts),
            "commands": runs[-1],
        }
    return result


async def bench_copyparty(server: Server, size: int, files: int, entries: int) -> dict[str, Any]:
    pid = server.process.pid
    limits = httpx.Limits(max_connections=PARALLEL * 2)
    async with httpx.AsyncClient(base_url=server.base, timeout=None, limits=limits) as client:
        app = Copyparty(client, server)
        result: dict[str, Any] = {"load": load()}
        with rss_sampler(pid) as rss:
            seconds, _ = await timed(app.upload("/big.bin", size, b"big-file"))
        result["upload"] = {"mb_per_s": mb_per_s(size, seconds), "seconds": round(seconds, 2)}
        result["upload"].update(rss)
        with rss_sampler(pid) as rss:
            seconds, received = await timed(app.download("/big.bin"))
        if received != size:
            raise RuntimeError(f"copyparty sent {received} bytes of {size}")
        result["download"] = {"mb_per_s": mb_per_s(size, seconds), "seconds": round(seconds, 2)}
        result["download"].update(rss)

        root = Path(server.extra["root"])
        (root / "small").mkdir()

        async def small(number: int) -> None:
            await app.upload(f"/small/f{number:05d}.bin", SMALL_BYTES, f"s{number}-".encode())

        with rss_sampler(pid) as rss:
            seconds = await in_parallel(files, small)
        result["small_uploads"] = {
            "files": files,
            "per_s": round(files / seconds, 1),
            "seconds": round(seconds, 2),
            "peak_rss_mb": rss["peak_rss_mb"],
        }

        listing = root / "listing"
        listing.mkdir()
        for number in range(entries):
            (listing / f"entry-{number:05d}").mkdir()
        latencies: list[float] = []
        for _ in range(20):
            seconds, count = await timed(app.list_folder("/listing/"))
            latencies.append(seconds * 1000)
            if count != entries:
                raise RuntimeError(f"copyparty listed {count} entries, not {entries}")
        result["listing_whole_folder"] = {
            "entries": entries,
            **latency_summary(latencies),
            "note": "copyparty has no paging: ?ls returns the whole folder as JSON",
        }
        return result


def ratios_to_raw(ours: dict[str, Any], raw: dict[str, Any]) -> dict[str, float | None]:
    """Each of our figures over the same backend's raw driver figure (1.0 = the ceiling)."""
    result = {
        "upload_mb_per_s": ratio(ours["upload"]["mb_per_s"], raw["gridfs_write"]["mb_per_s"]),
        "download_mb_per_s": ratio(ours["download"]["mb_per_s"], raw["gridfs_read"]["mb_per_s"]),
        "small_uploads_per_s": ratio(
            ours["small_uploads"]["per_s"], raw["small_gridfs_files"]["per_s"]
        ),
        "tus_upload_mb_per_s": ratio(
            ours["tus_upload"]["mb_per_s"], raw["gridfs_write"]["mb_per_s"]
        ),
        "session_upload_mb_per_s": ratio(
            ours["session_upload"]["mb_per_s"], raw["gridfs_write"]["mb_per_s"]
        ),
        "me_req_per_s_over_parallel_round_trips": ratio(
            ours["me"]["req_per_s"], raw["small_command"]["per_s_parallel"]
        ),
        # Latency: the ceiling's time over ours, so that 1.0 is again the limit.
        "children_page_p50": ratio(
            raw["children_page_100"]["p50_ms"], ours["children_page_100"]["p50_ms"]
        ),
    }
    if "download_with_other_data" in ours and "gridfs_read_with_other_data" in raw:
        result["download_with_other_data_mb_per_s"] = ratio(
            ours["download_with_other_data"]["mb_per_s"],
            raw["gridfs_read_with_other_data"]["mb_per_s"],
        )
    return result


def ratios_to_copyparty(ours: dict[str, Any], theirs: dict[str, Any]) -> dict[str, float | None]:
    return {
        "upload_mb_per_s": ratio(ours["upload"]["mb_per_s"], theirs["upload"]["mb_per_s"]),
        "download_mb_per_s": ratio(ours["download"]["mb_per_s"], theirs["download"]["mb_per_s"]),
        "upload_peak_rss": ratio(ours["upload"]["peak_rss_mb"], theirs["upload"]["peak_rss_mb"]),
        "download_peak_rss": ratio(
            ours["download"]["peak_rss_mb"], theirs["download"]["peak_rss_mb"]
        ),
        "small_uploads_per_s": ratio(
            ours["small_uploads"]["per_s"], theirs["small_uploads"]["per_s"]
        ),
        "batch_small_uploads_per_s": ratio(
            ours["batch_small_uploads"]["per_s"], theirs["small_uploads"]["per_s"]
        ),
    }


# -- the content plane's targets (issue 20) -----------------------------------------------

# What issue 20 asks of the content plane, as data: bench.py reports each figure beside
# its target (no test asserts a timing). "min": the figure must be at least the target;
# "max": at most.
CONTENT_TARGETS: list[dict[str, Any]] = [
    {
        "name": "batch_files_per_s_over_one_request_per_file",
        "what": "1,000 new 4 KiB files by blocks + finishUploadBatch over uploadFile per file "
        "(medians, same backend)",
        "min": 5.0,
        "backends": ["server", "memory"],
    },
    {
        "name": "batch_files_per_s_over_copyparty",
        "what": "the same batch rate over copyparty's small-file rate (medians)",
        "min": 0.5,
        "backends": ["memory"],
    },
    {
        "name": "tus_upload_over_raw_gridfs_write",
        "what": "one large file through tus over the backend's raw GridFS write ceiling",
        "min": 0.8,
        "backends": ["server", "memory"],
    },
    {
        "name": "session_upload_over_raw_gridfs_write",
        "what": "one large file through an upload session over the raw GridFS write ceiling",
        "min": 0.8,
        "backends": ["server", "memory"],
    },
    {
        "name": "large_upload_peak_rss_mb",
        "what": "server peak RSS during the tus and the session upload (the embedded store "
        "holds every stored byte in the server's memory: server backend only)",
        "max": 150.0,
        "backends": ["server"],
    },
    {
        "name": "sync_client_small_files_requests",
        "what": "HTTP requests of one `sync --once` sending 1,000 new 4 KiB files",
        "max": 60,
        "backends": ["server", "memory"],
    },
    {
        "name": "sync_client_small_files_over_one_request_per_file",
        "what": "the sync client's files/s for 1,000 new 4 KiB files over the same client "
        "sending one uploadFile per file (same backend)",
        "min": 5.0,
        "backends": ["server", "memory"],
    },
    {
        "name": "sync_client_small_files_over_copyparty",
        "what": "the sync client's files/s for 1,000 new 4 KiB files over copyparty's "
        "small-file rate (median)",
        "min": 0.5,
        "backends": ["memory"],
    },
    {
        "name": "batch_round_trips_per_file",
        "what": "database commands per committed 4 KiB file inside finishUploadBatch (100 "
        "files, counted on the wire)",
        "max": 3.0,
        "backends": ["server"],
    },
]


def large_side_by_side(
    raw_db: Callable[[], tuple[Any, Callable[[], None]]],
    fresh: Callable[[str], tuple[Server, Callable[[], None]]],
    *,
    size: int,
    repeats: int,
) -> dict[str, Any]:
    """One large file `repeats` times each way, interleaved (raw, tus, session; raw,
    tus, session; ...), each on a fresh database (`raw_db()`: a driver database and its
    drop) or a fresh server (`fresh(label)`), so a load spike on this shared machine
    falls on one run of one side rather than on a whole side. The medians, their
    ratios, and the server's peak RSS over every tus and session run."""
    rates: dict[str, list[float]] = {"raw": [], "tus": [], "session": []}
    peaks: list[float] = []
    loads: list[list[float]] = []
    for run in range(repeats):
        loads.append(load())
        db, drop = raw_db()
        try:
            db[f"{BUCKET}.chunks"].create_indexes(
                [IndexModel([("files_id", ASCENDING), ("n", ASCENDING)], unique=True)]
            )
            started = time.perf_counter()
            raw_write_file(db, size, f"raw-{run}".encode())
            rates["raw"].append(mb_per_s(size, time.perf_counter() - started))
        finally:
            drop()
        for way in ("tus", "session"):
            server, stop = fresh(f"large-{way}-{run}")
            try:

                async def one(server: Server = server, way: str = way, run: int = run) -> float:
                    async with httpx.AsyncClient(base_url=server.base, timeout=None) as client:
                        app = DropboxLite(client, server)
                        await _signup_as(app, "bench-large")
                        upload = app.tus_upload if way == "tus" else app.session_upload
                        seed = f"{way}-{run}".encode()
                        seconds, _ = await timed(upload(f"{way}.bin", size, seed))
                        return seconds

                with rss_sampler(server.process.pid) as rss:
                    seconds = asyncio.run(one())
                rates[way].append(mb_per_s(size, seconds))
                peaks.append(rss["peak_rss_mb"])
            finally:
                stop()
    medians = {way: statistics.median(values) for way, values in rates.items()}
    return {
        "file_mib": size // MiB,
        "repeats": repeats,
        "how": "interleaved runs, each on a fresh database or server; medians",
        "loads": loads,
        "mb_per_s": rates,
        "median_mb_per_s": medians,
        "tus_over_raw": ratio(medians["tus"], medians["raw"]),
        "session_over_raw": ratio(medians["session"], medians["raw"]),
        "server_peak_rss_mb": peaks,
    }


async def _signup_as(app: DropboxLite, username: str) -> None:
    data = await app.graphql(SIGNUP, {"u": username, "p": PASSWORD})
    app.token = data["signup"]["token"]
    app.user_id = data["signup"]["user"]["id"]


async def small_files_side_by_side(
    fresh: Callable[[str], tuple[Server, Callable[[], None]]], *, files: int, repeats: int
) -> dict[str, Any]:
    """`files` new 4 KiB files, `repeats` times each way: uploadFile, one request per
    file (PARALLEL at once), and the content plane (blocks in requests of 500, then one
    finishUploadBatch per 1,000 files). Every run has a server of its own on a fresh
    database (`fresh(label)` starts it and gives its stop): on FerretDB every query scans
    its collection, so a run after others would pay for their entries. The medians and
    their ratio."""
    limits = httpx.Limits(max_connections=PARALLEL * 2)
    rates: dict[str, list[float]] = {"one_request_per_file": [], "batch": []}
    requests = 0
    for run in range(repeats):
        for way in rates:
            server, stop = await asyncio.to_thread(fresh, f"small-{way}-{run}")
            try:
                async with httpx.AsyncClient(
                    base_url=server.base, timeout=None, limits=limits
                ) as client:
                    app = DropboxLite(client, server)
                    await _signup_as(app, "bench-small")
                    folder = await app.create_folder("small")
                    if way == "batch":
                        seconds, requests = await timed(
                            app.batch_small(files, SMALL_BYTES, folder, seed=f"r{run}-")
                        )
                    else:

                        async def single(
                            number: int,
                            app: DropboxLite = app,
                            folder: str = folder,
                            run: int = run,
                        ) -> None:
                            seed = f"r{run}-s{number}-".encode()
                            await app.upload(f"f{number:05d}.bin", SMALL_BYTES, seed, folder)

                        seconds = await in_parallel(files, single)
                    rates[way].append(round(files / seconds, 1))
            finally:
                await asyncio.to_thread(stop)
    single_median = statistics.median(rates["one_request_per_file"])
    batch_median = statistics.median(rates["batch"])
    return {
        "files": files,
        "bytes_each": SMALL_BYTES,
        "repeats": repeats,
        "how": "each run on a fresh server and database",
        "load": load(),
        "one_request_per_file": {
            "per_s": rates["one_request_per_file"],
            "median_per_s": single_median,
            "parallel": PARALLEL,
        },
        "batch": {"per_s": rates["batch"], "median_per_s": batch_median, "http_requests": requests},
        "batch_over_one_request_per_file": ratio(batch_median, single_median),
    }


async def copyparty_small_files(server: Server, *, files: int, repeats: int) -> dict[str, Any]:
    """copyparty's rate for `files` new 4 KiB files (PUT, PARALLEL at once), `repeats`
    runs into new folders; the median."""
    limits = httpx.Limits(max_connections=PARALLEL * 2)
    rates: list[float] = []
    async with httpx.AsyncClient(base_url=server.base, timeout=None, limits=limits) as client:
        app = Copyparty(client, server)
        root = Path(server.extra["root"])
        for run in range(repeats):
            (root / f"small-{run}").mkdir()

            async def small(number: int, run: int = run) -> None:
                path = f"/small-{run}/f{number:05d}.bin"
                await app.upload(path, SMALL_BYTES, f"r{run}-s{number}-".encode())

            seconds = await in_parallel(files, small)
            rates.append(round(files / seconds, 1))
    return {"files": files, "per_s": rates, "median_per_s": statistics.median(rates)}


async def batch_round_trips(
    server: Server, proxy: CountingProxy, *, files: int = 100, repeats: int = 3
) -> dict[str, Any]:
    """Database commands per file inside one finishUploadBatch of `files` new 4 KiB
    files (blocks staged first), counted on the wire, `repeats` times."""
    async with httpx.AsyncClient(base_url=server.base, timeout=None) as client:
        app = DropboxLite(client, server)
        await _signup_as(app, "bench-batch-rt")
        url = await app.start_session()
        per_file: list[float] = []
        commands: list[str] = []
        for run in range(repeats):
            pieces = [
                (f"rt-{run}-{n:04d}-".encode() * SMALL_BYTES)[:SMALL_BYTES] for n in range(files)
            ]
            sent = await app.client.post(
                f"{url}/blocks?first={run * files}",
                content=b"".join(pieces),
                headers={**app.auth, "X-Block-Sizes": ",".join(str(len(p)) for p in pieces)},
            )
            if sent.status_code != 200:
                raise RuntimeError(f"blocks failed: {sent.status_code} {sent.text}")
            hashes = sent.json()["blocks"]
            entries = [{"name": f"rt-{run}-{n}.bin", "blocks": [h]} for n, h in enumerate(hashes)]
            await app.me()
            await asyncio.sleep(0.3)  # let anything the previous request left running finish
            mark = proxy.mark()
            data = await app.graphql(FINISH_BATCH, {"entries": entries})
            await asyncio.sleep(0.3)
            commands = proxy.since(mark)
            kinds = {r["__typename"] for r in data["finishUploadBatch"]}
            if kinds != {"File"}:
                raise RuntimeError(f"finishUploadBatch: {kinds}")
            per_file.append(round(len(commands) / files, 3))
    return {
        "files": files,
        "per_file": per_file,
        "median_per_file": statistics.median(per_file),
        "commands": commands,
    }


def content_plane_report(output: dict[str, Any]) -> dict[str, Any]:
    """Each target of CONTENT_TARGETS beside what this run measured (None: not measured)."""

    def figure(backend: str, name: str) -> float | None:
        found = output.get(backend, {})
        ours = found.get("dropbox_lite", {})
        raw = found.get("raw_driver", {})
        side = ours.get("small_files_side_by_side", {})
        if name == "batch_files_per_s_over_one_request_per_file":
            value: float | None = side.get("batch_over_one_request_per_file")
            return value
        if name == "batch_files_per_s_over_copyparty":
            theirs = output.get("copyparty_small_files", {}).get("median_per_s")
            return ratio(side.get("batch", {}).get("median_per_s"), theirs)
        large = found.get("large_side_by_side")
        if large and name in (
            "tus_upload_over_raw_gridfs_write",
            "session_upload_over_raw_gridfs_write",
        ):
            side_ratio: float | None = large[name.split("_", 1)[0] + "_over_raw"]
            return side_ratio
        if large and name == "large_upload_peak_rss_mb":
            return max(large["server_peak_rss_mb"])
        if name in ("tus_upload_over_raw_gridfs_write", "session_upload_over_raw_gridfs_write"):
            kind = name.split("_", 1)[0] + "_upload"
            ceiling = raw.get("gridfs_write", {}).get("mb_per_s")
            return ratio(ours.get(kind, {}).get("mb_per_s"), ceiling)
        if name == "large_upload_peak_rss_mb":
            peaks = [ours.get(k, {}).get("peak_rss_mb") for k in ("tus_upload", "session_upload")]
            known = [p for p in peaks if p is not None]
            return max(known) if known else None
        small_sync = output.get("sync_client", {}).get(backend, {}).get("small_files", {})
        if small_sync and name == "sync_client_small_files_requests":
            requests: float | None = small_sync["after"]["requests"]
            return requests
        if small_sync and name == "sync_client_small_files_over_one_request_per_file":
            speedup: float | None = small_sync["speedup"]
            return speedup
        versus = output.get("sync_client", {}).get(backend, {}).get("small_files_vs_copyparty")
        if versus and name == "sync_client_small_files_over_copyparty":
            versus_ratio: float | None = versus["sync_client_over_copyparty"]
            return versus_ratio
        if small_sync and name == "sync_client_small_files_over_copyparty":
            theirs = output.get("copyparty_small_files", {}).get("median_per_s")
            return ratio(small_sync["after"]["files_per_s"], theirs)
        if name == "batch_round_trips_per_file":
            value = found.get("batch_round_trips", {}).get("median_per_file")
            return value
        return None

    report: dict[str, Any] = {}
    for target in CONTENT_TARGETS:
        for backend in target["backends"]:
            measured = figure(backend, target["name"])
            met = None
            if measured is not None:
                met = measured >= target["min"] if "min" in target else measured <= target["max"]
            bound = {key: target[key] for key in ("min", "max") if key in target}
            report[f"{backend}.{target['name']}"] = {
                "what": target["what"],
                **bound,
                "measured": measured,
                "met": met,
            }
    return report


# -- the two backends ---------------------------------------------------------------------


def git_state() -> dict[str, Any]:
    def git(*args: str) -> str:
        done = subprocess.run(["git", *args], cwd=ROOT, capture_output=True, text=True)
        return done.stdout.strip()

    changed = [line for line in git("status", "--porcelain").splitlines() if line]
    return {
        "root": str(ROOT),
        "commit": git("rev-parse", "HEAD"),
        "uncommitted_paths": len(changed),
    }


def run_server_backend(
    args: argparse.Namespace, workdir: Path, output: dict[str, Any], save: Callable[[], None]
) -> dict[str, Any]:
    size = args.size_mib * MiB
    result: dict[str, Any] = {}
    output["server"] = result
    mongo = None
    try:
        mongo_uri = os.environ.get("DROPBOX_LITE_TEST_MONGODB_URI")
        if mongo_uri:
            result["database"] = {"kind": "given by DROPBOX_LITE_TEST_MONGODB_URI"}
        else:
            os.environ["PATH"] = f"{Path.home() / 'go' / 'bin'}:{os.environ['PATH']}"
            mongo = start_server()
            mongo_uri = mongo.uri
            result["database"] = {"kind": mongo.kind, "command": mongo.command()}
        host_port = mongo_uri.split("://", 1)[1].split("/", 1)[0].split("@")[-1].split(",")[0]
        host, _, port = host_port.partition(":")

        # Round trips first: a fresh database, the app reaching it through the proxy.
        proxy = CountingProxy(host, int(port or 27017))
        proxy.start()
        db_name = f"bench_rt_{uuid.uuid4().hex[:8]}"
        proxied = f"mongodb://127.0.0.1:{proxy.port}/?directConnection=true"
        server = start_dropbox_lite(proxied, db_name, workdir, "round-trips")
        try:
            result["round_trips"] = asyncio.run(
                round_trips_per_operation(server, proxy, mongo_uri, db_name, args.rt_repeats)
            )
            result["batch_round_trips"] = asyncio.run(batch_round_trips(server, proxy))
        finally:
            server.stop()
            proxy.stop()
            with MongoClient(mongo_uri) as client:
                client.drop_database(db_name)
        save()

        raw_name = f"bench_raw_{uuid.uuid4().hex[:8]}"
        with MongoClient(mongo_uri) as client:
            try:
                result["raw_driver"] = raw_ceiling(
                    client[raw_name],
                    size=size,
                    files=args.files,
                    entries=args.entries,
                    max_pages=args.max_pages,
                    round_trip_seconds=args.rt_seconds,
                    threads=PARALLEL,
                )
            finally:
                client.drop_database(raw_name)
        save()

        plain = start_plain_starlette(workdir)
        try:
            result["plain_starlette"] = asyncio.run(plain_rate(plain, args.me_seconds))
        finally:
            plain.stop()

        db_name = f"bench_{uuid.uuid4().hex[:10]}"
        server = start_dropbox_lite(mongo_uri, db_name, workdir, "server")
        try:
            fill = fill_by_insert(mongo_uri, db_name)
            ours, app, file_id = asyncio.run(
                bench_dropbox_lite(
                    server,
                    size=size,
                    files=args.files,
                    entries=args.entries,
                    max_pages=args.max_pages,
                    fill_folder=fill,
                    me_seconds=args.me_seconds,
                )
            )
            result["dropbox_lite"] = ours
            save()

            # How cost grows with data: the same download with other files stored.
            other = args.other_mib * MiB
            with MongoClient(mongo_uri) as client:
                db = client[db_name]
                others = []
                piece = 64 * MiB
                for number, start in enumerate(range(0, other, piece)):
                    others.append(
                        raw_write_file(db, min(piece, other - start), f"o{number}".encode())
                    )
                # The large file is a list of 4 MiB blocks (issue 20): the raw reader
                # fetches the same chunks, as our download does, in one query.
                big = db["entries"].find_one({"_id": ObjectId(file_id)})
                if big is None or not big.get("block_ids"):
                    raise RuntimeError("the large upload's blocks were not found")
                started = time.perf_counter()
                received = raw_read_blocks(db, big["block_ids"])
                seconds = time.perf_counter() - started
                if received != size:
                    raise RuntimeError(f"raw read {received} of {size}")
                result["raw_driver"]["gridfs_read_with_other_data"] = {
                    "other_mib": args.other_mib,
                    "mb_per_s": mb_per_s(size, seconds),
                    "seconds": round(seconds, 2),
                }

            async def again() -> dict[str, Any]:
                async with httpx.AsyncClient(base_url=server.base, timeout=None) as client:
                    app.client = client
                    with rss_sampler(server.process.pid) as rss:
                        seconds, received = await timed(app.download(file_id))
                    if received != size:
                        raise RuntimeError(f"downloaded {received} of {size}")
                    return {
                        "other_mib": args.other_mib,
                        "mb_per_s": mb_per_s(size, seconds),
                        "seconds": round(seconds, 2),
                        **rss,
                    }

            ours["download_with_other_data"] = asyncio.run(again())
        finally:
            server.stop()
            with MongoClient(mongo_uri) as client:
                client.drop_database(db_name)
        result["ratios_to_raw"] = ratios_to_raw(ours, result["raw_driver"])
        result["me_over_plain_starlette"] = ratio(
            ours["me"]["req_per_s"], result["plain_starlette"]["req_per_s"]
        )
        save()

        def fresh(label: str) -> tuple[Server, Callable[[], None]]:
            name = f"bench_small_{uuid.uuid4().hex[:8]}"
            started = start_dropbox_lite(mongo_uri, name, workdir, label)

            def stop() -> None:
                started.stop()
                with MongoClient(mongo_uri) as client:
                    client.drop_database(name)

            return started, stop

        ours["small_files_side_by_side"] = asyncio.run(
            small_files_side_by_side(fresh, files=args.files, repeats=args.repeats)
        )
        save()
        return result
    finally:
        if mongo is not None:
            mongo.stop()
            shutil.rmtree(mongo.directory, ignore_errors=True)


def run_memory_backend(
    args: argparse.Namespace, workdir: Path, output: dict[str, Any], save: Callable[[], None]
) -> dict[str, Any]:
    import mongomock

    size = args.memory_size_mib * MiB
    result: dict[str, Any] = {"large_file_mib": args.memory_size_mib}
    output["memory"] = result
    from dropbox_lite.core.embedded import speed_up_mongomock

    # The raw ceiling runs the store the embedded server runs (core/embedded.py patches
    # mongomock's unique checks and `$in` queries), so both sides of each ratio match.
    speed_up_mongomock()
    client: Any = mongomock.MongoClient(tz_aware=True)
    result["raw_driver"] = raw_ceiling(
        client["bench_raw"],
        size=size,
        files=args.files,
        entries=args.entries,
        max_pages=args.max_pages,
        round_trip_seconds=args.rt_seconds,
        # mongomock is not thread-safe, and in one process threads would add nothing.
        threads=1,
    )
    result["raw_driver"]["driver"] = f"mongomock {mongomock.__version__}, in the bench process"
    client.drop_database("bench_raw")
    save()

    plain = start_plain_starlette(workdir)
    try:
        result["plain_starlette"] = asyncio.run(plain_rate(plain, args.me_seconds))
    finally:
        plain.stop()

    server = start_dropbox_lite(None, "bench", workdir, "memory")
    try:
        ours, _, _ = asyncio.run(
            bench_dropbox_lite(
                server,
                size=size,
                files=args.files,
                entries=args.entries,
                max_pages=args.max_pages,
                fill_folder=fill_embedded(workdir, "bench"),
                me_seconds=args.me_seconds,
            )
        )
    finally:
        server.stop()
    result["dropbox_lite"] = ours
    save()

    def fresh(label: str) -> tuple[Server, Callable[[], None]]:
        started = start_dropbox_lite(None, "bench", workdir, label)
        return started, started.stop

    ours["small_files_side_by_side"] = asyncio.run(
        small_files_side_by_side(fresh, files=args.files, repeats=args.repeats)
    )
    result["ratios_to_raw"] = ratios_to_raw(ours, result["raw_driver"])
    result["me_over_plain_starlette"] = ratio(
        ours["me"]["req_per_s"], result["plain_starlette"]["req_per_s"]
    )
    save()
    return result


# -- the sync client (issue 23 item 9; issue 20's "Measured") -----------------------------
#
# The client runs in this process (dropbox_lite.client's Engine over real HTTP to the
# server); a transport wrapper counts its requests and the body bytes it sends. "before"
# is the client's upload path before the content plane (one uploadFile request per file,
# kept for servers without missingBlocks and chosen here with content_plane=False: the
# same code main's client runs); downloads are the same in both.

SYNC_BLOCK = 4 * MiB


class CountingTransport(httpx.AsyncBaseTransport):
    """Requests and request-body bytes that leave the client; `limit`: once that many
    bytes went out, `on_limit` is called (a kill)."""

    def __init__(self) -> None:
        self.inner = httpx.AsyncHTTPTransport()
        self.requests = 0
        self.sent = 0
        self.limit: int | None = None
        self.on_limit: Callable[[], None] | None = None

    async def handle_async_request(self, request: httpx.Request) -> httpx.Response:
        self.requests += 1
        body, counter = request.stream, self

        class Counted(httpx.AsyncByteStream):
            async def __aiter__(self) -> AsyncIterator[bytes]:
                async for chunk in body:  # type: ignore[union-attr]
                    counter.sent += len(chunk)
                    if counter.limit is not None and counter.sent >= counter.limit:
                        counter.limit = None
                        if counter.on_limit is not None:
                            counter.on_limit()
                    yield chunk

        request.stream = Counted()
        return await self.inner.handle_async_request(request)

    async def aclose(self) -> None:
        await self.inner.aclose()


async def sync_account(base: str) -> tuple[str, str]:
    """A new account: (username, password)."""
    username = f"sync{uuid.uuid4().hex[:10]}"
    async with httpx.AsyncClient(base_url=base, timeout=60) as client:
        response = await client.post(
            "/graphql", json={"query": SIGNUP, "variables": {"u": username, "p": PASSWORD}}
        )
        if response.json()["data"]["signup"]["__typename"] != "AuthPayload":
            raise RuntimeError(f"signup failed: {response.text}")
    return username, PASSWORD


async def timed_sync(
    base: str,
    folder: Path,
    username: str,
    *,
    content_plane: bool | None = None,
    kill_after: int | None = None,
) -> dict[str, Any]:
    """One `sync --once` of `folder` (signed in as `username`): seconds, requests, bytes
    sent, what it did; `kill_after`: cancelled once that many bytes went out."""
    from dropbox_lite.client.engine import Engine
    from dropbox_lite.client.progress import Reporter
    from dropbox_lite.client.remote import Remote
    from dropbox_lite.client.scan import STATE_DIR
    from dropbox_lite.client.state import State

    (folder / STATE_DIR).mkdir(parents=True, exist_ok=True)
    transport = CountingTransport()
    state = State(folder / STATE_DIR / "state.db")
    try:
        async with httpx.AsyncClient(
            base_url=base, transport=transport, timeout=httpx.Timeout(600, connect=10)
        ) as http:
            token = state.get("token")
            if token is None:
                token, _ = await Remote(http).login(username, PASSWORD, "bench")
                state.set(token=token)
            transport.requests = transport.sent = 0  # the sync only, not the sign-in
            engine = Engine(
                folder=folder,
                state=state,
                remote=Remote(http, token),
                reporter=Reporter(bar=False),
                username=username,
                content_plane=content_plane,
            )
            task = asyncio.ensure_future(engine.sync())
            if kill_after is not None:
                transport.limit, transport.on_limit = kill_after, task.cancel
            started = time.perf_counter()
            killed = False
            try:
                stats = await task
            except asyncio.CancelledError:
                killed, stats = True, engine.stats
            seconds = time.perf_counter() - started
    finally:
        state.close()
    return {
        "seconds": round(seconds, 2),
        "requests": transport.requests,
        "bytes_sent": transport.sent,
        "up_files": stats.up_files,
        "down_files": stats.down_files,
        "refused": len(stats.refused),
        **({"killed": True} if killed else {}),
    }


def write_random(path: Path, size: int) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    with open(path, "wb") as out:
        for block in data_blocks(size, secrets.token_bytes(8)):
            out.write(block)


def quiet(work: Awaitable[dict[str, Any]]) -> Awaitable[dict[str, Any]]:
    """The client prints a line per file: not into the bench's JSON output."""
    import contextlib

    async def run() -> dict[str, Any]:
        with open(os.devnull, "w") as sink, contextlib.redirect_stdout(sink):
            with contextlib.redirect_stderr(sink):
                return await work

    return run()


async def bench_sync_client(
    fresh: Callable[[], Any],
    workdir: Path,
    *,
    large: int,
    small: int,
    trial_small: int,
    trial_large: int,
) -> dict[str, Any]:
    """The figures of issue 20 for the sync client, and issue 23's trial workload; each
    on a fresh server (`fresh()`: a context manager giving its base URL), as the embedded
    store slows down with what it holds."""
    import random

    result: dict[str, Any] = {}
    root = workdir / f"sync-{uuid.uuid4().hex[:6]}"

    # A one-byte edit in the middle of a large file: the bytes its sync sends.
    with fresh() as base:
        user, _ = await sync_account(base)
        folder = root / "edit"
        write_random(folder / "large.bin", large)
        first = await quiet(timed_sync(base, folder, user))
        with open(folder / "large.bin", "r+b") as handle:
            handle.seek(large // 2)
            byte = handle.read(1)
            handle.seek(large // 2)
            handle.write(bytes([byte[0] ^ 0xFF]))
        edit = await quiet(timed_sync(base, folder, user))
    result["one_byte_edit"] = {
        "file_mib": large // MiB,
        "first_upload": {**first, "mb_per_s": mb_per_s(large, first["seconds"])},
        "edit": edit,
        "edit_mib_sent": round(edit["bytes_sent"] / MiB, 3),
        "bound_mib": 4.2,
    }

    # Killed half-way through a large upload, then run again.
    with fresh() as base:
        user, _ = await sync_account(base)
        folder = root / "killed"
        write_random(folder / "large.bin", large)
        killed = await quiet(timed_sync(base, folder, user, kill_after=large // 2))
        resumed = await quiet(timed_sync(base, folder, user))
    total = killed["bytes_sent"] + resumed["bytes_sent"]
    result["killed_half_way"] = {
        "file_mib": large // MiB,
        "killed": killed,
        "resumed": resumed,
        "total_mib_sent": round(total / MiB, 2),
        "bound_mib": large // MiB + 8,
    }

    # New small files: requests and files per second, before and after.
    rows: dict[str, Any] = {}
    for label, plane in (("before", False), ("after", None)):
        folder = root / f"small-{label}"
        for n in range(small):
            (folder / f"f{n:05}.txt").parent.mkdir(parents=True, exist_ok=True)
            (folder / f"f{n:05}.txt").write_bytes(os.urandom(SMALL_BYTES))
        with fresh() as base:
            user, _ = await sync_account(base)
            run = await quiet(timed_sync(base, folder, user, content_plane=plane))
        rows[label] = {**run, "files_per_s": round(small / run["seconds"], 1)}
    rows["speedup"] = ratio(rows["after"]["files_per_s"], rows["before"]["files_per_s"], 2)
    rows["bound_requests"] = 60 * small // 1000
    result["small_files"] = {"files": small, "bytes_each": SMALL_BYTES, **rows}

    # The trial of issue 23: small files in folders plus one large file, up, then down
    # into a second folder.
    trial: dict[str, Any] = {"small_files": trial_small, "large_file_bytes": trial_large}
    for label, plane in (("before", False), ("after", None)):
        up, down = root / f"trial-{label}-up", root / f"trial-{label}-down"
        rng = random.Random(label)
        for n in range(trial_small):
            path = up / f"folder{n // 100:02}" / f"file{n:05}.txt"
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_bytes(os.urandom(rng.randint(1024, 16 * 1024)))
        write_random(up / "video.bin", trial_large)
        with fresh() as base:
            user, _ = await sync_account(base)
            trial[label] = {
                "up": await quiet(timed_sync(base, up, user, content_plane=plane)),
                "down": await quiet(timed_sync(base, down, user, content_plane=plane)),
            }
    trial["up_speedup"] = ratio(
        trial["before"]["up"]["seconds"], trial["after"]["up"]["seconds"], 2
    )
    trial["down_speedup"] = ratio(
        trial["before"]["down"]["seconds"], trial["after"]["down"]["seconds"], 2
    )
    result["trial"] = trial
    shutil.rmtree(root, ignore_errors=True)
    return result


@contextmanager
def backend_uri(backend: str) -> Iterator[str | None]:
    """The database URI of `backend`: None for the embedded store; for the server,
    DROPBOX_LITE_TEST_MONGODB_URI or a FerretDB (or mongod) started here and stopped
    at the end."""
    if backend != "server":
        yield None
        return
    given = os.environ.get("DROPBOX_LITE_TEST_MONGODB_URI")
    if given:
        yield given
        return
    os.environ["PATH"] = f"{Path.home() / 'go' / 'bin'}:{os.environ['PATH']}"
    mongo = start_server()
    try:
        yield mongo.uri
    finally:
        mongo.stop()
        shutil.rmtree(mongo.directory, ignore_errors=True)


def run_large(
    args: argparse.Namespace, workdir: Path, output: dict[str, Any], save: Callable[[], None]
) -> None:
    """The large-upload targets of issue 20 on each backend (`large_side_by_side`)."""
    for backend in [b.strip() for b in args.backends.split(",") if b.strip()]:
        size = (args.size_mib if backend == "server" else args.memory_size_mib) * MiB
        if backend != "server":
            from dropbox_lite.core.embedded import speed_up_mongomock

            speed_up_mongomock()  # the store the embedded server runs
        with backend_uri(backend) as mongo_uri:
            output.setdefault(backend, {})["large_side_by_side"] = large_side_by_side(
                *_large_sides(workdir, mongo_uri), size=size, repeats=args.repeats
            )
        save()


@contextmanager
def fresh_server(workdir: Path, uri: str | None, label: str) -> Iterator[Server]:
    """A dropbox-lite server on a new database of `uri` (None: the embedded store),
    stopped and its database dropped at the end."""
    db_name = f"bench_{label}_{uuid.uuid4().hex[:8]}"
    server = start_dropbox_lite(uri, db_name, workdir, label)
    try:
        yield server
    finally:
        server.stop()
        if uri:
            with MongoClient(uri) as client:
                client.drop_database(db_name)


def _large_sides(
    workdir: Path, mongo_uri: str | None
) -> tuple[
    Callable[[], tuple[Any, Callable[[], None]]],
    Callable[[str], tuple[Server, Callable[[], None]]],
]:
    """`large_side_by_side`'s two factories: a raw driver database, a fresh server."""

    def raw_db() -> tuple[Any, Callable[[], None]]:
        import mongomock

        name = f"bench_raw_{uuid.uuid4().hex[:8]}"
        client: Any = MongoClient(mongo_uri) if mongo_uri else mongomock.MongoClient(tz_aware=True)

        def drop() -> None:
            client.drop_database(name)
            client.close()

        return client[name], drop

    def fresh(label: str) -> tuple[Server, Callable[[], None]]:
        context = fresh_server(workdir, mongo_uri, label)
        return context.__enter__(), lambda: context.__exit__(None, None, None)

    return raw_db, fresh


async def sync_small_vs_copyparty(
    fresh: Callable[[], Any], workdir: Path, *, files: int, repeats: int
) -> dict[str, Any]:
    """The sync client's 1,000 new small files and copyparty's, interleaved (client,
    copyparty; client, copyparty; ...), each on a fresh server: the two sides of the
    ratio meet the same load. Medians and their ratio."""
    rates: dict[str, list[float]] = {"sync_client": [], "copyparty": []}
    loads: list[list[float]] = []
    for run in range(repeats):
        loads.append(load())
        folder = workdir / f"vs-copyparty-{run}"
        for n in range(files):
            (folder / f"f{n:05}.txt").parent.mkdir(parents=True, exist_ok=True)
            (folder / f"f{n:05}.txt").write_bytes(os.urandom(SMALL_BYTES))
        with fresh() as base:
            user, _ = await sync_account(base)
            done = await quiet(timed_sync(base, folder, user))
        rates["sync_client"].append(round(files / done["seconds"], 1))
        shutil.rmtree(folder, ignore_errors=True)
        (workdir / f"copyparty-{run}").mkdir()
        theirs = await asyncio.to_thread(start_copyparty, workdir / f"copyparty-{run}")
        try:
            got = await copyparty_small_files(theirs, files=files, repeats=1)
        finally:
            theirs.stop()
        rates["copyparty"].append(got["median_per_s"])
    medians = {way: statistics.median(values) for way, values in rates.items()}
    return {
        "files": files,
        "how": "interleaved runs, each on a fresh server; medians",
        "loads": loads,
        "per_s": rates,
        "median_per_s": medians,
        "sync_client_over_copyparty": ratio(medians["sync_client"], medians["copyparty"]),
    }


def run_sync_client(
    args: argparse.Namespace, workdir: Path, output: dict[str, Any], save: Callable[[], None]
) -> None:
    """The sync client's figures on each backend."""
    sizes = {
        "large": args.sync_large_mib * MiB,
        "small": args.files,
        "trial_small": args.sync_trial_files,
        "trial_large": args.sync_trial_bytes,
    }
    section: dict[str, Any] = {}
    output["sync_client"] = section
    for backend in [b.strip() for b in args.backends.split(",") if b.strip()]:
        with backend_uri(backend) as mongo_uri:
            _sync_client_on(args, workdir, section, backend, mongo_uri, sizes)
        save()


def _sync_client_on(
    args: argparse.Namespace,
    workdir: Path,
    section: dict[str, Any],
    backend: str,
    mongo_uri: str | None,
    sizes: dict[str, int],
) -> None:
    @contextmanager
    def fresh() -> Iterator[str]:
        with fresh_server(workdir, mongo_uri, f"sync-{backend}") as server:
            yield server.base

    section[backend] = asyncio.run(bench_sync_client(fresh, workdir, **sizes))
    if backend == "memory" and not args.no_copyparty:
        section[backend]["small_files_vs_copyparty"] = asyncio.run(
            sync_small_vs_copyparty(fresh, workdir, files=args.files, repeats=args.repeats)
        )


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=(__doc__ or "").split("\n")[0])
    parser.add_argument("--size-mib", type=int, default=1024, help="the large file (MiB)")
    parser.add_argument(
        "--memory-size-mib", type=int, default=1024, help="the large file on the embedded store"
    )
    parser.add_argument(
        "--other-mib", type=int, default=1024, help="other files stored for the second download"
    )
    parser.add_argument("--files", type=int, default=1000, help="4 KiB files to upload")
    parser.add_argument("--entries", type=int, default=10_000, help="entries in the folder")
    parser.add_argument("--max-pages", type=int, default=30, help="children pages timed")
    parser.add_argument("--me-seconds", type=float, default=10.0, help="length of each rate run")
    parser.add_argument("--rt-seconds", type=float, default=5.0, help="raw round-trip run")
    parser.add_argument("--rt-repeats", type=int, default=5, help="times each operation is counted")
    parser.add_argument(
        "--repeats", type=int, default=3, help="runs of the small-file rates (medians)"
    )
    parser.add_argument(
        "--quick", action="store_true", help="64 MiB, 100 files, 1000 entries, 3 s rate runs"
    )
    parser.add_argument(
        "--backends", default="server,memory", help="comma-separated: server, memory"
    )
    parser.add_argument("--no-copyparty", action="store_true", help="skip the comparison")
    parser.add_argument(
        "--large-only",
        action="store_true",
        help="only the large uploads side by side with the raw write (tus, session, RSS)",
    )
    parser.add_argument("--output", type=Path, help="also write the JSON here, after each phase")
    parser.add_argument(
        "--sync-client",
        choices=["with", "only", "without"],
        default="with",
        help="the sync client's figures (with the rest, alone, or not at all)",
    )
    parser.add_argument("--sync-large-mib", type=int, default=256, help="sync client: large file")
    parser.add_argument("--sync-trial-files", type=int, default=2000, help="trial: small files")
    parser.add_argument(
        "--sync-trial-bytes", type=int, default=200_000_000, help="trial: the large file"
    )
    args = parser.parse_args(argv)
    if args.quick:
        args.size_mib, args.memory_size_mib, args.other_mib = 64, 64, 64
        args.files, args.entries, args.me_seconds, args.rt_seconds = 100, 1000, 3.0, 2.0
        args.rt_repeats = 3
        args.sync_large_mib, args.sync_trial_files, args.sync_trial_bytes = 16, 200, 20_000_000
        args.repeats = 2
    backends = [name.strip() for name in args.backends.split(",") if name.strip()]

    output: dict[str, Any] = {
        "started_at": datetime.now(UTC).isoformat(timespec="seconds"),
        "mode": "quick" if args.quick else "full",
        "code": git_state(),
        "machine": {
            "cpus": os.cpu_count(),
            "python": sys.version.split()[0],
            "uptime_at_start": subprocess.run(
                ["uptime"], capture_output=True, text=True
            ).stdout.strip(),
        },
        "sizes": {
            "large_file_mib": args.size_mib,
            "memory_large_file_mib": args.memory_size_mib,
            "other_data_mib": args.other_mib,
            "small_files": args.files,
            "small_file_bytes": SMALL_BYTES,
            "folder_entries": args.entries,
            "rate_run_seconds": args.me_seconds,
            "parallel": PARALLEL,
        },
    }

    def save() -> None:
        if args.output:
            args.output.write_text(json.dumps(output, indent=2) + "\n")

    workdir = Path(tempfile.mkdtemp(prefix="dropbox-lite-bench-"))
    try:
        if args.large_only:
            backends, args.no_copyparty = [], True
        if args.sync_client == "only":
            backends = []  # copyparty's small-file rate still runs, for the client's ratio
        if args.large_only:
            args.sync_client = "without"
            run_large(args, workdir, output, save)
        if "server" in backends:
            run_server_backend(args, workdir, output, save)
        if "memory" in backends:
            run_memory_backend(args, workdir, output, save)
        if backends:
            run_large(args, workdir, output, save)
        if args.sync_client != "without":
            run_sync_client(args, workdir, output, save)
        if not args.no_copyparty:
            theirs_server = start_copyparty(workdir)
            theirs = None
            try:
                if backends:
                    theirs = asyncio.run(
                        bench_copyparty(
                            theirs_server, args.size_mib * MiB, args.files, args.entries
                        )
                    )
                output["copyparty_small_files"] = asyncio.run(
                    copyparty_small_files(theirs_server, files=args.files, repeats=args.repeats)
                )
            finally:
                theirs_server.stop()
            if theirs is not None:
                output["copyparty"] = theirs
            for backend in backends:
                if theirs and "dropbox_lite" in output.get(backend, {}) and backend == "server":
                    output[backend]["ratios_to_copyparty"] = ratios_to_copyparty(
                        output[backend]["dropbox_lite"], theirs
                    )
        output["content_plane"] = content_plane_report(output)
        output["finished_at"] = datetime.now(UTC).isoformat(timespec="seconds")
        output["machine"]["uptime_at_end"] = subprocess.run(
            ["uptime"], capture_output=True, text=True
        ).stdout.strip()
        save()
        print(json.dumps(output, indent=2))
        return 0
    finally:
        shutil.rmtree(workdir, ignore_errors=True)


if __name__ == "__main__":
    sys.exit(main())
