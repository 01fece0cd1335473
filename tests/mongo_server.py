"""Start a throwaway MongoDB wire-protocol server (mongod or FerretDB v1) on loopback."""

from __future__ import annotations

import os
import shutil
import socket
import subprocess
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

from pymongo import MongoClient
from pymongo.errors import PyMongoError


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


@dataclass
class MongoServer:
    kind: str
    port: int
    directory: Path
    process: subprocess.Popen[bytes] | None = None

    @property
    def uri(self) -> str:
        return f"mongodb://127.0.0.1:{self.port}/"

    def command(self) -> list[str]:
        if self.kind == "mongod":
            return [
                "mongod",
                "--bind_ip",
                "127.0.0.1",
                "--port",
                str(self.port),
                "--dbpath",
                str(self.directory),
                "--quiet",
            ]
        return [
            "ferretdb",
            "--handler=sqlite",
            # WAL is FerretDB's default; synchronous=normal is safe under WAL and makes
            # small inserts 2-2.6x faster (a crash loses at most the last commits).
            f"--sqlite-url=file:{self.directory}/?_pragma=synchronous(normal)",
            f"--state-dir={self.directory}",
            f"--listen-addr=127.0.0.1:{self.port}",
            "--telemetry=disable",
            "--log-level=error",
            "--debug-addr=127.0.0.1:0",
        ]

    def start(self, timeout: float = 20.0) -> None:
        # A throwaway server: Go's collector runs a tenth as often (FerretDB v1 decodes every
        # document it scans, so its heap churns; measured: a quarter less of its CPU), within
        # a memory limit. A GOGC or GOMEMLIMIT already set wins.
        env = {"GOGC": "1000", "GOMEMLIMIT": "1GiB", **os.environ}
        with open(self.directory / "server.log", "ab") as log:
            self.process = subprocess.Popen(self.command(), stdout=log, stderr=log, env=env)
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                raise RuntimeError(f"{self.kind} exited; see {self.directory / 'server.log'}")
            try:
                with MongoClient(self.uri, serverSelectionTimeoutMS=300) as client:
                    client.admin.command("ping")
                return
            except PyMongoError:
                time.sleep(0.1)
        raise RuntimeError(f"{self.kind} did not answer within {timeout} s")

    def stop(self) -> None:
        if self.process is not None and self.process.poll() is None:
            self.process.terminate()
            try:
                self.process.wait(10)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait()
        self.process = None


def find_server_kind() -> str | None:
    for kind in ("mongod", "ferretdb"):
        if shutil.which(kind):
            return kind
    return None


def start_server(kind: str | None = None, directory: Path | None = None) -> MongoServer:
    """A running server in a temporary directory on a free port; `stop()` it afterwards."""
    kind = kind or find_server_kind()
    if kind is None:
        raise RuntimeError("neither mongod nor ferretdb is on PATH")
    server = MongoServer(
        kind=kind,
        port=free_port(),
        directory=directory or Path(tempfile.mkdtemp(prefix=f"dropbox-lite-{kind}-")),
    )
    server.start()
    return server
