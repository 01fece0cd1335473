"""File history: claiming the next revision, reading old ones, restoring one."""

from __future__ import annotations

from dataclasses import replace
from datetime import datetime, timedelta

from bson import ObjectId

from dropbox_lite.core import errors
from dropbox_lite.core.db import Database
from dropbox_lite.files import blobs, journal, store
from dropbox_lite.files.entries import entry_doc
from dropbox_lite.files.entry_doc import EntryDoc, FileFields
from dropbox_lite.files.quota import Budget, expire_beyond, release, reserve, trim
from dropbox_lite.files.records import (
    FALLBACK_MIME,
    EntryRecord,
    RevisionRecord,
    content_of,
    file_fields,
    now,
    oid,
    revision_record,
)
from dropbox_lite.files.revision_store import content_fields
from dropbox_lite.files.store import DuplicateKeyError

MAX_REVISIONS = 100
# Retries of an optimistic write that lost a race to another writer of the same name.
MAX_ATTEMPTS = 20
# A revision claim older than this whose entry never moved on was left by a dead writer.
CLAIM_LEASE = timedelta(seconds=30)


async def list_revisions(
    *, db: Database, user_id: str, file_id: str, first: int = 20
) -> list[RevisionRecord]:
    """A file's revisions, newest first."""
    doc = (await entry_doc(db, oid(user_id), file_id, include_trashed=True)).entry
    if not doc["is_file"]:
        raise errors.NotFound()
    limit = min(max(first, 0), MAX_REVISIONS)
    if limit == 0:
        return []
    # A claim above the entry's rev is a write still in flight (see new_revision).
    found = await store.revisions_of(db, doc["_id"], up_to=int(doc.get("rev", 0)), limit=limit)
    return [revision_record(r) for r in found]


async def get_revision(*, db: Database, user_id: str, file_id: str, rev: int) -> RevisionRecord:
    """One revision of the user's file; NotFound when there is no such revision."""
    return revision_record(await _stored_revision(db, user_id=user_id, file_id=file_id, rev=rev))


async def _stored_revision(
    db: Database, *, user_id: str, file_id: str, rev: int
) -> store.StoredRevision:
    doc = (await entry_doc(db, oid(user_id), file_id, include_trashed=True)).entry
    if not doc["is_file"]:
        raise errors.NotFound()
    found = await store.find_revision(db, doc["_id"], rev)
    if found is None or rev > int(doc.get("rev", 0)):
        raise errors.NotFound("This file has no such revision.")
    return found


async def fetch_file(
    *, db: Database, user_id: str, file_id: str, rev: int | None = None
) -> EntryRecord:
    """The file, with size, hashes and blob of revision `rev` (default: the current one)."""
    seen = await entry_doc(db, oid(user_id), file_id, include_trashed=True)
    if not seen.entry["is_file"] or content_of(seen.entry) is None:
        raise errors.NotFound()
    record = seen.record()
    if rev is None or rev == record.rev:
        return record
    revision = await get_revision(db=db, user_id=user_id, file_id=file_id, rev=rev)
    return replace(
        record,
        rev=revision.rev,
        size=revision.size,
        content_hash=revision.content_hash,
        sha256=revision.sha256,
        blob_id=revision.blob_id,
    )


async def read_file_bytes(
    *, db: Database, user_id: str, file_id: str, rev: int | None = None, limit: int
) -> bytes:
    """A small file's bytes at a revision (merges)."""
    record = await fetch_file(db=db, user_id=user_id, file_id=file_id, rev=rev)
    assert record.blob_id is not None
    return await blobs.read_all(db=db, blob_id=record.blob_id, limit=limit)


def same_content(current: EntryDoc, blob: blobs.BlobRecord) -> bool:
    """Whether the file's current revision holds these bytes (by the content hash, which
    every revision has, whether stored as blocks or as one old blob)."""
    return bool(current.get("content_hash")) and current.get("content_hash") == blob.content_hash


async def record_revision(
    db: Database,
    *,
    entry_id: ObjectId,
    owner: ObjectId,
    rev: int,
    fields: FileFields,
    at: datetime,
) -> None:
    """Add rev `rev` of the file to its history (the unique (entry_id, rev) index may refuse)."""
    await store.insert_revision(
        db, store.new_revision(entry_id=entry_id, owner=owner, rev=rev, fields=fields, at=at)
    )


