"""Files' public look-ups for other modules: a child by name, a path below a folder, an owner."""

from __future__ import annotations

import pytest
from bson import ObjectId

from dropbox_lite.core import errors
from dropbox_lite.core.config import Settings
from dropbox_lite.core.db import Database
from dropbox_lite.files import service
from tests.files.factories import make_user, upload


async def test_child_by_name_ignores_case_and_skips_the_trash(
    db: Database, settings: Settings
) -> None:
    alice = await make_user(db)
    docs = await service.create_folder(db=db, user_id=alice, parent_id=None, name="Docs")
    note = await upload(db, settings, alice, b"n", "Note.TXT", folder_id=docs.id)
    found = await service.child_by_name(db=db, user_id=alice, folder_id=docs.id, name="note.txt")
    assert (found.id, found.name) == (note.id, "Note.TXT")
    await service.delete_entry(db=db, user_id=alice, entry_id=note.id)
    bad = [
        {"folder_id": docs.id, "name": "note.txt"},  # trashed
        {"folder_id": docs.id, "name": "other.txt"},  # no such name
        {"folder_id": "not-an-id", "name": "Docs"},
        {"folder_id": str(ObjectId()), "name": "Docs"},
    ]
    for kwargs in bad:
        with pytest.raises(errors.NotFound):
            await service.child_by_name(db=db, user_id=alice, **kwargs)
    bob = await make_user(db, username="bob")
    root = await service.get_folder(db=db, user_id=alice)
    with pytest.raises(errors.NotFound):  # someone else's folder
        await service.child_by_name(db=db, user_id=bob, folder_id=root.id, name="Docs")


async def test_resolve_path_below_a_folder(db: Database, settings: Settings) -> None:
    alice = await make_user(db)
    a = await service.create_folder(db=db, user_id=alice, parent_id=None, name="a")
    b = await service.create_folder(db=db, user_id=alice, parent_id=a.id, name="b")
    leaf = await upload(db, settings, alice, b"x", "leaf.txt", folder_id=b.id)
    assert (await service.resolve_path(db=db, user_id=alice, path="/B/leaf.txt", start=a)).id == (
        leaf.id
    )
    assert (await service.resolve_path(db=db, user_id=alice, path="/", start=a)).id == a.id
    assert (await service.resolve_path(db=db, user_id=alice, path="/a/b/leaf.txt")).id == leaf.id
    for path in ("/a/b/leaf.txt", "/b/leaf.txt/more", "/c"):
        with pytest.raises(errors.NotFound):
            await service.resolve_path(db=db, user_id=alice, path=path, start=a)
    bob = await make_user(db, username="bob")
    with pytest.raises(errors.NotFound):  # a start that is not the user's
        await service.resolve_path(db=db, user_id=bob, path="/b", start=a)


async def test_entry_owner(db: Database, settings: Settings) -> None:
    alice = await make_user(db)
    folder = await service.create_folder(db=db, user_id=alice, parent_id=None, name="f")
    file = await upload(db, settings, alice, b"x", "x.txt")
    assert await service.entry_owner(db=db, entry_id=file.id) == alice
    assert await service.entry_owner(db=db, entry_id=file.id, files_only=True) == alice
    assert await service.entry_owner(db=db, entry_id=folder.id) == alice
    assert await service.entry_owner(db=db, entry_id=folder.id, files_only=True) is None
    await service.delete_entry(db=db, user_id=alice, entry_id=file.id)
    assert await service.entry_owner(db=db, entry_id=file.id) == alice  # trashed: still owned
    await service.purge_entry(db=db, user_id=alice, entry_id=file.id)
    for entry_id in (file.id, str(ObjectId()), "nope", ""):
        assert await service.entry_owner(db=db, entry_id=entry_id) is None
