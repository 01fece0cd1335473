"""The one GraphQL schema, assembled from every module's api.py."""

from __future__ import annotations

import contextlib
import functools
from collections import Counter
from collections.abc import Iterator
from typing import Any

import strawberry
from graphql import (
    DocumentNode,
    FieldNode,
    FragmentDefinitionNode,
    FragmentSpreadNode,
    GraphQLError,
    InlineFragmentNode,
    NoSchemaIntrospectionCustomRule,
    OperationDefinitionNode,
    SelectionSetNode,
    ValidationRule,
    parse,
)
from strawberry.extensions import MaxAliasesLimiter, QueryDepthLimiter, SchemaExtension
from strawberry.schema.config import StrawberryConfig
from strawberry.schema.schema import validate_document
from strawberry.tools import merge_types
from strawberry.types import ExecutionContext

from dropbox_lite.auth import api as auth_api
from dropbox_lite.auth import app_password_api
from dropbox_lite.core import api as core_api
from dropbox_lite.core import requestlog
from dropbox_lite.dav import login_flow_api
from dropbox_lite.files import api as files_api
from dropbox_lite.files import session_api
from dropbox_lite.sharing import api as sharing_api
from dropbox_lite.sharing import folder_api
from dropbox_lite.sync import api as sync_api

MODULES = (
    core_api,
    auth_api,
    app_password_api,
    files_api,
    session_api,
    sync_api,
    sharing_api,
    folder_api,
    login_flow_api,
)

MAX_DEPTH = 10
MAX_ALIASES = 50
MAX_TOKENS = 5000
# How often one operation may name each expensive field, fragments and nesting
# counted: password hashing (bcrypt), long polls, listings whose size the caller
# does not choose, listings that multiply when nested, and merges (up to 2 x 8 MiB read).
FIELD_LIMITS = {
    "signup": 1,
    "login": 1,
    "changePassword": 1,
    "sharedLink": 1,
    "uploadToShareLink": 1,
    "waitForChanges": 1,
    "createShareLink": 2,
    "shareFolder": 2,
    "resolveConflict": 1,
    "changes": 2,
    "search": 2,
    "trash": 2,
    "shareLinks": 2,
    "children": 5,
    "revisions": 5,
    "finishUploadBatch": 1,
    "missingBlocks": 2,
    "loginFlow": 1,
    "grantLoginFlow": 1,
}


class Schema(strawberry.Schema):
    def process_errors(
        self, errors: list[GraphQLError], execution_context: ExecutionContext | None = None
    ) -> None:
        # ErrorPolicy logs what deserves a log (unexpected errors, with their trace);
        # expected errors such as a refused sign-in are not log noise.
        return None


class OperationCost(ValidationRule):
    """Refuses an operation that names an expensive field more often than FIELD_LIMITS."""

    def enter_operation_definition(self, node: OperationDefinitionNode, *_: Any) -> None:
        fragments = {
            d.name.value: d
            for d in self.context.document.definitions
            if isinstance(d, FragmentDefinitionNode)
        }
        counts = _count(node.selection_set, fragments, {}, frozenset())
        for name, count in sorted(counts.items()):
            limit = FIELD_LIMITS[name]
            if count > limit:
                self.report_error(
                    GraphQLError(
                        f"An operation may ask for `{name}` at most {limit} "
                        f"time{'s' if limit > 1 else ''} (this one asks {count}); "
                        "send several requests instead.",
                        node,
                    )
                )


def _count(
    selections: SelectionSetNode | None,
    fragments: dict[str, FragmentDefinitionNode],
    memo: dict[str, Counter[str]],
    visiting: frozenset[str],
) -> Counter[str]:
    counts: Counter[str] = Counter()
    if selections is None:
        return counts
    for selection in selections.selections:
        if isinstance(selection, FieldNode):
            if selection.name.value in FIELD_LIMITS:
                counts[selection.name.value] += 1
            counts.update(_count(selection.selection_set, fragments, memo, visiting))
        elif isinstance(selection, InlineFragmentNode):
            counts.update(_count(selection.selection_set, fragments, memo, visiting))
        elif isinstance(selection, FragmentSpreadNode):
            name = selection.name.value
            fragment = fragments.get(name)
            if fragment is None or name in visiting:
                continue  # reported by graphql's own rules
            if name not in memo:
                memo[name] = _count(fragment.selection_set, fragments, memo, visiting | {name})
            counts.update(memo[name])
    return counts


@functools.lru_cache(maxsize=256)
def _parse(query: str) -> DocumentNode:
    return parse(query, max_tokens=MAX_TOKENS)


@functools.lru_cache(maxsize=256)
def _validate(schema: Any, document: DocumentNode, rules: tuple[Any, ...]) -> list[GraphQLError]:
    return validate_document(schema, document, rules)


class RequestChecks(SchemaExtension):
    """Parses (at most MAX_TOKENS tokens) and validates each distinct query once.

    One extension in place of Strawberry's MaxTokensLimiter, ParserCache,
    AddValidationRules and ValidationCache: every extension costs each request its
    hooks, and the caches are only as good as their keys (the query text; the
    document and a rule tuple built once).
    """

    def __init__(self, rules: tuple[Any, ...]) -> None:
        super().__init__()
        self.rules = rules

    def on_operation(self) -> Iterator[None]:
        self.execution_context.parse_options["max_tokens"] = MAX_TOKENS
        yield

    def on_parse(self) -> Iterator[None]:
        context = self.execution_context
        if context.query is not None and context.graphql_document is None:
            with contextlib.suppress(GraphQLError):
                # A query that does not parse is parsed again, uncached, by
                # Strawberry, which reports the error.
                context.graphql_document = _parse(context.query)
        yield

    def on_validate(self) -> Iterator[None]:
        context = self.execution_context
        assert context.graphql_document is not None
        context.pre_execution_errors = _validate(
            context.schema._schema,
            context.graphql_document,
            (*context.validation_rules, *self.rules),
        )
        yield


def _merged(name: str, attribute: str) -> Any:
    types: tuple[type, ...] = tuple(t for m in MODULES for t in getattr(m, attribute))
    return merge_types(name, types) if types else None


def build_schema(*, introspection: bool = True, suggestions: bool = True) -> Schema:
    """The schema with its limits, caches and error policy.

    `suggestions=False` (production) keeps "Did you mean ...?" out of error messages.
    """
    # Strawberry's limiters make a new rule class per instance, and the validation
    # cache is keyed by the rule classes: built once here, so that a query seen
    # before is not validated again.
    rules: list[Any] = [
        *QueryDepthLimiter(max_depth=MAX_DEPTH).validation_rules,
        *MaxAliasesLimiter(max_alias_count=MAX_ALIASES).validation_rules,
        OperationCost,
    ]
    if not introspection:
        rules.append(NoSchemaIntrospectionCustomRule)
    extensions: list[Any] = [
        lambda: core_api.ErrorPolicy(suggestions=suggestions),
        lambda: RequestChecks(tuple(rules)),
        requestlog.GraphQLRequestLog,
    ]
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
