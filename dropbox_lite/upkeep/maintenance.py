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
from datetime import UTC, datetime

from dropbox_lite.core.config import Settings
from dropbox_lite.core.db import Database
from dropbox_lite.files import blobs
from dropbox_lite.upkeep import claims, lease, move_cycles, sessions, throttles

log = logging.getLogger("dropbox_lite.upkeep")

Step = Callable[[], Awaitable[int]]


@dataclass
class PassReport:
    """What one pass removed: documents per collection, and gc's report."""

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
        text = "removed " + ", ".join(parts)
        return text + " (cut short: its term ended)" if self.cut_short else text


def _steps(db: Database, settings: Settings, now: datetime) -> list[tuple[str, Step]]:
    # Collection names as the keys: `dropbox-lite maintain` counts them before and after.
    return [
        ("seq_claims", lambda: claims.prune_claims(db=db)),
        ("inflight", lambda: claims.prune_abandoned_marks(db=db, now=now)),
        ("sessions", lambda: sessions.prune_sessions(db=db, now=now)),
        ("rate_limits", lambda: throttles.prune_throttles(db=db, now=now)),
        ("move_cycles", lambda: move_cycles.prune_move_cycles(db=db, now=now)),
        ("leases", lambda: lease.prune_leases(db=db, now=now)),
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
    for name, step in _steps(db, settings, now):
        if deadline is not None and datetime.now(UTC) >= deadline:
            report.cut_short = True
            break
        report.removed[name] = await step()
    if gc and not report.cut_short:
        report.garbage = await blobs.collect_garbage(db=db, grace_seconds=settings.gc_grace_seconds)
    log.info("upkeep pass: %s", report.summary())
    return report


# What `dropbox-lite maintain` counts before and after a pass: what it prunes, and the
# collections that hold the data (which a pass must leave alone).
COUNTED = [
    "seq_claims",
    "inflight",
    "sessions",
    "rate_limits",
    "move_cycles",
    "leases",
    "entries",
    "revisions",
    "blob_index",
    "blobs.files",
    "blobs.chunks",
]
