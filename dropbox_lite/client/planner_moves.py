"""The planner's rules for where an entry goes (client/planner.py): moves and renames
(whose move wins; an entry moved onto a name another entry holds steps aside, or waits,
or a cycle of renames is broken by one passing name), making room for an entry at a
path, and placing what one side has and the other does not yet (the server's entry
here, a new local entry on the server).
"""

from __future__ import annotations

from dropbox_lite.client.ops import (
    ConflictRename,
    CreateFolder,
    Download,
    LocalMove,
    Mkdir,
    Record,
    RemoteMove,
    Upload,
)
from dropbox_lite.client.planner_state import PlannerState
from dropbox_lite.client.tree import NEW, Node, conflicted_name, name_key, path_key, same_name

MOVING = "moving"  # the tag of a name an entry steps aside to until it can move


class PlannerMoves(PlannerState):
    def remote_move(self, r: Node, node: Node) -> None:
        parent = node.parent_id
        if parent is None or parent not in self.R:
            return  # into a folder the server does not have yet: after it is created
        holder = self.remote_named.get((parent, name_key(node.name)))
        if holder is not None and holder != r.id:
            if self.keeps_name(holder) or (holder not in self.B and holder not in self.L):
                # The server's entry holds the name (in the same folder here, or new on
                # the server and still to come): ours steps aside.
                name = conflicted_name(node.name, self.tag, self.taken_near(r.id))
                self.emit(ConflictRename(self.lp[r.id], name), self.lp[r.id])
            elif self.leads_cycle(r.id, holder):
                # Names swapped or rotated here (a -> b -> c -> a): each waits for the next
                # to move away, so the lowest id of the cycle goes to a passing name on the
                # server first.
                above = r.parent_id or self.root
                taken = {name_key(self.R[c].name) for c in self.rchildren.get(above, ())}
                name = conflicted_name(r.name, MOVING, taken)
                self.emit(RemoteMove(r.id, above, name, True), self.lp[r.id], self.rp[r.id])
            return  # else the holder moves away (or arrives here) first
        op = RemoteMove(r.id, parent, node.name, rename_only=parent == r.parent_id)
        self.emit(op, self.lp[r.id], self.rp[r.id])

    def wanted_name(self, i: str) -> str | None:
        """The entry whose name on the server `i` was moved onto here, if any."""
        node = self.L.get(i)
        if node is None or i not in self.R or not self.locally_moved(i):
            return None
        return self.remote_named.get((node.parent_id or "", name_key(node.name)))

    def leads_cycle(self, i: str, holder: str) -> bool:
        """`i` wants `holder`'s name, and following who wants whose name from `holder`
        comes back to `i`: a cycle of local renames, of which `i` has the lowest id."""
        cycle = [i]
        current: str | None = holder
        while current is not None and current != i:
            if current in cycle:
                return False  # a cycle that `i` only leads into
            cycle.append(current)
            following = self.wanted_name(current)
            current = None if following == current else following
        return current == i and i == min(cycle)

    def local_move(self, r: Node, node: Node) -> None:
        parent = r.parent_id
        if self.synced_folder(parent):
            dst = self.rp[r.id]
        elif parent in self.L and parent in self.B and self.L[parent].is_folder:
            # Into the server's folder where it is here, before that folder itself moves:
            # else a folder renamed onto this entry's name and this entry moving into it
            # would each wait for the other.
            dst = f"{self.lp[parent]}/{r.name}"
            if dst == self.lp[r.id] or dst.startswith(self.lp[r.id] + "/"):
                return
        else:
            return
        if self.make_room(r, dst):
            self.emit(LocalMove(r, self.lp[r.id], dst), self.lp[r.id], dst)

    def make_room(self, r: Node, path: str) -> bool:
        """No other local entry holds `path`'s name; else move it aside, or wait."""
        others = [j for j in self.local_at.get(path_key(path), ()) if j != r.id]
        if not others:
            return True
        j = others[0]
        if j.startswith(NEW) or self.locally_moved(j):
            name = conflicted_name(self.L[j].name, self.tag, self.taken_near(j))
            self.emit(ConflictRename(self.lp[j], name), self.lp[j])
        elif j in self.R and j in self.B and (self.R[j].parent_id or self.root) not in self.L:
            # The holder follows a move of the server's into a folder not here yet, which
            # may be the very entry that needs this name: it steps aside first (the
            # server's move still wins, from the name it has then).
            name = conflicted_name(self.L[j].name, MOVING, self.taken_near(j))
            self.emit(ConflictRename(self.lp[j], name, aside=True), self.lp[j])
        return False

    def place_remote(self, r: Node) -> None:
        """Bring the server's entry `r` (unknown here, or deleted here) to the local side."""
        if not self.synced_folder(r.parent_id):
            return
        path = self.rp[r.id]
        others = sorted(
            self.local_at.get(path_key(path), ()),
            key=lambda j: not same_name(self.L[j].name, r.name),
        )
        if others and others[0].startswith(NEW):
            found = self.L[others[0]]
            if found.is_folder == r.is_folder and (r.is_folder or found.hash == r.hash):
                if same_name(found.name, r.name):
                    self.emit(Record(r), path)
                else:
                    self.emit(LocalMove(r, self.lp[found.id], path), self.lp[found.id], path)
                return
        if not self.make_room(r, path):
            return
        if r.is_folder:
            self.emit(Mkdir(r, path), path)
        else:
            self.emit(Download(r, path, None), path)

    def new_local(self, node: Node) -> None:
        parent = node.parent_id
        if parent is None or parent.startswith(NEW) or parent not in self.R:
            return  # its folder goes first
        holder = self.remote_named.get((parent, name_key(node.name)))
        path = self.lp[node.id]
        if holder is not None:
            mine = self.L.get(holder)
            beside = mine is not None and path_key(self.lp[holder]) == path_key(path)
            # The holder moved into this new folder here: it cannot move away first.
            inside = mine is not None and self.lp[holder].startswith(path + "/")
            if (holder in self.B and beside) or inside:
                name = conflicted_name(node.name, self.tag, self.taken_near(node.id))
                self.emit(ConflictRename(path, name), path)
            return  # else the server's entry is placed (or moves away) first
        if node.is_folder:
            self.emit(CreateFolder(path, parent, node.name), path)
        else:
            assert node.hash is not None
            self.emit(Upload(None, path, parent, node.name, node.hash, None, node.size), path)
