"""What the planner reads and keeps (client/planner.py): the three trees, the paths and
children of each, who holds which name on the server, and the paths a plan has claimed;
with the questions on them that every rule asks (is a folder synced, is an entry in place,
did it move here). An operation is emitted only when its paths are free (`emit`).
"""

from __future__ import annotations

from dropbox_lite.client.ops import Op
from dropbox_lite.client.tree import (
    Tree,
    ancestors_of,
    name_key,
    path_key,
    paths,
    same_name,
)


def _children(tree: Tree) -> dict[str, list[str]]:
    found: dict[str, list[str]] = {}
    for node in tree.values():
        if node.parent_id is not None:
            found.setdefault(node.parent_id, []).append(node.id)
    return found


def _below(children: dict[str, list[str]], top: str) -> list[str]:
    found: list[str] = []
    stack = [top]
    seen = {top}
    while stack:
        for child in children.get(stack.pop(), ()):
            if child not in seen:
                seen.add(child)
                found.append(child)
                stack.append(child)
    return found


class PlannerState:
    def __init__(
        self,
        base: Tree,
        remote: Tree,
        local: Tree,
        root_id: str,
        tag: str,
        prefer_remote: frozenset[str],
    ) -> None:
        self.root = root_id
        self.tag = tag
        self.prefer_remote = prefer_remote
        self.B = base
        self.rp = paths(remote, root_id)
        self.lp = paths(local, root_id)
        self.R = {i: remote[i] for i in self.rp if i in remote}
        self.L = {i: local[i] for i in self.lp if i in local}
        self.rchildren = _children(self.R)
        self.lchildren = _children(self.L)
        self.bchildren = _children(base)
        self.local_at: dict[str, list[str]] = {}
        for i, p in self.lp.items():
            if i != root_id:
                self.local_at.setdefault(path_key(p), []).append(i)
        self.remote_named: dict[tuple[str, str], str] = {}
        for node in self.R.values():
            if node.parent_id is not None:
                self.remote_named[(node.parent_id, name_key(node.name))] = node.id
        self.claimed: set[str] = set()
        self.claimed_above: set[str] = set()
        self.ops: list[Op] = []

    # -- bookkeeping --------------------------------------------------------------------

    def claim(self, *path_list: str) -> bool:
        keys = {path_key(p) for p in path_list}
        for key in keys:
            if key in self.claimed or key in self.claimed_above:
                return False
            if any(above in self.claimed for above in ancestors_of(key)):
                return False
        for key in keys:
            self.claimed.add(key)
            self.claimed_above.update(ancestors_of(key))
        return True

    def emit(self, op: Op, *path_list: str) -> None:
        if not path_list or self.claim(*path_list):
            self.ops.append(op)

    def synced_folder(self, folder_id: str | None) -> bool:
        """The server's folder exists locally at the same path (so things can go into it)."""
        if folder_id == self.root:
            return True
        if folder_id is None or folder_id not in self.L or folder_id not in self.B:
            return False
        return same_name(self.lp[folder_id], self.rp[folder_id])  # case matters on disk

    def taken_near(self, local_id: str) -> set[str]:
        node = self.L[local_id]
        parent = node.parent_id or self.root
        taken = {name_key(self.L[c].name) for c in self.lchildren.get(parent, ())}
        taken |= {name_key(self.R[c].name) for c in self.rchildren.get(parent, ())}
        return taken

    def in_place(self, i: str) -> bool:
        """`i` is known and sits locally where the server has it."""
        return (
            i in self.B and i in self.L and path_key(self.lp[i]) == path_key(self.rp.get(i, "\0"))
        )

    def keeps_name(self, i: str) -> bool:
        """`i` has here the folder and (but for case) the name it has on the server."""
        node, r = self.L.get(i), self.R.get(i)
        if node is None or r is None or i not in self.B:
            return False
        return node.parent_id == r.parent_id and name_key(node.name) == name_key(r.name)

    def locally_moved(self, i: str) -> bool:
        b, node = self.B.get(i), self.L[i]
        if b is None:
            return True
        return node.parent_id != b.parent_id or not same_name(node.name, b.name)
