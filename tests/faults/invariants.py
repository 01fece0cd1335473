"""What a state looks like (`observe`) and the invariants a faulted state must keep.

An `Observation` is one state seen two ways: the raw database (entries, memberships,
revisions, links, users, read straight from the server) and GraphQL as every user
(tree, trash, search, entries by id, both feeds, usage) and as every link visitor,
plus the downloads a principal may make. Ids are made comparable across databases by
`Canon`: an id of the template stays itself; an id made later becomes
`new:<owner>:<path>`.

Each checker takes the before-, after- and faulted observations and returns
`Violation`s named by invariant:

- `whole`: the state is the before- or the after-state (raw and as every user);
- `leak`: no principal sees anything (by id, listing, search, feed, download, link)
  that the before- and the after-state both deny them;
- `quota`: each user's usage equals the bytes stored for them;
- `trash-history`: nothing left the trash and no revision went, beyond the op's own;
- `feed`: each user's feed, from the start and from their cursor of the template,
  agrees with the tree they list;
- `account`: an account made by a cut sign-up is gone (name free) or works;
- `error`: a read failed with something else than NOT_FOUND.
"""

from __future__ import annotations

import asyncio
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from typing import Any

import httpx

from tests.faults.world import PASSWORD, World, content, upload
from tests.support import GraphQLClient

ENTRY_FIELDS = """
  __typename id name path parentId trashed
  shared { folderId youOwn yourRole ownerUsername }
  ... on File { size rev contentHash }
"""


TREE_DEPTH = 8  # folder levels walked below each user's root (one request per level)
OBSERVE = """
query Observe {
  me { id username usage { usedBytes } root { id } }
  tree: folder { id children(first: 1000) { edges { node { ...E } } } }
  trash(first: 1000) { edges { node { ...E } } }
  s1: search(query: "-", first: 200) { id }
  s2: search(query: "e", first: 200) { id }
  shareLinks(first: 200) { entryId access revoked }

}
fragment E on Entry { %(fields)s }
"""
# The API allows two `changes` (a page's own field counts) and two searches per request.
FEEDS = """
query Feed($c0: String) {
  s3: search(query: "probe", first: 200) { id }
  feed: changes(cursor: $c0, first: 2000) {
    hasMore cursor changes { kind id parentId entry { name } }
  }
}
"""
LEVEL = """
query Level { %(folders)s }
fragment E on Entry { %(fields)s }
"""
LINK_ENTRY = "name path isFolder size"
LINK_DEPTH = 3  # GraphQL depth is capped at 10: a link's folder and two levels below


def _link_nested(depth: int) -> str:
    if depth == 0:
        return ""
    inner = _link_nested(depth - 1)
    return f"children(first: 200) {{ items {{ {LINK_ENTRY} {inner} }} hasMore }}"


LINK_QUERY = f"""
query($t: String!) {{
  sharedLink(token: $t) {{
    __typename ... on SharedEntry {{ {LINK_ENTRY} {_link_nested(LINK_DEPTH)} }}
    ... on Error {{ code }}
  }}
}}
"""
LOGIN = """
mutation($u: String!, $p: String!) {
  login(username: $u, password: $p) {
    __typename ... on AuthPayload { token } ... on Error { code }
  }
}
"""
SIGNUP = """
mutation($u: String!, $p: String!) {
  signup(username: $u, password: $p) { __typename ... on Error { code message } }
}
"""
ROOT = "query { folder { id children(first: 1000) { edges { node { id name } } } } }"


@dataclass(frozen=True)
class Violation:
    invariant: str
    detail: str

    def __str__(self) -> str:
        return f"{self.invariant}: {self.detail}"


# -- raw ---------------------------------------------------------------------------------


