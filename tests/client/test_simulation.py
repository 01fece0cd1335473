"""The randomized multi-device simulation against the real server (both backends).

Each run prints its seed; DROPBOX_LITE_SIM_SEED=<seed> replays it exactly, and
DROPBOX_LITE_SIM_RUNS / _ROUNDS / _OPS make it bigger than CI's default.
"""

from __future__ import annotations

import os
import random

import pytest

from tests.client.conftest import MakeDevice
from tests.client.devices import Faults
from tests.client.simulation import Simulation

RUNS = int(os.environ.get("DROPBOX_LITE_SIM_RUNS", "2"))
ROUNDS = int(os.environ.get("DROPBOX_LITE_SIM_ROUNDS", "6"))
OPS = int(os.environ.get("DROPBOX_LITE_SIM_OPS", "5"))
SEED = os.environ.get("DROPBOX_LITE_SIM_SEED")


@pytest.mark.parametrize("run", range(RUNS if SEED is None else 1))
async def test_devices_converge_and_lose_nothing(run: int, device: MakeDevice) -> None:
    seed = int(SEED) if SEED is not None else random.SystemRandom().randrange(10**9)
    print(f"simulation seed {seed} (replay: DROPBOX_LITE_SIM_SEED={seed})")
    faults = Faults(random.Random(seed))
    devices = [await device(f"device{n}", faults) for n in range(3)]
    report = await Simulation(devices, faults, seed).run(ROUNDS, OPS)
    print(report)
    assert report.rounds == ROUNDS
