"""What a sync tells its user: the counts of the one-line summary, and each operation in words."""

from __future__ import annotations

from dataclasses import dataclass, field

from dropbox_lite.client import ops as o


@dataclass
class Stats:
    """What a sync did."""

    up_files: int = 0
    up_bytes: int = 0
    down_files: int = 0
    down_bytes: int = 0
    conflicts: int = 0
    deletions: int = 0
    other: int = 0
    operations: int = 0
    refused: list[str] = field(default_factory=list)  # refused or left undone, in words

    @property
    def changed(self) -> int:
        return self.up_files + self.down_files + self.conflicts + self.deletions + self.other

    def summary(self) -> str:
        """One line; "synced:" only when nothing was refused or left undone."""
        counts = (
            f"{self.up_files} up ({self.up_bytes} bytes), "
            f"{self.down_files} down ({self.down_bytes} bytes), "
            f"{self.conflicts} conflicts, {self.deletions} deletions"
        )
        if not self.refused:
            return f"synced: {counts}"
        return f"not all synced: {counts}, {len(self.refused)} refused or left undone"


def describe(op: o.Op) -> str:
    """One line for `--status` and the log."""
    match op:
        case o.Download(node=node, path=path):
            return f"download {path} ({node.size} bytes)"
        case o.Upload(id=None, path=path, size=size):
            return f"upload new {path} ({size} bytes)"
        case o.Upload(path=path, size=size):
            return f"upload edit {path} ({size} bytes)"
        case o.Mkdir(path=path):
            return f"create local folder {path}"
        case o.CreateFolder(path=path):
            return f"create folder {path} on the server"
        case o.LocalMove(src=src, dst=dst):
            return f"move local {src} -> {dst}"
        case o.RemoteMove(id=i, name=name):
            return f"move on the server {i} -> {name}"
        case o.LocalDelete(folders=folders, files=files):
            return f"delete local {(folders[-1] if folders else files[0])[1]}"
        case o.RemoteDelete(path=path):
            return f"delete on the server {path}"
        case o.ConflictRename(path=path, new_name=name, aside=True):
            return f"move local {path} aside to {name} (until it can follow the server)"
        case o.ConflictRename(path=path, new_name=name):
            return f"keep local {path} as {name}"
        case o.Record(node=node):
            return f"note {node.name} as in sync"
        case o.Forget(kept=str(path)):
            return f"keep local {path} (gone from the server, changed here)"
        case o.Forget(id=i):
            return f"forget {i}"
    raise AssertionError(op)


_GROUPS = (
    ("download", (o.Download, o.Mkdir)),
    ("upload", (o.Upload, o.CreateFolder)),
    ("move or rename", (o.LocalMove, o.RemoteMove)),
    ("delete", (o.LocalDelete, o.RemoteDelete)),
    ("conflict", (o.ConflictRename,)),
    ("other", (o.Record, o.Forget)),
)


def group(pending: list[o.Op]) -> list[tuple[str, list[o.Op]]]:
    """The pending operations by kind, in a fixed order, without empty groups."""
    found: list[tuple[str, list[o.Op]]] = []
    for title, kinds in _GROUPS:
        ops = [op for op in pending if isinstance(op, kinds)]
        if ops:
            found.append((title, ops))
    return found
