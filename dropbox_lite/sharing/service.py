"""Share links: create_share_link, validate_share_token, revoke_share_link, the public view.

A link's token is shown once, when it is made; `share_links.token` holds only its
SHA-256, so a copy of the database opens no link. A link refers to its entry by id
(it follows renames and moves) and works only while that entry and every folder
above it are live, the link is not revoked and not expired. Everything a visitor
can see is addressed by a path relative to the link's root, never by an id.
"""

from __future__ import annotations

import base64
import hashlib
import json
import re
import secrets
import time
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from typing import Any

from bson import ObjectId
from bson.errors import InvalidId

from dropbox_lite.auth import passwords
from dropbox_lite.auth.service import MAX_PASSWORD, validate_password
from dropbox_lite.core import errors
from dropbox_lite.core.config import Settings
from dropbox_lite.core.db import Database
from dropbox_lite.core.ratelimit import Throttle
from dropbox_lite.core.security import Signer
from dropbox_lite.files import service as files_service
from dropbox_lite.files.blobs import Readable
from dropbox_lite.files.names import name_key

ACCESS_LEVELS = ("VIEWER", "EDITOR")
TOKEN_BYTES = 32  # 256 random bits; token_urlsafe gives 43 characters
TOKEN_RE = re.compile(r"^[A-Za-z0-9_-]{16,128}$")
DOWNLOAD_PURPOSE = "share-download"
DOWNLOAD_TTL_SECONDS = 300
MAX_PAGE = 1000
MAX_LINKS_LISTED = 1000
MAX_DEPTH = 512  # folder nesting walked when checking that no ancestor is trashed

# Unknown tokens are counted per client address only: a scanner tries each token
# once, and a per-token counter for guesses would only fill the collection. Wrong
# passwords are counted per address and per link (a guesser with many addresses);
# the per-link budget is larger so that one stranger cannot easily lock visitors out.
UNKNOWN_TOKENS = Throttle(name="share-token", max_failures=50, window=timedelta(minutes=15))
PASSWORDS_BY_ADDRESS = Throttle(name="share-password-ip", max_failures=5)
PASSWORDS_BY_LINK = Throttle(name="share-password-link", max_failures=20)

_LIVE = {"trashed": {"$ne": True}, "deleted": {"$ne": True}}


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


@dataclass(frozen=True)
class CreatedLink:
    link: ShareLinkRecord
    token: str
    url: str


@dataclass(frozen=True)
class Grant:
    """A link that opened: what a visitor may see from here on."""

    link: ShareLinkRecord
    token: str
    root: dict[str, Any]

    @property
    def root_is_folder(self) -> bool:
        return not self.root.get("is_file", False)


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


def now() -> datetime:
    return datetime.now(UTC)


def _aware(value: datetime | None) -> datetime | None:
    # mongomock returns naive datetimes even with tz_aware=True; they are UTC.
    if value is None:
        return None
    return value if value.tzinfo else value.replace(tzinfo=UTC)


def token_digest(token: str) -> str:
    return hashlib.sha256(token.encode("utf-8")).hexdigest()


def link_record(doc: dict[str, Any]) -> ShareLinkRecord:
    created = _aware(doc["created_at"])
    assert created is not None
    return ShareLinkRecord(
        id=str(doc["_id"]),
        entry_id=str(doc["entry_id"]),
        owner_id=str(doc["owner_id"]),
        access=doc["access"],
        expires_at=_aware(doc.get("expires_at")),
        has_password=doc.get("password_hash") is not None,
        created_at=created,
        revoked=bool(doc.get("revoked", False)),
        download_count=int(doc.get("download_count", 0)),
    )


def link_url(*, settings: Settings, token: str) -> str:
    return f"{settings.public_url}/s/{token}"


def _object_id(value: object) -> ObjectId:
    """The ObjectId of an id argument; NotFound for anything that is not one."""
    if not isinstance(value, str):
        raise errors.NotFound()
    try:
        return ObjectId(value)
    except (InvalidId, TypeError):
        raise errors.NotFound() from None


