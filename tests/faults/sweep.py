"""The fault sweep: for each operation, every kill point, restart, repair, invariants.

For one operation (a row of operations.OPERATIONS):

1. before: a clone of the template, the owner's probe uploads, a repair pass, observed
   (once per set of probe folders: operations probing the same folders share it);
2. count: a clone, the operation through a counting proxy (N commands), probes,
   repair, observed: the after-state;
3. for k = 1..N: a clone, the operation through a proxy armed to kill after its k-th
   command; then the app is started again straight on the database (a restart), the
   probes are uploaded and the state observed (`restarted`: no leak, no error);
   the stored times are aged two hours (the app was down that long), one upkeep pass
   runs (what `dropbox-lite maintain` runs), and the state is observed again
   (`repaired`: every invariant of invariants.py).

Every result names (operation, k, phase, invariant, detail).
"""

from __future__ import annotations

import asyncio
import contextlib
import os
import time
from collections.abc import AsyncIterator
from dataclasses import dataclass, field
from typing import Any

from dropbox_lite.upkeep import maintenance
from tests.faults import invariants as inv
from tests.faults.operations import Operation
from tests.faults.proxy import WireProxy
from tests.faults.world import (
    RunningApp,
    World,
    case_settings,
    clone,
    content,
    drop,
    new_db_name,
    running_app,
    upload,
    upstream,
)

# Cases of one operation run side by side (the server and the app each get a core).
PARALLEL = int(os.environ.get("FAULTS_PARALLEL", "2"))
# Kill points run per operation: evenly spaced over its writes, first and last included
# (README's test command; CI). FAULTS_ALL=1 (or FAULTS_EVERY_K=1) runs every one.
SAMPLE = 0 if os.environ.get("FAULTS_ALL") == "1" else int(os.environ.get("FAULTS_POINTS", "4"))
# Users whose view may leak (the owner sees all of her own anyway).
PRINCIPALS = ("bob", "carol", "dave")
# Commands that change nothing: a kill after one leaves the database as a kill after the
# command before it did, so the sweep runs one case per write (FAULTS_EVERY_K=1: all).
READS = frozenset(
    {"find", "aggregate", "count", "distinct", "getMore", "listIndexes", "listCollections"}
)
# (template database, probe folders) -> the before-state observed (`Sweep.before`).
BEFORE: dict[tuple[str, tuple[str, ...]], inv.Observation] = {}


def kill_points(commands: list[str], every: bool = False) -> dict[int, int]:
    """k -> the k whose case stands for it (itself for a write; the last write before a read)."""
    points: dict[int, int] = {}
    last = 0
    for k, name in enumerate(commands, start=1):
        if every or name not in READS:
            points[k] = last = k
        elif last == 0:
            points[k] = last = k  # the before-state, once
        else:
            points[k] = last
    return points


@dataclass(frozen=True)
class Finding:
    op: str
    k: int
    phase: str
    violation: inv.Violation

    def __str__(self) -> str:
        return f"{self.op} k={self.k} {self.phase} {self.violation}"


@dataclass
class OpResult:
    op: str
    n: int = 0
    commands: list[str] = field(default_factory=list)
    cases: int = 0
    findings: list[Finding] = field(default_factory=list)
    seconds: float = 0.0
    unkilled: list[int] = field(default_factory=list)  # k the operation ended before
    covered: dict[int, int] = field(default_factory=dict)  # every k -> the case run for it

    def by_invariant(self, invariant: str) -> list[Finding]:
        return [f for f in self.findings if f.violation.invariant == invariant]

    def report(self, invariant: str | None = None, limit: int = 40) -> str:
        found = self.findings if invariant is None else self.by_invariant(invariant)
        lines = [
            f"{self.op}: N={self.n} commands [{', '.join(self.commands)}]; "
            f"{self.cases} cases run for {len(self.covered)} kill points; {len(found)} findings"
        ]
        grouped: dict[tuple[str, str], list[int]] = {}
        for f in found:
            grouped.setdefault((f.phase, str(f.violation)), []).append(f.k)
        for (phase, text), ks in list(grouped.items())[:limit]:
            lines.append(f"  k={','.join(map(str, sorted(set(ks))))} {phase}: {text}")
        if len(grouped) > limit:
            lines.append(f"  ... and {len(grouped) - limit} more kinds")
        return "\n".join(lines)


