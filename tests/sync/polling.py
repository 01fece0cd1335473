"""Waiting until a long poll is waiting, instead of sleeping a fixed time first."""

from __future__ import annotations

import asyncio
from typing import Any

import pytest
from bson import ObjectId
from starlette.applications import Starlette

from dropbox_lite.files import journal
from dropbox_lite.sync.waiting import LongPolls


class PollWatch:
    """Sees the long polls' looks at the feed (their top-number reads)."""

    def __init__(self, monkeypatch: pytest.MonkeyPatch, app: Starlette) -> None:
        polls: LongPolls = app.state.appstate.polls
        # At each look: how many long polls each user had waiting then.
        self.looks: list[dict[str, int]] = []
        self._looked = asyncio.Event()
        original = journal.top_seq

        async def top_seq(*, db: Any, owner_id: ObjectId) -> int:
            found = await original(db=db, owner_id=owner_id)
            self.looks.append(dict(polls.by_user))
            self._looked.set()
            return found

        monkeypatch.setattr(journal, "top_seq", top_seq)

    async def until_waiting(self, user_id: str, *, polls: int = 1, timeout: float = 10) -> None:
        """Until `polls` long polls of `user_id` wait and one more look at the feed was
        made (and found nothing, or its poll would have answered): a change made now
        must wake the poll."""
        seen = len(self.looks)
        async with asyncio.timeout(timeout):
            while not any(look.get(user_id, 0) >= polls for look in self.looks[seen:]):
                self._looked.clear()
                await self._looked.wait()
