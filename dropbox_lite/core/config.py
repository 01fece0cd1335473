"""Settings, read once from the environment into a frozen, typed object."""

from __future__ import annotations

import secrets
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any
from urllib.parse import quote_plus, urlsplit

PREFIX = "DROPBOX_LITE_"
GiB = 1024**3

ENVIRONMENTS = ("development", "production", "test")
LOG_FORMATS = ("text", "json")


class ConfigError(Exception):
    """A configuration value is missing or malformed; the message names the variable."""

    def __init__(self, variable: str, problem: str) -> None:
        super().__init__(f"{PREFIX}{variable}: {problem}")
        self.variable = PREFIX + variable


@dataclass(frozen=True)
class Settings:
    env: str = "development"
    mongodb_uri: str | None = None
    db_host: str | None = None
    db_port: int = 27017
    db_user: str | None = None
    db_password: str | None = None
    db_name: str = "dropbox_lite"
    # How long to wait for the database to answer at all (server selection, connecting).
    db_timeout_ms: int = 5000
    # The first key signs; every key verifies (so a rotated-out key keeps working a while).
    secret_keys: tuple[str, ...] = field(default_factory=lambda: (secrets.token_urlsafe(32),))
    secret_key_generated: bool = True
    host: str = "127.0.0.1"
    port: int = 8000
    workers: int = 1
    public_url: str = "http://127.0.0.1:8000"
    max_upload_bytes: int = 10 * GiB
    max_request_bytes: int = 1024 * 1024
    default_quota_bytes: int | None = None
    session_ttl_seconds: int = 30 * 24 * 3600
    cors_origins: tuple[str, ...] = ()
    cors_credentials: bool = False
    # HTTP serving (core/server.py, core/app.py): proxies whose X-Forwarded-For is
    # believed, idle keep-alive, one operation's time, uploads running per user.
    trusted_proxies: str = "127.0.0.1,::1"
    keepalive_seconds: int = 5
    request_timeout_seconds: int = 30
    max_concurrent_uploads: int = 4
    # Live subscriptions (sync/subscriptions.py): per socket, and per user in one process.
    max_subscriptions_per_socket: int = 10
    max_subscriptions_per_user: int = 50
    graphiql: bool = True
    introspection: bool = True
    bcrypt_rounds: int = 12
    log_format: str = "text"
    # Who may sign up (auth): "open", "invite" (an admin's invite code) or "closed".
    signup: str = "open"
    # A user's live sessions beyond this sign out, oldest first.
    max_sessions_per_user: int = 100
    # Background upkeep (dropbox_lite/upkeep): how often a pass runs (0: never, in
    # this process), how long deletions stay in the change feed, and how old an
    # unreferenced blob must be before gc removes it.
    upkeep_interval_seconds: int = 3600
    journal_retention_days: int = 90
    gc_grace_seconds: int = 3600
    # File history (files/quota.py): non-current revisions older than this are expired
    # by upkeep, and a file keeps at most this many revisions (the current one included).
    revision_days: int = 30
    trash_days: int = 30  # upkeep purges what has been in the trash longer
    max_revisions_per_file: int = 100
    # Upload sessions (tus and our own) expire this long after they start.
    upload_session_hours: int = 24

    @property
    def production(self) -> bool:
        return self.env == "production"

    @property
    def embedded(self) -> bool:
        """No database configured: the in-memory store, for trying it out."""
        return self.mongodb_uri is None and self.db_host is None


def get_db_uri(settings: Settings) -> str:
    """The MongoDB connection string: MONGODB_URI as given, else assembled from its parts."""
    if settings.mongodb_uri:
        return settings.mongodb_uri
    if not settings.db_host:
        raise ConfigError("DB_HOST", "is not set (and neither is MONGODB_URI)")
    credentials = ""
    if settings.db_user:
        credentials = quote_plus(settings.db_user)
        if settings.db_password is not None:
            credentials += ":" + quote_plus(settings.db_password)
        credentials += "@"
    host = f"[{settings.db_host}]" if ":" in settings.db_host else settings.db_host
    return f"mongodb://{credentials}{host}:{settings.db_port}/{quote_plus(settings.db_name)}"


