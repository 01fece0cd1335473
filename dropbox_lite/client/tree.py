"""The trees the planner compares: nodes keyed by id, their paths and name keys."""

from __future__ import annotations

import unicodedata
from collections.abc import Mapping
from dataclasses import dataclass, replace

NEW = "new:"  # id prefix of a local entry the server does not know yet


@dataclass(frozen=True)
class Node:
    """A file or folder in one of the trees; `hash`/`rev` only for files."""

    id: str
    parent_id: str | None
    name: str
    is_folder: bool
    hash: str | None = None
    rev: int | None = None
    size: int = 0

    def moved_to(self, parent_id: str | None, name: str) -> Node:
        return replace(self, parent_id=parent_id, name=name)


Tree = Mapping[str, Node]


def name_key(name: str) -> str:
    """Names the server treats as the same: ignoring case and Unicode normalization."""
    return unicodedata.normalize("NFC", name).casefold()


def path_key(path: str) -> str:
    return "/".join(name_key(part) for part in path.split("/")) if path else ""


def same_name(a: str, b: str) -> bool:
    """Equal up to Unicode normalization (a case change is a rename)."""
    return unicodedata.normalize("NFC", a) == unicodedata.normalize("NFC", b)


def paths(tree: Tree, root_id: str) -> dict[str, str]:
    """id -> relative path ("" for the root) of every node reachable from the root."""
    children: dict[str, list[Node]] = {}
    for node in tree.values():
        if node.parent_id is not None:
            children.setdefault(node.parent_id, []).append(node)
    found: dict[str, str] = {root_id: ""}
    stack = [root_id]
    while stack:
        parent = stack.pop()
        prefix = found[parent]
        for child in children.get(parent, ()):
            if child.id in found:
                continue
            found[child.id] = f"{prefix}/{child.name}" if prefix else child.name
            if child.is_folder:
                stack.append(child.id)
    return found


def under(tree: Tree, i: str, top: str) -> bool:
    """Whether `i` is somewhere below `top` (a loop of parents ends the walk)."""
    seen: set[str] = set()
    parent = tree[i].parent_id
    while parent is not None and parent not in seen:
        if parent == top:
            return True
        seen.add(parent)
        parent = tree[parent].parent_id if parent in tree else None
    return False


def ancestors_of(path: str) -> list[str]:
    """ "a/b/c" -> ["a", "a/b"]."""
    parts = path.split("/")
    return ["/".join(parts[:i]) for i in range(1, len(parts))]


def conflicted_name(name: str, tag: str, taken: set[str]) -> str:
    """`report (alice's conflicted copy 2026-11-24).pdf`, numbered if that is taken."""
    stem, dot, ext = name.rpartition(".")
    if not dot or not stem:
        stem, ext = name, ""
    suffix = f".{ext}" if ext else ""
    number = 1
    while True:
        extra = "" if number == 1 else f" {number}"
        candidate = f"{stem} ({tag}{extra}){suffix}"
        if name_key(candidate) not in taken:
            return candidate
        number += 1
