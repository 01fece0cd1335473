"""GraphQL face of accounts and sessions."""

from __future__ import annotations

from datetime import datetime
from typing import TYPE_CHECKING, Annotated

import strawberry
from starlette.requests import Request

from dropbox_lite.auth import service
from dropbox_lite.core import errors
from dropbox_lite.core.outcomes import answer, answers, refusals
from dropbox_lite.files import service as files_service

if TYPE_CHECKING:
    from dropbox_lite.files.api_types import Folder, Usage

from dropbox_lite.core.api import Error, Info, IsAuthenticated


def _retry_after(error: errors.DomainError) -> int:
    return int(error.details.get("retry_after_seconds", 60))


def _policy(info: Info | None) -> str:
    assert info is not None  # a resolver's refusal
    return info.context.settings.signup


@strawberry.type(description="A person with an account.")
class User:
    id: strawberry.ID = strawberry.field(description="Opaque id.")
    username: str = strawberry.field(description="As typed at sign-up; unique ignoring case.")
    created_at: datetime = strawberry.field(description="When the account was created.")
    root_id: strawberry.Private[str]

    @strawberry.field(description="The user's root folder.")
    async def root(
        self, info: Info
    ) -> Annotated[Folder, strawberry.lazy("dropbox_lite.files.api_types")]:
        from dropbox_lite.files import api as files_api

        return await files_api.root_folder(info, self.root_id)

    @strawberry.field(description="Bytes used, and the quota (null quota: unlimited).")
    async def usage(
        self, info: Info
    ) -> Annotated[Usage, strawberry.lazy("dropbox_lite.files.api_types")]:
        from dropbox_lite.files import api as files_api

        return await files_api.usage_of(info, str(self.id))


@strawberry.type(description="One signed-in device.")
class Session:
    id: strawberry.ID = strawberry.field(description="Opaque id.")
    device_name: str | None = strawberry.field(description="What the device called itself.")
    created_at: datetime = strawberry.field(description="When the device signed in.")
    last_seen_at: datetime = strawberry.field(description="Its last request (to within minutes).")
    expires_at: datetime = strawberry.field(description="When it ends unless used again.")
    current: bool = strawberry.field(description="Whether this is the session asking.")


@strawberry.type(description="A signed-in session and its bearer token.")
class AuthPayload:
    token: str = strawberry.field(description="Send as `Authorization: Bearer <token>`.")
    user: User = strawberry.field(description="The signed-in user.")
    session: Session = strawberry.field(description="The new device session.")


@answers(errors.UsernameTaken)
@strawberry.type(description="The username is in use (usernames ignore case).")
class UsernameTakenError(Error):
    pass


@answers(errors.InvalidInput, lambda error, _: {"field": error.details.get("field")})
@strawberry.type(description="An argument is not acceptable; `field` names it.")
class InvalidInputError(Error):
    field: str | None = strawberry.field(description="The argument at fault.")


@answers(errors.InvalidCredentials)
@strawberry.type(description="Unknown username or wrong password (never told apart).")
class InvalidCredentialsError(Error):
    pass


@answers(errors.RateLimited, lambda error, _: {"retry_after_seconds": _retry_after(error)})
@strawberry.type(description="Too many attempts; wait before trying again.")
class RateLimitedError(Error):
    retry_after_seconds: int = strawberry.field(description="Seconds to wait.")


@answers(service.SignupRefused, lambda _, info: {"policy": _policy(info)})
@strawberry.type(
    description="This server's sign-up policy refuses the sign-up: it is closed (an "
    "administrator creates accounts), or it needs a valid invite code."
)
class SignupRefusedError(Error):
    policy: str = strawberry.field(description="`closed` or `invite`.")


SignupResult = Annotated[
    AuthPayload | UsernameTakenError | InvalidInputError | SignupRefusedError | RateLimitedError,
    strawberry.union("SignupResult"),
]
LoginResult = Annotated[
    AuthPayload | InvalidCredentialsError | RateLimitedError | InvalidInputError,
    strawberry.union("LoginResult"),
]
ChangePasswordResult = Annotated[
    User | InvalidCredentialsError | InvalidInputError,
    strawberry.union("ChangePasswordResult"),
]


def _signed_in(info: Info) -> tuple[service.UserRecord, service.SessionRecord]:
    # IsAuthenticated has run: both are set for a signed-in request.
    ctx = info.context
    assert ctx.user is not None and ctx.session is not None
    return ctx.user, ctx.session


def user_type(record: service.UserRecord) -> User:
    return User(
        id=strawberry.ID(record.id),
        username=record.username,
        created_at=record.created_at,
        root_id=record.root_id,
    )


def session_type(record: service.SessionRecord, *, current_id: str | None) -> Session:
    return Session(
        id=strawberry.ID(record.id),
        device_name=record.device_name,
        created_at=record.created_at,
        last_seen_at=record.last_seen_at,
        expires_at=record.expires_at,
        current=record.id == current_id,
    )


DEVICE_KEY = (
    f"An opaque key (1 to {service.MAX_DEVICE_KEY} characters) that this browser or app "
    "keeps and sends at every sign-in: your older sessions with the same key are signed out, "
    "so one browser is one device in `sessions`. Stored only as a hash; other users' sessions "
    "with the same key are unaffected. Anything else: InvalidInputError (field deviceKey)."
)


