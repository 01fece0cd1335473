"""Upkeep tests run passes with no grace period and no journal retention, so that what a
workload leaves behind is prunable at once."""

from __future__ import annotations

import pytest

from dropbox_lite.core.config import Settings
from tests.conftest import make_settings


@pytest.fixture
def settings(mongo_uri: str | None, db_name: str) -> Settings:
    return make_settings(mongo_uri, db_name=db_name, gc_grace_seconds=0, journal_retention_days=0)
