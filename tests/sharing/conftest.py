"""Share-link tests count the password guard's slow-downs instead of sleeping them."""

from __future__ import annotations

from collections.abc import AsyncIterator

import pytest
from starlette.applications import Starlette

from dropbox_lite.core.app import create_app
from dropbox_lite.core.config import Settings
from dropbox_lite.core.db import Database
from tests.recording_clock import RecordingClock


@pytest.fixture
def slowdowns() -> list[float]:
    """The slow-downs waited by this test's app: asking for them puts the app on a
    recording clock (core/ratelimit.py waits on it). Other tests' apps keep the
    system's clock, whose waits the long polls here need."""
    return []


@pytest.fixture
async def app(
    settings: Settings, db: Database, request: pytest.FixtureRequest
) -> AsyncIterator[Starlette]:
    """The test's app (as tests/conftest.py's); on a recording clock if it asks for
    `slowdowns`."""
    clock = None
    if "slowdowns" in request.fixturenames:
        clock = RecordingClock()
        clock.waits = request.getfixturevalue("slowdowns")
    application = create_app(settings, db=db, clock=clock)
    async with application.router.lifespan_context(application):
        yield application
