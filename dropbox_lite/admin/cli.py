"""`dropbox-lite admin ...`: manage accounts on the server's database.

Every command prints one clear line on stderr and exits non-zero when it cannot do
its work: 1 for a refusal (unknown user, bad size, taken name), 2 for missing or
bad configuration, 1 for an unreachable database (from core/cli.py).
"""

from __future__ import annotations

import argparse
import asyncio
import getpass
import json
import os
import sys
from collections.abc import Awaitable, Callable
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from dropbox_lite.auth.live import LiveSessions
    from dropbox_lite.core.config import Settings
    from dropbox_lite.core.db import Database

EXIT_REFUSED = 1
EXIT_CONFIG = 2
PASSWORD_VARIABLE = "DROPBOX_LITE_PASSWORD"
Work = Callable[["Settings", "Database"], Awaitable[int]]


class Refused(Exception):
    """The command cannot do what was asked; the message says why, in one line."""


def _size_or_none(raw: str) -> int | None:
    from dropbox_lite.admin.sizes import parse_size

    if raw.strip().lower() in ("none", "unlimited"):
        return None
    try:
        return parse_size(raw)
    except ValueError as exc:
        raise argparse.ArgumentTypeError(str(exc)) from None


def _size(raw: str) -> int:
    value = _size_or_none(raw)
    if value is None:
        raise argparse.ArgumentTypeError("a size is needed here (none is for set-quota)")
    return value


def _duration(raw: str) -> Any:
    from dropbox_lite.admin.sizes import parse_duration

    try:
        return parse_duration(raw)
    except ValueError as exc:
        raise argparse.ArgumentTypeError(str(exc)) from None


class _Parser(argparse.ArgumentParser):
    def error(self, message: str) -> Any:
        # argparse prints usage and the error over several lines; one line is the rule.
        self.exit(EXIT_CONFIG, f"{self.prog}: {message}\n")


def register(commands: Any) -> None:
    admin = commands.add_parser(
        "admin",
        help="manage accounts on the server's database (users, quotas, invites, stats)",
        description="Manage accounts on the database the server uses (set "
        "DROPBOX_LITE_MONGODB_URI or DROPBOX_LITE_DB_HOST as for the server).",
    )
    sub = admin.add_subparsers(dest="admin_command", required=True, parser_class=_Parser)

    create = sub.add_parser(
        "create-user",
        help="create an account (password from a prompt or DROPBOX_LITE_PASSWORD)",
    )
    create.add_argument("name")
    create.add_argument("--admin", action="store_true", help="an administrator")
    create.add_argument("--quota", type=_size, help="its quota, such as 10GB or 512MiB")
    create.set_defaults(run=_command(_create_user))

    listing = sub.add_parser("list-users", help="every account: usage, quota, last seen")
    listing.add_argument("--json", action="store_true", help="one JSON array instead of a table")
    listing.set_defaults(run=_command(_list_users))

    password = sub.add_parser(
        "set-password",
        help="set a new password (prompt or DROPBOX_LITE_PASSWORD); signs every device out",
    )
    password.add_argument("name")
    password.set_defaults(run=_command(_set_password))

    quota = sub.add_parser("set-quota", help="set a quota: a size such as 10GB, or none")
    quota.add_argument("name")
    quota.add_argument("size", type=_size_or_none)
    quota.set_defaults(run=_command(_set_quota))

    disable = sub.add_parser("disable", help="refuse sign-in and end every session now")
    disable.add_argument("name")
    disable.set_defaults(run=_command(_disable))

    enable = sub.add_parser("enable", help="allow a disabled account to sign in again")
    enable.add_argument("name")
    enable.set_defaults(run=_command(_enable))

    delete = sub.add_parser(
        "delete-user",
        help="delete an account and all its files, revisions, links and sessions",
    )
    delete.add_argument("name")
    delete.add_argument("--yes", action="store_true", help="do not ask for confirmation")
    delete.set_defaults(run=_command(_delete_user))

    invite = sub.add_parser("invite", help="create a single-use sign-up invite code")
    invite.add_argument(
        "--expires", type=_duration, default="7d", help="lifetime: 30m, 12h, 7d, 2w (default 7d)"
    )
    invite.set_defaults(run=_command(_invite))

    stats = sub.add_parser("stats", help="users, entries, blobs, bytes, dedup, largest users")
    stats.set_defaults(run=_command(_stats))


