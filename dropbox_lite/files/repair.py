"""Upkeep of file metadata: what a writer that died mid-write leaves behind, and history.

One pass (`repair`, run by `dropbox-lite maintain` and the background upkeep):

- revision claims of dead writers (a revision above its file's rev, older than the
  claim lease) are removed, so the file takes writes again;
- a file whose current revision has no history record (a writer killed between
  the two inserts, before uploads wrote the record first) gets it back;
- old revisions past DROPBOX_LITE_REVISION_DAYS, or beyond
  DROPBOX_LITE_MAX_REVISIONS_PER_FILE for their file, expire;
- each owner's quota ledger is set to what is stored (current revisions of files
  not purged, plus history) once the owner has written nothing for `quiet_seconds`:
  bytes a dead writer took and never committed are given back. A writer that
  starts meanwhile takes the next ledger link first, and the recount is dropped
  for this pass (see quota.append).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta

from bson import ObjectId

from dropbox_lite.auth import user_store
from dropbox_lite.core.clock import aware
from dropbox_lite.core.config import Settings
from dropbox_lite.core.db import Database
from dropbox_lite.files import quota, store
from dropbox_lite.files.entry_doc import OwnedFile
from dropbox_lite.files.records import content_fields, now
from dropbox_lite.files.revisions import CLAIM_LEASE

# An owner is recounted once its last ledger change is at least this old.
QUIET_SECONDS = 60


@dataclass(frozen=True)
class RepairReport:
    claims_removed: int
    records_restored: int
    revisions_expired: int
    owners_recounted: int
    bytes_released: int


@dataclass
class _Owner:
    claims: int = 0
    restored: int = 0
    expired: int = 0
    recounted: bool = False
    released: int = 0


async def repair(
    *, db: Database, settings: Settings, quiet_seconds: int = QUIET_SECONDS
) -> RepairReport:
    """One upkeep pass over every owner's files (see the module doc); what it did."""
    claims = restored = expired = recounted = released = 0
    async for user_id in user_store.user_ids(db=db):
        done = await repair_owner(
            db=db, settings=settings, owner=user_id, quiet_seconds=quiet_seconds
        )
        claims += done.claims
        restored += done.restored
        expired += done.expired
        recounted += done.recounted
        released += done.released
    return RepairReport(
        claims_removed=claims,
        records_restored=restored,
        revisions_expired=expired,
        owners_recounted=recounted,
        bytes_released=released,
    )


async def repair_owner(
    *, db: Database, settings: Settings, owner: ObjectId, quiet_seconds: int
) -> _Owner:
    """The pass for one owner."""
    done = _Owner()
    at = now()
    before = await quota.head(db, owner)
    quiet = before.at is None or before.at <= at - timedelta(seconds=quiet_seconds)
    files: dict[ObjectId, OwnedFile] = {
        doc["_id"]: doc async for doc in store.owner_files(db, owner)
    }
    kept: dict[ObjectId, list[store.RevisionSummary]] = {}
    expired_bytes = 0
    retain_after = at - timedelta(days=settings.revision_days)
    recorded: set[ObjectId] = set()  # files whose current revision has its record
    async for old in store.owner_revisions(db, owner):
        entry = files.get(old.entry_id)
        created, rev = old.created_at, old.rev
        if entry is not None and rev == int(entry.get("rev", 0)):
            recorded.add(old.entry_id)
        if entry is None or rev > int(entry.get("rev", 0)):
            # A claim (or a leftover of a purged file): its writer is dead once it is old.
            if created <= at - CLAIM_LEASE:
                if await store.delete_revision(db, old.id):
                    done.claims += 1
            continue
        if rev == int(entry.get("rev", 0)):
            continue
        too_many = rev <= int(entry.get("rev", 0)) - settings.max_revisions_per_file
        if created < retain_after or too_many:
            if await store.delete_revision(db, old.id):
                done.expired += 1
                expired_bytes += old.size
            continue
        kept.setdefault(old.entry_id, []).append(old)
    for entry_id, entry in files.items():
        if entry_id not in recorded and await _restore_record(db, owner, entry, at):
            done.restored += 1
    history = sum(old.size for olds in kept.values() for old in olds)
    used = sum(int(doc.get("size", 0)) for doc in files.values()) + history
    if quiet:
        if (used, history) == (before.used, before.history):
            return done
        if await quota.append(db, owner, before, used=used, history=history):
            done.recounted = True
            done.released = max(before.used - used, 0)
            return done
    # Not recounted (the owner is busy): what expired is given back as usual.
    if expired_bytes:
        await quota.release(db, owner, expired_bytes, history=expired_bytes)
        done.released = expired_bytes
    return done


async def _restore_record(db: Database, owner: ObjectId, entry: OwnedFile, at: datetime) -> bool:
    """Write the missing history record of a file's current revision: True when written.

    Not while the file is younger than the claim lease: its writer may be about to
    write the record itself.
    """
    if aware(entry["modified_at"]) > at - CLAIM_LEASE or "content_hash" not in entry:
        return False
    fields = content_fields(entry)
    try:
        await store.insert_revision(
            db,
            store.new_revision(
                entry_id=entry["_id"],
                owner=owner,
                rev=int(entry["rev"]),
                fields=fields,
                at=aware(entry["modified_at"]),
            ),
        )
    except store.DuplicateKeyError:
        return False
    return True
