from __future__ import annotations

import asyncio
import time
from datetime import UTC, datetime, timedelta

import pytest
from bson import ObjectId

from dropbox_lite.core import errors
from dropbox_lite.core.db import Database
from dropbox_lite.core.security import Signer
from dropbox_lite.files import journal
from dropbox_lite.sync import service
from tests.conftest import SECRET
from tests.support import GraphQLClient, error_codes
from tests.sync import factories
from tests.sync.feed import CHANGES, FeedReader


async def test_initial_sync_lists_the_root(gql: GraphQLClient, db: Database) -> None:
    account = await gql.signup()
    reader = FeedReader(gql, account.token)
    page = await reader.page()
    root = str(await factories.root_of(db, account.user_id))
    assert page["hasMore"] is False
    assert page["changes"] == [{"kind": "UPSERTED", "id": root, "parentId": None}]


async def test_initial_sync_pages_through_everything(gql: GraphQLClient, db: Database) -> None:
    account = await gql.signup()
    for n in range(7):
        await factories.put(db, account.user_id, f"f{n}")
    reader = FeedReader(gql, account.token, first=3)
    assert await reader.catch_up() == 3  # 8 entries with the root: 3 + 3 + 2
    assert [len(page) for page in reader.pages] == [3, 3, 2]
    assert reader.tree == {
        k: v[0] for k, v in (await factories.live_tree(db, account.user_id)).items()
    }


async def test_incremental_changes_in_order_each_once(gql: GraphQLClient, db: Database) -> None:
    account = await gql.signup()
    reader = FeedReader(gql, account.token)
    await reader.catch_up()
    a = await factories.put(db, account.user_id, "a")
    b = await factories.put(db, account.user_id, "b")
    await factories.update(db, account.user_id, a, name="a2")
    await factories.trash(db, account.user_id, b)
    c = await factories.put(db, account.user_id, "c")
    page = await reader.page()
    assert page["hasMore"] is False
    assert [(ch["kind"], ch["id"]) for ch in page["changes"]] == [
        ("UPSERTED", str(a)),
        ("DELETED", str(b)),
        ("UPSERTED", str(c)),
    ]
    again = await reader.page()
    assert again["changes"] == [] and again["hasMore"] is False


async def test_purged_entry_is_reported_deleted(gql: GraphQLClient, db: Database) -> None:
    account = await gql.signup()
    entry = await factories.put(db, account.user_id, "x")
    reader = FeedReader(gql, account.token)
    await reader.catch_up()
    assert str(entry) in reader.tree
    await factories.purge(db, account.user_id, entry)
    page = await reader.page()
    assert page["changes"] == [
        {"kind": "DELETED", "id": str(entry), "parentId": page["changes"][0]["parentId"]}
    ]
    assert str(entry) not in reader.tree


async def test_trashed_entries_are_not_in_an_initial_sync(gql: GraphQLClient, db: Database) -> None:
    account = await gql.signup()
    gone = await factories.put(db, account.user_id, "gone")
    await factories.trash(db, account.user_id, gone)
    reader = FeedReader(gql, account.token)
    await reader.catch_up()
    assert str(gone) not in reader.seen()


async def test_initial_sync_misses_nothing_changed_while_paging(
    gql: GraphQLClient, db: Database
) -> None:
    account = await gql.signup()
    ids = [await factories.put(db, account.user_id, f"f{n}") for n in range(6)]
    reader = FeedReader(gql, account.token, first=2)
    assert (await reader.page())["hasMore"] is True
    # Behind the reader, ahead of it, and new.
    await factories.update(db, account.user_id, ids[0], name="renamed")
    await factories.trash(db, account.user_id, ids[5])
    folder = await factories.put(db, account.user_id, "new", is_file=False)
    await factories.update(db, account.user_id, ids[3], parent_id=folder)
    await reader.catch_up()
    server = await factories.live_tree(db, account.user_id)
    assert reader.tree == {k: v[0] for k, v in server.items()}
    assert reader.tree[str(ids[3])] == str(folder)


async def test_a_change_still_being_written_holds_the_feed_back(
    gql: GraphQLClient, db: Database
) -> None:
    account = await gql.signup()
    owner = ObjectId(account.user_id)
    reader = FeedReader(gql, account.token)
    await reader.catch_up()
    root = await factories.root_of(db, account.user_id)
    async with journal.change(db=db, owner_id=owner) as slow_seq:
        fast = await factories.put(db, account.user_id, "fast")  # takes a higher number
        page = await reader.page()
        assert page["changes"] == []  # "fast" must wait for the lower number in flight
        doc = factories.new_doc(owner, "slow", parent=root, seq=slow_seq)
        await db["entries"].insert_one(doc)
    page = await reader.page()
    assert [ch["id"] for ch in page["changes"]] == [str(doc["_id"]), str(fast)]