class Canon:
    """Comparable names for ids: template ids stay, new ones become new:<owner>:<path>."""

    def __init__(self, template_ids: set[str], entries: list[dict[str, Any]], users: Any) -> None:
        self.template = template_ids
        self.by_id = {str(doc["_id"]): doc for doc in entries}
        self.usernames = {str(u["_id"]): u["username"] for u in users}
        self.root_owner = {str(u.get("root_id")): u["username"] for u in users}

    def path(self, entry_id: str) -> str:
        parts: list[str] = []
        current = self.by_id.get(entry_id)
        for _ in range(100):
            if current is None:
                return "/" + "/".join(reversed(parts)) if parts else f"?{entry_id}"
            if current.get("parent_id") is None:
                break
            parts.append(str(current.get("name")))
            current = self.by_id.get(str(current["parent_id"]))
        return "/" + "/".join(reversed(parts))

    def owner(self, entry_id: str) -> str:
        doc = self.by_id.get(entry_id)
        if doc is None:
            return "?"
        return self.usernames.get(str(doc.get("owner_id")), "?")

    def __call__(self, value: Any) -> str | None:
        if value is None:
            return None
        text = str(value)
        if text in self.template:
            return text
        if text in self.root_owner:
            return f"root:{self.root_owner[text]}"
        if text in self.by_id:
            return f"new:{self.owner(text)}:{self.path(text)}"
        return f"unknown:{text}"

    def where(self, canon_id: Any) -> str:
        """A canonical id for people: owner:path."""
        if not isinstance(canon_id, str) or canon_id.startswith(("new:", "root:", "unknown:")):
            return str(canon_id)
        return f"{self.owner(canon_id)}:{self.path(canon_id)}"


async def raw_state(client: Any, db_name: str) -> dict[str, list[dict[str, Any]]]:
    db = client[db_name]
    names = ("entries", "memberships", "revisions", "share_links", "users")
    found = await asyncio.gather(*(db[n].find({}).to_list(None) for n in names))
    return dict(zip(names, found, strict=True))


def raw_snapshot(raw: dict[str, list[dict[str, Any]]], canon: Canon) -> frozenset[Any]:
    items: set[Any] = set()
    for doc in raw["entries"]:
        items.add(
            (
                "entry",
                canon(doc["_id"]),
                canon.usernames.get(str(doc.get("owner_id"))),
                canon(doc.get("parent_id")),
                doc.get("name"),
                bool(doc.get("is_file")),
                bool(doc.get("trashed")),
                bool(doc.get("deleted")),
                doc.get("rev"),
                doc.get("size"),
                doc.get("content_hash"),
                canon(doc.get("share_id")),
                canon(doc.get("mount_of")),
            )
        )
    for doc in raw["memberships"]:
        items.add(
            (
                "member",
                canon(doc.get("share_id")),
                canon.usernames.get(str(doc.get("user_id"))),
                doc.get("role"),
                canon(doc.get("mount_id")),
            )
        )
    for doc in raw["revisions"]:
        items.add(("revision", canon(doc.get("entry_id")), doc.get("rev"), doc.get("size")))
    for doc in raw["share_links"]:
        items.add(("link", canon(doc.get("entry_id")), doc.get("access"), doc.get("revoked")))
    for doc in raw["users"]:
        items.add(("user", doc.get("username")))
    return frozenset(items)


def stored_bytes(raw: dict[str, list[dict[str, Any]]]) -> dict[str, int]:
    """Per owner id: current revisions of files not purged plus their older revisions."""
    files = {
        doc["_id"]: doc for doc in raw["entries"] if doc.get("is_file") and not doc.get("deleted")
    }
    used: dict[str, int] = {}
    for doc in files.values():
        owner = str(doc["owner_id"])
        used[owner] = used.get(owner, 0) + int(doc.get("size", 0))
    for rev in raw["revisions"]:
        entry = files.get(rev.get("entry_id"))
        if entry is not None and int(rev["rev"]) < int(entry.get("rev", 0)):
            owner = str(entry["owner_id"])
            used[owner] = used.get(owner, 0) + int(rev.get("size", 0))
    return used


