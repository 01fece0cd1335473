"""files/operations.py: each kind's arguments are a typed value, stored as the plain
fields every version wrote, so an intent left by an older process still finishes."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from typing import Any

import pytest
from bson import ObjectId

from dropbox_lite.core.db import Database
from dropbox_lite.files import operations, store
from dropbox_lite.files import service as files  # registers every kind's finisher
from dropbox_lite.files.copies import Copy
from dropbox_lite.files.entries import NewAccount
from dropbox_lite.files.purge import Leave, Subtree
from dropbox_lite.files.shares import AddMember

A, B, C = ObjectId(), ObjectId(), ObjectId()
KINDS: dict[str, tuple[operations.Args, dict[str, Any]]] = {
    "new_account": (NewAccount(user=A, root=B), {"user": A, "root": B}),
    "add_member": (AddMember(share=A, member=B, mount=C), {"share": A, "member": B, "mount": C}),
    "copy": (Copy(top=A, below=[B, C]), {"top": A, "below": [B, C]}),
    "leave": (Leave(mount=A, share=B), {"mount": A, "share": B}),
    "subtree": (Subtree(top=A), {"top": A}),
}


@pytest.mark.parametrize("kind", sorted(KINDS))
def test_arguments_are_stored_as_the_fields_older_versions_wrote(kind: str) -> None:
    args, stored = KINDS[kind]
    assert args.kind == kind
    assert args.stored() == stored
    assert type(args).load(stored) == args
    # Ids that went through a string (a hand-made intent) read back the same.
    as_text = {k: [str(i) for i in v] if isinstance(v, list) else str(v) for k, v in stored.items()}
    assert type(args).load(as_text) == args


def test_arguments_a_finisher_does_not_need_may_be_missing_but_those_it_needs_may_not() -> None:
    # The finishers before typed arguments read `below` only for a copy whose top is
    # missing, and a leave's `share` never: an intent without them still loads.
    assert Copy.load({"top": A}) == Copy(top=A, below=[])
    assert Leave.load({"mount": A}) == Leave(mount=A, share=None)
    with pytest.raises(KeyError):
        Copy.load({"below": [A]})
    with pytest.raises(KeyError):
        Leave.load({"share": A})


async def _leave_intent(db: Database, kind: str, owner: ObjectId, args: dict[str, Any]) -> None:
    """An intent as an older process wrote it and died: args a plain document."""
    at = datetime.now(UTC) - timedelta(minutes=5)
    await db.collection(operations.OPERATIONS).insert_one(
        {"_id": ObjectId(), "kind": kind, "owner_id": owner, "args": args}
        | {"started_at": at, "lease_until": at}
    )


async def test_an_old_sign_up_intent_finishes_its_root_goes(db: Database) -> None:
    user, root = ObjectId(), ObjectId()
    at = datetime.now(UTC)
    doc = store.new_entry(
        owner=user, parent=None, name="", is_file=False, seq=1, at=at, entry_id=root
    )
    await store.insert_entry(db, doc)
    await _leave_intent(db, "new_account", user, {"user": user, "root": root})
    assert await files.finish_abandoned(db) == 1
    assert await store.entry_by_id(db, root) is None  # no account came to be
    assert await operations.pending(db) == []


async def test_an_old_copy_intent_finishes_what_it_hid_goes(db: Database) -> None:
    owner, top, hidden = ObjectId(), ObjectId(), ObjectId()
    at = datetime.now(UTC)
    below = store.new_entry(
        owner=owner, parent=top, name="a", is_file=False, seq=1, at=at, entry_id=hidden
    )
    below["trashed"] = True  # a copy hides what is below until its top is in
    await store.insert_entry(db, below)
    await _leave_intent(db, "copy", owner, {"top": top, "below": [hidden]})
    assert await files.finish_abandoned(db) == 1
    assert await store.entry_by_id(db, hidden) is None  # the top never went in: undone
    assert await operations.pending(db) == []
