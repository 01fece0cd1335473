"""Which entries show a link badge (`Entry.hasLink`): a small service of its own, so that
files' face can ask it without importing the rest of sharing (which imports files)."""

from __future__ import annotations

from datetime import UTC, datetime

from bson import ObjectId

from dropbox_lite.core.db import Database
from dropbox_lite.sharing import store


async def linked_entries(*, db: Database, user_id: str, entry_ids: list[str]) -> set[str]:
    """The ids among `entry_ids` that have a live share link the user can list (one query)."""
    if not ObjectId.is_valid(user_id):
        return set()
    oids = [ObjectId(i) for i in dict.fromkeys(entry_ids) if ObjectId.is_valid(i)]
    found = await store.entries_with_live_links(
        db=db, user_id=ObjectId(user_id), entry_ids=oids, at=datetime.now(UTC)
    )
    return {str(oid) for oid in found}