def _shift(value: Any, by: timedelta) -> tuple[Any, bool]:
    if isinstance(value, datetime):
        return value - by, True
    if isinstance(value, dict):
        changed = False
        out = {}
        for key, item in value.items():
            out[key], moved = _shift(item, by)
            changed = changed or moved
        return out, changed
    if isinstance(value, list):
        pairs = [_shift(item, by) for item in value]
        return [p[0] for p in pairs], any(p[1] for p in pairs)
    return value, False


async def age(client: Any, db_name: str, by: timedelta = timedelta(hours=2)) -> None:
    """Move every stored time `by` into the past: the app has been down that long.

    The documents holding a time are deleted and inserted again shifted, the same `_id`s
    (the app is idle meanwhile): two commands per collection. Replacing them one by one
    costs a statement each (FerretDB v1 never answers an update of 100 or more
    statements, so batches of 50): 8 s per pass on the 200-file tree of
    test_disconnect.py, 0.2 s here on the small world.
    """
    db = client[db_name]
    for name in await db.list_collection_names():
        if name.endswith(".chunks"):
            continue
        shifted_docs = []
        async for doc in db[name].find({}):
            shifted, changed = _shift(doc, by)
            if changed:
                shifted_docs.append(shifted)
        if not shifted_docs:
            continue
        ids = [doc["_id"] for doc in shifted_docs]
        deleted = await db[name].delete_many({"_id": {"$in": ids}})
        assert deleted.deleted_count == len(ids), (name, deleted.deleted_count, len(ids))
        await db[name].insert_many(shifted_docs, ordered=False)


# -- GraphQL -----------------------------------------------------------------------------


@dataclass
class UserView:
    user: str
    errors: list[str] = field(default_factory=list)
    usage: int | None = None
    root: str | None = None
    listing: dict[str, dict[str, Any]] = field(default_factory=dict)  # live, by raw id
    trash: dict[str, dict[str, Any]] = field(default_factory=dict)
    search: set[str] = field(default_factory=set)
    byid: set[str] = field(default_factory=set)
    feed0: dict[str, tuple[str | None, str]] = field(default_factory=dict)
    feed1: dict[str, tuple[str | None, str]] | None = None
    feed_ids: set[str] = field(default_factory=set)  # every id and parent id the feeds named
    upserted: set[str] = field(default_factory=set)  # ids the feeds gave as live
    links: set[tuple[str, str]] = field(default_factory=set)
    downloads: set[str] = field(default_factory=set)


@dataclass
class Observation:
    canon: Canon
    raw: frozenset[Any]
    stored: dict[str, int]
    users: dict[str, UserView]
    visitors: dict[str, set[str]]  # link -> relative paths listed
    user_ids: dict[str, str]
    revisions: dict[str, int]  # canonical file id -> revisions stored (claims left out)

    def view_snapshot(self) -> frozenset[Any]:
        items: set[Any] = set()
        for view in self.users.values():
            for where, entries in (("live", view.listing), ("trash", view.trash)):
                for node in entries.values():
                    items.add(self._node(view.user, where, node))
            items.add((view.user, "usage", view.usage))
            items.update((view.user, "link", *link) for link in view.links)
        for link, paths in self.visitors.items():
            items.update(("visitor", link, p) for p in paths)
        return frozenset(items)

    def _node(self, user: str, where: str, node: dict[str, Any]) -> tuple[Any, ...]:
        c = self.canon
        shared = node.get("shared") or {}
        return (
            user,
            where,
            c(node["id"]),
            node["path"],
            c(node.get("parentId")),
            node.get("trashed"),
            node.get("rev"),
            node.get("size"),
            c(shared.get("folderId")),
            shared.get("yourRole"),
        )


def _walk(node: dict[str, Any], into: dict[str, dict[str, Any]]) -> None:
    for edge in ((node.get("children") or {}).get("edges")) or []:
        child = edge["node"]
        into[child["id"]] = child
        _walk(child, into)


# The API's limits per request: 50 aliases, `children` 5 times (dropbox_lite/graphql.py).
LEVEL_FOLDERS = 5
CHILDREN = "children(first: 1000) { edges { node { ...E } } }"
BY_ID = 45


