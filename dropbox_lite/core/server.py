"""run_app: serve the application with uvicorn."""

from __future__ import annotations

import asyncio
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
