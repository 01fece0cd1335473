"""The engine: read the feed, scan the folder, plan, carry the plan out; again until quiet.

Every operation re-checks the disk right before it acts (a file is deleted or replaced
only if it still has the hash the plan saw) and records the base only after the server
or the disk did the work, so a run killed at any moment leaves a state from which the
next run converges: the planner treats "both sides already agree" as nothing to do.
"""

from __future__ import annotations

import asyncio
import errno
import io
import json
import os
import shutil
import stat
import time
import uuid
from collections.abc import Awaitable, Callable
from datetime import UTC, datetime
from functools import partial
from pathlib import Path
from typing import Any, BinaryIO

import pathspec

from dropbox_lite.client import ops as o
from dropbox_lite.client.hashing import BLOCK, hash_fd
from dropbox_lite.client.model import Entry, Model, Stuck
from dropbox_lite.client.planner import plan
from dropbox_lite.client.progress import Reporter
from dropbox_lite.client.remote import Remote, RemoteError, denied, node_of
from dropbox_lite.client.safety import Jail, Unsafe, create_new, reserved, safe_name
from dropbox_lite.client.scan import IGNORE_FILE, STATE_DIR, Scanned, identify, scan
from dropbox_lite.client.state import State
from dropbox_lite.client.summary import Stats, describe
from dropbox_lite.client.tree import Node, Tree, conflicted_name, name_key, path_key, paths
from dropbox_lite.client.uploads import Small, Uploader, full, read_small

MAX_MERGE_BYTES = 8 * 1024 * 1024
MAX_PLANS = 200
PARALLEL = 4  # transfers at once
FRESH_NS = 2_000_000_000  # a hash of a file changed this recently is not cached (mtime races)


class SyncError(Exception):
    """The sync cannot go on (one line for the user)."""


def _filtered(tree: Tree, root_id: str, ignored: Any) -> dict[str, Node]:
    found = paths(tree, root_id)
    return {
        i: node
        for i, node in tree.items()
        if i not in found or found[i] == "" or not ignored(found[i], node.is_folder)
    }


