"""Share links, a visitor's side: opening a link (throttled tokens and passwords), the
paths, items and listings below its root, signed download and thumbnail URLs, and uploads
into an EDITOR or UPLOAD_ONLY folder link. sharing/service.py re-exports these names."""

from __future__ import annotations

import re
import secrets
from dataclasses import dataclass
from datetime import datetime, timedelta
from urllib.parse import quote

from dropbox_lite.auth import passwords
from dropbox_lite.auth.service import MAX_PASSWORD
from dropbox_lite.core import errors
from dropbox_lite.core.clock import now
from dropbox_lite.core.config import Settings
from dropbox_lite.core.db import Database
from dropbox_lite.core.ratelimit import PasswordGuard, Throttle
from dropbox_lite.core.security import Signer
from dropbox_lite.files import links
from dropbox_lite.files import service as files_service
from dropbox_lite.files.blobs import Readable
from dropbox_lite.files.entries import PathNode, load_path_nodes
from dropbox_lite.files.service import EntryRecord
from dropbox_lite.sharing import store
from dropbox_lite.sharing.owner_links import ShareLinkRecord, link_record, link_url, token_digest
from dropbox_lite.sharing.store import ShareLink

# Links whose visitors see what is inside (listings, downloads, zips, thumbnails).
SEES_CONTENTS = ("VIEWER", "EDITOR")
# Links whose visitors may upload into a folder.
TAKES_UPLOADS = ("EDITOR", "UPLOAD_ONLY")
TOKEN_RE = re.compile(r"^[A-Za-z0-9_-]{16,128}$")
DOWNLOAD_PURPOSE = "share-download"
DOWNLOAD_TTL_SECONDS = 300
THUMBNAIL_PURPOSE = "share-thumbnail"
THUMBNAIL_TTL_SECONDS = 3600  # as File.thumbnailUrl: a share page's images stay shown
# Page sizes that a visitor may ask for; a request's listings together are bounded
# by the face (sharing/api.py), so that aliases cannot multiply them.
MAX_PAGE = 200

# Unknown tokens are counted per client address: a scanner tries each token once,
# and a per-token counter would only fill the collection. Wrong passwords are
# counted per (address, link): a guesser locks only itself out of that one link,
# never the link's other visitors, nor its own address out of other links.
UNKNOWN_TOKENS = Throttle(name="share-token", max_failures=50, window=timedelta(minutes=15))
PASSWORDS = PasswordGuard(name="share-password", per_pair=5)  # slows, then refuses


@dataclass(frozen=True)
class Grant:
    """A link that opened: what a visitor may see from here on."""

    link: ShareLinkRecord
    token: str
    root: EntryRecord

    @property
    def root_is_folder(self) -> bool:
        return not self.root.is_file

    @property
    def sees_contents(self) -> bool:
        """Whether visitors see what is in the link (an UPLOAD_ONLY link shows nothing)."""
        return self.link.access in SEES_CONTENTS


@dataclass(frozen=True)
class SharedItem:
    """One entry as a visitor sees it: names and a path relative to the link's root."""

    name: str
    path: str
    is_folder: bool
    size: int | None
    mime_type: str | None
    modified_at: datetime
    # Not shown to visitors; the faces use them to serve bytes and list children.
    entry_id: str
    blob_id: str | None
    content_hash: str | None


@dataclass(frozen=True)
class SharedPage:
    items: list[SharedItem]
    cursor: str | None
    has_more: bool


async def _find_live_link(*, db: Database, token: object) -> tuple[ShareLink, EntryRecord]:
    """The link and its root entry, or NotFound alike for every reason."""
    if not isinstance(token, str) or not TOKEN_RE.fullmatch(token):
        raise errors.NotFound()
    link = await store.find_unrevoked(db=db, token_digest=token_digest(token))
    if link is None:
        raise errors.NotFound()
    if link.expires_at is not None and link.expires_at <= now():
        raise errors.NotFound()
    # Live only: trashing or purging a folder marks everything below it too.
    entry = await files_service.get_entry(
        db=db, user_id=str(link.owner_id), entry_id=str(link.entry_id)
    )
    return link, entry


