"""A steady workload through HTTP, then maintenance passes: the collections stop growing."""

from __future__ import annotations

import asyncio
import itertools
from datetime import UTC, datetime, timedelta

import httpx

from dropbox_lite.core.config import Settings
from dropbox_lite.core.db import Database
from dropbox_lite.upkeep import maintenance
from tests.files.helpers import CREATE_FOLDER, upload
from tests.support import Account, GraphQLClient

LOGIN = """
mutation($u: String!, $p: String!) {
  login(username: $u, password: $p) { __typename ... on AuthPayload { token } }
}
"""
PRUNED = [
    "seq_claims",
    "journal_checkpoints",
    "sessions",
    "rate_limits",
    "leases",
    "entries",
    "revisions",
    "blobs.files",
    "blobs.chunks",
    "blob_index",
]
_ghosts = itertools.count()


async def one_round(gql: GraphQLClient, http: httpx.AsyncClient, account: Account, n: int) -> None:
    """What a day of one user looks like: sign in and out, a typo, files come and go."""
    signed_in = await gql.data(LOGIN, {"u": account.username, "p": account.password})
    token = signed_in["login"]["token"]
    assert (await gql.data("mutation { logout }", token=token))["logout"] is True
    wrong = await gql(LOGIN, {"u": f"ghost{next(_ghosts)}", "p": "not the password"})
    assert wrong["data"]["login"]["__typename"] != "AuthPayload"
    folder = await gql.data(CREATE_FOLDER, {"name": f"day {n}"}, token=account.token)
    folder_id = folder["createFolder"]["id"]
    await upload(http, account.token, f"notes of day {n}".encode(), "notes.txt", parentId=folder_id)
    await upload(http, account.token, f"draft {n}".encode(), "draft.txt")
    drafts = await gql.data(
        "{ folder { children(first: 50) { edges { node { id name } } } } }", token=account.token
    )
    for edge in drafts["folder"]["children"]["edges"]:
        node = edge["node"]
        if node["name"] in ("draft.txt", f"day {n}"):
            deleted = await gql.data(
                "mutation($id: ID!) { deleteEntry(id: $id) { __typename } }",
                {"id": node["id"]},
                token=account.token,
            )
            assert deleted["deleteEntry"]["__typename"] != "NotFoundError"
            purged = await gql.data(
                "mutation($id: ID!) { purgeEntry(id: $id) }",
                {"id": node["id"]},
                token=account.token,
            )
            assert purged["purgeEntry"] is True


async def counts(db: Database) -> dict[str, int]:
    return {name: await db[name].count_documents({}) for name in PRUNED}


async def maintain(db: Database, settings: Settings) -> maintenance.PassReport:
    await asyncio.sleep(0.01)  # gc's grace of 0 s spares what is younger than now, to the ms
    # Two days on, every session and throttle record of the workload has expired.
    return await maintenance.run_pass(
        db=db, settings=settings, now=datetime.now(UTC) + timedelta(days=2)
    )


async def test_collections_stop_growing_under_a_steady_workload(
    gql: GraphQLClient, http: httpx.AsyncClient, db: Database, settings: Settings
) -> None:
    account = await gql.signup()
    kept = await upload(http, account.token, b"the one file to keep", "keep.txt")
    settled: list[dict[str, int]] = []
    for cycle in range(3):
        for n in range(3 * cycle, 3 * cycle + 3):
            await one_round(gql, http, account, n)
        if settled:
            grown = await counts(db)
            for name in ("seq_claims", "rate_limits", "entries", "blobs.files"):
                assert grown[name] > settled[-1][name], (name, settled[-1], grown)
        report = await maintain(db, settings)
        assert report.removed["throttle records"] >= 3
        assert report.garbage is not None and len(report.garbage) == 6
        settled.append(await counts(db))
    # The tombstones of a cycle wait for the next pass (they date from its checkpoint);
    # from the second pass on, every count is back where it was.
    assert settled[2] == settled[1]
    assert settled[1]["seq_claims"] == 1 and settled[1]["sessions"] == 1  # top claim, signup

    # What the user kept is intact: the one file, bytes and all; the days are gone.
    listing = await gql.data(
        "{ folder { children(first: 50) { edges { node { id name } } } } }",
        token=account.token,
    )
    nodes = [e["node"] for e in listing["folder"]["children"]["edges"]]
    assert nodes == [{"id": kept["id"], "name": "keep.txt"}]
    content = await http.get(f"/files/{kept['id']}/content", headers=account.headers)
    assert content.content == b"the one file to keep"
