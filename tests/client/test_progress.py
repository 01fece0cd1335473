"""Progress: plain lines when stdout is not a terminal, a rich bar when it is."""

from __future__ import annotations

import re

import pytest

from dropbox_lite.client.progress import Reporter


def test_plain_lines_without_a_terminal(capsys: pytest.CaptureFixture[str]) -> None:
    reporter = Reporter(bar=False)
    with reporter.transfer("down a.txt", 5) as progress:
        progress(5)
        assert capsys.readouterr().out == ""  # not done yet: nothing said
    reporter.action("down", "a.txt (5 bytes)")
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


def test_watch_mode_lines_carry_the_time(capsys: pytest.CaptureFixture[str]) -> None:
    reporter = Reporter(bar=False, timestamps=True)
    reporter.action("up", "a.txt (5 bytes)")
    reporter.warn("refused b.txt")
    out, err = capsys.readouterr()
    assert re.fullmatch(r"\d{4}-\d\d-\d\d \d\d:\d\d:\d\d up a\.txt \(5 bytes\)\n", out), out
    assert re.fullmatch(
        r"\d{4}-\d\d-\d\d \d\d:\d\d:\d\d dropbox-lite sync: warning: refused b\.txt\n", err
    ), err
