"""Layering of sync and sharing (issue 11): no cycles (the driver rule is tests/test_layers.py)."""

from __future__ import annotations

import ast
from pathlib import Path

import dropbox_lite

PACKAGE = Path(dropbox_lite.__file__).parent


def _modules() -> dict[str, Path]:
    found = {}
    for path in PACKAGE.rglob("*.py"):
        parts = path.relative_to(PACKAGE.parent).with_suffix("").parts
        name = ".".join(parts[:-1] if parts[-1] == "__init__" else parts)
        found[name] = path
    return found


def _is_type_checking(node: ast.If) -> bool:
    test = node.test
    return (isinstance(test, ast.Name) and test.id == "TYPE_CHECKING") or (
        isinstance(test, ast.Attribute) and test.attr == "TYPE_CHECKING"
    )


def _imports(path: Path, modules: dict[str, Path]) -> set[str]:
    """What a module imports at run time (imports under `if TYPE_CHECKING:` left out)."""
    names: set[str] = set()

    def visit(node: ast.AST) -> None:
        if isinstance(node, ast.If) and _is_type_checking(node):
            for child in node.orelse:
                visit(child)
            return
        if isinstance(node, ast.Import):
            names.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            for alias in node.names:
                child = f"{node.module}.{alias.name}"
                names.add(child if child in modules else node.module)
        for child in ast.iter_child_nodes(node):
            visit(child)

    visit(ast.parse(path.read_text(), filename=str(path)))
    return names


def _ours(name: str) -> bool:
    return name.startswith(("dropbox_lite.sharing", "dropbox_lite.sync"))


def test_no_import_cycle_runs_through_sync_or_sharing() -> None:
    modules = _modules()
    graph = {
        name: {i for i in _imports(path, modules) if i in modules and i != name}
        for name, path in modules.items()
    }

    def reaches(start: str, goal: str) -> bool:
        seen, stack = set(), [start]
        while stack:
            current = stack.pop()
            if current == goal:
                return True
            if current not in seen:
                seen.add(current)
                stack.extend(graph[current])
        return False

    cycles = sorted(
        (name, other)
        for name in graph
        if _ours(name)
        for other in graph[name]
        if reaches(other, name)
    )
    assert cycles == []


def test_files_uses_only_the_cursors_and_pure_conflict_rules_of_sync() -> None:
    modules = _modules()
    used = {
        i
        for name, path in modules.items()
        if name.startswith("dropbox_lite.files")
        for i in _imports(path, modules)
        if i.startswith("dropbox_lite.sync")
    }
    leaves = (
        "dropbox_lite.sync.conflicts",
        "dropbox_lite.sync.cursors",
    )
    assert used <= set(leaves)
    for leaf in leaves:
        assert not {
            i for i in _imports(modules[leaf], modules) if i.startswith("dropbox_lite.files")
        }
