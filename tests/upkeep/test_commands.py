"""`dropbox-lite maintain` and `dropbox-lite gc`, run as a user runs them: a real process."""

from __future__ import annotations

import asyncio
import os
import subprocess
import sys
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from dropbox_lite.core.config import Settings
from dropbox_lite.core.db import Database
from dropbox_lite.files import blobs, journal
from tests.mongo_server import free_port
from tests.upkeep.test_steps import Stream

ROOT = Path(__file__).resolve().parents[2]


def run(*args: str, env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    clean = {k: v for k, v in os.environ.items() if not k.startswith("DROPBOX_LITE_")}
    return subprocess.run(
        [sys.executable, "-m", "dropbox_lite", *args],
        env={**clean, **(env or {})},
        capture_output=True,
        text=True,
        timeout=60,
        cwd=ROOT,
    )


def database_env(settings: Settings) -> dict[str, str]:
    uri = (settings.mongodb_uri or "").rstrip("/") + "/" + settings.db_name
    return {"DROPBOX_LITE_MONGODB_URI": uri, "DROPBOX_LITE_GC_GRACE_SECONDS": "0"}


@pytest.mark.parametrize(
    ("value", "problem"),
    [
        ("-5", "must be 0 or more, not -5"),
        ("soon", "must be a whole number of seconds"),
        ("100000000000000000000", "must be at most"),
    ],
)
def test_gc_refuses_a_bad_grace_period(value: str, problem: str) -> None:
    result = run("gc", "--grace-seconds", value)
    assert result.returncode == 2
    assert problem in result.stderr and "Traceback" not in result.stderr


def test_a_negative_grace_period_in_the_environment_is_refused() -> None:
    result = run(
        "gc", env={"DROPBOX_LITE_GC_GRACE_SECONDS": "-1", "DROPBOX_LITE_MONGODB_URI": "mongodb://x"}
    )
    assert result.returncode == 2
    assert result.stderr.strip().splitlines() == [
        "dropbox-lite: configuration error: DROPBOX_LITE_GC_GRACE_SECONDS: "
        "must be between 0 and 3162240000, not -1"
    ]


@pytest.mark.parametrize("command", ["maintain", "gc"])
def test_without_a_database_the_commands_say_so(command: str) -> None:
    result = run(command)
    assert result.returncode == 2
    assert "no database is configured" in result.stderr and "Traceback" not in result.stderr


@pytest.mark.parametrize("command", ["maintain", "gc"])
def test_against_an_unreachable_database_one_line_and_exit_1(command: str) -> None:
    port = free_port()  # nothing listens there
    env = {
        "DROPBOX_LITE_MONGODB_URI": f"mongodb://127.0.0.1:{port}/x",
        "DROPBOX_LITE_DB_TIMEOUT_MS": "300",  # nothing answers: no need to wait 5 s
    }
    result = run(command, env=env)
    assert result.returncode == 1
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and f"cannot reach MongoDB at mongodb://127.0.0.1:{port}/x" in lines[0]


@pytest.mark.server_only
async def test_gc_dry_run_then_gc_report_what_they_reclaim(
    db: Database, settings: Settings
) -> None:
    for data in (b"a" * 3000, b"b" * 2000):
        await blobs.write_blob(db=db, stream=Stream(data), max_bytes=10_000)
    await asyncio.sleep(0.01)
    env = database_env(settings)

    dry = await asyncio.to_thread(run, "gc", "--dry-run", env=env)
    assert dry.returncode == 0, dry.stderr
    assert "dry run: would remove 2 unreferenced blob(s), reclaiming 4.9 KiB" in dry.stdout
    assert await db["blobs.files"].count_documents({}) == 2

    young = await asyncio.to_thread(run, "gc", "--grace-seconds", "3600", env=env)
    assert "removed 0 unreferenced blob(s), reclaimed 0 B" in young.stdout
    assert "kept 2 unreferenced blob(s) (4.9 KiB) younger than the 3600 s grace period" in (
        young.stdout
    )
    assert "--grace-seconds 0" in young.stdout  # the hint

    done = await asyncio.to_thread(run, "gc", "--verbose", env=env)
    assert done.returncode == 0, done.stderr
    assert "removed 2 unreferenced blob(s), reclaimed 4.9 KiB" in done.stdout
    assert done.stdout.count("removed blob ") == 2
    assert "kept" not in done.stdout
    assert await db["blobs.files"].count_documents({}) == 0


@pytest.mark.server_only
async def test_maintain_prints_counts_before_and_after(db: Database, settings: Settings) -> None:
    owner = (await db["users"].insert_one({"username": "x"})).inserted_id
    for _ in range(4):
        async with journal.change(db=db, owner_id=owner):
            pass
    now = datetime.now(UTC)
    # Claims younger than a minute stay (journal.STALE_MARK): these are an hour old.
    await db["seq_claims"].update_many({}, {"$set": {"at": now - timedelta(hours=1)}})
    await db["sessions"].insert_one(
        {"user_id": owner, "revoked": True, "expires_at": now + timedelta(days=1)}
    )
    await blobs.write_blob(db=db, stream=Stream(b"loose"), max_bytes=1024)
    await asyncio.sleep(0.01)
    result = await asyncio.to_thread(run, "maintain", env=database_env(settings))
    assert result.returncode == 0, result.stderr
    lines = result.stdout.splitlines()
    assert lines[0].split() == ["collection", "before", "after"]
    rows = {line.split()[0]: line.split()[1:] for line in lines[1:-1]}
    assert rows["seq_claims"] == ["4", "1"]
    assert rows["sessions"] == ["1", "0"]
    assert rows["users"] == ["1", "1"]
    assert rows["blobs.files"] == ["1", "0"]
    assert lines[-1].startswith("removed 3 journal claims, ")
    assert "1 sessions" in lines[-1] and "1 blobs (5 bytes;" in lines[-1]
    assert await journal.top_seq(db=db, owner_id=owner) == 4
