"""A client of the change feed, for the tests: it pages, applies and remembers."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from tests.support import GraphQLClient

CHANGES = """
query Changes($cursor: String, $first: Int!) {
  changes(cursor: $cursor, first: $first) {
    cursor hasMore changes { kind id parentId }
  }
}
"""


@dataclass
class FeedReader:
    """Follows one user's feed; `tree` is id -> parent id, as the feed reported it."""

    gql: GraphQLClient
    token: str
    first: int = 500
    cursor: str | None = None
    tree: dict[str, str | None] = field(default_factory=dict)
    pages: list[list[dict[str, Any]]] = field(default_factory=list)

    async def page(self) -> dict[str, Any]:
        data = await self.gql.data(
            CHANGES, {"cursor": self.cursor, "first": self.first}, token=self.token
        )
        page: dict[str, Any] = data["changes"]
        ids = [change["id"] for change in page["changes"]]
        assert len(ids) == len(set(ids)), f"an entry twice in one page: {ids}"
        assert len(ids) <= self.first
        for change in page["changes"]:
            if change["kind"] == "DELETED":
                self.tree.pop(change["id"], None)
            else:
                self.tree[change["id"]] = change["parentId"]
        self.pages.append(page["changes"])
        self.cursor = page["cursor"]
        return page

    async def catch_up(self) -> int:
        """Read until hasMore is false; the number of pages read."""
        count = 1
        while (await self.page())["hasMore"]:
            count += 1
        return count

    def seen(self) -> set[str]:
        return {change["id"] for page in self.pages for change in page}
