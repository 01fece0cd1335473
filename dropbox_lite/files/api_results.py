"""The expected outcomes of files' mutations: the error members of their result unions
(each answering one domain error, core/outcomes.py) and the unions themselves."""

from __future__ import annotations

from typing import Annotated, Any

import strawberry

from dropbox_lite.core import errors
from dropbox_lite.core.api import Error, Info
from dropbox_lite.core.outcomes import answers
from dropbox_lite.files.api_types import File, Folder, file_type
from dropbox_lite.files.service import EntryRecord


# Expected errors (members of result unions).
@answers(errors.NameTaken)
@strawberry.type(description="An entry with this name (ignoring case) is in the folder.")
class NameTakenError(Error):
    pass


@answers(errors.InvalidName)
@strawberry.type(description="The name is not allowed (empty, '.', '..', / \\ or control chars).")
class InvalidNameError(Error):
    pass


def _conflict(error: errors.DomainError, info: Info | None) -> dict[str, Any] | None:
    # A conflict without the file as it is now (a lock lost, a folder's unchangedSince)
    # is not this member: it goes to errors[].
    current = error.details.get("current")
    if not isinstance(current, EntryRecord):
        return None
    return {"current": file_type(current), "your_parent_rev": error.details.get("your_parent_rev")}


@answers(errors.Conflict, _conflict)
@strawberry.type(description="The file moved on since `yourParentRev`.")
class ConflictError(Error):
    current: File = strawberry.field(description="The file as it is now.")
    your_parent_rev: int | None = strawberry.field(description="The revision you based it on.")


@answers(errors.QuotaExceeded)
@strawberry.type(description="The storage quota would be exceeded; nothing was stored.")
class QuotaExceededError(Error):
    pass


@answers(errors.FileTooLarge)
@strawberry.type(description="The file is larger than the server accepts; nothing was stored.")
class FileTooLargeError(Error):
    pass


@answers(errors.ChecksumMismatch)
@strawberry.type(description="The bytes do not match `contentHash`; nothing was stored.")
class ChecksumMismatchError(Error):
    pass


@answers(errors.InvalidMove)
@strawberry.type(description="A folder cannot go into itself or one of its descendants.")
class InvalidMoveError(Error):
    pass


@answers(errors.NotFound)
@strawberry.type(description="There is no such thing (or it is not yours).")
class NotFoundError(Error):
    pass


@answers(errors.PermissionDenied)
@strawberry.type(description="You may see this (in a folder shared with you) but not change it.")
class PermissionDeniedError(Error):
    pass


CreateFolderResult = Annotated[
    Folder | NameTakenError | InvalidNameError | PermissionDeniedError,
    strawberry.union("CreateFolderResult"),
]
UploadFileResult = Annotated[
    File
    | NameTakenError
    | ConflictError
    | QuotaExceededError
    | FileTooLargeError
    | InvalidNameError
    | ChecksumMismatchError
    | PermissionDeniedError,
    strawberry.union("UploadFileResult"),
]
RenameEntryResult = Annotated[
    Folder | File | NameTakenError | InvalidNameError | PermissionDeniedError,
    strawberry.union("RenameEntryResult"),
]
MoveEntryResult = Annotated[
    Folder
    | File
    | NameTakenError
    | InvalidNameError
    | InvalidMoveError
    | QuotaExceededError
    | PermissionDeniedError,
    strawberry.union("MoveEntryResult"),
]
CopyEntryResult = Annotated[
    Folder
    | File
    | NameTakenError
    | InvalidNameError
    | InvalidMoveError
    | QuotaExceededError
    | PermissionDeniedError,
    strawberry.union("CopyEntryResult"),
]
DeleteEntryResult = Annotated[
    Folder | File | NameTakenError | PermissionDeniedError | ConflictError,
    strawberry.union("DeleteEntryResult"),
]
RestoreEntryResult = Annotated[
    Folder | File | NameTakenError | PermissionDeniedError, strawberry.union("RestoreEntryResult")
]
RestoreRevisionResult = Annotated[
    File | NotFoundError | QuotaExceededError | PermissionDeniedError,
    strawberry.union("RestoreRevisionResult"),
]
