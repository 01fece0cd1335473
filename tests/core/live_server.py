"""A real `dropbox-lite serve` process on a free port, for tests that need real sockets.

The one way the tests start a server process (the browser tests, the sync CLI, the
WebDAV clients, README's examples): `live_server(...)` serves until its block ends;
`start_live_server` / `LiveServer.stop` when a test restarts one (the same port, the
same database).
"""

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
SECRET_KEY = "live-server-test-key-0123456789"
READY_SECONDS = float(os.environ.get("DROPBOX_LITE_TEST_READY_SECONDS", "30"))


@dataclass
class LiveServer:
    url: str
    port: int
    process: subprocess.Popen[bytes]
    log: Path | None = None
    database: str | None = None  # on the server backend, the database it was given

    @property
    def base_url(self) -> str:
        return self.url

    def stop(self, *, mongo_uri: str | None = None) -> None:
        """Stop the process; with `mongo_uri`, drop the database it was given."""
        self.process.terminate()
        try:
            self.process.wait(timeout=15)
        except subprocess.TimeoutExpired:
            self.process.kill()
            self.process.wait()
        if mongo_uri and self.database:
            import pymongo

            client: pymongo.MongoClient[dict[str, object]] = pymongo.MongoClient(mongo_uri)
            client.drop_database(self.database)
            client.close()


def start_live_server(
    mongo_uri: str | None,
    *,
    port: int | None = None,
    host: str | None = None,
    output: Path | None = None,
    access_log: bool = False,
    log_level: str | None = None,
    **env: str,
) -> LiveServer:
    """`dropbox-lite serve` until `stop()`; `env` adds DROPBOX_LITE_ variables (names without
    prefix). It answers on 127.0.0.1:`port` (a free one by default) and listens on `host`
    (`--host`, default 127.0.0.1). On the server backend it gets database `live_<port>`
    on `mongo_uri`, unless `env` names a MONGODB_URI. `output`, when given, is a file that
    receives everything the server prints. Returns once `/readyz` answers 200.
    """
    port = port or free_port()
    clean = {k: v for k, v in os.environ.items() if not k.startswith("DROPBOX_LITE_")}
    variables = {
        **clean,
        "PYTHONUNBUFFERED": "1",
        "DROPBOX_LITE_PORT": str(port),
        "DROPBOX_LITE_BCRYPT_ROUNDS": "4",
        "DROPBOX_LITE_SECRET_KEY": SECRET_KEY,
        **{f"DROPBOX_LITE_{k}": v for k, v in env.items()},
    }
    database = None
    if mongo_uri and "MONGODB_URI" not in env:
        database = f"live_{port}"
        variables["DROPBOX_LITE_MONGODB_URI"] = mongo_uri.rstrip("/") + f"/{database}"
    command = [sys.executable, "-m", "dropbox_lite", "serve"]
    command += ["--host", host] if host else []
    command += [] if access_log else ["--no-access-log"]
    command += ["--log-level", log_level] if log_level else []
    with contextlib.ExitStack() as files:
        sink = files.enter_context(output.open("wb")) if output is not None else None
        process = subprocess.Popen(
            command,
            env=variables,
            cwd=ROOT,
            stdout=sink or subprocess.DEVNULL,
            stderr=subprocess.STDOUT if sink else subprocess.DEVNULL,
        )
    server = LiveServer(
        url=f"http://127.0.0.1:{port}", port=port, process=process, log=output, database=database
    )
    deadline = time.monotonic() + READY_SECONDS
    # One client for the whole wait: `httpx.get` makes a client, and with it a TLS
    # context (certifi's bundle parsed, ~15 ms of CPU), on every poll.
    with httpx.Client(timeout=1) as poll:
        while True:
            try:
                if poll.get(f"{server.url}/readyz").status_code == 200:
                    return server
            except httpx.TransportError:
                pass
            exited = process.poll() is not None
            if exited or time.monotonic() > deadline:
                server.stop()
                said = f":\n{output.read_text(errors='replace')}" if output is not None else ""
                state = "exited" if exited else f"was not ready within {READY_SECONDS} s"
                raise AssertionError(f"the server {state}{said}")
            time.sleep(0.05)


@contextlib.contextmanager
def live_server(
    mongo_uri: str | None,
    *,
    port: int | None = None,
    host: str | None = None,
    output: Path | None = None,
    access_log: bool = False,
    log_level: str | None = None,
    **env: str,
) -> Iterator[LiveServer]:
    """Serve (see `start_live_server`) until the block ends, then drop its database."""
    server = start_live_server(
        mongo_uri,
        port=port,
        host=host,
        output=output,
        access_log=access_log,
        log_level=log_level,
        **env,
    )
    try:
        yield server
    finally:
        server.stop(mongo_uri=mongo_uri)
