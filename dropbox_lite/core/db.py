"""The database: client, collections, indexes, GridFS bucket, on MongoDB or in memory.

Only this module and files/blobs.py import the driver. Code elsewhere uses the
subset of the driver API that motor, mongomock-motor and FerretDB v1 all accept;
where one backend needs a workaround, it is here with a comment naming the gap.
"""

from __future__ import annotations

import contextlib
import logging
import threading
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any

from motor.motor_asyncio import AsyncIOMotorClient, AsyncIOMotorGridFSBucket
from pymongo import ASCENDING, DESCENDING, IndexModel
from pymongo.errors import (
    ConfigurationError,
    ConnectionFailure,
    DuplicateKeyError,
    InvalidURI,
    OperationFailure,
    PyMongoError,
)
from pymongo.uri_parser import parse_uri

from dropbox_lite.core.config import Settings, get_db_uri

log = logging.getLogger(__name__)

NOT_IMPLEMENTED = 238  # MongoDB error code, as FerretDB v1 answers for missing features
BLOB_BUCKET = "blobs"
BLOB_CHUNK_BYTES = 255 * 1024

# Errors that mean "the database did not answer", as opposed to a bad query.
UNAVAILABLE_ERRORS: tuple[type[BaseException], ...] = (ConnectionFailure,)
# Any error the driver raises, for callers outside the storage layer.
DatabaseError = PyMongoError

# Indexes of every collection, created at start-up. FerretDB v1 implements neither
# partial indexes nor text indexes, so uniqueness "among live entries" is kept by a
# `slot` field (the name key while live, name key + id once trashed) under a plain
# unique index, and search is a case-insensitive regex.
INDEXES: dict[str, list[IndexModel]] = {
    "users": [IndexModel([("username_key", ASCENDING)], unique=True, name="username_key")],
    "app_passwords": [
        IndexModel([("secret_hash", ASCENDING)], unique=True, name="secret_hash"),
        IndexModel([("user_id", ASCENDING)], name="user"),
    ],
    "sessions": [
        IndexModel([("user_id", ASCENDING)], name="user"),
        IndexModel([("expires_at", ASCENDING)], expireAfterSeconds=0, name="expiry_ttl"),
    ],
    "entries": [
        IndexModel(
            [("owner_id", ASCENDING), ("parent_id", ASCENDING), ("slot", ASCENDING)],
            unique=True,
            name="unique_live_name",
        ),
        IndexModel(
            [
                ("owner_id", ASCENDING),
                ("parent_id", ASCENDING),
                ("trashed", ASCENDING),
                ("is_file", ASCENDING),
                ("name_key", ASCENDING),
            ],
            name="listing",
        ),
        IndexModel(
            [("owner_id", ASCENDING), ("seq", ASCENDING), ("_id", ASCENDING)], name="change_feed"
        ),
        IndexModel([("blob_id", ASCENDING)], name="blob_refs"),
        IndexModel([("block_ids", ASCENDING)], name="block_refs"),
        # A member's feed reads one shared folder's changes (files/access.py).
        IndexModel(
            [("share_id", ASCENDING), ("seq", ASCENDING), ("_id", ASCENDING)], name="share_feed"
        ),
    ],
    # Who is a member of which shared folder (files/members.py).
    "memberships": [
        IndexModel([("user_id", ASCENDING)], name="user"),
        IndexModel([("share_id", ASCENDING)], name="share"),
    ],
    "revisions": [
        IndexModel([("entry_id", ASCENDING), ("rev", DESCENDING)], unique=True, name="entry_rev"),
        IndexModel([("blob_id", ASCENDING)], name="blob_refs"),
        IndexModel([("block_ids", ASCENDING)], name="block_refs"),
        IndexModel([("owner_id", ASCENDING), ("created_at", ASCENDING)], name="owner_age"),
    ],
    "share_links": [
        IndexModel([("token", ASCENDING)], unique=True, name="token"),
        IndexModel([("entry_id", ASCENDING)], name="entry"),
    ],
    "inflight": [IndexModel([("owner_id", ASCENDING), ("seq", ASCENDING)], name="owner_seq")],
    "quota_ledger": [IndexModel([("owner_id", ASCENDING), ("n", DESCENDING)], name="owner_n")],
    "seq_claims": [IndexModel([("owner_id", ASCENDING), ("seq", DESCENDING)], name="owner_seq")],
    "journal_checkpoints": [
        IndexModel([("owner_id", ASCENDING), ("at", DESCENDING)], name="owner_at")
    ],
    "rate_limits": [
        IndexModel([("key", ASCENDING), ("at", DESCENDING)], name="key_at"),
        IndexModel([("expires_at", ASCENDING)], expireAfterSeconds=0, name="expiry_ttl"),
    ],
    "blob_index": [IndexModel([("blob_id", ASCENDING)], name="blob")],
    # Upkeep's leader leases, one insert-only document per term (upkeep/lease.py).
    "leases": [IndexModel([("expires_at", ASCENDING)], expireAfterSeconds=0, name="expiry_ttl")],
    # Fenced locks, one numbered document per holding (core/locks.py).
    "locks": [IndexModel([("key", ASCENDING), ("n", DESCENDING)], name="key_n")],
    # GridFS's own indexes (files/blobs.py writes the GridFS layout itself).
    f"{BLOB_BUCKET}.chunks": [
        IndexModel([("files_id", ASCENDING), ("n", ASCENDING)], unique=True, name="files_id_1_n_1")
    ],
    f"{BLOB_BUCKET}.files": [
        IndexModel(
            [("filename", ASCENDING), ("uploadDate", ASCENDING)], name="filename_1_uploadDate_1"
        )
    ],
}


