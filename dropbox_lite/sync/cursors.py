"""Cursors of the change feed: signed positions (sync/service.py's docstring says what
they hold). Pure: no database, nothing of files, so files' API can read one too."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from bson import ObjectId

from dropbox_lite.core import errors
from dropbox_lite.core.security import Signer

CURSOR_PURPOSE = "cursor"
CURSOR_VERSION = 2
# Version 1 cursors carry no `t`; they are taken as issued when version 2 shipped.
V1_ISSUED = 1795564800  # 2026-11-25T00:00:00Z


@dataclass(frozen=True)
class Position:
    phase: str  # "full" or "inc"
    seq: int
    after_id: ObjectId | None
    bound: int  # full phase: the snapshot's seq, where the incremental phase starts
    issued: int = 0  # unix seconds when `seq` (full phase: `bound`) was known stable


# The position in each mount's part, by the mount's id: a member removed and added
# again gets a new mount, whose part begins again with a full sync (cursors from before
# this keyed parts by the shared folder's id; they match no mount and begin again too).
Parts = dict[ObjectId, Position]


def _packed(position: Position) -> list[Any]:
    after = str(position.after_id) if position.after_id else None
    return [position.phase, position.seq, after, position.bound, position.issued]


def encode_cursor(
    signer: Signer, *, user_id: str, position: Position, parts: Parts | None = None
) -> str:
    """The opaque, signed cursor for a position in a user's feed (and in their mounts)."""
    payload = {
        "v": CURSOR_VERSION,
        "u": user_id,
        "p": position.phase,
        "s": position.seq,
        "i": str(position.after_id) if position.after_id else None,
        "b": position.bound,
        "t": position.issued,
    }
    if parts:
        payload["m"] = {str(share): _packed(p) for share, p in parts.items()}
    return signer.sign(payload, purpose=CURSOR_PURPOSE)


def _is_int(value: Any) -> bool:
    return isinstance(value, int) and not isinstance(value, bool) and value >= 0


def decode_cursor(signer: Signer, *, user_id: str, cursor: str) -> Position:
    """The position in a cursor; BadInput when forged, garbled or someone else's."""
    return decode_parts(signer, user_id=user_id, cursor=cursor)[0]


def _position(phase: Any, seq: Any, after: Any, bound: Any, issued: Any) -> Position:
    valid = (
        phase in ("full", "inc")
        and _is_int(seq)
        and _is_int(bound)
        and _is_int(issued)
        and (after is None or (isinstance(after, str) and ObjectId.is_valid(after)))
    )
    if not valid:
        raise errors.BadInput("This cursor is not valid.")
    return Position(phase, seq, ObjectId(after) if after else None, bound, issued)


def decode_parts(signer: Signer, *, user_id: str, cursor: str) -> tuple[Position, Parts]:
    """The positions in a cursor: the user's own part and each mount's part."""
    payload = signer.unsign(cursor, purpose=CURSOR_PURPOSE)
    if not isinstance(payload, dict) or payload.get("u") != user_id:
        raise errors.BadInput("This cursor is not valid.")
    if payload.get("v") not in (1, CURSOR_VERSION):
        raise errors.CursorReset()
    fields: dict[str, Any] = payload
    phase, seq, after, bound = (
        fields.get("p", ""),
        fields.get("s", -1),
        fields.get("i"),
        fields.get("b", -1),
    )
    issued = fields.get("t", -1) if payload.get("v") == CURSOR_VERSION else V1_ISSUED
    own = _position(phase, seq, after, bound, issued)
    packed = fields.get("m", {})
    if not isinstance(packed, dict):
        raise errors.BadInput("This cursor is not valid.")
    parts: Parts = {}
    for share, value in packed.items():
        if not ObjectId.is_valid(share) or not isinstance(value, list) or len(value) != 5:
            raise errors.BadInput("This cursor is not valid.")
        parts[ObjectId(share)] = _position(*value)
    return own, parts


def feed_point(signer: Signer, *, user_id: str, cursor: str) -> tuple[int, dict[ObjectId, int]]:
    """The change numbers a cursor has reached: the user's own journal's, and each
    mount's (deleteEntry(unchangedSince)). In a part still in its full phase, only what
    was numbered before its snapshot is known to the reader: its bound."""
    own, parts = decode_parts(signer, user_id=user_id, cursor=cursor)

    def reached(position: Position) -> int:
        return position.seq if position.phase == "inc" else position.bound

    return reached(own), {mount: reached(p) for mount, p in parts.items()}
