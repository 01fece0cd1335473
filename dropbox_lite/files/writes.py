"""Uploads under Dropbox's write modes (add, overwrite, update) and conflicted copies."""

from __future__ import annotations

import asyncio
from collections.abc import Iterable
from dataclasses import dataclass

from bson import ObjectId

from dropbox_lite.core import errors
from dropbox_lite.core.config import Settings
from dropbox_lite.core.db import Database
from dropbox_lite.files import blobs, journal, names, quota, store
from dropbox_lite.files.access import Place, must_write, owners_quota
from dropbox_lite.files.entries import account, place
from dropbox_lite.files.entry_doc import EntryDoc, FileFields
from dropbox_lite.files.records import (
    EntryRecord,
    file_fields,
    mime_type_for,
    now,
    oid,
)
from dropbox_lite.files.revisions import MAX_ATTEMPTS, new_revision, record_revision, same_content
from dropbox_lite.files.settle import settle_written
from dropbox_lite.files.store import DuplicateKeyError
from dropbox_lite.sharing import members
from dropbox_lite.sync.conflicts import LocalVersion, RemoteVersion, SyncDecision, detect_conflicts

WRITE_MODES = ("add", "overwrite", "update")


async def _insert_file(
    db: Database,
    *,
    into: Place,
    name: str,
    fields: FileFields,
    known: quota.Budget | None = None,
) -> EntryRecord:
    """Insert a new file (rev 1); DuplicateKeyError when the name is taken.

    Its history record comes first: a writer killed after the entry's insert must not
    leave a file without the record of its revision (a record without its entry is a
    claim that repair removes once it is older than the claim lease).

    The folder was checked before the upload streamed; it may have gone to the
    trash (or been purged) since, so the new file is settled with it afterwards:
    trashed with it, or purged (NotFound).
    """
    at = now()
    owner = into.owner
    entry_id = ObjectId()
    await quota.reserve(db, owner, fields["size"], known=known)
    inserted = False
    try:
        await record_revision(db, entry_id=entry_id, owner=owner, rev=1, fields=fields, at=at)
        async with journal.change(db=db, owner_id=owner) as seq:
            doc = store.new_entry(
                owner=owner,
                parent=into.folder,
                name=name,
                is_file=True,
                seq=seq,
                at=at,
                entry_id=entry_id,
                file={**fields, "mime_type": mime_type_for(name)},
                share=into.share,
            )
            await store.insert_entry(db, doc)
            inserted = True
    finally:
        if not inserted:
            await asyncio.shield(_withdraw(db, owner, entry_id, int(fields["size"])))
    return await settle_written(db, into.view(doc))


async def _withdraw(db: Database, owner: ObjectId, entry_id: ObjectId, size: int) -> None:
    """Undo a new file's quota and history record when its entry was not inserted."""
    await store.drop_claim(db, entry_id, 1)
    await quota.release(db, owner, size)


async def still_allowed(db: Database, user: ObjectId, into: Place) -> None:
    """The writer may still write into the place, now that the bytes are stored.

    A member's access was checked before the upload streamed; they may have been
    removed (or made a viewer) since: then nothing is committed (PermissionDenied,
    or NotFound once they are no member at all). An owner writing into their own
    folder has no membership to lose.
    """
    if into.mount is None or into.share is None:
        return
    membership = await members.find(db, into.share, user)
    if membership is None:
        raise errors.NotFound()
    must_write(membership.role)


async def _insert_with_names(
    db: Database,
    *,
    into: Place,
    candidates: Iterable[str],
    fields: FileFields,
) -> EntryRecord:
    """Insert under the first free name of `candidates`; NameTaken when none is free."""
    for candidate in candidates:
        try:
            return await _insert_file(db, into=into, name=candidate, fields=fields)
        except DuplicateKeyError:
            continue
    raise errors.NameTaken()


async def store_file(
    *,
    db: Database,
    settings: Settings,
    user_id: str,
    file_obj: blobs.Readable,
    folder_id: str | None,
    name: str,
    mode: str = "add",
    parent_rev: int | None = None,
    autorename: bool = False,
    content_hash: str | None = None,
    username: str | None = None,
    reuse_identical: bool = True,
) -> EntryRecord:
    """Stream an upload into the folder under `name` with Dropbox's write modes.

    add: never replaces (NameTaken, or a free "name (1)" with autorename);
    overwrite: a new revision whatever the current one is; update: a new revision only
    while the file is still at `parent_rev`, else Conflict (or a conflicted copy with
    autorename). The same content as the current revision changes nothing, unless
    `reuse_identical` is off (a share-link visitor must never be handed the owner's
    existing file: their upload is always a file of its own).
    """
    target = await prepare_write(
        db=db, user_id=user_id, folder_id=folder_id, name=name, mode=mode, parent_rev=parent_rev
    )
    with owners_quota(target.into):
        blob = await blobs.write_blob(
            db=db,
            stream=file_obj,
            max_bytes=settings.max_upload_bytes,
            quota_left=target.room(),
            expected_content_hash=content_hash,
            filename=target.name,
        )
    return await commit_write(
        db=db,
        settings=settings,
        target=target,
        blob=blob,
        autorename=autorename,
        username=username,
        reuse_identical=reuse_identical,
    )


@dataclass
class Target:
    """Where a write goes, checked before its bytes are stored (see prepare_write)."""

    user: ObjectId
    into: Place
    name: str
    mode: str
    parent_rev: int | None
    known: quota.Budget
    existing: EntryDoc | None = None
    looked: bool = False

    def room(self) -> int | None:
        """Bytes the write may store (None: no quota)."""
        freed = 0
        if self.existing is not None and self.existing["is_file"]:
            freed = int(self.existing.get("size", 0))
        return self.known.left(freed=freed)


