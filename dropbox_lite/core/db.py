"""The database: client, collections, indexes, GridFS bucket, on MongoDB or in memory.

Only the storage modules import the driver (tests/test_layers.py lists them; the
embedded store's patches are in core/embedded.py). Code elsewhere uses the subset of
the driver API that motor, mongomock-motor and FerretDB v1 all accept; where one
backend needs a workaround, it is here with a comment naming the gap.
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

from dropbox_lite.core import embedded
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
    # Who is a member of which shared folder (sharing/members.py).
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
    # GridFS's own indexes (files/block_store.py writes the GridFS layout itself).
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
    """One open database: `collection(name)` gives a collection, `bucket` the blobs' GridFS
    bucket.

    Each collection has one owning repository module (OWNERS in tests/test_layers.py),
    the only module that calls `collection(name)` with it; everything else calls that
    repository's functions. `db[name]` is the same thing, for tests only: no module of
    the package spells it (tests/test_layers.py).
    """

    client: Any
    db: Any
    bucket: Any
    backend: str  # "mongodb" or "memory"
    _exit: contextlib.ExitStack = field(default_factory=contextlib.ExitStack)
    # Each collection's handle, made once: making one costs ~35 us (pymongo and motor each
    # build an object), and a request asks for a few dozen.
    _collections: dict[str, Any] = field(default_factory=dict)

    def collection(self, name: str) -> Any:
        """The raw collection `name`: for its owning repository only."""
        found = self._collections.get(name)
        if found is None:
            found = self._collections[name] = self.db[name]
        return found

    def __getitem__(self, name: str) -> Any:
        """Tests' raw access (the package's modules use `collection`, tests/test_layers.py)."""
        return self.db[name]

    async def delete_owned(self, owner_id: Any, *, keep: frozenset[str]) -> dict[str, int]:
        """Delete every document of one user in every collection but `keep` (and system
        ones): what they own (`owner_id`) and what is theirs by `user_id` (app passwords,
        upload sessions and parts, WebDAV locks and uploads, login flows); how many went,
        per collection. The one query that spans the whole schema: an account's removal,
        whichever repositories hold its documents."""
        removed: dict[str, int] = {}
        theirs = {"$or": [{"owner_id": owner_id}, {"user_id": owner_id}]}
        for name in sorted(await self.db.list_collection_names()):
            if name in keep or name.startswith("system."):
                continue
            result = await self.db[name].delete_many(theirs)
            if result.deleted_count:
                removed[name] = int(result.deleted_count)
        return removed

    async def counts(self, names: list[str]) -> dict[str, int]:
        """How many documents each collection holds (the maintenance command's table)."""
        return {name: int(await self.db[name].count_documents({})) for name in names}

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

    embedded.speed_up_mongomock()

    client: Any = AsyncMongoMockClient(tz_aware=True)
    db = client[name]
    stack = contextlib.ExitStack()
    stack.enter_context(_memory_gridfs())
    bucket = AsyncIOMotorGridFSBucket(
        db, bucket_name=BLOB_BUCKET, chunk_size_bytes=BLOB_CHUNK_BYTES
    )
    return Database(client=client, db=db, bucket=bucket, backend="memory", _exit=stack)


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
