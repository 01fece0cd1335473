"""Many files committed in one go (finishUploadBatch): bulk writes, each result on its own.

New files (mode ADD) of one owner are committed together: one quota link for all of
them (files that would pass the quota are refused one by one, the rest taken), one
insert of their history records, one change number, one unordered insert of their
entries. A name taken in its folder refuses only that entry; it then goes the way a
single upload goes (writes.commit_write: autorename, the same content already there,
NameTaken), as do overwrites and updates. A folder is resolved, and the writer's right
to write into it checked, once per batch, however many files go into it.

Crash safety is the single upload's, file by file: bytes are stored before any of this;
the quota is taken before the entries and history records before their entries; an
entry is whole when inserted (a file, its history and its bytes), so a batch cut at any
point leaves some files committed and the others absent, never half a file. A batch
cancelled midway (the client went away) reads back which entries went in and gives back
the quota and history records of the others; a process killed midway leaves its
reservation to upkeep's recount and its history records to repair (claims of no entry,
removed once older than the claim lease), exactly as one upload killed there would.
"""

from __future__ import annotations

import asyncio
from collections.abc import Sequence
from dataclasses import dataclass

from bson import ObjectId

from dropbox_lite.core import errors
from dropbox_lite.core.config import Settings
from dropbox_lite.core.db import Database
from dropbox_lite.files import blobs, journal, names, quota, store
from dropbox_lite.files.access import Place, owners_quota
from dropbox_lite.files.entries import place
from dropbox_lite.files.records import EntryRecord, file_fields, mime_type_for, now
from dropbox_lite.files.settle import settle_written
from dropbox_lite.files.writes import Target, check_mode, commit_write, still_allowed

Outcome = EntryRecord | errors.DomainError


@dataclass(frozen=True)
class NewFile:
    """One file of a batch: where it goes, and its stored bytes."""

    target: Target
    blob: blobs.BlobRecord
    autorename: bool = False


class Targets:
    """prepare_write for many files: each folder resolved (and the writer's access to it
    checked) once, each owner's quota read once, whatever the number of files."""

    def __init__(self, db: Database, user: ObjectId) -> None:
        self.db = db
        self.user = user
        self.places: dict[str | None, Place | errors.DomainError] = {}
        self.budgets: dict[ObjectId, quota.Budget] = {}

    async def target(
        self, *, folder_id: str | None, name: str, mode: str, parent_rev: int | None
    ) -> Target:
        """Where one file goes (the errors of prepare_write)."""
        check_mode(mode, parent_rev)
        name = names.validate_name(name)
        if folder_id not in self.places:
            try:
                self.places[folder_id] = await place(self.db, self.user, folder_id)
            except errors.DomainError as refused:
                self.places[folder_id] = refused
        into = self.places[folder_id]
        if isinstance(into, errors.DomainError):
            raise into
        known = self.budgets.get(into.owner)
        if known is None:
            known = self.budgets[into.owner] = await quota.budget(self.db, into.owner)
        return Target(
            user=self.user, into=into, name=name, mode=mode, parent_rev=parent_rev, known=known
        )


async def commit_files(
    *,
    db: Database,
    settings: Settings,
    files: Sequence[NewFile],
    username: str | None = None,
) -> list[Outcome]:
    """Commit each file's stored bytes under its target; each result on its own, in order."""
    outcomes: list[Outcome | None] = [None] * len(files)
    one_by_one: list[int] = []
    by_owner: dict[ObjectId, list[int]] = {}
    for n, new in enumerate(files):
        if new.target.mode == "add":
            by_owner.setdefault(new.target.into.owner, []).append(n)
        else:
            one_by_one.append(n)
    for owner, indexes in by_owner.items():
        one_by_one.extend(await _add_together(db, owner, files, indexes, outcomes))
    for n in sorted(one_by_one):
        new = files[n]
        try:
            outcomes[n] = await commit_write(
                db=db,
                settings=settings,
                target=new.target,
                blob=new.blob,
                autorename=new.autorename,
                username=username,
            )
        except errors.DomainError as refused:
            outcomes[n] = refused
    assert all(outcome is not None for outcome in outcomes)
    return [outcome for outcome in outcomes if outcome is not None]


def _refusal(error: errors.DomainError, into: Place) -> errors.DomainError:
    """The error as a single upload into that place would give it (whose quota)."""
    try:
        with owners_quota(into):
            raise error
    except errors.DomainError as said:
        return said


