"""One WebDAV request's view of the user's files: paths, hrefs, and properties.

Every lookup goes through files' service (resolve_path, get_folder, list_children),
so a member sees a shared folder through their mount with their role, and another
user's path simply does not exist.
"""

from __future__ import annotations

import hashlib
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import UTC, datetime
from email.utils import format_datetime
from urllib.parse import quote, unquote, urlsplit

from bson import ObjectId

from dropbox_lite.auth.store import SessionRecord, UserRecord
from dropbox_lite.core import errors
from dropbox_lite.core.config import Settings
from dropbox_lite.core.db import Database
from dropbox_lite.dav import etags, locks, store
from dropbox_lite.dav import xmlbody as x
from dropbox_lite.dav.xmlbody import DAV, NC, OC, qname
from dropbox_lite.files import service as files
from dropbox_lite.files.entries import child_named, contents_of, entry_doc
from dropbox_lite.files.records import EntryRecord


class BadPath(Exception):
    """A path with a segment no name can be ('.', '..', a slash, bad UTF-8)."""


def split_path(raw: str) -> list[str]:
    """The NFC segments of a percent-encoded path below a base; BadPath when invalid."""
    segments: list[str] = []
    for part in raw.split("/"):
        if part == "":
            continue
        try:
            name = unquote(part, errors="strict")
        except UnicodeDecodeError:
            raise BadPath("A path segment is not UTF-8.") from None
        if name in (".", "..") or "/" in name or "\\" in name or "\x00" in name:
            raise BadPath(f"{name!r} cannot be a name.")
        segments.append(unicodedata.normalize("NFC", name))
    return segments


def http_date(value: datetime) -> str:
    return format_datetime(value.astimezone(UTC), usegmt=True)


def file_etag(record: EntryRecord) -> str:
    # The same as GET /files/{id}/content's: the bytes' content hash.
    return f'"{record.content_hash}"'


def numeric_id(entry_id: str) -> int:
    """Nextcloud's numeric file id (clients store it as a long): 52 bits of the id's hash."""
    return int(hashlib.sha1(entry_id.encode()).hexdigest()[:13], 16)


def permissions(record: EntryRecord, role: str) -> str:
    """Nextcloud's oc:permissions: S shared, M mounted, G read, D delete, NV rename/move,
    W write, CK create files and folders. A viewer may only read."""
    shared = "S" if role != "owner" else ""
    mounted = "M" if record.mount_of is not None else ""
    if record.mount_of is not None:
        # The mount itself is the member's own entry: they may rename, move or leave it.
        inner = "CK" if role == "editor" else ""
        return f"S{mounted}GDNV{inner}"
    if role == "viewer":
        return f"{shared}G"
    if record.parent_id is None:
        return "GCK"  # the root: never deleted, renamed or moved
    return f"{shared}GDNV" + ("W" if record.is_file else "CK")


LIVE_DAV = [
    "displayname",
    "getcontentlength",
    "getcontenttype",
    "getetag",
    "getlastmodified",
    "creationdate",
    "resourcetype",
    "supportedlock",
    "lockdiscovery",
]
QUOTA = ["quota-available-bytes", "quota-used-bytes"]
LIVE_OC = [
    "id",
    "fileid",
    "permissions",
    "size",
    "checksums",
    "data-fingerprint",
    "share-types",
    "owner-id",
    "owner-display-name",
]
LIVE_NC = ["has-preview", "is-encrypted", "mount-type"]
LIVE = {
    *(qname(DAV, n) for n in LIVE_DAV + QUOTA),
    *(qname(OC, n) for n in LIVE_OC),
    *(qname(NC, n) for n in LIVE_NC),
}
ALLPROP = [qname(DAV, n) for n in LIVE_DAV]


def lock_xml(lock: locks.Lock) -> str:
    return (
        "<d:activelock>"
        f"<d:locktype><d:write/></d:locktype><d:lockscope><d:{lock.scope}/></d:lockscope>"
        f"<d:depth>{'infinity' if lock.depth == locks.INFINITY else '0'}</d:depth>"
        f"{lock.owner_xml}"
        f"<d:timeout>Second-{lock.timeout}</d:timeout>"
        f"<d:locktoken><d:href>{x.text(lock.token)}</d:href></d:locktoken>"
        f"<d:lockroot><d:href>{x.text(lock.root)}</d:href></d:lockroot>"
        "</d:activelock>"
    )


SUPPORTED_LOCK = (
    "<d:lockentry><d:lockscope><d:exclusive/></d:lockscope><d:locktype><d:write/></d:locktype>"
    "</d:lockentry><d:lockentry><d:lockscope><d:shared/></d:lockscope><d:locktype><d:write/>"
    "</d:locktype></d:lockentry>"
)


