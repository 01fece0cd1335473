"""The fault sweep's shared state: one template world per session, one sweep per operation.

Each (operation, invariant) test reads the sweep of its operation, run once by the first
of them in the session (`sweep_result`), so the sweep costs one pass per operation
however many invariants are reported. The session's summary prints, per operation,
N (its commands), the kill points covered, the cases run and the findings.
"""

from __future__ import annotations

import gc
import os
from collections.abc import Iterator
from typing import Any

import pytest
from pymongo import MongoClient

from dropbox_lite.auth import live
from tests.faults.operations import OPERATIONS
from tests.faults.sweep import OpResult, Sweep
from tests.faults.world import World, build_world, raw_client

RESULTS: dict[str, OpResult] = {}
_WORLD: dict[str, World] = {}
EVERY_K = os.environ.get("FAULTS_EVERY_K") == "1"


@pytest.fixture(autouse=True)
def no_session_cache(monkeypatch: pytest.MonkeyPatch) -> None:
    """Every request reads its session: the same request sends the same commands."""
    monkeypatch.setattr(live, "CACHE_SECONDS", 0.0, raising=False)
    monkeypatch.setattr(live, "USER_SECONDS", 0.0, raising=False)


@pytest.fixture(autouse=True, scope="module")
def collect_dropped_sockets() -> Iterator[None]:
    """Collect what a module's killed apps and dropped proxy transports left to the garbage
    collector at its end, under its own warning filters: not in whatever test the worker
    runs next (a later module's setup failed on one, unraisable, once in a CI-like run)."""
    yield
    gc.collect()


@pytest.fixture(scope="session")
def drop_fault_databases(mongo_uri: str | None) -> Iterator[None]:
    yield
    if mongo_uri is None:
        return
    with MongoClient(mongo_uri) as client:
        for name in client.list_database_names():
            if name.startswith("faults_"):
                client.drop_database(name)


async def sweep_result(mongo_uri: str, op_name: str) -> OpResult:
    """The sweep of one operation (run at the first call, then remembered)."""
    if op_name in RESULTS:
        return RESULTS[op_name]
    client = raw_client(mongo_uri)
    try:
        if "world" not in _WORLD:
            _WORLD["world"] = await build_world(mongo_uri)
        sweep = Sweep(mongo_uri, _WORLD["world"], client)
        await sweep.prepare()
        (op,) = [o for o in OPERATIONS if o.name == op_name]
        RESULTS[op_name] = await sweep.run(op, every=EVERY_K)
    finally:
        client.close()
    return RESULTS[op_name]


def pytest_terminal_summary(terminalreporter: Any) -> None:
    if not RESULTS:
        return
    write = terminalreporter.write_line
    write("")
    cases = sum(r.cases for r in RESULTS.values())
    points = sum(len(r.covered) for r in RESULTS.values())
    seconds = sum(r.seconds for r in RESULTS.values())
    write(
        f"fault sweep: {cases} (operation, kill point) cases run, covering {points} kill "
        f"points of {len(RESULTS)} operations, in {seconds:.0f} s"
    )
    for result in RESULTS.values():
        invariants = sorted({f.violation.invariant for f in result.findings})
        write(
            f"  {result.op}: N={result.n}, {result.cases} cases, {result.seconds:.1f} s, "
            f"{len(result.findings)} findings {invariants}"
        )