async def validate_share_token(
    *,
    db: Database,
    settings: Settings,
    token: object,
    password: str | None,
    client_ip: str,
    check_password: bool = True,
) -> Grant:
    """The grant of a live link.

    Unknown, revoked, expired, or pointing at a trashed or purged entry: the same
    NotFound. A password link: PasswordRequired without one, WrongPassword with a
    wrong one. Too many unknown tokens from one address, or wrong passwords from one
    address for this link: RateLimited, even with the right password.
    `check_password=False` is for requests that carry a signature made after the
    password was given.
    """
    await UNKNOWN_TOKENS.check(db=db, keys=[UNKNOWN_TOKENS.key(client_ip)])
    try:
        link, entry = await _find_live_link(db=db, token=token)
    except errors.NotFound:
        await UNKNOWN_TOKENS.fail(db=db, keys=[UNKNOWN_TOKENS.key(client_ip)])
        raise
    assert isinstance(token, str)
    record = link_record(link)
    password_hash = link.password_hash
    if password_hash is not None and check_password:
        if password is None or password == "":
            raise errors.PasswordRequired()
        if not isinstance(password, str) or len(password) > MAX_PASSWORD:
            password = ""
        # Each guess is recorded before it is checked (see PasswordGuard.attempt), so
        # that parallel guesses cannot all pass the throttle before the first fails.
        async with PASSWORDS.attempt(
            db=db, client_ip=client_ip, subject=record.id, failures=(errors.WrongPassword,)
        ) as attempt:
            right = await passwords.check_password(
                password, password_hash, rounds=settings.bcrypt_rounds
            )
            if not right:
                raise errors.WrongPassword()  # the guess's marks stay: a failure
            attempt.succeeded()
    return Grant(link=record, token=token, root=entry)


# Paths inside a link.


def split_path(path: str | None) -> list[str]:
    """The names along a path relative to the link's root; NotFound for one that climbs."""
    if path is None:
        return []
    if not isinstance(path, str) or len(path) > 4096:
        raise errors.NotFound()
    parts = [part for part in path.split("/") if part != ""]
    for part in parts:
        # ".." never climbs out of a link; "." and separators are never names.
        if part in (".", "..") or "\\" in part or "\x00" in part:
            raise errors.NotFound()
    return parts


def _join(parts: list[str]) -> str:
    return "/" + "/".join(parts)


def _item(record: EntryRecord, path: str) -> SharedItem:
    return SharedItem(
        name=record.name,
        path=path,
        is_folder=not record.is_file,
        size=record.size if record.is_file else None,
        mime_type=record.mime_type if record.is_file else None,
        modified_at=record.modified_at,
        entry_id=record.id,
        blob_id=record.blob_id,
        content_hash=record.content_hash if record.is_file else None,
    )


async def resolve_path(*, db: Database, grant: Grant, path: str | None) -> SharedItem:
    """The entry at `path` below the link's root ("/" or None: the root itself)."""
    parts = split_path(path)
    if not grant.sees_contents:
        if parts:
            raise errors.NotFound()  # below an upload-only link there is nothing to see
        return _blind_root(grant)
    if not parts:
        return _item(grant.root, "/")
    if grant.root.is_file:
        raise errors.NotFound()
    owner = grant.link.owner_id
    seen: dict[str, PathNode | None] = {}

    async def load(entry_id: str) -> PathNode | None:
        # Both walks below climb through the link's root: its ancestors are read once.
        if entry_id not in seen:
            seen[entry_id] = (await load_path_nodes(db=db, ids=[entry_id]))[0]
        return seen[entry_id]

    base = await files_service.entry_path(db=db, record=grant.root, load=load)
    prefix = "" if base == "/" else base
    found = await files_service.resolve_path(db=db, user_id=owner, path=prefix + _join(parts))
    # The visitor sees the names as stored (their case), relative to the link's root.
    full = await files_service.entry_path(db=db, record=found, load=load)
    if not full.startswith(prefix + "/"):
        raise errors.NotFound()  # moved out from under the link meanwhile
    if not _published(found, owner):
        raise errors.NotFound()
    return _item(found, full[len(prefix) :])


def _blind_root(grant: Grant) -> SharedItem:
    """An upload-only link's folder as its visitors see it: a name, and not even when
    anything in it last changed (the link's own creation stands for that)."""
    return SharedItem(
        name=grant.root.name,
        path="/",
        is_folder=True,
        size=None,
        mime_type=None,
        modified_at=grant.link.created_at,
        entry_id=grant.root.id,
        blob_id=None,
        content_hash=None,
    )


def _published(record: EntryRecord, owner: str) -> bool:
    """Whether a link of `owner` shows this entry below its root: their own entries only.

    A folder shared with the link's owner (their mount, and what is in it) is someone
    else's: a link to a folder holding it never publishes it, whatever their role.
    """
    return record.owner_id == owner and record.mount_of is None and record.via is None


