"""Accounts: sign-up (under the sign-up policy, invites, the per-address throttle),
sign-in, password changes, and an administrator's account changes.

Every query is in auth/store.py. Creating an account here does not create its root
folder: the caller (the signup face, the admin CLI) does that with files' service,
so that auth never imports files.
"""

from __future__ import annotations

import secrets
from collections.abc import Awaitable, Callable
from datetime import timedelta

from bson import ObjectId

from dropbox_lite.auth import passwords, store
from dropbox_lite.auth.live import LiveSessions
from dropbox_lite.auth.rules import (
    MAX_INVITE_CODE,
    USERNAME_RE,
    given_password,
    invite_hash,
    is_text,
    username_key,
    validate_password,
    validate_username,
)
from dropbox_lite.auth.sessions import sign_out_everywhere
from dropbox_lite.auth.store import InviteRecord, UserRecord
from dropbox_lite.core import errors
from dropbox_lite.core.clock import now
from dropbox_lite.core.config import Settings
from dropbox_lite.core.db import Database
from dropbox_lite.core.ratelimit import PasswordGuard, Throttle

# Failed logins, per (client address, username), with a growing delay (issue 12).
LOGIN_GUARD = PasswordGuard(name="login")
# Wrong current passwords given to changePassword, per user: a stolen session must
# not become an unthrottled password oracle.
PASSWORD_THROTTLE = Throttle(name="password")
# Makes a new account whole: given (user id, root id, insert), creates the root folder
# first and then runs `insert` (the account), as one operation (files own roots:
# files.service.account_maker).
MakeAccount = Callable[
    [ObjectId, ObjectId, Callable[[], Awaitable["UserRecord"]]], Awaitable["UserRecord"]
]
# Sign-ups per client address (each one costs a bcrypt hash), failed or not.
SIGNUP_THROTTLE = Throttle(name="signup", max_failures=20, window=timedelta(hours=1))


class SignupRefused(errors.DomainError):
    """The sign-up policy refuses this sign-up (closed, or no valid invite)."""

    code = "SIGNUP_REFUSED"
    default_message = "Sign-up is not open on this server."


async def create_user(
    *,
    db: Database,
    settings: Settings,
    username: str,
    password: str,
    quota_bytes: int | None = None,
    is_admin: bool = False,
    make_account: MakeAccount | None = None,
) -> UserRecord:
    """A new account; UsernameTaken or InvalidInput.

    `make_account` creates its root folder (files own it) before the account exists:
    an account is never without its root, whenever the process dies; a root whose
    account then failed (a name taken meanwhile) goes again.
    """
    username = validate_username(username)
    password = validate_password(password, username=username)
    key = username_key(username)
    # A taken name is refused before bcrypt: asking costs no hash.
    if await store.username_in_use(db=db, username_key=key):
        raise errors.UsernameTaken()
    password_hash = await passwords.hash_password(password, rounds=settings.bcrypt_rounds)
    user_id, root_id = ObjectId(), ObjectId()

    async def insert() -> UserRecord:
        return await _insert_user(
            db=db,
            user_id=user_id,
            root_id=root_id,
            username=username,
            key=key,
            password_hash=password_hash,
            settings=settings,
            quota_bytes=quota_bytes,
            is_admin=is_admin,
        )

    if make_account is None:
        return await insert()
    return await make_account(user_id, root_id, insert)


async def _insert_user(
    *,
    db: Database,
    user_id: ObjectId,
    root_id: ObjectId,
    username: str,
    key: str,
    password_hash: str,
    settings: Settings,
    quota_bytes: int | None,
    is_admin: bool,
) -> UserRecord:
    try:
        return await store.insert_user(
            db=db,
            user_id=user_id,
            root_id=root_id,
            username=username,
            username_key=key,
            password_hash=password_hash,
            created_at=now(),
            quota_bytes=settings.default_quota_bytes if quota_bytes is None else quota_bytes,
            is_admin=is_admin,
        )
    except store.Taken:
        raise errors.UsernameTaken() from None


async def signup(
    *,
    db: Database,
    settings: Settings,
    username: str,
    password: str,
    client_ip: str,
    invite_code: str | None = None,
    make_account: MakeAccount | None = None,
) -> UserRecord:
    """create_user under the sign-up policy and the per-address throttle.

    SignupRefused when the policy says no (closed, or a missing, unknown, used or
    expired invite), RateLimited after too many sign-ups from one address.
    """
    if settings.signup == "closed":
        raise SignupRefused("Sign-up is closed on this server: an administrator creates accounts.")
    code_hash = None
    if settings.signup == "invite":
        if not isinstance(invite_code, str) or not invite_code.strip():
            raise SignupRefused("Sign-up needs an invite code on this server.")
        if len(invite_code) > MAX_INVITE_CODE or not is_text(invite_code):
            raise SignupRefused("This invite code is unknown, used or expired.")
        code_hash = invite_hash(invite_code.strip())
    username = validate_username(username)
    password = validate_password(password, username=username)
    # Every sign-up that gets this far counts, successful or not.
    await SIGNUP_THROTTLE.begin(db=db, keys=[SIGNUP_THROTTLE.key(client_ip)])
    if code_hash is not None:
        if await store.username_in_use(db=db, username_key=username_key(username)):
            raise errors.UsernameTaken()  # before the claim: a taken name spends no invite
        if not await store.claim_invite(db=db, code_hash=code_hash, at=now()):
            raise SignupRefused("This invite code is unknown, used or expired.")
    try:
        user = await create_user(
            db=db,
            settings=settings,
            username=username,
            password=password,
            make_account=make_account,
        )
    except BaseException:
        if code_hash is not None:
            await store.release_invite(db=db, code_hash=code_hash)
        raise
    if code_hash is not None:
        await store.mark_invite_used(db=db, code_hash=code_hash, user_id=user.id, at=now())
    return user


