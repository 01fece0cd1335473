"""The operations the planner asks for; the engine carries them out."""

from __future__ import annotations

from dataclasses import dataclass

from dropbox_lite.client.tree import Node


@dataclass(frozen=True)
class Record:
    """Both sides agree on `node`: remember it as the base (no transfer)."""

    node: Node


@dataclass(frozen=True)
class Forget:
    """Drop `id` and what is below it from the base; `kept`: the local path of an entry the
    server no longer has but that holds changes made here (it syncs again as a new entry)."""

    id: str
    kept: str | None = None


@dataclass(frozen=True)
class Download:
    """Fetch `node` into `path`; only if the local file still has hash `expect` (None: absent)."""

    node: Node
    path: str
    expect: str | None


@dataclass(frozen=True)
class Mkdir:
    """Create the remote folder `node` locally at `path`."""

    node: Node
    path: str


@dataclass(frozen=True)
class LocalMove:
    """Rename `src` to `dst` locally, as the server did with `node`."""

    node: Node
    src: str
    dst: str


@dataclass(frozen=True)
class LocalDelete:
    """Delete locally what the server deleted: files (id, path, hash) unchanged, then folders."""

    id: str
    files: tuple[tuple[str, str, str], ...]
    folders: tuple[tuple[str, str], ...]


@dataclass(frozen=True)
class ConflictRename:
    """Move a local entry out of the way of the server's, under a conflicted-copy name
    (`aside`: only until it can follow the server's move of it; not a conflict)."""

    path: str
    new_name: str
    aside: bool = False


@dataclass(frozen=True)
class Upload:
    """Upload `path`: a new file (id None, mode ADD) or an edit (mode UPDATE, parentRev)."""

    id: str | None
    path: str
    parent_id: str
    name: str
    hash: str
    parent_rev: int | None
    size: int


@dataclass(frozen=True)
class CreateFolder:
    """Create the local folder `path` on the server."""

    path: str
    parent_id: str
    name: str


@dataclass(frozen=True)
class RemoteMove:
    """Rename or move `id` on the server as it was locally."""

    id: str
    parent_id: str
    name: str
    rename_only: bool


@dataclass(frozen=True)
class RemoteDelete:
    """Delete `node` on the server (the local side deleted it, the server did not change it)."""

    node: Node
    path: str


Op = (
    Record
    | Forget
    | Download
    | Mkdir
    | LocalMove
    | LocalDelete
    | ConflictRename
    | Upload
    | CreateFolder
    | RemoteMove
    | RemoteDelete
)
