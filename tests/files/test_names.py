from __future__ import annotations

import unicodedata
from datetime import date

import pytest

from dropbox_lite.core import errors
from dropbox_lite.files import names

BAD_NAMES = [
    "",
    ".",
    "..",
    "a/b",
    "a\\b",
    "a\x00b",
    "a\x07b",
    "line\r\nbreak",
    "tab\there",
    "x" * 256,
    "é" * 128,  # 256 bytes in UTF-8
]


@pytest.mark.parametrize("name", BAD_NAMES)
def test_bad_names_are_refused(name: str) -> None:
    with pytest.raises(errors.InvalidName):
        names.validate_name(name)


def test_names_are_stored_in_nfc() -> None:
    nfd = unicodedata.normalize("NFD", "café.txt")
    assert names.validate_name(nfd) == unicodedata.normalize("NFC", "café.txt")


def test_longest_allowed_name() -> None:
    assert names.validate_name("x" * 255) == "x" * 255


def test_quotes_and_spaces_are_fine() -> None:
    assert names.validate_name("say \"hi\" 'there'.txt") == "say \"hi\" 'there'.txt"


def test_name_key_joins_case_and_normalization_twins() -> None:
    nfd = unicodedata.normalize("NFD", "Café.TXT")
    assert names.name_key(nfd) == names.name_key("café.txt")
    assert names.name_key("STRASSE") == names.name_key("straße")


def test_autorename_candidates_keep_the_extension() -> None:
    candidates = names.autorename_candidates("report.pdf")
    assert [next(candidates) for _ in range(2)] == ["report (1).pdf", "report (2).pdf"]
    assert next(names.autorename_candidates(".bashrc")) == ".bashrc (1)"


def test_autorename_stays_within_the_byte_limit() -> None:
    long = "x" * 251 + ".txt"
    candidate = next(names.autorename_candidates(long))
    assert candidate.endswith(" (1).txt")
    assert len(candidate.encode()) <= 255


def test_conflicted_copy_name() -> None:
    assert (
        names.conflicted_copy_name("report.pdf", "alice", date(2026, 11, 24))
        == "report (alice's conflicted copy 2026-11-24).pdf"
    )
