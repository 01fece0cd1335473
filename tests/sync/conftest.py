"""Sync tests race many writers of one user, as many devices would: no upload cap."""

from __future__ import annotations

import dataclasses

import pytest

from dropbox_lite.core.config import Settings
from tests.conftest import make_settings

RACING_UPLOADS = 64


@pytest.fixture
def settings(mongo_uri: str | None, db_name: str) -> Settings:
    overrides: dict[str, object] = {}
    # The per-user upload cap (issue 12 item 5) would refuse the races' writers.
    if "max_concurrent_uploads" in {field.name for field in dataclasses.fields(Settings)}:
        overrides["max_concurrent_uploads"] = RACING_UPLOADS
    return make_settings(mongo_uri, db_name=db_name, **overrides)
