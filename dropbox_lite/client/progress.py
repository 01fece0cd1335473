"""What the client tells its user: a progress bar on a terminal, plain lines otherwise."""

from __future__ import annotations

import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import Any


class Reporter:
    """Log lines, warnings (each once) and transfers with their progress."""

    def __init__(self, *, bar: bool | None = None) -> None:
        self.bar = sys.stdout.isatty() if bar is None else bar
        self.warned: set[str] = set()
        self._progress: Any = None

    def info(self, line: str) -> None:
        if self._progress is not None:
            self._progress.console.print(line, markup=False, highlight=False)
        else:
            print(line, flush=True)

    def warn(self, line: str) -> None:
        if line not in self.warned:
            self.warned.add(line)
            print(f"dropbox-lite sync: warning: {line}", file=sys.stderr, flush=True)

    @contextmanager
    def transfer(self, label: str, total: int) -> Iterator[Callable[[int], None]]:
        """A transfer of `total` bytes; the callable reports bytes done."""
        if not self.bar:
            self.info(f"{label} ({total} bytes)")
            yield lambda done: None
            return
        from rich.progress import (
            BarColumn,
            DownloadColumn,
            Progress,
            TextColumn,
            TransferSpeedColumn,
        )

        if self._progress is None:
            self._progress = Progress(
                TextColumn("{task.description}"),
                BarColumn(),
                DownloadColumn(),
                TransferSpeedColumn(),
                transient=True,
            )
            self._progress.start()
        progress = self._progress
        task = progress.add_task(label, total=total or None)
        try:
            yield lambda done: progress.advance(task, done)
        finally:
            progress.remove_task(task)

    def close(self) -> None:
        if self._progress is not None:
            self._progress.stop()
            self._progress = None
