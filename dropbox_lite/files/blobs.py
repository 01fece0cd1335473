"""Blob storage in GridFS: streaming, hashing, ranges, garbage collection."""

from __future__ import annotations

from dropbox_lite.core.db import Database


async def collect_garbage(*, db: Database, grace_seconds: int) -> list[str]:
    """Remove blobs nothing references that are older than the grace period."""
    raise NotImplementedError("filled in by the Files issue")
