"""Garbage collection of stored content nothing references (see files/blobs.py)."""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, datetime, timedelta

from bson import ObjectId

from dropbox_lite.core.clock import aware
from dropbox_lite.core.db import BLOB_CHUNK_BYTES, Database
from dropbox_lite.files import revision_store, store, upload_store


async def _referenced(db: Database, oid: ObjectId) -> bool:
    """Whether a file, a revision, an upload session or a staged part holds the blob."""
    if await store.holds_blob(db, oid) or await revision_store.holds_blob(db, oid):
        return True
    return await upload_store.holds_blob(db, oid)


class GarbageReport(list[str]):
    """What collect_garbage did: the ids it removed (a list, as it always returned).

    `young` counts the unreferenced blobs it kept because they are inside the grace
    period (an upload may still be about to use them), `young_bytes` their size.
    """

    def __init__(self) -> None:
        super().__init__()
        self.bytes_reclaimed = 0
        self.young = 0
        self.young_bytes = 0
        self.checked = 0


async def collect_garbage(
    *,
    db: Database,
    grace_seconds: int,
    dry_run: bool = False,
    progress: Callable[[int, int], None] | None = None,
) -> GarbageReport:
    """Remove blobs (blocks, and old whole-file blobs) nothing references, once older
    than the grace period.

    A block counts as referenced while a file, a revision, an upload session or a
    staged part names it. Also removes chunks whose upload never finished (no files
    document), once the upload's id is older than the grace period. `dry_run` removes nothing and
    reports what would go; `progress(checked, total)` follows the scan.
    """
    if grace_seconds < 0:
        raise ValueError(f"the grace period must not be negative, not {grace_seconds} s")
    cutoff = datetime.now(UTC) - timedelta(seconds=grace_seconds)
    report = GarbageReport()
    total = await db.collection("blobs.files").count_documents({})
    async for meta in db.collection("blobs.files").find(
        {}, {"_id": 1, "uploadDate": 1, "length": 1}
    ):
        report.checked += 1
        if progress is not None:
            progress(report.checked, max(total, report.checked))
        oid: ObjectId = meta["_id"]
        size = int(meta.get("length", 0))
        if await _referenced(db, oid):
            continue
        young = aware(meta["uploadDate"]) > cutoff
        index = await db.collection("blob_index").find_one({"blob_id": oid})
        if not young and index is not None:
            if dry_run:
                young = aware(index["used_at"]) >= cutoff
            else:
                gone = await db.collection("blob_index").delete_one(
                    {"_id": index["_id"], "used_at": {"$lt": cutoff}}
                )
                young = gone.deleted_count == 0  # an upload just reused it
        if young:
            report.young += 1
            report.young_bytes += size
            continue
        if await _referenced(db, oid):
            continue
        if not dry_run:
            await db.bucket.delete(oid)
        report.append(str(oid))
        report.bytes_reclaimed += size
    known = {doc["_id"] async for doc in db.collection("blobs.files").find({}, {"_id": 1})}
    for files_id in await db.collection("blobs.chunks").distinct("files_id"):
        if files_id in known or not isinstance(files_id, ObjectId):
            continue
        chunks = await db.collection("blobs.chunks").count_documents({"files_id": files_id})
        last = await db.collection("blobs.chunks").find_one(
            {"files_id": files_id}, sort=[("n", -1)]
        )
        size = (chunks - 1) * BLOB_CHUNK_BYTES + (len(last["data"]) if last else 0)
        if files_id.generation_time > cutoff:
            report.young += 1
            report.young_bytes += size
            continue
        if not dry_run:
            await db.collection("blobs.chunks").delete_many({"files_id": files_id})
        report.append(str(files_id))
        report.bytes_reclaimed += size
    return report