async def test_page_size_is_validated_and_capped(
    gql: GraphQLClient, db: Database, monkeypatch: pytest.MonkeyPatch
) -> None:
    account = await gql.signup()
    for first in (0, -1):
        body = await gql(CHANGES, {"cursor": None, "first": first}, token=account.token)
        assert error_codes(body) == ["BAD_USER_INPUT"]
    for n in range(4):
        await factories.put(db, account.user_id, f"f{n}")
    monkeypatch.setattr(service, "MAX_PAGE", 3)
    data = await gql.data(CHANGES, {"cursor": None, "first": 10_000_000}, token=account.token)
    assert len(data["changes"]["changes"]) == 3 and data["changes"]["hasMore"] is True


async def test_changes_need_sign_in(gql: GraphQLClient) -> None:
    body = await gql(CHANGES, {"cursor": None, "first": 10})
    assert error_codes(body) == ["UNAUTHENTICATED"]
    body = await gql("{ latestCursor }")
    assert error_codes(body) == ["UNAUTHENTICATED"]


async def test_garbage_tampered_and_foreign_cursors_are_bad_input(gql: GraphQLClient) -> None:
    alice = await gql.signup()
    bob = await gql.signup()
    cursor = (await FeedReader(gql, alice.token).page())["cursor"]
    forged = Signer(("another-key",)).sign(
        {"v": 1, "u": alice.user_id, "p": "inc", "s": 0, "i": None, "b": 0}, purpose="cursor"
    )
    tampered = cursor[:-2] + ("AA" if not cursor.endswith("AA") else "BB")
    for bad in ("garbage", "", tampered, forged, "x" * 5000):
        body = await gql(CHANGES, {"cursor": bad, "first": 10}, token=alice.token)
        assert error_codes(body) == ["BAD_USER_INPUT"], bad
    body = await gql(CHANGES, {"cursor": cursor, "first": 10}, token=bob.token)
    assert error_codes(body) == ["BAD_USER_INPUT"]


def _cursor(user_id: str, **fields: object) -> str:
    payload = {
        "v": 2,
        "u": user_id,
        "p": "inc",
        "s": 0,
        "i": None,
        "b": 0,
        "t": int(time.time()),
        **fields,
    }
    return Signer((SECRET,)).sign(payload, purpose="cursor")


async def test_malformed_signed_cursor_is_bad_input(gql: GraphQLClient) -> None:
    account = await gql.signup()
    malformed: list[dict[str, object]] = [
        {"p": "what"},
        {"s": -1},
        {"s": "1"},
        {"i": "not-an-id"},
        {"b": True},
        {"t": -1},
        {"t": "today"},
        {"t": None},
    ]
    for fields in malformed:
        body = await gql(
            CHANGES, {"cursor": _cursor(account.user_id, **fields), "first": 5}, token=account.token
        )
        assert error_codes(body) == ["BAD_USER_INPUT"], fields


async def test_cursor_that_cannot_be_served_resets(gql: GraphQLClient, db: Database) -> None:
    account = await gql.signup()
    reset = [
        _cursor(account.user_id, s=10**6, b=10**6),  # beyond the present: another database
        _cursor(account.user_id, v=3),  # a format this server does not know
        # Older than the journal's retention (90 days by default): its tombstones may be gone.
        _cursor(account.user_id, t=int(time.time()) - 91 * 86400),
    ]
    for cursor in reset:
        body = await gql(CHANGES, {"cursor": cursor, "first": 5}, token=account.token)
        assert error_codes(body) == ["CURSOR_RESET"], body
        assert body["errors"][0]["extensions"]["category"] == "BAD_USER_INPUT"


async def test_cursors_within_the_retention_and_of_the_first_version_are_served(
    gql: GraphQLClient,
) -> None:
    account = await gql.signup()
    fine = [
        _cursor(account.user_id, t=int(time.time()) - 80 * 86400),
        _cursor(account.user_id, v=1, t=None),  # before cursors said when they were made
    ]
    for cursor in fine:
        body = await gql(CHANGES, {"cursor": cursor, "first": 5}, token=account.token)
        assert "errors" not in body, body


