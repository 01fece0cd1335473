"""An in-memory stand-in for the folder and the server: the planner's operations applied to
it the way the engine applies them to the real ones (each one re-checks what it finds and
does nothing when that changed). `--status` follows the plan through to the end on it, so
the contents of a folder still to be created are listed too; the property test of the
planner applies random plans in random orders to it."""

from __future__ import annotations

import itertools
from dataclasses import dataclass, replace

from dropbox_lite.client import ops as o
from dropbox_lite.client.planner import plan
from dropbox_lite.client.scan import Scanned, identify
from dropbox_lite.client.tree import Node, conflicted_name, name_key, paths, under

MAX_ROUNDS = 200


@dataclass(frozen=True)
class Entry:
    """A local file or folder (`hash` None for folders)."""

    is_folder: bool
    hash: str | None
    size: int
    inode: int


class Stuck(Exception):
    """The same plan came back after it was applied: it would never finish."""


class Model:
    """The three trees (`base`, `remote` by id, `local` by path) and the ops applied to them."""

    def __init__(
        self,
        *,
        root_id: str,
        base: dict[str, Node],
        remote: dict[str, Node],
        local: dict[str, Entry],
        inodes: dict[str, int],
        tag: str,
        prefer_remote: set[str] | None = None,
    ) -> None:
        self.root = root_id
        self.base = dict(base)
        self.base.setdefault(root_id, Node(root_id, None, "", True))
        self.remote = dict(remote)
        self.local = dict(local)
        self.inodes = dict(inodes)
        self.tag = tag
        self.prefer_remote = set(prefer_remote or ())
        start = max([0, *self.inodes.values(), *(e.inode for e in local.values())]) + 1
        self._inodes = itertools.count(start)
        self._ids = itertools.count(1)

    # -- the trees the planner sees -------------------------------------------------------

    def local_tree(self) -> dict[str, Node]:
        scanned = [
            Scanned(p, e.is_folder, e.size, 0, e.inode, e.hash)
            for p, e in sorted(self.local.items())
        ]
        tree = identify(
            scanned,
            base=self.base,
            base_paths=paths(self.base, self.root),
            root_id=self.root,
            inodes=self.inodes,
        )
        found = {s.path: s.inode for s in scanned}
        for i, p in paths(tree, self.root).items():
            if i in self.base and p in found:
                self.inodes[i] = found[p]
        return tree

    def plan(self) -> list[o.Op]:
        return plan(
            base=self.base,
            remote=self.remote,
            local=self.local_tree(),
            root_id=self.root,
            conflict_tag=self.tag,
            prefer_remote=self.prefer_remote,
        )

    def run(self, order: object = None) -> list[o.Op]:
        """Plan and apply until a plan is empty; every op planned on the way. `order`: a
        `random.Random`-like object whose `shuffle` reorders each plan (None: as planned)."""
        done: list[o.Op] = []
        last: list[o.Op] | None = None
        for _ in range(MAX_ROUNDS):
            todo = self.plan()
            if not todo:
                return done
            if todo == last:
                raise Stuck(f"the plan does not change: {todo}")
            last = list(todo)
            done.extend(todo)
            if order is not None:
                order.shuffle(todo)  # type: ignore[attr-defined]
            for op in todo:
                self.apply(op)
        raise Stuck(f"no end after {MAX_ROUNDS} plans")

    # -- helpers --------------------------------------------------------------------------

    def new_id(self) -> str:
        return f"m{next(self._ids)}"

    def is_dir(self, path: str) -> bool:
        return path == "" or (path in self.local and self.local[path].is_folder)

    def below(self, tree: dict[str, Node], top: str) -> list[str]:
        found = [i for i in tree if i != top and under(tree, i, top)]
        return found

    def forget(self, i: str, *, subtree: bool = False) -> None:
        for gone in [i, *(self.below(self.base, i) if subtree else ())]:
            self.base.pop(gone, None)
            self.inodes.pop(gone, None)

    def move_local(self, src: str, dst: str) -> None:
        for path in [p for p in self.local if p == src or p.startswith(src + "/")]:
            self.local[dst + path[len(src) :]] = self.local.pop(path)

    def put_base(self, node: Node, inode: int | None = None) -> None:
        self.base[node.id] = node
        if inode is not None:
            self.inodes[node.id] = inode

    def name_taken(self, parent: str, name: str, but: str | None = None) -> bool:
        key = name_key(name)
        return any(
            n.parent_id == parent and name_key(n.name) == key and n.id != but
            for n in self.remote.values()
        )

    def remote_folder(self, i: str) -> bool:
        return i in self.remote and self.remote[i].is_folder

    # -- the operations -------------------------------------------------------------------

    def apply(self, op: o.Op) -> None:  # noqa: C901 - one case per operation, as the engine
        match op:
            case o.Record(node=node):
                self.put_base(node)
            case o.Forget(id=i):
                self.forget(i)
            case o.Download(node=node, path=path, expect=expect):
                if not self.is_dir(path.rpartition("/")[0]):
                    return
                found = self.local.get(path)
                have = None if found is None else ("" if found.is_folder else found.hash)
                if have != expect:
                    return
                entry = Entry(False, node.hash, node.size, next(self._inodes))
                self.local[path] = entry
                self.put_base(node, entry.inode)
            case o.Mkdir(node=node, path=path):
                if not self.is_dir(path.rpartition("/")[0]):
                    return
                if path in self.local:
                    if self.local[path].is_folder:
                        self.put_base(node, self.local[path].inode)
                    return
                self.local[path] = Entry(True, None, 0, next(self._inodes))
                self.put_base(node, self.local[path].inode)
            case o.LocalMove(node=node, src=src, dst=dst):
                if src not in self.local or not self.is_dir(dst.rpartition("/")[0]):
                    return
                if dst in self.local and dst != src:
                    return
                self.move_local(src, dst)
                known = self.base.get(node.id)
                if known is None:
                    self.put_base(node, self.local[dst].inode)
                else:
                    self.put_base(known.moved_to(node.parent_id, node.name))
            case o.LocalDelete(files=files, folders=folders):
                gone: list[str] = []
                for i, path, digest in files:
                    found = self.local.get(path)
                    if found is None:
                        gone.append(i)
                    elif not found.is_folder and found.hash == digest:
                        del self.local[path]
                        gone.append(i)
                for i, path in folders:
                    if path in self.local:
                        if any(p.startswith(path + "/") for p in self.local):
                            continue
                        del self.local[path]
                    gone.append(i)
                for i in gone:
                    self.forget(i)
            case o.ConflictRename(path=path, new_name=name):
                parent = path.rpartition("/")[0]
                target = f"{parent}/{name}" if parent else name
                if path in self.local and target not in self.local:
                    self.move_local(path, target)
            case o.Upload():
                self.upload(op)
            case o.CreateFolder(path=path, parent_id=parent, name=name):
                found = self.local.get(path)
                if found is None or not found.is_folder or not self.remote_folder(parent):
                    return
                if self.name_taken(parent, name):
                    return
                node = Node(self.new_id(), parent, name, True)
                self.remote[node.id] = node
                self.put_base(node, found.inode)
            case o.RemoteMove(id=i, parent_id=parent, name=name):
                current = self.remote.get(i)
                if current is None:
                    return
                if (
                    not self.remote_folder(parent)
                    or parent == i
                    or under(self.remote, parent, i)
                    or self.name_taken(parent, name, but=i)
                ):
                    self.prefer_remote.add(i)
                    return
                self.remote[i] = current.moved_to(parent, name)
                known = self.base.get(i)
                if known is not None:
                    self.put_base(known.moved_to(parent, name))
            case o.RemoteDelete(node=node):
                current = self.remote.get(node.id)
                if current is None:
                    return
                if not node.is_folder and current.rev != node.rev:
                    return  # deleteEntry(ifRev): the file moved on
                for dropped in [node.id, *self.below(self.remote, node.id)]:
                    self.remote.pop(dropped, None)
                self.forget(node.id, subtree=True)

    def upload(self, op: o.Upload) -> None:
        found = self.local.get(op.path)
        if found is None or found.is_folder or not self.remote_folder(op.parent_id):
            return
        ours = Node("", op.parent_id, op.name, False, found.hash, 1, found.size)
        if op.id is None:
            if self.name_taken(op.parent_id, op.name):
                return
            node = replace(ours, id=self.new_id())
            self.remote[node.id] = node
            self.put_base(node, found.inode)
            return
        current = self.remote.get(op.id)
        if current is None or current.is_folder:
            return
        if current.rev == op.parent_rev:
            node = replace(current, hash=found.hash, size=found.size, rev=(current.rev or 0) + 1)
            self.remote[node.id] = node
            self.put_base(node, found.inode)
            return
        # A conflict, resolved KEEP_BOTH: the server's version keeps the name, ours becomes a
        # conflicted copy beside it; the next plan brings the server's version down.
        parent = current.parent_id or self.root
        taken = {name_key(n.name) for n in self.remote.values() if n.parent_id == parent}
        copy = Node(
            self.new_id(),
            parent,
            conflicted_name(current.name, self.tag, taken),
            False,
            found.hash,
            1,
            found.size,
        )
        self.remote[copy.id] = copy
        self.put_base(replace(current, hash=found.hash, size=found.size))
        if parent == op.parent_id:
            folder = op.path.rpartition("/")[0]
            path = f"{folder}/{copy.name}" if folder else copy.name
            if path not in self.local:
                entry = Entry(False, found.hash, found.size, next(self._inodes))
                self.local[path] = entry
                self.put_base(copy, entry.inode)
