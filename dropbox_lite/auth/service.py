"""Accounts and device sessions: sign-up, sign-in, sessions, authenticate, invites.

The one name faces and other modules import auth's service by. Its parts: rules.py
(what a username, password, device name or key may be), accounts.py (sign-up, invites,
sign-in, passwords, an administrator's account changes) and sessions.py (device
sessions, bearer tokens, authenticate, prune); every public name is re-exported here.
"""

from __future__ import annotations

from dropbox_lite.auth.accounts import (
    LOGIN_GUARD,
    PASSWORD_THROTTLE,
    SIGNUP_THROTTLE,
    MakeAccount,
    SignupRefused,
    change_password,
    create_invite,
    create_user,
    delete_account,
    find_user,
    login,
    set_disabled,
    set_password,
    set_quota,
    signup,
    verify_user,
)
from dropbox_lite.auth.rules import (
    MAX_DEVICE_KEY,
    MAX_DEVICE_NAME,
    MAX_INVITE_CODE,
    MAX_PASSWORD,
    MIN_PASSWORD,
    USERNAME_RE,
    device_key_hash,
    invite_hash,
    username_key,
    validate_device_key,
    validate_device_name,
    validate_password,
    validate_username,
)
from dropbox_lite.auth.sessions import (
    TOKEN_PURPOSE,
    authenticate,
    create_session,
    list_sessions,
    prune,
    revoke_session,
    session_active,
    sign_out_everywhere,
)
from dropbox_lite.auth.store import InviteRecord, SessionRecord, UserRecord
from dropbox_lite.core.clock import now  # auth.credentials takes it from here

__all__ = [
    "LOGIN_GUARD",
    "PASSWORD_THROTTLE",
    "MakeAccount",
    "SIGNUP_THROTTLE",
    "SignupRefused",
    "create_user",
    "signup",
    "create_invite",
    "verify_user",
    "login",
    "change_password",
    "set_password",
    "set_disabled",
    "set_quota",
    "delete_account",
    "find_user",
    "USERNAME_RE",
    "MIN_PASSWORD",
    "MAX_PASSWORD",
    "MAX_DEVICE_NAME",
    "MAX_DEVICE_KEY",
    "MAX_INVITE_CODE",
    "username_key",
    "validate_username",
    "validate_password",
    "validate_device_name",
    "validate_device_key",
    "device_key_hash",
    "invite_hash",
    "TOKEN_PURPOSE",
    "sign_out_everywhere",
    "list_sessions",
    "revoke_session",
    "create_session",
    "session_active",
    "authenticate",
    "prune",
    "InviteRecord",
    "SessionRecord",
    "UserRecord",
    "now",
]
