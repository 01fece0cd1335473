"""emptyTrash purges what is yours in the trash and says how many; Entry.trashedAt says
when an entry went there; a PDF's signed URL shows it inline when asked (the preview)."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import httpx
from bson import ObjectId

from dropbox_lite.core.config import Settings
from dropbox_lite.core.db import Database
from dropbox_lite.upkeep import maintenance
from tests.files.factories import upload
from tests.support import GraphQLClient

DELETE = "mutation($id: ID!) { deleteEntry(id: $id) { __typename } }"
TRASH = "{ trash { totalCount edges { node { name trashed trashedAt } } } }"
EMPTY = "mutation { emptyTrash }"


async def test_empty_trash_purges_the_trash_and_counts(
    gql: GraphQLClient, db: Database, settings: Settings
) -> None:
    alice = await gql.signup()
    bob = await gql.signup()
    kept = await upload(db, settings, alice.user_id, b"kept", name="kept.txt")
    folder = await gql.data(
        'mutation { createFolder(name: "old") { ... on Folder { id } } }', token=alice.token
    )
    await upload(
        db,
        settings,
        alice.user_id,
        b"inside",
        name="in.txt",
        folder_id=folder["createFolder"]["id"],
    )
    gone = await upload(db, settings, alice.user_id, b"gone", name="gone.txt")
    before = datetime.now(UTC)
    for entry_id in (folder["createFolder"]["id"], gone.id):
        await gql.data(DELETE, {"id": entry_id}, token=alice.token)

    trash = (await gql.data(TRASH, token=alice.token))["trash"]
    assert trash["totalCount"] == 2
    for edge in trash["edges"]:
        at = datetime.fromisoformat(edge["node"]["trashedAt"])
        assert before - timedelta(seconds=5) <= at <= datetime.now(UTC) + timedelta(seconds=5)
    live = await gql.data(
        "query($id: ID!) { entry(id: $id) { trashedAt } }", {"id": kept.id}, token=alice.token
    )
    assert live["entry"]["trashedAt"] is None

    # someone else's call empties their own (empty) trash, not alice's
    assert (await gql.data(EMPTY, token=bob.token))["emptyTrash"] == 0
    assert (await gql.data(TRASH, token=alice.token))["trash"]["totalCount"] == 2

    assert (await gql.data(EMPTY, token=alice.token))["emptyTrash"] == 2
    assert (await gql.data(TRASH, token=alice.token))["trash"]["totalCount"] == 0
    assert (await gql.data(EMPTY, token=alice.token))["emptyTrash"] == 0
    listing = await gql.data(
        "{ folder { children { edges { node { name } } } } }", token=alice.token
    )
    assert [e["node"]["name"] for e in listing["folder"]["children"]["edges"]] == ["kept.txt"]

    # signed out: refused
    body = await gql(EMPTY)
    assert body["data"] is None and body["errors"]


async def test_a_pdf_is_shown_inline_only_when_asked(
    gql: GraphQLClient, http: httpx.AsyncClient, db: Database, settings: Settings
) -> None:
    alice = await gql.signup()
    pdf = await upload(db, settings, alice.user_id, b"%PDF-1.4\n%%EOF\n", name="doc.pdf")
    html = await upload(db, settings, alice.user_id, b"<script>x</script>", name="page.html")
    query = "query($id: ID!) { entry(id: $id) { ... on File { mimeType downloadUrl } } }"
    found = (await gql.data(query, {"id": pdf.id}, token=alice.token))["entry"]
    assert found["mimeType"] == "application/pdf"
    url = found["downloadUrl"]
    attached = await http.get(url)
    assert attached.headers["content-disposition"].startswith("attachment;")
    inline = await http.get(url + "&inline=1")
    assert inline.status_code == 200
    assert inline.headers["content-disposition"].startswith("inline;")
    assert inline.headers["x-content-type-options"] == "nosniff"
    # never HTML (it would run as the app's own page)
    url = (await gql.data(query, {"id": html.id}, token=alice.token))["entry"]["downloadUrl"]
    assert (
        (await http.get(url + "&inline=1")).headers["content-disposition"].startswith("attachment;")
    )


async def test_upkeep_purges_what_has_been_in_the_trash_longer_than_trash_days(
    gql: GraphQLClient, db: Database, settings: Settings
) -> None:
    alice = await gql.signup()
    old = await upload(db, settings, alice.user_id, b"old", name="old.txt")
    recent = await upload(db, settings, alice.user_id, b"recent", name="recent.txt")
    for entry in (old, recent):
        await gql.data(DELETE, {"id": entry.id}, token=alice.token)
    trashed = (await gql.data(TRASH, token=alice.token))["trash"]["edges"]
    at = {e["node"]["name"]: datetime.fromisoformat(e["node"]["trashedAt"]) for e in trashed}
    assert settings.trash_days == 30
    # 30 days after the first delete, a moment before the second one's 30 days are up
    now = at["old.txt"] + timedelta(days=30, seconds=1)
    await db["entries"].update_one(
        {"_id": ObjectId(recent.id)}, {"$set": {"trashed_at": now - timedelta(days=29)}}
    )
    report = await maintenance.run_pass(db=db, settings=settings, now=now, gc=False)
    assert report.removed["trash older than TRASH_DAYS"] == 1
    names = [
        e["node"]["name"] for e in (await gql.data(TRASH, token=alice.token))["trash"]["edges"]
    ]
    assert names == ["recent.txt"]
    report = await maintenance.run_pass(db=db, settings=settings, now=now, gc=False)
    assert report.removed["trash older than TRASH_DAYS"] == 0
