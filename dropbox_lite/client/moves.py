"""Moves and deletes, on the disk and on the server: each re-checks what it finds right
before it acts (a local file is deleted only if it still has the hash the plan saw; a
folder on the server only if the feed shows nothing new below it).
"""

from __future__ import annotations

import os
import stat
from typing import Any

from dropbox_lite.client import ops as o
from dropbox_lite.client.refusals import Refusals, reason
from dropbox_lite.client.remote import denied, node_of
from dropbox_lite.client.summary import describe
from dropbox_lite.client.tree import paths, under


class Moves(Refusals):
    """Moves, renames and deletes, here and on the server."""

    def local_move(self, op: o.LocalMove) -> None:
        source = self.jail.lstat(op.src)
        if source is None or not self.jail.is_dir(op.dst.rpartition("/")[0]):
            return
        target = self.jail.lstat(op.dst)
        if target is not None and (target.st_ino, target.st_dev) != (
            source.st_ino,
            source.st_dev,
        ):
            return
        self.jail.rename(op.src, op.dst)
        known = self.state.base().get(op.node.id)
        if known is None:
            self.state.put_base(op.node, self.jail.inode(op.dst))
        else:
            self.state.put_base(known.moved_to(op.node.parent_id, op.node.name))
        self.stats.other += 1
        self.reporter.action("moved", f"{op.src} -> {op.dst}")

    def local_delete(self, op: o.LocalDelete) -> None:
        gone: list[str] = []
        for i, path, digest in op.files:
            found = self.jail.hash_at(path)
            if found == digest:
                with self.jail.parent(path) as (fd, leaf):
                    os.unlink(leaf, dir_fd=fd)
                gone.append(i)
                self.stats.deletions += 1
                self.reporter.action("deleted", path)
            elif found is None:
                gone.append(i)
        for i, path in op.folders:
            try:
                with self.jail.parent(path) as (fd, leaf):
                    if stat.S_ISLNK(os.stat(leaf, dir_fd=fd, follow_symlinks=False).st_mode):
                        continue  # a link where the folder was: not ours to remove
                    os.rmdir(leaf, dir_fd=fd)
            except FileNotFoundError:
                pass
            except OSError:
                continue  # something new is inside: it stays and is uploaded
            gone.append(i)
            self.stats.deletions += 1
            self.reporter.action("deleted", f"{path}/")
        self.state.forget(gone)

    async def remote_move(self, op: o.RemoteMove) -> None:
        name = self.server_name(op.id, op.parent_id, op.name)
        if op.rename_only:
            result = await self.remote.rename(op.id, name)
        else:
            result = await self.remote.move(op.id, op.parent_id, name)
        if result["__typename"] in ("File", "Folder"):
            moved = self.here(node_of(result))
            base = self.state.base()
            root = self.state.get("root_id") or ""
            before = paths(base, root).get(op.id, op.name)
            known = base.get(op.id)
            if moved.id != op.id:
                # Copied then deleted (into or out of a folder shared with us): the copy has
                # ids of its own, which the next plan matches with the local entries by content.
                self.state.forget([op.id, *(i for i in base if under(base, i, op.id))])
            elif known is not None:
                self.state.put_base(known.moved_to(moved.parent_id, moved.name))
            self.stats.other += 1
            after = paths(self.state.base(), root).get(op.id, op.name)
            kind = "renamed" if op.rename_only else "moved"
            self.reporter.action(kind, f"{before} -> {after} on the server")
        elif denied(result):
            root = self.state.get("root_id") or ""
            where = paths(self.state.base(), root).get(op.id, op.id)
            self.refuse(
                f"the server refused to move {where} to {op.name}: {reason(result)};"
                " it is moved back"
            )
            self.prefer_remote.add(op.id)
        elif result.get("code") in ("INVALID_MOVE", "INVALID_NAME"):
            self.refuse(f"the server refused to {describe(op)}: {result.get('message')}")
            self.prefer_remote.add(op.id)

    async def remote_delete(self, op: o.RemoteDelete) -> None:
        node = op.node
        result: dict[str, Any] | None
        if node.is_folder:
            cursor = self.state.get("cursor")
            guarded = None
            if cursor is not None:
                # The server checks, in the same request, that nothing below changed
                # since the feed we planned from: an edit cannot slip in between.
                guarded = await self.remote.delete_folder(node.id, since=cursor)
            if guarded is not None:
                result = guarded
            else:
                if await self.changed_below(node.id):
                    return
                result = await self.remote.delete(node.id)
        else:
            result = await self.remote.delete(node.id, if_rev=node.rev)
            if result is None:
                # A server without deleteEntry(ifRev): look right before (an edit beats a
                # delete); an edit landing between the look and the delete can still be lost
                # to the trash (where it stays restorable).
                current = await self.remote.entry(node.id)
                if current is not None and current.hash != node.hash:
                    return
                result = await self.remote.delete(node.id)
        assert result is not None
        if result["__typename"] == "ConflictError" or result.get("code") == "CONFLICT":
            return  # the file moved on since: the next plan brings the new version back
        refused = denied(result)
        if result["__typename"] not in ("File", "Folder") and not refused:
            return
        base = self.state.base()
        below = [i for i in base if i != node.id and under(base, i, node.id)]
        # Refused: forgotten all the same, so the next plan brings the server's copy back.
        self.state.forget([node.id, *below])
        if refused:
            self.refuse(f"the server refused to delete {op.path}: {reason(result)}; it comes back")
        else:
            self.stats.deletions += 1
            self.reporter.action("deleted", f"{op.path} on the server")

    async def changed_below(self, folder_id: str) -> bool:
        """Whether the feed has news in or below the folder since the plan was made (every
        page of it)."""
        cursor = self.state.get("cursor")
        if cursor is None:
            return True
        remote = self.state.remote()
        inside = {folder_id} | {i for i in remote if under(remote, i, folder_id)}
        while True:
            page = await self.remote.changes(cursor)
            for change in page["changes"]:
                if change["id"] in inside or change["parentId"] in inside:
                    return True
            if not page["hasMore"]:
                return False
            cursor = page["cursor"]
