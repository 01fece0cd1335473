"""The `dropbox-lite` command: serve, export-schema, gc, and the command groups of other modules.

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
from pathlib import Path

from dropbox_lite import __version__
from dropbox_lite.core.config import ConfigError

EXIT_CONFIG = 2

# Modules with a `register(commands)` function, in the order their commands are listed.
COMMAND_MODULES: tuple[str, ...] = ()


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="dropbox-lite", description="A self-hosted file-hosting and sync service."
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
    serve.add_argument("--no-access-log", action="store_true", help="do not log a line per request")

    export = commands.add_parser("export-schema", help="write the GraphQL schema (SDL)")
    export.add_argument("--output", default="schema/schema.graphql", help="file, or - for stdout")

    gc = commands.add_parser("gc", help="remove blobs that nothing references any more")
    gc.add_argument(
        "--grace-seconds",
        type=int,
        default=3600,
        help="leave blobs younger than this (an upload may still be using them)",
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
                access_log=not args.no_access_log,
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
        elif args.command == "gc":
            return _gc(args.grace_seconds)
    except ConfigError as exc:
        print(f"dropbox-lite: configuration error: {exc}", file=sys.stderr)
        return EXIT_CONFIG
    except ConnectionError as exc:
        print(f"dropbox-lite: {exc}", file=sys.stderr)
        return 1
    return 0


def _gc(grace_seconds: int) -> int:
    import asyncio

    from dropbox_lite.core import db as database
    from dropbox_lite.core.config import load_config
    from dropbox_lite.core.server import check_startup

    settings = load_config()
    if settings.embedded:
        print(
            "dropbox-lite gc: no database is configured (the in-memory store has nothing to sweep)",
            file=sys.stderr,
        )
        return EXIT_CONFIG
    check_startup(settings)

    async def run() -> int:
        from dropbox_lite.files import blobs

        db = await database.connect(settings)
        try:
            removed = await blobs.collect_garbage(db=db, grace_seconds=grace_seconds)
        finally:
            db.close()
        for blob in removed:
            print(f"removed blob {blob}")
        print(f"removed {len(removed)} unreferenced blob(s)")
        return 0

    return asyncio.run(run())