async def insert_claim(collection: Any, document: dict[str, Any]) -> bool:
    """Insert `document` if its `_id` is free: True when this caller got it.

    The one primitive that is atomic on every backend we support. FerretDB v1 runs
    updates (conditional `$inc` and `$set` included) as read-modify-write without
    isolation, so two writers can both match the same old state and both "win";
    an insert under a unique `_id` lets exactly one of them through. Claims of
    change numbers, revisions, quota ledger links and move-cycle decisions use it.
    """
    try:
        await collection.insert_one(document)
    except DuplicateKeyError:
        return False
    return True


async def update_unique(collection: Any, query: dict[str, Any], update: dict[str, Any]) -> Any:
    """update_one where a unique-index clash is always DuplicateKeyError.

    FerretDB v1 (SQLite) reports a unique clash caused by an *update* as a plain
    OperationFailure ("UNIQUE constraint failed", code 1), not as error 11000.
    """
    try:
        return await collection.update_one(query, update)
    except DuplicateKeyError:
        raise
    except OperationFailure as exc:
        if "UNIQUE constraint failed" in str(exc):
            raise DuplicateKeyError(str(exc)) from exc
        raise


def uri_problem(uri: str) -> str | None:
    """What is wrong with a mongodb:// connection string, or None (no network used)."""
    try:
        parse_uri(uri)
    except (InvalidURI, ConfigurationError, ValueError) as exc:
        return str(exc)
    return None


