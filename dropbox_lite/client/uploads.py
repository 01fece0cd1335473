"""Uploads over the content plane (issue 20): only the blocks the server lacks are sent
(ask `missingBlocks`, send, commit the block list), a file over one block goes through an
upload session kept in the state database (a killed sync resumes it), and small files are
committed together by `finishUploadBatch`.

Every commit names the content hash the plan saw, and every block is hashed again right
before it is sent: a file that changed since the plan is left to the next plan.
"""

from __future__ import annotations

import asyncio
import hashlib
import os
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from typing import Any, BinaryIO

from dropbox_lite.client import ops as o
from dropbox_lite.client.hashing import BLOCK, block_digests, hash_bytes
from dropbox_lite.client.remote import Busy, Remote, RemoteError, SessionGone, Unreachable
from dropbox_lite.client.state import State

MAX_BATCH_FILES = 1000  # files of one finishUploadBatch, digests of one missingBlocks
MAX_BATCH_BYTES = 32 * 1024 * 1024  # small files held in memory while a batch is sent
MAX_REQUEST_BYTES = 16 * 1024 * 1024  # short blocks of one request (stored together)
# Blocks of one large file in flight at once: what a killed sync may have to send again
# (issue 20: killed half-way, at most 8 MiB more in all). Large files run in parallel.
BLOCKS_AT_ONCE = 1
SESSION_MARGIN = timedelta(hours=1)  # a session this close to its end is not resumed
BUSY_RETRIES = 50
# Files per finishUploadBatch: the first batch, then as many as the server commits in
# about COMMIT_SECONDS (inside its request timeout, 30 s by default), at least
# MIN_BATCH_FILES. A commit the server stopped shrinks the next batches.
FIRST_BATCH_FILES = 250
MIN_BATCH_FILES = 25
COMMIT_SECONDS = 15.0

Result = dict[str, Any]
Progress = Callable[[int], None]


class Changed(Exception):
    """The file changed since the plan (the next plan sends it)."""


@dataclass(frozen=True)
class Small:
    """A file of at most one block, read and checked against the plan's hash."""

    op: o.Upload
    name: str  # on the server
    data: bytes
    inode: int

    @property
    def digest(self) -> str | None:
        return hashlib.sha256(self.data).hexdigest() if self.data else None


def read_small(op: o.Upload, name: str, source: BinaryIO) -> Small | None:
    """The whole file if it still has the plan's content (None: it changed)."""
    data = source.read(BLOCK + 1)
    if len(data) > BLOCK or hash_bytes(data) != op.hash:
        return None
    return Small(op, name, data, os.fstat(source.fileno()).st_ino)


def full(held_files: int, held_bytes: int, files: int) -> bool:
    """A batch that takes no more files: `files` of them, or MAX_BATCH_BYTES held."""
    return held_files >= files or held_bytes >= MAX_BATCH_BYTES


def _groups(digests: list[str], size_of: dict[str, int]) -> Iterator[list[str]]:
    """Blocks for one request each: at most 1,000 and MAX_REQUEST_BYTES."""
    group: list[str] = []
    size = 0
    for digest in digests:
        if group and (len(group) >= MAX_BATCH_FILES or size + size_of[digest] > MAX_REQUEST_BYTES):
            yield group
            group, size = [], 0
        group.append(digest)
        size += size_of[digest]
    if group:
        yield group


def _entry(op: o.Upload, name: str, blocks: list[str]) -> dict[str, Any]:
    return {
        "name": name,
        "parentId": op.parent_id,
        "blocks": blocks,
        "mode": "ADD" if op.parent_rev is None else "UPDATE",
        "parentRev": op.parent_rev,
        "contentHash": op.hash,
    }


