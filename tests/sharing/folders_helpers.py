"""Documents and factories for the shared-folder tests (issue 14), all through HTTP."""

from __future__ import annotations

import asyncio
from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from typing import Any

import httpx
from bson import ObjectId
from starlette.applications import Starlette

from dropbox_lite.core.db import Database
from tests.files.helpers import upload_raw
from tests.support import Account, GraphQLClient, a_second_later, error_codes
from tests.sync.feed import FeedReader

MEMBER_FIELDS = "user { username } role isOwner"
FOLDER_RESULT = f"""
    __typename
    ... on Folder {{ id name members {{ {MEMBER_FIELDS} }} sharedWith {{ {MEMBER_FIELDS} }} }}
    ... on Error {{ message code }}
"""
SHARE = f"""
mutation Share($folderId: ID!, $username: String!, $role: MemberRole!) {{
  shareFolder(folderId: $folderId, username: $username, role: $role) {{ {FOLDER_RESULT} }}
}}
"""
UPDATE = f"""
mutation Update($folderId: ID!, $username: String!, $role: MemberRole!) {{
  updateMember(folderId: $folderId, username: $username, role: $role) {{ {FOLDER_RESULT} }}
}}
"""
REMOVE = """
mutation($folderId: ID!, $username: String!) {
  removeMember(folderId: $folderId, username: $username)
}
"""
LEAVE = "mutation($folderId: ID!) { leaveFolder(folderId: $folderId) }"
MEMBERS = f"""
query Members($id: ID) {{
  folder(id: $id) {{ id name members {{ {MEMBER_FIELDS} }} sharedWith {{ {MEMBER_FIELDS} }} }}
}}
"""
SHARED_FIELDS = "shared { ownerUsername yourRole youOwn folderId }"
ENTRY = f"""
query Entry($id: ID, $path: String) {{
  entry(id: $id, path: $path) {{
    __typename id name path parentId trashed {SHARED_FIELDS}
    ... on File {{ size rev contentHash }}
  }}
}}
"""
RESULT = """
    __typename
    ... on Entry { id name path parentId trashed }
    ... on Error { message code }
"""
CREATE_FOLDER = f"""
mutation($parentId: ID, $name: String!) {{
  createFolder(parentId: $parentId, name: $name) {{ {RESULT} }}
}}
"""
RENAME = (
    f"mutation($id: ID!, $name: String!) {{ renameEntry(id: $id, name: $name) {{ {RESULT} }} }}"
)
MOVE = f"""
mutation($id: ID!, $parentId: ID!) {{ moveEntry(id: $id, parentId: $parentId) {{ {RESULT} }} }}
"""
COPY = f"""
mutation($id: ID!, $parentId: ID!) {{ copyEntry(id: $id, parentId: $parentId) {{ {RESULT} }} }}
"""
DELETE = f"mutation($id: ID!) {{ deleteEntry(id: $id) {{ {RESULT} }} }}"
RESTORE = f"mutation($id: ID!) {{ restoreEntry(id: $id) {{ {RESULT} }} }}"
PURGE = "mutation($id: ID!) { purgeEntry(id: $id) }"
RESTORE_REVISION = f"""
mutation($id: ID!, $rev: Int!) {{
  restoreRevision(fileId: $id, rev: $rev) {{ {RESULT} ... on File {{ rev contentHash }} }}
}}
"""
CREATE_LINK = """
mutation($id: ID!) {
  createShareLink(entryId: $id) {
    __typename
    ... on ShareLinkCreated { token link { id entryId } }
    ... on Error { message code }
  }
}
"""
LISTING = f"""
query Listing($id: ID) {{
  folder(id: $id) {{
    id name path
    children(first: 1000) {{
      totalCount
      edges {{ node {{
        __typename id name path parentId {SHARED_FIELDS}
        ... on File {{ size rev contentHash }}
      }} }}
    }}
  }}
}}
"""
TRASH = "{ trash(first: 1000) { totalCount edges { node { __typename id name } } } }"
USAGE = "{ me { usage { usedBytes quotaBytes } } }"
LINKS = "{ shareLinks(first: 200) { id entryId } }"
FILE_VIEW = """
query($id: ID) {
  entry(id: $id) {
    ... on File { rev downloadUrl revisions { rev size contentHash downloadUrl } }
  }
}
"""


@dataclass
class Shared:
    """A folder "Projects" of `owner` shared with `member`, as both see it.

    Inside: a.txt (two revisions), sub/ with b.txt, and t.txt in the share's trash.
    """

    owner: Account
    member: Account
    folder_id: str
    mount_id: str
    a_id: str
    sub_id: str
    b_id: str
    trashed_id: str


