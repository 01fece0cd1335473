"""Pages of entries (a folder's children, the trash) with their cursors, and name search."""

from __future__ import annotations

import base64
import binascii
import json
import re
from typing import Any

from bson import ObjectId

from dropbox_lite.core import errors
from dropbox_lite.core.db import Database
from dropbox_lite.files import names, store
from dropbox_lite.files.entries import contents_of, get_folder
from dropbox_lite.files.entry_doc import EntryDoc
from dropbox_lite.files.records import EntryPage, EntryRecord, Seen, oid, seen_as
from dropbox_lite.sharing import members

MAX_PAGE = 1000
MAX_SEARCH = 200


def _encode_cursor(value: list[Any]) -> str:
    return base64.urlsafe_b64encode(json.dumps(value).encode()).decode().rstrip("=")


def _decode_cursor(cursor: str) -> list[Any]:
    try:
        raw = base64.urlsafe_b64decode(cursor + "=" * (-len(cursor) % 4))
        value = json.loads(raw)
    except (binascii.Error, ValueError, UnicodeDecodeError):
        raise errors.BadInput("This cursor is not valid.") from None
    if not isinstance(value, list):
        raise errors.BadInput("This cursor is not valid.")
    return value


def _page_size(first: int) -> int:
    if first < 0:
        raise errors.BadInput("`first` cannot be negative.")
    return min(first, MAX_PAGE)


async def list_children(
    *,
    db: Database,
    user_id: str,
    folder_id: str | None,
    first: int = 100,
    after: str | None = None,
    count: bool = True,
    folder: EntryRecord | None = None,
) -> EntryPage:
    """A page of a folder's live children: folders first, then by name ignoring case.

    Names are unique per folder by their key, so (is_file, name_key) orders the
    children totally and a page is one query on the `listing` index: an equality
    prefix, then a range. `count`: also count the whole listing (a second query;
    total_count is None without it). `folder`: the folder, already read for this
    user (saves reading it again).
    """
    limit = _page_size(first)
    if folder is None or folder.is_file:
        folder = await get_folder(db=db, user_id=user_id, folder_id=folder_id)
    owner, parent, view = await contents_of(db, folder)
    start: tuple[bool, str] | None = None
    if after is not None:
        value = _decode_cursor(after)
        if len(value) != 2 or not isinstance(value[0], bool) or not isinstance(value[1], str):
            raise errors.BadInput("This cursor is not valid.")
        start = (value[0], value[1])
    share = member_scope(view)
    docs = await store.children_page(db, owner, parent, after=start, limit=limit + 1, share=share)
    has_next = len(docs) > limit
    docs = docs[:limit]
    total = await store.count_children(db, owner, parent, share) if count else None
    items = [seen_as(doc, view).record() for doc in docs]
    return EntryPage(
        items=items,
        total_count=total,
        start_cursor=_encode_cursor([docs[0]["is_file"], docs[0]["name_key"]]) if docs else None,
        end_cursor=_encode_cursor([docs[-1]["is_file"], docs[-1]["name_key"]]) if docs else None,
        has_next_page=has_next,
        has_previous_page=after is not None,
    )


def member_scope(view: EntryRecord) -> ObjectId | None:
    """A member reads only what is inside the shared folder: an entry on its way out
    (withdrawn from the share before it moves) is not listed to them (None: the owner)."""
    return ObjectId(view.share_id) if view.via is not None and view.share_id else None


async def count_children(*, db: Database, folder: EntryRecord) -> int:
    """How many live children a folder the reader holds has (a mount: its share's)."""
    owner, parent, view = await contents_of(db, folder)
    return await store.count_children(db, owner, parent, member_scope(view))


async def _shared_with(db: Database, user: ObjectId) -> dict[ObjectId, members.Membership]:
    """The user's memberships by shared folder (trash and search cover them too)."""
    return {m.share_id: m for m in await members.of_user(db, user)}


def _seen(doc: EntryDoc, user: ObjectId, shared: dict[ObjectId, members.Membership]) -> Seen:
    share = doc.get("share_id")
    membership = shared.get(share) if share is not None and doc["owner_id"] != user else None
    if membership is None:
        return Seen(doc)
    return Seen(doc, via=membership.mount_id, role=membership.role)


def child_cursor(record: EntryRecord) -> str:
    """The opaque cursor of one child in its folder's listing."""
    return _encode_cursor([record.is_file, names.name_key(record.name)])


async def list_trash(
    *, db: Database, user_id: str, first: int = 100, after: str | None = None
) -> EntryPage:
    """Entries deleted explicitly (not those inside a deleted folder), newest first."""
    limit = _page_size(first)
    owner = oid(user_id)
    before: ObjectId | None = None
    if after is not None:
        value = _decode_cursor(after)
        if len(value) != 1 or not isinstance(value[0], str) or not ObjectId.is_valid(value[0]):
            raise errors.BadInput("This cursor is not valid.")
        before = ObjectId(value[0])
    shared = await _shared_with(db, owner)
    shares = list(shared)
    docs = await store.trash_page(db, owner, before=before, limit=limit + 1, shares=shares)
    has_next = len(docs) > limit
    docs = docs[:limit]
    total = await store.count_trash(db, owner, shares)
    return EntryPage(
        items=[_seen(d, owner, shared).record() for d in docs],
        total_count=total,
        start_cursor=_encode_cursor([str(docs[0]["_id"])]) if docs else None,
        end_cursor=_encode_cursor([str(docs[-1]["_id"])]) if docs else None,
        has_next_page=has_next,
        has_previous_page=after is not None,
    )


def trash_cursor(record: EntryRecord) -> str:
    return _encode_cursor([record.id])


async def search(*, db: Database, user_id: str, query: str, first: int = 50) -> list[EntryRecord]:
    """Live entries whose name contains `query`, ignoring case (the input is escaped)."""
    limit = min(max(first, 0), MAX_SEARCH)
    needle = names.name_key(query.strip())
    if not needle or limit == 0:
        return []
    user = oid(user_id)
    shared = await _shared_with(db, user)
    found = await store.find_by_name(db, user, re.escape(needle), limit=limit, shares=list(shared))
    return [_seen(doc, user, shared).record() for doc in found]
