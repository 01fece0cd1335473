"""One entry by id or by path, a user's root folder, and the documents behind them."""

from __future__ import annotations

from collections.abc import Awaitable, Callable, Mapping
from dataclasses import dataclass
from typing import Any, ClassVar, Self, TypeVar

from bson import ObjectId

from dropbox_lite.auth import user_store
from dropbox_lite.core import errors
from dropbox_lite.core.db import Database
from dropbox_lite.core.state import current
from dropbox_lite.files import access, journal, operations, store
from dropbox_lite.files.records import EntryRecord, Seen, now, oid, seen_as


async def create_root_folder(*, db: Database, owner_id: ObjectId, root_id: ObjectId) -> None:
    """The user's root folder (name "", no parent), created with the account."""
    async with journal.change(db=db, owner_id=owner_id) as seq:
        at = now()
        root = store.new_entry(
            owner=owner_id, parent=None, name="", is_file=False, seq=seq, at=at, entry_id=root_id
        )
        await store.insert_entry(db, root)


T = TypeVar("T")


@dataclass(frozen=True)
class NewAccount(operations.Args):
    """The operation of a new account: its root first, then the account
    (auth.create_user; finish_new_account)."""

    kind: ClassVar[str] = "new_account"
    user: ObjectId
    root: ObjectId

    @classmethod
    def load(cls, args: Mapping[str, Any]) -> Self:
        return cls(user=ObjectId(args["user"]), root=ObjectId(args["root"]))


@operations.finisher(NewAccount)
async def finish_new_account(db: Database, args: NewAccount) -> None:
    """A sign-up cut short: an account with its root stays; a root without one goes."""
    if not await store.user_exists(db, args.user):
        await store.delete_root(db, args.user, args.root)


def account_maker(
    db: Database,
) -> Callable[[ObjectId, ObjectId, Callable[[], Awaitable[T]]], Awaitable[T]]:
    """How auth makes an account whole: its root first, then `insert` (the account),
    as one operation (finish_new_account)."""

    async def make(user_id: ObjectId, root_id: ObjectId, insert: Callable[[], Awaitable[T]]) -> T:
        async def steps() -> T:
            await create_root_folder(db=db, owner_id=user_id, root_id=root_id)
            return await insert()

        return await operations.run(db, user_id, steps, NewAccount(user=user_id, root=root_id))

    return make


async def account(db: Database, user_oid: ObjectId) -> user_store.Owner:
    """The user as an owner of files (auth's user repository); NotFound when there is none."""
    found = await user_store.owner(db=db, user_id=user_oid)
    if found is None:
        raise errors.NotFound()
    return found


# A user's root folder never changes (it cannot be moved, trashed or purged), so its
# id is remembered by the app: writes into the root then read no user document.
MAX_REMEMBERED_ROOTS = 100_000


class KnownRoots:
    """One app's users' root folder ids, owner -> root (core/state.py)."""

    def __init__(self) -> None:
        self.ids: dict[ObjectId, ObjectId] = {}


def _roots() -> KnownRoots:
    # Outside an app (a CLI command, a test calling a service) nothing is kept.
    state = current()
    return KnownRoots() if state is None else state.roots


async def root_oid(db: Database, owner: ObjectId) -> ObjectId:
    """The id of the owner's root folder (remembered once read)."""
    roots = _roots()
    found = roots.ids.get(owner)
    if found is None:
        found = (await account(db, owner)).root_id
        if len(roots.ids) >= MAX_REMEMBERED_ROOTS:
            roots.ids.clear()
        roots.ids[owner] = found
    return found


def known_root(owner: ObjectId) -> ObjectId | None:
    """The owner's root folder id if this app has read it already."""
    return _roots().ids.get(owner)


async def place(db: Database, user: ObjectId, folder_id: str | None) -> access.Place:
    """A live folder the user may write into (the root when None); NotFound otherwise.

    A mount stands for the shared folder behind it; a viewer gets PermissionDenied.
    The root is not read: it always exists and is always live.
    """
    if folder_id is None:
        root = await root_oid(db, user)
        return access.Place(owner=user, folder=root, share=None, mount=None)
    return await access.place(db, user, folder_id)


async def entry_doc(
    db: Database,
    user_oid: ObjectId,
    entry_id: str,
    *,
    include_trashed: bool = False,
    write: bool = False,
) -> Seen:
    """The live entry the user may see (or trashed too); NotFound otherwise.

    Their own, or one inside a folder shared with them (seen through their mount).
    With `write`, a viewer of a shared folder gets PermissionDenied.
    """
    return await access.see(db, user_oid, entry_id, include_trashed=include_trashed, write=write)


async def get_entry(
    *, db: Database, user_id: str, entry_id: str, include_trashed: bool = False
) -> EntryRecord:
    """The user's entry with this id; NotFound when missing, purged or someone else's."""
    seen = await entry_doc(db, oid(user_id), entry_id, include_trashed=include_trashed)
    return seen.record()


