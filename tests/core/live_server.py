"""A real `dropbox-lite serve` process on a free port, for tests that need real sockets."""

from __future__ import annotations

import contextlib
import os
import subprocess
import sys
import time
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import httpx

from tests.mongo_server import free_port

ROOT = Path(__file__).resolve().parents[2]


@dataclass
class LiveServer:
    url: str
    port: int
    process: subprocess.Popen[str]


@contextlib.contextmanager
def live_server(
    mongo_uri: str | None, *, output: Path | None = None, **env: str
) -> Iterator[LiveServer]:
    """Serve until the block ends; `env` adds DROPBOX_LITE_ variables (names without prefix).

    `output`, when given, is a file that receives everything the server prints.
    """
    port = free_port()
    clean = {k: v for k, v in os.environ.items() if not k.startswith("DROPBOX_LITE_")}
    variables = {
        **clean,
        "DROPBOX_LITE_PORT": str(port),
        "DROPBOX_LITE_BCRYPT_ROUNDS": "4",
        "DROPBOX_LITE_SECRET_KEY": "live-server-test-key-0123456789",
        **{f"DROPBOX_LITE_{k}": v for k, v in env.items()},
    }
    if mongo_uri:
        variables["DROPBOX_LITE_MONGODB_URI"] = mongo_uri.rstrip("/") + f"/live_{port}"
    sink = output.open("w") if output is not None else subprocess.DEVNULL
    process = subprocess.Popen(
        [sys.executable, "-m", "dropbox_lite", "serve", "--no-access-log"],
        env=variables,
        cwd=ROOT,
        stdout=sink,
        stderr=subprocess.STDOUT if output is not None else subprocess.DEVNULL,
        text=True,
    )
    url = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 30
        while True:
            try:
                if httpx.get(f"{url}/readyz", timeout=1).status_code == 200:
                    break
            except httpx.TransportError:
                pass
            assert process.poll() is None, "the server exited"
            assert time.monotonic() < deadline, "the server did not become ready"
            time.sleep(0.1)
        yield LiveServer(url=url, port=port, process=process)
    finally:
        process.terminate()
        try:
            process.wait(timeout=15)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()
        if output is not None:
            sink.close()  # type: ignore[union-attr]
        if mongo_uri:
            import pymongo

            client: pymongo.MongoClient[dict[str, object]] = pymongo.MongoClient(mongo_uri)
            client.drop_database(f"live_{port}")
            client.close()