async def create_invite(*, db: Database, lifetime: timedelta) -> tuple[str, InviteRecord]:
    """A new single-use invite code (shown once; only its hash is stored)."""
    code = secrets.token_urlsafe(20)
    at = now()
    record = await store.insert_invite(
        db=db, code_hash=invite_hash(code), created_at=at, expires_at=at + lifetime
    )
    return code, record


async def verify_user(
    *, db: Database, settings: Settings, username: str, password: str
) -> UserRecord:
    """The user whose password this is; InvalidCredentials (the same for both causes) if not."""
    found = None
    if isinstance(username, str) and USERNAME_RE.fullmatch(username):
        found = await store.user_by_name(db=db, username_key=username_key(username))
    ok = await passwords.check_password(
        given_password(password), found[1] if found else None, rounds=settings.bcrypt_rounds
    )
    if found is None or not ok:
        raise errors.InvalidCredentials()
    if found[0].disabled:
        raise errors.InvalidCredentials("This account is disabled; ask the administrator.")
    return found[0]


async def login(
    *, db: Database, settings: Settings, username: str, password: str, client_ip: str
) -> UserRecord:
    """verify_user behind the login guard: RateLimited while this address is locked out
    of this username (or out of every username), InvalidCredentials else."""
    given_password(password)  # a lone surrogate is bad input, not a guess
    subject = None
    if isinstance(username, str) and USERNAME_RE.fullmatch(username):
        # No account can have an invalid name: only the address counts for those.
        subject = username_key(username)
    async with LOGIN_GUARD.attempt(
        db=db, client_ip=client_ip, subject=subject, failures=(errors.InvalidCredentials,)
    ) as attempt:
        user = await verify_user(db=db, settings=settings, username=username, password=password)
        attempt.succeeded()
    return user


async def change_password(
    *,
    db: Database,
    live: LiveSessions,
    settings: Settings,
    user_id: str,
    session_id: str,
    current_password: str,
    new_password: str,
) -> UserRecord:
    """Set a new password and revoke every session of the user but `session_id`.

    InvalidInput for an unacceptable new password, InvalidCredentials for a wrong
    current one, RateLimited after too many of those.
    """
    throttle_key = PASSWORD_THROTTLE.key("user", user_id)
    found = await store.user_by_id(db=db, user_id=user_id)
    if found is None:
        raise errors.NotFound()
    user, old_hash = found
    try:
        new_password = validate_password(new_password, username=user.username)
    except errors.InvalidInput as e:
        raise errors.InvalidInput(e.message, field="newPassword") from None
    try:
        current_password = given_password(current_password)
    except errors.InvalidInput as e:
        raise errors.InvalidInput(e.message, field="currentPassword") from None
    marks = await PASSWORD_THROTTLE.begin(db=db, keys=[throttle_key])
    try:
        right = await passwords.check_password(
            current_password, old_hash, rounds=settings.bcrypt_rounds
        )
    except BaseException:
        await PASSWORD_THROTTLE.forget(db=db, marks=marks)
        raise
    if not right:
        raise errors.InvalidCredentials("The current password is wrong.")  # marks stay
    await PASSWORD_THROTTLE.forget(db=db, marks=marks)
    new_hash = await passwords.hash_password(new_password, rounds=settings.bcrypt_rounds)
    if not await store.replace_password_hash(db=db, user_id=user_id, old=old_hash, new=new_hash):
        # Changed meanwhile by another session: the current password is no longer it.
        raise errors.InvalidCredentials("The current password is wrong.")
    await PASSWORD_THROTTLE.reset(db=db, key=throttle_key)
    await sign_out_everywhere(db=db, live=live, user_id=user_id, keep=session_id)
    return user


async def set_password(
    *, db: Database, live: LiveSessions, settings: Settings, user_id: str, password: str
) -> UserRecord:
    """An administrator's reset: a new password, and every session signed out."""
    found = await store.user_by_id(db=db, user_id=user_id)
    if found is None:
        raise errors.NotFound()
    password = validate_password(password, username=found[0].username)
    new_hash = await passwords.hash_password(password, rounds=settings.bcrypt_rounds)
    await store.replace_password_hash(db=db, user_id=user_id, old=None, new=new_hash)
    await sign_out_everywhere(db=db, live=live, user_id=user_id)
    return found[0]


async def set_disabled(*, db: Database, live: LiveSessions, user_id: str, disabled: bool) -> None:
    """Disable (signing out every session at once) or enable an account; NotFound."""
    if not await store.set_disabled(db=db, user_id=user_id, disabled=disabled):
        raise errors.NotFound()
    if disabled:
        await sign_out_everywhere(db=db, live=live, user_id=user_id)


async def set_quota(*, db: Database, user_id: str, quota_bytes: int | None) -> None:
    """Set an account's quota (None: unlimited); NotFound for an unknown user."""
    if not await store.set_quota(db=db, user_id=user_id, quota_bytes=quota_bytes):
        raise errors.NotFound()


async def delete_account(*, db: Database, live: LiveSessions, user_id: str) -> None:
    """Sign the user out everywhere and remove the user and its sessions (not its files)."""
    await sign_out_everywhere(db=db, live=live, user_id=user_id)
    await store.delete_user(db=db, user_id=user_id)


async def find_user(*, db: Database, username: str) -> UserRecord:
    """The user with this username (any case), or NotFound."""
    if not isinstance(username, str) or not USERNAME_RE.fullmatch(username):
        raise errors.NotFound()
    found = await store.user_by_name(db=db, username_key=username_key(username))
    if found is None:
        raise errors.NotFound()
    return found[0]
