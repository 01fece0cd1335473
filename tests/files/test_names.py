from __future__ import annotations

import unicodedata
from datetime import date

import pytest

from dropbox_lite.core import errors
from dropbox_lite.files import names
from tests.files.helpers import CREATE_FOLDER
from tests.support import GraphQLClient

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


DECEPTIVE_NAMES = [
    " ",
    "   ",
    "\u3000",  # ideographic space
    "\u00a0\t",
    "invoice\u202egpj.exe",  # shows as "invoiceexe.jpg"
    "a\u202ab",
    "a\u2066b\u2069",
    "a\u200fb",
    "\u061cname",
    "zero\u200bwidth.txt",
    "\ufeffbom.txt",
    "soft\u00adhyphen",
    "word\u2060joiner",
    "\u3164",  # Hangul filler: shows as a blank
    "\u200d",
    "ends with a joiner\u200d",
    "\u200cstarts",
    "space \u200d joiner",
    "\U000e0041tag",
]


@pytest.mark.parametrize("name", DECEPTIVE_NAMES)
def test_deceptive_names_are_refused_saying_why(name: str) -> None:
    with pytest.raises(errors.InvalidName) as refused:
        names.validate_name(name)
    assert refused.value.message.startswith("A name cannot")


@pytest.mark.parametrize(
    "name",
    [
        "family \U0001f468\u200d\U0001f469\u200d\U0001f467.jpg",  # emoji ZWJ sequence
        "\u0645\u06cc\u200c\u062e\u0648\u0627\u0647\u0645.txt",  # Persian with ZWNJ
        "\U0001f3f4\U000e0067\U000e0062\U000e0065\U000e006e\U000e0067\U000e007f.png",  # flag
        "\u05e9\u05dc\u05d5\u05dd.txt",  # Hebrew, right to left without controls
        " leading and trailing ",
    ],
)
def test_names_that_need_joiners_or_other_scripts_are_kept(name: str) -> None:
    assert names.validate_name(name) == unicodedata.normalize("NFC", name)


def test_display_name_removes_what_disguises_a_stored_name() -> None:
    assert names.display_name("invoice\u202egpj.exe") == "invoicegpj.exe"
    assert names.display_name("zero\u200bwidth\ufeff") == "zerowidth"
    assert names.display_name("\u200b \u202e") == "download"
    assert names.display_name("plain.txt") == "plain.txt"


async def test_deceptive_names_are_refused_through_the_api(gql: GraphQLClient) -> None:
    account = await gql.signup()
    for name in ("invoice\u202egpj.exe", " ", "a\u200bb"):
        data = await gql.data(CREATE_FOLDER, {"name": name}, token=account.token)
        assert data["createFolder"]["__typename"] == "InvalidNameError"
        assert data["createFolder"]["code"] == "INVALID_NAME"
