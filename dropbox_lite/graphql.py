"""The one GraphQL schema, assembled from every module's api.py."""

from __future__ import annotations

from typing import Any

import strawberry
from graphql import GraphQLError
from strawberry.extensions import (
    MaxAliasesLimiter,
    MaxTokensLimiter,
    ParserCache,
    QueryDepthLimiter,
    ValidationCache,
)
from strawberry.extensions.disable_introspection import DisableIntrospection
from strawberry.schema.config import StrawberryConfig
from strawberry.tools import merge_types
from strawberry.types import ExecutionContext

from dropbox_lite.auth import api as auth_api
from dropbox_lite.core import api as core_api
from dropbox_lite.files import api as files_api
from dropbox_lite.sharing import api as sharing_api
from dropbox_lite.sync import api as sync_api

MODULES = (core_api, auth_api, files_api, sync_api, sharing_api)

MAX_DEPTH = 10
MAX_ALIASES = 50
MAX_TOKENS = 5000


class Schema(strawberry.Schema):
    def process_errors(
        self, errors: list[GraphQLError], execution_context: ExecutionContext | None = None
    ) -> None:
        # ErrorPolicy logs what deserves a log (unexpected errors, with their trace);
        # expected errors such as a refused sign-in are not log noise.
        return None


def _merged(name: str, attribute: str) -> Any:
    types: tuple[type, ...] = tuple(t for m in MODULES for t in getattr(m, attribute))
    return merge_types(name, types) if types else None


def build_schema(*, introspection: bool = True) -> Schema:
    """The schema with its limits, caches and error policy."""
    extensions: list[Any] = [
        core_api.ErrorPolicy,
        lambda: QueryDepthLimiter(max_depth=MAX_DEPTH),
        lambda: MaxAliasesLimiter(max_alias_count=MAX_ALIASES),
        lambda: MaxTokensLimiter(max_token_count=MAX_TOKENS),
        lambda: ParserCache(maxsize=256),
        lambda: ValidationCache(maxsize=256),
    ]
    if not introspection:
        extensions.append(DisableIntrospection)
    return Schema(
        query=_merged("Query", "QUERIES"),
        mutation=_merged("Mutation", "MUTATIONS"),
        subscription=_merged("Subscription", "SUBSCRIPTIONS"),
        types=[t for m in MODULES for t in m.TYPES],
        extensions=extensions,
        config=StrawberryConfig(auto_camel_case=True, scalar_map=core_api.SCALARS),
    )


def export_sdl() -> str:
    """The schema's SDL, as committed in schema/schema.graphql."""
    return build_schema().as_str() + "\n"
