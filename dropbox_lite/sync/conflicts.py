"""detect_conflicts: how a device's version of a file relates to the server's (pure).

Kept apart from sync/service.py, which needs the files service, so that the files
service can use it for uploadFile(mode: UPDATE) without an import cycle.
"""

from __future__ import annotations

import enum
from dataclasses import dataclass


class SyncDecision(enum.Enum):
    NO_CHANGE = "NO_CHANGE"  # neither side changed (or the upload is the current content)
    FAST_FORWARD = "FAST_FORWARD"  # only one side changed: apply it to the other
    SAME_CONTENT = "SAME_CONTENT"  # both changed, to the same bytes: nothing to resolve
    CONFLICT = "CONFLICT"  # both changed, differently


@dataclass(frozen=True)
class LocalVersion:
    """What a device has: the revision it last synced, and its content now."""

    base_rev: int
    content_hash: str
    # The base revision's hash when the device knows it; None: assume it edited.
    base_hash: str | None = None


@dataclass(frozen=True)
class RemoteVersion:
    """The server's current revision of the file."""

    rev: int
    content_hash: str


def detect_conflicts(local_version: LocalVersion, remote_version: RemoteVersion) -> SyncDecision:
    """Compare a device's version with the server's (pure; no I/O)."""
    remote_moved = remote_version.rev != local_version.base_rev
    local_edited = (
        local_version.base_hash is None or local_version.content_hash != local_version.base_hash
    )
    if local_version.content_hash == remote_version.content_hash:
        return SyncDecision.SAME_CONTENT if remote_moved else SyncDecision.NO_CHANGE
    if remote_moved and local_edited:
        return SyncDecision.CONFLICT
    if remote_moved or local_edited:
        return SyncDecision.FAST_FORWARD
    return SyncDecision.NO_CHANGE
