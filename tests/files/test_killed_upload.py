"""An upload whose process is killed half-way, then `dropbox-lite gc` (server backend)."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from dropbox_lite.core.config import Settings
from dropbox_lite.core.db import Database

pytestmark = pytest.mark.server_only

ROOT = Path(__file__).resolve().parents[2]

# A writer that streams an endless body into a blob, as an upload does, until killed.
WRITER = """
import asyncio, os, sys
from dropbox_lite.core import db as database
from dropbox_lite.core.config import load_config
from dropbox_lite.files import blobs

class Endless:
    async def read(self, size=-1):
        await asyncio.sleep(0.01)
        return os.urandom(256 * 1024)

async def main():
    settings = load_config()
    db = await database.connect(settings)
    await blobs.write_blob(db=db, stream=Endless(), max_bytes=10**12)

asyncio.run(main())
"""


def _env(settings: Settings) -> dict[str, str]:
    clean = {k: v for k, v in os.environ.items() if not k.startswith("DROPBOX_LITE_")}
    uri = (settings.mongodb_uri or "").rstrip("/") + "/" + settings.db_name
    return {**clean, "DROPBOX_LITE_MONGODB_URI": uri}


async def test_killed_upload_leaves_no_entry_and_gc_sweeps_its_chunks(
    settings: Settings, db: Database
) -> None:
    writer = subprocess.Popen([sys.executable, "-c", WRITER], env=_env(settings), cwd=ROOT)
    try:
        deadline = time.monotonic() + 30
        while await db["blob_index"].count_documents({}) < 2:
            assert writer.poll() is None, "the writer exited on its own"
            assert time.monotonic() < deadline, "the writer wrote nothing"
            time.sleep(0.1)
    finally:
        writer.send_signal(signal.SIGKILL)
        writer.wait()

    # Killed half-way: whole 4 MiB blocks (and maybe chunks of the next), no entry.
    blocks = await db["blobs.files"].count_documents({})
    assert blocks >= 2 and await db["blob_index"].count_documents({}) == blocks
    assert await db["blobs.chunks"].count_documents({}) >= blocks * 4
    assert await db["entries"].count_documents({"is_file": True}) == 0

    # Within the grace period gc leaves the chunks alone (the upload might be alive).
    young = subprocess.run(
        [sys.executable, "-m", "dropbox_lite", "gc"],
        env=_env(settings),
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert young.returncode == 0, young.stderr
    assert "removed 0 unreferenced blob(s)" in young.stdout
    assert await db["blobs.chunks"].count_documents({}) >= 2 * 4

    time.sleep(1.1)  # ObjectId times have whole seconds
    swept = subprocess.run(
        [sys.executable, "-m", "dropbox_lite", "gc", "--grace-seconds", "0"],
        env=_env(settings),
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert swept.returncode == 0, swept.stderr
    assert "unreferenced blob(s)" in swept.stdout and "removed 0 " not in swept.stdout
    assert await db["blobs.chunks"].count_documents({}) == 0
    assert await db["blobs.files"].count_documents({}) == 0
    assert await db["blob_index"].count_documents({}) == 0
