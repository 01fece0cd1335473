"""Issue 11's import rules, as far as auth and the admin CLI go."""

from __future__ import annotations

import ast
from pathlib import Path

import dropbox_lite

PACKAGE = Path(dropbox_lite.__file__).parent


def imported(path: Path) -> set[str]:
    """Every module a file imports, at any depth (lazy imports included)."""
    names: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text())):
        if isinstance(node, ast.Import):
            names.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module:
            names.add(node.module)
    return names


def test_auth_services_do_not_import_files() -> None:
    # files/routes.py imports auth's service to authenticate downloads; auth's own
    # services must not import files back (the face, auth/api.py, may call both).
    for name in (
        "service.py",
        "store.py",
        "user_store.py",
        "session_store.py",
        "live.py",
        "passwords.py",
    ):
        modules = imported(PACKAGE / "auth" / name)
        assert not {m for m in modules if m.startswith("dropbox_lite.files")}, name


def test_only_the_store_queries_users_and_sessions() -> None:
    for path in [*(PACKAGE / "auth").glob("*.py"), *(PACKAGE / "admin").glob("*.py")]:
        if path.name in ("store.py", "user_store.py", "session_store.py"):
            continue
        text = path.read_text()
        for collection in ("users", "sessions", "invites", "invite_claims"):
            assert f'db["{collection}"]' not in text, (path.name, collection)
