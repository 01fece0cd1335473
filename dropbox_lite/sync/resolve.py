"""Resolving a conflict reported by uploadFile(mode: UPDATE): keep either side, both, or merge."""

from __future__ import annotations

import asyncio
import contextlib
from collections.abc import Iterator
from dataclasses import dataclass

import merge3
from bson import ObjectId

from dropbox_lite.core import errors
from dropbox_lite.core.config import Settings
from dropbox_lite.core.db import Database
from dropbox_lite.files import blobs, quota
from dropbox_lite.files import service as files
from dropbox_lite.files.service import EntryRecord

MAX_MERGE_BYTES = 8 * 1024 * 1024
RESOLUTIONS = ("keep_local", "keep_remote", "keep_both", "merge")


@dataclass(frozen=True)
class ResolvedRecord:
    file: EntryRecord
    conflicted_copy: EntryRecord | None = None


class _BytesReader:
    """A Readable over bytes already in memory (a merge's result)."""

    def __init__(self, data: bytes) -> None:
        self._data = data
        self._at = 0

    async def read(self, size: int = -1, /) -> bytes:
        end = len(self._data) if size < 0 else self._at + size
        chunk = self._data[self._at : end]
        self._at += len(chunk)
        return chunk


async def _read_upload(upload: blobs.Readable, limit: int) -> bytes | None:
    """The upload's bytes, or None when it is larger than `limit`."""
    parts: list[bytes] = []
    size = 0
    while chunk := await upload.read(blobs.READ_CHUNK):
        size += len(chunk)
        if size > limit:
            return None
        parts.append(chunk)
    return b"".join(parts)


def _text_lines(data: bytes) -> list[str]:
    if b"\x00" in data:
        raise errors.MergeFailed("Binary files cannot be merged.")
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError:
        raise errors.MergeFailed("Only UTF-8 text can be merged.") from None
    return text.splitlines(keepends=True)


def merge_text(base: bytes, theirs: bytes, ours: bytes) -> bytes:
    """Three-way merge of UTF-8 text; MergeFailed when edits overlap or a side is binary."""
    merger = merge3.Merge3(_text_lines(base), _text_lines(theirs), _text_lines(ours))
    if any(region[0] == "conflict" for region in merger.merge_regions()):
        raise errors.MergeFailed("Both sides changed the same lines.")
    return "".join(merger.merge_lines()).encode("utf-8")


async def _merge(
    *, db: Database, user_id: str, current: EntryRecord, base_rev: int, upload: blobs.Readable
) -> bytes:
    ours = await _read_upload(upload, MAX_MERGE_BYTES)
    if ours is None:
        raise errors.MergeFailed(f"Files over {MAX_MERGE_BYTES} bytes are not merged.")
    try:
        base, theirs = [
            await files.read_file_bytes(
                db=db, user_id=user_id, file_id=current.id, rev=rev, limit=MAX_MERGE_BYTES
            )
            for rev in (base_rev, current.rev)
        ]
    except errors.BadInput:
        raise errors.MergeFailed(f"Files over {MAX_MERGE_BYTES} bytes are not merged.") from None
    # merge3 is pure Python and quadratic at worst: keep it off the event loop.
    return await asyncio.to_thread(merge_text, base, theirs, ours)


async def resolve_conflict(
    *,
    db: Database,
    settings: Settings,
    user_id: str,
    username: str,
    file_id: str,
    base_rev: int,
    resolution: str,
    upload: blobs.Readable | None,
    current_rev: int | None = None,
) -> ResolvedRecord:
    """Settle a conflict between the device's upload (based on `base_rev`) and the file now.

    keep_remote: nothing changes. keep_local: the upload becomes the next revision.
    keep_both: the upload is saved beside the file as a conflicted copy. merge: a
    three-way merge of text (base = base_rev, theirs = the current revision, ours =
    the upload) becomes the next revision; MergeFailed changes nothing. A new
    revision is written only while the file is still at the revision read (or at
    `current_rev` when given): otherwise Conflict.
    """
    if resolution not in RESOLUTIONS:
        raise errors.BadInput(f"resolution must be one of {', '.join(RESOLUTIONS)}.")
    current = await files.get_entry(db=db, user_id=user_id, entry_id=file_id)
    if not current.is_file:
        raise errors.BadInput("Only files have conflicts to resolve.", argument="fileId")
    await files.get_revision(db=db, user_id=user_id, file_id=file_id, rev=base_rev)
    if current_rev is not None and current.rev != current_rev:
        raise errors.Conflict(current=current, your_parent_rev=current_rev)
    if resolution == "keep_remote":
        return ResolvedRecord(file=current)
    if upload is None:
        raise errors.BadInput("This resolution needs the file.", argument="file")
    at_rev = current.rev
    if resolution == "merge":
        merged = await _merge(
            db=db, user_id=user_id, current=current, base_rev=base_rev, upload=upload
        )
        upload = _BytesReader(merged)
    # The quota is enforced while streaming, as uploadFile does: a new revision frees
    # the current one's bytes, a conflicted copy frees nothing. The file's owner pays
    # (a shared folder's owner, when a member resolves), as for any write there.
    freed = 0 if resolution == "keep_both" else current.size
    with _owners_quota(payer=current.owner_id, caller=user_id):
        return await _store(
            db=db,
            settings=settings,
            user_id=user_id,
            username=username,
            current=current,
            at_rev=at_rev,
            resolution=resolution,
            upload=upload,
            quota_left=await quota.quota_left(db, ObjectId(current.owner_id), freed=freed),
        )


@contextlib.contextmanager
def _owners_quota(*, payer: str, caller: str) -> Iterator[None]:
    """A refusal for lack of room says whose quota it is (a shared folder's owner's)."""
    try:
        yield
    except errors.QuotaExceeded as refused:
        if payer == caller:
            raise
        raise errors.QuotaExceeded(
            "This would exceed the storage quota of the shared folder's owner."
        ) from refused


async def _store(
    *,
    db: Database,
    settings: Settings,
    user_id: str,
    username: str,
    current: EntryRecord,
    at_rev: int,
    resolution: str,
    upload: blobs.Readable,
    quota_left: int | None,
) -> ResolvedRecord:
    blob = await blobs.write_blob(
        db=db,
        stream=upload,
        max_bytes=settings.max_upload_bytes,
        quota_left=quota_left,
        filename=current.name,
    )
    if resolution == "keep_both":
        assert current.parent_id is not None  # a file always has a folder
        copy = await files.store_conflicted_copy(
            db=db,
            user_id=user_id,
            folder_id=current.parent_id,
            name=current.name,
            blob=blob,
            username=username,
        )
        return ResolvedRecord(file=current, conflicted_copy=copy)
    updated = await files.commit_revision(
        db=db,
        user_id=user_id,
        file_id=current.id,
        parent_rev=at_rev,
        blob=blob,
        keep=settings.max_revisions_per_file,
    )
    return ResolvedRecord(file=updated)
