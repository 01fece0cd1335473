"""Entry names: the one place they are validated (invariant 5), keyed and renamed."""

from __future__ import annotations

import unicodedata
from collections.abc import Iterator
from datetime import date

from dropbox_lite.core import errors

MAX_NAME_BYTES = 255
# Line and paragraph separators break headers and terminals just like CR/LF.
_FORBIDDEN = frozenset("/\\\u2028\u2029")
# Bidirectional controls reorder what follows them: "\u202egpj.exe" shows as
# "exe.jpg" (Unicode TR36, section 2.1; CVE-2021-42574 for source code).
BIDI_CONTROLS = frozenset("\u061c\u200e\u200f\u202a\u202b\u202c\u202d\u202e") | frozenset(
    chr(c) for c in range(0x2066, 0x2070)
)
# Characters that show nothing: two names differing only by them look the same.
INVISIBLE = frozenset(
    "\u00ad\u034f\u115f\u1160\u180e\u200b\u2060\u2061\u2062\u2063\u2064"
    "\u3164\ufeff\uffa0\ufff9\ufffa\ufffb\U000e0001"
)
# Joiners are needed inside emoji sequences and some scripts (ZWNJ in Persian), so
# they are refused only where they join nothing: at an end, or beside a space.
JOINERS = frozenset("\u200c\u200d")
# Tag characters spell out subdivision flags after an emoji (U+1F3F4 ...).
_TAGS = range(0xE0020, 0xE0080)


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
    _refuse_deceptive(name)
    return name


def _shows_nothing(char: str) -> bool:
    return char.isspace() or char in INVISIBLE or char in JOINERS or char in BIDI_CONTROLS


def _refuse_deceptive(name: str) -> None:
    """InvalidName for names that can show as something they are not."""
    if all(_shows_nothing(char) for char in name):
        raise errors.InvalidName("A name cannot be only spaces or invisible characters.")
    for at, char in enumerate(name):
        if char in BIDI_CONTROLS:
            raise errors.InvalidName(
                f"A name cannot contain the text-direction control U+{ord(char):04X}."
            )
        if char in INVISIBLE:
            raise errors.InvalidName(f"A name cannot contain the invisible U+{ord(char):04X}.")
        if char in JOINERS:
            before = name[at - 1] if at > 0 else " "
            after = name[at + 1] if at + 1 < len(name) else " "
            if _shows_nothing(before) or _shows_nothing(after):
                raise errors.InvalidName(
                    f"A name cannot contain U+{ord(char):04X} where it joins nothing."
                )
        if ord(char) in _TAGS:
            before = name[at - 1] if at > 0 else " "
            if ord(before) not in _TAGS and unicodedata.category(before) != "So":
                raise errors.InvalidName(f"A name cannot contain the tag U+{ord(char):04X}.")


def display_name(name: str, *, fallback: str = "download") -> str:
    """The name with what could disguise it removed (names stored before they were refused)."""
    shown = "".join(
        char
        for char in name
        if char not in BIDI_CONTROLS
        and char not in INVISIBLE
        and unicodedata.category(char) not in ("Cc", "Cs", "Zl", "Zp")
    )
    return shown if shown.strip() else fallback


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


def name_then_numbered(name: str, limit: int = 1000) -> Iterator[str]:
    """ "a.txt", then "a (1).txt", "a (2).txt", ...: each made only when asked for."""
    yield name
    yield from autorename_candidates(name, limit)


def conflicted_copy_name(name: str, username: str, day: date) -> str:
    """ "a (alice's conflicted copy 2026-11-24).txt", as Dropbox names them."""
    return _with_suffix(name, f" ({username}'s conflicted copy {day.isoformat()})")
