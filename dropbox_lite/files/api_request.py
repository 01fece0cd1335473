"""What the files types' resolvers read through the request: its DataLoaders (a page of
entries costs one query per kind, not one per entry), who may read paths and history, and
download URLs bound to its session."""

from __future__ import annotations

from strawberry.dataloader import DataLoader

from dropbox_lite.core import errors
from dropbox_lite.core.api import Info, current_user_id
from dropbox_lite.files import links, service
from dropbox_lite.files.service import EntryRecord
from dropbox_lite.sharing import badges


def shared_loader(info: Info) -> DataLoader[EntryRecord, service.SharedRecord | None]:
    """This request's loader of what entries' shared folders are (Entry.shared)."""
    loaders = info.context.loaders
    loader: DataLoader[EntryRecord, service.SharedRecord | None] | None = loaders.get(
        "files.shared"
    )
    if loader is None:
        db, user = info.context.db, current_user_id(info)

        async def batch(records: list[EntryRecord]) -> list[service.SharedRecord | None]:
            return await service.shared_records(db=db, user_id=user, records=records)

        loader = DataLoader(load_fn=batch, cache_key_fn=lambda r: (r.id, r.via))
        loaders["files.shared"] = loader
    return loader


def link_badge_loader(info: Info) -> DataLoader[str, bool]:
    """This request's loader of whether entries have a live share link (Entry.hasLink)."""
    loaders = info.context.loaders
    loader: DataLoader[str, bool] | None = loaders.get("files.has_link")
    if loader is None:
        db, user = info.context.db, current_user_id(info)

        async def batch(ids: list[str]) -> list[bool]:
            linked = await badges.linked_entries(db=db, user_id=user, entry_ids=ids)
            return [entry_id in linked for entry_id in ids]

        loader = DataLoader(load_fn=batch)
        loaders["files.has_link"] = loader
    return loader


def username_loader(info: Info) -> DataLoader[str, str | None]:
    """This request's loader of usernames by user id (members of shared folders)."""
    loaders = info.context.loaders
    loader: DataLoader[str, str | None] | None = loaders.get("files.usernames")
    if loader is None:
        db = info.context.db

        async def batch(ids: list[str]) -> list[str | None]:
            return await service.usernames(db=db, user_ids=ids)

        loader = DataLoader(load_fn=batch)
        loaders["files.usernames"] = loader
    return loader


def path_nodes(info: Info) -> DataLoader[str, service.PathNode | None]:
    """This request's loader of entries' names and parents (Entry.path)."""
    loaders = info.context.loaders
    loader: DataLoader[str, service.PathNode | None] | None = loaders.get("files.path_nodes")
    if loader is None:
        db = info.context.db

        async def batch(ids: list[str]) -> list[service.PathNode | None]:
            return await service.load_path_nodes(db=db, ids=ids)

        loader = DataLoader(load_fn=batch)
        loaders["files.path_nodes"] = loader
    return loader


def readers_only(info: Info, record: EntryRecord) -> None:
    """NotFound unless the entry was read for the signed-in user: theirs, or in a folder
    shared with them (a share-link visitor never reads paths or history)."""
    user = info.context.user
    if user is None or (user.id != record.owner_id and record.via is None):
        raise errors.NotFound()


def signed_download(info: Info, *, file_id: str, rev: int, expires_in: int) -> str:
    """The owner's signed download URL, bound to the session that asks for it.

    It stops working when that session ends (logout, password change, a disabled
    account), not only when it expires: files/routes.py checks the session.
    """
    ctx = info.context
    if ctx.session is None or ctx.user is None:
        raise errors.NotFound()
    return links.download_url(
        settings=ctx.settings,
        signer=ctx.signer,
        file_id=file_id,
        rev=rev,
        expires_in=expires_in,
        session_id=ctx.session.id,
        user_id=ctx.user.id,
    )