def _chunks(items: list[str], size: int) -> list[list[str]]:
    return [items[n : n + size] for n in range(0, len(items), size)]


async def _walk_down(
    gql: GraphQLClient, token: str, into: dict[str, dict[str, Any]], view: UserView
) -> None:
    """List the folders of `into` level by level (one request per level) into it."""
    frontier = [i for i, n in into.items() if n.get("__typename") == "Folder"]
    for _ in range(TREE_DEPTH):
        if not frontier:
            return
        data: dict[str, Any] = {}
        for chunk in _chunks(frontier, LEVEL_FOLDERS):
            aliases = " ".join(
                f'f{n}: folder(id: "{i}") {{ {CHILDREN} }}' for n, i in enumerate(chunk)
            )
            body = await gql(LEVEL % {"folders": aliases, "fields": ENTRY_FIELDS}, token=token)
            view.errors += _graphql_errors(body)
            data.update({f"{len(data)}-{k}": v for k, v in (body.get("data") or {}).items()})
        frontier = []
        for folder in data.values():
            if not folder:
                continue
            for edge in (folder.get("children") or {}).get("edges") or []:
                node = edge["node"]
                into[node["id"]] = node
                if node.get("__typename") == "Folder":
                    frontier.append(node["id"])


def _feed_items(
    page: dict[str, Any] | None, start: dict[str, tuple[str | None, str]], seen: set[str]
) -> dict[str, tuple[str | None, str]]:
    state = dict(start)
    for change in (page or {}).get("changes", []):
        seen.add(change["id"])
        if change.get("parentId"):
            seen.add(change["parentId"])
        if change["kind"] == "DELETED":
            state.pop(change["id"], None)
        else:
            state[change["id"]] = (change["parentId"], change["entry"]["name"])
    return state


def _upserted(page: dict[str, Any] | None) -> set[str]:
    return {c["id"] for c in (page or {}).get("changes", []) if c["kind"] != "DELETED"}


async def _more_feed(
    gql: GraphQLClient,
    token: str,
    page: dict[str, Any],
    state: dict[str, tuple[str | None, str]],
    seen: set[str],
) -> dict[str, tuple[str | None, str]]:
    from tests.faults.world import FEED

    while page.get("hasMore"):
        body = await gql(FEED, {"cursor": page["cursor"]}, token=token)
        page = (body.get("data") or {}).get("changes") or {}
        state = _feed_items(page, state, seen)
    return state


def _graphql_errors(body: dict[str, Any]) -> list[str]:
    out = []
    for error in body.get("errors") or []:
        code = (error.get("extensions") or {}).get("code")
        if code != "NOT_FOUND":
            out.append(f"{code}: {error.get('message')} at {error.get('path')}")
    return out


