"""Modules the size of one idea (issue 19 item 3): none of the package's modules is over
400 lines. A module that grows past it is split by what it holds, its parts re-exported
where it had many importers (docs/ARCHITECTURE.md, "The layout in one page")."""

from __future__ import annotations

from pathlib import Path

import dropbox_lite

PACKAGE = Path(dropbox_lite.__file__).parent
MAX_LINES = 400


def test_no_module_is_over_400_lines() -> None:
    sizes = {
        str(path.relative_to(PACKAGE)): len(path.read_text().splitlines())
        for path in sorted(PACKAGE.rglob("*.py"))
    }
    assert sizes, "no module found"
    assert {name: lines for name, lines in sizes.items() if lines > MAX_LINES} == {}
