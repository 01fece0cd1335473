"""Only the storage layer imports the database driver (issue 11): the stores, blobs.py
and core/db.py. Services and faces take and return records."""

from __future__ import annotations

import ast
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