async def observe_user(
    gql: GraphQLClient,
    http: httpx.AsyncClient,
    user: str,
    token: str,
    cursor0: str | None,
    feed_start: dict[str, tuple[str | None, str]] | None,
    try_ids: Callable[[UserView], tuple[list[str], list[str]]],
) -> UserView:
    """What `user` sees; `try_ids(view so far)` names the ids to read by id and download."""
    view = UserView(user)
    body = await gql(OBSERVE % {"fields": ENTRY_FIELDS}, {}, token=token)
    view.errors = _graphql_errors(body)
    data = body.get("data") or {}
    feeds = FEEDS
    for alias, cursor in (("feed0", None), ("feed1", cursor0)):
        if alias == "feed1" and not cursor0:
            continue
        read = await gql(feeds, {"c0": cursor}, token=token)
        view.errors += _graphql_errors(read)
        got = read.get("data") or {}
        data[alias] = got.get("feed")
        if alias == "feed0":
            data["s3"] = got.get("s3")
    me = data.get("me") or {}
    view.usage = (me.get("usage") or {}).get("usedBytes")
    view.root = (me.get("root") or {}).get("id")
    if data.get("tree"):
        _walk(data["tree"], view.listing)
    for edge in (data.get("trash") or {}).get("edges") or []:
        view.trash[edge["node"]["id"]] = edge["node"]
    await _walk_down(gql, token, view.listing, view)
    await _walk_down(gql, token, view.trash, view)
    for alias in ("s1", "s2", "s3"):
        view.search.update(e["id"] for e in data.get(alias) or [])
    view.links = {
        (link["entryId"], link["access"], link["revoked"]) for link in data.get("shareLinks") or []
    }
    view.upserted = _upserted(data.get("feed0")) | _upserted(data.get("feed1"))
    if data.get("feed0") is not None:
        view.feed0 = _feed_items(data["feed0"], {}, view.feed_ids)
        view.feed0 = await _more_feed(gql, token, data["feed0"], view.feed0, view.feed_ids)
    if cursor0 and data.get("feed1") is not None and feed_start is not None:
        state = _feed_items(data["feed1"], feed_start, view.feed_ids)
        view.feed1 = await _more_feed(gql, token, data["feed1"], state, view.feed_ids)
    by_id, downloads = try_ids(view)
    for chunk in _chunks(by_id, BY_ID):
        aliases = " ".join(f'i{n}: entry(id: "{i}") {{ id }}' for n, i in enumerate(chunk))
        found = await gql(f"query ById {{ {aliases} }}", token=token)
        view.errors += _graphql_errors(found)
        view.byid |= {hit["id"] for hit in (found.get("data") or {}).values() if hit}
    for file_id in downloads:
        response = await http.get(
            f"/files/{file_id}/content", headers={"Authorization": f"Bearer {token}"}
        )
        if response.status_code in (200, 206):
            view.downloads.add(file_id)
    return view


async def observe_link(gql: GraphQLClient, token: str) -> set[str]:
    body = await gql(LINK_QUERY, {"t": token})
    root = (body.get("data") or {}).get("sharedLink") or {}
    paths: set[str] = set()

    def walk(node: dict[str, Any]) -> None:
        if "path" not in node:
            return
        paths.add(f"{node['path']}{'/' if node.get('isFolder') else ''}:{node.get('size')}")
        for item in (node.get("children") or {}).get("items") or []:
            walk(item)

    walk(root)
    return paths


async def observe(
    *,
    client: Any,
    db_name: str,
    gql: GraphQLClient,
    http: httpx.AsyncClient,
    world: World,
    tokens: dict[str, str],
    template_ids: set[str],
    principals: Iterable[str],
    allowed: dict[str, set[str]] | None = None,
    changed: set[str] | None = None,
) -> Observation:
    """The state of `db_name` (see the module doc).

    `allowed`: what each user may see (canonical ids); the downloads of the files they
    may not see that are new or `changed` (the operation's subtree) are tried.
    """
    raw = await raw_state(client, db_name)
    canon = Canon(template_ids, raw["entries"], raw["users"])
    interesting = {c for c in map(canon, (d["_id"] for d in raw["entries"])) if c} & (
        set(changed or ())
        | {c for c in map(canon, (d["_id"] for d in raw["entries"])) if c and c.startswith("new:")}
    )
    universe = sorted(str(doc["_id"]) for doc in raw["entries"])
    files = {str(doc["_id"]) for doc in raw["entries"] if doc.get("is_file")}
    principals = set(principals)

    def try_ids(user: str) -> Callable[[UserView], tuple[list[str], list[str]]]:
        def ids(view: UserView) -> tuple[list[str], list[str]]:
            if user not in principals:
                return [], []
            if allowed is None:  # a baseline
                return universe, []
            may = allowed.get(user, set())
            tried = [
                i
                for i in universe
                if i in files and canon(i) not in may and (canon(i) or "") in interesting
            ]
            return universe, tried

        return ids

    async def one(user: str, token: str) -> UserView:
        feed = world.feeds.get(user)
        return await observe_user(
            gql,
            http,
            user,
            token,
            feed.cursor if feed else None,
            feed.items if feed else None,
            try_ids(user),
        )

    # Every user and link visitor reads side by side (each its own requests, in order):
    # the app serves them as it serves any clients; the wall time is a third.
    views, links = await asyncio.gather(
        asyncio.gather(*(one(user, token) for user, token in tokens.items())),
        asyncio.gather(*(observe_link(gql, token) for token in world.links.values())),
    )
    users = dict(zip(tokens, views, strict=True))
    visitors = dict(zip(world.links, links, strict=True))
    return Observation(
        canon=canon,
        raw=raw_snapshot(raw, canon),
        stored=stored_bytes(raw),
        users=users,
        visitors=visitors,
        user_ids={u["username"]: str(u["_id"]) for u in raw["users"]},
        revisions=revision_counts(raw, canon),
    )