async def _live_ancestry(*, db: Database, entry: dict[str, Any]) -> bool:
    """Whether the entry and every folder above it are neither trashed nor purged."""
    current: dict[str, Any] | None = entry
    for _ in range(MAX_DEPTH):
        if current is None or current.get("trashed") or current.get("deleted"):
            return False
        parent_id = current.get("parent_id")
        if parent_id is None:
            return True
        current = await db["entries"].find_one(
            {"_id": parent_id, "owner_id": entry["owner_id"]},
            projection={"parent_id": 1, "trashed": 1, "deleted": 1, "owner_id": 1},
        )
    return False


async def _owned_live_entry(*, db: Database, user_id: str, entry_id: str) -> dict[str, Any]:
    doc: dict[str, Any] | None = await db["entries"].find_one(
        {"_id": _object_id(entry_id), "owner_id": _object_id(user_id), **_LIVE}
    )
    if doc is None or not await _live_ancestry(db=db, entry=doc):
        raise errors.NotFound()
    return doc


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
        raise errors.InvalidInput("Access is VIEWER or EDITOR.", field="access")
    entry = await _owned_live_entry(db=db, user_id=user_id, entry_id=entry_id)
    at = now()
    if expires_at is not None:
        expires_at = _aware(expires_at)
        assert expires_at is not None
        if expires_at <= at:
            raise errors.InvalidInput("The expiry must be in the future.", field="expiresAt")
    password_hash = None
    if password is not None:
        password_hash = await passwords.hash_password(
            validate_password(password), rounds=settings.bcrypt_rounds
        )
    token = secrets.token_urlsafe(TOKEN_BYTES)
    doc = {
        "_id": ObjectId(),
        "token": token_digest(token),
        "entry_id": entry["_id"],
        "owner_id": entry["owner_id"],
        "access": access,
        "expires_at": expires_at,
        "password_hash": password_hash,
        "created_at": at,
        "revoked": False,
        "download_count": 0,
    }
    await db["share_links"].insert_one(doc)
    return CreatedLink(
        link=link_record(doc), token=token, url=link_url(settings=settings, token=token)
    )


async def list_share_links(
    *, db: Database, user_id: str, entry_id: str | None = None, first: int = 100
) -> list[ShareLinkRecord]:
    """The user's links that are not revoked, newest first; of one entry when given."""
    query: dict[str, Any] = {"owner_id": _object_id(user_id), "revoked": False}
    if entry_id is not None:
        entry = await db["entries"].find_one(
            {"_id": _object_id(entry_id), "owner_id": query["owner_id"], "deleted": {"$ne": True}},
            projection={"_id": 1},
        )
        if entry is None:
            raise errors.NotFound()
        query["entry_id"] = entry["_id"]
    limit = max(1, min(first, MAX_LINKS_LISTED))
    cursor = db["share_links"].find(query).sort([("created_at", -1), ("_id", -1)]).limit(limit)
    return [link_record(doc) async for doc in cursor]


async def revoke_share_link(*, db: Database, user_id: str, link_id: str) -> ShareLinkRecord:
    """Revoke the user's link at once; NotFound for a missing link or another user's."""
    doc = await db["share_links"].find_one_and_update(
        {"_id": _object_id(link_id), "owner_id": _object_id(user_id)},
        {"$set": {"revoked": True, "revoked_at": now()}},
    )
    if doc is None:
        raise errors.NotFound()
    return link_record({**doc, "revoked": True})