async def list_children(
    *, db: Database, grant: Grant, folder: SharedItem, first: int = 100, after: str | None = None
) -> SharedPage:
    """A page of a shared folder's live children: folders first, then by name (an upload-only
    link's: always empty)."""
    if not folder.is_folder or not grant.sees_contents:
        return SharedPage(items=[], cursor=None, has_more=False)
    page = await files_service.list_children(
        db=db,
        user_id=grant.link.owner_id,
        folder_id=folder.entry_id,
        first=max(1, min(first, MAX_PAGE)),
        after=after,
    )
    base = [] if folder.path == "/" else split_path(folder.path)
    owner = grant.link.owner_id
    items = [
        _item(record, _join([*base, record.name]))
        for record in page.items
        if _published(record, owner)
    ]
    return SharedPage(items=items, cursor=page.end_cursor or after, has_more=page.has_next_page)


# Signed downloads of files inside a link (and of password links' files).


def download_url(*, settings: Settings, signer: Signer, token: str, path: str) -> str:
    """A short-lived URL that serves the file at `path` of the link to anyone holding it."""
    sig = _sign_path(signer=signer, purpose=DOWNLOAD_PURPOSE, token=token, path=path)
    return f"{link_url(settings=settings, token=token)}?sig={sig}"


def verify_download(*, signer: Signer, sig: str, token: str) -> str | None:
    """The relative path a signature grants for this link's token; None if not valid now."""
    return _verify_path(signer=signer, purpose=DOWNLOAD_PURPOSE, sig=sig, token=token)


def thumbnail_url(*, settings: Settings, signer: Signer, token: str, path: str, size: int) -> str:
    """A URL that serves the thumbnail of the image at `path` of the link for an hour
    (GET /s/{token}/thumbnail): the signature stands for a password the visitor gave."""
    sig = _sign_path(signer=signer, purpose=THUMBNAIL_PURPOSE, token=token, path=path)
    base = link_url(settings=settings, token=token)
    return f"{base}/thumbnail?path={quote(path, safe='/')}&size={size}&sig={sig}"


def verify_thumbnail(*, signer: Signer, sig: str, token: str) -> str | None:
    """The relative path a thumbnail signature grants for this link; None if not valid now."""
    return _verify_path(signer=signer, purpose=THUMBNAIL_PURPOSE, sig=sig, token=token)


def _sign_path(*, signer: Signer, purpose: str, token: str, path: str) -> str:
    ttl = THUMBNAIL_TTL_SECONDS if purpose == THUMBNAIL_PURPOSE else DOWNLOAD_TTL_SECONDS
    return links.sign_download(
        signer=signer, purpose=purpose, fields={"t": token, "p": path}, expires_in=ttl
    )


def _verify_path(*, signer: Signer, purpose: str, sig: str, token: str) -> str | None:
    ttl = THUMBNAIL_TTL_SECONDS if purpose == THUMBNAIL_PURPOSE else DOWNLOAD_TTL_SECONDS
    value = links.unsign_download(signer=signer, purpose=purpose, token=sig, max_age=ttl)
    if value is None:
        return None
    signed_token, path = value.get("t"), value.get("p")
    if not isinstance(signed_token, str) or not secrets.compare_digest(signed_token, token):
        return None
    if not isinstance(path, str):
        return None
    return path


async def upload_to_share_link(
    *,
    db: Database,
    settings: Settings,
    token: str,
    password: str | None,
    client_ip: str,
    file_obj: Readable,
    name: str,
) -> tuple[EntryRecord, SharedItem]:
    """Store an upload in an EDITOR or UPLOAD_ONLY folder link's folder, as its owner's.

    ADD with autorename: an existing name is never overwritten, the upload takes a free
    name (`report (1).pdf`) and that is all a visitor learns. Returns the owner's record
    and the visitor's view of it (a path below the link).
    """
    grant = await validate_share_token(
        db=db, settings=settings, token=token, password=password, client_ip=client_ip
    )
    if grant.link.access not in TAKES_UPLOADS or not grant.root_is_folder:
        raise errors.BadInput("This link does not accept uploads.")
    record = await files_service.store_file(
        db=db,
        settings=settings,
        user_id=grant.link.owner_id,
        file_obj=file_obj,
        folder_id=grant.root.id,
        name=name,
        mode="add",
        autorename=True,
        reuse_identical=False,
    )
    return record, _item(record, _join([record.name]))
