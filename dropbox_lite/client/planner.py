"""The planner: a pure function from the three trees to the operations that reconcile them.

Every id is looked at on its own (base, remote, local); an operation that would touch
a path another operation of the same plan touches (or one above or below it) waits for
the next plan, so the engine can run a plan in any order and simply plan again until
nothing is left. Rules, in the words of issue 9: the same content is never a conflict;
an edit beats a delete both ways; a rename on both sides goes the server's way; a local
entry is deleted only when the server deleted it and the local copy is the one the
server had; an entry the server does not know is never deleted, only uploaded or, when
it stands in the way of the server's, renamed to a conflicted copy.
"""

from __future__ import annotations

from collections.abc import Iterable

from dropbox_lite.client.ops import (
    ConflictRename,
    CreateFolder,
    Download,
    Forget,
    LocalDelete,
    LocalMove,
    Mkdir,
    Op,
    Record,
    RemoteDelete,
    RemoteMove,
    Upload,
)
from dropbox_lite.client.planner_moves import PlannerMoves
from dropbox_lite.client.planner_state import _below
from dropbox_lite.client.tree import (
    NEW,
    Node,
    Tree,
    name_key,
    same_name,
)

_PHASES: tuple[type, ...] = (
    ConflictRename,
    Record,
    Forget,
    LocalMove,
    RemoteMove,
    LocalDelete,
    RemoteDelete,
    Mkdir,
    CreateFolder,
    Download,
    Upload,
)


def plan(
    *,
    base: Tree,
    remote: Tree,
    local: Tree,
    root_id: str,
    conflict_tag: str,
    prefer_remote: Iterable[str] = (),
) -> list[Op]:
    """The operations that bring base, remote and local closer to agreement (none: in sync).

    `conflict_tag` names conflicted copies ("alice's conflicted copy 2026-11-25");
    `prefer_remote` lists ids whose local rename the server refused.
    """
    planner = _Planner(base, remote, local, root_id, conflict_tag, frozenset(prefer_remote))
    ops = planner.run()
    return sorted(ops, key=lambda op: _PHASES.index(type(op)))