async def _find_live_link(*, db: Database, token: object) -> tuple[dict[str, Any], dict[str, Any]]:
    """The link document and its root entry, or NotFound alike for every reason."""
    if not isinstance(token, str) or not TOKEN_RE.fullmatch(token):
        raise errors.NotFound()
    link = await db["share_links"].find_one({"token": token_digest(token), "revoked": False})
    if link is None:
        raise errors.NotFound()
    expires_at = _aware(link.get("expires_at"))
    if expires_at is not None and expires_at <= now():
        raise errors.NotFound()
    entry = await db["entries"].find_one(
        {"_id": link["entry_id"], "owner_id": link["owner_id"], **_LIVE}
    )
    if entry is None or not await _live_ancestry(db=db, entry=entry):
        raise errors.NotFound()
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
    wrong one. Too many unknown tokens or wrong passwords from one address, or wrong
    passwords for one link: RateLimited, even with the right password.
    `check_password=False` is for requests that carry a signature made after the
    password was given.
    """
    await UNKNOWN_TOKENS.check(db=db, keys=[UNKNOWN_TOKENS.key(client_ip)])
    await PASSWORDS_BY_ADDRESS.check(db=db, keys=[PASSWORDS_BY_ADDRESS.key(client_ip)])
    try:
        link, entry = await _find_live_link(db=db, token=token)
    except errors.NotFound:
        await UNKNOWN_TOKENS.fail(db=db, keys=[UNKNOWN_TOKENS.key(client_ip)])
        raise
    assert isinstance(token, str)
    record = link_record(link)
    password_hash = link.get("password_hash")
    if password_hash is not None and check_password:
        link_key = PASSWORDS_BY_LINK.key(record.id)
        await PASSWORDS_BY_LINK.check(db=db, keys=[link_key])
        if password is None or password == "":
            raise errors.PasswordRequired()
        if not isinstance(password, str) or len(password) > MAX_PASSWORD:
            password = ""
        # Each guess is recorded before it is checked (see Throttle.begin), so that
        # parallel guesses cannot all pass the throttle before the first one fails.
        by_address = await PASSWORDS_BY_ADDRESS.begin(
            db=db, keys=[PASSWORDS_BY_ADDRESS.key(client_ip)]
        )
        try:
            by_link = await PASSWORDS_BY_LINK.begin(db=db, keys=[link_key])
        except BaseException:
            await PASSWORDS_BY_ADDRESS.forget(db=db, marks=by_address)
            raise
        try:
            right = await passwords.check_password(
                password, password_hash, rounds=settings.bcrypt_rounds
            )
        except BaseException:
            await PASSWORDS_BY_ADDRESS.forget(db=db, marks=by_address)
            await PASSWORDS_BY_LINK.forget(db=db, marks=by_link)
            raise
        if not right:
            raise errors.WrongPassword()  # the guess's marks stay: a failure
        await PASSWORDS_BY_ADDRESS.forget(db=db, marks=by_address)
        await PASSWORDS_BY_LINK.reset(db=db, key=link_key)
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


def _item(doc: dict[str, Any], path: str) -> SharedItem:
    is_file = bool(doc.get("is_file", False))
    modified = _aware(doc.get("modified_at") or doc.get("created_at"))
    assert modified is not None
    blob_id = doc.get("blob_id")
    return SharedItem(
        name=doc.get("name", ""),
        path=path,
        is_folder=not is_file,
        size=int(doc.get("size", 0)) if is_file else None,
        mime_type=doc.get("mime_type") if is_file else None,
        modified_at=modified,
        entry_id=str(doc["_id"]),
        blob_id=str(blob_id) if blob_id is not None else None,
        content_hash=doc.get("content_hash") if is_file else None,
    )


async def resolve_path(*, db: Database, grant: Grant, path: str | None) -> SharedItem:
    """The entry at `path` below the link's root ("/" or None: the root itself)."""
    parts = split_path(path)
    current = grant.root
    if not parts:
        return _item(current, "/")
    names: list[str] = []
    for part in parts:
        if current.get("is_file", False):
            raise errors.NotFound()
        child = await db["entries"].find_one(
            {
                "owner_id": grant.root["owner_id"],
                "parent_id": current["_id"],
                "slot": name_key(part),
                **_LIVE,
            }
        )
        if child is None:
            raise errors.NotFound()
        current = child
        names.append(child.get("name", part))
    return _item(current, _join(names))


def _encode_cursor(doc: dict[str, Any]) -> str:
    raw = json.dumps([bool(doc.get("is_file", False)), doc.get("name_key", ""), str(doc["_id"])])
    return base64.urlsafe_b64encode(raw.encode()).decode().rstrip("=")


