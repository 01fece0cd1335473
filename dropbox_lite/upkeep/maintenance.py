"""One maintenance pass: prune what every collection no longer needs, then gc blobs.

Each step is one delete in the module that owns the collection (or, where that
module has none yet, in a module of this package named for it) and returns how
many documents it removed. A pass is safe to run at any time and in any number
of processes; the background task (upkeep/task.py) runs it in one at a time only
to spare the work.
"""

from __future__ import annotations

import logging
from collections.abc import Awaitable, Callable
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta

from dropbox_lite.auth import service as auth_service
from dropbox_lite.core.config import Settings
from dropbox_lite.core.db import Database
from dropbox_lite.files import blobs, journal, repair, sessions, thumbnails, trash
from dropbox_lite.files import service as files_service
from dropbox_lite.sharing import service as sharing_service
from dropbox_lite.upkeep import lease, move_cycles, throttles

log = logging.getLogger("dropbox_lite.upkeep")

# Each step returns what it did, as counts by name.
Step = Callable[[], Awaitable[dict[str, int]]]


@dataclass
class PassReport:
    """What one pass did: counts by step, and gc's report."""

    removed: dict[str, int] = field(default_factory=dict)
    garbage: blobs.GarbageReport | None = None
    cut_short: bool = False

    def summary(self) -> str:
        """One line for the log: every count, zeros included."""
        parts = [f"{count} {name}" for name, count in self.removed.items()]
        if self.garbage is not None:
            parts.append(
                f"{len(self.garbage)} blobs ({self.garbage.bytes_reclaimed} bytes; "
                f"{self.garbage.young} unreferenced kept inside the grace period)"
            )
        text = "removed " + ", ".join(parts) if parts else "removed nothing"
        return text + " (cut short: its term ended)" if self.cut_short else text


async def _journal(db: Database, settings: Settings, now: datetime) -> dict[str, int]:
    retention = timedelta(days=settings.journal_retention_days)
    done = await journal.prune_journal(db=db, retention=retention, now=now)
    return {
        "journal claims": done["claims"],
        "abandoned change marks": done["marks"],
        "tombstones": done["tombstones"],
        "journal checkpoints": done["checkpoints"],
    }


async def _files(db: Database, settings: Settings) -> dict[str, int]:
    done = await repair.repair(db=db, settings=settings)
    return {
        "revision claims of dead writers": done.claims_removed,
        "history records restored": done.records_restored,
        "expired revisions": done.revisions_expired,
        "quota bytes of dead writers": done.bytes_released,
    }


async def _operations(db: Database) -> dict[str, int]:
    # Finished (completed or rolled back) before the recount below sees their bytes.
    return {"abandoned operations": await files_service.finish_abandoned(db)}


async def _accounts(db: Database, now: datetime) -> dict[str, int]:
    sessions, invites = await auth_service.prune(db=db, at=now)
    return {"sessions": sessions, "expired invites": invites}


async def _count(name: str, work: Awaitable[int]) -> dict[str, int]:
    return {name: await work}


def _steps(db: Database, settings: Settings, now: datetime) -> list[Step]:
    # Lambdas, not coroutines made up front: a pass cut short never awaits the rest.
    return [
        lambda: _journal(db, settings, now),
        lambda: _operations(db),
        lambda: _files(db, settings),
        lambda: _accounts(db, now),
        lambda: _count("throttle records", throttles.prune_throttles(db=db, now=now)),
        lambda: _count("move-cycle records", move_cycles.prune_move_cycles(db=db, now=now)),
        lambda: _count("ended share links", sharing_service.prune_share_links(db=db)),
        lambda: _count("ended leases", lease.prune_leases(db=db, now=now)),
        lambda: _count(
            "trash older than TRASH_DAYS",
            trash.purge_expired(db=db, days=settings.trash_days, now=now),
        ),
        lambda: _count("expired upload sessions", sessions.prune(db=db)),
        lambda: _count("thumbnails of gone content", thumbnails.prune_thumbnails(db=db)),
    ]


async def run_pass(
    *,
    db: Database,
    settings: Settings,
    now: datetime | None = None,
    deadline: datetime | None = None,
    gc: bool = True,
) -> PassReport:
    """Run every pruning step, then gc; stop between steps once `deadline` passes."""
    now = now or datetime.now(UTC)
    report = PassReport()
    for step in _steps(db, settings, now):
        if deadline is not None and datetime.now(UTC) >= deadline:
            report.cut_short = True
            break
        report.removed.update(await step())
    if gc and not report.cut_short:
        report.garbage = await blobs.collect_garbage(db=db, grace_seconds=settings.gc_grace_seconds)
    log.info("upkeep pass: %s", report.summary())
    return report


# What `dropbox-lite maintain` counts before and after a pass: what it prunes, and the
# collections that hold the data (which a pass must leave alone, tombstones aside).
COUNTED = [
    "operations",
    "seq_claims",
    "journal_checkpoints",
    "sessions",
    "last_seen",
    "rate_limits",
    "move_cycles",
    "invites",
    "invite_claims",
    "share_links",
    "leases",
    "users",
    "entries",
    "revisions",
    "quota_ledger",
    "upload_sessions",
    "upload_parts",
    "blob_index",
    "blobs.files",
    "blobs.chunks",
]
