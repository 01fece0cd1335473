"""Nextcloud Login Flow v2 (issue 21), the service: start a flow, show it, grant it, poll it.

An app starts a flow (POST /index.php/login/v2) and gets two tokens: one it polls with,
and one for the page where a person grants it access. That page is the web app's
(/login-flow/{token}); it reads the flow with `loginFlow` and grants it with
`grantLoginFlow`, signed in. Granting creates an app password named after the app; the
credentials wait in `login_flows` until the app's poll takes them (once) or the flow
expires (FLOW_LIFETIME), as Nextcloud's own flow keeps them. Only the tokens' SHA-256s
are stored. Unknown tokens are counted per address (and per user, for grants), as share
links count theirs: the tokens have 256 random bits, the throttle keeps scanning slow.
"""

from __future__ import annotations

import hashlib
import re
import secrets
from dataclasses import dataclass
from datetime import datetime, timedelta

from bson import ObjectId

from dropbox_lite.auth import credentials
from dropbox_lite.auth.live import LiveSessions
from dropbox_lite.core import errors
from dropbox_lite.core.clock import now
from dropbox_lite.core.db import Database
from dropbox_lite.core.ratelimit import Throttle
from dropbox_lite.dav import store

FLOW_LIFETIME = timedelta(minutes=20)
TOKEN_RE = re.compile(r"^[A-Za-z0-9_-]{16,128}$")
UNKNOWN_FLOWS = Throttle(name="login-flow", max_failures=30, window=timedelta(minutes=15))


@dataclass(frozen=True)
class Started:
    poll_token: str
    login_token: str


@dataclass(frozen=True)
class PendingFlow:
    """A flow waiting for a person to grant it."""

    app_name: str
    expires_at: datetime


def _hash(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()


async def start_flow(*, db: Database, app_name: str, server: str) -> Started:
    """A new flow for the app called `app_name`, reached at `server` (handed back on poll)."""
    at = now()
    await store.prune_flows(db, at)
    poll, login = secrets.token_urlsafe(32), secrets.token_urlsafe(32)
    await store.insert_flow(
        db,
        store.LoginFlow(
            id=ObjectId(),
            poll_hash=_hash(poll),
            flow_hash=_hash(login),
            name=(app_name.strip() or "Nextcloud app")[: credentials.MAX_NAME],
            server=server,
            created_at=at,
            expires_at=at + FLOW_LIFETIME,
        ),
    )
    return Started(poll_token=poll, login_token=login)


async def _waiting(*, db: Database, token: object, keys: list[str]) -> store.LoginFlow:
    """The flow of this login token that waits for a grant; NotFound (counted) otherwise."""
    await UNKNOWN_FLOWS.check(db=db, keys=keys)
    flow = None
    if isinstance(token, str) and TOKEN_RE.fullmatch(token):
        flow = await store.flow_by(db, "flow_hash", _hash(token), now())
    if flow is None or flow.result is not None:
        await UNKNOWN_FLOWS.fail(db=db, keys=keys)
        raise errors.NotFound()
    return flow


async def pending_flow(*, db: Database, token: object, client_ip: str) -> PendingFlow | None:
    """The flow waiting for a grant under this login token; None when unknown, expired or
    granted already. RateLimited after too many unknown tokens from one address."""
    try:
        flow = await _waiting(db=db, token=token, keys=[UNKNOWN_FLOWS.key("ip", client_ip)])
    except errors.NotFound:
        return None
    return PendingFlow(app_name=flow.name, expires_at=flow.expires_at)


async def grant_flow(
    *,
    db: Database,
    live: LiveSessions,
    user_id: str,
    username: str,
    token: object,
    client_ip: str,
    default_server: str,
) -> credentials.AppPasswordRecord:
    """Grant the flow to the user: a new app password named after the app, whose
    credentials the app's next poll takes. NotFound for a token that is unknown, expired
    or granted already (a second grant included); RateLimited after too many of those."""
    keys = [UNKNOWN_FLOWS.key("ip", client_ip), UNKNOWN_FLOWS.key("user", user_id)]
    flow = await _waiting(db=db, token=token, keys=keys)
    password, record = await credentials.create_app_password(db=db, user_id=user_id, name=flow.name)
    server = flow.server or default_server  # flows started before it was kept
    result = {"server": server, "loginName": username, "appPassword": password}
    if not await store.grant_flow(db, flow.id, result):
        # Granted by someone else meanwhile: this app password is nobody's to use.
        await credentials.revoke_app_password(
            db=db, live=live, user_id=user_id, app_password_id=record.id
        )
        raise errors.NotFound()
    return record


async def poll(*, db: Database, token: object) -> dict[str, str] | None:
    """The credentials of a granted flow, handed out once; None until then (or ever)."""
    if not isinstance(token, str) or not TOKEN_RE.fullmatch(token):
        return None
    flow = await store.flow_by(db, "poll_hash", _hash(token), now())
    if flow is None or flow.result is None or not await store.take_flow(db, flow.id):
        return None
    return dict(flow.result)
