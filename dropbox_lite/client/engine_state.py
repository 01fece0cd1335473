"""What the engine holds for one folder and one account, and the small lookups all its parts
share: names here and on the server, the conflict tag, inodes and hashes on the disk.
"""

from __future__ import annotations

import errno
import os
import shutil
import stat
from datetime import UTC, datetime
from pathlib import Path
from typing import BinaryIO

from dropbox_lite.client.hashing import hash_fd
from dropbox_lite.client.progress import Reporter
from dropbox_lite.client.remote import Remote
from dropbox_lite.client.safety import Jail, Unsafe
from dropbox_lite.client.scan import STATE_DIR
from dropbox_lite.client.state import State
from dropbox_lite.client.summary import Stats
from dropbox_lite.client.tree import Node
from dropbox_lite.client.uploads import Uploader

PARALLEL = 4  # transfers at once


class EngineState:
    """One folder, one account: the state every part of the engine reads and writes."""

    def __init__(
        self,
        *,
        folder: Path,
        state: State,
        remote: Remote,
        reporter: Reporter,
        username: str,
        device: str = "",
        parallel: int = PARALLEL,
        content_plane: bool | None = None,
    ) -> None:
        self.folder = folder
        self.jail = Jail(folder)
        self.state = state
        self.remote = remote
        self.reporter = reporter
        self.username = username
        self.device = device
        self.parallel = parallel
        self.tmp = folder / STATE_DIR / "tmp"
        self.stats = Stats()
        self.prefer_remote: set[str] = set()
        self.unsyncable: set[str] = set()  # local paths the server refused
        self.unplaceable: set[str] = set()  # remote ids this filesystem cannot hold
        self.aliases: dict[str, tuple[str, str]] = {}  # id -> (server name, local alias)
        # Uploads by blocks, sessions and batches (None: ask the server whether it has them);
        # False: one uploadFile request per file, as before the content plane.
        self.content_plane = content_plane
        self.uploader = Uploader(remote, state)
        # (folder id, name, hash) -> (path, size) of files whose batch the server stopped:
        # an "up" once the feed shows them committed.
        self.unconfirmed: dict[tuple[str | None, str, str | None], tuple[str, int]] = {}

    def here(self, node: Node) -> Node:
        """A node the server sent back, under its local name."""
        known = self.aliases.get(node.id)
        if known is not None and node.parent_id == self.state.get("root_id"):
            if node.name == known[0]:
                return node.moved_to(node.parent_id, known[1])
        return node

    def server_name(self, entry_id: str | None, parent_id: str, name: str) -> str:
        """The server's name of the entry named `name` here."""
        known = self.aliases.get(entry_id or "")
        if known is not None and parent_id == self.state.get("root_id") and name == known[1]:
            return known[0]
        return name

    def inode(self, path: str) -> int | None:
        info = self.jail.lstat(path)
        return None if info is None else info.st_ino

    @property
    def conflict_tag(self) -> str:
        """ "alice's conflicted copy (laptop) 2026-12-06": whose, from which device, when."""
        plain = "".join("-" if c in "/\\" or ord(c) < 32 else c for c in self.device)
        device = f" ({plain})" if plain else ""
        return f"{self.username}'s conflicted copy{device} {datetime.now(UTC):%Y-%m-%d}"

    def rename(self, src: str, dst: str) -> None:
        """Rename inside the folder, never through a link."""
        with self.jail.parent(src) as (src_fd, src_leaf), self.jail.parent(dst) as (fd, leaf):
            os.rename(src_leaf, leaf, src_dir_fd=src_fd, dst_dir_fd=fd)

    def hash_at(self, path: str) -> str | None:
        """The content hash of a regular file at `path`; None if absent; "" if not a file
        (a link, a folder, or below a link)."""
        try:
            with self.jail.parent(path) as (fd, leaf):
                info = os.stat(leaf, dir_fd=fd, follow_symlinks=False)
                if not stat.S_ISREG(info.st_mode):
                    return ""
                handle = os.open(leaf, os.O_RDONLY | os.O_NOFOLLOW, dir_fd=fd)
        except FileNotFoundError:
            return None
        except Unsafe:
            return ""
        try:
            return hash_fd(handle)
        finally:
            os.close(handle)

    def open_source(self, path: str) -> BinaryIO | None:
        """The regular file at `path`, opened without following links; None if not one."""
        try:
            with self.jail.parent(path) as (fd, leaf):
                handle = os.open(leaf, os.O_RDONLY | os.O_NOFOLLOW, dir_fd=fd)
        except (FileNotFoundError, NotADirectoryError, Unsafe):
            return None
        except OSError as exc:
            if exc.errno == errno.ELOOP:
                return None
            raise
        if not stat.S_ISREG(os.fstat(handle).st_mode):
            os.close(handle)
            return None
        return os.fdopen(handle, "rb")

    def clean_tmp(self) -> None:
        shutil.rmtree(self.tmp, ignore_errors=True)
        self.tmp.mkdir(parents=True, exist_ok=True)
