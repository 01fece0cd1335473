"""What an account's inputs may be: usernames, passwords, device names and keys, and
how device keys and invite codes are stored (their hashes). Pure checks, no queries."""

from __future__ import annotations

import hashlib
import re
from typing import Any

from dropbox_lite.core import errors

# ASCII only, checked as typed: lower() would let "\u212a" (KELVIN SIGN) pass as "k".
USERNAME_RE = re.compile(r"[A-Za-z0-9._-]{3,32}")
MIN_PASSWORD = 8
MAX_PASSWORD = 1024
MAX_DEVICE_NAME = 100
MAX_DEVICE_KEY = 128
MAX_INVITE_CODE = 200


def username_key(username: str) -> str:
    return username.casefold()


def is_text(value: str) -> bool:
    # A lone UTF-16 surrogate (JSON allows "\ud800") cannot be encoded or stored.
    try:
        value.encode("utf-8")
    except UnicodeEncodeError:
        return False
    return True


def validate_username(username: Any) -> str:
    """The username as typed, or InvalidInput saying what is wrong with it."""
    if not isinstance(username, str) or not USERNAME_RE.fullmatch(username):
        raise errors.InvalidInput(
            "A username is 3 to 32 characters of letters, digits, '.', '_' and '-'.",
            field="username",
        )
    return username


def validate_password(password: Any, *, username: str | None = None) -> str:
    """The password, or InvalidInput (NIST 800-63B: length only, no composition rules)."""
    if not isinstance(password, str) or "\x00" in password:
        raise errors.InvalidInput("A password is text without NUL characters.", field="password")
    if not is_text(password):
        raise errors.InvalidInput(
            "A password must be valid Unicode text (it holds a lone surrogate).",
            field="password",
        )
    if len(password) < MIN_PASSWORD:
        raise errors.InvalidInput(
            f"A password needs at least {MIN_PASSWORD} characters.", field="password"
        )
    if len(password) > MAX_PASSWORD:
        raise errors.InvalidInput(
            f"A password may have at most {MAX_PASSWORD} characters.", field="password"
        )
    if username is not None and password.casefold() == username.casefold():
        raise errors.InvalidInput("A password must differ from the username.", field="password")
    return password


def validate_device_name(device_name: Any) -> str | None:
    """The device name trimmed to MAX_DEVICE_NAME (None if blank), or InvalidInput."""
    if device_name is None:
        return None
    if not isinstance(device_name, str) or not is_text(device_name):
        raise errors.InvalidInput(
            "A device name must be valid Unicode text (it holds a lone surrogate).",
            field="deviceName",
        )
    return device_name.strip()[:MAX_DEVICE_NAME].strip() or None


def validate_device_key(device_key: Any) -> str | None:
    """The device key as sent (1 to MAX_DEVICE_KEY characters), None, or InvalidInput."""
    if device_key is None:
        return None
    if (
        not isinstance(device_key, str)
        or not 1 <= len(device_key) <= MAX_DEVICE_KEY
        or not is_text(device_key)
    ):
        raise errors.InvalidInput(
            f"A device key is 1 to {MAX_DEVICE_KEY} characters of text.", field="deviceKey"
        )
    return device_key


def device_key_hash(device_key: str) -> str:
    """How a device key is stored on its sessions: a SHA-256 (the key itself never is)."""
    return hashlib.sha256(f"device-key:{device_key}".encode()).hexdigest()


def given_password(password: Any) -> str:
    """A password to check against a hash: over-long or non-text ones check as ""."""
    if not isinstance(password, str) or len(password) > MAX_PASSWORD:
        return ""
    if not is_text(password):
        raise errors.InvalidInput(
            "A password must be valid Unicode text (it holds a lone surrogate).",
            field="password",
        )
    return password


def invite_hash(code: str) -> str:
    """How an invite code is stored: its SHA-256 (a code has 160 random bits)."""
    return hashlib.sha256(code.encode("utf-8")).hexdigest()