def load_config(environ: Mapping[str, str] | None = None, **overrides: object) -> Settings:
    """Read and validate every DROPBOX_LITE_ variable; raise ConfigError naming a bad one."""
    if environ is None:
        import os

        environ = os.environ
    reader = _Reader(environ)

    env = reader.choice("ENV", ENVIRONMENTS, "development")
    production = env == "production"
    keys_raw = reader.secret("SECRET_KEY")
    if keys_raw is not None:
        keys = tuple(k.strip() for k in keys_raw.split(",") if k.strip())
        if not keys:
            raise ConfigError("SECRET_KEY", "is empty")
        if production and any(len(k) < 16 for k in keys):
            raise ConfigError("SECRET_KEY", "each key must be at least 16 characters in production")
        generated = False
    elif production:
        raise ConfigError("SECRET_KEY", "is required when ENV=production")
    else:
        keys, generated = (secrets.token_urlsafe(32),), True

    host = reader.text("HOST") or "127.0.0.1"
    port = reader.integer("PORT", 8000, low=1, high=65535)
    values: dict[str, object] = {
        "env": env,
        "mongodb_uri": reader.mongodb_uri("MONGODB_URI"),
        "db_host": reader.text("DB_HOST"),
        "db_port": reader.integer("DB_PORT", 27017, low=1, high=65535),
        "db_user": reader.text("DB_USER"),
        "db_password": reader.secret("DB_PASSWORD"),
        "db_name": reader.text("DB_NAME") or "dropbox_lite",
        "db_timeout_ms": reader.integer("DB_TIMEOUT_MS", 5000, low=100, high=600_000),
        "secret_keys": keys,
        "secret_key_generated": generated,
        "host": host,
        "port": port,
        "workers": reader.integer("WORKERS", 1, low=1, high=256),
        "public_url": reader.url("PUBLIC_URL") or f"http://{host}:{port}",
        "max_upload_bytes": reader.integer("MAX_UPLOAD_BYTES", 10 * GiB, low=1),
        "max_request_bytes": reader.integer("MAX_REQUEST_BYTES", 1024 * 1024, low=1024),
        "default_quota_bytes": reader.integer("DEFAULT_QUOTA_BYTES", None, low=0),
        "session_ttl_seconds": reader.integer("SESSION_TTL_SECONDS", 30 * 24 * 3600, low=60),
        "cors_origins": tuple(
            o.strip() for o in (reader.text("CORS_ORIGINS") or "").split(",") if o.strip()
        ),
        "cors_credentials": reader.boolean("CORS_CREDENTIALS", False),
        "trusted_proxies": reader.proxies("TRUSTED_PROXIES", "127.0.0.1,::1"),
        "keepalive_seconds": reader.integer("KEEPALIVE_SECONDS", 5, low=1, high=600),
        "request_timeout_seconds": reader.integer("REQUEST_TIMEOUT_SECONDS", 30, low=1),
        "max_concurrent_uploads": reader.integer("MAX_CONCURRENT_UPLOADS", 4, low=1),
        "max_subscriptions_per_socket": reader.integer("MAX_SUBSCRIPTIONS_PER_SOCKET", 10, low=1),
        "max_subscriptions_per_user": reader.integer("MAX_SUBSCRIPTIONS_PER_USER", 50, low=1),
        "graphiql": reader.boolean("GRAPHIQL", not production),
        "introspection": reader.boolean("INTROSPECTION", not production),
        "bcrypt_rounds": reader.integer(
            "BCRYPT_ROUNDS", 12, low=4 if not production else 10, high=16
        ),
        "log_format": reader.choice("LOG_FORMAT", LOG_FORMATS, "text"),
        "signup": reader.choice(
            "SIGNUP", ("open", "invite", "closed"), "closed" if production else "open"
        ),
        "max_sessions_per_user": reader.integer("MAX_SESSIONS_PER_USER", 100, low=1),
        "upkeep_interval_seconds": reader.integer(
            "UPKEEP_INTERVAL_SECONDS", 3600, low=0, high=7 * 24 * 3600
        ),
        "journal_retention_days": reader.integer("JOURNAL_RETENTION_DAYS", 90, low=1),
        "gc_grace_seconds": reader.integer(
            "GC_GRACE_SECONDS", 3600, low=0, high=100 * 366 * 24 * 3600
        ),
        "revision_days": reader.integer("REVISION_DAYS", 30, low=1),
        "trash_days": reader.integer("TRASH_DAYS", 30, low=1, high=100 * 366),
        "max_revisions_per_file": reader.integer("MAX_REVISIONS_PER_FILE", 100, low=1, high=10_000),
        "upload_session_hours": reader.integer("UPLOAD_SESSION_HOURS", 24, low=1, high=24 * 365),
    }
    values.update(overrides)
    if "*" in values["cors_origins"] and values["cors_credentials"]:  # type: ignore[operator]
        raise ConfigError(
            "CORS_ORIGINS",
            "'*' cannot be combined with CORS_CREDENTIALS=true (browsers refuse it); "
            "list the origins instead",
        )
    return Settings(**values)  # type: ignore[arg-type]


