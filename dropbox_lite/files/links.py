"""Signed, expiring download URLs for /files/{id}/content (no Authorization header needed)."""

from __future__ import annotations

import time
from urllib.parse import quote

from bson import ObjectId

from dropbox_lite.core import errors
from dropbox_lite.core.config import Settings
from dropbox_lite.core.db import Database
from dropbox_lite.core.security import Signer

PURPOSE = "download"
MIN_EXPIRES_IN = 1
MAX_EXPIRES_IN = 7 * 24 * 3600


def download_url(
    *, settings: Settings, signer: Signer, file_id: str, rev: int, expires_in: int
) -> str:
    """A URL that serves revision `rev` of the file to anyone holding it, until it expires."""
    if isinstance(expires_in, bool) or not isinstance(expires_in, int):
        raise errors.BadInput("expiresIn must be a whole number of seconds.")
    if not MIN_EXPIRES_IN <= expires_in <= MAX_EXPIRES_IN:
        raise errors.BadInput(
            f"expiresIn must be between {MIN_EXPIRES_IN} and {MAX_EXPIRES_IN} seconds."
        )
    expires_at = int(time.time()) + expires_in
    token = signer.sign({"f": file_id, "r": rev, "e": expires_at}, purpose=PURPOSE)
    return (
        f"{settings.public_url}/files/{quote(file_id, safe='')}/content"
        f"?rev={rev}&sig={quote(token, safe='')}"
    )


def verify_download(*, signer: Signer, token: str, file_id: str) -> int | None:
    """The revision a signature grants for `file_id`; None if forged, expired or not for it."""
    value = signer.unsign(token, purpose=PURPOSE, max_age=MAX_EXPIRES_IN + 60)
    if not isinstance(value, dict):
        return None
    signed_file, rev, expires_at = value.get("f"), value.get("r"), value.get("e")
    if not isinstance(signed_file, str) or signed_file != file_id:
        return None
    if isinstance(rev, bool) or not isinstance(rev, int):
        return None
    if isinstance(expires_at, bool) or not isinstance(expires_at, int | float):
        return None
    if time.time() >= expires_at:
        return None
    return rev


async def file_owner(*, db: Database, file_id: str) -> str | None:
    """The owner of a live file, for a signed URL (which names no user); None if none."""
    if not ObjectId.is_valid(file_id):
        return None
    doc = await db["entries"].find_one(
        {"_id": ObjectId(file_id), "is_file": True, "deleted": {"$ne": True}},
        {"owner_id": 1},
    )
    return None if doc is None else str(doc["owner_id"])
