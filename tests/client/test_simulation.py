"""The randomized multi-device simulation against the real server (both backends).

Each run prints its seed. CI runs fixed seeds (the same every time); DROPBOX_LITE_SIM_RANDOM=1
draws new ones (the longer job), DROPBOX_LITE_SIM_SEED=<seed> replays one exactly, and
DROPBOX_LITE_SIM_RUNS / _ROUNDS / _OPS make it bigger than CI's default.
"""

from __future__ import annotations

import os
import random

import pytest

from tests.client.conftest import MakeDevice
from tests.client.devices import Faults
from tests.client.sharing import id_at, path_of, remove, share
from tests.client.simulation import Member, Removal, Simulation
from tests.support import Account, GraphQLClient

RUNS = int(os.environ.get("DROPBOX_LITE_SIM_RUNS", "2"))
ROUNDS = int(os.environ.get("DROPBOX_LITE_SIM_ROUNDS", "6"))
SHARED_ROUNDS = int(os.environ.get("DROPBOX_LITE_SIM_ROUNDS", "4"))  # 5 devices: CI stays fast
OPS = int(os.environ.get("DROPBOX_LITE_SIM_OPS", "5"))
SEED = os.environ.get("DROPBOX_LITE_SIM_SEED")
RANDOM = bool(os.environ.get("DROPBOX_LITE_SIM_RANDOM"))
FIXED = [20261206, 4242, 777, 31337]  # CI's seeds: run n uses FIXED[n % len(FIXED)]


def pick_seed(run: int = 0) -> int:
    if SEED is not None:
        seed = int(SEED)
    elif RANDOM:
        seed = random.SystemRandom().randrange(10**9)
    else:
        seed = FIXED[run % len(FIXED)]
    print(f"simulation seed {seed} (replay: DROPBOX_LITE_SIM_SEED={seed})")
    return seed


@pytest.mark.parametrize("run", range(RUNS if SEED is None else 1))
async def test_devices_converge_and_lose_nothing(run: int, device: MakeDevice) -> None:
    seed = pick_seed(run)
    faults = Faults(random.Random(seed))
    devices = [await device(f"device{n}", faults) for n in range(3)]
    report = await Simulation(devices, faults, seed).run(ROUNDS, OPS)
    print(report)
    assert report.rounds == ROUNDS


@pytest.mark.parametrize("run", range(max(1, RUNS // 2) if SEED is None else 1))
@pytest.mark.parametrize("removed", [False, True], ids=["members", "member-removed"])
async def test_members_of_a_shared_folder_converge_and_lose_nothing(
    removed: bool, run: int, device: MakeDevice, account: Account, gql: GraphQLClient
) -> None:
    """alice shares Team with bob (EDITOR; his own Team makes the mount "Team (1)") and carol
    (VIEWER): two devices each for alice and bob, one for carol; bob may be removed halfway."""
    seed = pick_seed(run + 2 * removed)
    faults = Faults(random.Random(seed))
    alice, bob, carol = account, await gql.signup(), await gql.signup()
    devices = [
        *[await device(f"alice{n}", faults) for n in range(2)],
        *[await device(f"bob{n}", faults, bob) for n in range(2)],
        await device("carol0", faults, carol),
    ]
    (devices[0].folder / "Team" / "docs").mkdir(parents=True)
    (devices[0].folder / "Team" / "readme.txt").write_text("team\n")
    (devices[0].folder / "mine.txt").write_text("alice's own\n")
    (devices[2].folder / "Team").mkdir()
    (devices[2].folder / "Team" / "bob.txt").write_text("bob's own\n")
    await devices[0].sync()
    await devices[2].sync()
    team = await id_at(devices[0], "Team")
    readme = await id_at(devices[0], "Team/readme.txt")
    await share(gql, alice, team, bob, "EDITOR")
    await share(gql, alice, team, carol, "VIEWER")
    mounts = [(await path_of(devices[i], readme)).rpartition("/")[0] for i in (2, 4)]
    assert mounts == ["Team (1)", "Team"]
    for dev in devices:
        await dev.sync()
    members = [
        Member([0, 1], "Team"),
        Member([2, 3], mounts[0]),
        Member([4], mounts[1], viewer=True),
    ]

    async def remove_bob() -> None:
        await remove(gql, alice, team, bob)

    removal = Removal(SHARED_ROUNDS // 2, 1, remove_bob) if removed else None
    simulation = Simulation(devices, faults, seed, members=members, removal=removal)
    report = await simulation.run(SHARED_ROUNDS, OPS)
    print(report)
    assert report.rounds == SHARED_ROUNDS
    assert (report.removals, report.removed_devices) == ((1, 2) if removed else (0, 0))
