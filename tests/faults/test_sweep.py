"""The fault sweep: every operation killed after each of its database commands.

One test per (operation, invariant): it fails with every (k, phase, what was seen)
that breaks the invariant. Cases that fail today are strict xfails naming what
breaks (KNOWN below): a fix turns one into XPASS, which fails the run until its
entry is removed from KNOWN. See tests/faults/sweep.py for what a case does.
"""

from __future__ import annotations

import pytest

from tests.faults.conftest import RESULTS, sweep_result
from tests.faults.operations import OPERATIONS
from tests.faults.proxy import DROPPED_CONNECTIONS

pytestmark = [
    pytest.mark.server_only,
    pytest.mark.usefixtures("drop_fault_databases"),
    *DROPPED_CONNECTIONS,
]

INVARIANTS = ("whole", "leak", "quota", "trash-history", "feed", "account", "error")

# (operation, invariant) -> what breaks today (issue 18). Remove an entry when it passes.
# k counts the operation's commands as of the commit that wrote this table.
KNOWN: dict[tuple[str, str], str] = {}


def _cases() -> list[object]:
    params: list[object] = []
    for op in OPERATIONS:
        for invariant in INVARIANTS:
            if invariant == "account" and not op.creates_user:
                continue
            marks = []
            reason = KNOWN.get((op.name, invariant))
            if reason:
                marks.append(pytest.mark.xfail(strict=True, reason=reason))
            params.append(
                pytest.param(op.name, invariant, marks=marks, id=f"{op.name}-{invariant}")
            )
    return params


@pytest.mark.parametrize(("op_name", "invariant"), _cases())
async def test_fault_sweep(mongo_uri: str, op_name: str, invariant: str) -> None:
    result = await sweep_result(mongo_uri, op_name)
    assert result.n > 0, f"{op_name} sent no command"
    # A kill after the last command cannot stop anything: the operation ended already.
    early = [k for k in result.unkilled if k < result.n]
    assert not early, f"{op_name}: ended before kill points {early}"
    found = result.by_invariant(invariant)
    assert not found, result.report(invariant)


def test_fault_sweep_ran_cases() -> None:
    """Runs after the sweep tests: the count of (operation, kill point) cases."""
    if not RESULTS:
        pytest.skip("no sweep test ran in this session")
    cases = sum(r.cases for r in RESULTS.values())
    points = sum(len(r.covered) for r in RESULTS.values())
    print(f"fault sweep: {cases} cases run for {points} kill points")
    assert cases > 0 and points >= cases
