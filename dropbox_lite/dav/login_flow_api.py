"""GraphQL face of Login Flow v2's grant page (the web app's /login-flow/{token}):
loginFlow, grantLoginFlow."""

from __future__ import annotations

from datetime import datetime
from typing import Annotated

import strawberry

from dropbox_lite.auth.app_password_api import AppPassword, app_password_type
from dropbox_lite.core import errors
from dropbox_lite.core.api import ErrorCode, Info, IsAuthenticated
from dropbox_lite.dav import login_flow
from dropbox_lite.files.api_results import (
    NotFoundError,
)

TOKEN = (
    "The token at the end of the address the app opened (/login-flow/{token}). Unknown "
    "tokens are throttled per address (RATE_LIMITED in errors[])."
)


@strawberry.type(description="A Nextcloud app (Login Flow v2) asking for access to your files.")
class LoginFlowRequest:
    app_name: str = strawberry.field(description="What the app calls itself (its User-Agent).")
    expires_at: datetime = strawberry.field(description="When the request lapses ungranted.")


@strawberry.type(
    description="Access granted: the app receives this app password at its next poll (once)."
)
class LoginFlowGranted:
    app_password: AppPassword = strawberry.field(
        description="The app password made for the app, named after it (revoke it with "
        "revokeAppPassword)."
    )


GrantLoginFlowResult = Annotated[
    LoginFlowGranted | NotFoundError, strawberry.union("GrantLoginFlowResult")
]


@strawberry.type
class Query:
    @strawberry.field(
        description="The Login Flow v2 request behind a grant page's token; null when it is "
        "unknown, expired or granted already. No sign-in needed (the page shows the app's name "
        "before asking to sign in)."
    )
    async def login_flow(
        self, info: Info, token: Annotated[str, strawberry.argument(description=TOKEN)]
    ) -> LoginFlowRequest | None:
        ctx = info.context
        found = await login_flow.pending_flow(db=ctx.db, token=token, client_ip=ctx.client_ip)
        if found is None:
            return None
        return LoginFlowRequest(app_name=found.app_name, expires_at=found.expires_at)


@strawberry.type
class Mutation:
    @strawberry.mutation(
        description="Grant a Login Flow v2 request: creates an app password named after the "
        "app, which the app's poll then receives once. NotFoundError when the token is "
        "unknown, expired or granted already.",
        permission_classes=[IsAuthenticated],
    )
    async def grant_login_flow(
        self, info: Info, token: Annotated[str, strawberry.argument(description=TOKEN)]
    ) -> GrantLoginFlowResult:
        ctx = info.context
        assert ctx.user is not None  # IsAuthenticated has run
        try:
            record = await login_flow.grant_flow(
                db=ctx.db,
                live=ctx.state.live,
                user_id=ctx.user.id,
                username=ctx.user.username,
                token=token,
                client_ip=ctx.client_ip,
                default_server=ctx.settings.public_url,
            )
        except errors.NotFound as e:
            return NotFoundError(message=e.message, code=ErrorCode.NOT_FOUND)
        return LoginFlowGranted(app_password=app_password_type(record, None))


QUERIES: tuple[type, ...] = (Query,)
MUTATIONS: tuple[type, ...] = (Mutation,)
SUBSCRIPTIONS: tuple[type, ...] = ()
TYPES: tuple[type, ...] = ()
