"""Share-link tests record the password guard's slow-downs instead of sleeping them."""

from __future__ import annotations

import pytest

from dropbox_lite.core import ratelimit


@pytest.fixture(autouse=True)
def slowdowns(monkeypatch: pytest.MonkeyPatch) -> list[float]:
    waited: list[float] = []

    async def record(seconds: float) -> None:
        waited.append(seconds)

    monkeypatch.setattr(ratelimit, "sleep", record)
    return waited
