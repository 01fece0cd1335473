"""What one application knows of live sessions: a one-second cache, and the sockets watching.

The cache spares the database a session and a user read on every request. A
session is trusted from the cache for at most CACHE_SECONDS, so one revoked by
another process (or the admin CLI) stops working within a second; one revoked by
this process is dropped at once (`ended`). After that second only the session is
read again (one round trip): the user's record is kept USER_SECONDS, since every
change that must stop a user (disable, delete, password) revokes their sessions.

A WebSocket signs in once, then `watch`es its session: sessions ended here are
reported at once, those ended elsewhere by one query every POLL_SECONDS for all
watched sessions together. An open socket is a session in use: the same poll
slides the expiry of those not written for `touch_every`.
"""

from __future__ import annotations

import asyncio
import contextlib
import itertools
import logging
import secrets
from collections.abc import Callable, Iterable
from dataclasses import dataclass, replace
from datetime import timedelta

from dropbox_lite.auth import store
from dropbox_lite.auth.store import SessionRecord, UserRecord
from dropbox_lite.core.clock import Clock
from dropbox_lite.core.db import UNAVAILABLE_ERRORS, Database

log = logging.getLogger(__name__)

CACHE_SECONDS = 1.0
# Last-seen (and the sliding expiry with it) is written at most this often per
# session, and at least four times per lifetime, so a short session in use never ends.
LAST_SEEN_EVERY = timedelta(minutes=5)
USER_SECONDS = 60.0
POLL_SECONDS = 1.0
MAX_CACHED = 10_000


@dataclass
class _Cached:
    user: UserRecord
    session: SessionRecord
    fetched: float
    user_fetched: float


@dataclass
class _Watch:
    db: Database
    on_ended: Callable[[], None]
    gone: Callable[[], bool]
    ttl: timedelta


def touch_every(ttl: timedelta) -> timedelta:
    """How often a session's use is written: LAST_SEEN_EVERY, or a quarter of its life."""
    return min(LAST_SEEN_EVERY, ttl / 4)


class LiveSessions:
    """One application's cache of sessions and its watching sockets (core/state.py)."""

    def __init__(self, clock: Clock) -> None:
        self.clock = clock
        self._cache: dict[str, _Cached] = {}
        self._watches: dict[str, dict[int, _Watch]] = {}
        self._ids = itertools.count()
        self._poller: asyncio.Task[None] | None = None
        # HTTP Basic sign-ins (auth/credentials.py): HMAC(user, password, password hash)
        # under this key -> the id of the session they signed in.
        self.basic: dict[str, str] = {}
        self.basic_key = secrets.token_bytes(32)

    def cached(self, session_id: str) -> tuple[UserRecord, SessionRecord] | None:
        """The user and session, if checked less than CACHE_SECONDS ago and not expired."""
        entry = self._cache.get(session_id)
        if entry is None:
            return None
        if entry.session.expires_at <= self.clock.now():
            self._cache.pop(session_id, None)
            return None
        if self.clock.monotonic() - entry.fetched > CACHE_SECONDS:
            return None  # the session is read again; the user may still be known
        return entry.user, entry.session

    def cached_user(self, session_id: str) -> UserRecord | None:
        """The user of a cached session, if read less than USER_SECONDS ago."""
        entry = self._cache.get(session_id)
        if entry is None or self.clock.monotonic() - entry.user_fetched > USER_SECONDS:
            return None
        return entry.user

    def remember(
        self, user: UserRecord, session: SessionRecord, *, user_is_fresh: bool = True
    ) -> None:
        """Cache what the database just said about this session (and its user, if fresh)."""
        if len(self._cache) >= MAX_CACHED:
            self._cache.clear()
        at = self.clock.monotonic()
        old = self._cache.get(session.id)
        user_at = at if user_is_fresh or old is None else old.user_fetched
        self._cache[session.id] = _Cached(
            user=user, session=session, fetched=at, user_fetched=user_at
        )

    def refresh(self, session: SessionRecord) -> None:
        """Replace a cached session's record (after a write of last-seen), keeping its age."""
        entry = self._cache.get(session.id)
        if entry is not None:
            entry.session = session

    def ended(self, session_ids: Iterable[str]) -> None:
        """These sessions ended in this process: uncache them, tell their sockets now."""
        for session_id in session_ids:
            self._cache.pop(session_id, None)
            for watch in self._watches.pop(session_id, {}).values():
                watch.on_ended()

    def watch(
        self,
        *,
        db: Database,
        session_id: str,
        ttl: timedelta,
        on_ended: Callable[[], None],
        gone: Callable[[], bool],
    ) -> None:
        """Call `on_ended` once when the session ends; stop watching once `gone()` is true.

        While watched, the session is in use: its expiry slides by `ttl`.
        """
        self._watches.setdefault(session_id, {})[next(self._ids)] = _Watch(db, on_ended, gone, ttl)
        loop = asyncio.get_running_loop()
        poller = self._poller
        if poller is None or poller.done() or poller.get_loop() is not loop:
            self._poller = loop.create_task(self._poll())

    def watched(self) -> int:
        """How many sockets are watching a session."""
        return sum(len(w) for w in self._watches.values())

    async def _poll(self) -> None:
        while self._watches:
            await asyncio.sleep(POLL_SECONDS)
            try:
                await self.poll_once()
            except Exception:  # a bug must not stop the watching of every other socket
                log.exception("session watch poll failed")

    async def poll_once(self) -> None:
        """Drop watches of closed sockets; end those whose session is no longer live, and
        slide the expiry of the others when it is due."""
        by_db: dict[int, tuple[Database, list[str]]] = {}
        ttls: dict[str, timedelta] = {}
        for session_id, watches in list(self._watches.items()):
            for key, entry in list(watches.items()):
                if entry.gone():
                    del watches[key]
            if not watches:
                del self._watches[session_id]
                continue
            first = next(iter(watches.values()))
            ttls[session_id] = first.ttl
            by_db.setdefault(id(first.db), (first.db, []))[1].append(session_id)
        for db, session_ids in by_db.values():
            at = self.clock.now()
            try:
                live = await store.last_seen_of_live(db=db, session_ids=session_ids, at=at)
            except UNAVAILABLE_ERRORS as exc:
                log.warning("cannot check watched sessions: %s", exc)
                continue
            except Exception:
                # A database closed under its sockets (a stopped app): they are over too.
                log.exception("cannot check watched sessions; ending them")
                live = {}
            self.ended(sid for sid in session_ids if sid not in live)
            due: dict[timedelta, list[str]] = {}
            for sid, seen in live.items():
                if at - seen >= touch_every(ttls[sid]):
                    due.setdefault(ttls[sid], []).append(sid)
            for ttl, sids in due.items():
                with contextlib.suppress(*UNAVAILABLE_ERRORS):
                    await store.touch_sessions(db=db, session_ids=sids, at=at, expires_at=at + ttl)
                for sid in sids:
                    known = self._cache.get(sid)
                    if known is not None:
                        known.session = replace(known.session, last_seen_at=at, expires_at=at + ttl)

    async def stop(self) -> None:
        """Stop the poller and forget every watch (the app is shutting down)."""
        poller, self._poller = self._poller, None
        self._watches.clear()
        if poller is not None:
            poller.cancel()
            with contextlib.suppress(asyncio.CancelledError, RuntimeError):
                await poller
