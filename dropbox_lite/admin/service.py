"""What the admin CLI does, on the server's database, through auth's and files' services.

Deleting a user has no service in files or sharing that removes everything of one
owner, so `delete_user` sweeps every collection whose documents carry the owner's
`owner_id` here (entries, revisions, share links, journal and quota records); the
blobs are left for gc, which removes those nothing references any more.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta

from bson import ObjectId

from dropbox_lite.auth import service as auth_service
from dropbox_lite.auth import store as auth_store
from dropbox_lite.auth.live import LiveSessions
from dropbox_lite.core.config import Settings
from dropbox_lite.core.db import BLOB_BUCKET, Database
from dropbox_lite.files import blobs as files_blobs
from dropbox_lite.files import service as files_service
from dropbox_lite.files import store as files_store

# Collections that are not one owner's, or that auth removes itself.
NOT_OWNED = frozenset(
    {
        "users",
        "sessions",
        "invites",
        "invite_claims",
        "last_seen",
        "rate_limits",
        "leases",
        "blob_index",
        f"{BLOB_BUCKET}.files",
        f"{BLOB_BUCKET}.chunks",
    }
)


@dataclass(frozen=True)
class UserRow:
    username: str
    is_admin: bool
    disabled: bool
    used_bytes: int
    quota_bytes: int | None
    created_at: datetime
    last_seen_at: datetime | None


@dataclass(frozen=True)
class Stats:
    users: int
    entries: int
    files: int
    blobs: int
    bytes_stored: int
    bytes_referenced: int
    sessions: int
    largest: list[tuple[str, int]]

    @property
    def dedup_ratio(self) -> float:
        """Bytes the files hold per byte stored (above 1: identical content stored once)."""
        return self.bytes_referenced / self.bytes_stored if self.bytes_stored else 1.0


async def create_user(
    *,
    db: Database,
    settings: Settings,
    username: str,
    password: str,
    is_admin: bool,
    quota_bytes: int | None,
) -> auth_service.UserRecord:
    """A new account with its root folder (whatever the sign-up policy)."""
    user = await auth_service.create_user(
        db=db,
        settings=settings,
        username=username,
        password=password,
        quota_bytes=quota_bytes,
        is_admin=is_admin,
        make_account=files_service.account_maker(db),
    )
    return user


async def list_users(*, db: Database) -> list[UserRow]:
    """Every account with its usage, quota and last use."""
    seen = await auth_store.last_seen_by_user(db=db)
    rows = []
    for user in await auth_store.list_users(db=db):
        usage = await files_service.usage(db=db, user_id=user.id)
        rows.append(
            UserRow(
                username=user.username,
                is_admin=user.is_admin,
                disabled=user.disabled,
                used_bytes=usage.used_bytes,
                quota_bytes=user.quota_bytes,
                created_at=user.created_at,
                last_seen_at=seen.get(user.id),
            )
        )
    return rows


async def delete_user(*, db: Database, live: LiveSessions, user_id: str) -> dict[str, int]:
    """Remove the account and everything of theirs but blobs; documents removed per collection."""
    # Disabled first: no sign-in, and every session ended, while the files go.
    await auth_service.set_disabled(db=db, live=live, user_id=user_id, disabled=True)
    await files_service.forget_user(db=db, user_id=user_id)
    removed = await db.delete_owned(ObjectId(user_id), keep=NOT_OWNED)
    sessions = await auth_store.count_sessions(db=db, user_id=user_id)
    await auth_service.delete_account(db=db, live=live, user_id=user_id)
    if sessions:
        removed["sessions"] = int(sessions)
    removed["users"] = 1
    return removed


async def create_invite(*, db: Database, lifetime: timedelta) -> tuple[str, datetime]:
    """A single-use invite code and when it expires."""
    code, record = await auth_service.create_invite(db=db, lifetime=lifetime)
    return code, record.expires_at


async def stats(*, db: Database, top: int = 5) -> Stats:
    """Counts and bytes of the whole installation."""
    blobs, stored = await files_blobs.stored_totals(db)
    referenced = await files_store.total_size(db)
    entries, files = await files_store.count_live(db)
    users = await auth_store.list_users(db=db)
    used = [
        (user.username, (await files_service.usage(db=db, user_id=user.id)).used_bytes)
        for user in users
    ]
    used.sort(key=lambda pair: (-pair[1], pair[0]))
    return Stats(
        users=len(users),
        entries=entries,
        files=files,
        blobs=blobs,
        bytes_stored=stored,
        bytes_referenced=referenced,
        sessions=await auth_store.count_sessions(db=db),
        largest=used[:top],
    )