def _command(work: Callable[[argparse.Namespace, Settings, Database], Awaitable[int]]) -> Any:
    def run(args: argparse.Namespace) -> int:
        return _with_database(args, lambda settings, db: work(args, settings, db))

    return run


def _no_sessions() -> LiveSessions:
    """This process's live sessions: none (the server's own notice within a second)."""
    from dropbox_lite.auth.live import LiveSessions
    from dropbox_lite.core.clock import Clock

    return LiveSessions(Clock())


# Tests hand in the database they opened (the embedded store lives in one process).
open_database: Callable[[Settings], Awaitable[Database]] | None = None


def _with_database(args: argparse.Namespace, work: Work) -> int:
    from dropbox_lite.core import db as database
    from dropbox_lite.core.config import load_config
    from dropbox_lite.core.server import check_startup

    command = f"dropbox-lite admin {args.admin_command}"
    settings = load_config()
    if open_database is None:
        if settings.embedded:
            print(
                f"{command}: no database is configured: set DROPBOX_LITE_MONGODB_URI (or "
                "DROPBOX_LITE_DB_HOST) to the server's database",
                file=sys.stderr,
            )
            return EXIT_CONFIG
        check_startup(settings)  # ConfigError or ConnectionError: one line, from main

    async def run() -> int:
        db = await (open_database or database.connect)(settings)
        try:
            return await work(settings, db)
        finally:
            if open_database is None:
                db.close()

    try:
        return asyncio.run(run())
    except Refused as exc:
        print(f"{command}: {exc}", file=sys.stderr)
        return EXIT_REFUSED


async def _user(db: Database, name: str) -> Any:
    from dropbox_lite.auth import service as auth_service
    from dropbox_lite.core import errors

    try:
        return await auth_service.find_user(db=db, username=name)
    except errors.NotFound:
        raise Refused(f"no user named {name!r}") from None


def _new_password(name: str) -> str:
    given = os.environ.get(PASSWORD_VARIABLE)
    if given:
        return given
    if not sys.stdin.isatty():
        raise Refused(f"no password: set {PASSWORD_VARIABLE} or run in a terminal to be asked")
    first = getpass.getpass(f"New password for {name}: ")
    if getpass.getpass("Again: ") != first:
        raise Refused("the two passwords differ")
    return first


async def _create_user(args: argparse.Namespace, settings: Settings, db: Database) -> int:
    from dropbox_lite.admin import service
    from dropbox_lite.admin.sizes import size_text
    from dropbox_lite.core import errors

    password = _new_password(args.name)
    try:
        user = await service.create_user(
            db=db,
            settings=settings,
            username=args.name,
            password=password,
            is_admin=args.admin,
            quota_bytes=args.quota,
        )
    except errors.UsernameTaken:
        raise Refused(f"the username {args.name!r} is taken") from None
    except errors.InvalidInput as exc:
        raise Refused(exc.message) from None
    quota = "unlimited" if user.quota_bytes is None else size_text(user.quota_bytes)
    role = "administrator" if user.is_admin else "user"
    print(f"created {role} {user.username} (quota {quota})")
    return 0


async def _list_users(args: argparse.Namespace, settings: Settings, db: Database) -> int:
    from dropbox_lite.admin import service
    from dropbox_lite.admin.sizes import size_text

    rows = await service.list_users(db=db)
    if args.json:
        print(
            json.dumps(
                [
                    {
                        "username": r.username,
                        "admin": r.is_admin,
                        "disabled": r.disabled,
                        "usedBytes": r.used_bytes,
                        "quotaBytes": r.quota_bytes,
                        "createdAt": r.created_at.isoformat(),
                        "lastSeenAt": r.last_seen_at.isoformat() if r.last_seen_at else None,
                    }
                    for r in rows
                ],
                indent=2,
            )
        )
        return 0
    table = [("USERNAME", "ROLE", "STATUS", "USED", "QUOTA", "LAST SEEN")]
    for r in rows:
        table.append(
            (
                r.username,
                "admin" if r.is_admin else "user",
                "disabled" if r.disabled else "active",
                size_text(r.used_bytes),
                "unlimited" if r.quota_bytes is None else size_text(r.quota_bytes),
                r.last_seen_at.strftime("%Y-%m-%d %H:%M UTC") if r.last_seen_at else "never",
            )
        )
    widths = [max(len(row[i]) for row in table) for i in range(len(table[0]))]
    for row in table:
        print(
            "  ".join(cell.ljust(width) for cell, width in zip(row, widths, strict=True)).rstrip()
        )
    return 0