async def _payload(
    info: Info, user: service.UserRecord, device_name: str | None, device_key: str | None
) -> AuthPayload:
    ctx = info.context
    session, token = await service.create_session(
        db=ctx.db,
        live=ctx.state.live,
        settings=ctx.settings,
        signer=ctx.signer,
        user_id=user.id,
        device_name=device_name,
        device_key=device_key,
    )
    if isinstance(ctx.request, Request):
        # The rest of this request is the new session's: the payload's user is the
        # caller's own and resolves whole (root, usage). A WebSocket keeps its sign-in.
        ctx.user, ctx.session = user, session
    return AuthPayload(
        token=token, user=user_type(user), session=session_type(session, current_id=session.id)
    )


@strawberry.type
class Query:
    @strawberry.field(description="The signed-in user, or null when not signed in.")
    def me(self, info: Info) -> User | None:
        user = info.context.user
        return user_type(user) if user else None

    @strawberry.field(
        description="The signed-in user's live device sessions, most recently used first.",
        permission_classes=[IsAuthenticated],
    )
    async def sessions(self, info: Info) -> list[Session]:
        user, current = _signed_in(info)
        records = await service.list_sessions(db=info.context.db, user_id=user.id)
        return [session_type(r, current_id=current.id) for r in records]


@strawberry.type
class Mutation:
    @strawberry.mutation(
        description="Create an account and sign in on this device (see `deviceKey`)."
    )
    @refusals
    async def signup(
        self,
        info: Info,
        username: Annotated[str, strawberry.argument(description="3-32 of a-z 0-9 . _ -")],
        password: Annotated[str, strawberry.argument(description="8 to 1024 characters.")],
        device_name: Annotated[
            str | None, strawberry.argument(description="A name for this device.")
        ] = None,
        invite_code: Annotated[
            str | None,
            strawberry.argument(
                description="An administrator's invite (needed when sign-up is by invite)."
            ),
        ] = None,
        device_key: Annotated[str | None, strawberry.argument(description=DEVICE_KEY)] = None,
    ) -> SignupResult:
        ctx = info.context
        device_name = service.validate_device_name(device_name)
        device_key = service.validate_device_key(device_key)
        user = await service.signup(
            db=ctx.db,
            settings=ctx.settings,
            username=username,
            password=password,
            client_ip=ctx.client_ip,
            invite_code=invite_code,
            make_account=files_service.account_maker(ctx.db),
        )
        return await _payload(info, user, device_name, device_key)

    @strawberry.mutation(
        description="Sign in on this device; with `deviceKey`, replacing this device's "
        "earlier sessions."
    )
    @refusals(passing=(errors.InvalidInput,))  # a password with a lone surrogate: errors[]
    async def login(
        self,
        info: Info,
        username: Annotated[str, strawberry.argument(description="The account's username.")],
        password: Annotated[str, strawberry.argument(description="Its password.")],
        device_name: Annotated[
            str | None, strawberry.argument(description="A name for this device.")
        ] = None,
        device_key: Annotated[str | None, strawberry.argument(description=DEVICE_KEY)] = None,
    ) -> LoginResult:
        ctx = info.context
        device_name = service.validate_device_name(device_name)  # bad: BAD_USER_INPUT
        try:
            # Before the password is checked: a bad key costs no hash and no guess.
            device_key = service.validate_device_key(device_key)
        except errors.InvalidInput as e:
            return answer(InvalidInputError, e)
        user = await service.login(
            db=ctx.db,
            settings=ctx.settings,
            username=username,
            password=password,
            client_ip=ctx.client_ip,
        )
        return await _payload(info, user, device_name, device_key)

    @strawberry.mutation(
        description="Sign out this device (revoke the session of this request's token).",
        permission_classes=[IsAuthenticated],
    )
    async def logout(self, info: Info) -> bool:
        user, current = _signed_in(info)
        await service.revoke_session(
            db=info.context.db,
            live=info.context.state.live,
            user_id=user.id,
            session_id=current.id,
        )
        return True

    @strawberry.mutation(
        description="Sign out one of your devices; NOT_FOUND for any id that is not yours.",
        permission_classes=[IsAuthenticated],
    )
    async def revoke_session(
        self,
        info: Info,
        id: Annotated[strawberry.ID, strawberry.argument(description="The session's id.")],
    ) -> bool:
        user, _ = _signed_in(info)
        await service.revoke_session(
            db=info.context.db, live=info.context.state.live, user_id=user.id, session_id=str(id)
        )
        return True

    @strawberry.mutation(
        description="Change your password; every other device is signed out.",
        permission_classes=[IsAuthenticated],
    )
    @refusals
    async def change_password(
        self,
        info: Info,
        current_password: Annotated[
            str, strawberry.argument(description="The password in use now.")
        ],
        new_password: Annotated[str, strawberry.argument(description="8 to 1024 characters.")],
    ) -> ChangePasswordResult:
        ctx = info.context
        user, current = _signed_in(info)
        record = await service.change_password(
            db=ctx.db,
            live=ctx.state.live,
            settings=ctx.settings,
            user_id=user.id,
            session_id=current.id,
            current_password=current_password,
            new_password=new_password,
        )
        return user_type(record)


QUERIES: tuple[type, ...] = (Query,)
MUTATIONS: tuple[type, ...] = (Mutation,)
SUBSCRIPTIONS: tuple[type, ...] = ()
TYPES: tuple[type, ...] = ()