@dataclass
class Database:
    """One open database: `db[...]` gives collections, `bucket` the blobs' GridFS bucket."""

    client: Any
    db: Any
    bucket: Any
    backend: str  # "mongodb" or "memory"
    _exit: contextlib.ExitStack = field(default_factory=contextlib.ExitStack)

    def __getitem__(self, name: str) -> Any:
        return self.db[name]

    async def ping(self) -> bool:
        """True when the database answers now."""
        try:
            await self.db.command("ping")
        except PyMongoError:
            return False
        return True

    async def ensure_indexes(self) -> None:
        """Create the indexes that are missing (idempotent).

        FerretDB v1 drops the connection when createIndexes names indexes that
        exist already, so only missing ones are created, one at a time; and it has
        no TTL indexes, so those fall back to plain indexes (every query on an
        expiring collection filters on `expires_at` itself).
        """
        for name, indexes in INDEXES.items():
            if not indexes:
                continue
            existing = set((await self.db[name].index_information()).keys())
            for index in indexes:
                spec = index.document
                if spec["name"] in existing:
                    continue
                options = {k: v for k, v in spec.items() if k not in ("key", "name")}
                keys = list(spec["key"].items())
                try:
                    await self.db[name].create_index(keys, name=spec["name"], **options)
                except OperationFailure as exc:
                    if exc.code == NOT_IMPLEMENTED and "expireAfterSeconds" in options:
                        options.pop("expireAfterSeconds")
                        await self.db[name].create_index(keys, name=spec["name"], **options)
                    else:
                        raise

    def close(self) -> None:
        if self.backend == "mongodb":
            self.client.close()
        self._exit.close()


async def connect(
    settings: Settings, *, check: bool = True, event_listeners: list[Any] | None = None
) -> Database:
    """Open the database from settings: MongoDB when configured, else the embedded store.

    `event_listeners` are pymongo monitoring listeners (tests count commands with them).
    """
    if settings.embedded:
        return open_memory(settings.db_name)
    client: Any = AsyncIOMotorClient(
        get_db_uri(settings),
        serverSelectionTimeoutMS=settings.db_timeout_ms,
        connectTimeoutMS=settings.db_timeout_ms,
        tz_aware=True,
        uuidRepresentation="standard",
        event_listeners=event_listeners or [],
    )
    db = client.get_default_database(settings.db_name)
    database = Database(
        client=client,
        db=db,
        bucket=AsyncIOMotorGridFSBucket(
            db, bucket_name=BLOB_BUCKET, chunk_size_bytes=BLOB_CHUNK_BYTES
        ),
        backend="mongodb",
    )
    if check:
        try:
            await db.command("ping")
        except PyMongoError:
            database.close()
            raise
    return database


def open_memory(name: str = "dropbox_lite") -> Database:
    """The embedded in-memory store (mongomock-motor); nothing persists."""
    from mongomock_motor import AsyncMongoMockClient

    _plain_unique_checks()

    client: Any = AsyncMongoMockClient(tz_aware=True)
    db = client[name]
    stack = contextlib.ExitStack()
    stack.enter_context(_memory_gridfs())
    bucket = AsyncIOMotorGridFSBucket(
        db, bucket_name=BLOB_BUCKET, chunk_size_bytes=BLOB_CHUNK_BYTES
    )
    return Database(client=client, db=db, bucket=bucket, backend="memory", _exit=stack)


def _plain_unique_checks() -> None:
    """mongomock checks unique indexes after each document it writes by running a whole
    query over the collection through its filter machinery: a folder of 2,000 entries
    moved in one update_many took two minutes, and each 1 MiB chunk of a large upload
    walked every chunk already stored. Every unique index here is on plain top-level
    fields holding scalars; for those a map from key tuple to the ids holding it (see
    `_UniqueMap`) gives the same answer in constant time. Any other index keeps
    mongomock's own check."""
    from mongomock import collection, helpers

    patched: Any = collection.Collection
    if getattr(patched, "_plain_unique_checks", False):
        return
    original = patched._ensure_uniques

    def ensure_uniques(self: Any, new_data: dict[str, Any]) -> None:
        store = self._store
        uniques = [(name, i) for name, i in store.indexes.items() if i.get("unique")]
        if not uniques:
            return
        plain: list[tuple[_UniqueMap, tuple[Any, ...]]] = []
        for name, index in uniques:
            keys = tuple(key for key, _ in index["key"])
            wanted = tuple(new_data.get(key) for key in keys)
            if (
                index.get("sparse")
                or index.get("partialFilterExpression") is not None
                or any("." in key for key in keys)
                or not all(_plain(value) for value in wanted)
            ):
                original(self, new_data)
                return
            plain.append((_UniqueMap.of(store, name, keys), wanted))
        doc_id = new_data["_id"]
        doc_id = helpers.hashdict(doc_id) if isinstance(doc_id, dict) else doc_id
        for unique_map, wanted in plain:
            if unique_map.held_by_another(wanted, doc_id):
                raise DuplicateKeyError("E11000 Duplicate Key Error", 11000)
        for unique_map, wanted in plain:  # only once every index agreed
            unique_map.record(wanted, doc_id)

    patched._ensure_uniques = ensure_uniques
    patched._plain_unique_checks = True


