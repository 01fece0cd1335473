"""Progress: plain lines when stdout is not a terminal, a rich bar when it is."""

from __future__ import annotations

import pytest

from dropbox_lite.client.progress import Reporter


def test_plain_lines_without_a_terminal(capsys: pytest.CaptureFixture[str]) -> None:
    reporter = Reporter(bar=False)
    with reporter.transfer("down a.txt", 5) as progress:
        progress(5)
    reporter.warn("skipped x")
    reporter.warn("skipped x")
    out, err = capsys.readouterr()
    assert out == "down a.txt (5 bytes)\n"
    assert err == "dropbox-lite sync: warning: skipped x\n"


def test_a_bar_on_a_terminal(capsys: pytest.CaptureFixture[str]) -> None:
    reporter = Reporter(bar=True)
    with reporter.transfer("up big.bin", 100) as progress:
        progress(40)
        task = reporter._progress.tasks[0]
        assert (task.description, task.completed, task.total) == ("up big.bin", 40, 100)
    assert reporter._progress.tasks == []
    reporter.close()
    assert "up big.bin (100 bytes)" not in capsys.readouterr().out
