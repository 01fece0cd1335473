"""What the client tells its user: a progress bar on a terminal, plain lines otherwise."""

from __future__ import annotations

import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from datetime import datetime
from typing import Any


class Reporter:
    """Log lines, one line per action done, warnings (each once) and transfers with their
    progress; `timestamps`: each line starts with the local time (watch mode)."""

    def __init__(self, *, bar: bool | None = None, timestamps: bool = False) -> None:
        self.bar = sys.stdout.isatty() if bar is None else bar
        self.timestamps = timestamps
        self.warned: set[str] = set()
        self._progress: Any = None

    def _stamp(self, line: str) -> str:
        return f"{datetime.now():%Y-%m-%d %H:%M:%S} {line}" if self.timestamps else line

    def info(self, line: str) -> None:
        line = self._stamp(line)
        if self._progress is not None:
            self._progress.console.print(line, markup=False, highlight=False)
        else:
            print(line, flush=True)

    def action(self, kind: str, what: str) -> None:
        """Something done, once the server (or the disk) has it: `up a.txt (5 bytes)`."""
        self.info(f"{kind} {what}")

    def warn(self, line: str) -> None:
        if line not in self.warned:
            self.warned.add(line)
            print(self._stamp(f"dropbox-lite sync: warning: {line}"), file=sys.stderr, flush=True)

    @contextmanager
    def transfer(self, label: str, total: int) -> Iterator[Callable[[int], None]]:
        """A transfer of `total` bytes in progress (a bar on a terminal, else nothing: the
        action line comes when it is done); the callable reports bytes done."""
        if not self.bar:
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
