"""run_app: serve the application with uvicorn."""

from __future__ import annotations

import asyncio
import ctypes
import os
from typing import Any

import uvicorn

from dropbox_lite.core import db as database
from dropbox_lite.core.config import PREFIX, ConfigError, Settings, get_db_uri, load_config


def _redacted(uri: str) -> str:
    """The URI without its password, for messages."""
    scheme, sep, rest = uri.partition("://")
    if "@" in rest.split("/", 1)[0]:
        credentials, _, host = rest.partition("@")
        return f"{scheme}{sep}{credentials.split(':', 1)[0]}:***@{host}"
    return uri


def check_startup(settings: Settings) -> None:
    """Refuse settings that cannot serve: raise ConfigError or ConnectionError with one line."""
    if settings.embedded and settings.production:
        raise ConfigError(
            "MONGODB_URI", "the in-memory store is refused when ENV=production; set a database"
        )
    if settings.embedded and settings.workers > 1:
        raise ConfigError(
            "WORKERS", "the in-memory store cannot be shared by several workers; set a database"
        )
    if settings.embedded:
        return
    problem = database.uri_problem(get_db_uri(settings))
    if problem is not None:
        raise ConfigError(
            "MONGODB_URI" if settings.mongodb_uri else "DB_HOST",
            f"is not a valid MongoDB connection string ({problem})",
        )

    async def ping() -> None:
        db = await database.connect(settings)
        db.close()

    try:
        asyncio.run(ping())
    except database.DatabaseError as exc:
        first_line = str(exc).split("\n", 1)[0][:200]
        raise ConnectionError(
            f"cannot reach MongoDB at {_redacted(get_db_uri(settings))} within "
            f"{settings.db_timeout_ms / 1000:g} s: {first_line}"
        ) from None


def uvicorn_options(settings: Settings) -> dict[str, Any]:
    """uvicorn's proxy and connection settings from ours.

    X-Forwarded-For/-Proto are believed only from DROPBOX_LITE_TRUSTED_PROXIES (the
    client address keys throttles). uvicorn has no timeout for reading headers or a
    body: the reverse proxy in front bounds those (README, "HTTP routes").
    """
    return {
        "proxy_headers": True,
        "forwarded_allow_ips": settings.trusted_proxies,
        "timeout_keep_alive": settings.keepalive_seconds,
        # Request heads larger than this are refused (h11's default is 16 KiB).
        "h11_max_incomplete_event_size": 64 * 1024,
    }


MMAP_THRESHOLD = 128 * 1024
_M_MMAP_THRESHOLD = -3  # glibc's mallopt parameter number


def bound_freed_buffers() -> bool:
    """Large buffers (a 1 MiB chunk, a 4 MiB block) come from mmap and go back to the
    system when freed, so a burst of uploads leaves no tens of MB held in glibc's
    per-thread arenas (measured: peak RSS 105 -> 92 MB for 256 MiB through tus).

    glibc raises its mmap threshold as big buffers are freed; a fixed one stops that.
    The variable covers worker processes started after this one. Whether this process
    took it (glibc only; elsewhere nothing happens)."""
    os.environ.setdefault("MALLOC_MMAP_THRESHOLD_", str(MMAP_THRESHOLD))
    try:
        libc = ctypes.CDLL("libc.so.6")
        return bool(libc.mallopt(_M_MMAP_THRESHOLD, MMAP_THRESHOLD))
    except (OSError, AttributeError):
        return False


def run_app(
    *,
    host: str | None = None,
    port: int | None = None,
    workers: int | None = None,
    reload: bool = False,
    log_level: str = "info",
    access_log: bool = True,
) -> None:
    """Serve until stopped. Command-line values win over the environment."""
    for name, value in (("HOST", host), ("PORT", port), ("WORKERS", workers)):
        if value is not None:
            os.environ[PREFIX + name] = str(value)
    settings = load_config()
    check_startup(settings)
    bound_freed_buffers()
    uvicorn.run(
        "dropbox_lite.core.app:app_from_env",
        factory=True,
        host=settings.host,
        port=settings.port,
        workers=None if reload else settings.workers,
        reload=reload,
        **uvicorn_options(settings),
        log_level=log_level,
        access_log=access_log,
        ws="websockets-sansio",
    )