async def mkdir(gql: GraphQLClient, account: Account, name: str, parent: str | None = None) -> str:
    data = await gql.data(CREATE_FOLDER, {"name": name, "parentId": parent}, token=account.token)
    created = data["createFolder"]
    assert created["__typename"] == "Folder", created
    return str(created["id"])


async def upload(
    http: httpx.AsyncClient, account: Account, data: bytes, name: str, **variables: Any
) -> dict[str, Any]:
    """uploadFile as a multipart request; the result object (errors[] must be empty)."""
    body = await upload_raw(http, account.token, data, name, name=name, **variables)
    assert "errors" not in body, body["errors"]
    result: dict[str, Any] = body["data"]["uploadFile"]
    return result


async def put(
    http: httpx.AsyncClient, account: Account, data: bytes, name: str, parent: str | None = None
) -> str:
    """A new file; its id."""
    result = await upload(http, account, data, name, parentId=parent)
    assert result["__typename"] == "File", result
    return str(result["id"])


async def call(
    gql: GraphQLClient, account: Account, query: str, **variables: Any
) -> dict[str, Any]:
    """A request's whole body (data and errors)."""
    return await gql(query, variables, token=account.token)


async def result_of(
    gql: GraphQLClient, account: Account, query: str, **variables: Any
) -> dict[str, Any]:
    """The one field a mutation returns (errors[] must be empty)."""
    data = await gql.data(query, variables, token=account.token)
    (value,) = data.values()
    assert isinstance(value, dict), data
    return value


async def share(
    gql: GraphQLClient, owner: Account, folder_id: str, username: str, role: str = "EDITOR"
) -> dict[str, Any]:
    return await result_of(gql, owner, SHARE, folderId=folder_id, username=username, role=role)


async def entry(
    gql: GraphQLClient, account: Account, *, id: str | None = None, path: str | None = None
) -> dict[str, Any]:
    found = await gql.data(ENTRY, {"id": id, "path": path}, token=account.token)
    value: dict[str, Any] | None = found["entry"]
    assert value is not None, (id, path)
    return value


async def not_found(gql: GraphQLClient, account: Account, entry_id: str) -> bool:
    """The entry is not visible to the account (NOT_FOUND in errors[])."""
    body = await call(gql, account, ENTRY, id=entry_id)
    return error_codes(body) == ["NOT_FOUND"]


async def listing(
    gql: GraphQLClient, account: Account, folder_id: str | None = None
) -> list[dict[str, Any]]:
    data = await gql.data(LISTING, {"id": folder_id}, token=account.token)
    return [edge["node"] for edge in data["folder"]["children"]["edges"]]


async def names(gql: GraphQLClient, account: Account, folder_id: str | None = None) -> list[str]:
    return [node["name"] for node in await listing(gql, account, folder_id)]


async def mount_named(gql: GraphQLClient, account: Account, name: str) -> str:
    """The id of the entry `name` in the account's root."""
    found = [node for node in await listing(gql, account) if node["name"] == name]
    assert len(found) == 1, (name, await names(gql, account))
    return str(found[0]["id"])


async def members(
    gql: GraphQLClient, account: Account, folder_id: str
) -> list[tuple[str, str, bool]]:
    data = await gql.data(MEMBERS, {"id": folder_id}, token=account.token)
    return [(m["user"]["username"], m["role"], m["isOwner"]) for m in data["folder"]["members"]]


async def trash_names(gql: GraphQLClient, account: Account) -> list[str]:
    data = await gql.data(TRASH, token=account.token)
    return sorted(edge["node"]["name"] for edge in data["trash"]["edges"])


async def used_bytes(gql: GraphQLClient, account: Account) -> int:
    data = await gql.data(USAGE, token=account.token)
    return int(data["me"]["usage"]["usedBytes"])


async def set_quota(app: Starlette, db: Database, user_id: str, quota_bytes: int | None) -> None:
    await db["users"].update_one({"_id": ObjectId(user_id)}, {"$set": {"quota_bytes": quota_bytes}})
    # An upload trusts the quota it read for a second (quota.QUOTA_SECONDS).
    a_second_later(app)


async def tree(gql: GraphQLClient, account: Account, folder_id: str) -> dict[str, Any]:
    """Everything under a folder as the account sees it: path -> (kind, id, rev, hash)."""
    found: dict[str, Any] = {}
    pending = [folder_id]
    while pending:
        for node in await listing(gql, account, pending.pop()):
            found[node["path"]] = (
                node["__typename"],
                node["id"],
                node.get("rev"),
                node.get("contentHash"),
            )
            if node["__typename"] == "Folder":
                pending.append(node["id"])
    return found