def revision_counts(raw: dict[str, list[dict[str, Any]]], canon: Canon) -> dict[str, int]:
    files = {doc["_id"]: doc for doc in raw["entries"] if doc.get("is_file")}
    counts: dict[str, int] = {}
    for rev in raw["revisions"]:
        entry = files.get(rev.get("entry_id"))
        if entry is not None and not entry.get("deleted") and rev["rev"] <= entry.get("rev", 0):
            key = canon(entry["_id"]) or ""
            counts[key] = counts.get(key, 0) + 1
    return counts


# -- checks ------------------------------------------------------------------------------


RAW_FIELDS = {
    "entry": (
        "owner",
        "parent",
        "name",
        "is_file",
        "trashed",
        "purged",
        "rev",
        "size",
        "hash",
        "share",
        "mount_of",
    ),
    "member": ("role", "mount"),
}
VIEW_FIELDS = ("path", "parent", "trashed", "rev", "size", "shared_in", "role")


def _keyed(items: frozenset[Any], raw: bool) -> dict[tuple[Any, ...], tuple[Any, ...]]:
    keyed: dict[tuple[Any, ...], tuple[Any, ...]] = {}
    for item in items:
        if raw:
            width = 2 if item[0] == "entry" else 3 if item[0] == "member" else len(item)
        else:
            width = 3 if len(item) > 3 else len(item)
        keyed[tuple(item[:width])] = tuple(item[width:])
    return keyed


def _diff(
    got: frozenset[Any], want: frozenset[Any], canon: Canon, raw: bool, limit: int = 4
) -> str:
    """What differs, by thing: `where: field got (want)`."""
    g, w = _keyed(got, raw), _keyed(want, raw)
    lines = []
    for key in sorted(g.keys() | w.keys(), key=str):
        if g.get(key) == w.get(key):
            continue
        kind = key[0]
        if raw and kind == "entry":
            who = canon.where(key[1])
        elif not raw and len(key) == 3:
            who = f"{key[0]}'s {key[1]} {canon.where(key[2])}"
        else:
            who = "/".join(map(str, key))
        if key not in g:
            lines.append(f"{who}: missing")
        elif key not in w:
            lines.append(f"{who}: extra")
        else:
            names = RAW_FIELDS.get(kind, VIEW_FIELDS) if raw else VIEW_FIELDS
            fields = [
                f"{names[n] if n < len(names) else n}={x!r:.30} (want {y!r:.30})"
                for n, (x, y) in enumerate(zip(g[key], w[key], strict=False))
                if x != y
            ]
            lines.append(f"{who}: {', '.join(fields)}")
    more = f" ... {len(lines) - limit} more" if len(lines) > limit else ""
    return "; ".join(lines[:limit]) + more


def check_whole(before: Observation, after: Observation, got: Observation) -> list[Violation]:
    out = []
    for kind, pick in (("raw", lambda o: o.raw), ("graphql", lambda o: o.view_snapshot())):
        state = pick(got)
        if state != pick(before) and state != pick(after):
            b, a = pick(before), pick(after)
            nearest, label = (a, "after") if len(state ^ a) <= len(state ^ b) else (b, "before")
            diff = _diff(state, nearest, got.canon, kind == "raw")
            out.append(Violation("whole", f"{kind} state is neither; vs {label}: {diff}"))
    return out


CHANNELS = ("byid", "listing", "trash", "search", "feed", "download")


