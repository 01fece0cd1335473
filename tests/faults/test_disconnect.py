"""A larger tree: the client gives up half-way (a disconnect, which the server turns into
a cancellation of the request) instead of a kill.

The app keeps running, so a started operation must run to its end: the state is
checked once the app is quiet, before any repair, and again after a repair pass.
The moment of the disconnect is a count of the operation's commands, not a time.
"""

from __future__ import annotations

import os

import pytest

from tests.faults.operations import DELETE, Operation, by_id, copy, move
from tests.faults.proxy import DROPPED_CONNECTIONS
from tests.faults.sweep import Sweep
from tests.faults.world import build_world, raw_client

pytestmark = [
    pytest.mark.server_only,
    pytest.mark.usefixtures("drop_fault_databases"),
    *DROPPED_CONNECTIONS,
]

# Files in /shared/big (folders of 25 under it). A subtree moves in bulk writes (one
# update for all its entries, then one for its top), so the operation sends about 30
# commands whatever the tree's size (28 at 50 files, 31 at 200: there the subtree's
# reads take a getMore too), and the disconnect lands at the same step of it: after the
# subtree is withdrawn, before its top moves (`test_disconnect_half_way` checks that it
# lands between two updates). Observing the state costs about the square of the entries
# (every entry read by id per user, and each read scans the entries on FerretDB v1):
# 200 files cost 65 s in CI, 50 files (two folders of 25 below /shared/big) a tenth.
BIG = 50
# The client disconnects after this many commands of the operation, or half-way when
# it sends fewer (a subtree moves in bulk writes: a few dozen commands).
AFTER = 60

ALL = os.environ.get("FAULTS_ALL") == "1"
DISCONNECTS = [
    (Operation("big_move_out_of_share", move("big", "private"), probes=("big",)), ""),
]
# The others in a full run only (FAULTS_ALL=1): each costs minutes on FerretDB.
MORE = [
    (Operation("big_move_between_shares", move("big", "shared2"), probes=("big",)), ""),
    (Operation("big_move_between_shares", move("big", "shared2"), probes=("big",)), ""),
    (Operation("big_delete_folder", by_id(DELETE, "big"), probes=("shared",)), ""),
    (Operation("big_copy_folder", copy("big", "private"), probes=("private",)), ""),
]
if ALL:
    DISCONNECTS += MORE
# operation name -> what breaks today (issue 18); remove an entry when it passes.
KNOWN: dict[str, str] = {}


@pytest.fixture(scope="module")
def big_world_name() -> dict[str, object]:
    return {}


@pytest.mark.parametrize(
    "op",
    [
        pytest.param(
            op,
            id=op.name,
            marks=[pytest.mark.xfail(strict=True, reason=KNOWN[op.name])]
            if op.name in KNOWN
            else [],
        )
        for op, _ in DISCONNECTS
    ],
)
async def test_disconnect_half_way(
    mongo_uri: str, op: Operation, big_world_name: dict[str, object]
) -> None:
    client = raw_client(mongo_uri)
    try:
        world = big_world_name.get("world")
        if world is None:
            world = big_world_name["world"] = await build_world(mongo_uri, big=BIG)
        sweep = Sweep(mongo_uri, world, client)  # type: ignore[arg-type]
        await sweep.prepare()
        result = await sweep.run_disconnect(op, after=AFTER)
        assert result.n > 2, f"{op.name} sends only {result.n} commands"
        assert not result.unkilled
        # Half-way through the bulk writes: an update (the subtree's withdrawal) before the
        # disconnect and one (its top's move) after it.
        (cut,) = result.covered
        done, left = result.commands[:cut], result.commands[cut:]
        assert "update" in done and "update" in left, (cut, result.commands)
        assert not result.findings, result.report(limit=20)
    finally:
        client.close()
