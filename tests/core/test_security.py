from __future__ import annotations

from dropbox_lite.core.security import Signer


def test_sign_and_unsign_round_trip() -> None:
    signer = Signer(("k1",))
    assert signer.unsign(signer.sign("abc", purpose="x"), purpose="x") == "abc"


def test_purpose_separates_signatures() -> None:
    signer = Signer(("k1",))
    assert signer.unsign(signer.sign("abc", purpose="session"), purpose="download") is None


def test_rotation_signs_with_first_and_accepts_all() -> None:
    old = Signer(("old",))
    rotated = Signer(("new", "old"))
    token = old.sign("abc", purpose="x")
    assert rotated.unsign(token, purpose="x") == "abc"
    assert Signer(("new",)).unsign(rotated.sign("abc", purpose="x"), purpose="x") == "abc"
    assert Signer(("other",)).unsign(token, purpose="x") is None


def test_garbage_and_tampering_yield_none() -> None:
    signer = Signer(("k1",))
    token = signer.sign("abc", purpose="x")
    for bad in ["", "garbage", token[:-2] + "xx", token + "a", "a" * 5000, token.replace(".", "")]:
        assert signer.unsign(bad, purpose="x") is None
    assert signer.unsign(123, purpose="x") is None  # type: ignore[arg-type]


def test_max_age_expires() -> None:
    signer = Signer(("k1",))
    token = signer.sign("abc", purpose="x")
    assert signer.unsign(token, purpose="x", max_age=-1) is None
