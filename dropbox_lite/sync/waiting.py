"""Long polling: `wait_for_changes` (the waitForChanges query) and `follow_changes` (the
changes subscription, pages as they happen), both on the feed of sync/service.py.

A long poll re-reads the database every POLL_SECONDS, so it sees changes made by any
app process. The number of polls waiting is kept per app (`LongPolls`, on its state).
"""

from __future__ import annotations

from collections.abc import AsyncIterator, Awaitable, Callable
from dataclasses import dataclass, field
from datetime import timedelta

from bson import ObjectId

from dropbox_lite.core import errors
from dropbox_lite.core.clock import Clock
from dropbox_lite.core.db import Database
from dropbox_lite.core.security import Signer
from dropbox_lite.files import journal
from dropbox_lite.files import service as files
from dropbox_lite.sync import service
from dropbox_lite.sync.cursors import Parts, Position, decode_parts
from dropbox_lite.sync.service import (
    RETENTION,
    ChangePageRecord,
    check_servable,
    followed_mounts,
    owner_oid,
)

MAX_WAIT_SECONDS = 480
# A subscription re-checks its session at least this often, even when nothing changes.
FOLLOW_RECHECK_SECONDS = 15
POLL_SECONDS = 0.4
# Long polls in this app above which clients are asked to back off; and per user (a
# user's devices each hold one; more only multiply the polling load).
BUSY_WAITERS = 2000
BUSY_WAITERS_PER_USER = 10
BUSY_BACKOFF_SECONDS = 5


@dataclass(frozen=True)
class WaitRecord:
    changed: bool
    backoff_seconds: int


@dataclass
class LongPolls:
    """One app's long polls: how many wait, in all and per user; its clock paces them."""

    clock: Clock
    waiting: int = 0
    by_user: dict[str, int] = field(default_factory=dict)


def wait_timeout(seconds: int) -> int:
    """The timeout actually used: BadInput when not positive, capped at MAX_WAIT_SECONDS."""
    if seconds <= 0:
        raise errors.BadInput("`timeoutSeconds` must be at least 1.", argument="timeoutSeconds")
    return min(seconds, MAX_WAIT_SECONDS)


async def _has_changes(
    *, db: Database, owner_id: ObjectId, position: Position, share: ObjectId | None = None
) -> bool:
    if position.phase == "full":
        return True  # the initial sync is not finished: there is more to read now
    # An idle poll costs one query: no number above the cursor was even taken.
    if (
        position.after_id is None
        and await journal.top_seq(db=db, owner_id=owner_id) <= position.seq
    ):
        return False
    bound = await journal.stable_seq(db=db, owner_id=owner_id)
    if bound <= position.seq and position.after_id is None:
        return False
    return await journal.has_change(
        db=db,
        owner_id=owner_id,
        seq=position.seq,
        after_id=position.after_id,
        bound=bound,
        share=share,
    )


async def _feed_has_changes(
    *, db: Database, user_id: str, owner_id: ObjectId, position: Position, parts: Parts
) -> bool:
    """Whether the user's feed (their own part, then each mount's) has anything new."""
    if await _has_changes(db=db, owner_id=owner_id, position=position):
        return True
    if not parts:
        # A mount's part begins in the page that serves the mount (or a later one,
        # when that page is full and says so): with none, a new one is a change above.
        return False
    followed = followed_mounts(await files.mounts(db=db, user_id=user_id), position)
    if {m.mount_id for m in followed.values()} != set(parts):
        return True  # a mount's part to begin or to end
    for share, mount in followed.items():
        part = parts[mount.mount_id]
        if await _has_changes(db=db, owner_id=mount.owner_id, position=part, share=share):
            return True
    return False


async def wait_for_changes(
    *,
    db: Database,
    polls: LongPolls,
    signer: Signer,
    user_id: str,
    cursor: str,
    timeout_seconds: int,
    retention: timedelta = RETENTION,
) -> WaitRecord:
    """Wait until the feed has something after `cursor`, or the timeout passes.

    It polls the database, so it sees changes made by any app process. Past
    BUSY_WAITERS long polls in this process, or BUSY_WAITERS_PER_USER of one user,
    it answers at once with a backoff.
    """
    timeout = wait_timeout(timeout_seconds)
    owner_id = owner_oid(user_id)
    position, parts = decode_parts(signer, user_id=user_id, cursor=cursor)
    numbers = await journal.numbers(db=db, owner_id=owner_id)
    check_servable(numbers=numbers, position=position, retention=retention)
    mine = polls.by_user.get(user_id, 0)
    if polls.waiting >= BUSY_WAITERS or mine >= BUSY_WAITERS_PER_USER:
        return WaitRecord(changed=False, backoff_seconds=BUSY_BACKOFF_SECONDS)
    polls.waiting += 1
    polls.by_user[user_id] = mine + 1
    try:
        deadline = polls.clock.monotonic() + timeout
        while True:
            if await _feed_has_changes(
                db=db, user_id=user_id, owner_id=owner_id, position=position, parts=parts
            ):
                return WaitRecord(changed=True, backoff_seconds=0)
            left = deadline - polls.clock.monotonic()
            if left <= 0:
                return WaitRecord(changed=False, backoff_seconds=0)
            await polls.clock.sleep(min(POLL_SECONDS, left))
    finally:
        polls.waiting -= 1
        left_for_user = polls.by_user.pop(user_id, 1) - 1
        if left_for_user > 0:
            polls.by_user[user_id] = left_for_user


async def follow_changes(
    *,
    db: Database,
    polls: LongPolls,
    signer: Signer,
    user_id: str,
    cursor: str | None,
    first: int,
    still_allowed: Callable[[], Awaitable[bool]] | None = None,
    retention: timedelta = RETENTION,
) -> AsyncIterator[ChangePageRecord]:
    """The feed from `cursor` (replayed page by page), then a page whenever something changes.

    The first page is always sent, even when empty, so the client holds a cursor.
    `still_allowed` is asked before every page and at least every FOLLOW_RECHECK_SECONDS
    (a revoked session stops receiving changes); the feed ends with Unauthenticated.
    """
    sent = False
    while True:
        if still_allowed is not None and not await still_allowed():
            raise errors.Unauthenticated("This session has ended; sign in again.")
        page = await service.get_updated_files(
            db=db, signer=signer, user_id=user_id, cursor=cursor, first=first, retention=retention
        )
        if page.changes or not sent:
            yield page
            sent = True
        cursor = page.cursor
        if page.has_more:
            continue
        waited = await wait_for_changes(
            db=db,
            polls=polls,
            signer=signer,
            user_id=user_id,
            cursor=cursor,
            timeout_seconds=FOLLOW_RECHECK_SECONDS,
            retention=retention,
        )
        if waited.backoff_seconds:
            # Too many long polls: without this pause the feed would be read in a loop.
            await polls.clock.sleep(waited.backoff_seconds)