async def _set_password(args: argparse.Namespace, settings: Settings, db: Database) -> int:
    from dropbox_lite.auth import service as auth_service
    from dropbox_lite.core import errors

    user = await _user(db, args.name)
    try:
        await auth_service.set_password(
            db=db,
            live=_no_sessions(),
            settings=settings,
            user_id=user.id,
            password=_new_password(user.username),
        )
    except errors.InvalidInput as exc:
        raise Refused(exc.message) from None
    print(f"set a new password for {user.username}; every device of theirs is signed out")
    return 0


async def _set_quota(args: argparse.Namespace, settings: Settings, db: Database) -> int:
    from dropbox_lite.admin.sizes import size_text
    from dropbox_lite.auth import service as auth_service

    user = await _user(db, args.name)
    await auth_service.set_quota(db=db, user_id=user.id, quota_bytes=args.size)
    quota = "unlimited" if args.size is None else size_text(args.size)
    print(f"quota of {user.username} is now {quota}")
    return 0


async def _disable(args: argparse.Namespace, settings: Settings, db: Database) -> int:
    from dropbox_lite.auth import service as auth_service

    user = await _user(db, args.name)
    await auth_service.set_disabled(db=db, live=_no_sessions(), user_id=user.id, disabled=True)
    print(f"disabled {user.username}: sign-in refused, every session ended")
    return 0


async def _enable(args: argparse.Namespace, settings: Settings, db: Database) -> int:
    from dropbox_lite.auth import service as auth_service

    user = await _user(db, args.name)
    await auth_service.set_disabled(db=db, live=_no_sessions(), user_id=user.id, disabled=False)
    print(f"enabled {user.username}")
    return 0


async def _delete_user(args: argparse.Namespace, settings: Settings, db: Database) -> int:
    from dropbox_lite.admin import service

    user = await _user(db, args.name)
    if not args.yes:
        print(
            f"Delete {user.username} with all their files, revisions, links and sessions? "
            "Type the username to confirm: ",
            end="",
            flush=True,
        )
        answer = sys.stdin.readline()
        if answer.strip() != user.username:
            print()
            raise Refused("not confirmed (type the username, or add --yes); nothing was deleted")
    removed = await service.delete_user(db=db, live=_no_sessions(), user_id=user.id)
    parts = ", ".join(f"{name} {count}" for name, count in sorted(removed.items()))
    print(f"deleted {user.username} ({parts}); run `dropbox-lite gc` to free their blobs")
    return 0


async def _invite(args: argparse.Namespace, settings: Settings, db: Database) -> int:
    from dropbox_lite.admin import service

    code, expires = await service.create_invite(db=db, lifetime=args.expires)
    print(code)
    note = f"single use, expires {expires.strftime('%Y-%m-%d %H:%M UTC')}"
    if settings.signup != "invite":
        note += f"; sign-up is {settings.signup} here, set DROPBOX_LITE_SIGNUP=invite to use it"
    print(note, file=sys.stderr)
    return 0


async def _stats(args: argparse.Namespace, settings: Settings, db: Database) -> int:
    from dropbox_lite.admin import service
    from dropbox_lite.admin.sizes import size_text

    found = await service.stats(db=db)
    print(f"users             {found.users}")
    print(f"entries           {found.entries} ({found.files} files)")
    print(f"sessions          {found.sessions}")
    print(f"blobs             {found.blobs}")
    print(f"bytes stored      {size_text(found.bytes_stored)} ({found.bytes_stored} B)")
    print(f"bytes referenced  {size_text(found.bytes_referenced)} ({found.bytes_referenced} B)")
    print(f"dedup ratio       {found.dedup_ratio:.2f}")
    if found.largest:
        print("largest users")
        for name, used in found.largest:
            print(f"  {name:<32} {size_text(used)}")
    return 0