def _channel(view: UserView, canon: Canon, name: str) -> set[str]:
    ids: Iterable[str]
    if name == "byid":
        ids = view.byid
    elif name == "listing":
        ids = view.listing
    elif name == "trash":
        ids = view.trash
    elif name == "search":
        ids = view.search
    elif name == "feed":
        ids = view.feed_ids
    else:
        ids = view.downloads
    return {c for c in map(canon, ids) if c is not None}


def visible(obs: Observation, user: str) -> set[str]:
    view = obs.users.get(user)
    if view is None:
        return set()
    found: set[str] = set()
    for name in CHANNELS:
        found |= _channel(view, obs.canon, name)
    return found


def matching(before: Observation, after: Observation, got: Observation) -> Observation | None:
    """The baseline whose raw state `got` is, if any."""
    if got.raw == after.raw:
        return after
    if got.raw == before.raw:
        return before
    return None


def check_leaks(
    before: Observation,
    after: Observation,
    got: Observation,
    *,
    principals: Iterable[str],
    repaired: bool = False,
) -> list[Violation]:
    """Nothing both states deny (once repaired: nothing the state it is denies)."""
    out = []
    bases = [before, after]
    if repaired and (match := matching(before, after, got)) is not None:
        bases = [match]
    for user in principals:
        allowed = set().union(*(visible(b, user) for b in bases))
        view = got.users.get(user)
        if view is None:
            continue
        for name in CHANNELS:
            extra = _channel(view, got.canon, name) - allowed
            if extra:
                where = sorted(got.canon.where(c) for c in extra)
                out.append(Violation("leak", f"{user} sees by {name}: {where[:5]}"))
        # What a listing, a search or a feed shows as live can be read by id.
        for name, ids in (
            ("listing", set(view.listing)),
            ("search", view.search),
            ("feed", view.upserted),
            ("download", view.downloads),
        ):
            unreadable = {i for i in ids - view.byid if i != view.root}
            if unreadable:
                where = sorted(got.canon.where(got.canon(i)) for i in unreadable)
                out.append(
                    Violation("leak", f"{user} sees by {name} what entry(id) denies: {where[:5]}")
                )
    for link, paths in got.visitors.items():
        extra = paths - set().union(*(b.visitors.get(link, set()) for b in bases))
        if extra:
            out.append(Violation("leak", f"visitor of link {link} lists {sorted(extra)[:5]}"))
    return out


def changed_entries(before: Observation, after: Observation) -> set[str]:
    """Canonical ids whose entry differs between the two states (the operation's subtree)."""
    entries_b = {t[1]: t for t in before.raw if t[0] == "entry"}
    entries_a = {t[1]: t for t in after.raw if t[0] == "entry"}
    return {i for i in entries_b.keys() | entries_a.keys() if entries_b.get(i) != entries_a.get(i)}


def check_quota(got: Observation) -> list[Violation]:
    out = []
    for user, view in got.users.items():
        stored = got.stored.get(got.user_ids.get(user, ""), 0)
        if view.usage is not None and view.usage != stored:
            out.append(Violation("quota", f"{user} usage {view.usage} != stored {stored}"))
    return out


def _revisions(obs: Observation) -> dict[str, int]:
    return obs.revisions


def _held(obs: Observation, user: str) -> tuple[set[str], set[str]]:
    view = obs.users[user]
    canon = obs.canon
    return {canon(i) or "" for i in view.trash}, {canon(i) or "" for i in view.listing}


def check_trash_history(
    before: Observation, after: Observation, got: Observation, *, owner: str = "alice"
) -> list[Violation]:
    out = []
    trash_b, _ = _held(before, owner)
    trash_a, live_a = _held(after, owner)
    trash_g, live_g = _held(got, owner)
    for item in sorted(trash_b):
        if item in trash_a | live_a and item not in trash_g | live_g:
            out.append(Violation("trash-history", f"{got.canon.where(item)} left the trash"))
    revs_b, revs_a, revs_g = _revisions(before), _revisions(after), _revisions(got)
    for item, n in sorted(revs_b.items()):
        floor = min(n, revs_a.get(item, 0))
        if floor and revs_g.get(item, 0) < floor:
            where = got.canon.where(item)
            out.append(
                Violation("trash-history", f"{where} has {revs_g.get(item, 0)} revisions < {floor}")
            )
    return out


