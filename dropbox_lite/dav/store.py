"""Every query on WebDAV's own collections: dead properties, locks, transfers, login flows.

- `dav_props`: per entry, the dead properties set by PROPPATCH (a list of name/XML
  pairs: namespace URIs hold dots, which MongoDB field names may not) and the client's
  modification time for one revision (X-OC-Mtime).
- `dav_locks`: write locks by token, on a user's path key.
- `dav_uploads`: Nextcloud chunked uploads: a transfer's name, its upload session
  (files/sessions.py holds the bytes as blocks) and the chunks received.
- `login_flows`: Nextcloud Login Flow v2, by the hashes of its two tokens.

Each comes back as a frozen record (DavProps, DavLock, DavUpload, LoginFlow), its
timestamps aware; the documents are built and read here only.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from bson import ObjectId

from dropbox_lite.core.clock import aware
from dropbox_lite.core.db import Database, insert_claim


@dataclass(frozen=True)
class DavProps:
    """An entry's dead properties, (name, XML) pairs, and the client's modification time
    of one revision of it (X-OC-Mtime)."""

    dead: tuple[tuple[str, str], ...] = ()
    mtime_rev: int | None = None
    mtime: float | None = None

    def dead_map(self) -> dict[str, str]:
        return dict(self.dead)


@dataclass(frozen=True)
class DavLock:
    token: str
    user_id: str
    key: str
    ancestors: tuple[str, ...]
    depth: str
    scope: str
    owner_xml: str
    timeout: int
    expires_at: datetime
    root: str


@dataclass(frozen=True)
class DavUpload:
    """A Nextcloud chunked transfer: its upload session and the chunks received."""

    id: ObjectId
    user_id: str
    name: str
    session_id: str
    created_at: datetime
    expires_at: datetime
    chunks: Mapping[str, int] = field(default_factory=dict)  # chunk name -> bytes
    last: str | None = None  # the chunk that arrived last (or is arriving)
    last_start: int = 0  # the session's offset where it began
    last_done: bool = True  # whether it is in whole
    end: int = 0


@dataclass(frozen=True)
class LoginFlow:
    id: ObjectId
    poll_hash: str
    flow_hash: str
    name: str
    server: str | None
    created_at: datetime
    expires_at: datetime
    result: Mapping[str, str] | None = None


# Dead properties and client modification times.


def _props(doc: dict[str, Any]) -> DavProps:
    mtime = doc.get("mtime")
    return DavProps(
        dead=tuple((str(p["name"]), str(p["xml"])) for p in doc.get("dead", [])),
        mtime_rev=doc.get("mtime_rev"),
        mtime=None if mtime is None else float(mtime),
    )


async def props_of(db: Database, entry_ids: list[str]) -> dict[str, DavProps]:
    """The stored properties of these entries, by entry id (those that have any)."""
    oids = [ObjectId(i) for i in entry_ids if ObjectId.is_valid(i)]
    if not oids:
        return {}
    return {
        str(doc["_id"]): _props(doc)
        async for doc in db.collection("dav_props").find({"_id": {"$in": oids}})
    }


async def set_dead_props(db: Database, entry_id: str, props: Mapping[str, str]) -> None:
    """Replace the entry's dead properties (by name "{ns}local": their XML)."""
    oid = ObjectId(entry_id)
    # A list of pairs: namespace URIs hold dots, which field names may not.
    dead = [{"name": name, "xml": xml} for name, xml in props.items()]
    result = await db.collection("dav_props").update_one({"_id": oid}, {"$set": {"dead": dead}})
    if not result.matched_count and not await insert_claim(
        db.collection("dav_props"), {"_id": oid, "dead": dead}
    ):
        await db.collection("dav_props").update_one({"_id": oid}, {"$set": {"dead": dead}})


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
        await set_dead_props(db, target_id, _props(doc).dead_map())


# Locks.


def _lock(doc: dict[str, Any]) -> DavLock:
    return DavLock(
        token=doc["_id"],
        user_id=str(doc["user_id"]),
        key=doc["key"],
        ancestors=tuple(doc.get("ancestors", ())),
        depth=doc["depth"],
        scope=doc["scope"],
        owner_xml=doc.get("owner_xml", ""),
        timeout=int(doc["timeout"]),
        expires_at=aware(doc["expires_at"]),
        root=doc.get("root", ""),
    )


