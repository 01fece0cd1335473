"""Emptying the trash: every entry in it that is yours to delete goes for good."""

from __future__ import annotations

from dropbox_lite.core import errors
from dropbox_lite.core.db import Database
from dropbox_lite.files import service


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
