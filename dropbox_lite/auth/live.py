"""What this process knows of live sessions: a one-second cache, and the sockets watching.

The cache spares the database a session and a user read on every request. An
entry lives at most CACHE_SECONDS, so a session revoked by another process (or the
admin CLI) stops working within a second; one revoked by this process is dropped
at once (`ended`). A WebSocket signs in once, then `watch`es its session: sessions
ended here are reported at once, those ended elsewhere by one query every
POLL_SECONDS for all watched sessions together.
"""

from __future__ import annotations

import asyncio
import contextlib
import itertools
import logging
import time
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import UTC, datetime

from dropbox_lite.auth import store
from dropbox_lite.auth.store import SessionRecord, UserRecord
from dropbox_lite.core.db import UNAVAILABLE_ERRORS, Database

log = logging.getLogger(__name__)

CACHE_SECONDS = 1.0
POLL_SECONDS = 1.0
MAX_CACHED = 10_000


@dataclass
class _Cached:
    user: UserRecord
    session: SessionRecord
    fetched: float


@dataclass
class _Watch:
    db: Database
    on_ended: Callable[[], None]
    gone: Callable[[], bool]


_cache: dict[str, _Cached] = {}
_watches: dict[str, dict[int, _Watch]] = {}
_ids = itertools.count()
_poller: asyncio.Task[None] | None = None


def cached(session_id: str) -> tuple[UserRecord, SessionRecord] | None:
    """The user and session, if fetched less than CACHE_SECONDS ago and not expired."""
    entry = _cache.get(session_id)
    if entry is None:
        return None
    if time.monotonic() - entry.fetched > CACHE_SECONDS or entry.session.expires_at <= datetime.now(
        UTC
    ):
        _cache.pop(session_id, None)
        return None
    return entry.user, entry.session


def remember(user: UserRecord, session: SessionRecord) -> None:
    """Cache what the database just said about this session."""
    if len(_cache) >= MAX_CACHED:
        _cache.clear()
    _cache[session.id] = _Cached(user=user, session=session, fetched=time.monotonic())


def refresh(session: SessionRecord) -> None:
    """Replace a cached session's record (after a write of last-seen), keeping its age."""
    entry = _cache.get(session.id)
    if entry is not None:
        entry.session = session


def forget_all() -> None:
    """Empty the cache and drop every watch (tests that edit the database directly)."""
    _cache.clear()
    _watches.clear()


def ended(session_ids: Iterable[str]) -> None:
    """These sessions ended in this process: uncache them, tell their sockets now."""
    for session_id in session_ids:
        _cache.pop(session_id, None)
        for watch in _watches.pop(session_id, {}).values():
            watch.on_ended()


def watch(
    *, db: Database, session_id: str, on_ended: Callable[[], None], gone: Callable[[], bool]
) -> None:
    """Call `on_ended` once when the session ends; stop watching once `gone()` is true."""
    global _poller
    _watches.setdefault(session_id, {})[next(_ids)] = _Watch(db, on_ended, gone)
    loop = asyncio.get_running_loop()
    if _poller is None or _poller.done() or _poller.get_loop() is not loop:
        _poller = loop.create_task(_poll())


def watched() -> int:
    """How many sockets are watching a session (for tests)."""
    return sum(len(w) for w in _watches.values())


async def _poll() -> None:
    while _watches:
        await asyncio.sleep(POLL_SECONDS)
        await poll_once()


async def poll_once() -> None:
    """Drop watches of closed sockets; end those whose session is no longer live."""
    by_db: dict[int, tuple[Database, list[str]]] = {}
    for session_id, watches in list(_watches.items()):
        for key, entry in list(watches.items()):
            if entry.gone():
                del watches[key]
        if not watches:
            del _watches[session_id]
            continue
        db = next(iter(watches.values())).db
        by_db.setdefault(id(db), (db, []))[1].append(session_id)
    for db, session_ids in by_db.values():
        try:
            live = await store.live_session_ids(
                db=db, session_ids=session_ids, at=datetime.now(UTC)
            )
        except UNAVAILABLE_ERRORS as exc:
            log.warning("cannot check watched sessions: %s", exc)
            continue
        except Exception:
            # A database closed under its sockets (a stopped app): they are over too.
            log.exception("cannot check watched sessions; ending them")
            live = set()
        ended(sid for sid in session_ids if sid not in live)


async def stop() -> None:
    """Stop the poller (the tests' event loops end with them)."""
    global _poller
    if _poller is not None:
        _poller.cancel()
        with contextlib.suppress(asyncio.CancelledError, RuntimeError):
            await _poller
        _poller = None
