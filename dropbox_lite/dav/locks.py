"""WebDAV write locks (RFC 4918 sections 6 and 9.10): exclusive and shared, with timeouts.

A lock is held on one user's path (its key: the NFC, case-folded segments), with
depth 0 or infinity. A write to a locked path, or to a path below a depth-infinity
lock, must name one of the locks' tokens in its `If` header, or it gets 423 Locked.
Locks are per user: a folder shared with two people is two paths, one per mount.
"""

from __future__ import annotations

import dataclasses
import re
import unicodedata
import uuid
from dataclasses import dataclass
from datetime import datetime, timedelta

from dropbox_lite.core.clock import now
from dropbox_lite.core.db import Database
from dropbox_lite.dav import store

DEFAULT_TIMEOUT = 3600
MAX_TIMEOUT = 7 * 24 * 3600
INFINITY = "infinity"


@dataclass(frozen=True)
class Lock:
    token: str
    key: str
    depth: str
    scope: str  # exclusive or shared
    owner_xml: str
    timeout: int
    expires_at: datetime
    root: str  # the href it was taken on


def path_key(segments: list[str]) -> str:
    """A path's key: the same for every spelling the API takes as the same path."""
    return "/" + "/".join(unicodedata.normalize("NFC", s).casefold() for s in segments)


def ancestors(key: str) -> list[str]:
    """The keys of every folder above `key`, the root ("/") first."""
    if key == "/":
        return []
    parts = key.strip("/").split("/")
    return ["/"] + ["/" + "/".join(parts[:i]) for i in range(1, len(parts))]


def parse_timeout(header: str | None) -> int:
    """Seconds from a `Timeout: Second-N, Infinite` header (capped; a default if none)."""
    for item in (header or "").split(","):
        item = item.strip()
        match = re.fullmatch(r"Second-(\d{1,10})", item, re.I)
        if match:
            return max(1, min(int(match.group(1)), MAX_TIMEOUT))
        if item.lower() == "infinite":
            return MAX_TIMEOUT
    return DEFAULT_TIMEOUT


def _lock(stored: store.DavLock) -> Lock:
    return Lock(
        token=stored.token,
        key=stored.key,
        depth=stored.depth,
        scope=stored.scope,
        owner_xml=stored.owner_xml,
        timeout=stored.timeout,
        expires_at=stored.expires_at,
        root=stored.root,
    )


async def covering(db: Database, user_id: str, key: str, *, below: bool = False) -> list[Lock]:
    """The live locks that cover `key`: on it, or depth infinity above it (and, with
    `below`, any lock under it: what a DELETE or MOVE of a folder would break)."""
    docs = await store.locks_on(db, user_id, [key, *ancestors(key)], key if below else None, now())
    return [_lock(d) for d in docs if d.key == key or d.depth == INFINITY or key in d.ancestors]


async def create(
    db: Database,
    user_id: str,
    key: str,
    *,
    depth: str,
    scope: str,
    owner_xml: str,
    timeout: int,
    root: str,
) -> Lock | None:
    """A new lock, or None when a conflicting one is held (exclusive against any)."""
    for held in await covering(db, user_id, key, below=depth == INFINITY):
        if scope == "exclusive" or held.scope == "exclusive":
            return None
    at = now()
    stored = store.DavLock(
        token=f"opaquelocktoken:{uuid.uuid4()}",
        user_id=user_id,
        key=key,
        ancestors=tuple(ancestors(key)),
        depth=depth,
        scope=scope,
        owner_xml=owner_xml,
        timeout=timeout,
        expires_at=at + timedelta(seconds=timeout),
        root=root,
    )
    await store.insert_lock(db, stored)
    return _lock(stored)


async def refresh(db: Database, user_id: str, token: str, timeout: int) -> Lock | None:
    stored = await store.lock_by_token(db, token, now())
    if stored is None or stored.user_id != user_id:
        return None
    expires = now() + timedelta(seconds=timeout)
    await store.refresh_lock(db, token, expires, timeout)
    return _lock(dataclasses.replace(stored, expires_at=expires, timeout=timeout))


async def get(db: Database, user_id: str, token: str) -> Lock | None:
    stored = await store.lock_by_token(db, token, now())
    if stored is None or stored.user_id != user_id:
        return None
    return _lock(stored)


async def release(db: Database, user_id: str, token: str) -> bool:
    found = await get(db, user_id, token)
    return found is not None and await store.delete_lock(db, token)


async def forget(db: Database, user_id: str, key: str) -> None:
    """The resource at `key` is gone (deleted, moved away): so are its locks."""
    await store.delete_locks_at(db, user_id, key)


async def all_of(db: Database, user_id: str) -> list[Lock]:
    """Every live lock of the user (a PROPFIND's lockdiscovery reads them once)."""
    return [_lock(d) for d in await store.locks_on(db, user_id, ["/"], "/", now())]


def covers(lock: Lock, key: str) -> bool:
    """Whether the lock covers the path key (on it, or depth infinity above it)."""
    return lock.key == key or (lock.depth == INFINITY and lock.key in ancestors(key))
