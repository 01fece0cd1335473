"""`dropbox-lite maintain` (one upkeep pass by hand) and `dropbox-lite gc` (blobs only)."""

from __future__ import annotations

import argparse
import asyncio
import sys
from collections.abc import Awaitable, Callable
from typing import TYPE_CHECKING, Any, TypeVar

if TYPE_CHECKING:
    from dropbox_lite.core.config import Settings
    from dropbox_lite.core.db import Database

EXIT_CONFIG = 2
# About a century: longer periods overflow datetime arithmetic and mean "never" anyway.
MAX_GRACE_SECONDS = 100 * 366 * 24 * 3600
T = TypeVar("T")


def grace_seconds(raw: str) -> int:
    """argparse type: a whole number of seconds, 0 or more."""
    try:
        value = int(raw)
    except ValueError:
        problem = f"must be a whole number of seconds, not {raw!r}"
        raise argparse.ArgumentTypeError(problem) from None
    if value < 0:
        raise argparse.ArgumentTypeError(
            f"must be 0 or more, not {value}: a negative grace period would remove blobs "
            "that uploads are still writing"
        )
    if value > MAX_GRACE_SECONDS:
        raise argparse.ArgumentTypeError(f"must be at most {MAX_GRACE_SECONDS} (about a century)")
    return value


def register(commands: Any) -> None:
    maintain = commands.add_parser(
        "maintain",
        help="run one upkeep pass now (the server runs one every UPKEEP_INTERVAL_SECONDS)",
        description="Prune what no collection needs any more (spent journal claims, "
        "abandoned in-flight marks, expired and revoked sessions, expired throttle "
        "records, old move-cycle decisions, ended leases), then remove unreferenced "
        "blobs older than the grace period. Prints document counts before and after.",
    )
    maintain.add_argument("--no-gc", action="store_true", help="leave the blobs alone")
    maintain.set_defaults(run=_maintain)

    gc = commands.add_parser(
        "gc",
        help="remove blobs that nothing references any more",
        description="Remove stored bytes that no file or revision references and that are "
        "older than the grace period (younger ones may belong to an upload in progress).",
    )
    gc.add_argument(
        "--grace-seconds",
        type=grace_seconds,
        default=None,
        help="leave blobs younger than this (default: DROPBOX_LITE_GC_GRACE_SECONDS, 3600)",
    )
    gc.add_argument("--dry-run", action="store_true", help="report what would go; remove nothing")
    gc.add_argument("--verbose", action="store_true", help="print the id of every blob removed")
    gc.set_defaults(run=_gc)


def _with_database(command: str, work: Callable[[Settings, Database], Awaitable[int]]) -> int:
    from dropbox_lite.core import db as database
    from dropbox_lite.core.config import load_config
    from dropbox_lite.core.server import check_startup

    settings = load_config()
    if settings.embedded:
        print(
            f"dropbox-lite {command}: no database is configured (set "
            "DROPBOX_LITE_MONGODB_URI; the in-memory store lives only inside a server)",
            file=sys.stderr,
        )
        return EXIT_CONFIG
    check_startup(settings)  # ConfigError or ConnectionError: one line, from main

    async def run() -> int:
        db = await database.connect(settings)
        try:
            return await work(settings, db)
        finally:
            db.close()

    return asyncio.run(run())


def _progress_bar() -> tuple[Any, Callable[[int, int], None] | None]:
    """A rich progress bar on stderr when it is a terminal, else nothing."""
    from rich.console import Console
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn

    console = Console(stderr=True)
    if not console.is_terminal:
        return None, None
    bar = Progress(
        TextColumn("checking blobs"),
        BarColumn(),
        MofNCompleteColumn(),
        console=console,
        transient=True,
    )
    task = bar.add_task("gc", total=None)

    def advance(done: int, total: int) -> None:
        bar.update(task, completed=done, total=total)

    return bar, advance


def _gc(args: argparse.Namespace) -> int:
    async def work(settings: Settings, db: Database) -> int:
        from dropbox_lite.admin.sizes import size_text
        from dropbox_lite.files import blobs

        grace = settings.gc_grace_seconds if args.grace_seconds is None else args.grace_seconds
        bar, advance = _progress_bar()
        if bar is not None:
            bar.start()
        try:
            report = await blobs.collect_garbage(
                db=db, grace_seconds=grace, dry_run=args.dry_run, progress=advance
            )
        finally:
            if bar is not None:
                bar.stop()
        if args.verbose:
            for blob in report:
                print(f"{'would remove' if args.dry_run else 'removed'} blob {blob}")
        if args.dry_run:
            print(
                f"dry run: would remove {len(report)} unreferenced blob(s), "
                f"reclaiming {size_text(report.bytes_reclaimed)}; nothing was removed"
            )
        else:
            print(
                f"removed {len(report)} unreferenced blob(s), "
                f"reclaimed {size_text(report.bytes_reclaimed)}"
            )
        if report.young:
            print(
                f"kept {report.young} unreferenced blob(s) ({size_text(report.young_bytes)}) "
                f"younger than the {grace} s grace period: an upload may still be writing "
                "them. Run gc again later, or with --grace-seconds 0 when no upload is "
                "in progress."
            )
        return 0

    return _with_database("gc", work)


def _maintain(args: argparse.Namespace) -> int:
    async def work(settings: Settings, db: Database) -> int:
        from dropbox_lite.upkeep import maintenance

        names = maintenance.COUNTED
        before = await db.counts(names)
        report = await maintenance.run_pass(db=db, settings=settings, gc=not args.no_gc)
        after = await db.counts(names)
        width = max(len(n) for n in names)
        print(f"{'collection':<{width}}  {'before':>9}  {'after':>9}")
        for name in names:
            print(f"{name:<{width}}  {before[name]:>9}  {after[name]:>9}")
        print(report.summary())
        return 0

    return _with_database("maintain", work)
