from __future__ import annotations

from tests.support import GraphQLClient

ME = "{ me { id username root { id name path parentId } usage { usedBytes quotaBytes } } }"


async def test_me_has_root_folder_and_usage_from_the_start(gql: GraphQLClient) -> None:
    account = await gql.signup("rooted")
    me = (await gql.data(ME, token=account.token))["me"]
    assert me["id"] == account.user_id and me["username"] == "rooted"
    assert me["root"]["path"] == "/" and me["root"]["parentId"] is None
    assert me["usage"] == {"usedBytes": 0, "quotaBytes": None}
    folder = await gql.data("{ folder { id } }", token=account.token)
    assert folder["folder"]["id"] == me["root"]["id"]


async def test_roots_are_per_user(gql: GraphQLClient) -> None:
    a = await gql.signup()
    b = await gql.signup()
    root_a = (await gql.data(ME, token=a.token))["me"]["root"]["id"]
    root_b = (await gql.data(ME, token=b.token))["me"]["root"]["id"]
    assert root_a != root_b
