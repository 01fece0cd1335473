"""What the engine holds for one folder and one account, and the lookups all its parts share:
names here and on the server, the conflict tag. (Reads and writes on the disk go through
`safety.Jail`.)
"""

from __future__ import annotations

import shutil
from datetime import UTC, datetime
from pathlib import Path

from dropbox_lite.client.progress import Reporter
from dropbox_lite.client.remote import Remote
from dropbox_lite.client.safety import Jail
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

    @property
    def conflict_tag(self) -> str:
        """ "alice's conflicted copy (laptop) 2026-12-06": whose, from which device, when."""
        plain = "".join("-" if c in "/\\" or ord(c) < 32 else c for c in self.device)
        device = f" ({plain})" if plain else ""
        return f"{self.username}'s conflicted copy{device} {datetime.now(UTC):%Y-%m-%d}"

    def clean_tmp(self) -> None:
        shutil.rmtree(self.tmp, ignore_errors=True)
        self.tmp.mkdir(parents=True, exist_ok=True)
