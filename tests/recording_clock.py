"""A clock for test apps whose waits are recorded instead of slept (core/clock.py)."""

from __future__ import annotations

from dropbox_lite.core.clock import Clock


class RecordingClock(Clock):
    """The system's time; `sleep` records how long it was asked to wait and returns at
    once (a test counts the password guard's slow-downs instead of waiting them out)."""

    def __init__(self) -> None:
        super().__init__()
        self.waits: list[float] = []

    async def sleep(self, seconds: float) -> None:
        self.waits.append(seconds)
