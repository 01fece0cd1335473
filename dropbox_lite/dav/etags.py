"""Folder ETags that change whenever anything below the folder changes.

Nextcloud clients find changes by walking ETags down the tree, so a folder's ETag
must change when any entry in its subtree does. No entry records its ancestors, and
the lead's tree code is not ours to change, so the ETag is computed from what every
write already leaves behind: each write gives the entry it touches a fresh `seq`
from its owner's journal, greater than any the owner used before.

A folder's ETag is a hash of its id, its own seq, and, per owner of entries in its
subtree (a mount brings a share owner's entries), the highest seq and the number of
entries, whatever their state (trashed entries and tombstones keep their parent).
Why that is enough: a write that adds or changes an entry in the subtree brings a
seq higher than every earlier one, so the highest seq differs from every earlier
state's; a write that takes an entry out (a move away) lowers the count, and only a
fresh seq can raise it again. Two states get the same ETag only if no entry was
added or changed between them and none was taken out: the same subtree.

The cost: one query per level of the subtree and owner (the listing index), reading
only ids and seqs; a PROPFIND walks the target's subtree once for the target and all
its child folders. Past MAX_WALK entries the walk stops and the ETag is the owners'
latest journal numbers instead: it then changes on every write of those owners,
which is correct but makes clients look more often.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field

from bson import ObjectId

from dropbox_lite.core import errors
from dropbox_lite.core.db import Database
from dropbox_lite.files import journal, store
from dropbox_lite.files.entries import contents_of
from dropbox_lite.files.entry_doc import Mark
from dropbox_lite.files.records import EntryRecord

MAX_WALK = 50_000
# Owners' folders read per query.
BATCH = 500


@dataclass
class _Tally:
    marks: dict[ObjectId, tuple[int, int]] = field(default_factory=dict)  # owner: (max, count)
    size: int = 0  # of the live files

    def add(self, owner: ObjectId, doc: Mark) -> None:
        top, count = self.marks.get(owner, (0, 0))
        self.marks[owner] = (max(top, int(doc.get("seq", 0))), count + 1)
        if doc["is_file"] and not doc.get("trashed") and not doc.get("deleted"):
            self.size += int(doc.get("size", 0))


@dataclass(frozen=True)
class FolderState:
    etag: str
    size: int | None  # bytes of the live files below; None when the walk stopped short


def _etag(folder: EntryRecord, tally: _Tally | None, fallback: str) -> str:
    parts = [folder.id, str(folder.seq)]
    if tally is None:
        parts.append(fallback)
    else:
        parts += [f"{o}:{m}:{c}" for o, (m, c) in sorted(tally.marks.items(), key=str)]
    return '"' + hashlib.sha1("|".join(parts).encode()).hexdigest()[:24] + '"'


async def folder_etags(db: Database, folders: list[EntryRecord]) -> dict[str, FolderState]:
    """The ETag and size of each folder (by id), from one walk down all their subtrees."""
    if not folders:
        return {}
    tallies = {f.id: _Tally() for f in folders}
    # (owner, folder) -> which of `folders` it lies below (a folder may be below two).
    frontier: dict[tuple[ObjectId, ObjectId], set[str]] = {}
    for folder in folders:
        try:
            owner, parent, _ = await contents_of(db, folder)
        except errors.NotFound:  # a mount whose share is gone: it lists empty
            owner, parent = ObjectId(folder.owner_id), ObjectId(folder.id)
        frontier.setdefault((owner, parent), set()).add(folder.id)
    seen = 0
    owners: set[ObjectId] = set()
    while frontier:
        following: dict[tuple[ObjectId, ObjectId], set[str]] = {}
        by_owner: dict[ObjectId, list[ObjectId]] = {}
        for owner, parent in frontier:
            by_owner.setdefault(owner, []).append(parent)
            owners.add(owner)
        for owner, parents in by_owner.items():
            for start in range(0, len(parents), BATCH):
                docs = await store.marks_below(db, owner, parents[start : start + BATCH])
                seen += len(docs)
                if seen > MAX_WALK:
                    return await _fallback(db, folders, owners)
                for doc in docs:
                    groups = frontier[(owner, doc["parent_id"])]
                    for group in groups:
                        tallies[group].add(owner, doc)
                    if doc["is_file"] or doc.get("trashed") or doc.get("deleted"):
                        continue  # a trashed folder changes only by being restored
                    if doc.get("mount_of") is not None and doc.get("mount_owner") is not None:
                        key = (doc["mount_owner"], doc["mount_of"])
                    else:
                        key = (owner, doc["_id"])
                    following.setdefault(key, set()).update(groups)
        frontier = following
    return {f.id: FolderState(_etag(f, tallies[f.id], ""), tallies[f.id].size) for f in folders}


async def _fallback(
    db: Database, folders: list[EntryRecord], owners: set[ObjectId]
) -> dict[str, FolderState]:
    latest = [f"{o}:{await journal.top_seq(db=db, owner_id=o)}" for o in sorted(owners, key=str)]
    return {f.id: FolderState(_etag(f, None, ",".join(latest)), None) for f in folders}
