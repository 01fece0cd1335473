"""Every query on upload sessions (`upload_sessions`) and their staged blocks
(`upload_parts`): files/session_lifecycle.py, session_append.py, session_finish.py and
blob gc call these (see files/sessions.py for what a session is).

A session is `{_id, user_id, created_at, expires_at, length, offset, version, blocks,
block_ids, tail_id, tail_size, metadata, committed: {entry_id, rev} | None}`; a staged
part is `{_id: "<session>:<index>", session_id, user_id, index, sha, size, block_ids:
[block], expires_at}`. They leave this module as `StoredSession` and `StoredPart`
records; the documents are built and read here only.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, replace
from datetime import datetime
from types import MappingProxyType
from typing import Any

from bson import ObjectId
from pymongo.errors import BulkWriteError

from dropbox_lite.core.clock import aware
from dropbox_lite.core.db import Database

SESSIONS = "upload_sessions"
PARTS = "upload_parts"


@dataclass(frozen=True)
class StoredSession:
    """An upload session as stored: its bytes at offsets (blocks and a tail) or, when
    it has none, its staged parts by index (`StoredPart`)."""

    id: ObjectId
    user_id: ObjectId
    created_at: datetime
    expires_at: datetime
    length: int | None  # the declared length (tus), if any
    offset: int  # bytes appended at offsets so far
    version: int  # moved by every append: (offset, version) is compared and set
    blocks: tuple[str, ...]  # the whole blocks appended, their digests ...
    block_ids: tuple[ObjectId, ...]  # ... and their stored ids
    tail_id: ObjectId | None  # the last, unfinished block (a staged blob), if any
    tail_size: int
    metadata: Mapping[str, str]
    committed_id: ObjectId | None  # the file its content became, once finished
    committed_rev: int | None


@dataclass(frozen=True)
class StoredPart:
    """A block staged by its index (`PUT .../blocks/{index}`)."""

    session_id: ObjectId
    user_id: ObjectId
    index: int
    sha: str  # the block's SHA-256
    size: int
    block_id: ObjectId
    expires_at: datetime


def _session(doc: Mapping[str, Any]) -> StoredSession:
    committed = doc.get("committed") or {}
    return StoredSession(
        id=doc["_id"],
        user_id=doc["user_id"],
        created_at=aware(doc["created_at"]),
        expires_at=aware(doc["expires_at"]),
        length=None if doc.get("length") is None else int(doc["length"]),
        offset=int(doc["offset"]),
        version=int(doc["version"]),
        blocks=tuple(doc["blocks"]),
        block_ids=tuple(doc["block_ids"]),
        tail_id=doc.get("tail_id"),
        tail_size=int(doc.get("tail_size") or 0),
        metadata=MappingProxyType(dict(doc.get("metadata") or {})),
        committed_id=committed.get("entry_id"),
        committed_rev=None if committed.get("rev") is None else int(committed["rev"]),
    )


def _part(doc: Mapping[str, Any]) -> StoredPart:
    return StoredPart(
        session_id=doc["session_id"],
        user_id=doc["user_id"],
        index=int(doc["index"]),
        sha=str(doc["sha"]),
        size=int(doc["size"]),
        block_id=doc["block_ids"][0],
        expires_at=doc["expires_at"],
    )


def _part_doc(part: StoredPart) -> dict[str, Any]:
    return {
        "_id": f"{part.session_id}:{part.index}",
        "session_id": part.session_id,
        "user_id": part.user_id,
        "index": part.index,
        "sha": part.sha,
        "size": part.size,
        "block_ids": [part.block_id],
        "expires_at": part.expires_at,
    }


# -- sessions --------------------------------------------------------------------------


async def new_session(
    db: Database,
    *,
    user: ObjectId,
    at: datetime,
    expires_at: datetime,
    length: int | None,
    metadata: Mapping[str, str],
) -> StoredSession:
    """Open an empty session."""
    doc: dict[str, Any] = {
        "_id": ObjectId(),
        "user_id": user,
        "created_at": at,
        "expires_at": expires_at,
        "length": length,
        "offset": 0,
        "version": 0,
        "blocks": [],
        "block_ids": [],
        "tail_id": None,
        "tail_size": 0,
        "metadata": dict(metadata),
        "committed": None,
    }
    await db.collection(SESSIONS).insert_one(doc)
    return _session(doc)


async def find_session(db: Database, session_id: ObjectId, user: ObjectId) -> StoredSession | None:
    """The user's session by id, expired or not."""
    found = await db.collection(SESSIONS).find_one({"_id": session_id, "user_id": user})
    return None if found is None else _session(found)


async def find_sessions(
    db: Database, session_ids: list[ObjectId], user: ObjectId
) -> list[StoredSession]:
    """The user's sessions among these ids, expired or not (one query)."""
    cursor = db.collection(SESSIONS).find({"_id": {"$in": list(set(session_ids))}, "user_id": user})
    return [_session(doc) async for doc in cursor]


