"""The engine: read the feed, scan the folder, plan, carry the plan out; again until quiet.

Every operation re-checks the disk right before it acts (a file is deleted or replaced
only if it still has the hash the plan saw) and records the base only after the server
or the disk did the work, so a run killed at any moment leaves a state from which the
next run converges: the planner treats "both sides already agree" as nothing to do.
"""

from __future__ import annotations

import errno
import os
import shutil
import time
import uuid
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import pathspec

from dropbox_lite.client import ops as o
from dropbox_lite.client.hashing import hash_file
from dropbox_lite.client.planner import plan
from dropbox_lite.client.progress import Reporter
from dropbox_lite.client.remote import Remote, RemoteError, denied, node_of
from dropbox_lite.client.scan import IGNORE_FILE, STATE_DIR, identify, scan
from dropbox_lite.client.state import State
from dropbox_lite.client.summary import Stats, describe
from dropbox_lite.client.tree import Node, Tree, conflicted_name, name_key, paths

MAX_MERGE_BYTES = 8 * 1024 * 1024
MAX_PLANS = 200
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
        self, *, folder: Path, state: State, remote: Remote, reporter: Reporter, username: str
    ) -> None:
        self.folder = folder
        self.state = state
        self.remote = remote
        self.reporter = reporter
        self.username = username
        self.tmp = folder / STATE_DIR / "tmp"
        self.stats = Stats()
        self.prefer_remote: set[str] = set()
        self.unsyncable: set[str] = set()  # local paths the server refused
        self.unplaceable: set[str] = set()  # remote ids this filesystem cannot hold

    # -- the loop ----------------------------------------------------------------------

    async def sync(self) -> Stats:
        """Plan and apply until a plan is empty."""
        self.clean_tmp()
        last: list[o.Op] | None = None
        for _ in range(MAX_PLANS):
            todo = await self.plan()
            if not todo:
                return self.stats
            if todo == last:
                raise SyncError(f"cannot {describe(todo[0])} (and {len(todo) - 1} more)")
            last = todo
            for op in todo:
                await self.apply(op)
        raise SyncError("the folder did not settle: changes keep coming")

    async def plan(self, *, persist: bool = True) -> list[o.Op]:
        remote = await self.refresh_remote(persist=persist)
        root_id = self.state.get("root_id")
        if root_id is None:
            raise SyncError("the server sent no root folder")
        base = self.state.base()
        if root_id not in base and persist:
            self.state.put_base(Node(root_id, None, "", True))
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

    @property
    def conflict_tag(self) -> str:
        return f"{self.username}'s conflicted copy {datetime.now(UTC):%Y-%m-%d}"

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

        def ignored(path: str, is_dir: bool) -> bool:
            if path in refused:
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
                if exc.code != "CURSOR_RESET" or cursor is None:
                    raise
                self.reporter.warn("the server reset the change feed: reconciling by content")
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
        try:
            await self._apply(op)
        except RemoteError as exc:
            if exc.code == "UNAUTHENTICATED":
                raise SyncError("signed out: sign in again with --server and --username") from exc
            self.reporter.warn(f"could not {describe(op)}: {exc}")
            if exc.code in ("NOT_FOUND", "PERMISSION_DENIED") and isinstance(
                op, o.Upload | o.CreateFolder
            ):
                # Into a folder we see but may not write to (a mount whose folder its owner
                # deleted): not again this run, so the rest of the folder still syncs.
                self.unsyncable.add(op.path)
        except OSError as exc:
            if exc.errno in (errno.ENOSPC, errno.EDQUOT):
                raise SyncError(f"disk full: cannot {describe(op)}") from exc
            self.reporter.warn(f"could not {describe(op)}: {exc.strerror or exc}")

    async def _apply(self, op: o.Op) -> None:
        match op:
            case o.Record(node=node):
                self.state.put_base(node)
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
                target = self.folder / path
                try:
                    target.mkdir()
                except FileExistsError:
                    if not target.is_dir() or target.is_symlink():
                        return
                except OSError as exc:
                    self.unplaceable_warning(node, path, exc)
                    return
                self.state.put_base(node, target.stat().st_ino)
                self.stats.other += 1
            case o.LocalMove():
                self.local_move(op)
            case o.LocalDelete():
                self.local_delete(op)
            case o.ConflictRename(path=path, new_name=name):
                source = self.folder / path
                target = source.with_name(name)
                if source.exists() and not os.path.lexists(target):
                    source.rename(target)
                    self.stats.conflicts += 1
                    self.reporter.info(f"conflict: kept local {path} as {name}")
            case o.Upload():
                await self.upload(op)
            case o.CreateFolder(path=path, parent_id=parent, name=name):
                result = await self.remote.create_folder(parent, name)
                if result["__typename"] == "Folder":
                    inode = (self.folder / path).stat().st_ino
                    self.state.put_base(node_of(result), inode)
                    self.stats.other += 1
                elif denied(result):
                    self.deny(path, result)
                else:
                    self.refused(path, result)
            case o.RemoteMove():
                await self.remote_move(op)
            case o.RemoteDelete():
                await self.remote_delete(op)

    def deny(self, path: str, result: dict[str, Any]) -> None:
        """A new local entry the server will not take from this user: it stays local only."""
        self.reporter.warn(
            f"not synced {path}: {_reason(result)}"
            " (kept here; not sent again until the sync restarts)"
        )
        self.unsyncable.add(path)

    def keep_denied_edit(self, op: o.Upload, source: Path, result: dict[str, Any]) -> None:
        """An edit the server refused: our bytes become a local-only conflicted copy and the
        server's version comes back under the name (so the file keeps following the server)."""
        assert op.id is not None
        taken = {name_key(p.name) for p in source.parent.iterdir()}
        name = conflicted_name(source.name, self.conflict_tag, taken)
        source.rename(source.with_name(name))
        parent = op.path.rpartition("/")[0]
        copy = f"{parent}/{name}" if parent else name
        self.unsyncable.add(copy)
        self.state.forget([op.id])
        self.stats.conflicts += 1
        self.reporter.warn(
            f"the server refused the edit of {op.path}:"
            f" {_reason(result)}; kept your version as {copy}"
            " (not synced) and the server's version comes back"
        )

    def refused(self, path: str, result: dict[str, Any]) -> None:
        code = result.get("code")
        if code in ("INVALID_NAME", "FILE_TOO_LARGE", "QUOTA_EXCEEDED"):
            self.reporter.warn(f"skipped {path}: {result.get('message')}")
            self.unsyncable.add(path)

    def unplaceable_warning(self, node: Node, path: str, exc: OSError) -> None:
        if exc.errno in (errno.ENOSPC, errno.EDQUOT):
            raise exc
        self.reporter.warn(f"skipped {path}: this filesystem cannot hold it ({exc.strerror})")
        self.unplaceable.add(node.id)

    def hash_at(self, path: Path) -> str | None:
        """The content hash of a regular file at `path`; None if absent; "" if not a file."""
        if not os.path.lexists(path):
            return None
        if path.is_symlink() or not path.is_file():
            return ""
        return hash_file(path)

    async def download(self, op: o.Download) -> None:
        node, target = op.node, self.folder / op.path
        if not target.parent.is_dir() or self.hash_at(target) != op.expect:
            return
        assert node.rev is not None
        temporary = self.tmp / uuid.uuid4().hex
        try:
            with self.reporter.transfer(f"down {op.path}", node.size) as progress:
                with temporary.open("wb") as out:
                    digest = await self.remote.download(node.id, node.rev, out, progress)
                    out.flush()
                    os.fsync(out.fileno())
            if digest != node.hash:
                self.reporter.warn(f"download of {op.path} did not match its content hash")
                return
            if self.hash_at(target) != op.expect:
                return  # changed while downloading: the next plan sees a conflict
            try:
                if op.expect is None:
                    os.link(temporary, target)  # never replaces a file that just appeared
                else:
                    os.replace(temporary, target)
            except FileExistsError:
                return
            except OSError as exc:
                if exc.errno in (errno.EINVAL, errno.ENAMETOOLONG, errno.EILSEQ):
                    self.unplaceable_warning(node, op.path, exc)
                    return
                raise
            self.state.put_base(node, target.stat().st_ino)
            self.stats.down_files += 1
            self.stats.down_bytes += node.size
        finally:
            temporary.unlink(missing_ok=True)

    async def upload(self, op: o.Upload) -> None:
        source = self.folder / op.path
        if not source.is_file() or source.is_symlink():
            return
        label = f"up {op.path}"
        with self.reporter.transfer(label, op.size) as progress:
            result = await self.remote.upload(
                source,
                parent_id=op.parent_id,
                name=op.name,
                content_hash=op.hash,
                parent_rev=op.parent_rev,
                progress=progress,
            )
        kind = result["__typename"]
        if kind == "File":
            self.state.put_base(node_of(result), source.stat().st_ino)
            self.stats.up_files += 1
            self.stats.up_bytes += op.size
        elif kind == "ConflictError":
            await self.resolve(op, source, int(result["current"]["rev"]))
        elif denied(result) and op.id is not None:
            self.keep_denied_edit(op, source, result)
        elif denied(result):
            self.deny(op.path, result)
        else:
            self.refused(op.path, result)

    async def resolve(self, op: o.Upload, source: Path, current_rev: int) -> None:
        """Our edit and the server's: MERGE text, else KEEP_BOTH (the server's keeps the name)."""
        assert op.id is not None and op.parent_rev is not None
        attempts = ["KEEP_BOTH"]
        if op.size <= MAX_MERGE_BYTES and _is_text(source):
            attempts.insert(0, "MERGE")
        for resolution in attempts:
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
                    self.keep_denied_edit(op, source, result)
                elif kind != "ConflictError":
                    self.refused(op.path, result)
                return
            merged = node_of(result["file"])
            # The base is the server's revision with the content we hold: the next plan
            # downloads the merged (or the server's) version over ours.
            self.state.put_base(
                Node(merged.id, merged.parent_id, merged.name, False, op.hash, merged.rev, op.size)
            )
            self.stats.conflicts += 1
            self.stats.up_files += 1
            self.stats.up_bytes += op.size
            how = "merged" if resolution == "MERGE" else "kept both"
            self.reporter.info(f"conflict: {op.path} {how}")
            copy = result.get("conflictedCopy")
            if copy is not None and copy["parentId"] == op.parent_id:
                self.place_copy(source, node_of(copy), op.hash)  # else it is downloaded
            return

    def place_copy(self, source: Path, copy: Node, digest: str) -> None:
        """Put the conflicted copy beside the file from our own bytes (no download)."""
        target = source.with_name(copy.name)
        temporary = self.tmp / uuid.uuid4().hex
        try:
            shutil.copyfile(source, temporary)
            if hash_file(temporary) != digest == copy.hash:
                return
            os.link(temporary, target)
            self.state.put_base(copy, target.stat().st_ino)
        except OSError:
            return
        finally:
            temporary.unlink(missing_ok=True)

    def local_move(self, op: o.LocalMove) -> None:
        source, target = self.folder / op.src, self.folder / op.dst
        if not os.path.lexists(source) or not target.parent.is_dir():
            return
        if os.path.lexists(target) and not os.path.samefile(source, target):
            return
        os.rename(source, target)
        known = self.state.base().get(op.node.id)
        if known is None:
            self.state.put_base(op.node, target.stat().st_ino)
        else:
            self.state.put_base(known.moved_to(op.node.parent_id, op.node.name))
        self.stats.other += 1

    def local_delete(self, op: o.LocalDelete) -> None:
        gone: list[str] = []
        for i, path, digest in op.files:
            target = self.folder / path
            found = self.hash_at(target)
            if found == digest:
                target.unlink()
                gone.append(i)
                self.stats.deletions += 1
            elif found is None:
                gone.append(i)
        for i, path in op.folders:
            target = self.folder / path
            try:
                target.rmdir()
            except FileNotFoundError:
                pass
            except OSError:
                continue  # something new is inside: it stays and is uploaded
            gone.append(i)
            self.stats.deletions += 1
        self.state.forget(gone)

    async def remote_move(self, op: o.RemoteMove) -> None:
        if op.rename_only:
            result = await self.remote.rename(op.id, op.name)
        else:
            result = await self.remote.move(op.id, op.parent_id, op.name)
        if result["__typename"] in ("File", "Folder"):
            moved = node_of(result)
            base = self.state.base()
            known = base.get(op.id)
            if moved.id != op.id:
                # Copied then deleted (into or out of a folder shared with us): the copy has
                # ids of its own, which the next plan matches with the local entries by content.
                self.state.forget([op.id, *(i for i in base if _under(base, i, op.id))])
            elif known is not None:
                self.state.put_base(known.moved_to(moved.parent_id, moved.name))
            self.stats.other += 1
        elif denied(result):
            root = self.state.get("root_id") or ""
            where = paths(self.state.base(), root).get(op.id, op.id)
            self.reporter.warn(
                f"the server refused to move {where} to {op.name}: {_reason(result)};"
                " it is moved back"
            )
            self.prefer_remote.add(op.id)
        elif result.get("code") in ("INVALID_MOVE", "INVALID_NAME"):
            self.reporter.warn(f"the server refused to {describe(op)}: {result.get('message')}")
            self.prefer_remote.add(op.id)

    async def remote_delete(self, op: o.RemoteDelete) -> None:
        node = op.node
        # deleteEntry has no revision guard: look right before (an edit beats a delete).
        if not node.is_folder:
            current = await self.remote.entry(node.id)
            if current is not None and current.hash != node.hash:
                return
        elif await self.changed_below(node.id):
            return
        result = await self.remote.delete(node.id)
        refused = denied(result)
        if result["__typename"] not in ("File", "Folder") and not refused:
            return
        base = self.state.base()
        below = [i for i in base if i != node.id and _under(base, i, node.id)]
        # Refused: forgotten all the same, so the next plan brings the server's copy back.
        self.state.forget([node.id, *below])
        if refused:
            self.reporter.warn(
                f"the server refused to delete {op.path}: {_reason(result)}; it comes back"
            )
        else:
            self.stats.deletions += 1

    async def changed_below(self, folder_id: str) -> bool:
        """Whether the feed has news in or below the folder since the plan was made."""
        cursor = self.state.get("cursor")
        if cursor is None:
            return True
        remote = self.state.remote()
        inside = {folder_id} | {i for i in remote if _under(remote, i, folder_id)}
        page = await self.remote.changes(cursor)
        return any(
            change["id"] in inside or change["parentId"] in inside for change in page["changes"]
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


def _is_text(path: Path) -> bool:
    try:
        path.read_bytes().decode("utf-8")
    except (UnicodeDecodeError, OSError):
        return False
    return True
