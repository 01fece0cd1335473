"""Emptying the trash: by the user (emptyTrash), and by upkeep after TRASH_DAYS."""

from __future__ import annotations

from datetime import datetime, timedelta

from dropbox_lite.core import errors
from dropbox_lite.core.db import Database
from dropbox_lite.files import service, store

EXPIRED_BATCH = 500


async def empty_trash(*, db: Database, user_id: str) -> int:
    """Purge each entry of the user's trash (as purgeEntry does); the number purged.

    Entries deleted inside a folder shared with the user are its owner's to purge:
    they stay. An entry purged meanwhile (by another device) is not counted.
    """
    ids: list[str] = []
    after: str | None = None
    while True:
        page = await service.list_trash(db=db, user_id=user_id, first=service.MAX_PAGE, after=after)
        ids.extend(record.id for record in page.items if record.via is None)
        if not page.has_next_page or not page.items:
            break
        after = service.trash_cursor(page.items[-1])
    purged = 0
    for entry_id in ids:
        try:
            await service.purge_entry(db=db, user_id=user_id, entry_id=entry_id)
        except (errors.NotFound, errors.PermissionDenied):
            continue
        purged += 1
    return purged


async def purge_expired(*, db: Database, days: int, now: datetime) -> int:
    """Purge what was deleted more than `days` ago (for every account); the number purged.

    Each goes as purgeEntry takes it (a folder with its contents, a mount by leaving it);
    its bytes are freed by the next gc.
    """
    before = now - timedelta(days=days)
    purged = 0
    while True:
        batch = await store.expired_trash(db, before=before, limit=EXPIRED_BATCH)
        progress = purged
        for doc in batch:
            try:
                await service.purge_entry(
                    db=db, user_id=str(doc["owner_id"]), entry_id=str(doc["_id"])
                )
            except errors.NotFound:
                continue  # purged meanwhile (emptyTrash, another process)
            purged += 1
        if len(batch) < EXPIRED_BATCH or purged == progress:
            return purged
