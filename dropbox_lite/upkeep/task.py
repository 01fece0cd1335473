"""The background upkeep inside the server: a pass per term, in one process at a time.

Every server process runs this loop. At the start of each term (every
UPKEEP_INTERVAL_SECONDS) each one tries to take the term's lease
(upkeep/lease.py); the one that gets it runs a maintenance pass, the others
sleep until the next term.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
import os
import random
import socket
import uuid
from collections.abc import Awaitable, Callable
from datetime import UTC, datetime, timedelta

from dropbox_lite.core.config import Settings
from dropbox_lite.core.db import UNAVAILABLE_ERRORS, Database
from dropbox_lite.upkeep import lease, maintenance

log = logging.getLogger("dropbox_lite.upkeep")

LEASE_NAME = "upkeep"
# Processes wake at a random point in the first part of a term, not all at once.
MAX_JITTER_SECONDS = 5.0

Work = Callable[[lease.Term], Awaitable[None]]


def holder_id() -> str:
    """A name for this process that no other process shares."""
    return f"{socket.gethostname()}:{os.getpid()}:{uuid.uuid4().hex[:8]}"


class Upkeep:
    """The loop of one process; `work` is what the leader of a term does (tests swap it)."""

    def __init__(
        self,
        *,
        db: Database,
        settings: Settings,
        holder: str | None = None,
        work: Work | None = None,
    ) -> None:
        if settings.upkeep_interval_seconds <= 0:
            raise ValueError("upkeep needs a positive interval")
        self.db = db
        self.settings = settings
        self.holder = holder or holder_id()
        self.period = float(settings.upkeep_interval_seconds)
        self.work: Work = work or self._pass
        self._task: asyncio.Task[None] | None = None

    def _deadline(self, term: lease.Term) -> datetime:
        # Stop before the term ends, so that the next term's leader runs alone.
        return term.ends - timedelta(seconds=self.period / 10)

    async def _pass(self, term: lease.Term) -> None:
        deadline = self._deadline(term)
        await maintenance.run_pass(db=self.db, settings=self.settings, deadline=deadline)

    async def lead_once(self) -> bool:
        """Try to lead the current term and, when this process leads it, do its work.

        Too late in a term (a process started near its end), nobody leads it.
        """
        now = datetime.now(UTC)
        term = lease.term_at(name=LEASE_NAME, period_seconds=self.period, now=now)
        if now >= self._deadline(term):
            return False
        if not await lease.try_lead(db=self.db, term=term, holder=self.holder):
            return False
        log.info("upkeep: %s leads term %d", self.holder, term.number)
        await self.work(term)
        return True

    async def run(self) -> None:
        """Lead or wait, term after term, until cancelled."""
        while True:
            try:
                await self.lead_once()
            except UNAVAILABLE_ERRORS as exc:
                log.warning("upkeep: database unavailable (%s); trying again next term", exc)
            except Exception:
                # A bug in one pass must not end upkeep for the life of the process.
                log.exception("upkeep: the pass failed; trying again next term")
            now = datetime.now(UTC)
            term = lease.term_at(name=LEASE_NAME, period_seconds=self.period, now=now)
            jitter = random.uniform(0, min(MAX_JITTER_SECONDS, self.period / 10))
            await asyncio.sleep((term.ends - now).total_seconds() + jitter)

    def start(self) -> None:
        """Run the loop in the background."""
        self._task = asyncio.create_task(self.run(), name="dropbox-lite upkeep")

    async def stop(self) -> None:
        """Cancel the loop and wait for it to end."""
        if self._task is None:
            return
        self._task.cancel()
        with contextlib.suppress(asyncio.CancelledError):
            await self._task
        self._task = None


def start_upkeep(*, db: Database, settings: Settings) -> Upkeep | None:
    """Start the background upkeep, unless UPKEEP_INTERVAL_SECONDS is 0 (the test suite's
    settings: a pass in the background would race the tests' own counts)."""
    if settings.upkeep_interval_seconds <= 0:
        return None
    upkeep = Upkeep(db=db, settings=settings)
    upkeep.start()
    return upkeep
