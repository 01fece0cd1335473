"""The `dropbox-lite` command: serve, export-schema, config, and other modules' commands.

A module that adds commands has a `register(commands)` function that adds its subparsers
and sets `run` on each (`parser.set_defaults(run=...)`, a function of the parsed
arguments returning the exit code); it is listed in COMMAND_MODULES. Keep those modules
cheap to import: import heavy things inside `run`.
"""

from __future__ import annotations

import argparse
import importlib
import sys
from collections.abc import Sequence
from dataclasses import fields
from pathlib import Path

from dropbox_lite import __version__
from dropbox_lite.core.config import PREFIX, ConfigError

EXIT_CONFIG = 2

# Modules with a `register(commands)` function, in the order their commands are listed.
COMMAND_MODULES: tuple[str, ...] = (
    "dropbox_lite.admin.cli",
    "dropbox_lite.upkeep.commands",
    "dropbox_lite.client.cli",
)

# Every variable load_config reads (tests/core/test_cli.py checks that none is missing):
# name without the prefix, default, meaning.
ENVIRONMENT: tuple[tuple[str, str, str], ...] = (
    (
        "ENV",
        "development",
        "development | production | test (as development); production requires SECRET_KEY",
    ),
    ("MONGODB_URI", "unset", "MongoDB connection string; wins over the DB_* parts"),
    ("DB_HOST, DB_PORT", "unset, 27017", "MongoDB host and port, assembled into a URI"),
    ("DB_USER, DB_PASSWORD", "unset", "MongoDB credentials (URL-escaped for you)"),
    ("DB_PASSWORD_FILE", "unset", "a file holding DB_PASSWORD (Docker secrets)"),
    ("DB_NAME", "dropbox_lite", "the database"),
    ("DB_TIMEOUT_MS", "5000", "how long to wait for the database to answer at all"),
    ("SECRET_KEY", "random per process", "signs tokens and URLs; a,b,c rotates (a signs)"),
    ("SECRET_KEY_FILE", "unset", "a file holding SECRET_KEY (Docker secrets)"),
    ("HOST, PORT, WORKERS", "127.0.0.1, 8000, 1", "where and how many processes serve"),
    ("PUBLIC_URL", "http://HOST:PORT", "base of share and download URLs"),
    ("TRUSTED_PROXIES", "127.0.0.1,::1", "proxies whose X-Forwarded-For is believed, or *"),
    ("KEEPALIVE_SECONDS", "5", "idle HTTP keep-alive"),
    ("REQUEST_TIMEOUT_SECONDS", "30", "longest GraphQL operation (uploads excepted)"),
    ("MAX_UPLOAD_BYTES", "10 GiB", "larger uploads are refused"),
    ("MAX_REQUEST_BYTES", "1 MiB", "largest JSON GraphQL request body"),
    ("MAX_CONCURRENT_UPLOADS", "4", "uploads one user may run at once"),
    ("MAX_SUBSCRIPTIONS_PER_SOCKET", "10", "live subscriptions one connection may hold"),
    ("MAX_SUBSCRIPTIONS_PER_USER", "50", "live subscriptions of one user, per process"),
    ("DEFAULT_QUOTA_BYTES", "unlimited", "quota of new users"),
    ("SIGNUP", "open (closed in production)", "open | invite | closed"),
    ("SESSION_TTL_SECONDS", "30 days", "sliding session lifetime"),
    ("MAX_SESSIONS_PER_USER", "100", "older sessions beyond this sign out"),
    ("BCRYPT_ROUNDS", "12", "bcrypt cost (at least 10 in production)"),
    ("CORS_ORIGINS", "none", "comma-separated allowed origins"),
    ("CORS_CREDENTIALS", "false", "let those origins send credentials"),
    ("GRAPHIQL, INTROSPECTION", "on (off in production)", "playground and introspection"),
    ("REVISION_DAYS", "see README", "how long old revisions are kept"),
    ("TRASH_DAYS", "30", "upkeep purges what has been in the trash longer"),
    ("MAX_REVISIONS_PER_FILE", "see README", "how many old revisions a file keeps"),
    ("UPLOAD_SESSION_HOURS", "24", "how long a tus upload or upload session stays resumable"),
    ("LOG_FORMAT", "text", "text | json (one JSON object per line)"),
    ("UPKEEP_INTERVAL_SECONDS", "3600", "how often upkeep runs in the server (0: never)"),
    ("JOURNAL_RETENTION_DAYS", "90", "deletions stay in the change feed this long"),
    ("GC_GRACE_SECONDS", "3600", "unreferenced blobs younger than this are kept"),
)
SECRETS = frozenset({"db_password", "secret_keys"})


