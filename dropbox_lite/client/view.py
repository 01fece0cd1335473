"""How this device sees the server's tree: the feed read to its end, the server's names
under the names used here (aliases), what is ignored, and the folders kept on the server only.
"""

from __future__ import annotations

import json
import os
from typing import Any

import pathspec

from dropbox_lite.client.progress import Reporter
from dropbox_lite.client.refusals import Refusals, SyncError
from dropbox_lite.client.remote import Remote, RemoteError, node_of
from dropbox_lite.client.safety import reserved, safe_name
from dropbox_lite.client.scan import IGNORE_FILE
from dropbox_lite.client.state import State
from dropbox_lite.client.tree import Node, name_key, path_key, paths


async def read_feed(
    state: State, remote: Remote, reporter: Reporter, *, persist: bool = True
) -> dict[str, Node]:
    """The remote tree after reading the feed to its end (reset on CURSOR_RESET)."""
    cursor = state.get("cursor")
    tree = state.remote()
    known_root = state.get("root_id")
    while True:
        try:
            page = await remote.changes(cursor)
        except RemoteError as exc:
            if cursor is None or not _refused_cursor(exc):
                raise
            reporter.warn(
                "the server no longer takes this device's place in the change feed"
                f" ({exc}): reconciling by content"
            )
            if persist:
                state.reset_remote()
            cursor, tree, known_root = None, {}, None
            continue
        upserts: list[Node] = []
        deleted: list[str] = []
        root_id = None
        for change in page["changes"]:
            if change["kind"] == "DELETED" or change["entry"] is None:
                deleted.append(change["id"])
                tree.pop(change["id"], None)
            else:
                node = node_of(change["entry"])
                if node.parent_id is None:
                    if known_root not in (None, node.id):
                        # A mount reported as a root, say: syncing it would mix two trees.
                        raise SyncError(f"the server's feed has a second root ({node.id})")
                    root_id = known_root = node.id
                upserts.append(node)
                tree[node.id] = node
        if persist:
            state.apply_page(upserts, deleted, page["cursor"], root_id)
        elif root_id is not None and state.get("root_id") is None:
            state.set(root_id=root_id)
        cursor = page["cursor"]
        if not page["hasMore"]:
            return tree


class Viewing(Refusals):
    """The server's tree as this device sees it."""

    def localize(self, tree: dict[str, Node], root_id: str, *, persist: bool) -> dict[str, Node]:
        """The server's tree under the names used here: a name that is not one safe path
        component is skipped (with a warning), so nothing below it syncs; a name the client
        keeps for itself in the root (`.dropbox-lite`, a shared folder say) gets an alias."""
        self.aliases = self.state.aliases()
        children: dict[str, list[Node]] = {}
        for node in tree.values():
            if node.parent_id is not None:
                children.setdefault(node.parent_id, []).append(node)
        taken = {name_key(n.name) for n in children.get(root_id, ())}
        taken |= {name_key(alias) for _, alias in self.aliases.values()}
        found: dict[str, Node] = {root_id: tree[root_id]} if root_id in tree else {}
        stack = [root_id]
        while stack:
            for node in children.get(stack.pop(), ()):
                if node.id in found:
                    continue
                if not safe_name(node.name):
                    self.refuse(
                        f"skipped {node.name!r} from the server: not a safe file name"
                        " (nothing in or below it syncs)"
                    )
                    continue
                if node.parent_id == root_id and reserved(node.name):
                    known = self.aliases.get(node.id)
                    if known is None or known[0] != node.name:
                        alias, number = f"{node.name} (shared)", 1
                        while name_key(alias) in taken:
                            number += 1
                            alias = f"{node.name} (shared {number})"
                        taken.add(name_key(alias))
                        known = self.aliases[node.id] = (node.name, alias)
                        if persist:
                            self.state.set_alias(node.id, node.name, alias)
                    node = node.moved_to(node.parent_id, known[1])
                found[node.id] = node
                if node.is_folder:
                    stack.append(node.id)
        return found

    def ignore_rule(self) -> Any:
        lines: list[str] = []
        try:
            lines = (self.folder / IGNORE_FILE).read_text(encoding="utf-8").splitlines()
        except FileNotFoundError:
            pass
        except (OSError, UnicodeDecodeError) as exc:
            self.reporter.warn(f"cannot read {IGNORE_FILE}: {exc}")
        spec = pathspec.GitIgnoreSpec.from_lines(lines)
        refused = set(self.unsyncable)
        excluded = [path_key(e) for e in self.excluded]

        def ignored(path: str, is_dir: bool) -> bool:
            if path in refused:
                return True
            key = path_key(path)
            if any(key == e or key.startswith(e + "/") for e in excluded):
                return True
            return bool(spec.match_file(path + "/" if is_dir else path))

        return ignored

    @property
    def excluded(self) -> list[str]:
        """Folders kept on the server only (`--exclude`)."""
        found: list[str] = json.loads(self.state.get("excluded") or "[]")
        return found

    def prune_excluded(self, base: dict[str, Node], root_id: str) -> None:
        """An excluded folder's local copy goes where it is the synced one (a file changed
        here stays, with a warning) and the base forgets it, so `--include` brings it back."""
        excluded = [path_key(e) for e in self.excluded]
        if not excluded:
            return
        where = paths(base, root_id)
        inside = [
            i
            for i, p in where.items()
            if p and any(path_key(p) == e or path_key(p).startswith(e + "/") for e in excluded)
        ]
        if not inside:
            return
        for i in sorted(inside, key=lambda i: -where[i].count("/")):
            node, path = base[i], where[i]
            if node.is_folder:
                try:
                    with self.jail.parent(path) as (fd, leaf):
                        os.rmdir(leaf, dir_fd=fd)
                except FileNotFoundError:
                    pass
                except OSError:
                    pass  # something of its own is inside: it stays
            elif self.jail.hash_at(path) == node.hash:
                with self.jail.parent(path) as (fd, leaf):
                    os.unlink(leaf, dir_fd=fd)
            elif self.jail.hash_at(path) is not None:
                self.reporter.warn(
                    f"kept {path}: it changed here, and its folder is excluded"
                    " (it stays on this device only until you --include the folder again)"
                )
        self.state.forget(inside)


def _refused_cursor(exc: RemoteError) -> bool:
    """The feed refused our cursor: reset (journal pruned), or not valid (the server's key
    changed, or its database was restored)."""
    return exc.code == "CURSOR_RESET" or (
        exc.code == "BAD_USER_INPUT" and "cursor" in str(exc).lower()
    )
