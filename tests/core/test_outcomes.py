"""Issue 19 item 2: a resolver's result union is the one list of what it answers; the
members it answers a domain error with are the ones each hand-written tuple listed."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any, cast

import pytest

from dropbox_lite.auth import api as auth_api
from dropbox_lite.auth import app_password_api
from dropbox_lite.auth import service as auth_service
from dropbox_lite.core import errors, locks
from dropbox_lite.core.api import ErrorCode
from dropbox_lite.core.outcomes import MEMBERS, answer, members_of, refusal
from dropbox_lite.files import api_results, session_api
from dropbox_lite.files.records import EntryRecord
from dropbox_lite.sharing import api as sharing_api
from dropbox_lite.sharing import folder_api
from dropbox_lite.sync import api as sync_api

F = api_results
UPLOAD = (
    F.PermissionDeniedError,
    F.NameTakenError,
    F.ConflictError,
    F.QuotaExceededError,
    F.FileTooLargeError,
    F.InvalidNameError,
    F.ChecksumMismatchError,
)
MOVE = (
    F.PermissionDeniedError,
    F.NameTakenError,
    F.InvalidNameError,
    F.InvalidMoveError,
    F.QuotaExceededError,
)
# The tuples the mutations listed by hand before the unions were the one list (and the
# except clauses of the modules that caught error by error).
OLD = {
    "CreateFolderResult": (F.PermissionDeniedError, F.NameTakenError, F.InvalidNameError),
    "UploadFileResult": UPLOAD,
    "RenameEntryResult": (F.PermissionDeniedError, F.NameTakenError, F.InvalidNameError),
    "MoveEntryResult": MOVE,
    "CopyEntryResult": MOVE,
    "DeleteEntryResult": (F.PermissionDeniedError, F.NameTakenError, F.ConflictError),
    "RestoreEntryResult": (F.PermissionDeniedError, F.NameTakenError),
    "RestoreRevisionResult": (F.PermissionDeniedError, F.NotFoundError, F.QuotaExceededError),
    "ShareFolderResult": (F.NotFoundError, auth_api.InvalidInputError, F.PermissionDeniedError),
    "UpdateMemberResult": (F.NotFoundError, auth_api.InvalidInputError, F.PermissionDeniedError),
    "CreateShareLinkResult": (auth_api.InvalidInputError, F.PermissionDeniedError),
    "SharedLinkResult": (
        F.NotFoundError,
        sharing_api.PasswordRequiredError,
        sharing_api.WrongPasswordError,
        auth_api.RateLimitedError,
    ),
    "SignupResult": (
        auth_api.UsernameTakenError,
        auth_api.InvalidInputError,
        auth_api.SignupRefusedError,
        auth_api.RateLimitedError,
    ),
    "LoginResult": (
        auth_api.InvalidCredentialsError,
        auth_api.RateLimitedError,
        auth_api.InvalidInputError,
    ),
    "ChangePasswordResult": (auth_api.InvalidCredentialsError, auth_api.InvalidInputError),
    "CreateAppPasswordResult": (auth_api.InvalidInputError,),
    "FinishUploadResult": (
        *UPLOAD,
        F.NotFoundError,
        session_api.BlocksMissingError,
        session_api.UploadIncompleteError,
    ),
    "ResolveConflictResult": (
        sync_api.MergeFailedError,
        F.ConflictError,
        F.QuotaExceededError,
        F.FileTooLargeError,
    ),
}
UNIONS: dict[str, Any] = {
    "CreateFolderResult": F.CreateFolderResult,
    "UploadFileResult": F.UploadFileResult,
    "RenameEntryResult": F.RenameEntryResult,
    "MoveEntryResult": F.MoveEntryResult,
    "CopyEntryResult": F.CopyEntryResult,
    "DeleteEntryResult": F.DeleteEntryResult,
    "RestoreEntryResult": F.RestoreEntryResult,
    "RestoreRevisionResult": F.RestoreRevisionResult,
    "ShareFolderResult": folder_api.ShareFolderResult,
    "UpdateMemberResult": folder_api.UpdateMemberResult,
    "CreateShareLinkResult": sharing_api.CreateShareLinkResult,
    "SharedLinkResult": sharing_api.SharedLinkResult,
    "SignupResult": auth_api.SignupResult,
    "LoginResult": auth_api.LoginResult,
    "ChangePasswordResult": auth_api.ChangePasswordResult,
    "CreateAppPasswordResult": app_password_api.CreateAppPasswordResult,
    "FinishUploadResult": session_api.FinishUploadResult,
    "ResolveConflictResult": sync_api.ResolveConflictResult,
}


@pytest.mark.parametrize("name", sorted(OLD))
def test_a_union_answers_what_its_old_tuple_listed(name: str) -> None:
    answered = [m for m in members_of(UNIONS[name]) if m in MEMBERS]
    assert sorted(m.__name__ for m in answered) == sorted(m.__name__ for m in OLD[name])


def test_every_member_carries_the_code_of_the_error_it_answers() -> None:
    assert len(MEMBERS) == 19
    for member, found in MEMBERS.items():
        assert found.code == ErrorCode(found.error.code), member.__name__
        assert member.__name__.endswith("Error")


def _file() -> EntryRecord:
    at = datetime(2026, 1, 1, tzinfo=UTC)
    return EntryRecord(
        id="f1",
        owner_id="u1",
        parent_id="r1",
        name="a.txt",
        is_file=True,
        size=3,
        rev=2,
        content_hash="h",
        sha256="s",
        mime_type="text/plain",
        blob_id="b",
        created_at=at,
        modified_at=at,
        trashed=False,
        deleted=False,
        seq=1,
    )


def test_a_conflict_is_a_member_only_with_the_file_as_it_is_now() -> None:
    found = refusal(errors.Conflict(current=_file(), your_parent_rev=1), F.UploadFileResult)
    assert isinstance(found, F.ConflictError)
    assert (found.current.rev, found.your_parent_rev, found.code) == (2, 1, ErrorCode.CONFLICT)
    # A subclass (a lock lost) is a conflict too; without the file it goes to errors[].
    assert isinstance(refusal(locks.LockLost(current=_file()), F.UploadFileResult), F.ConflictError)
    with pytest.raises(errors.Conflict):
        refusal(errors.Conflict(), F.DeleteEntryResult)


def test_an_error_the_union_lacks_is_raised_as_it_is() -> None:
    error = errors.InvalidMove()
    with pytest.raises(errors.InvalidMove) as raised:
        refusal(error, F.UploadFileResult)
    assert raised.value is error
    with pytest.raises(errors.PermissionDenied):
        refusal(errors.PermissionDenied(), F.UploadFileResult, passing=(errors.PermissionDenied,))
    with pytest.raises(errors.CursorReset):
        refusal(errors.CursorReset(), F.UploadFileResult)


def test_members_take_their_fields_from_the_error() -> None:
    limited = refusal(errors.RateLimited(retry_after_seconds=7), sharing_api.SharedLinkResult)
    assert (limited.retry_after_seconds, limited.message) == (7, errors.RateLimited.default_message)
    assert refusal(errors.RateLimited(), auth_api.LoginResult).retry_after_seconds == 60
    invalid = answer(auth_api.InvalidInputError, errors.InvalidInput("no", field="deviceKey"))
    assert (invalid.field, invalid.message, invalid.code) == (
        "deviceKey",
        "no",
        ErrorCode.INVALID_INPUT,
    )
    assert refusal(errors.InvalidInput("x"), folder_api.ShareFolderResult).field is None
    with pytest.raises(errors.NotFound):
        answer(auth_api.InvalidInputError, errors.NotFound())


def test_an_upload_that_cannot_finish_says_which_blocks_are_missing() -> None:
    missing = refusal(errors.InvalidInput("m", missing=("a", "b")), session_api.FinishUploadResult)
    assert isinstance(missing, session_api.BlocksMissingError) and missing.missing == ["a", "b"]
    incomplete = refusal(errors.InvalidInput("short"), session_api.FinishUploadResult)
    assert isinstance(incomplete, session_api.UploadIncompleteError)
    assert incomplete.code == ErrorCode.INVALID_INPUT


def test_signup_refused_names_the_servers_policy() -> None:
    class Settings:
        signup = "invite"

    class Context:
        settings = Settings()

    class Info:
        context = Context()

    found = refusal(auth_service.SignupRefused(), auth_api.SignupResult, cast(Any, Info()))
    assert isinstance(found, auth_api.SignupRefusedError)
    assert (found.policy, found.code) == ("invite", ErrorCode.SIGNUP_REFUSED)
