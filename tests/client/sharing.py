"""Shared folders for the client tests: sharing and removing through the public API, and
where a shared folder sits in a member's tree."""

from __future__ import annotations

from tests.client.devices import Device, server_nodes
from tests.support import Account, GraphQLClient

SHARE = """mutation($f: ID!, $u: String!, $r: MemberRole!) {
  shareFolder(folderId: $f, username: $u, role: $r) {
    __typename ... on Folder { id } ... on Error { code message } } }"""
REMOVE = "mutation($f: ID!, $u: String!) { removeMember(folderId: $f, username: $u) }"
UPDATE = """mutation($f: ID!, $u: String!, $r: MemberRole!) {
  updateMember(folderId: $f, username: $u, role: $r) { __typename } }"""


async def share(
    gql: GraphQLClient, owner: Account, folder_id: str, member: Account, role: str
) -> None:
    data = await gql.data(
        SHARE, {"f": folder_id, "u": member.username, "r": role}, token=owner.token
    )
    assert data["shareFolder"]["__typename"] == "Folder", data


async def update(
    gql: GraphQLClient, owner: Account, folder_id: str, member: Account, role: str
) -> None:
    data = await gql.data(
        UPDATE, {"f": folder_id, "u": member.username, "r": role}, token=owner.token
    )
    assert data["updateMember"]["__typename"] == "Folder", data


async def remove(gql: GraphQLClient, owner: Account, folder_id: str, member: Account) -> None:
    data = await gql.data(REMOVE, {"f": folder_id, "u": member.username}, token=owner.token)
    assert data["removeMember"] is True, data


async def path_of(dev: Device, entry_id: str) -> str:
    """Where the entry is in the tree of the device's user ("" if they cannot see it)."""
    _, found = await server_nodes(dev.http, dev.token)
    return found.get(entry_id, "")


async def id_at(dev: Device, path: str) -> str:
    _, found = await server_nodes(dev.http, dev.token)
    return next(i for i, p in found.items() if p == path)