async def _add_together(
    db: Database,
    owner: ObjectId,
    files: Sequence[NewFile],
    indexes: list[int],
    outcomes: list[Outcome | None],
) -> list[int]:
    """Insert new files of one owner together; the indexes whose name was taken (to be
    committed one by one)."""
    allowed: dict[tuple[ObjectId, ObjectId | None], errors.DomainError | None] = {}
    ready: list[int] = []
    for n in indexes:
        into = files[n].target.into
        key = (into.folder, into.mount)
        if key not in allowed:
            try:
                await still_allowed(db, files[n].target.user, into)
                allowed[key] = None
            except errors.DomainError as refused:
                allowed[key] = refused
        denied = allowed[key]
        if denied is not None:
            outcomes[n] = denied
        else:
            ready.append(n)
    if not ready:
        return []
    sizes = [files[n].blob.size for n in ready]
    taken = await quota.reserve_many(db, owner, sizes, known=files[ready[0]].target.known)
    going: list[int] = []
    for n, fits in zip(ready, taken, strict=True):
        if fits:
            going.append(n)
        else:
            outcomes[n] = _refusal(errors.QuotaExceeded(), files[n].target.into)
    if not going:
        return []
    at = now()
    ids = {n: ObjectId() for n in going}
    fields = {n: file_fields(files[n].blob, name=files[n].target.name) for n in going}
    docs: list[store.EntryDoc] = []
    clashed: list[int] = []
    done = False
    try:
        await store.insert_revisions(
            db,
            [
                store.new_revision(entry_id=ids[n], owner=owner, rev=1, fields=fields[n], at=at)
                for n in going
            ],
        )
        async with journal.change(db=db, owner_id=owner) as seq:
            for n in going:
                target = files[n].target
                docs.append(
                    store.new_entry(
                        owner=owner,
                        parent=target.into.folder,
                        name=target.name,
                        is_file=True,
                        seq=seq,
                        at=at,
                        entry_id=ids[n],
                        file={**fields[n], "mime_type": mime_type_for(target.name)},
                        share=target.into.share,
                    )
                )
            clashed = [going[k] for k in await store.insert_new_entries(db, docs)]
        done = True
    finally:
        if not done:
            await asyncio.shield(_withdraw_missing(db, owner, files, ids))
    if clashed:
        await asyncio.shield(_withdraw(db, owner, files, ids, clashed))
    inserted = [n for n in going if n not in set(clashed)]
    await _settle(db, files, dict(zip(going, docs, strict=True)), inserted, outcomes)
    return clashed


async def _withdraw(
    db: Database,
    owner: ObjectId,
    files: Sequence[NewFile],
    ids: dict[int, ObjectId],
    indexes: list[int],
) -> None:
    """Give back the quota and history records of new files whose entries were not inserted."""
    await store.drop_claims(db, [ids[n] for n in indexes])
    await quota.release(db, owner, sum(files[n].blob.size for n in indexes))


async def _withdraw_missing(
    db: Database, owner: ObjectId, files: Sequence[NewFile], ids: dict[int, ObjectId]
) -> None:
    """After a batch was cut: withdraw the files whose entries did not go in."""
    there = await store.existing_ids(db, list(ids.values()))
    await _withdraw(db, owner, files, ids, [n for n, entry in ids.items() if entry not in there])


async def _settle(
    db: Database,
    files: Sequence[NewFile],
    docs: dict[int, store.EntryDoc],
    inserted: list[int],
    outcomes: list[Outcome | None],
) -> None:
    """Bring new files in line with their folders (trashed or purged meanwhile, or shared).

    Every entry was inserted before the first folder is read: when the first file of a
    folder needs nothing, the others (in the same folder, written earlier still) need
    nothing either; otherwise each is settled on its own.
    """
    by_folder: dict[tuple[ObjectId, ObjectId | None], list[int]] = {}
    for n in inserted:
        into = files[n].target.into
        by_folder.setdefault((into.folder, into.mount), []).append(n)
    for group in by_folder.values():
        first, rest = group[0], group[1:]
        in_line = await _settle_one(db, files[first].target.into, docs[first], first, outcomes)
        for n in rest:
            into = files[n].target.into
            if in_line:
                outcomes[n] = into.view(docs[n]).record()
            else:
                await _settle_one(db, into, docs[n], n, outcomes)


async def _settle_one(
    db: Database,
    into: Place,
    doc: store.EntryDoc,
    n: int,
    outcomes: list[Outcome | None],
) -> bool:
    """Settle one new file: whether it stood as written (its folder live and in line)."""
    try:
        record = await settle_written(db, into.view(doc))
    except errors.DomainError as refused:
        outcomes[n] = refused
        return False
    outcomes[n] = record
    share = None if doc.get("share_id") is None else str(doc.get("share_id"))
    return not record.trashed and record.seq == doc["seq"] and record.share_id == share
