"""Every query on WebDAV's own collections: dead properties, locks, transfers, login flows.

- `dav_props`: per entry, the dead properties set by PROPPATCH (a list of name/XML
  pairs: namespace URIs hold dots, which MongoDB field names may not) and the client's
  modification time for one revision (X-OC-Mtime).
- `dav_locks`: write locks by token, on a user's path key.
- `dav_uploads`: Nextcloud chunked uploads: a transfer's name, its upload session
  (files/sessions.py holds the bytes as blocks) and the chunks received.
- `login_flows`: Nextcloud Login Flow v2, by the hashes of its two tokens.
"""

from __future__ import annotations

from datetime import datetime
from typing import Any

from bson import ObjectId

from dropbox_lite.core.db import Database, insert_claim

# Dead properties and client modification times.


async def props_of(db: Database, entry_ids: list[str]) -> dict[str, dict[str, Any]]:
    """The stored dav_props documents of these entries, by entry id."""
    oids = [ObjectId(i) for i in entry_ids if ObjectId.is_valid(i)]
    if not oids:
        return {}
    return {
        str(doc["_id"]): doc
        async for doc in db.collection("dav_props").find({"_id": {"$in": oids}})
    }


async def set_dead_props(db: Database, entry_id: str, props: list[dict[str, str]]) -> None:
    """Replace the entry's dead properties (pairs {"name": "{ns}local", "xml": ...})."""
    oid = ObjectId(entry_id)
    result = await db.collection("dav_props").update_one({"_id": oid}, {"$set": {"dead": props}})
    if not result.matched_count and not await insert_claim(
        db.collection("dav_props"), {"_id": oid, "dead": props}
    ):
        await db.collection("dav_props").update_one({"_id": oid}, {"$set": {"dead": props}})


async def set_mtime(db: Database, entry_id: str, rev: int, mtime: float) -> None:
    """Remember the client's modification time of this revision of the file."""
    oid = ObjectId(entry_id)
    fields = {"mtime_rev": rev, "mtime": mtime}
    result = await db.collection("dav_props").update_one({"_id": oid}, {"$set": fields})
    if not result.matched_count and not await insert_claim(
        db.collection("dav_props"), {"_id": oid, "dead": [], **fields}
    ):
        await db.collection("dav_props").update_one({"_id": oid}, {"$set": fields})


async def copy_props(db: Database, source_id: str, target_id: str) -> None:
    """Give a copy the dead properties of its source (RFC 4918 section 9.8.2)."""
    doc = await db.collection("dav_props").find_one({"_id": ObjectId(source_id)})
    if doc is not None and doc.get("dead"):
        await set_dead_props(db, target_id, list(doc["dead"]))


# Locks.


async def insert_lock(db: Database, doc: dict[str, Any]) -> None:
    await db.collection("dav_locks").insert_one(doc)


async def locks_on(
    db: Database, user_id: str, keys: list[str], below: str | None, at: datetime
) -> list[dict[str, Any]]:
    """Unexpired locks of the user on these path keys, or (with `below`) under that key."""
    clauses: list[dict[str, Any]] = [{"key": {"$in": keys}}]
    if below is not None:
        clauses.append({"ancestors": below})
    cursor = db.collection("dav_locks").find(
        {"user_id": ObjectId(user_id), "expires_at": {"$gt": at}, "$or": clauses}
    )
    return [doc async for doc in cursor]


async def lock_by_token(db: Database, token: str, at: datetime) -> dict[str, Any] | None:
    found: dict[str, Any] | None = await db.collection("dav_locks").find_one(
        {"_id": token, "expires_at": {"$gt": at}}
    )
    return found


async def refresh_lock(db: Database, token: str, expires_at: datetime, timeout: int) -> None:
    await db.collection("dav_locks").update_one(
        {"_id": token}, {"$set": {"expires_at": expires_at, "timeout": timeout}}
    )


async def delete_lock(db: Database, token: str) -> bool:
    return bool((await db.collection("dav_locks").delete_one({"_id": token})).deleted_count)


async def delete_locks_at(db: Database, user_id: str, key: str) -> None:
    """Drop the user's locks on the path key and below it (the resource is gone)."""
    await db.collection("dav_locks").delete_many(
        {"user_id": ObjectId(user_id), "$or": [{"key": key}, {"ancestors": key}]}
    )


# Chunked uploads.


async def insert_upload(db: Database, doc: dict[str, Any]) -> bool:
    return await insert_claim(db.collection("dav_uploads"), doc)


async def find_upload(db: Database, user_id: str, name: str, at: datetime) -> dict[str, Any] | None:
    found: dict[str, Any] | None = await db.collection("dav_uploads").find_one(
        {"user_id": ObjectId(user_id), "name": name, "expires_at": {"$gt": at}}
    )
    return found


async def expired_uploads(db: Database, user_id: str, at: datetime) -> list[dict[str, Any]]:
    cursor = db.collection("dav_uploads").find(
        {"user_id": ObjectId(user_id), "expires_at": {"$lte": at}}, {"session_id": 1}
    )
    return [doc async for doc in cursor]


async def delete_upload(db: Database, upload_id: ObjectId) -> None:
    await db.collection("dav_uploads").delete_one({"_id": upload_id})


async def start_chunk(db: Database, upload_id: ObjectId, chunk: str, start: int) -> None:
    """Name `chunk` the one whose bytes arrive from offset `start` on."""
    await db.collection("dav_uploads").update_one(
        {"_id": upload_id}, {"$set": {"last": chunk, "last_start": start, "last_done": False}}
    )


async def finish_chunk(db: Database, upload_id: ObjectId, chunk: str, size: int, end: int) -> None:
    """The chunk is in whole: `size` bytes, the session at offset `end`.

    `chunk` is a checked name (letters, digits, '-', '_'): it is part of a field name.
    """
    await db.collection("dav_uploads").update_one(
        {"_id": upload_id},
        {"$set": {f"chunks.c_{chunk}": size, "last_done": True, "end": end}},
    )


# Login Flow v2.


async def insert_flow(db: Database, doc: dict[str, Any]) -> None:
    await db.collection("login_flows").insert_one(doc)


async def flow_by(db: Database, field: str, value: str, at: datetime) -> dict[str, Any] | None:
    found: dict[str, Any] | None = await db.collection("login_flows").find_one(
        {field: value, "expires_at": {"$gt": at}}
    )
    return found


async def grant_flow(db: Database, flow_id: ObjectId, result: dict[str, str]) -> bool:
    found = await db.collection("login_flows").update_one(
        {"_id": flow_id, "result": None}, {"$set": {"result": result}}
    )
    return bool(found.matched_count)


async def take_flow(db: Database, flow_id: ObjectId) -> bool:
    """Delete a granted flow: True for the one poll that gets its result."""
    return bool((await db.collection("login_flows").delete_one({"_id": flow_id})).deleted_count)


async def prune_flows(db: Database, at: datetime) -> None:
    await db.collection("login_flows").delete_many({"expires_at": {"$lt": at}})