def check_mode(mode: str, parent_rev: int | None) -> None:
    if mode not in WRITE_MODES:
        raise errors.BadInput(f"mode must be one of {', '.join(WRITE_MODES)}.")
    if mode == "update" and parent_rev is None:
        raise errors.BadInput("mode UPDATE needs parentRev.")


async def prepare_write(
    *,
    db: Database,
    user_id: str,
    folder_id: str | None,
    name: str,
    mode: str = "add",
    parent_rev: int | None = None,
) -> Target:
    """Check a write before its bytes arrive: mode, name, folder, the writer's right.

    What uploadFile, tus and upload sessions all do first (the same errors).
    """
    check_mode(mode, parent_rev)
    name = names.validate_name(name)
    user = oid(user_id)
    into = await place(db, user, folder_id)
    with owners_quota(into):
        target = Target(
            user=user,
            into=into,
            name=name,
            mode=mode,
            parent_rev=parent_rev,
            known=await quota.budget(db, into.owner),
        )
        if target.known.quota is not None and mode != "add":
            # An overwrite's current revision may expire to make room: it counts as room.
            target.existing = await store.find_live_child(db, into.owner, into.folder, name)
            target.looked = True
    return target


async def commit_write(
    *,
    db: Database,
    settings: Settings,
    target: Target,
    blob: blobs.BlobRecord,
    autorename: bool = False,
    username: str | None = None,
    reuse_identical: bool = True,
) -> EntryRecord:
    """Make stored bytes the file `target` names, with Dropbox's write modes.

    Only metadata is written (a commit copies no bytes), by a writer that still may.
    """
    with owners_quota(target.into):
        return await _commit(
            db,
            settings,
            target,
            blob,
            autorename=autorename,
            username=username,
            reuse_identical=reuse_identical,
        )


async def _commit(
    db: Database,
    settings: Settings,
    target: Target,
    blob: blobs.BlobRecord,
    *,
    autorename: bool,
    username: str | None,
    reuse_identical: bool,
) -> EntryRecord:
    into, name, mode, parent_rev, known = (
        target.into,
        target.name,
        target.mode,
        target.parent_rev,
        target.known,
    )
    owner, parent = into.owner, into.folder
    # Bytes are stored (invariant 1); from here on only metadata is written, by a
    # writer that still may.
    await still_allowed(db, target.user, into)
    fields = file_fields(blob, name=name)
    for attempt in range(MAX_ATTEMPTS):
        if attempt == 0 and mode == "add":
            current = None  # most adds are new names: try the insert before looking
        elif attempt == 0 and target.looked:
            current = target.existing  # read just before the bytes streamed
        else:
            current = await store.find_live_child(db, owner, parent, name)
        if current is None:
            try:
                return await _insert_file(db, into=into, name=name, fields=fields, known=known)
            except DuplicateKeyError:
                continue  # the name is taken: look at what has it
        if current["is_file"] and mode == "update":
            assert parent_rev is not None
            decision = detect_conflicts(
                LocalVersion(base_rev=parent_rev, content_hash=blob.content_hash),
                RemoteVersion(
                    rev=int(current["rev"]), content_hash=current.get("content_hash", "")
                ),
            )
            if decision in (SyncDecision.NO_CHANGE, SyncDecision.SAME_CONTENT):
                return into.view(current).record()  # the same bytes: nothing to do
            if decision is SyncDecision.CONFLICT:
                if autorename:
                    return await _conflicted_copy(
                        db, into=into, name=name, fields=fields, username=username
                    )
                raise errors.Conflict(
                    current=into.view(current).record(), your_parent_rev=parent_rev
                )
            # FAST_FORWARD: only this device changed the file since parent_rev.
        elif reuse_identical and current["is_file"] and same_content(current, blob):
            return into.view(current).record()  # the same bytes: nothing to do
        elif not current["is_file"] or mode == "add":
            if not autorename:
                raise errors.NameTaken()
            return await _insert_with_names(
                db, into=into, candidates=names.autorename_candidates(name), fields=fields
            )
        updated = await new_revision(
            db,
            current=current,
            fields=fields,
            keep=settings.max_revisions_per_file,
            known=known,
        )
        if updated is not None:
            return into.view(updated).record()
        # The file moved on between our read and our write: overwrite looks again,
        # update reports the conflict on the next pass.
    raise errors.Conflict("Too many concurrent writers; try again.")


async def _conflicted_copy(
    db: Database,
    *,
    into: Place,
    name: str,
    fields: FileFields,
    username: str | None,
) -> EntryRecord:
    if username is None:
        username = (await account(db, into.owner)).username
    copy_name = names.conflicted_copy_name(name, username, now().date())
    candidates = names.name_then_numbered(copy_name)
    return await _insert_with_names(db, into=into, candidates=candidates, fields=fields)


async def store_conflicted_copy(
    *,
    db: Database,
    user_id: str,
    folder_id: str,
    name: str,
    blob: blobs.BlobRecord,
    username: str | None = None,
) -> EntryRecord:
    """Keep bytes already stored as "name (user's conflicted copy DATE)" (Sync's KEEP_BOTH)."""
    into = await place(db, oid(user_id), folder_id)
    fields = file_fields(blob, name=name)
    return await _conflicted_copy(db, into=into, name=name, fields=fields, username=username)
