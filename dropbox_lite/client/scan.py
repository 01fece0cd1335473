"""The local tree: scanning the folder (hashes cached by size, mtime and inode) and
giving each scanned entry its server id (by path, then a vanished file of the same
content or a vanished folder of the same inode: a move)."""

from __future__ import annotations

import os
import stat
import unicodedata
from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass
from pathlib import Path

from dropbox_lite.client.hashing import hash_file
from dropbox_lite.client.safety import IGNORE_FILE, STATE_DIR, reserved
from dropbox_lite.client.tree import NEW, Node, Tree

__all__ = ["IGNORE_FILE", "STATE_DIR", "Scanned", "identify", "scan"]


@dataclass(frozen=True)
class Scanned:
    """One local entry as found on disk."""

    path: str
    is_folder: bool
    size: int
    mtime_ns: int
    inode: int
    hash: str | None


HashCache = Callable[[str, int, int, int], str | None]


def scan(
    root: Path,
    *,
    ignored: Callable[[str, bool], bool],
    cached: HashCache,
    warn: Callable[[str], None],
) -> list[Scanned]:
    """Every entry below `root` that syncs, parents before children."""
    found: list[Scanned] = []
    for path, entry in _walk(root, "", ignored, warn):
        info = entry.stat(follow_symlinks=False)
        if stat.S_ISDIR(info.st_mode):
            found.append(Scanned(path, True, 0, info.st_mtime_ns, info.st_ino, None))
            continue
        digest = cached(path, info.st_size, info.st_mtime_ns, info.st_ino)
        if digest is None:
            try:
                digest = hash_file(Path(entry.path))
            except OSError as exc:
                warn(f"skipped {path}: {exc.strerror}")
                continue
        found.append(Scanned(path, False, info.st_size, info.st_mtime_ns, info.st_ino, digest))
    return found


def _walk(
    root: Path, prefix: str, ignored: Callable[[str, bool], bool], warn: Callable[[str], None]
) -> Iterator[tuple[str, os.DirEntry[str]]]:
    try:
        entries = sorted(os.scandir(root / prefix if prefix else root), key=lambda e: e.name)
    except OSError as exc:
        warn(f"skipped {prefix or '.'}: {exc.strerror}")
        return
    for entry in entries:
        path = f"{prefix}/{entry.name}" if prefix else entry.name
        if not prefix and reserved(entry.name):
            continue
        try:
            entry.name.encode("utf-8")
        except UnicodeEncodeError:
            warn(f"skipped {path!r}: the name is not UTF-8")
            continue
        if entry.is_symlink():
            warn(f"skipped {path}: symbolic links are not synced")
            continue
        is_dir = entry.is_dir(follow_symlinks=False)
        if not is_dir and not entry.is_file(follow_symlinks=False):
            warn(f"skipped {path}: not a regular file or folder")
            continue
        if ignored(path, is_dir):
            continue
        yield path, entry
        if is_dir:
            yield from _walk(root, path, ignored, warn)


def _nfc(text: str) -> str:
    return unicodedata.normalize("NFC", text)


def identify(
    scanned: list[Scanned],
    *,
    base: Tree,
    base_paths: Mapping[str, str],
    root_id: str,
    inodes: Mapping[str, int],
) -> dict[str, Node]:
    """The local tree keyed by id; entries the base does not know get `new:<path>` ids."""
    exact = {p: i for i, p in base_paths.items() if i != root_id}
    normalized = {_nfc(p): i for p, i in exact.items()}
    assigned: dict[str, str] = {}  # path -> id
    used: set[str] = set()
    # The same inode under the same name first, then exact names: "café" in NFC and in
    # NFD can both be on disk (a rename to the other form), only one of them is ours.
    for item in scanned:
        i = normalized.get(_nfc(item.path))
        if i is not None and i not in used and inodes.get(i) == item.inode:
            if base[i].is_folder == item.is_folder:
                assigned[item.path] = i
                used.add(i)
    for by_path, key in ((exact, str), (normalized, _nfc)):
        for item in scanned:
            i = by_path.get(key(item.path))
            if i is None or item.path in assigned or i in used:
                continue
            if base[i].is_folder == item.is_folder:
                assigned[item.path] = i
                used.add(i)
    vanished = [i for i in base if i not in used and i != root_id]
    by_hash: dict[str, list[str]] = {}
    by_inode: dict[int, str] = {}
    for i in vanished:
        node = base[i]
        if node.is_folder:
            if i in inodes:
                by_inode[inodes[i]] = i
        elif node.hash is not None:
            by_hash.setdefault(node.hash, []).append(i)
    base_children: dict[str, set[str]] = {}
    for node in base.values():
        if node.parent_id is not None:
            base_children.setdefault(node.parent_id, set()).add(_nfc(node.name))
    local_children: dict[str, set[str]] = {}
    for item in scanned:
        above, _, leaf = item.path.rpartition("/")
        local_children.setdefault(above, set()).add(_nfc(leaf))
    for item in scanned:
        if item.path in assigned:
            continue
        if item.is_folder:
            match = by_inode.get(item.inode)
            # Inodes are reused at once after a delete: a moved folder must also have
            # kept some of its contents (or have had none), else it is a new folder.
            kept = base_children.get(match or "", set())
            if match is not None and (not kept or kept & local_children.get(item.path, set())):
                assigned[item.path] = by_inode.pop(item.inode)
            continue
        candidates = by_hash.get(item.hash or "")
        if candidates:
            name = item.path.rsplit("/", 1)[-1]
            pick = next((c for c in candidates if base[c].name == name), candidates[0])
            candidates.remove(pick)
            assigned[item.path] = pick
    tree: dict[str, Node] = {root_id: Node(root_id, None, "", True)}
    ids: dict[str, str] = {"": root_id}
    for item in scanned:
        parent_path, _, name = item.path.rpartition("/")
        parent = ids.get(parent_path)
        if parent is None:
            continue
        i = assigned.get(item.path, NEW + item.path)
        ids[item.path] = i
        tree[i] = Node(i, parent, name, item.is_folder, item.hash, None, item.size)
    return tree