def environment_help() -> str:
    """The table of environment variables that `dropbox-lite config --help` prints."""
    width = max(len(name) for name, _, _ in ENVIRONMENT)
    lines = [f"Environment variables (each with the prefix {PREFIX}):", ""]
    for name, default, meaning in ENVIRONMENT:
        lines.append(f"  {name:<{width}}  {meaning} [default: {default}]")
    lines += ["", "A bad value stops every command with one line naming it (exit status 2)."]
    return "\n".join(lines)


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="dropbox-lite",
        description="A self-hosted file-hosting and sync service.",
        epilog=f"Configuration comes from {PREFIX}* environment variables: "
        "`dropbox-lite config --help` lists them.",
    )
    parser.add_argument("--version", action="version", version=f"dropbox-lite {__version__}")
    commands = parser.add_subparsers(dest="command", required=True)

    serve = commands.add_parser("serve", help="run the server")
    serve.add_argument("--host", help="address to listen on (default 127.0.0.1)")
    serve.add_argument("--port", type=int, help="port to listen on (default 8000)")
    serve.add_argument("--workers", type=int, help="worker processes (default 1)")
    serve.add_argument("--reload", action="store_true", help="restart on code changes")
    serve.add_argument(
        "--log-level",
        choices=("critical", "error", "warning", "info", "debug"),
        default="info",
        help="how much to log (default info)",
    )
    serve.add_argument(
        "--access-log",
        action=argparse.BooleanOptionalAction,
        default=False,
        help="also log uvicorn's own line per request (off: dropbox-lite logs one without "
        "query strings, which can hold signed-URL signatures)",
    )

    export = commands.add_parser("export-schema", help="write the GraphQL schema (SDL)")
    export.add_argument("--output", default="schema/schema.graphql", help="file, or - for stdout")

    commands.add_parser(
        "config",
        help="check the configuration and print it (secrets hidden); --help lists the variables",
        description="Read the configuration from the environment, as `serve` does, and print "
        "the settings it gives (secrets are shown only as set or not).",
        epilog=environment_help(),
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    for name in COMMAND_MODULES:
        importlib.import_module(name).register(commands)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    args = _parser().parse_args(argv)
    try:
        run = getattr(args, "run", None)
        if run is not None:
            return int(run(args))
        if args.command == "serve":
            from dropbox_lite.core.server import run_app

            run_app(
                host=args.host,
                port=args.port,
                workers=args.workers,
                reload=args.reload,
                log_level=args.log_level,
                access_log=args.access_log,
            )
        elif args.command == "export-schema":
            from dropbox_lite.graphql import export_sdl

            sdl = export_sdl()
            if args.output == "-":
                sys.stdout.write(sdl)
            else:
                Path(args.output).parent.mkdir(parents=True, exist_ok=True)
                Path(args.output).write_text(sdl, encoding="utf-8")
                print(f"wrote {args.output}")
        elif args.command == "config":
            _print_config()
    except ConfigError as exc:
        print(f"dropbox-lite: configuration error: {exc}", file=sys.stderr)
        return EXIT_CONFIG
    except ConnectionError as exc:
        print(f"dropbox-lite: {exc}", file=sys.stderr)
        return 1
    return 0


def _print_config() -> None:
    from dropbox_lite.core.config import load_config
    from dropbox_lite.core.server import _redacted

    settings = load_config()
    for field in fields(settings):
        value = getattr(settings, field.name)
        if field.name == "secret_keys" and settings.secret_key_generated:
            value = "(not set: random per process)"
        elif field.name in SECRETS:
            value = "(set)" if value else "(not set)"
        elif field.name == "mongodb_uri" and value:
            value = _redacted(value)
        print(f"{field.name} = {value}")
