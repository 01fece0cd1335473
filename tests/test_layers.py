"""Only the storage layer imports the database driver (issue 11): the stores, blobs.py
and core/db.py. Services and faces take and return records. And each collection has one
repository, the only module that queries it (issue 19): every raw access to a
collection in the package is found and checked against OWNERS."""

from __future__ import annotations

import ast
import importlib
import sys
from pathlib import Path

import dropbox_lite

PACKAGE = Path(dropbox_lite.__file__).parent
DRIVERS = ("pymongo", "motor", "gridfs")
# Every module that may talk to the driver, each the one place its collections are queried.
STORAGE = {
    "core/db.py",  # client, indexes, the backend workarounds (claims, update_unique)
    "core/embedded.py",  # the embedded store's (mongomock's) unique checks and prefilter
    "files/block_store.py",  # GridFS chunks, blob_index (files/blobs.py and its parts)
    "files/store.py",  # entries, revisions
    "auth/store.py",  # users, sessions, invites, last_seen
    "auth/user_store.py",  # users, last_seen, invites, invite_claims
    "auth/session_store.py",  # sessions, app_passwords
    "sharing/store.py",  # share_links
    "files/journal.py",  # seq_claims, journal_checkpoints: the journal's store
    "files/upload_store.py",  # upload_sessions, upload_parts
    "upkeep/lease.py",  # leases: the upkeep leader's store
    "dav/store.py",  # dav_props, dav_locks, dav_uploads, login_flows
}


def driver_imports(path: Path) -> list[str]:
    """The driver modules a file imports, at any depth (deferred imports included)."""
    found: list[str] = []
    for node in ast.walk(ast.parse(path.read_text(), filename=str(path))):
        if isinstance(node, ast.Import):
            found += [alias.name for alias in node.names]
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            found.append(node.module)
    return [name for name in found if name.split(".")[0] in DRIVERS]


def test_only_the_storage_layer_imports_the_driver() -> None:
    offenders = {
        str(path.relative_to(PACKAGE)): driver_imports(path)
        for path in sorted(PACKAGE.rglob("*.py"))
        if str(path.relative_to(PACKAGE)) not in STORAGE and driver_imports(path)
    }
    assert offenders == {}


def test_every_storage_module_exists() -> None:
    assert sorted(name for name in STORAGE if not (PACKAGE / name).is_file()) == []


def test_the_check_sees_an_import(tmp_path: Path) -> None:
    module = tmp_path / "m.py"
    module.write_text(
        "import motor.motor_asyncio\n"
        "def f():\n    from pymongo.errors import PyMongoError\n"
        "from gridfs import GridFS\n"
    )
    assert sorted(driver_imports(module)) == ["gridfs", "motor.motor_asyncio", "pymongo.errors"]


# -- one repository per collection (issue 19) ------------------------------------------
#
# Each collection has exactly one owning repository: the module other modules call to
# read or write it. Only the owner (or a part of it: a module the owner re-exports, the
# repository being split for size) names the collection when it indexes the database,
# `db.collection(NAME)` (or the older `db[NAME]`).
OWNERS = {
    "users": "auth/user_store.py",
    "last_seen": "auth/user_store.py",
    "invites": "auth/user_store.py",
    "invite_claims": "auth/user_store.py",
    "sessions": "auth/session_store.py",
    "app_passwords": "auth/session_store.py",
    "share_links": "sharing/store.py",
    "dav_props": "dav/store.py",
    "dav_locks": "dav/store.py",
    "dav_uploads": "dav/store.py",
    "login_flows": "dav/store.py",
    "entries": "files/store.py",
    "revisions": "files/revision_store.py",
    "memberships": "sharing/members.py",
    "operations": "files/operations.py",
    "quota_ledger": "files/quota.py",
    "move_cycles": "files/cycles.py",
    "thumbnails": "files/thumbnails.py",
    "seq_claims": "files/journal.py",
    "journal_checkpoints": "files/journal.py",
    "upload_sessions": "files/upload_store.py",
    "upload_parts": "files/upload_store.py",
    "blob_index": "files/blobs.py",
    "blobs.files": "files/blobs.py",
    "blobs.chunks": "files/blobs.py",
    "locks": "core/locks.py",
    "rate_limits": "core/ratelimit.py",
    "leases": "upkeep/lease.py",
}
# Repositories split in modules: part -> the repository that re-exports it.
PARTS = {
    "files/trash_store.py": "files/store.py",
    "files/share_marks.py": "files/store.py",
    "files/entry_queries.py": "files/store.py",
    "files/block_store.py": "files/blobs.py",
    "files/blob_read.py": "files/blobs.py",
    "files/blob_gc.py": "files/blobs.py",
}
# core/db.py indexes every collection by name: the indexes, an account's removal
# (`delete_owned`) and the maintenance counts (`counts`), all schema-wide.
SCHEMA_WIDE = "core/db.py"
# Reaches that remain, each (module, collection): the test fails when one is added or
# when one goes (then delete its line here). "?" is a name known only at run time.
KNOWN_REACHES: set[tuple[str, str]] = set()
# Modules that still spell raw access `db[NAME]` rather than `db.collection(NAME)`
# (not this change's to edit).
KNOWN_SUBSCRIPTS: set[str] = set()