class _Reader:
    def __init__(self, environ: Mapping[str, str]) -> None:
        self.environ = environ

    def text(self, name: str) -> str | None:
        value = self.environ.get(PREFIX + name)
        if value is None or value.strip() == "":
            return None
        return value.strip()

    def secret(self, name: str) -> str | None:
        """NAME, or the contents of the file NAME_FILE names (Docker secrets)."""
        path = self.text(name + "_FILE")
        if path is None:
            return self.text(name)
        if self.text(name) is not None:
            raise ConfigError(name + "_FILE", f"set this or {PREFIX}{name}, not both")
        try:
            with open(path, encoding="utf-8") as file:
                value = file.read().strip()
        except (OSError, UnicodeDecodeError) as exc:
            reason = exc.strerror if isinstance(exc, OSError) and exc.strerror else str(exc)
            raise ConfigError(name + "_FILE", f"cannot read {path}: {reason}") from None
        if not value:
            raise ConfigError(name + "_FILE", f"{path} is empty")
        return value

    def integer(self, name: str, default: int | None, *, low: int, high: int | None = None) -> Any:
        raw = self.text(name)
        if raw is None:
            return default
        try:
            value = int(raw.replace("_", ""))
        except ValueError:
            raise ConfigError(name, f"must be a whole number, not {raw!r}") from None
        if value < low or (high is not None and value > high):
            bounds = f"between {low} and {high}" if high is not None else f"at least {low}"
            raise ConfigError(name, f"must be {bounds}, not {value}")
        return value

    def boolean(self, name: str, default: bool) -> bool:
        raw = self.text(name)
        if raw is None:
            return default
        lowered = raw.lower()
        if lowered in ("1", "true", "yes", "on"):
            return True
        if lowered in ("0", "false", "no", "off"):
            return False
        raise ConfigError(name, f"must be true or false, not {raw!r}")

    def choice(self, name: str, choices: tuple[str, ...], default: str) -> str:
        raw = self.text(name)
        if raw is None:
            return default
        if raw.lower() not in choices:
            raise ConfigError(name, f"must be one of {', '.join(choices)}, not {raw!r}")
        return raw.lower()

    def proxies(self, name: str, default: str) -> str:
        raw = self.text(name)
        if raw is None:
            return default
        if raw == "*":
            return raw
        import ipaddress

        for item in (i.strip() for i in raw.split(",")):
            try:
                ipaddress.ip_network(item, strict=False)
            except ValueError:
                raise ConfigError(
                    name,
                    f"must be '*' or a comma-separated list of IP addresses or networks, "
                    f"not {item!r}",
                ) from None
        return ",".join(i.strip() for i in raw.split(",") if i.strip())

    def url(self, name: str) -> str | None:
        raw = self.text(name)
        if raw is None:
            return None
        parts = urlsplit(raw)
        if parts.scheme not in ("http", "https") or not parts.netloc:
            raise ConfigError(name, f"must be an http(s) URL, not {raw!r}")
        return raw.rstrip("/")

    def mongodb_uri(self, name: str) -> str | None:
        raw = self.text(name)
        if raw is None:
            return None
        # The form only: the driver's own parser (core/db.py, which imports this
        # module) checks the rest in core/server.check_startup before anything connects.
        if not raw.startswith(("mongodb://", "mongodb+srv://")):
            raise ConfigError(name, "must start with mongodb:// or mongodb+srv://")
        try:
            host = urlsplit(raw).hostname
        except ValueError:  # a port that is not a number, among others
            host = None
        if not host:
            raise ConfigError(name, "is not a valid MongoDB connection string (no host)")
        return raw
