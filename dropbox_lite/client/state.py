"""The sync state in `DIR/.dropbox-lite/state.db` (SQLite): settings, the remote tree as
last seen with its cursor, the base tree both sides last agreed on, and cached hashes."""

from __future__ import annotations

import os
import sqlite3
from collections.abc import Iterable
from pathlib import Path

from dropbox_lite.client.tree import Node

_SCHEMA = """
CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS remote (
  id TEXT PRIMARY KEY, parent_id TEXT, name TEXT NOT NULL, is_folder INTEGER NOT NULL,
  hash TEXT, rev INTEGER, size INTEGER NOT NULL DEFAULT 0);
CREATE TABLE IF NOT EXISTS base (
  id TEXT PRIMARY KEY, parent_id TEXT, name TEXT NOT NULL, is_folder INTEGER NOT NULL,
  hash TEXT, rev INTEGER, size INTEGER NOT NULL DEFAULT 0, inode INTEGER);
CREATE TABLE IF NOT EXISTS hashes (
  path TEXT PRIMARY KEY, size INTEGER NOT NULL, mtime_ns INTEGER NOT NULL,
  inode INTEGER NOT NULL, hash TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS aliases (id TEXT PRIMARY KEY, name TEXT NOT NULL, alias TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS sessions (
  path TEXT PRIMARY KEY, session_id TEXT NOT NULL, expires_at TEXT NOT NULL,
  hash TEXT NOT NULL, sent INTEGER NOT NULL DEFAULT 0);
"""

_COLUMNS = "id, parent_id, name, is_folder, hash, rev, size"


class StateError(Exception):
    """The state database cannot be used."""


def _node(row: tuple[object, ...]) -> Node:
    i, parent, name, folder, digest, rev, size = row
    return Node(
        str(i),
        None if parent is None else str(parent),
        str(name),
        bool(folder),
        None if digest is None else str(digest),
        None if rev is None else int(str(rev)),
        int(str(size or 0)),
    )


def _row(node: Node) -> tuple[object, ...]:
    return (node.id, node.parent_id, node.name, int(node.is_folder), node.hash, node.rev, node.size)


