"""Writes that race on FerretDB v1, where an update rewrites the whole document.

A session's last use racing its revocation must not bring it back, and a user's
last use racing an admin's disable, quota or password change must not undo it.
"""

from __future__ import annotations

import asyncio
from datetime import UTC, datetime, timedelta

from dropbox_lite.auth import store
from dropbox_lite.core.db import Database

HOUR = timedelta(hours=1)


def now() -> datetime:
    return datetime.now(UTC)


async def new_user(db: Database, name: str) -> store.UserRecord:
    return await store.insert_user(
        db=db,
        username=name,
        username_key=name,
        password_hash="old",
        created_at=now(),
        quota_bytes=None,
    )


async def new_sessions(db: Database, user_id: str, count: int) -> list[store.SessionRecord]:
    return [
        await store.insert_session(
            db=db, user_id=user_id, device_name="d", at=now(), expires_at=now() + HOUR
        )
        for _ in range(count)
    ]


async def test_a_touch_racing_a_revocation_does_not_bring_the_session_back(db: Database) -> None:
    user = await new_user(db, "ann")
    sessions = await new_sessions(db, user.id, 30)

    async def touch(session: store.SessionRecord) -> None:
        at = now()
        await store.touch_session(
            db=db, session_id=session.id, user_id=user.id, at=at, expires_at=at + HOUR
        )

    async def touch_all(session: store.SessionRecord) -> None:
        at = now()
        await store.touch_sessions(db=db, session_ids=[session.id], at=at, expires_at=at + HOUR)

    async def revoke(session: store.SessionRecord) -> None:
        assert await store.revoke_session(db=db, user_id=user.id, session_id=session.id, at=now())

    await asyncio.gather(
        *[f(s) for s in sessions for f in (touch, touch_all, revoke, touch, touch_all)]
    )
    assert await store.live_sessions(db=db, user_id=user.id, at=now()) == []
    assert (
        await store.last_seen_of_live(db=db, session_ids=[s.id for s in sessions], at=now()) == {}
    )


async def test_a_touch_racing_sign_out_everywhere_does_not_bring_sessions_back(
    db: Database,
) -> None:
    users = [await new_user(db, f"u{i}") for i in range(10)]
    sessions = {u.id: await new_sessions(db, u.id, 3) for u in users}

    async def touch(user_id: str) -> None:
        at = now()
        ids = [s.id for s in sessions[user_id]]
        await store.touch_sessions(db=db, session_ids=ids, at=at, expires_at=at + HOUR)

    async def revoke(user_id: str) -> None:
        assert len(await store.revoke_sessions(db=db, user_id=user_id, at=now())) == 3

    await asyncio.gather(*[f(u.id) for u in users for f in (touch, revoke, touch, touch)])
    assert [await store.count_sessions(db=db, user_id=u.id) for u in users] == [0] * len(users)


async def test_last_use_racing_admin_writes_does_not_undo_them(db: Database) -> None:
    users = [await new_user(db, f"u{i}") for i in range(20)]
    sessions = {u.id: (await new_sessions(db, u.id, 1))[0] for u in users}

    async def seen(user: store.UserRecord) -> None:
        at = now()
        session = sessions[user.id]
        await store.touch_session(
            db=db, session_id=session.id, user_id=user.id, at=at, expires_at=at + HOUR
        )

    async def sign_in(user: store.UserRecord) -> None:
        await new_sessions(db, user.id, 1)

    async def admin(user: store.UserRecord) -> None:
        assert await store.set_disabled(db=db, user_id=user.id, disabled=True)
        assert await store.set_quota(db=db, user_id=user.id, quota_bytes=1000)
        assert await store.replace_password_hash(db=db, user_id=user.id, old=None, new="new")

    await asyncio.gather(*[f(u) for u in users for f in (seen, admin, sign_in, seen, sign_in)])
    found = [await store.user_by_id(db=db, user_id=u.id) for u in users]
    assert [(r.disabled, r.quota_bytes, h) for r, h in filter(None, found)] == [
        (True, 1000, "new")
    ] * len(users)
    last_seen = await store.last_seen_by_user(db=db)
    assert sorted(last_seen) == sorted(u.id for u in users)


async def test_last_use_outlives_the_session_and_goes_with_the_user(db: Database) -> None:
    user = await new_user(db, "bob")
    (session,) = await new_sessions(db, user.id, 1)
    assert await store.revoke_session(db=db, user_id=user.id, session_id=session.id, at=now())
    assert await store.count_sessions(db=db, user_id=user.id) == 0
    seen = (await store.last_seen_by_user(db=db))[user.id]
    assert abs(seen - session.last_seen_at) < timedelta(milliseconds=1)  # stored to the ms
    await store.delete_user(db=db, user_id=user.id)
    assert await store.last_seen_by_user(db=db) == {}