async def test_pruned_tombstones_are_never_needed_by_a_cursor_that_is_served(
    gql: GraphQLClient, db: Database
) -> None:
    account = await gql.signup()
    owner = ObjectId(account.user_id)
    reader = FeedReader(gql, account.token)
    await reader.catch_up()
    entry = await factories.put(db, account.user_id, "x")
    await factories.purge(db, account.user_id, entry)
    assert await db["entries"].count_documents({"_id": entry, "deleted": True}) == 1

    day = timedelta(days=1)
    # Upkeep runs a while later: claims younger than STALE_MARK are left to their writers.
    now = datetime.now(UTC) + journal.STALE_MARK + timedelta(seconds=1)
    first = await journal.prune_journal(db=db, retention=day, now=now)
    assert first["tombstones"] == 0  # nothing is a day old yet
    assert first["claims"] > 0
    assert await db[journal.CLAIMS].count_documents({"owner_id": owner}) == 1  # the top

    # A day later (the checkpoint made then is moved back instead) the tombstone goes...
    past = now - day - timedelta(minutes=1)
    await db[journal.CHECKPOINTS].update_many({"owner_id": owner}, {"$set": {"at": past}})
    second = await journal.prune_journal(db=db, retention=day, now=now)
    assert second["tombstones"] == 1
    assert await db["entries"].count_documents({"_id": entry}) == 0
    assert await journal.prune_journal(db=db, retention=day, now=now) == {
        "claims": 0,
        "marks": 0,
        "tombstones": 0,
        "checkpoints": 0,
    }
    # ...and a cursor from before it, as old as the retention, is refused.
    stale = _cursor(account.user_id, t=int((past - day).timestamp()))
    with pytest.raises(errors.CursorReset):
        await service.get_updated_files(
            db=db,
            signer=Signer((SECRET,)),
            user_id=account.user_id,
            cursor=stale,
            first=5,
            retention=day,
        )
    # The reader that kept up is still served, and numbers keep counting up.
    assert (await reader.page())["changes"] == []
    later = await factories.put(db, account.user_id, "y")
    assert [c["id"] for c in (await reader.page())["changes"]] == [str(later)]


async def test_prune_journal_removes_abandoned_marks_only(db: Database) -> None:
    owner = ObjectId()
    abandoned = await journal.next_seq(db=db, owner_id=owner)
    old = datetime.now(UTC) - journal.STALE_MARK - timedelta(seconds=1)
    await db[journal.CLAIMS].update_many({"owner_id": owner}, {"$set": {"at": old}})
    live = journal.change(db=db, owner_id=owner)
    taken = await live.__aenter__()
    assert taken == abandoned + 1
    removed = await journal.prune_journal(db=db, retention=timedelta(days=90))
    assert (removed["marks"], removed["claims"]) == (1, 1)
    assert await db[journal.CLAIMS].count_documents({"owner_id": owner}) == 1
    # The live writer still holds readers back; its number is not pruned.
    assert await journal.stable_seq(db=db, owner_id=owner) == abandoned
    await live.__aexit__(None, None, None)
    assert await journal.stable_seq(db=db, owner_id=owner) == taken


async def test_latest_cursor_starts_at_the_present(gql: GraphQLClient, db: Database) -> None:
    account = await gql.signup()
    await factories.put(db, account.user_id, "old")
    latest = (await gql.data("{ latestCursor }", token=account.token))["latestCursor"]
    new = await factories.put(db, account.user_id, "new")
    reader = FeedReader(gql, account.token, cursor=latest)
    page = await reader.page()
    assert [ch["id"] for ch in page["changes"]] == [str(new)]


async def test_concurrent_writers_and_a_reader(gql: GraphQLClient, db: Database) -> None:
    """6 writers x 8 entries while a reader follows the feed."""
    account = await gql.signup()
    reader = FeedReader(gql, account.token, first=5)
    await reader.catch_up()

    async def writer(w: int) -> None:
        folder = await factories.put(db, account.user_id, f"w{w}", is_file=False)
        for n in range(8):
            entry = await factories.put(db, account.user_id, f"w{w}-{n}", parent=folder)
            if n % 3 == 0:
                await factories.update(db, account.user_id, entry, name=f"w{w}-{n}-renamed")
            if n % 4 == 1:
                await factories.trash(db, account.user_id, entry)

    writers = asyncio.gather(*(writer(w) for w in range(6)))
    while not writers.done():
        await reader.page()
        await asyncio.sleep(0)
    await writers
    await reader.catch_up()
    server = await factories.live_tree(db, account.user_id)
    assert reader.tree == {k: v[0] for k, v in server.items()}
    created = await db["entries"].count_documents({"owner_id": ObjectId(account.user_id)})
    assert created == 1 + 6 * 9
    assert len(reader.seen()) == created  # every entry reported (trashed ones as DELETED)
