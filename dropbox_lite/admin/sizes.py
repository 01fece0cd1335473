"""Sizes and durations as people type them: 10GB, 512MiB, 1.5 TB; 7d, 12h, 30m."""

from __future__ import annotations

import re
from datetime import timedelta
from decimal import Decimal

_SIZE = re.compile(r"\s*(\d+(?:\.\d+)?)\s*([a-z]*)\s*", re.IGNORECASE)
# Decimal units as disks are sold, binary ones as operating systems count.
_UNITS = {
    "": 1,
    "b": 1,
    "kb": 1000,
    "mb": 1000**2,
    "gb": 1000**3,
    "tb": 1000**4,
    "kib": 1024,
    "mib": 1024**2,
    "gib": 1024**3,
    "tib": 1024**4,
}
_DURATION = re.compile(r"\s*(\d+)\s*([mhdw])\s*", re.IGNORECASE)
_MINUTES = {"m": 1, "h": 60, "d": 24 * 60, "w": 7 * 24 * 60}
# What the database stores (a signed 8-byte integer), and a lifetime past any use.
MAX_SIZE = 2**63 - 1
MAX_DURATION = timedelta(days=36525)


def parse_size(text: str) -> int:
    """Bytes from "10GB", "512MiB", "1.5 TB" or "4096"; ValueError saying what is accepted."""
    match = _SIZE.fullmatch(text)
    unit = match.group(2).lower() if match else None
    if match is None or unit not in _UNITS:
        raise ValueError(
            f"{text!r} is not a size: use a number with B, KB, MB, GB, TB (powers of 1000) "
            "or KiB, MiB, GiB, TiB (powers of 1024), such as 10GB or 512MiB"
        )
    # Decimal, not float: no overflow on long numbers, no rounding of exact ones.
    size = int(Decimal(match.group(1)) * _UNITS[unit])
    if size > MAX_SIZE:
        raise ValueError(f"{text[:40]!r} is too large: at most {MAX_SIZE} bytes (8 EiB)")
    return size


def size_text(count: int) -> str:
    """Bytes for people: 812 B, 1.5 KiB, 3.2 GiB."""
    value = float(count)
    for unit in ("B", "KiB", "MiB", "GiB", "TiB"):
        if value < 1024 or unit == "TiB":
            return f"{count} B" if unit == "B" else f"{value:.1f} {unit}"
        value /= 1024
    raise AssertionError("unreachable")


def parse_duration(text: str) -> timedelta:
    """A duration from "30m", "12h", "7d" or "2w"; ValueError saying what is accepted."""
    match = _DURATION.fullmatch(text)
    if match is None or int(match.group(1)) < 1:
        raise ValueError(
            f"{text!r} is not a duration: use a whole number with m, h, d or w, such as 7d"
        )
    minutes = int(match.group(1)) * _MINUTES[match.group(2).lower()]
    if minutes > MAX_DURATION // timedelta(minutes=1):
        raise ValueError(f"{text[:40]!r} is too long: at most 100 years ({MAX_DURATION.days}d)")
    return timedelta(minutes=minutes)