def _plain(value: Any) -> bool:
    return not isinstance(value, list | dict)


class _UniqueMap:
    """One unique index of one mongomock collection: key tuple -> ids that held it.

    Every write mongomock makes to a document (insert, update, upsert) ends in
    `_ensure_uniques` with the document as stored, which records its key here; so no
    live document holds a key the map does not list. The map may list more (documents
    since deleted, or changed by a write that was rolled back): each candidate is checked
    against the stored document before it counts. It is rebuilt by one scan when the
    collection was dropped, the index changed, or stale ids pile up.
    """

    def __init__(self, store: Any, keys: tuple[str, ...]) -> None:
        self.documents = store._documents
        self.keys = keys
        self.by_key: dict[tuple[Any, ...], set[Any]] = {}
        self.of_id: dict[Any, tuple[Any, ...]] = {}
        for doc_id, doc in self.documents.items():
            key = self.key_of(doc)
            if key is not None:
                self.record(key, doc_id)

    @classmethod
    def of(cls, store: Any, name: str, keys: tuple[str, ...]) -> _UniqueMap:
        maps: dict[str, _UniqueMap] = store.__dict__.setdefault("_unique_maps", {})
        found = maps.get(name)
        if (
            found is None
            or found.documents is not store._documents
            or found.keys != keys
            or len(found.of_id) > 2 * len(store._documents) + 1000
        ):
            found = maps[name] = cls(store, keys)
        return found

    def key_of(self, doc: dict[str, Any]) -> tuple[Any, ...] | None:
        key = tuple(doc.get(field) for field in self.keys)
        return key if all(_plain(value) for value in key) else None

    def held_by_another(self, key: tuple[Any, ...], doc_id: Any) -> bool:
        holders = self.by_key.get(key)
        if not holders:
            return False
        for other in list(holders):
            if other == doc_id:
                continue
            doc = self.documents.get(other)
            if doc is not None and self.key_of(doc) == key:
                return True
            holders.discard(other)  # deleted, or its key moved on
            if self.of_id.get(other) == key:
                del self.of_id[other]
        return False

    def record(self, key: tuple[Any, ...], doc_id: Any) -> None:
        before = self.of_id.get(doc_id)
        if before is not None and before != key:
            self.by_key.get(before, set()).discard(doc_id)
        self.by_key.setdefault(key, set()).add(doc_id)
        self.of_id[doc_id] = key


_gridfs_lock = threading.Lock()
_gridfs_users = 0
_gridfs_patch: contextlib.ExitStack | None = None


@contextlib.contextmanager
def _memory_gridfs() -> Iterator[None]:
    # mongomock-motor's GridFS works only inside enabled_gridfs_integration(), a
    # process-wide patch; it is held while any in-memory database is open, and
    # entered once however many are (nested patches must unwind in order).
    global _gridfs_users, _gridfs_patch
    from mongomock_motor import enabled_gridfs_integration

    with _gridfs_lock:
        if _gridfs_users == 0:
            _gridfs_patch = contextlib.ExitStack()
            _gridfs_patch.enter_context(enabled_gridfs_integration())
        _gridfs_users += 1
    try:
        yield
    finally:
        with _gridfs_lock:
            _gridfs_users -= 1
            if _gridfs_users == 0 and _gridfs_patch is not None:
                _gridfs_patch.close()
                _gridfs_patch = None