async def get_folder(*, db: Database, user_id: str, folder_id: str | None = None) -> EntryRecord:
    """A live folder of the user (the root when no id is given); NotFound otherwise."""
    user_oid = oid(user_id)
    if folder_id is None:
        folder_id = str(await root_oid(db, user_oid))
    seen = await entry_doc(db, user_oid, folder_id)
    if seen.entry["is_file"]:
        raise errors.NotFound()
    return seen.record()


# How far up the tree a path walk goes before it gives up.
MAX_PATH_DEPTH = 10_000

PathNode = tuple[str, str | None]  # an entry's name and its parent's id


async def load_path_nodes(*, db: Database, ids: list[str]) -> list[PathNode | None]:
    """The name and parent of each entry id, in one query (a DataLoader's batch)."""
    wanted = [ObjectId(i) for i in ids if ObjectId.is_valid(i)]
    found: dict[str, PathNode] = {}
    for entry_id, doc in (await store.names_and_parents(db, wanted)).items():
        parent = doc.get("parent_id")
        found[str(entry_id)] = (doc["name"], None if parent is None else str(parent))
    return [found.get(i) for i in ids]


async def entry_path(
    *,
    db: Database,
    record: EntryRecord,
    load: Callable[[str], Awaitable[PathNode | None]] | None = None,
) -> str:
    """The entry's path from the owner's root: "/a/b/c.txt"; the root is "/".

    `load` reads one ancestor; a per-request DataLoader batches the walks of many
    entries into one query per level (and reads each shared ancestor once).
    """
    if record.parent_id is None:
        return "/"

    async def one(entry_id: str) -> PathNode | None:
        return (await load_path_nodes(db=db, ids=[entry_id]))[0]

    fetch = load or one
    parts = [record.name]
    parent: str | None = record.parent_id
    root = known_root(ObjectId(record.owner_id)) if ObjectId.is_valid(record.owner_id) else None
    for _ in range(MAX_PATH_DEPTH):
        if record.via is not None and parent == record.share_id:
            parent = record.via  # a member's path goes up through their mount
            root = None
        if parent is None or (root is not None and parent == str(root)):
            break  # the root has no name in a path: not read
        node = await fetch(parent)
        if node is None or node[1] is None:
            break
        parts.append(node[0])
        parent = node[1]
    return "/" + "/".join(reversed(parts))


async def child_by_name(*, db: Database, user_id: str, folder_id: str, name: str) -> EntryRecord:
    """The live, untrashed entry named `name` (ignoring case) in the user's folder; NotFound."""
    folder = await get_folder(db=db, user_id=user_id, folder_id=folder_id)
    return await child_named(db=db, folder=folder, name=name)


async def contents_of(db: Database, folder: EntryRecord) -> tuple[ObjectId, ObjectId, EntryRecord]:
    """Whose entries, in which folder, a folder's listing reads (a mount: its share's).

    The record returned is the one whose view the children take.
    """
    if folder.mount_of is None:
        return ObjectId(folder.owner_id), ObjectId(folder.id), folder
    shared = await access.through_mount(
        db, ObjectId(folder.owner_id), ObjectId(folder.id), ObjectId(folder.mount_of), live=False
    )
    return shared.entry["owner_id"], shared.entry["_id"], shared.record()


async def child_named(*, db: Database, folder: EntryRecord, name: str) -> EntryRecord:
    """The live child named `name` of a folder the reader already holds; NotFound."""
    owner, parent, view = await contents_of(db, folder)
    doc = await store.find_live_child_by_key(db, owner, parent, store.live_slot(name))
    if doc is None or (view.via is not None and str(doc.get("share_id")) != view.share_id):
        raise errors.NotFound()  # a member: only what is inside the shared folder
    return seen_as(doc, view).record()


async def resolve_path(
    *, db: Database, user_id: str, path: str, start: EntryRecord | None = None
) -> EntryRecord:
    """The live entry at a path like "/a/b.txt" (names compared ignoring case).

    From the user's root, or from `start` (a folder of theirs already read, such as
    a share link's root: the walk then costs one query per name below it).
    """
    if start is not None and start.owner_id != str(oid(user_id)):
        raise errors.NotFound()
    current = start if start is not None else await get_folder(db=db, user_id=user_id)
    for part in (p for p in path.split("/") if p):
        if current.is_file:
            raise errors.NotFound()
        current = await child_named(db=db, folder=current, name=part)
    return current


async def entry_owner(*, db: Database, entry_id: str, files_only: bool = False) -> str | None:
    """Who owns the entry (a file, if `files_only`), unless it is purged; None otherwise.

    For callers that know an id but no user yet (a signed URL, a share link).
    """
    if not isinstance(entry_id, str) or not ObjectId.is_valid(entry_id):
        return None
    owner = await store.owner_of(db, ObjectId(entry_id), files_only=files_only)
    return None if owner is None else str(owner)


async def movable(db: Database, user_id: str, entry_id: str) -> Seen:
    """The entry the user may rename, move or delete (write access; never the root)."""
    seen = await entry_doc(db, oid(user_id), entry_id, write=True)
    if seen.entry.get("parent_id") is None:
        raise errors.BadInput("The root folder cannot be renamed, moved or deleted.")
    return seen
