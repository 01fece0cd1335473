"""Share links, the owner's side: making, listing, revoking and pruning links, and the
link's record with its URL derived again (see sharing/service.py for the token scheme).
sharing/service.py re-exports these names."""

from __future__ import annotations

import base64
import hashlib
import hmac
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta

from bson import ObjectId

from dropbox_lite.auth import passwords
from dropbox_lite.auth.service import validate_password
from dropbox_lite.core import errors
from dropbox_lite.core.clock import now
from dropbox_lite.core.config import Settings
from dropbox_lite.core.db import Database
from dropbox_lite.files import service as files_service
from dropbox_lite.sharing import store
from dropbox_lite.sharing.store import ShareLink

ACCESS_LEVELS = ("VIEWER", "EDITOR", "UPLOAD_ONLY")
TOKEN_CONTEXT = "share-link:"  # HMAC message prefix: a token is for this use only
MAX_LINKS_LISTED = 200
# Revoked and expired links are kept this long (the owner may still see why a link
# stopped), then pruned by prune_share_links.
ENDED_LINK_RETENTION = timedelta(days=30)


@dataclass(frozen=True)
class ShareLinkRecord:
    id: str
    entry_id: str
    owner_id: str
    access: str
    expires_at: datetime | None
    has_password: bool
    created_at: datetime
    revoked: bool
    download_count: int
    # {PUBLIC_URL}/s/{token} while the link lives and its token can be derived again.
    url: str | None = None


@dataclass(frozen=True)
class CreatedLink:
    link: ShareLinkRecord
    token: str
    url: str


def token_digest(token: str) -> str:
    return hashlib.sha256(token.encode("utf-8")).hexdigest()


def derive_token(*, key: str, link_id: str) -> str:
    """The token of the link with this id under this secret key (43 characters)."""
    mac = hmac.new(
        key.encode("utf-8"), (TOKEN_CONTEXT + link_id).encode("utf-8"), hashlib.sha256
    ).digest()
    return base64.urlsafe_b64encode(mac).rstrip(b"=").decode("ascii")


def recover_token(*, settings: Settings, link: ShareLink) -> str | None:
    """The token of a live link, derived again; None when it cannot be (made before tokens
    were derived, under a key no longer configured) or the link is revoked or expired."""
    if link.revoked or (link.expires_at is not None and link.expires_at <= now()):
        return None
    for key in settings.secret_keys:  # a rotated-out key still configured still derives it
        token = derive_token(key=key, link_id=str(link.id))
        if hmac.compare_digest(token_digest(token), link.token):
            return token
    return None


def link_record(link: ShareLink, *, settings: Settings | None = None) -> ShareLinkRecord:
    """The record of a stored link; with `settings`, its URL when it can be shown."""
    token = None if settings is None else recover_token(settings=settings, link=link)
    return ShareLinkRecord(
        id=str(link.id),
        entry_id=str(link.entry_id),
        owner_id=str(link.owner_id),
        access=link.access,
        expires_at=link.expires_at,
        has_password=link.password_hash is not None,
        created_at=link.created_at,
        revoked=link.revoked,
        download_count=link.download_count,
        url=None if token is None or settings is None else link_url(settings=settings, token=token),
    )


def link_url(*, settings: Settings, token: str) -> str:
    return f"{settings.public_url}/s/{token}"


def _object_id(value: object) -> ObjectId:
    """The ObjectId of an id argument; NotFound for anything that is not one."""
    if not isinstance(value, str) or not ObjectId.is_valid(value):
        raise errors.NotFound()
    return ObjectId(value)


async def create_share_link(
    *,
    db: Database,
    settings: Settings,
    user_id: str,
    entry_id: str,
    access: str = "VIEWER",
    expires_at: datetime | None = None,
    password: str | None = None,
) -> CreatedLink:
    """A new link to the user's entry; NotFound for another's, InvalidInput for bad options."""
    if access not in ACCESS_LEVELS:
        raise errors.InvalidInput("Access is VIEWER, EDITOR or UPLOAD_ONLY.", field="access")
    entry = await files_service.get_entry(db=db, user_id=user_id, entry_id=entry_id)
    if access == "UPLOAD_ONLY" and entry.is_file:
        raise errors.InvalidInput("Only a folder can have an upload-only link.", field="access")
    if entry.role == "viewer":
        raise errors.PermissionDenied("A viewer of a shared folder cannot make links to it.")
    if entry.mount_of is not None:
        raise errors.PermissionDenied("Links to a folder shared with you are made by its owner.")
    at = now()
    if expires_at is not None:
        if expires_at.tzinfo is None:
            expires_at = expires_at.replace(tzinfo=UTC)
        if expires_at <= at:
            raise errors.InvalidInput("The expiry must be in the future.", field="expiresAt")
    password_hash = None
    if password is not None:
        password_hash = await passwords.hash_password(
            validate_password(password), rounds=settings.bcrypt_rounds
        )
    link_id = ObjectId()
    token = derive_token(key=settings.secret_keys[0], link_id=str(link_id))
    link = store.new_link(
        link_id=link_id,
        token_digest=token_digest(token),
        entry_id=ObjectId(entry.id),
        owner_id=ObjectId(entry.owner_id),
        access=access,
        expires_at=expires_at,
        password_hash=password_hash,
        at=at,
        created_by=ObjectId(user_id),
    )
    await store.insert(db=db, link=link)
    return CreatedLink(
        link=link_record(link, settings=settings),
        token=token,
        url=link_url(settings=settings, token=token),
    )


async def list_share_links(
    *,
    db: Database,
    settings: Settings,
    user_id: str,
    entry_id: str | None = None,
    first: int = 100,
) -> list[ShareLinkRecord]:
    """The user's links that are not revoked, newest first; of one entry when given."""
    owner_id = _object_id(user_id)
    entry_oid = None
    if entry_id is not None:
        # NotFound for another's entry; a trashed entry's links are still listed.
        entry = await files_service.get_entry(
            db=db, user_id=user_id, entry_id=entry_id, include_trashed=True
        )
        entry_oid = ObjectId(entry.id)
    limit = max(1, min(first, MAX_LINKS_LISTED))
    links = await store.list_by_owner(db=db, owner_id=owner_id, entry_id=entry_oid, limit=limit)
    return [link_record(link, settings=settings) for link in links]


async def revoke_share_link(*, db: Database, user_id: str, link_id: str) -> ShareLinkRecord:
    """Revoke the user's link at once; NotFound for a missing link or another user's."""
    link = await store.revoke(
        db=db, owner_id=_object_id(user_id), link_id=_object_id(link_id), at=now()
    )
    if link is None:
        raise errors.NotFound()
    return link_record(link)


async def prune_share_links(*, db: Database, retention: timedelta = ENDED_LINK_RETENTION) -> int:
    """Delete links revoked or expired more than `retention` ago; how many were deleted."""
    return await store.delete_ended(db=db, before=now() - retention)


async def count_download(*, db: Database, link_id: str) -> None:
    """One more completed download of the link."""
    await store.count_download(db=db, link_id=_object_id(link_id))
