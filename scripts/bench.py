#!/usr/bin/env python3
"""Benchmark dropbox-lite (server backend) against copyparty on loopback; print one JSON object.

    .venv/bin/python scripts/bench.py --quick        # a smoke run, about a minute
    .venv/bin/python scripts/bench.py                # 1 GiB, 1000 small files, 10,000 entries

Starts FerretDB (or mongod) from tests/mongo_server.py unless DROPBOX_LITE_TEST_MONGODB_URI
is set, then `python -m dropbox_lite serve` on a free port, and copyparty (pip install
copyparty) on another with a temporary directory. Bodies are streamed from generators in
both directions, never held whole on the client. The servers' RSS is sampled from
/proc/<pid>/status every 50 ms during each transfer.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import secrets
import shutil
import subprocess
import sys
import tempfile
import threading
import time
import uuid
from collections.abc import AsyncIterator, Awaitable, Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import httpx
from bson import ObjectId
from pymongo import MongoClient

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from tests.mongo_server import free_port, start_server  # noqa: E402

MiB = 1024 * 1024
BLOCK = MiB
SMALL_BYTES = 4096
PARALLEL = 8
SAMPLE_SECONDS = 0.05
PASSWORD = "bench-password-long-enough"

UPLOAD = """
mutation Upload($file: Upload!, $parentId: ID, $name: String) {
  uploadFile(file: $file, parentId: $parentId, name: $name) {
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
mutation($name: String!) {
  createFolder(name: $name) { __typename ... on Folder { id } ... on Error { message code } }
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
COUNT = "query($id: ID) { folder(id: $id) { children(first: 1) { totalCount } } }"


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


def percentile(values: list[float], q: float) -> float:
    ordered = sorted(values)
    index = min(len(ordered) - 1, max(0, round(q / 100 * (len(ordered) - 1))))
    return ordered[index]


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


# -- the two servers ----------------------------------------------------------------------


@dataclass
class Server:
    name: str
    process: subprocess.Popen[bytes]
    base: str
    log: Path
    extra: dict[str, Any] = field(default_factory=dict)

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


def start_dropbox_lite(mongo_uri: str, db_name: str, workdir: Path) -> Server:
    port = free_port()
    env = {
        **os.environ,
        "DROPBOX_LITE_ENV": "development",
        "DROPBOX_LITE_MONGODB_URI": mongo_uri,
        "DROPBOX_LITE_DB_NAME": db_name,
        "DROPBOX_LITE_SECRET_KEY": secrets.token_urlsafe(32),
        "DROPBOX_LITE_HOST": "127.0.0.1",
        "DROPBOX_LITE_PORT": str(port),
        "DROPBOX_LITE_BCRYPT_ROUNDS": "10",
        "DROPBOX_LITE_PUBLIC_URL": f"http://127.0.0.1:{port}",
    }
    log = workdir / "dropbox-lite.log"
    with open(log, "wb") as out:
        process = subprocess.Popen(
            # No access log: copyparty runs quiet (-q) too.
            [sys.executable, "-m", "dropbox_lite", "serve", "--no-access-log"],
            cwd=ROOT,
            env=env,
            stdout=out,
            stderr=subprocess.STDOUT,
        )
    server = Server("dropbox-lite", process, f"http://127.0.0.1:{port}", log)
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


# -- workloads ----------------------------------------------------------------------------


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

    async def create_folder(self, name: str) -> str:
        data = await self.graphql(CREATE_FOLDER, {"name": name})
        result = data["createFolder"]
        if result["__typename"] != "Folder":
            raise RuntimeError(f"createFolder: {result}")
        return str(result["id"])

    async def upload(self, name: str, total: int, seed: bytes, parent_id: str | None) -> str:
        operations = {"query": UPLOAD, "variables": {"file": None, "parentId": parent_id}}
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


def insert_folders(mongo_uri: str, db_name: str, owner_id: str, parent_id: str, count: int) -> None:
    """`count` folders under `parent_id`, written as the entries contract describes.

    Direct inserts take a second where 10,000 createFolder calls would take minutes; the
    change numbers are claimed as one block.
    """
    owner = ObjectId(owner_id)
    with MongoClient(mongo_uri) as client:
        db = client[db_name]
        # Numbers are claimed as the journal claims them (sync/journal.py): a claim at
        # top + count reserves the whole block, since writers claim above the top.
        top = db["seq_claims"].find_one({"owner_id": owner}, sort=[("seq", -1)])
        first_seq = (int(top["seq"]) if top else 0) + 1
        last = first_seq + count - 1
        db["seq_claims"].insert_one(
            {"_id": f"{owner}:{last}", "owner_id": owner, "seq": last, "at": datetime.now(UTC)}
        )
        at = datetime.now(UTC)
        docs = []
        for number in range(count):
            name = f"entry-{number:05d}"
            docs.append(
                {
                    "_id": ObjectId(),
                    "owner_id": owner,
                    "parent_id": ObjectId(parent_id),
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
        for start in range(0, count, 1000):
            db["entries"].insert_many(docs[start : start + 1000], ordered=False)


def mb_per_s(size: int, seconds: float) -> float:
    return round(size / MiB / seconds, 1) if seconds > 0 else 0.0


async def bench_dropbox_lite(
    server: Server, mongo_uri: str, db_name: str, size: int, files: int, entries: int, pages: int
) -> dict[str, Any]:
    pid = server.process.pid
    limits = httpx.Limits(max_connections=PARALLEL * 2)
    async with httpx.AsyncClient(base_url=server.base, timeout=None, limits=limits) as client:
        app = DropboxLite(client, server)
        await app.signup()
        result: dict[str, Any] = {}

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

        folder = await app.create_folder("listing")
        insert_folders(mongo_uri, db_name, app.user_id, folder, entries)
        count = await app.graphql(COUNT, {"id": folder})
        total = count["folder"]["children"]["totalCount"]
        if total != entries:
            raise RuntimeError(f"the listing folder has {total} entries, not {entries}")
        latencies: list[float] = []
        seen = 0
        for _ in range(pages):
            after: str | None = None
            while True:
                seconds, (after, got) = await timed(app.list_page(folder, after))
                latencies.append(seconds * 1000)
                seen += got
                if after is None:
                    break
        if seen != entries * pages:
            raise RuntimeError(f"paging saw {seen} entries, expected {entries * pages}")
        result["children_first_100"] = {
            "entries": entries,
            "requests": len(latencies),
            "p50_ms": round(percentile(latencies, 50), 2),
            "p99_ms": round(percentile(latencies, 99), 2),
            "setup": "folders inserted directly per the entries contract; pages walked with after",
        }
        return result


async def bench_copyparty(server: Server, size: int, files: int, entries: int) -> dict[str, Any]:
    pid = server.process.pid
    limits = httpx.Limits(max_connections=PARALLEL * 2)
    async with httpx.AsyncClient(base_url=server.base, timeout=None, limits=limits) as client:
        app = Copyparty(client, server)
        result: dict[str, Any] = {}
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
        for _ in range(50):
            seconds, count = await timed(app.list_folder("/listing/"))
            latencies.append(seconds * 1000)
            if count != entries:
                raise RuntimeError(f"copyparty listed {count} entries, not {entries}")
        result["listing_whole_folder"] = {
            "entries": entries,
            "requests": len(latencies),
            "p50_ms": round(percentile(latencies, 50), 2),
            "p99_ms": round(percentile(latencies, 99), 2),
            "note": "copyparty has no paging: ?ls returns the whole folder as JSON",
        }
        return result


def ratios(ours: dict[str, Any], theirs: dict[str, Any]) -> dict[str, float | None]:
    def ratio(a: float, b: float) -> float | None:
        return round(a / b, 3) if b else None

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
        "listing_p50_ms": ratio(
            ours["children_first_100"]["p50_ms"], theirs["listing_whole_folder"]["p50_ms"]
        ),
        "listing_p99_ms": ratio(
            ours["children_first_100"]["p99_ms"], theirs["listing_whole_folder"]["p99_ms"]
        ),
    }


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--size-mib", type=int, default=1024, help="the large file (MiB)")
    parser.add_argument("--files", type=int, default=1000, help="4 KiB files to upload")
    parser.add_argument("--entries", type=int, default=10_000, help="entries in the folder")
    parser.add_argument("--pages", type=int, default=2, help="walks through the folder")
    parser.add_argument("--quick", action="store_true", help="32 MiB, 100 files, 1000 entries")
    parser.add_argument("--no-copyparty", action="store_true", help="skip the comparison")
    args = parser.parse_args(argv)
    if args.quick:
        args.size_mib, args.files, args.entries = 32, 100, 1000
    size = args.size_mib * MiB

    workdir = Path(tempfile.mkdtemp(prefix="dropbox-lite-bench-"))
    mongo = None
    servers: list[Server] = []
    try:
        mongo_uri = os.environ.get("DROPBOX_LITE_TEST_MONGODB_URI")
        if not mongo_uri:
            os.environ["PATH"] = f"{Path.home() / 'go' / 'bin'}:{os.environ['PATH']}"
            mongo = start_server()
            mongo_uri = mongo.uri
        db_name = f"bench_{uuid.uuid4().hex[:10]}"
        ours_server = start_dropbox_lite(mongo_uri, db_name, workdir)
        servers.append(ours_server)
        ours = asyncio.run(
            bench_dropbox_lite(
                ours_server, mongo_uri, db_name, size, args.files, args.entries, args.pages
            )
        )
        ours_server.stop()
        output: dict[str, Any] = {
            "machine": {"cpus": os.cpu_count(), "python": sys.version.split()[0]},
            "database": mongo.kind if mongo else "given by DROPBOX_LITE_TEST_MONGODB_URI",
            "large_file_mib": args.size_mib,
            "dropbox_lite": ours,
        }
        if not args.no_copyparty:
            theirs_server = start_copyparty(workdir)
            servers.append(theirs_server)
            theirs = asyncio.run(bench_copyparty(theirs_server, size, args.files, args.entries))
            output["copyparty"] = theirs
            output["ratios_dropbox_lite_over_copyparty"] = ratios(ours, theirs)
        print(json.dumps(output, indent=2))
        return 0
    finally:
        for server in servers:
            server.stop()
        if mongo is not None:
            mongo.stop()
        shutil.rmtree(workdir, ignore_errors=True)
        if mongo is not None:
            shutil.rmtree(mongo.directory, ignore_errors=True)


if __name__ == "__main__":
    sys.exit(main())
