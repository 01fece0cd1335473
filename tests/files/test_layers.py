"""Only the store and blobs.py of files/ import the database driver (issue 11, item 1)."""

from __future__ import annotations

import ast
from pathlib import Path

import dropbox_lite.files

DRIVER = ("pymongo", "motor")
ALLOWED = {"store.py", "blobs.py"}


def driver_imports(path: Path) -> list[str]:
    tree = ast.parse(path.read_text(), filename=str(path))
    found: list[str] = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            found += [alias.name for alias in node.names]
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            found.append(node.module)
    return [name for name in found if name.split(".")[0] in DRIVER]


def test_only_the_store_and_blobs_import_the_driver() -> None:
    package = Path(dropbox_lite.files.__file__).parent
    offenders = {
        path.name: driver_imports(path)
        for path in sorted(package.glob("*.py"))
        if path.name not in ALLOWED and driver_imports(path)
    }
    assert offenders == {}


def test_the_check_sees_an_import(tmp_path: Path) -> None:
    module = tmp_path / "m.py"
    module.write_text("import motor.motor_asyncio\nfrom pymongo.errors import PyMongoError\n")
    assert driver_imports(module) == ["motor.motor_asyncio", "pymongo.errors"]