async def state(gql: GraphQLClient, account: Account, folder_id: str) -> dict[str, Any]:
    """What a refused write must leave as it was: the tree, revisions, trash, usage, links."""
    files = {}
    for path, (kind, entry_id, _, _) in (await tree(gql, account, folder_id)).items():
        if kind == "File":
            data = await gql.data(FILE_VIEW, {"id": entry_id}, token=account.token)
            files[path] = [
                (r["rev"], r["size"], r["contentHash"]) for r in data["entry"]["revisions"]
            ]
    return {
        "tree": await tree(gql, account, folder_id),
        "revisions": files,
        "trash": await trash_names(gql, account),
        "used": await used_bytes(gql, account),
        "links": (await gql.data(LINKS, token=account.token))["shareLinks"],
    }


async def shared_folder(
    gql: GraphQLClient, http: httpx.AsyncClient, role: str = "EDITOR"
) -> Shared:
    """A new owner's Projects (as in `Shared`), shared with a new member."""
    owner, member = await gql.signup(), await gql.signup()
    folder_id = await mkdir(gql, owner, "Projects")
    a_id = await put(http, owner, b"alpha one", "a.txt", folder_id)
    again = await upload(http, owner, b"alpha two!", "a.txt", parentId=folder_id, mode="OVERWRITE")
    assert again["__typename"] == "File" and again["rev"] == 2, again
    sub_id = await mkdir(gql, owner, "sub", folder_id)
    b_id = await put(http, owner, b"bravo", "b.txt", sub_id)
    trashed_id = await put(http, owner, b"trashed", "t.txt", folder_id)
    gone = await result_of(gql, owner, DELETE, id=trashed_id)
    assert gone["trashed"] is True, gone
    shared = await share(gql, owner, folder_id, member.username, role)
    assert shared["__typename"] == "Folder", shared
    mount_id = await mount_named(gql, member, "Projects")
    return Shared(owner, member, folder_id, mount_id, a_id, sub_id, b_id, trashed_id)


async def poll(reader: FeedReader, done: Callable[[], bool], *, seconds: float = 5.0) -> None:
    """Read the feed until `done()` holds, for up to `seconds` (changes reach a feed in ~1 s)."""
    loop = asyncio.get_running_loop()
    deadline = loop.time() + seconds
    while True:
        await reader.catch_up()
        if done() or loop.time() > deadline:
            return
        await asyncio.sleep(0.1)


def kinds(reader: FeedReader) -> dict[str, str]:
    """id -> the kind of the last change the reader saw for it."""
    last: dict[str, str] = {}
    for page in reader.pages:
        for change in page:
            last[change["id"]] = change["kind"]
    return last


async def wait_for(check: Callable[[], Awaitable[bool]], *, seconds: float = 5.0) -> bool:
    """Retry an async check for up to `seconds`; whether it came true."""
    loop = asyncio.get_running_loop()
    deadline = loop.time() + seconds
    while not await check():
        if loop.time() > deadline:
            return False
        await asyncio.sleep(0.1)
    return True


async def unseen(
    gql: GraphQLClient, http: httpx.AsyncClient, account: Account, entry_ids: list[str]
) -> list[str]:
    """How the account fails to see each entry: by id, in a fresh feed, its bytes (files)."""
    misses: list[str] = []
    feed = FeedReader(gql, account.token)
    await feed.catch_up()
    for entry_id in entry_ids:
        body = await call(gql, account, ENTRY, id=entry_id)
        if "errors" in body:
            misses.append(f"{entry_id}: entry(id) {error_codes(body)}")
        elif body["data"]["entry"]["__typename"] == "File":
            response = await http.get(f"/files/{entry_id}/content", headers=account.headers)
            if response.status_code != 200:
                misses.append(f"{entry_id}: download {response.status_code}")
        if entry_id not in feed.tree:
            misses.append(f"{entry_id}: not in a fresh changes feed")
    return misses


async def root_id(gql: GraphQLClient, account: Account) -> str:
    """The id of the account's root folder."""
    return str((await gql.data("{ folder { id } }", token=account.token))["folder"]["id"])


SHARED_LINK = (
    "query($t: String!) { sharedLink(token: $t) { __typename ... on SharedEntry { name } } }"
)
SEARCH = "query($q: String!) { search(query: $q) { id path } }"


def roles(*pairs: tuple[Account, str]) -> list[tuple[str, str, bool]]:
    """The expected `members`: the first pair is the owner, the others sorted by username."""
    (owner, owner_role), *rest = pairs
    listed = [(owner.username, owner_role, True)]
    return listed + sorted((account.username, role, False) for account, role in rest)