class Engine:
    """Syncs one folder with one account."""

    def __init__(
        self,
        *,
        folder: Path,
        state: State,
        remote: Remote,
        reporter: Reporter,
        username: str,
        device: str = "",
        parallel: int = PARALLEL,
        content_plane: bool | None = None,
    ) -> None:
        self.folder = folder
        self.jail = Jail(folder)
        self.state = state
        self.remote = remote
        self.reporter = reporter
        self.username = username
        self.device = device
        self.parallel = parallel
        self.tmp = folder / STATE_DIR / "tmp"
        self.stats = Stats()
        self.prefer_remote: set[str] = set()
        self.unsyncable: set[str] = set()  # local paths the server refused
        self.unplaceable: set[str] = set()  # remote ids this filesystem cannot hold
        self.aliases: dict[str, tuple[str, str]] = {}  # id -> (server name, local alias)
        # Uploads by blocks, sessions and batches (None: ask the server whether it has them);
        # False: one uploadFile request per file, as before the content plane.
        self.content_plane = content_plane
        self.uploader = Uploader(remote, state)
        # (folder id, name, hash) -> (path, size) of files whose batch the server stopped:
        # an "up" once the feed shows them committed.
        self.unconfirmed: dict[tuple[str | None, str, str | None], tuple[str, int]] = {}

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

    async def uses_blocks(self) -> bool:
        """Whether the server takes uploads by blocks (asked once)."""
        if self.content_plane is None:
            try:
                await self.remote.missing_blocks([])
            except RemoteError as exc:
                if "missingBlocks" not in str(exc):
                    raise
                self.content_plane = False
            else:
                self.content_plane = True
        return self.content_plane

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
        remote = await self.refresh_remote(persist=persist)
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

    @property
    def excluded(self) -> list[str]:
        """Folders kept on the server only (`--exclude`)."""
        found: list[str] = json.loads(self.state.get("excluded") or "[]")
        return found

    def prune_excluded(self, base: dict[str, Node], root_id: str) -> None:
        """An excluded folder's local copy goes where it is the synced one (a file changed
        here stays, with a warning) and the base forgets it, so `--include` brings it back."""
        excluded = [path_key(e) for e in self.excluded]
        if not excluded:
            return
        where = paths(base, root_id)
        inside = [
            i
            for i, p in where.items()
            if p and any(path_key(p) == e or path_key(p).startswith(e + "/") for e in excluded)
        ]
        if not inside:
            return
        for i in sorted(inside, key=lambda i: -where[i].count("/")):
            node, path = base[i], where[i]
            if node.is_folder:
                try:
                    with self.jail.parent(path) as (fd, leaf):
                        os.rmdir(leaf, dir_fd=fd)
                except FileNotFoundError:
                    pass
                except OSError:
                    pass  # something of its own is inside: it stays
            elif self.hash_at(path) == node.hash:
                with self.jail.parent(path) as (fd, leaf):
                    os.unlink(leaf, dir_fd=fd)
            elif self.hash_at(path) is not None:
                self.reporter.warn(
                    f"kept {path}: it changed here, and its folder is excluded"
                    " (it stays on this device only until you --include the folder again)"
                )
        self.state.forget(inside)

    def localize(self, tree: dict[str, Node], root_id: str, *, persist: bool) -> dict[str, Node]:
        """The server's tree under the names used here: a name that is not one safe path
        component is skipped (with a warning), so nothing below it syncs; a name the client
        keeps for itself in the root (`.dropbox-lite`, a shared folder say) gets an alias."""
        self.aliases = self.state.aliases()
        children: dict[str, list[Node]] = {}
        for node in tree.values():
            if node.parent_id is not None:
                children.setdefault(node.parent_id, []).append(node)
        taken = {name_key(n.name) for n in children.get(root_id, ())}
        taken |= {name_key(alias) for _, alias in self.aliases.values()}
        found: dict[str, Node] = {root_id: tree[root_id]} if root_id in tree else {}
        stack = [root_id]
        while stack:
            for node in children.get(stack.pop(), ()):
                if node.id in found:
                    continue
                if not safe_name(node.name):
                    self.refuse(
                        f"skipped {node.name!r} from the server: not a safe file name"
                        " (nothing in or below it syncs)"
                    )
                    continue
                if node.parent_id == root_id and reserved(node.name):
                    known = self.aliases.get(node.id)
                    if known is None or known[0] != node.name:
                        alias, number = f"{node.name} (shared)", 1
                        while name_key(alias) in taken:
                            number += 1
                            alias = f"{node.name} (shared {number})"
                        taken.add(name_key(alias))
                        known = self.aliases[node.id] = (node.name, alias)
                        if persist:
                            self.state.set_alias(node.id, node.name, alias)
                    node = node.moved_to(node.parent_id, known[1])
                found[node.id] = node
                if node.is_folder:
                    stack.append(node.id)
        return found

    def here(self, node: Node) -> Node:
        """A node the server sent back, under its local name."""
        known = self.aliases.get(node.id)
        if known is not None and node.parent_id == self.state.get("root_id"):
            if node.name == known[0]:
                return node.moved_to(node.parent_id, known[1])
        return node

    def server_name(self, entry_id: str | None, parent_id: str, name: str) -> str:
        """The server's name of the entry named `name` here."""
        known = self.aliases.get(entry_id or "")
        if known is not None and parent_id == self.state.get("root_id") and name == known[1]:
            return known[0]
        return name

    def inode(self, path: str) -> int | None:
        info = self.jail.lstat(path)
        return None if info is None else info.st_ino

    @property
    def conflict_tag(self) -> str:
        """ "alice's conflicted copy (laptop) 2026-12-06": whose, from which device, when."""
        plain = "".join("-" if c in "/\\" or ord(c) < 32 else c for c in self.device)
        device = f" ({plain})" if plain else ""
        return f"{self.username}'s conflicted copy{device} {datetime.now(UTC):%Y-%m-%d}"

    def ignore_rule(self) -> Any:
        lines: list[str] = []
        try:
            lines = (self.folder / IGNORE_FILE).read_text(encoding="utf-8").splitlines()
        except FileNotFoundError:
            pass
        except (OSError, UnicodeDecodeError) as exc:
            self.reporter.warn(f"cannot read {IGNORE_FILE}: {exc}")
        spec = pathspec.GitIgnoreSpec.from_lines(lines)
        refused = set(self.unsyncable)
        excluded = [path_key(e) for e in self.excluded]

        def ignored(path: str, is_dir: bool) -> bool:
            if path in refused:
                return True
            key = path_key(path)
            if any(key == e or key.startswith(e + "/") for e in excluded):
                return True
            return bool(spec.match_file(path + "/" if is_dir else path))

        return ignored

    async def refresh_remote(self, *, persist: bool = True) -> dict[str, Node]:
        """The remote tree after reading the feed to its end (reset on CURSOR_RESET)."""
        cursor = self.state.get("cursor")
        tree = self.state.remote()
        known_root = self.state.get("root_id")
        while True:
            try:
                page = await self.remote.changes(cursor)
            except RemoteError as exc:
                if cursor is None or not _refused_cursor(exc):
                    raise
                self.reporter.warn(
                    "the server no longer takes this device's place in the change feed"
                    f" ({exc}): reconciling by content"
                )
                if persist:
                    self.state.reset_remote()
                cursor, tree, known_root = None, {}, None
                continue
            upserts: list[Node] = []
            deleted: list[str] = []
            root_id = None
            for change in page["changes"]:
                if change["kind"] == "DELETED" or change["entry"] is None:
                    deleted.append(change["id"])
                    tree.pop(change["id"], None)
                else:
                    node = node_of(change["entry"])
                    if node.parent_id is None:
                        if known_root not in (None, node.id):
                            # A mount reported as a root, say: syncing it would mix two trees.
                            raise SyncError(f"the server's feed has a second root ({node.id})")
                        root_id = known_root = node.id
                    upserts.append(node)
                    tree[node.id] = node
            if persist:
                self.state.apply_page(upserts, deleted, page["cursor"], root_id)
            elif root_id is not None and self.state.get("root_id") is None:
                self.state.set(root_id=root_id)
            cursor = page["cursor"]
            if not page["hasMore"]:
                return tree

    def clean_tmp(self) -> None:
        shutil.rmtree(self.tmp, ignore_errors=True)
        self.tmp.mkdir(parents=True, exist_ok=True)

    # -- carrying out one operation ------------------------------------------------------

    async def apply(self, op: o.Op) -> None:
        self.stats.operations += 1
        await self.guarded(op, self._apply(op))

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
                self.state.put_base(node, self.inode(path))
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
                    self.rename(path, target)
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
                    self.state.put_base(self.here(node_of(result)), self.inode(path))
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

    def refuse(self, line: str) -> None:
        """Something refused or left undone: warned about, counted, and the exit status is 1."""
        self.reporter.warn(line)
        if line not in self.stats.refused:
            self.stats.refused.append(line)

    def deny(self, path: str, result: dict[str, Any]) -> None:
        """A new local entry the server will not take from this user: it stays local only."""
        self.refuse(
            f"not synced {path}: {_reason(result)}"
            " (kept here; not sent again until the sync restarts)"
        )
        self.unsyncable.add(path)

    def rename(self, src: str, dst: str) -> None:
        """Rename inside the folder, never through a link."""
        with self.jail.parent(src) as (src_fd, src_leaf), self.jail.parent(dst) as (fd, leaf):
            os.rename(src_leaf, leaf, src_dir_fd=src_fd, dst_dir_fd=fd)

    def keep_denied_edit(self, op: o.Upload, result: dict[str, Any]) -> None:
        """An edit the server refused: our bytes become a local-only conflicted copy and the
        server's version comes back under the name (so the file keeps following the server)."""
        assert op.id is not None
        parent, _, leaf = op.path.rpartition("/")
        with self.jail.parent(op.path) as (fd, _leaf):
            taken = {name_key(n) for n in os.listdir(fd)}
        name = conflicted_name(leaf, self.conflict_tag, taken)
        copy = f"{parent}/{name}" if parent else name
        self.rename(op.path, copy)
        self.unsyncable.add(copy)
        self.state.forget([op.id])
        self.stats.conflicts += 1
        self.refuse(
            f"the server refused the edit of {op.path}:"
            f" {_reason(result)}; kept your version as {copy}"
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

    def hash_at(self, path: str) -> str | None:
        """The content hash of a regular file at `path`; None if absent; "" if not a file
        (a link, a folder, or below a link)."""
        try:
            with self.jail.parent(path) as (fd, leaf):
                info = os.stat(leaf, dir_fd=fd, follow_symlinks=False)
                if not stat.S_ISREG(info.st_mode):
                    return ""
                handle = os.open(leaf, os.O_RDONLY | os.O_NOFOLLOW, dir_fd=fd)
        except FileNotFoundError:
            return None
        except Unsafe:
            return ""
        try:
            return hash_fd(handle)
        finally:
            os.close(handle)

    async def download(self, op: o.Download) -> None:
        node = op.node
        parent = op.path.rpartition("/")[0]
        if not self.jail.is_dir(parent) or self.hash_at(op.path) != op.expect:
            return
        assert node.rev is not None
        temporary = self.tmp / uuid.uuid4().hex
        try:
            with self.reporter.transfer(f"down {op.path}", node.size) as progress:
                with os.fdopen(create_new(temporary), "wb") as out:
                    digest = await self.remote.download(node.id, node.rev, out, progress)
                    out.flush()
                    os.fsync(out.fileno())
            if digest != node.hash:
                self.refuse(f"download of {op.path} did not match its content hash")
                return
            if self.hash_at(op.path) != op.expect:
                return  # changed while downloading: the next plan sees a conflict
            try:
                with self.jail.parent(op.path) as (fd, leaf):
                    if op.expect is None:
                        # never replaces a file that just appeared (nor follows a link)
                        os.link(temporary, leaf, dst_dir_fd=fd, follow_symlinks=False)
                    else:
                        os.replace(temporary, leaf, dst_dir_fd=fd)
            except FileExistsError:
                return
            except Unsafe:
                raise
            except OSError as exc:
                if exc.errno in (errno.EINVAL, errno.ENAMETOOLONG, errno.EILSEQ):
                    self.unplaceable_warning(node, op.path, exc)
                    return
                raise
            self.state.put_base(node, self.inode(op.path))
            self.stats.down_files += 1
            self.stats.down_bytes += node.size
            self.reporter.action("down", f"{op.path} ({node.size} bytes)")
        finally:
            temporary.unlink(missing_ok=True)

    def open_source(self, path: str) -> BinaryIO | None:
        """The regular file at `path`, opened without following links; None if not one."""
        try:
            with self.jail.parent(path) as (fd, leaf):
                handle = os.open(leaf, os.O_RDONLY | os.O_NOFOLLOW, dir_fd=fd)
        except (FileNotFoundError, NotADirectoryError, Unsafe):
            return None
        except OSError as exc:
            if exc.errno == errno.ELOOP:
                return None
            raise
        if not stat.S_ISREG(os.fstat(handle).st_mode):
            os.close(handle)
            return None
        return os.fdopen(handle, "rb")

    async def upload(self, op: o.Upload) -> None:
        """One file: over one block, by blocks in a session (resumed when one is kept);
        else in one request."""
        source = self.open_source(op.path)
        if source is None:
            return
        with source:
            name = self.server_name(op.id, op.parent_id, op.name)
            with self.reporter.transfer(f"up {op.path}", op.size) as progress:
                # A lone small file is one request this way (a block list would take four).
                if op.size > BLOCK and await self.uses_blocks():
                    result = await self.uploader.large(op, name, source, progress)
                else:
                    result = await self.remote.upload(
                        source,
                        parent_id=op.parent_id,
                        name=name,
                        content_hash=op.hash,
                        parent_rev=op.parent_rev,
                        progress=progress,
                    )
                    self.uploader.sent_bytes += op.size
            if result is not None:  # else it changed since the plan: the next plan sends it
                await self.settle(op, source, result, os.fstat(source.fileno()).st_ino)

    async def upload_small(self, ops: list[o.Upload]) -> None:
        """Files of at most one block, read and sent in batches (one batch in memory)."""
        self.stats.operations += len(ops)
        batch: list[Small] = []
        held = 0

        async def read(op: o.Upload) -> None:
            nonlocal held
            source = self.open_source(op.path)
            if source is None:
                return
            with source:
                small = read_small(op, self.server_name(op.id, op.parent_id, op.name), source)
            if small is not None:
                batch.append(small)
                held += len(small.data)

        for op in ops:
            await self.guarded(op, read(op))
            if full(len(batch), held, self.uploader.batch_files):
                await self.commit_small(batch)
                batch.clear()
                held = 0
        if batch:
            await self.commit_small(batch)

    async def commit_small(self, batch: list[Small]) -> None:
        total = sum(len(s.data) for s in batch)
        try:
            with self.reporter.transfer(f"up {len(batch)} files", total) as progress:
                results = await self.uploader.commit_small(batch, progress)
        except RemoteError as exc:
            if exc.code == "UNAUTHENTICATED":
                raise SyncError("signed out: sign in again with --server and --username") from exc
            for small in batch:
                self.refuse(f"could not {describe(small.op)}: {exc}")
            return
        for small, result in zip(batch, results, strict=True):
            if result is None:
                key = (small.op.parent_id, small.name, small.op.hash)
                self.unconfirmed[key] = (small.op.path, small.op.size)
                continue
            source = io.BytesIO(small.data)
            await self.guarded(small.op, self.settle(small.op, source, result, small.inode))

    async def settle(
        self, op: o.Upload, source: BinaryIO, result: dict[str, Any], inode: int
    ) -> None:
        """Act on the server's answer to one upload (committed, conflict, refused)."""
        kind = result["__typename"]
        if kind == "File":
            self.state.put_base(self.here(node_of(result)), inode)
            self.stats.up_files += 1
            self.stats.up_bytes += op.size
            self.reporter.action("up", f"{op.path} ({op.size} bytes)")
        elif kind == "ConflictError":
            await self.resolve(op, source, int(result["current"]["rev"]))
        elif denied(result) and op.id is not None:
            self.keep_denied_edit(op, result)
        elif denied(result):
            self.deny(op.path, result)
        else:
            self.refused(op.path, result)

    async def end_sessions(self) -> None:
        """The folder is in sync: upload sessions kept for files that are not still refused
        are ended (their staged bytes freed)."""
        for path, (session_id, *_) in self.state.sessions().items():
            if path in self.unsyncable:
                continue
            self.state.drop_session(path)
            await self.uploader.cancel(session_id)

    async def resolve(self, op: o.Upload, source: BinaryIO, current_rev: int) -> None:
        """Our edit and the server's: MERGE text, else KEEP_BOTH (the server's keeps the name)."""
        assert op.id is not None and op.parent_rev is not None
        attempts = ["KEEP_BOTH"]
        if op.size <= MAX_MERGE_BYTES and _is_text(source):
            attempts.insert(0, "MERGE")
        for resolution in attempts:
            source.seek(0)
            result = await self.remote.resolve_conflict(
                source,
                file_id=op.id,
                base_rev=op.parent_rev,
                current_rev=current_rev,
                resolution=resolution,
            )
            kind = result["__typename"]
            if kind == "MergeFailedError":
                continue
            if kind != "ResolvedConflict":
                if denied(result):
                    self.keep_denied_edit(op, result)
                elif kind != "ConflictError":
                    self.refused(op.path, result)
                return
            merged = self.here(node_of(result["file"]))
            # The base is the server's revision with the content we hold: the next plan
            # downloads the merged (or the server's) version over ours.
            self.state.put_base(
                Node(merged.id, merged.parent_id, merged.name, False, op.hash, merged.rev, op.size)
            )
            self.stats.conflicts += 1
            self.stats.up_files += 1
            self.stats.up_bytes += op.size
            how = "merged" if resolution == "MERGE" else "kept both"
            self.reporter.action("conflict", f"{op.path} {how}")
            copy = result.get("conflictedCopy")
            if copy is not None and copy["parentId"] == op.parent_id:
                self.place_copy(source, op.path, node_of(copy), op.hash)  # else downloaded
            return

    def place_copy(self, source: BinaryIO, path: str, copy: Node, digest: str) -> None:
        """Put the conflicted copy beside the file from our own bytes (no download)."""
        if not safe_name(copy.name) or copy.hash != digest:
            return  # the next plan decides (and downloads it, or skips an unsafe name)
        parent = path.rpartition("/")[0]
        target = f"{parent}/{copy.name}" if parent else copy.name
        temporary = self.tmp / uuid.uuid4().hex
        try:
            source.seek(0)
            with os.fdopen(create_new(temporary), "wb") as out:
                shutil.copyfileobj(source, out)
                out.flush()
                if hash_fd(out.fileno()) != digest:
                    return
            with self.jail.parent(target) as (fd, leaf):
                os.link(temporary, leaf, dst_dir_fd=fd, follow_symlinks=False)
            self.state.put_base(self.here(copy), self.inode(target))
        except OSError:
            return
        finally:
            temporary.unlink(missing_ok=True)

    def local_move(self, op: o.LocalMove) -> None:
        source = self.jail.lstat(op.src)
        if source is None or not self.jail.is_dir(op.dst.rpartition("/")[0]):
            return
        target = self.jail.lstat(op.dst)
        if target is not None and (target.st_ino, target.st_dev) != (
            source.st_ino,
            source.st_dev,
        ):
            return
        self.rename(op.src, op.dst)
        known = self.state.base().get(op.node.id)
        if known is None:
            self.state.put_base(op.node, self.inode(op.dst))
        else:
            self.state.put_base(known.moved_to(op.node.parent_id, op.node.name))
        self.stats.other += 1
        self.reporter.action("moved", f"{op.src} -> {op.dst}")

    def local_delete(self, op: o.LocalDelete) -> None:
        gone: list[str] = []
        for i, path, digest in op.files:
            found = self.hash_at(path)
            if found == digest:
                with self.jail.parent(path) as (fd, leaf):
                    os.unlink(leaf, dir_fd=fd)
                gone.append(i)
                self.stats.deletions += 1
                self.reporter.action("deleted", path)
            elif found is None:
                gone.append(i)
        for i, path in op.folders:
            try:
                with self.jail.parent(path) as (fd, leaf):
                    if stat.S_ISLNK(os.stat(leaf, dir_fd=fd, follow_symlinks=False).st_mode):
                        continue  # a link where the folder was: not ours to remove
                    os.rmdir(leaf, dir_fd=fd)
            except FileNotFoundError:
                pass
            except OSError:
                continue  # something new is inside: it stays and is uploaded
            gone.append(i)
            self.stats.deletions += 1
            self.reporter.action("deleted", f"{path}/")
        self.state.forget(gone)

    async def remote_move(self, op: o.RemoteMove) -> None:
        name = self.server_name(op.id, op.parent_id, op.name)
        if op.rename_only:
            result = await self.remote.rename(op.id, name)
        else:
            result = await self.remote.move(op.id, op.parent_id, name)
        if result["__typename"] in ("File", "Folder"):
            moved = self.here(node_of(result))
            base = self.state.base()
            root = self.state.get("root_id") or ""
            before = paths(base, root).get(op.id, op.name)
            known = base.get(op.id)
            if moved.id != op.id:
                # Copied then deleted (into or out of a folder shared with us): the copy has
                # ids of its own, which the next plan matches with the local entries by content.
                self.state.forget([op.id, *(i for i in base if _under(base, i, op.id))])
            elif known is not None:
                self.state.put_base(known.moved_to(moved.parent_id, moved.name))
            self.stats.other += 1
            after = paths(self.state.base(), root).get(op.id, op.name)
            kind = "renamed" if op.rename_only else "moved"
            self.reporter.action(kind, f"{before} -> {after} on the server")
        elif denied(result):
            root = self.state.get("root_id") or ""
            where = paths(self.state.base(), root).get(op.id, op.id)
            self.refuse(
                f"the server refused to move {where} to {op.name}: {_reason(result)};"
                " it is moved back"
            )
            self.prefer_remote.add(op.id)
        elif result.get("code") in ("INVALID_MOVE", "INVALID_NAME"):
            self.refuse(f"the server refused to {describe(op)}: {result.get('message')}")
            self.prefer_remote.add(op.id)

    async def remote_delete(self, op: o.RemoteDelete) -> None:
        node = op.node
        result: dict[str, Any] | None
        if node.is_folder:
            cursor = self.state.get("cursor")
            guarded = None
            if cursor is not None:
                # The server checks, in the same request, that nothing below changed
                # since the feed we planned from: an edit cannot slip in between.
                guarded = await self.remote.delete_folder(node.id, since=cursor)
            if guarded is not None:
                result = guarded
            else:
                if await self.changed_below(node.id):
                    return
                result = await self.remote.delete(node.id)
        else:
            result = await self.remote.delete(node.id, if_rev=node.rev)
            if result is None:
                # A server without deleteEntry(ifRev): look right before (an edit beats a
                # delete); an edit landing between the look and the delete can still be lost
                # to the trash (where it stays restorable).
                current = await self.remote.entry(node.id)
                if current is not None and current.hash != node.hash:
                    return
                result = await self.remote.delete(node.id)
        assert result is not None
        if result["__typename"] == "ConflictError" or result.get("code") == "CONFLICT":
            return  # the file moved on since: the next plan brings the new version back
        refused = denied(result)
        if result["__typename"] not in ("File", "Folder") and not refused:
            return
        base = self.state.base()
        below = [i for i in base if i != node.id and _under(base, i, node.id)]
        # Refused: forgotten all the same, so the next plan brings the server's copy back.
        self.state.forget([node.id, *below])
        if refused:
            self.refuse(f"the server refused to delete {op.path}: {_reason(result)}; it comes back")
        else:
            self.stats.deletions += 1
            self.reporter.action("deleted", f"{op.path} on the server")

    async def changed_below(self, folder_id: str) -> bool:
        """Whether the feed has news in or below the folder since the plan was made (every
        page of it)."""
        cursor = self.state.get("cursor")
        if cursor is None:
            return True
        remote = self.state.remote()
        inside = {folder_id} | {i for i in remote if _under(remote, i, folder_id)}
        while True:
            page = await self.remote.changes(cursor)
            for change in page["changes"]:
                if change["id"] in inside or change["parentId"] in inside:
                    return True
            if not page["hasMore"]:
                return False
            cursor = page["cursor"]


def _refused_cursor(exc: RemoteError) -> bool:
    """The feed refused our cursor: reset (journal pruned), or not valid (the server's key
    changed, or its database was restored)."""
    return exc.code == "CURSOR_RESET" or (
        exc.code == "BAD_USER_INPUT" and "cursor" in str(exc).lower()
    )


def _reason(result: dict[str, Any]) -> str:
    return str(result.get("message") or "permission denied").rstrip(".")


def _under(tree: Tree, i: str, top: str) -> bool:
    seen: set[str] = set()
    parent = tree[i].parent_id
    while parent is not None and parent not in seen:
        if parent == top:
            return True
        seen.add(parent)
        parent = tree[parent].parent_id if parent in tree else None
    return False


def _is_text(source: BinaryIO) -> bool:
    try:
        source.seek(0)
        source.read().decode("utf-8")
    except (UnicodeDecodeError, OSError):
        return False
    return True
