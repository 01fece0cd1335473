"""GraphQL face of app passwords: createAppPassword, appPasswords, revokeAppPassword."""

from __future__ import annotations

from datetime import datetime
from typing import Annotated

import strawberry

from dropbox_lite.auth import credentials
from dropbox_lite.auth.api import InvalidInputError
from dropbox_lite.core.api import Info, IsAuthenticated
from dropbox_lite.core.outcomes import refusals


@strawberry.type(
    description="A password for one app (a WebDAV or Nextcloud client), usable with HTTP "
    "Basic instead of the account password; it ends with the account's sessions."
)
class AppPassword:
    id: strawberry.ID = strawberry.field(description="Opaque id.")
    name: str = strawberry.field(description="What it was created for.")
    created_at: datetime = strawberry.field(description="When it was created.")
    last_used_at: datetime | None = strawberry.field(
        description="Its last use (to within minutes); null if never used."
    )


@strawberry.type(description="A new app password; `password` is shown this once only.")
class AppPasswordCreated:
    password: str = strawberry.field(description="Type it into the app as its password.")
    app_password: AppPassword = strawberry.field(description="The new app password.")


CreateAppPasswordResult = Annotated[
    AppPasswordCreated | InvalidInputError, strawberry.union("CreateAppPasswordResult")
]


def _user_id(info: Info) -> str:
    user = info.context.user
    assert user is not None  # IsAuthenticated has run
    return user.id


def app_password_type(
    record: credentials.AppPasswordRecord, last_seen_at: datetime | None
) -> AppPassword:
    used = last_seen_at if last_seen_at is not None and last_seen_at > record.created_at else None
    return AppPassword(
        id=strawberry.ID(record.id),
        name=record.name,
        created_at=record.created_at,
        last_used_at=used,
    )


@strawberry.type
class Query:
    @strawberry.field(
        description="Your live app passwords, oldest first.", permission_classes=[IsAuthenticated]
    )
    async def app_passwords(self, info: Info) -> list[AppPassword]:
        found = await credentials.list_app_passwords(db=info.context.db, user_id=_user_id(info))
        return [app_password_type(record, session.last_seen_at) for record, session in found]


@strawberry.type
class Mutation:
    @strawberry.mutation(
        description="Create an app password for a WebDAV or Nextcloud client.",
        permission_classes=[IsAuthenticated],
    )
    @refusals
    async def create_app_password(
        self,
        info: Info,
        name: Annotated[str, strawberry.argument(description="What it is for, e.g. 'Laptop'.")],
    ) -> CreateAppPasswordResult:
        password, record = await credentials.create_app_password(
            db=info.context.db, user_id=_user_id(info), name=name
        )
        return AppPasswordCreated(password=password, app_password=app_password_type(record, None))

    @strawberry.mutation(
        description="End one of your app passwords at once; NOT_FOUND for any other id.",
        permission_classes=[IsAuthenticated],
    )
    async def revoke_app_password(
        self,
        info: Info,
        id: Annotated[strawberry.ID, strawberry.argument(description="The app password's id.")],
    ) -> bool:
        await credentials.revoke_app_password(
            db=info.context.db,
            live=info.context.state.live,
            user_id=_user_id(info),
            app_password_id=str(id),
        )
        return True


QUERIES: tuple[type, ...] = (Query,)
MUTATIONS: tuple[type, ...] = (Mutation,)
SUBSCRIPTIONS: tuple[type, ...] = ()
TYPES: tuple[type, ...] = ()