class State:
    """One folder's sync state; every write is its own transaction."""

    def __init__(self, path: Path) -> None:
        try:
            # The token is in here: the folder and the database are this user's alone (SQLite
            # gives its -wal and -shm files the database's mode).
            os.chmod(path.parent, 0o700)
            os.close(os.open(path, os.O_RDWR | os.O_CREAT | getattr(os, "O_CLOEXEC", 0), 0o600))
            for suffix in ("", "-wal", "-shm"):
                extra = path.with_name(path.name + suffix)
                if extra.exists():
                    os.chmod(extra, 0o600)
        except OSError as exc:
            raise StateError(f"the sync state {path} is unusable ({exc.strerror})") from exc
        try:
            self.db = sqlite3.connect(path, isolation_level=None)
            self.db.execute("PRAGMA journal_mode=WAL")
            self.db.execute("PRAGMA synchronous=NORMAL")
            self.db.executescript(_SCHEMA)
        except sqlite3.DatabaseError as exc:
            raise StateError(f"the sync state {path} is unreadable ({exc})") from exc

    def close(self) -> None:
        self.db.close()

    # settings ---------------------------------------------------------------------------

    def get(self, key: str) -> str | None:
        row = self.db.execute("SELECT value FROM meta WHERE key = ?", (key,)).fetchone()
        return None if row is None else str(row[0])

    def set(self, **values: str | None) -> None:
        with self.db:
            self.db.execute("BEGIN")
            for key, value in values.items():
                if value is None:
                    self.db.execute("DELETE FROM meta WHERE key = ?", (key,))
                else:
                    self.db.execute(
                        "INSERT OR REPLACE INTO meta (key, value) VALUES (?, ?)", (key, value)
                    )

    # the remote tree --------------------------------------------------------------------

    def remote(self) -> dict[str, Node]:
        rows = self.db.execute(f"SELECT {_COLUMNS} FROM remote").fetchall()
        return {str(row[0]): _node(row) for row in rows}

    def apply_page(
        self, upserts: Iterable[Node], deleted: Iterable[str], cursor: str, root_id: str | None
    ) -> None:
        """One page of the feed and the cursor after it, together."""
        with self.db:
            self.db.execute("BEGIN")
            self.db.executemany(
                f"INSERT OR REPLACE INTO remote ({_COLUMNS}) VALUES (?, ?, ?, ?, ?, ?, ?)",
                [_row(node) for node in upserts],
            )
            self.db.executemany("DELETE FROM remote WHERE id = ?", [(i,) for i in deleted])
            self.db.execute("INSERT OR REPLACE INTO meta VALUES ('cursor', ?)", (cursor,))
            if root_id is not None:
                self.db.execute("INSERT OR REPLACE INTO meta VALUES ('root_id', ?)", (root_id,))

    def reset_remote(self) -> None:
        """Forget the cursor, the remote tree and the base: the next sync reconciles by content."""
        with self.db:
            self.db.execute("BEGIN")
            self.db.execute("DELETE FROM remote")
            self.db.execute("DELETE FROM base")
            self.db.execute("DELETE FROM meta WHERE key IN ('cursor', 'root_id')")

    # the base tree ----------------------------------------------------------------------

    def base(self) -> dict[str, Node]:
        rows = self.db.execute(f"SELECT {_COLUMNS} FROM base").fetchall()
        return {str(row[0]): _node(row) for row in rows}

    def inodes(self) -> dict[str, int]:
        rows = self.db.execute("SELECT id, inode FROM base WHERE inode IS NOT NULL").fetchall()
        return {str(i): int(inode) for i, inode in rows}

    def put_base(self, node: Node, inode: int | None = None) -> None:
        with self.db:
            self.db.execute("BEGIN")
            self.db.execute(
                f"INSERT INTO base ({_COLUMNS}, inode) VALUES (?, ?, ?, ?, ?, ?, ?, ?)"
                " ON CONFLICT(id) DO UPDATE SET parent_id = excluded.parent_id,"
                " name = excluded.name, is_folder = excluded.is_folder, hash = excluded.hash,"
                " rev = excluded.rev, size = excluded.size,"
                " inode = COALESCE(excluded.inode, base.inode)",
                (*_row(node), inode),
            )

    def set_inodes(self, inodes: dict[str, int]) -> None:
        with self.db:
            self.db.execute("BEGIN")
            self.db.executemany(
                "UPDATE base SET inode = ? WHERE id = ?", [(n, i) for i, n in inodes.items()]
            )

    def forget(self, ids: Iterable[str]) -> None:
        with self.db:
            self.db.execute("BEGIN")
            self.db.executemany("DELETE FROM base WHERE id = ?", [(i,) for i in ids])

    # local aliases of names reserved in the root ---------------------------------------

    def aliases(self) -> dict[str, tuple[str, str]]:
        """id -> (the server's name, the local alias)."""
        rows = self.db.execute("SELECT id, name, alias FROM aliases").fetchall()
        return {str(i): (str(name), str(alias)) for i, name, alias in rows}

    def set_alias(self, entry_id: str, name: str, alias: str) -> None:
        with self.db:
            self.db.execute("BEGIN")
            self.db.execute(
                "INSERT OR REPLACE INTO aliases VALUES (?, ?, ?)", (entry_id, name, alias)
            )

    # upload sessions of large files (resumed by a later run) ---------------------------

    def sessions(self) -> dict[str, tuple[str, str, str, int]]:
        """path -> (session id, expiry as ISO 8601, content hash being sent, blocks sent)."""
        rows = self.db.execute("SELECT path, session_id, expires_at, hash, sent FROM sessions")
        return {str(p): (str(i), str(e), str(h), int(n)) for p, i, e, h, n in rows.fetchall()}

    def put_session(self, path: str, session_id: str, expires_at: str, digest: str) -> None:
        with self.db:
            self.db.execute("BEGIN")
            self.db.execute(
                "INSERT OR REPLACE INTO sessions VALUES (?, ?, ?, ?, 0)",
                (path, session_id, expires_at, digest),
            )

    def session_sent(self, path: str, blocks: int) -> None:
        """`blocks` more blocks of the path's session are on the server."""
        with self.db:
            self.db.execute("BEGIN")
            self.db.execute("UPDATE sessions SET sent = sent + ? WHERE path = ?", (blocks, path))

    def drop_session(self, path: str) -> None:
        with self.db:
            self.db.execute("BEGIN")
            self.db.execute("DELETE FROM sessions WHERE path = ?", (path,))

    # cached hashes ----------------------------------------------------------------------

    def cached_hash(self, path: str, size: int, mtime_ns: int, inode: int) -> str | None:
        row = self.db.execute(
            "SELECT hash FROM hashes WHERE path = ? AND size = ? AND mtime_ns = ? AND inode = ?",
            (path, size, mtime_ns, inode),
        ).fetchone()
        return None if row is None else str(row[0])

    def cache_hashes(self, rows: Iterable[tuple[str, int, int, int, str]]) -> None:
        with self.db:
            self.db.execute("BEGIN")
            self.db.execute("DELETE FROM hashes")
            self.db.executemany("INSERT OR REPLACE INTO hashes VALUES (?, ?, ?, ?, ?)", rows)
