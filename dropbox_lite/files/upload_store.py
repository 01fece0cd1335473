"""Every query on upload sessions (`upload_sessions`) and their staged blocks
(`upload_parts`): files/session_lifecycle.py, session_append.py, session_finish.py and
blob gc call these (see files/sessions.py for what a session is).

The documents stay dicts here (the session modules build them); this module is the one
that touches the two collections.
"""

from __future__ import annotations

from datetime import datetime
from typing import Any

from bson import ObjectId
from pymongo.errors import BulkWriteError

from dropbox_lite.core.db import Database

SESSIONS = "upload_sessions"
PARTS = "upload_parts"


# -- sessions --------------------------------------------------------------------------


async def insert_session(db: Database, doc: dict[str, Any]) -> None:
    await db.collection(SESSIONS).insert_one(doc)


async def find_session(db: Database, session_id: ObjectId, user: ObjectId) -> dict[str, Any] | None:
    """The user's session by id, expired or not."""
    found: dict[str, Any] | None = await db.collection(SESSIONS).find_one(
        {"_id": session_id, "user_id": user}
    )
    return found


async def find_sessions(
    db: Database, session_ids: list[ObjectId], user: ObjectId
) -> list[dict[str, Any]]:
    """The user's sessions among these ids, expired or not (one query)."""
    cursor = db.collection(SESSIONS).find({"_id": {"$in": list(set(session_ids))}, "user_id": user})
    return [doc async for doc in cursor]


async def expired_sessions(db: Database, at: datetime) -> list[dict[str, Any]]:
    return [doc async for doc in db.collection(SESSIONS).find({"expires_at": {"$lt": at}})]


async def advance(
    db: Database, doc: dict[str, Any], changes: dict[str, Any]
) -> tuple[bool, int | None]:
    """Compare-and-set the session from the offset and version `doc` has to `changes`:
    (True, None) when it moved, else (False, its offset now: None when it is gone)."""
    result = await db.collection(SESSIONS).update_one(
        {"_id": doc["_id"], "offset": doc["offset"], "version": doc["version"]},
        {"$set": changes},
    )
    if result.matched_count == 1:
        return True, None
    current = await db.collection(SESSIONS).find_one({"_id": doc["_id"]}, {"offset": 1})
    return False, None if current is None else int(current["offset"])


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


async def put_parts(db: Database, parts: list[dict[str, Any]]) -> None:
    """Insert staged blocks by their unique ids, replacing any sent before under the same
    id (a block sent again): one round trip when none was."""
    if not parts:
        return
    try:
        await db.collection(PARTS).insert_many(parts, ordered=False)
    except BulkWriteError:
        for part in parts:
            await db.collection(PARTS).replace_one({"_id": part["_id"]}, part, upsert=True)


async def parts_of(db: Database, session_ids: list[ObjectId]) -> list[dict[str, Any]]:
    """The staged parts of these sessions (any order)."""
    cursor = db.collection(PARTS).find({"session_id": {"$in": session_ids}})
    return [part async for part in cursor]


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
