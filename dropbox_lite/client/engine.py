"""The engine: read the feed, scan the folder, plan, carry the plan out; again until quiet.

Every operation re-checks the disk right before it acts (a file is deleted or replaced
only if it still has the hash the plan saw) and records the base only after the server
or the disk did the work, so a run killed at any moment leaves a state from which the
next run converges: the planner treats "both sides already agree" as nothing to do.

`Engine` is the loop and the one dispatch of an operation; its parts are classes of their
own modules, each on `EngineState` (engine_state.py, what one folder's sync holds) and
`Refusals` (refusals.py): `Viewing` (view.py, the server's tree as seen here, beside
`read_feed`), `Moves` (moves.py), `Transfers` (transfers.py, on `Settling` in settling.py:
the server's answers to uploads, conflicts). Reads and writes on the disk go through
`safety.Jail`.
"""

from __future__ import annotations

import asyncio
import os
import time
from collections.abc import Awaitable, Callable
from functools import partial
from typing import Any

from dropbox_lite.client import ops as o
from dropbox_lite.client.hashing import BLOCK
from dropbox_lite.client.model import Entry, Model, Stuck
from dropbox_lite.client.moves import Moves
from dropbox_lite.client.planner import plan
from dropbox_lite.client.refusals import SyncError
from dropbox_lite.client.remote import denied, node_of
from dropbox_lite.client.safety import Unsafe
from dropbox_lite.client.scan import Scanned, identify, scan
from dropbox_lite.client.summary import Stats, describe
from dropbox_lite.client.transfers import Transfers
from dropbox_lite.client.tree import Node, Tree, paths
from dropbox_lite.client.view import Viewing, read_feed

__all__ = ["Engine", "SyncError"]

MAX_PLANS = 200
FRESH_NS = 2_000_000_000  # a hash of a file changed this recently is not cached (mtime races)


def _filtered(tree: Tree, root_id: str, ignored: Any) -> dict[str, Node]:
    found = paths(tree, root_id)
    return {
        i: node
        for i, node in tree.items()
        if i not in found or found[i] == "" or not ignored(found[i], node.is_folder)
    }