async def expired_sessions(db: Database, at: datetime) -> list[StoredSession]:
    cursor = db.collection(SESSIONS).find({"expires_at": {"$lt": at}})
    return [_session(doc) async for doc in cursor]


async def advance(
    db: Database,
    session: StoredSession,
    *,
    offset: int,
    more_blocks: Sequence[str],
    more_block_ids: Sequence[ObjectId],
    tail_id: ObjectId | None,
    tail_size: int,
) -> tuple[StoredSession | None, int | None]:
    """Compare-and-set the session from the offset and version it has to `offset`, its
    blocks followed by `more_blocks`, and this tail: (the session now, None) when it
    moved, else (None, its offset now: None when it is gone)."""
    moved = replace(
        session,
        offset=offset,
        version=session.version + 1,
        blocks=(*session.blocks, *more_blocks),
        block_ids=(*session.block_ids, *more_block_ids),
        tail_id=tail_id,
        tail_size=tail_size,
    )
    result = await db.collection(SESSIONS).update_one(
        {"_id": session.id, "offset": session.offset, "version": session.version},
        {
            "$set": {
                "offset": moved.offset,
                "version": moved.version,
                "blocks": list(moved.blocks),
                "block_ids": list(moved.block_ids),
                "tail_id": moved.tail_id,
                "tail_size": moved.tail_size,
            }
        },
    )
    if result.matched_count == 1:
        return moved, None
    current = await db.collection(SESSIONS).find_one({"_id": session.id}, {"offset": 1})
    return None, None if current is None else int(current["offset"])


async def mark_committed(db: Database, session_id: ObjectId, entry_id: ObjectId, rev: int) -> None:
    """The session became revision `rev` of this file."""
    await db.collection(SESSIONS).update_one(
        {"_id": session_id}, {"$set": {"committed": {"entry_id": entry_id, "rev": rev}}}
    )


async def drop_session(db: Database, session_id: ObjectId) -> None:
    """Delete the session and its staged parts (its tail blob is the caller's)."""
    await db.collection(PARTS).delete_many({"session_id": session_id})
    await db.collection(SESSIONS).delete_one({"_id": session_id})


async def sessions_with_blocks(
    db: Database, user: ObjectId, digests: list[str], at: datetime
) -> list[tuple[list[str], list[ObjectId]]]:
    """The user's live sessions holding any of these blocks: (digests, block ids) of each."""
    cursor = db.collection(SESSIONS).find(
        {"user_id": user, "blocks": {"$in": digests}, "expires_at": {"$gt": at}},
        {"blocks": 1, "block_ids": 1},
    )
    return [(doc["blocks"], doc["block_ids"]) async for doc in cursor]


# -- staged parts ----------------------------------------------------------------------


async def put_parts(db: Database, parts: Sequence[StoredPart]) -> None:
    """Insert staged blocks by their unique ids (session and index), replacing any sent
    before under the same id (a block sent again): one round trip when none was."""
    if not parts:
        return
    docs = [_part_doc(part) for part in parts]
    try:
        await db.collection(PARTS).insert_many(docs, ordered=False)
    except BulkWriteError:
        for doc in docs:
            await db.collection(PARTS).replace_one({"_id": doc["_id"]}, doc, upsert=True)


async def parts_of(db: Database, session_ids: list[ObjectId]) -> list[StoredPart]:
    """The staged parts of these sessions (any order)."""
    cursor = db.collection(PARTS).find({"session_id": {"$in": session_ids}})
    return [_part(doc) async for doc in cursor]


async def parts_with_blocks(
    db: Database, user: ObjectId, digests: list[str], at: datetime
) -> list[tuple[list[str], list[ObjectId]]]:
    """The user's unexpired staged parts of these digests: ([digest], block ids) of each."""
    cursor = db.collection(PARTS).find(
        {"user_id": user, "sha": {"$in": digests}, "expires_at": {"$gt": at}},
        {"sha": 1, "block_ids": 1},
    )
    return [([part["sha"]], part["block_ids"]) async for part in cursor]


async def prune_parts(db: Database, at: datetime) -> None:
    await db.collection(PARTS).delete_many({"expires_at": {"$lt": at}})


# -- for blob gc -----------------------------------------------------------------------


async def holds_blob(db: Database, blob_id: ObjectId) -> bool:
    """Whether a session (as its blocks or its tail) or a staged part holds this blob."""
    sessions = {"$or": [{"tail_id": blob_id}, {"block_ids": blob_id}]}
    if await db.collection(SESSIONS).find_one(sessions, {"_id": 1}) is not None:
        return True
    return await db.collection(PARTS).find_one({"block_ids": blob_id}, {"_id": 1}) is not None