class _Planner(PlannerMoves):
    # The state and its questions: planner_state.py; moves, renames and placing entries:
    # planner_moves.py.

    def run(self) -> list[Op]:
        self.remote_deletable: set[str] = set()
        self.emptied_first: set[str] = set()
        self.local_deletable: set[str] = set()
        for i, b in self.B.items():
            if i == self.root or not b.is_folder:
                continue
            if i not in self.L and i in self.R:
                verdict = self.remote_subtree_deletable(i)
                if verdict:
                    self.remote_deletable.add(i)
                elif verdict is None:
                    self.emptied_first.add(i)
            if i in self.L and i not in self.R:
                verdict = self.local_subtree_deletable(i)
                if verdict:
                    self.local_deletable.add(i)
                elif verdict is None:
                    self.emptied_first.add(i)
        self.covered_remote = {d for i in self.remote_deletable for d in _below(self.rchildren, i)}
        self.covered_local = {d for i in self.local_deletable for d in _below(self.lchildren, i)}
        ids = (set(self.B) | set(self.R) | set(self.L)) - {self.root}
        # In path order, not id order: the same trees plan the same way whatever the ids.
        for i in sorted(ids, key=lambda i: (self.rp.get(i) or self.lp.get(i) or "", i)):
            if i.startswith(NEW):
                self.new_local(self.L[i])
            else:
                self.visit(i)
        return self.ops

    def remote_subtree_deletable(self, i: str) -> bool | None:
        """Every entry below the server's folder is one this device deleted unchanged (None:
        or moved out of it here, so the folder is deleted after those moves)."""
        base_below = set(_below(self.bchildren, i))
        moved_out = False
        for d in _below(self.rchildren, i):
            b, r = self.B.get(d), self.R[d]
            if b is None or d not in base_below:
                return False
            if d in self.L:  # the folder is gone here, so this was moved out of it
                node = self.L[d]
                holder = self.remote_named.get((node.parent_id or "", name_key(node.name)))
                if (
                    r.parent_id != b.parent_id
                    or r.name != b.name
                    or d in self.prefer_remote
                    or node.parent_id not in self.R
                    or holder not in (None, d)
                ):
                    # The server's move wins, or ours is refused, goes into a folder the
                    # server does not have yet or onto a name it gives another entry (this
                    # folder, say): each could wait for the other, so the folder comes back.
                    return False
                moved_out = True
            elif not r.is_folder and r.hash != b.hash:
                return False
        return None if moved_out else True

    def local_subtree_deletable(self, i: str) -> bool | None:
        """Everything below the local folder is the server's unchanged copy (None: or moved
        elsewhere on the server, so the folder is deleted after those moves)."""
        moved_away = False
        for d in _below(self.lchildren, i):
            node, b = self.L[d], self.B.get(d)
            if d.startswith(NEW) or b is None:
                return False
            if d in self.R:
                if self.locally_moved(d):
                    return False
                moved_away = True  # it follows the server's move out of the folder
            elif not node.is_folder and node.hash != b.hash:
                return False
        return None if moved_away else True

    def visit(self, i: str) -> None:
        b, r, node = self.B.get(i), self.R.get(i), self.L.get(i)
        if b is None:
            if r is not None:
                self.place_remote(r)
            return
        if r is None and node is None:
            self.emit(Forget(i))
        elif node is None:
            assert r is not None
            self.local_gone(b, r)
        elif r is None:
            self.remote_gone(b, node)
        else:
            self.both(b, r, node)

    def local_gone(self, b: Node, r: Node) -> None:
        if r.id in self.covered_remote or r.id in self.emptied_first:
            return
        if r.id in self.remote_deletable or (not b.is_folder and r.hash == b.hash):
            self.emit(RemoteDelete(r, self.rp[r.id]), self.rp[r.id])
        else:
            self.place_remote(r)  # an edit (or a folder with news in it) beats the delete

    def remote_gone(self, b: Node, node: Node) -> None:
        i = node.id
        if i in self.covered_local or i in self.emptied_first:
            return
        path = self.lp[i]
        if i in self.local_deletable:
            files: list[tuple[str, str, str]] = []
            folders: list[tuple[str, str]] = []
            for d in _below(self.lchildren, i):
                if d in self.R:
                    continue
                child = self.L[d]
                if child.is_folder:
                    folders.append((d, self.lp[d]))
                else:
                    files.append((d, self.lp[d], child.hash or ""))
            folders.sort(key=lambda item: -item[1].count("/"))
            folders.append((i, path))
            self.emit(LocalDelete(i, tuple(files), tuple(folders)), path)
        elif not node.is_folder and node.hash == b.hash:
            self.emit(LocalDelete(i, ((i, path, node.hash or ""),), ()), path)
        else:
            self.emit(Forget(i, kept=path))  # it is uploaded as a new entry

    def both(self, b: Node, r: Node, node: Node) -> None:
        i = r.id
        lmoved = node.parent_id != b.parent_id or not same_name(node.name, b.name)
        rmoved = r.parent_id != b.parent_id or r.name != b.name
        agreed = node.parent_id == r.parent_id and same_name(node.name, r.name)
        if not agreed:
            if lmoved and not rmoved and i not in self.prefer_remote:
                self.remote_move(r, node)
            else:
                self.local_move(r, node)
            return
        path = self.lp[i]
        if r.is_folder or node.hash == r.hash:
            if b != r:
                self.emit(Record(r))
        elif node.hash == b.hash:
            self.emit(Download(r, path, node.hash), path)
        else:
            assert node.hash is not None
            self.emit(
                Upload(i, path, r.parent_id or self.root, r.name, node.hash, b.rev, node.size),
                path,
            )
