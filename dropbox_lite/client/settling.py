"""The server's answer to an upload settled into the state database: committed, a conflict
(merged, or both kept, the conflicted copy placed from our own bytes), or refused.
"""

from __future__ import annotations

import os
import shutil
import uuid
from typing import Any, BinaryIO

from dropbox_lite.client import ops as o
from dropbox_lite.client.hashing import hash_fd
from dropbox_lite.client.refusals import Refusals
from dropbox_lite.client.remote import denied, node_of
from dropbox_lite.client.safety import create_new, safe_name
from dropbox_lite.client.tree import Node

MAX_MERGE_BYTES = 8 * 1024 * 1024


class Settling(Refusals):
    """Answers to uploads, and conflicts."""

    async def settle(
        self, op: o.Upload, source: BinaryIO, result: dict[str, Any], inode: int
    ) -> None:
        """Act on the server's answer to one upload (committed, conflict, refused)."""
        kind = result["__typename"]
        if kind == "File":
            self.state.put_base(self.here(node_of(result)), inode)
            self.stats.up_files += 1
            self.stats.up_bytes += op.size
            self.reporter.action("up", f"{op.path} ({op.size} bytes)")
        elif kind == "ConflictError":
            await self.resolve(op, source, int(result["current"]["rev"]))
        elif denied(result) and op.id is not None:
            self.keep_denied_edit(op, result)
        elif denied(result):
            self.deny(op.path, result)
        else:
            self.refused(op.path, result)

    async def resolve(self, op: o.Upload, source: BinaryIO, current_rev: int) -> None:
        """Our edit and the server's: MERGE text, else KEEP_BOTH (the server's keeps the name)."""
        assert op.id is not None and op.parent_rev is not None
        attempts = ["KEEP_BOTH"]
        if op.size <= MAX_MERGE_BYTES and _is_text(source):
            attempts.insert(0, "MERGE")
        for resolution in attempts:
            source.seek(0)
            result = await self.remote.resolve_conflict(
                source,
                file_id=op.id,
                base_rev=op.parent_rev,
                current_rev=current_rev,
                resolution=resolution,
            )
            kind = result["__typename"]
            if kind == "MergeFailedError":
                continue
            if kind != "ResolvedConflict":
                if denied(result):
                    self.keep_denied_edit(op, result)
                elif kind != "ConflictError":
                    self.refused(op.path, result)
                return
            merged = self.here(node_of(result["file"]))
            # The base is the server's revision with the content we hold: the next plan
            # downloads the merged (or the server's) version over ours.
            self.state.put_base(
                Node(merged.id, merged.parent_id, merged.name, False, op.hash, merged.rev, op.size)
            )
            self.stats.conflicts += 1
            self.stats.up_files += 1
            self.stats.up_bytes += op.size
            how = "merged" if resolution == "MERGE" else "kept both"
            self.reporter.action("conflict", f"{op.path} {how}")
            copy = result.get("conflictedCopy")
            if copy is not None and copy["parentId"] == op.parent_id:
                self.place_copy(source, op.path, node_of(copy), op.hash)  # else downloaded
            return

    def place_copy(self, source: BinaryIO, path: str, copy: Node, digest: str) -> None:
        """Put the conflicted copy beside the file from our own bytes (no download)."""
        if not safe_name(copy.name) or copy.hash != digest:
            return  # the next plan decides (and downloads it, or skips an unsafe name)
        parent = path.rpartition("/")[0]
        target = f"{parent}/{copy.name}" if parent else copy.name
        temporary = self.tmp / uuid.uuid4().hex
        try:
            source.seek(0)
            with os.fdopen(create_new(temporary), "wb") as out:
                shutil.copyfileobj(source, out)
                out.flush()
                if hash_fd(out.fileno()) != digest:
                    return
            with self.jail.parent(target) as (fd, leaf):
                os.link(temporary, leaf, dst_dir_fd=fd, follow_symlinks=False)
            self.state.put_base(self.here(copy), self.jail.inode(target))
        except OSError:
            return
        finally:
            temporary.unlink(missing_ok=True)


def _is_text(source: BinaryIO) -> bool:
    try:
        source.seek(0)
        source.read().decode("utf-8")
    except (UnicodeDecodeError, OSError):
        return False
    return True