async def insert_lock(db: Database, lock: DavLock) -> None:
    await db.collection("dav_locks").insert_one(
        {
            "_id": lock.token,
            "user_id": ObjectId(lock.user_id),
            "key": lock.key,
            "ancestors": list(lock.ancestors),
            "depth": lock.depth,
            "scope": lock.scope,
            "owner_xml": lock.owner_xml,
            "timeout": lock.timeout,
            "expires_at": lock.expires_at,
            "root": lock.root,
        }
    )


async def locks_on(
    db: Database, user_id: str, keys: list[str], below: str | None, at: datetime
) -> list[DavLock]:
    """Unexpired locks of the user on these path keys, or (with `below`) under that key."""
    clauses: list[dict[str, Any]] = [{"key": {"$in": keys}}]
    if below is not None:
        clauses.append({"ancestors": below})
    cursor = db.collection("dav_locks").find(
        {"user_id": ObjectId(user_id), "expires_at": {"$gt": at}, "$or": clauses}
    )
    return [_lock(doc) async for doc in cursor]


async def lock_by_token(db: Database, token: str, at: datetime) -> DavLock | None:
    found = await db.collection("dav_locks").find_one({"_id": token, "expires_at": {"$gt": at}})
    return None if found is None else _lock(found)


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


def _upload(doc: dict[str, Any]) -> DavUpload:
    return DavUpload(
        id=doc["_id"],
        user_id=str(doc["user_id"]),
        name=doc["name"],
        session_id=str(doc["session_id"]),
        created_at=aware(doc["created_at"]),
        expires_at=aware(doc["expires_at"]),
        # Stored under "c_<name>": a chunk's name alone may be all digits.
        chunks={k.removeprefix("c_"): int(v) for k, v in doc.get("chunks", {}).items()},
        last=doc.get("last"),
        last_start=int(doc.get("last_start", 0)),
        last_done=bool(doc.get("last_done")),
        end=int(doc.get("end", 0)),
    )


async def insert_upload(db: Database, upload: DavUpload) -> bool:
    """Store a new transfer; False when its id is taken."""
    doc = {
        "_id": upload.id,
        "user_id": ObjectId(upload.user_id),
        "name": upload.name,
        "session_id": ObjectId(upload.session_id),
        "created_at": upload.created_at,
        "expires_at": upload.expires_at,
        "chunks": {f"c_{k}": v for k, v in upload.chunks.items()},
        "last": upload.last,
        "last_start": upload.last_start,
        "last_done": upload.last_done,
        "end": upload.end,
    }
    return await insert_claim(db.collection("dav_uploads"), doc)


async def find_upload(db: Database, user_id: str, name: str, at: datetime) -> DavUpload | None:
    found = await db.collection("dav_uploads").find_one(
        {"user_id": ObjectId(user_id), "name": name, "expires_at": {"$gt": at}}
    )
    return None if found is None else _upload(found)


async def expired_uploads(db: Database, user_id: str, at: datetime) -> list[DavUpload]:
    cursor = db.collection("dav_uploads").find(
        {"user_id": ObjectId(user_id), "expires_at": {"$lte": at}}
    )
    return [_upload(doc) async for doc in cursor]


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


def _flow(doc: dict[str, Any]) -> LoginFlow:
    return LoginFlow(
        id=doc["_id"],
        poll_hash=doc["poll_hash"],
        flow_hash=doc["flow_hash"],
        name=str(doc["name"]),
        server=doc.get("server"),  # flows started before it was kept have none
        created_at=aware(doc["created_at"]),
        expires_at=aware(doc["expires_at"]),
        result=doc.get("result"),
    )


async def insert_flow(db: Database, flow: LoginFlow) -> None:
    await db.collection("login_flows").insert_one(
        {
            "_id": flow.id,
            "poll_hash": flow.poll_hash,
            "flow_hash": flow.flow_hash,
            "name": flow.name,
            "server": flow.server,
            "created_at": flow.created_at,
            "expires_at": flow.expires_at,
            "result": None if flow.result is None else dict(flow.result),
        }
    )


async def flow_by(db: Database, field: str, value: str, at: datetime) -> LoginFlow | None:
    found = await db.collection("login_flows").find_one({field: value, "expires_at": {"$gt": at}})
    return None if found is None else _flow(found)


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
