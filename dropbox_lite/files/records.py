"""The plain records the files service returns, and their making from stored documents."""

from __future__ import annotations

import mimetypes
from collections.abc import Mapping
from dataclasses import dataclass, replace
from datetime import datetime
from typing import Any

from bson import ObjectId

from dropbox_lite.core import errors
from dropbox_lite.core.clock import aware, maybe_aware
from dropbox_lite.core.clock import now as now  # the files modules take it from here
from dropbox_lite.files import blobs
from dropbox_lite.files.entry_doc import Content, EntryDoc, FileFields
from dropbox_lite.files.revision_store import StoredRevision

FALLBACK_MIME = "application/octet-stream"
OWNER = "owner"  # the role of whoever reads their own entries


@dataclass(frozen=True)
class EntryRecord:
    id: str
    owner_id: str
    parent_id: str | None
    name: str
    is_file: bool
    size: int
    rev: int
    content_hash: str
    sha256: str
    mime_type: str
    blob_id: str | None
    created_at: datetime
    modified_at: datetime
    trashed: bool
    deleted: bool
    seq: int
    trashed_at: datetime | None = None
    trash_root: bool = False
    share_id: str | None = None  # the shared folder it is (in), if any
    mount_of: str | None = None  # a mount: the shared folder it stands for
    via: str | None = None  # seen by a member: their mount (stands for share_id)
    role: str = OWNER  # the role of whoever it was read for (owner, editor, viewer)


@dataclass(frozen=True)
class RevisionRecord:
    file_id: str
    rev: int
    size: int
    content_hash: str
    sha256: str
    blob_id: str
    created_at: datetime


@dataclass(frozen=True)
class EntryPage:
    items: list[EntryRecord]
    total_count: int | None  # None when not counted
    start_cursor: str | None
    end_cursor: str | None
    has_next_page: bool
    has_previous_page: bool


@dataclass(frozen=True)
class Usage:
    used_bytes: int
    quota_bytes: int | None


def _str(value: Any) -> str | None:
    return None if value is None else str(value)


def entry_record(doc: EntryDoc, *, via: ObjectId | None = None, role: str = OWNER) -> EntryRecord:
    """The record of a stored document, as its reader sees it: `via` their mount when a
    member reads it (files/access.py), with their `role`."""
    blob_id = content_of(doc)
    parent_id = doc.get("parent_id")
    if via is not None and parent_id == doc.get("share_id"):
        parent_id = via  # the top of a shared folder, seen in a member's tree
    created = aware(doc["created_at"])
    modified = aware(doc["modified_at"])
    return EntryRecord(
        id=str(doc["_id"]),
        owner_id=str(doc["owner_id"]),
        parent_id=None if parent_id is None else str(parent_id),
        name=doc["name"],
        is_file=bool(doc["is_file"]),
        size=int(doc.get("size", 0)),
        rev=int(doc.get("rev", 0)),
        content_hash=doc.get("content_hash", ""),
        sha256=doc.get("sha256", ""),
        mime_type=doc.get("mime_type", ""),
        blob_id=blob_id,
        created_at=created,
        modified_at=modified,
        trashed=bool(doc.get("trashed", False)),
        deleted=bool(doc.get("deleted", False)),
        seq=int(doc.get("seq", 0)),
        trashed_at=maybe_aware(doc.get("trashed_at")),
        trash_root=bool(doc.get("trash_root", False)),
        share_id=_str(doc.get("share_id")),
        mount_of=_str(doc.get("mount_of")),
        via=_str(via),
        role=role,
    )


@dataclass(frozen=True)
class Seen:
    """An entry document as one reader sees it (files/access.py): their own (`via`
    None), or a member's, through their mount `via`, with their `role`."""

    entry: EntryDoc
    via: ObjectId | None = None
    role: str = OWNER

    def record(self) -> EntryRecord:
        return entry_record(self.entry, via=self.via, role=self.role)

    def of(self, doc: EntryDoc) -> Seen:
        """Another document (a new state of this one, or one below it) seen the same way."""
        return replace(self, entry=doc)


def seen_as(doc: EntryDoc, record: EntryRecord) -> Seen:
    """`doc` seen by the reader of `record` (a child or a new state of what they saw)."""
    if record.via is None:
        return Seen(doc)
    return Seen(doc, via=ObjectId(record.via), role=record.role)


def revision_record(stored: StoredRevision) -> RevisionRecord:
    """The service's answer for a stored revision: its bytes named by one content handle
    (the block ids it is stored as stay in the store's record)."""
    return RevisionRecord(
        file_id=str(stored.entry_id),
        rev=stored.rev,
        size=stored.size,
        content_hash=stored.content_hash,
        sha256=stored.sha256,
        blob_id=revision_content(stored) or "",
        created_at=stored.created_at,
    )


def revision_content(stored: StoredRevision) -> str | None:
    """The content handle of a stored revision (like content_of for a document)."""
    if stored.block_ids is not None:
        return blobs.handle(stored.block_ids)
    return None if stored.blob_id is None else str(stored.blob_id)


def oid(value: str | None) -> ObjectId:
    """The ObjectId of an API id; NotFound when it cannot be one (like a missing id)."""
    if not isinstance(value, str) or not ObjectId.is_valid(value):
        raise errors.NotFound()
    return ObjectId(value)


def mime_type_for(name: str) -> str:
    guessed, _ = mimetypes.guess_type(name, strict=False)
    return guessed or FALLBACK_MIME


def content_of(doc: Mapping[str, Any]) -> str | None:
    """The content handle of an entry or revision document (None once purged)."""
    block_ids = doc.get("block_ids")
    if block_ids is not None:
        return blobs.handle(block_ids)
    blob_id = doc.get("blob_id")
    return None if blob_id is None else str(blob_id)


def file_fields(blob: blobs.BlobRecord, *, name: str) -> FileFields:
    """The entry fields that point a file at stored bytes."""
    whole = blob.block_ids is None
    return {
        "size": blob.size,
        "content_hash": blob.content_hash,
        "sha256": blob.sha256,
        "mime_type": mime_type_for(name),
        "blob_id": ObjectId(blob.blob_id) if whole else None,
        "blocks": None if whole else list(blob.blocks or ()),
        "block_ids": None if blob.block_ids is None else list(blob.block_ids),
    }


def content_fields(doc: Mapping[str, Any]) -> Content:
    """The content fields of a stored revision or entry (to make it current again)."""
    return {
        "blob_id": doc.get("blob_id"),
        "blocks": doc.get("blocks"),
        "block_ids": doc.get("block_ids"),
        "size": int(doc["size"]),
        "content_hash": doc["content_hash"],
        "sha256": doc.get("sha256", ""),
    }
