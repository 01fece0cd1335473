"""Signed, expiring download URLs for /files/{id}/content (no Authorization header needed).

A URL made with the session that asks for it (`session_id`, `user_id`) names that
session and its user: it stops working when the session ends (logout,
revokeSession, a password change made from another session). Without them, the
route finds the file's owner by the file (`file_owner`). Either way it serves the
file only while it is not trashed. The signing itself (`sign_download`,
`unsign_download`) is shared with share links.
"""

from __future__ import annotations

import time
from dataclasses import dataclass
from typing import Any
from urllib.parse import quote

from bson import ObjectId

from dropbox_lite.core import errors
from dropbox_lite.core.config import Settings
from dropbox_lite.core.db import Database
from dropbox_lite.core.security import Signer
from dropbox_lite.files import store

PURPOSE = "download"
MIN_EXPIRES_IN = 1
MAX_EXPIRES_IN = 7 * 24 * 3600


@dataclass(frozen=True)
class SignedDownload:
    """What a valid signature grants: a revision, and the session that asked for it."""

    rev: int
    session_id: str | None
    user_id: str | None


def sign_download(*, signer: Signer, purpose: str, fields: dict[str, Any], expires_in: int) -> str:
    """A signature over `fields` (short keys) that expires in `expires_in` seconds."""
    return signer.sign({**fields, "e": int(time.time()) + expires_in}, purpose=purpose)


def unsign_download(
    *, signer: Signer, purpose: str, token: str, max_age: int
) -> dict[str, Any] | None:
    """The fields of a signature made by sign_download; None if forged or expired."""
    value = signer.unsign(token, purpose=purpose, max_age=max_age + 60)
    if not isinstance(value, dict):
        return None
    expires_at = value.get("e")
    if isinstance(expires_at, bool) or not isinstance(expires_at, int | float):
        return None
    if time.time() >= expires_at:
        return None
    return value


def download_url(
    *,
    settings: Settings,
    signer: Signer,
    file_id: str,
    rev: int,
    expires_in: int,
    session_id: str | None = None,
    user_id: str | None = None,
) -> str:
    """A URL that serves revision `rev` of the file to anyone holding it, until it expires.

    Given the session (and its user) that asks, the URL works only while that
    session does.
    """
    if isinstance(expires_in, bool) or not isinstance(expires_in, int):
        raise errors.BadInput("expiresIn must be a whole number of seconds.")
    if not MIN_EXPIRES_IN <= expires_in <= MAX_EXPIRES_IN:
        raise errors.BadInput(
            f"expiresIn must be between {MIN_EXPIRES_IN} and {MAX_EXPIRES_IN} seconds."
        )
    fields: dict[str, Any] = {"f": file_id, "r": rev}
    if session_id is not None and user_id is not None:
        fields.update({"s": session_id, "u": user_id})
    token = sign_download(signer=signer, purpose=PURPOSE, fields=fields, expires_in=expires_in)
    return (
        f"{settings.public_url}/files/{quote(file_id, safe='')}/content"
        f"?rev={rev}&sig={quote(token, safe='')}"
    )


def verify_download(*, signer: Signer, token: str, file_id: str) -> SignedDownload | None:
    """What a signature grants for `file_id`; None if forged, expired or not for it."""
    value = unsign_download(signer=signer, purpose=PURPOSE, token=token, max_age=MAX_EXPIRES_IN)
    if value is None:
        return None
    signed_file, rev = value.get("f"), value.get("r")
    if not isinstance(signed_file, str) or signed_file != file_id:
        return None
    if isinstance(rev, bool) or not isinstance(rev, int):
        return None
    session_id, user_id = value.get("s"), value.get("u")
    if not isinstance(session_id, str) or not isinstance(user_id, str):
        session_id = user_id = None
    return SignedDownload(rev=rev, session_id=session_id, user_id=user_id)


async def file_owner(*, db: Database, file_id: str) -> str | None:
    """The owner of a live file, for a signed URL (which names no user); None if none."""
    if not ObjectId.is_valid(file_id):
        return None
    owner = await store.live_file_owner(db, ObjectId(file_id))
    return None if owner is None else str(owner)
