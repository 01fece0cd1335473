"""Entry names: the one place they are validated (invariant 5), keyed and renamed."""

from __future__ import annotations

import unicodedata
from collections.abc import Iterator
from datetime import date

from dropbox_lite.core import errors

MAX_NAME_BYTES = 255
# Line and paragraph separators break headers and terminals just like CR/LF.
_FORBIDDEN = frozenset("/\\\u2028\u2029")


def validate_name(name: object) -> str:
    """The name in NFC, or InvalidName saying what is wrong with it."""
    if not isinstance(name, str):
        raise errors.InvalidName("A name is text.")
    name = unicodedata.normalize("NFC", name)
    if name == "":
        raise errors.InvalidName("A name cannot be empty.")
    if name in (".", ".."):
        raise errors.InvalidName("A name cannot be '.' or '..'.")
    for char in name:
        if char in _FORBIDDEN:
            raise errors.InvalidName("A name cannot contain '/' or '\\'.")
        if unicodedata.category(char) in ("Cc", "Cs"):
            raise errors.InvalidName("A name cannot contain control characters (NUL, CR, LF...).")
    if len(name.encode("utf-8")) > MAX_NAME_BYTES:
        raise errors.InvalidName(f"A name is at most {MAX_NAME_BYTES} bytes in UTF-8.")
    return name


def name_key(name: str) -> str:
    """The key that makes names unique per folder: NFC, case-folded (and NFC again)."""
    return unicodedata.normalize("NFC", unicodedata.normalize("NFC", name).casefold())


def split_extension(name: str) -> tuple[str, str]:
    """("report", ".pdf") for "report.pdf"; a leading dot is not an extension."""
    dot = name.rfind(".")
    if dot <= 0:
        return name, ""
    return name[:dot], name[dot:]


def _with_suffix(name: str, suffix: str) -> str:
    stem, ext = split_extension(name)
    budget = MAX_NAME_BYTES - len((suffix + ext).encode("utf-8"))
    encoded = stem.encode("utf-8")
    if len(encoded) > budget:
        stem = encoded[: max(budget, 0)].decode("utf-8", errors="ignore")
    return f"{stem}{suffix}{ext}"


def autorename_candidates(name: str, limit: int = 1000) -> Iterator[str]:
    """ "a (1).txt", "a (2).txt", ... (each within the byte limit)."""
    for number in range(1, limit + 1):
        yield _with_suffix(name, f" ({number})")


def conflicted_copy_name(name: str, username: str, day: date) -> str:
    """ "a (alice's conflicted copy 2026-11-24).txt", as Dropbox names them."""
    return _with_suffix(name, f" ({username}'s conflicted copy {day.isoformat()})")
