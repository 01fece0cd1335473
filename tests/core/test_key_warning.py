"""A per-process random key over a database that persists is said loudly at start."""

from __future__ import annotations

import logging

import pytest

from dropbox_lite.core.app import RANDOM_KEY_WARNING, create_app
from dropbox_lite.core.config import Settings
from dropbox_lite.core.db import Database
from tests.conftest import make_settings


async def test_a_random_key_is_warned_about(
    settings: Settings, db: Database, caplog: pytest.LogCaptureFixture
) -> None:
    generated = make_settings(
        settings.mongodb_uri, db_name=settings.db_name, secret_key_generated=True
    )
    app = create_app(generated, db=db)
    with caplog.at_level(logging.WARNING, logger="dropbox_lite"):
        async with app.router.lifespan_context(app):
            pass
    if db.backend == "memory":  # nothing persists anyway: the short warning
        assert "DROPBOX_LITE_SECRET_KEY is not set" in caplog.text
        assert RANDOM_KEY_WARNING not in caplog.text
    else:
        assert RANDOM_KEY_WARNING in caplog.text


async def test_a_set_key_is_not_warned_about(
    settings: Settings, db: Database, caplog: pytest.LogCaptureFixture
) -> None:
    app = create_app(settings, db=db)
    with caplog.at_level(logging.WARNING, logger="dropbox_lite"):
        async with app.router.lifespan_context(app):
            pass
    assert "SECRET_KEY is not set" not in caplog.text