def _is_database(node: ast.expr) -> bool:
    """`db`, `database` or `<anything>.db`: the names the code gives a Database."""
    if isinstance(node, ast.Name):
        return node.id in ("db", "database")
    return isinstance(node, ast.Attribute) and node.attr == "db"


def collection_uses(path: Path, root: Path = PACKAGE) -> list[tuple[str, str]]:
    """(collection, how) for every raw collection access in a module: how is "subscript"
    for `db[X]`, "call" for `db.collection(X)`; X is evaluated in the module's namespace
    (constants, imported names, f-strings), "?" when it is a run-time value."""
    tree = ast.parse(path.read_text(), filename=str(path))
    found: list[tuple[ast.expr, str]] = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Subscript) and _is_database(node.value):
            found.append((node.slice, "subscript"))
        elif (
            isinstance(node, ast.Call)
            and isinstance(node.func, ast.Attribute)
            and node.func.attr == "collection"
            and _is_database(node.func.value)
            and node.args
        ):
            found.append((node.args[0], "call"))
    if not found:
        return []
    rel = path.relative_to(root.parent).with_suffix("")
    namespace = vars(importlib.import_module(".".join(rel.parts)))
    uses: list[tuple[str, str]] = []
    for expr, how in found:
        try:
            name = eval(compile(ast.Expression(expr), str(path), "eval"), dict(namespace))
        except Exception:
            name = "?"
        uses.append((name if isinstance(name, str) else "?", how))
    return uses


def _all_uses() -> dict[str, list[tuple[str, str]]]:
    uses = {}
    for path in sorted(PACKAGE.rglob("*.py")):
        found = collection_uses(path)
        if found:
            uses[str(path.relative_to(PACKAGE))] = found
    return uses


def test_only_its_repository_touches_a_collection() -> None:
    reaches = set()
    for module, uses in _all_uses().items():
        if module == SCHEMA_WIDE:
            continue
        repository = PARTS.get(module, module)
        for name, _how in uses:
            if OWNERS.get(name) != repository:
                reaches.add((module, name))
    assert reaches - KNOWN_REACHES == set(), "a new reach into another repository's collection"
    assert KNOWN_REACHES - reaches == set(), "a known reach is gone: delete it from the list"


def test_every_collection_has_an_owner() -> None:
    from dropbox_lite.core.db import INDEXES

    used = {name for uses in _all_uses().values() for name, _how in uses if name != "?"}
    assert sorted((used | set(INDEXES)) - set(OWNERS)) == []
    assert sorted(name for name in set(OWNERS.values()) if not (PACKAGE / name).is_file()) == []


def test_a_part_is_reexported_by_its_repository() -> None:
    for part, repository in PARTS.items():
        module = "dropbox_lite." + part.removesuffix(".py").replace("/", ".")
        tree = ast.parse((PACKAGE / repository).read_text())
        imported = {node.module for node in ast.walk(tree) if isinstance(node, ast.ImportFrom)}
        assert module in imported, f"{repository} does not re-export its part {part}"


def test_raw_access_is_spelled_collection() -> None:
    subscripts = {
        module
        for module, uses in _all_uses().items()
        if module != SCHEMA_WIDE and any(how == "subscript" for _name, how in uses)
    }
    assert subscripts - KNOWN_SUBSCRIPTS == set(), "use db.collection(NAME)"
    assert KNOWN_SUBSCRIPTS - subscripts == set(), "no db[...] left there: delete it here"


def test_the_check_sees_a_collection(tmp_path: Path) -> None:
    package = tmp_path / "dropbox_lite_probe"
    package.mkdir()
    (package / "__init__.py").write_text("")
    (package / "m.py").write_text(
        "NAME = 'users'\n"
        "async def f(db, self, name):\n"
        "    await db[NAME].find_one({})\n"
        "    await self.db['locks'].find_one({})\n"
        "    await db.collection(f'{NAME}_x').find_one({})\n"
        "    await db[name].find_one({})\n"
        "    counts = {}\n"
        "    counts['entries'] = 1\n"
    )
    sys.path.insert(0, str(tmp_path))
    try:
        uses = collection_uses(package / "m.py", root=package)
    finally:
        sys.path.remove(str(tmp_path))
        sys.modules.pop("dropbox_lite_probe.m", None)
        sys.modules.pop("dropbox_lite_probe", None)
    assert uses == [
        ("users", "subscript"),
        ("locks", "subscript"),
        ("users_x", "call"),
        ("?", "subscript"),
    ]
