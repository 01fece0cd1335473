"""Transfers: a download (into a temporary file, put in place if the plan still holds);
uploads, one file at a time (by blocks over the content plane when larger than one block)
or small files in batches through `uploads.Uploader`; upload sessions ended once the
folder is in sync.
"""

from __future__ import annotations

import errno
import io
import os
import uuid

from dropbox_lite.client import ops as o
from dropbox_lite.client.hashing import BLOCK
from dropbox_lite.client.refusals import SyncError
from dropbox_lite.client.remote import RemoteError
from dropbox_lite.client.safety import Unsafe, create_new
from dropbox_lite.client.settling import Settling
from dropbox_lite.client.summary import describe
from dropbox_lite.client.uploads import Small, full, read_small


class Transfers(Settling):
    """Downloads, and uploads one by one and in batches."""

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

    async def download(self, op: o.Download) -> None:
        node = op.node
        parent = op.path.rpartition("/")[0]
        if not self.jail.is_dir(parent) or self.jail.hash_at(op.path) != op.expect:
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
            if self.jail.hash_at(op.path) != op.expect:
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
            self.state.put_base(node, self.jail.inode(op.path))
            self.stats.down_files += 1
            self.stats.down_bytes += node.size
            self.reporter.action("down", f"{op.path} ({node.size} bytes)")
        finally:
            temporary.unlink(missing_ok=True)

    async def upload(self, op: o.Upload) -> None:
        """One file: over one block, by blocks in a session (resumed when one is kept);
        else in one request."""
        source = self.jail.open_source(op.path)
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
            source = self.jail.open_source(op.path)
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

    async def end_sessions(self) -> None:
        """The folder is in sync: upload sessions kept for files that are not still refused
        are ended (their staged bytes freed)."""
        for path, (session_id, *_) in self.state.sessions().items():
            if path in self.unsyncable:
                continue
            self.state.drop_session(path)
            await self.uploader.cancel(session_id)
