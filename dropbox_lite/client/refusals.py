"""What the engine does with a refusal (the server's or the disk's): one operation is
reported, counted and left alone, the rest of the sync goes on; `SyncError` when nothing can.
"""

from __future__ import annotations

import errno
import os
from collections.abc import Awaitable
from typing import Any

from dropbox_lite.client import ops as o
from dropbox_lite.client.engine_state import EngineState
from dropbox_lite.client.remote import RemoteError
from dropbox_lite.client.summary import describe
from dropbox_lite.client.tree import Node, conflicted_name, name_key


class SyncError(Exception):
    """The sync cannot go on (one line for the user)."""


class Refusals(EngineState):
    """Refusals, reported for one operation alone."""

    async def guarded(self, op: o.Op, work: Awaitable[None]) -> None:
        """Carry out `work` for `op`: a refusal or a local error is reported for it alone."""
        try:
            await work
        except RemoteError as exc:
            if exc.code == "UNAUTHENTICATED":
                raise SyncError("signed out: sign in again with --server and --username") from exc
            self.refuse(f"could not {describe(op)}: {exc}")
            if exc.code in ("NOT_FOUND", "PERMISSION_DENIED") and isinstance(
                op, o.Upload | o.CreateFolder
            ):
                # Into a folder we see but may not write to (a mount whose folder its owner
                # deleted): not again this run, so the rest of the folder still syncs.
                self.unsyncable.add(op.path)
        except OSError as exc:
            if exc.errno in (errno.ENOSPC, errno.EDQUOT):
                raise SyncError(f"disk full: cannot {describe(op)}") from exc
            self.refuse(f"could not {describe(op)}: {exc.strerror or exc}")

    def refuse(self, line: str) -> None:
        """Something refused or left undone: warned about, counted, and the exit status is 1."""
        self.reporter.warn(line)
        if line not in self.stats.refused:
            self.stats.refused.append(line)

    def deny(self, path: str, result: dict[str, Any]) -> None:
        """A new local entry the server will not take from this user: it stays local only."""
        self.refuse(
            f"not synced {path}: {reason(result)}"
            " (kept here; not sent again until the sync restarts)"
        )
        self.unsyncable.add(path)

    def keep_denied_edit(self, op: o.Upload, result: dict[str, Any]) -> None:
        """An edit the server refused: our bytes become a local-only conflicted copy and the
        server's version comes back under the name (so the file keeps following the server)."""
        assert op.id is not None
        parent, _, leaf = op.path.rpartition("/")
        with self.jail.parent(op.path) as (fd, _leaf):
            taken = {name_key(n) for n in os.listdir(fd)}
        name = conflicted_name(leaf, self.conflict_tag, taken)
        copy = f"{parent}/{name}" if parent else name
        self.jail.rename(op.path, copy)
        self.unsyncable.add(copy)
        self.state.forget([op.id])
        self.stats.conflicts += 1
        self.refuse(
            f"the server refused the edit of {op.path}:"
            f" {reason(result)}; kept your version as {copy}"
            " (not synced) and the server's version comes back"
        )

    def refused(self, path: str, result: dict[str, Any]) -> None:
        code = result.get("code")
        if code in ("INVALID_NAME", "FILE_TOO_LARGE", "QUOTA_EXCEEDED", "NOT_FOUND"):
            # NOT_FOUND: into a folder we see but may not write to (a mount whose folder
            # its owner deleted): not again this run.
            self.refuse(f"skipped {path}: {result.get('message')}")
            self.unsyncable.add(path)

    def unplaceable_warning(self, node: Node, path: str, exc: OSError) -> None:
        if exc.errno in (errno.ENOSPC, errno.EDQUOT):
            raise exc
        self.refuse(f"skipped {path}: this filesystem cannot hold it ({exc.strerror})")
        self.unplaceable.add(node.id)


def reason(result: dict[str, Any]) -> str:
    return str(result.get("message") or "permission denied").rstrip(".")
