"""The stored shape of an entry, built in one place: `new_entry` makes every entry
document (the root, a folder, an uploaded file, a copy, a mount); `slot` follows one
rule (`live_slot` / `trashed_slot`). No queries here: files/store.py, trash_store.py
and share_marks.py run them (store.py re-exports these names)."""

from __future__ import annotations

from collections.abc import Mapping
from datetime import datetime
from typing import Any, NotRequired, TypedDict, cast

from bson import ObjectId

from dropbox_lite.files import names

ENTRIES = "entries"


class Content(TypedDict):
    """The fields that name a file's bytes, an entry's or a revision's: a block list, or
    an old whole-file blob."""

    size: int
    content_hash: str
    sha256: str
    blob_id: ObjectId | None
    blocks: list[str] | None  # SHA-256 of each 4 MiB block
    block_ids: list[ObjectId] | None  # the stored blocks, in order


class FileFields(Content):
    """What an entry holds of a file's bytes: their content and their MIME type."""

    mime_type: str


class EntryDoc(TypedDict):
    _id: ObjectId
    owner_id: ObjectId
    parent_id: ObjectId | None
    name: str
    name_key: str
    slot: str
    is_file: bool
    size: int
    rev: int
    created_at: datetime
    modified_at: datetime
    trashed: bool
    trashed_at: datetime | None
    trash_root: bool
    deleted: bool
    seq: int
    content_hash: NotRequired[str]
    sha256: NotRequired[str]
    blob_id: NotRequired[ObjectId | None]  # an old whole-file blob
    blocks: NotRequired[list[str] | None]  # SHA-256 of each 4 MiB block
    block_ids: NotRequired[list[ObjectId] | None]  # the stored blocks, in order
    mime_type: NotRequired[str]
    share_id: NotRequired[ObjectId | None]
    left_share: NotRequired[ObjectId | None]
    mount_of: NotRequired[ObjectId]
    mount_owner: NotRequired[ObjectId]


# Partial reads: the fields a projection asks for, each in one place. Where the caller
# names the fields (walk_up) or an old document may lack one, the type is total=False.


class NameAndParent(TypedDict):
    """What an entry's path is built from (`store.names_and_parents`)."""

    _id: ObjectId
    name: str
    parent_id: ObjectId | None


class Ancestor(TypedDict, total=False):
    """A folder on the walk up (`store.walk_up`): its parent and the fields asked for."""

    _id: ObjectId
    parent_id: ObjectId | None
    seq: int
    trashed: bool
    trashed_at: datetime | None
    deleted: bool
    share_id: ObjectId | None


class OwnedFile(TypedDict, total=False):
    """A file as the quota counts it (`store.owner_files`)."""

    _id: ObjectId
    rev: int
    size: int
    modified_at: datetime
    content_hash: str
    sha256: str
    blob_id: ObjectId | None
    blocks: list[str] | None
    block_ids: list[ObjectId] | None


class Owned(TypedDict):
    """An entry and its owner, nothing else (`trash_store.expired_trash`)."""

    _id: ObjectId
    owner_id: ObjectId


class Mark(TypedDict, total=False):
    """What a folder's WebDAV ETag and size are made of (`share_marks.marks_below`)."""

    _id: ObjectId
    parent_id: ObjectId
    seq: int
    is_file: bool
    size: int
    trashed: bool
    deleted: bool
    mount_of: ObjectId
    mount_owner: ObjectId


def changed(doc: EntryDoc, changes: Mapping[str, Any]) -> EntryDoc:
    """`doc` with `changes` (fields of its shape just written to it): its new state."""
    return cast(EntryDoc, {**doc, **changes})


def live_slot(name: str) -> str:
    """The slot of a live entry: its name key (unique in its folder)."""
    return names.name_key(name)


def trashed_slot(key: str, entry_id: ObjectId) -> str:
    """The slot of a trashed or purged entry: never clashes with a live one."""
    return f"{key}\x00{entry_id}"


def new_entry(
    *,
    owner: ObjectId,
    parent: ObjectId | None,
    name: str,
    is_file: bool,
    seq: int,
    at: datetime,
    entry_id: ObjectId | None = None,
    file: FileFields | EntryDoc | None = None,
    share: ObjectId | None = None,
    mount_of: tuple[ObjectId, ObjectId] | None = None,
) -> EntryDoc:
    """The one constructor of an entry document: live, at rev 1 (files) or 0 (folders).

    `file`: size, content_hash, sha256, mime_type and the content (blocks and
    block_ids, or an old blob_id) of a file's bytes.
    `share`: the shared folder it is in; `mount_of`: the shared folder a mount stands
    for, and its owner.
    """
    key = "" if parent is None else live_slot(name)
    doc: EntryDoc = {
        "_id": entry_id or ObjectId(),
        "owner_id": owner,
        "parent_id": parent,
        "name": name,
        "name_key": key,
        "slot": key,
        "is_file": is_file,
        "size": 0,
        "rev": 1 if is_file else 0,
        "created_at": at,
        "modified_at": at,
        "trashed": False,
        "trashed_at": None,
        "trash_root": False,
        "deleted": False,
        "seq": seq,
    }
    if is_file and file is not None:
        doc["size"] = int(file["size"])
        doc["content_hash"] = file["content_hash"]
        doc["sha256"] = file["sha256"]
        doc["blob_id"] = file.get("blob_id")
        block_ids = file.get("block_ids")
        if block_ids is not None:
            doc["blocks"] = list(file.get("blocks") or ())
            doc["block_ids"] = list(block_ids)
        doc["mime_type"] = file["mime_type"]
    if share is not None:
        doc["share_id"] = share
    if mount_of is not None:
        doc["mount_of"], doc["mount_owner"] = mount_of
    return doc


def owned_or_shared(owner: ObjectId, shares: list[ObjectId]) -> dict[str, Any]:
    """The owner's entries and those in the shared folders they are a member of (not the
    shared folders themselves: their members see their mounts instead)."""
    if not shares:
        return {"owner_id": owner}
    inside = {"share_id": {"$in": shares}, "_id": {"$nin": shares}}
    return {"$or": [{"owner_id": owner}, inside]}