class Sweep:
    """One server, one template world; `run(op)` sweeps one operation."""

    def __init__(self, mongo_uri: str, world: World, client: Any) -> None:
        self.mongo_uri = mongo_uri
        self.world = world
        self.client = client
        self.template_ids: set[str] = set()
        self.tokens = {u: a.token for u, a in world.accounts.items()}
        self.changed: set[str] = set()

    async def prepare(self) -> None:
        docs = await self.client[self.world.db_name]["entries"].find({}, {"_id": 1}).to_list(None)
        self.template_ids = {str(d["_id"]) for d in docs}

    # -- pieces ---------------------------------------------------------------------

    @contextlib.asynccontextmanager
    async def fresh(self, label: str) -> AsyncIterator[str]:
        name = new_db_name(label)
        await clone(self.client, self.world.db_name, name)
        try:
            yield name
        finally:
            await drop(self.client, name)

    async def probe(self, app: RunningApp, op: Operation) -> None:
        for key in op.probes:
            with contextlib.suppress(AssertionError):
                await upload(
                    app.http,
                    self.world.token("alice"),
                    f"probe-{key}.txt",
                    content(f"probe-{key}"),
                    parentId=self.world.ids[key],
                )

    async def observe(
        self,
        app: RunningApp,
        name: str,
        allowed: dict[str, set[str]] | None = None,
        *,
        principals_only: bool = False,
    ) -> inv.Observation:
        tokens = self.tokens
        if principals_only:
            tokens = {u: t for u, t in tokens.items() if u in PRINCIPALS}
        return await inv.observe(
            client=self.client,
            db_name=name,
            gql=app.gql,
            http=app.http,
            world=self.world,
            tokens=tokens,
            template_ids=self.template_ids,
            principals=PRINCIPALS,
            allowed=allowed,
            changed=self.changed,
        )

    async def repair(self, app: RunningApp, name: str) -> None:
        await inv.age(self.client, name)
        await maintenance.run_pass(db=app.db, settings=app.settings)

    async def before(self, op: Operation) -> inv.Observation:
        """The before-state: the template with `op`'s probes, repaired, observed.

        It depends on the operation only through its probe folders, so operations
        probing the same folders share one (observed once per session and world).
        """
        key = (self.world.db_name, op.probes)
        if key not in BEFORE:
            BEFORE[key], _, _ = await self.baseline(op, run_op=False)
        return BEFORE[key]

    async def baseline(
        self, op: Operation, *, run_op: bool
    ) -> tuple[inv.Observation, int, list[str]]:
        async with self.fresh("base") as name:
            proxy = WireProxy(*upstream(self.mongo_uri))
            await proxy.start()
            try:
                # The un-faulted run must finish however slow the machine is.
                settings = case_settings(proxy.uri(name), name, request_timeout_seconds=600)
                async with running_app(settings) as app:
                    start = proxy.count
                    if run_op:
                        await op.run(app, self.world)
                    n, commands = proxy.count - start, proxy.names(start)
                    await self.probe(app, op)
                    await self.repair(app, name)
                    observed = await self.observe(app, name)
            finally:
                await proxy.close()
        return observed, n, commands

    # -- the sweep ------------------------------------------------------------------

    async def run(
        self, op: Operation, *, only: list[int] | None = None, every: bool = False
    ) -> OpResult:
        started = time.monotonic()
        result = OpResult(op.name)
        # The two baselines are independent (each its own clone and app): side by side.
        before, (after, result.n, result.commands) = await asyncio.gather(
            self.before(op), self.baseline(op, run_op=True)
        )
        for label, state in (("before", before), ("after", after)):
            for violation in (
                inv.check_quota(state) + inv.check_feeds(state) + inv.check_errors(state)
            ):
                result.findings.append(Finding(op.name, 0, f"baseline-{label}", violation))
        allowed = {u: inv.visible(before, u) | inv.visible(after, u) for u in PRINCIPALS}
        self.changed = inv.changed_entries(before, after)
        result.covered = kill_points(result.commands, every)
        gate = asyncio.Semaphore(PARALLEL)

        async def one(k: int) -> None:
            async with gate:
                await self.case(op, k, before, after, allowed, result)
                result.cases += 1

        chosen = [k for k in sorted(set(result.covered.values())) if only is None or k in only]
        if SAMPLE and not every and only is None and len(chosen) > SAMPLE:
            step = (len(chosen) - 1) / (SAMPLE - 1)
            chosen = sorted({chosen[round(i * step)] for i in range(SAMPLE)})
            result.covered = {k: v for k, v in result.covered.items() if v in chosen}
        await asyncio.gather(*(one(k) for k in chosen))
        result.findings.sort(key=lambda f: (f.k, f.phase))
        result.seconds = time.monotonic() - started
        return result

    async def case(
        self,
        op: Operation,
        k: int,
        before: inv.Observation,
        after: inv.Observation,
        allowed: dict[str, set[str]],
        result: OpResult,
    ) -> None:
        def found(phase: str, violations: list[inv.Violation]) -> None:
            result.findings.extend(Finding(op.name, k, phase, v) for v in violations)

        async with self.fresh("case") as name:
            proxy = WireProxy(*upstream(self.mongo_uri))
            await proxy.start()
            try:
                killed = await self.kill_after(op, proxy, name, k)
            finally:
                await proxy.close()
            if not killed:
                result.unkilled.append(k)
            async with running_app(case_settings(self.mongo_uri, name)) as app:
                await self.probe(app, op)
                crashed = await self.observe(app, name, allowed, principals_only=True)
                found(
                    "restarted",
                    inv.check_leaks(before, after, crashed, principals=PRINCIPALS)
                    + inv.check_errors(crashed),
                )
                await self.repair(app, name)
                repaired = await self.observe(app, name, allowed)
                violations = (
                    inv.check_whole(before, after, repaired)
                    + inv.check_leaks(before, after, repaired, principals=PRINCIPALS, repaired=True)
                    + inv.check_quota(repaired)
                    + inv.check_trash_history(before, after, repaired)
                    + inv.check_feeds(repaired)
                    + inv.check_errors(repaired)
                )
                if op.creates_user:
                    violations += await inv.check_account(app.gql, app.http, op.creates_user)
                found("repaired", violations)

    async def run_disconnect(self, op: Operation, *, after: int) -> OpResult:
        """The operation's client gives up after its `after`-th command (a cancellation).

        The app keeps running: once it is quiet the state must already be whole (a
        started operation runs to its end), then again after a repair pass.
        """
        started = time.monotonic()
        result = OpResult(op.name)
        before, (after_state, result.n, result.commands) = await asyncio.gather(
            self.before(op), self.baseline(op, run_op=True)
        )
        after = min(after, max(1, result.n // 2))  # half-way at the latest
        allowed = {u: inv.visible(before, u) | inv.visible(after_state, u) for u in PRINCIPALS}
        self.changed = inv.changed_entries(before, after_state)

        def found(phase: str, violations: list[inv.Violation]) -> None:
            result.findings.extend(Finding(op.name, after, phase, v) for v in violations)

        async with self.fresh("cut") as name:
            proxy = WireProxy(*upstream(self.mongo_uri))
            await proxy.start()
            try:
                async with running_app(case_settings(proxy.uri(name), name)) as app:
                    start = proxy.count
                    task = asyncio.ensure_future(op.run(app, self.world))
                    reached = asyncio.ensure_future(proxy.reached(start + after))
                    await asyncio.wait({task, reached}, return_when=asyncio.FIRST_COMPLETED)
                    if task.done():
                        result.unkilled.append(after)
                    task.cancel()  # the client is gone: the server cancels its request
                    reached.cancel()
                    await asyncio.gather(task, reached, return_exceptions=True)
                    await proxy.quiet()
                    await self.probe(app, op)
                    for phase in ("disconnected", "repaired"):
                        if phase == "repaired":
                            await self.repair(app, name)
                        got = await self.observe(app, name, allowed)
                        found(
                            phase,
                            inv.check_whole(before, after_state, got)
                            + inv.check_leaks(
                                before, after_state, got, principals=PRINCIPALS, repaired=True
                            )
                            + inv.check_quota(got)
                            + inv.check_trash_history(before, after_state, got)
                            + inv.check_feeds(got)
                            + inv.check_errors(got),
                        )
            finally:
                await proxy.close()
        result.cases = 1
        result.covered = {after: after}
        result.seconds = time.monotonic() - started
        return result

    async def kill_after(self, op: Operation, proxy: WireProxy, name: str, k: int) -> bool:
        """Run `op` through `proxy`, killed after its k-th command; whether it was killed."""
        settings = case_settings(proxy.uri(name), name)
        async with running_app(settings, selection_timeout_ms=300) as app:
            proxy.arm_kill(k)
            task = asyncio.ensure_future(op.run(app, self.world))
            killed = asyncio.ensure_future(proxy.kill_event.wait())
            await asyncio.wait({task, killed}, return_when=asyncio.FIRST_COMPLETED)
            killed.cancel()
            task.cancel()
            await asyncio.gather(task, killed, return_exceptions=True)
            was_killed = proxy.killed
            proxy.kill()  # whatever the app does on its way out never arrives
        return was_killed
