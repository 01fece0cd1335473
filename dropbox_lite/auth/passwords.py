"""Password hashing with bcrypt, off the event loop, for passwords of any length."""

from __future__ import annotations

import asyncio
import base64
import hashlib
from functools import cache

import bcrypt

from dropbox_lite.core import errors

BCRYPT_ROUNDS = 12


@cache
def _dummy_hash(rounds: int) -> bytes:
    # A valid hash, at the same cost, of a password nobody has: an unknown username
    # costs one bcrypt check like a known one, so timing reveals nothing.
    return bcrypt.hashpw(b"not a password anyone has", bcrypt.gensalt(rounds))


def _prehash(password: str) -> bytes:
    # bcrypt reads at most 72 bytes (bcrypt 5 refuses more, older ones truncate):
    # hash a fixed-length digest instead, so every character of a long password counts.
    return base64.b64encode(hashlib.sha256(password.encode("utf-8")).digest())


def _hash(password: str, rounds: int) -> str:
    return bcrypt.hashpw(_prehash(password), bcrypt.gensalt(rounds)).decode("ascii")


def _check(password: str, hashed: str | None, rounds: int) -> bool:
    target = hashed.encode("ascii") if hashed else _dummy_hash(rounds)
    try:
        ok = bcrypt.checkpw(_prehash(password), target)
    except ValueError:
        return False
    return ok and hashed is not None


async def hash_password(password: str, *, rounds: int = BCRYPT_ROUNDS) -> str:
    """The bcrypt hash of `password`, computed in a worker thread (InvalidInput: not text)."""
    return await asyncio.to_thread(_hash, _encodable(password), rounds)


def _encodable(password: str) -> str:
    try:
        password.encode("utf-8")
    except UnicodeEncodeError:
        # A lone UTF-16 surrogate: JSON can carry one, UTF-8 cannot.
        raise errors.InvalidInput(
            "A password must be valid Unicode text (it holds a lone surrogate).",
            field="password",
        ) from None
    return password


async def check_password(password: str, hashed: str | None, *, rounds: int = BCRYPT_ROUNDS) -> bool:
    """Whether `password` matches `hashed`; with no hash, spend the same time and say no.

    InvalidInput for a password that is not valid Unicode text (a lone surrogate).
    """
    return await asyncio.to_thread(_check, _encodable(password), hashed, rounds)