@dataclass
class Space:
    """The signed-in user's files as one WebDAV request sees them."""

    db: Database
    settings: Settings
    user: UserRecord
    session: SessionRecord
    base: str  # the href of the root, without its trailing slash
    _usage: files.Usage | None = field(default=None, repr=False)

    async def resolve(self, segments: list[str]) -> EntryRecord:
        """The live entry at these segments; NotFound (also for another user's)."""
        if not segments:
            return await files.get_folder(db=self.db, user_id=self.user.id)
        return await files.resolve_path(
            db=self.db, user_id=self.user.id, path="/" + "/".join(segments)
        )

    async def child(self, parent: EntryRecord, name: str) -> EntryRecord | None:
        """The live entry named `name` in a folder already resolved (one query), or None."""
        try:
            return await child_named(db=self.db, folder=parent, name=name)
        except errors.NotFound:
            return None

    async def find(self, segments: list[str]) -> EntryRecord | None:
        try:
            return await self.resolve(segments)
        except errors.NotFound:
            return None

    def href(self, segments: Iterable[str], folder: bool) -> str:
        path = "/".join(quote(s, safe="") for s in segments)
        href = f"{self.base}/{path}" if path else f"{self.base}/"
        return href + "/" if folder and path else href

    def segments_of(self, url: str) -> list[str] | None:
        """The segments of a URL (absolute or a path) below this base; None if elsewhere."""
        path = urlsplit(url).path
        if path.rstrip("/") == self.base:
            return []
        if not path.startswith(self.base + "/"):
            return None
        return split_path(path[len(self.base) :])

    async def may_write(self, record: EntryRecord) -> None:
        """PermissionDenied unless the user may change the entry (files' own access check)."""
        await entry_doc(self.db, ObjectId(self.user.id), record.id, write=True)

    async def usage(self) -> files.Usage:
        if self._usage is None:
            self._usage = await files.usage(db=self.db, user_id=self.user.id)
        return self._usage

    async def role(self, record: EntryRecord) -> str:
        if record.mount_of is None:
            return record.role
        try:
            return (await contents_of(self.db, record))[2].role
        except errors.NotFound:
            return "viewer"


@dataclass
class Described:
    """What a PROPFIND answer needs of a set of entries, read in a few queries."""

    folders: dict[str, etags.FolderState]
    stored: dict[str, store.DavProps]
    roles: dict[str, str]


async def describe(space: Space, records: list[EntryRecord]) -> Described:
    folders = await etags.folder_etags(space.db, [r for r in records if not r.is_file])
    stored = await store.props_of(space.db, [r.id for r in records])
    roles = {r.id: await space.role(r) for r in records}
    return Described(folders, stored, roles)


def mtime_of(record: EntryRecord, stored: store.DavProps | None) -> datetime:
    if (
        stored is not None
        and stored.mtime is not None
        and stored.mtime_rev == record.rev
        and record.is_file
    ):
        return datetime.fromtimestamp(stored.mtime, UTC)
    return record.modified_at


def etag_of(record: EntryRecord, described: Described) -> str:
    if record.is_file:
        return file_etag(record)
    return described.folders[record.id].etag


async def live_value(
    space: Space,
    record: EntryRecord,
    name: str,
    described: Described,
    held: list[locks.Lock],
) -> str | None:
    """A live property's value as XML (inside its element), or None when it has none."""
    namespace, local = x.split(name)
    stored = described.stored.get(record.id)
    if namespace == DAV:
        if local == "displayname":
            return x.text(record.name)
        if local == "getcontentlength":
            return str(record.size) if record.is_file else None
        if local == "getcontenttype":
            return x.text(record.mime_type or files.FALLBACK_MIME) if record.is_file else None
        if local == "getetag":
            return x.text(etag_of(record, described))
        if local == "getlastmodified":
            return http_date(mtime_of(record, stored))
        if local == "creationdate":
            return record.created_at.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")
        if local == "resourcetype":
            return "" if record.is_file else "<d:collection/>"
        if local == "supportedlock":
            return SUPPORTED_LOCK
        if local == "lockdiscovery":
            return "".join(lock_xml(lock) for lock in held)
        if local in QUOTA and not record.is_file:
            used = await space.usage()
            if local == "quota-used-bytes":
                return str(used.used_bytes)
            if used.quota_bytes is None:
                return None
            return str(max(0, used.quota_bytes - used.used_bytes))
        return None
    if namespace == OC:
        if local == "id":
            return x.text(record.id)
        if local == "fileid":
            return str(numeric_id(record.id))
        if local == "permissions":
            return permissions(record, described.roles.get(record.id, record.role))
        if local == "size":
            if record.is_file:
                return str(record.size)
            size = described.folders[record.id].size
            return None if size is None else str(size)
        if local == "checksums":
            if not record.is_file or not record.sha256:
                return None
            return f"<oc:checksum>SHA256:{record.sha256}</oc:checksum>"
        if local == "data-fingerprint":
            return ""
        if local == "share-types":
            owned_share = record.share_id == record.id and record.role == "owner"
            return "<oc:share-type>0</oc:share-type>" if owned_share else ""
        if local == "owner-id":
            return x.text(space.user.username) if record.role == "owner" else None
        if local == "owner-display-name":
            return x.text(space.user.username) if record.role == "owner" else None
        return None
    if namespace == NC:
        if local == "has-preview":
            return "false"
        if local == "is-encrypted":
            return "0"
        if local == "mount-type":
            return "shared" if record.mount_of is not None or record.role != "owner" else ""
    return None


def dead_props(described: Described, record: EntryRecord) -> dict[str, str]:
    stored = described.stored.get(record.id)
    return {} if stored is None else stored.dead_map()


async def propstats(
    space: Space,
    record: EntryRecord,
    *,
    mode: str,
    wanted: list[str],
    described: Described,
    held: list[locks.Lock],
) -> list[x.PropStat]:
    """The propstat groups of one entry for a PROPFIND (allprop, propname or prop)."""
    dead = dead_props(described, record)
    if mode == "propname":
        names = [*ALLPROP, *(qname(OC, n) for n in LIVE_OC), *dead]
        return [x.PropStat(200, [x.empty_element(n) for n in names])]
    found: list[str] = []
    missing: list[str] = []
    names = [*ALLPROP, *dead, *wanted] if mode == "allprop" else wanted
    seen: set[str] = set()
    for name in names:
        if name in seen:
            continue
        seen.add(name)
        if name in dead:
            found.append(dead[name])
            continue
        value = None
        if name in LIVE:
            value = await live_value(space, record, name, described, held)
        if value is None:
            if mode != "allprop" or name in wanted:
                missing.append(x.empty_element(name))
        else:
            found.append(x.element(name, value))
    return [x.PropStat(200, found), x.PropStat(404, missing)]