async def _claim(
    db: Database,
    *,
    current: EntryDoc,
    owner: ObjectId,
    rev: int,
    fields: FileFields,
    at: datetime,
) -> bool:
    """Insert the record of `rev`: True if this writer got it.

    A claim left by a writer that died before updating the entry (the entry is still
    at the rev below, and the claim is older than CLAIM_LEASE) is taken over, or no
    writer could ever make that revision again.
    """
    for _ in range(2):
        try:
            await record_revision(
                db, entry_id=current["_id"], owner=owner, rev=rev, fields=fields, at=at
            )
            return True
        except DuplicateKeyError:
            pass
        claim = await store.find_revision(db, current["_id"], rev)
        if claim is None or await store.entry_rev(db, current["_id"]) != int(current["rev"]):
            return False
        if claim.created_at > at - CLAIM_LEASE:
            return False  # a live writer is at work
        await store.delete_revision(db, claim.id)
    return False


async def new_revision(
    db: Database,
    *,
    current: EntryDoc,
    fields: FileFields,
    keep: int = MAX_REVISIONS,
    known: Budget | None = None,
) -> EntryDoc | None:
    """Make `fields` the next revision if the file is still at current's rev; else None.

    The revision record is inserted first: the unique (entry_id, rev) index lets
    exactly one writer claim rev N+1 on every backend. A conditional update alone is
    not enough on FerretDB v1, which evaluates it without isolation (several writers
    all match the old rev and the last one silently wins).

    The new bytes are taken from the quota; the old revision stays as history (it
    counts too) and is the first to expire when the owner is then over quota. The
    file keeps at most `keep` revisions.
    """
    owner: ObjectId = current["owner_id"]
    size = int(fields["size"])
    allowance = int(current.get("size", 0))
    at = now()
    rev = int(current["rev"]) + 1
    if not await _claim(db, current=current, owner=owner, rev=rev, fields=fields, at=at):
        return None  # another writer took this revision first
    updated: EntryDoc | None = None
    over = False
    try:
        over = await reserve(db, owner, size, allowance=allowance, known=known)
        try:
            async with journal.change(db=db, owner_id=owner) as seq:
                if await store.move_to_revision(
                    db, current, rev=rev, fields=fields, at=at, seq=seq
                ):
                    updated = store.changed(
                        current, {**fields, "rev": rev, "modified_at": at, "seq": seq}
                    )
                    updated["mime_type"] = current.get("mime_type", fields["mime_type"])
        finally:
            if updated is None:
                await release(db, owner, size, history=allowance)
    finally:
        if updated is None:
            await store.drop_claim(db, current["_id"], rev)
    if updated is None:
        return None
    await expire_beyond(db, owner=owner, entry_id=current["_id"], rev=rev, keep=keep)
    if over:
        await trim(db, owner)
    return updated


async def commit_revision(
    *,
    db: Database,
    user_id: str,
    file_id: str,
    parent_rev: int,
    blob: blobs.BlobRecord,
    keep: int = MAX_REVISIONS,
) -> EntryRecord:
    """Make stored bytes the file's next revision if it is still at `parent_rev` (Conflict).

    The file keeps at most `keep` revisions (the server's MAX_REVISIONS_PER_FILE).
    """
    seen = await entry_doc(db, oid(user_id), file_id, write=True)
    current = seen.entry
    if not current["is_file"]:
        raise errors.NotFound()
    if current["rev"] != parent_rev:
        raise errors.Conflict(current=seen.record(), your_parent_rev=parent_rev)
    if same_content(current, blob):
        return seen.record()
    fields = file_fields(blob, name=current["name"])
    updated = await new_revision(db, current=current, fields=fields, keep=keep)
    if updated is None:
        latest = await entry_doc(db, oid(user_id), file_id)
        raise errors.Conflict(current=latest.record(), your_parent_rev=parent_rev)
    return seen.of(updated).record()


async def restore_revision(
    *, db: Database, user_id: str, file_id: str, rev: int, keep: int = MAX_REVISIONS
) -> EntryRecord:
    """Make an old revision's bytes the file's newest revision (keeping at most `keep`)."""
    stored = await _stored_revision(db, user_id=user_id, file_id=file_id, rev=rev)
    revision = revision_record(stored)
    for _ in range(MAX_ATTEMPTS):
        seen = await entry_doc(db, oid(user_id), file_id, write=True)
        current = seen.entry
        if current.get("content_hash") == revision.content_hash:
            return seen.record()
        fields: FileFields = {
            **content_fields(stored),
            "mime_type": current.get("mime_type", FALLBACK_MIME),
        }
        updated = await new_revision(db, current=current, fields=fields, keep=keep)
        if updated is not None:
            return seen.of(updated).record()
    raise errors.Conflict("Too many concurrent writers; try again.")