def _decode_cursor(cursor: str) -> tuple[bool, str, ObjectId]:
    try:
        padded = cursor + "=" * (-len(cursor) % 4)
        is_file, key, oid = json.loads(base64.urlsafe_b64decode(padded.encode()))
        if isinstance(is_file, bool) and isinstance(key, str):
            return is_file, key, ObjectId(oid)
    except (ValueError, TypeError, InvalidId):
        pass
    raise errors.BadInput("This cursor is not valid.")


async def list_children(
    *, db: Database, grant: Grant, folder: SharedItem, first: int = 100, after: str | None = None
) -> SharedPage:
    """A page of a shared folder's live children: folders first, then by name."""
    if not folder.is_folder:
        return SharedPage(items=[], cursor=None, has_more=False)
    limit = max(1, min(first, MAX_PAGE))
    query: dict[str, Any] = {
        "owner_id": grant.root["owner_id"],
        "parent_id": ObjectId(folder.entry_id),
        **_LIVE,
    }
    if after is not None:
        is_file, key, oid = _decode_cursor(after)
        later = [
            {"is_file": is_file, "name_key": key, "_id": {"$gt": oid}},
            {"is_file": is_file, "name_key": {"$gt": key}},
        ]
        if not is_file:
            later.append({"is_file": True})
        query["$or"] = later
    cursor = (
        db["entries"]
        .find(query)
        .sort([("is_file", 1), ("name_key", 1), ("_id", 1)])
        .limit(limit + 1)
    )
    docs = [doc async for doc in cursor]
    has_more = len(docs) > limit
    docs = docs[:limit]
    base = [] if folder.path == "/" else split_path(folder.path)
    items = [_item(doc, _join([*base, doc.get("name", "")])) for doc in docs]
    return SharedPage(
        items=items, cursor=_encode_cursor(docs[-1]) if docs else after, has_more=has_more
    )


# Signed downloads of files inside a link (and of password links' files).


def download_url(*, settings: Settings, signer: Signer, token: str, path: str) -> str:
    """A short-lived URL that serves the file at `path` of the link to anyone holding it."""
    expires = int(time.time()) + DOWNLOAD_TTL_SECONDS
    sig = signer.sign({"t": token, "p": path, "e": expires}, purpose=DOWNLOAD_PURPOSE)
    return f"{link_url(settings=settings, token=token)}?sig={sig}"


def verify_download(*, signer: Signer, sig: str, token: str) -> str | None:
    """The relative path a signature grants for this link's token; None if not valid now."""
    value = signer.unsign(sig, purpose=DOWNLOAD_PURPOSE, max_age=DOWNLOAD_TTL_SECONDS + 60)
    if not isinstance(value, dict):
        return None
    signed_token, path, expires = value.get("t"), value.get("p"), value.get("e")
    if not isinstance(signed_token, str) or not secrets.compare_digest(signed_token, token):
        return None
    if not isinstance(path, str):
        return None
    if isinstance(expires, bool) or not isinstance(expires, int) or time.time() >= expires:
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
) -> tuple[files_service.EntryRecord, SharedItem]:
    """Store an upload in an EDITOR folder link's folder (ADD, autorename), as its owner's.

    Returns the owner's record and the visitor's view of it (a path below the link).
    """
    grant = await validate_share_token(
        db=db, settings=settings, token=token, password=password, client_ip=client_ip
    )
    if grant.link.access != "EDITOR" or not grant.root_is_folder:
        raise errors.BadInput("This link does not accept uploads.")
    record = await files_service.store_file(
        db=db,
        settings=settings,
        user_id=grant.link.owner_id,
        file_obj=file_obj,
        folder_id=str(grant.root["_id"]),
        name=name,
        mode="add",
        autorename=True,
        reuse_identical=False,
    )
    stored = await db["entries"].find_one({"_id": ObjectId(record.id)})
    if stored is None:
        raise errors.NotFound()
    return record, _item(stored, _join([record.name]))


async def count_download(*, db: Database, link_id: str) -> None:
    """One more completed download of the link."""
    await db["share_links"].update_one({"_id": ObjectId(link_id)}, {"$inc": {"download_count": 1}})