class Engine(Viewing, Moves, Transfers):
    """Syncs one folder with one account."""

    # -- the loop ----------------------------------------------------------------------

    async def sync(self) -> Stats:
        """Plan and apply until a plan is empty."""
        self.clean_tmp()
        last: tuple[list[o.Op], int] | None = None
        for _ in range(MAX_PLANS):
            todo = await self.plan()
            if not todo:
                await self.end_sessions()
                return self.stats
            # The same plan again is stuck, unless batches of uploads got smaller since.
            if (todo, self.uploader.batch_files) == last:
                raise SyncError(f"cannot {describe(todo[0])} (and {len(todo) - 1} more)")
            last = (todo, self.uploader.batch_files)
            await self.apply_all(todo)
        raise SyncError("the folder did not settle: changes keep coming")

    async def apply_all(self, todo: list[o.Op]) -> None:
        """The plan's operations in order, its transfers (the last phases) `parallel` at a
        time: no two operations of a plan touch the same path. Over the content plane, the
        files of at most one block go together (batches, in turn), each larger one alone."""
        transfers = [op for op in todo if isinstance(op, o.Download | o.Upload)]
        for op in todo:
            if not isinstance(op, o.Download | o.Upload):
                await self.apply(op)
        small = [op for op in transfers if isinstance(op, o.Upload) and op.size <= BLOCK]
        if len(small) < 2 or not await self.uses_blocks():
            small = []
        batched = {id(op) for op in small}
        jobs: list[Callable[[], Awaitable[None]]] = [
            partial(self.apply, op) for op in transfers if id(op) not in batched
        ]
        if small:
            jobs.insert(0, partial(self.upload_small, small))
        if self.parallel <= 1 or len(jobs) <= 1:
            for job in jobs:
                await job()
            return
        slots = asyncio.Semaphore(self.parallel)

        async def one(job: Callable[[], Awaitable[None]]) -> None:
            async with slots:
                await job()

        results = await asyncio.gather(*(one(job) for job in jobs), return_exceptions=True)
        for result in results:
            if isinstance(result, BaseException):
                raise result

    async def plan(self, *, persist: bool = True) -> list[o.Op]:
        base, remote, scanned, root_id = await self.gather(persist=persist)
        local = identify(
            scanned,
            base=base,
            base_paths=paths(base, root_id),
            root_id=root_id,
            inodes=self.state.inodes(),
        )
        if persist:
            found = {s.path: s.inode for s in scanned}
            local_paths = paths(local, root_id)
            self.state.set_inodes(
                {i: found[p] for i, p in local_paths.items() if i in base and p in found}
            )
        return plan(
            base=base,
            remote=remote,
            local=local,
            root_id=root_id,
            conflict_tag=self.conflict_tag,
            prefer_remote=self.prefer_remote,
        )

    async def pending(self) -> list[o.Op]:
        """Every operation a sync would carry out from here, changing nothing: the same
        planner, its plans applied to an in-memory copy until one is empty (bookkeeping
        left out)."""
        base, remote, scanned, root_id = await self.gather(persist=False)
        model = Model(
            root_id=root_id,
            base=base,
            remote=remote,
            local={s.path: Entry(s.is_folder, s.hash, s.size, s.inode) for s in scanned},
            inodes=self.state.inodes(),
            tag=self.conflict_tag,
            prefer_remote=self.prefer_remote,
        )
        try:
            todo = model.run()
        except Stuck:
            todo = model.plan()
        return [
            op
            for op in todo
            if not isinstance(op, o.Record) and not (isinstance(op, o.Forget) and op.kept is None)
        ]

    async def gather(
        self, *, persist: bool = True
    ) -> tuple[dict[str, Node], dict[str, Node], list[Scanned], str]:
        """What the planner compares: the base and the server's tree (both without what is
        ignored or excluded) and the scanned folder."""
        remote = await read_feed(self.state, self.remote, self.reporter, persist=persist)
        root_id = self.state.get("root_id")
        if root_id is None:
            raise SyncError("the server sent no root folder")
        base = self.state.base()
        if root_id not in base and persist:
            self.state.put_base(Node(root_id, None, "", True))
        base.setdefault(root_id, Node(root_id, None, "", True))
        remote = self.localize(remote, root_id, persist=persist)
        if persist:
            self.prune_excluded(base, root_id)
            base = self.state.base()
            base.setdefault(root_id, Node(root_id, None, "", True))
        ignored = self.ignore_rule()
        base = _filtered(base, root_id, ignored)
        remote = _filtered(remote, root_id, ignored)
        for i in self.unplaceable - set(base):
            remote.pop(i, None)
        now = time.time_ns()
        scanned = scan(
            self.folder,
            ignored=ignored,
            cached=self.state.cached_hash,
            warn=self.reporter.warn,
        )
        if persist:
            self.state.cache_hashes(
                (s.path, s.size, s.mtime_ns, s.inode, s.hash)
                for s in scanned
                if s.hash is not None and now - s.mtime_ns > FRESH_NS
            )
        return base, remote, scanned, root_id

    # -- carrying out one operation ------------------------------------------------------

    async def apply(self, op: o.Op) -> None:
        self.stats.operations += 1
        await self.guarded(op, self._apply(op))

    async def _apply(self, op: o.Op) -> None:
        match op:
            case o.Record(node=node):
                self.state.put_base(node)
                sent = self.unconfirmed.pop((node.parent_id, node.name, node.hash), None)
                if sent is not None:  # committed by a batch the server stopped part-way
                    self.stats.up_files += 1
                    self.stats.up_bytes += sent[1]
                    self.reporter.action("up", f"{sent[0]} ({sent[1]} bytes)")
            case o.Forget(id=i, kept=kept):
                self.state.forget([i])
                if kept is not None:
                    self.reporter.warn(
                        f"kept {kept}: the server no longer has it (deleted, or no longer"
                        " shared with you) but it changed here; it syncs again as a new entry"
                    )
            case o.Download():
                await self.download(op)
            case o.Mkdir(node=node, path=path):
                try:
                    with self.jail.parent(path) as (fd, leaf):
                        os.mkdir(leaf, dir_fd=fd)
                except FileExistsError:
                    if not self.jail.is_dir(path):
                        return
                except Unsafe:
                    raise
                except OSError as exc:
                    self.unplaceable_warning(node, path, exc)
                    return
                self.state.put_base(node, self.jail.inode(path))
                self.stats.other += 1
                self.reporter.action("down", f"{path}/")
            case o.LocalMove():
                self.local_move(op)
            case o.LocalDelete():
                self.local_delete(op)
            case o.ConflictRename(path=path, new_name=name, aside=aside):
                parent = path.rpartition("/")[0]
                target = f"{parent}/{name}" if parent else name
                if self.jail.lstat(path) is not None and self.jail.lstat(target) is None:
                    self.jail.rename(path, target)
                    if aside:
                        self.stats.other += 1
                        self.reporter.action("moved", f"{path} -> {target} (for now)")
                    else:
                        self.stats.conflicts += 1
                        self.reporter.action("conflict", f"kept local {path} as {name}")
            case o.Upload():
                await self.upload(op)
            case o.CreateFolder(path=path, parent_id=parent, name=name):
                result = await self.remote.create_folder(parent, name)
                if result["__typename"] == "Folder":
                    self.state.put_base(self.here(node_of(result)), self.jail.inode(path))
                    self.stats.other += 1
                    self.reporter.action("up", f"{path}/")
                elif denied(result):
                    self.deny(path, result)
                else:
                    self.refused(path, result)
            case o.RemoteMove():
                await self.remote_move(op)
            case o.RemoteDelete():
                await self.remote_delete(op)