def attached(
    items: dict[str, tuple[str | None, str]], root: str | None
) -> dict[str, tuple[str | None, str]]:
    """What a client keeps of a feed: entries whose parents lead to the root (a folder's
    DELETED takes what is below it along, as moving it takes it along)."""
    kept: dict[str, tuple[str | None, str]] = {}
    for _ in range(len(items) + 1):
        grew = False
        for entry_id, (parent, name) in items.items():
            if entry_id in kept or entry_id == root:
                continue
            if parent == root or parent in kept:
                kept[entry_id] = (parent, name)
                grew = True
        if not grew:
            break
    return kept


def _below_root(
    fed: dict[str, tuple[str | None, str]], root: str | None
) -> dict[str, tuple[str | None, str]]:
    """What a client holds after applying the feed: a folder reported DELETED takes what
    is below it too (README, "Sync protocol"), so entries whose parent chain no longer
    reaches the root are gone."""
    kept: dict[str, tuple[str | None, str]] = {}
    for entry_id, value in fed.items():
        parent, hops = value[0], 0
        while parent is not None and parent != root and parent in fed and hops < 1000:
            parent, hops = fed[parent][0], hops + 1
        if parent == root:
            kept[entry_id] = value
    return kept


def check_feeds(got: Observation) -> list[Violation]:
    out = []
    for user, view in got.users.items():
        listed = {i: (n.get("parentId"), n["name"]) for i, n in view.listing.items()}
        for label, feed in (
            ("from the start", view.feed0),
            ("from the template cursor", view.feed1),
        ):
            if feed is None:
                continue
            fed = _below_root({i: v for i, v in feed.items() if i != view.root}, view.root)
            if fed != listed:
                where = got.canon.where
                extra = sorted(where(got.canon(i)) for i in set(fed) - set(listed))[:4]
                missing = sorted(where(got.canon(i)) for i in set(listed) - set(fed))[:4]
                moved = sorted(
                    where(got.canon(i)) for i in set(fed) & set(listed) if fed[i] != listed[i]
                )[:4]
                out.append(
                    Violation(
                        "feed",
                        f"{user}'s feed {label} disagrees with the listing: "
                        f"extra {extra} missing {missing} differ {moved}",
                    )
                )
    return out


def check_errors(got: Observation) -> list[Violation]:
    return [
        Violation("error", f"{user}: {error}")
        for user, view in got.users.items()
        for error in view.errors[:2]
    ]


async def check_account(
    gql: GraphQLClient, http: httpx.AsyncClient, username: str
) -> list[Violation]:
    """The account of a cut sign-up: gone (the name is free) or whole (uploads land)."""
    body = await gql(LOGIN, {"u": username, "p": PASSWORD})
    login = (body.get("data") or {}).get("login") or {}
    if login.get("__typename") != "AuthPayload":
        again = await gql(SIGNUP, {"u": username, "p": PASSWORD})
        made = ((again.get("data") or {}).get("signup")) or {}
        if made.get("__typename") != "AuthPayload":
            return [Violation("account", f"{username} cannot sign in nor sign up again: {made}")]
        return []
    token = login["token"]
    try:
        made = await upload(http, token, "hello.txt", content("hello"))
    except AssertionError as failed:
        return [Violation("account", f"{username} signs in but cannot upload: {failed}")]
    if made.get("__typename") != "File":
        return [Violation("account", f"{username} signs in but upload gives {made}")]
    listed = await gql(ROOT, token=token)
    names = {
        e["node"]["name"]
        for e in (((listed.get("data") or {}).get("folder") or {}).get("children") or {}).get(
            "edges", []
        )
    }
    if "hello.txt" not in names:
        return [Violation("account", f"{username}'s upload landed nowhere visible ({made})")]
    return []