class Uploader:
    """Sends files' blocks and commits them; the engine acts on each result."""

    def __init__(self, remote: Remote, state: State) -> None:
        self.remote = remote
        self.state = state
        self.sent_bytes = 0  # block bytes the server took
        self.batch_files = FIRST_BATCH_FILES

    async def missing(self, digests: list[str]) -> set[str]:
        unique = list(dict.fromkeys(digests))
        found: set[str] = set()
        for start in range(0, len(unique), MAX_BATCH_FILES):
            found.update(await self.remote.missing_blocks(unique[start : start + MAX_BATCH_FILES]))
        return found

    async def put(
        self, session_id: str, first: int, blocks: list[bytes], digests: list[str]
    ) -> None:
        for attempt in range(BUSY_RETRIES):
            try:
                await self.remote.put_blocks(session_id, first, blocks, digests)
            except Busy:
                await asyncio.sleep(min(0.05 * (attempt + 1), 1.0))
                continue
            self.sent_bytes += sum(len(b) for b in blocks)
            return
        raise Unreachable("the server stayed busy with this account's other uploads")

    # -- small files, together --------------------------------------------------------------

    async def commit_small(self, files: list[Small], progress: Progress) -> list[Result | None]:
        """Send what the server lacks of these files in one session, then commit them all
        with one finishUploadBatch; one result per file, in order (None: left to the next
        plan, when the server stopped the commit part-way)."""
        size_of = {s.digest: len(s.data) for s in files if s.digest is not None}
        data_of = {s.digest: s.data for s in files if s.digest is not None}
        missing = await self.missing(list(size_of))
        session_id: str | None = None
        try:
            if missing:
                started = await self.remote.start_session(None)
                if started["__typename"] != "UploadSession":
                    return [started for _ in files]
                session_id = str(started["id"])
                index = 0
                for group in _groups([d for d in size_of if d in missing], size_of):
                    await self.put(session_id, index, [data_of[d] for d in group], group)
                    progress(sum(size_of[d] for d in group))
                    index += len(group)
            began = time.monotonic()
            try:
                results: list[Result | None] = list(
                    await self.remote.finish_batch(
                        [
                            _entry(s.op, s.name, [] if s.digest is None else [s.digest])
                            for s in files
                        ]
                    )
                )
            except Unreachable:
                # Stopped by the server's request timeout (or the server went away): what
                # it committed the next plan finds on the server, the rest it sends again.
                self.batch_files = max(MIN_BATCH_FILES, len(files) // 4)
                return [None for _ in files]
            per_file = max(time.monotonic() - began, 0.001) / len(files)
            self.batch_files = min(
                MAX_BATCH_FILES, max(MIN_BATCH_FILES, int(COMMIT_SECONDS / per_file))
            )
            return results
        except SessionGone as exc:
            raise RemoteError(f"the upload session went away ({exc})", "NOT_FOUND") from exc
        finally:
            if session_id is not None:
                await self.cancel(session_id)

    async def cancel(self, session_id: str) -> None:
        try:
            await self.remote.cancel_session(session_id)
        except (RemoteError, Unreachable):
            pass  # it expires on its own

    # -- a large file, in a session kept across runs --------------------------------------

    async def large(
        self, op: o.Upload, name: str, source: BinaryIO, progress: Progress
    ) -> Result | None:
        """Send the blocks of `source` the server lacks into the path's session (resumed
        when one is kept), then commit its block list. None: the file changed."""
        fd = source.fileno()
        digests, content = await asyncio.to_thread(block_digests, fd)
        if content != op.hash:
            return None
        size = os.fstat(fd).st_size
        for _ in range(3):
            missing = await self.missing(digests)
            if missing:
                started = await self.session_for(op, size)
                if not isinstance(started, str):
                    return started  # refused up front (quota, size)
                try:
                    await self.send(op.path, fd, started, digests, missing, progress)
                except SessionGone:
                    self.state.drop_session(op.path)
                    continue
                except Changed:
                    return None
            result = (await self.remote.finish_batch([_entry(op, name, digests)]))[0]
            if result["__typename"] == "BlocksMissingError":
                continue  # a staged block expired meanwhile: send it again
            kept = self.state.sessions().get(op.path)
            if result["__typename"] == "File" and kept is not None:
                self.state.drop_session(op.path)
                await self.cancel(kept[0])
            return result
        raise RemoteError(f"the upload session of {op.path} kept going away", "NOT_FOUND")

    async def session_for(self, op: o.Upload, size: int) -> str | Result:
        """The path's kept session if it has time left, else a new one (kept)."""
        kept = self.state.sessions().get(op.path)
        if kept is not None:
            session_id, expires, _, _ = kept
            try:
                ends = datetime.fromisoformat(expires)
            except ValueError:
                ends = datetime.min.replace(tzinfo=UTC)
            if ends.tzinfo is None:
                ends = ends.replace(tzinfo=UTC)
            if ends - datetime.now(UTC) > SESSION_MARGIN:
                return session_id
            self.state.drop_session(op.path)
        # A new file's length is checked against the quota before any byte is sent; an
        # edit's is not (the revision it replaces would count twice).
        started = await self.remote.start_session(size if op.parent_rev is None else None)
        if started["__typename"] != "UploadSession":
            return started
        self.state.put_session(op.path, str(started["id"]), str(started["expiresAt"]), op.hash)
        return str(started["id"])

    async def send(
        self,
        path: str,
        fd: int,
        session_id: str,
        digests: list[str],
        missing: set[str],
        progress: Progress,
    ) -> None:
        """The missing blocks (each once), BLOCKS_AT_ONCE at a time, each checked again."""
        todo: dict[str, int] = {}
        for index, digest in enumerate(digests):
            if digest in missing:
                todo.setdefault(digest, index)
        slots = asyncio.Semaphore(BLOCKS_AT_ONCE)

        async def one(digest: str, index: int) -> None:
            async with slots:
                block = os.pread(fd, BLOCK, index * BLOCK)
                found = await asyncio.to_thread(lambda: hashlib.sha256(block).hexdigest())
                if found != digest:
                    raise Changed(path)
                await self.put(session_id, index, [block], [digest])
                self.state.session_sent(path, 1)
                progress(len(block))

        try:
            async with asyncio.TaskGroup() as group:
                for digest, index in todo.items():
                    group.create_task(one(digest, index))
        except BaseExceptionGroup as failed:
            raise failed.exceptions[0] from None
