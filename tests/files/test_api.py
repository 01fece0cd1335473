from __future__ import annotations

import asyncio
import unicodedata

import httpx
import pytest

from dropbox_lite.core.config import Settings
from dropbox_lite.core.db import Database
from dropbox_lite.files import service
from dropbox_lite.files.blobs import content_hash_of
from tests.conftest import make_settings
from tests.files.helpers import CHILDREN, CREATE_FOLDER, RESULT, upload, upload_raw
from tests.support import GraphQLClient, error_codes

COPY_AS = (
    "mutation($id: ID!, $p: ID!, $n: String) { copyEntry(id: $id, parentId: $p, name: $n) {"
    f"{RESULT} }} }}"
)


async def test_upload_then_list_and_find_by_path(
    gql: GraphQLClient, http: httpx.AsyncClient
) -> None:
    alice = await gql.signup()
    docs = (await gql.data(CREATE_FOLDER, {"name": "Docs"}, token=alice.token))["createFolder"]
    assert docs["__typename"] == "Folder" and docs["path"] == "/Docs"
    file = await upload(http, alice.token, b"hello world", "Note.txt", parentId=docs["id"])
    assert file["__typename"] == "File"
    assert file["size"] == 11 and file["rev"] == 1 and file["mimeType"] == "text/plain"
    assert file["contentHash"] == content_hash_of(b"hello world")
    assert file["path"] == "/Docs/Note.txt"
    await upload(http, alice.token, b"x", "zeta.txt")
    await gql.data(CREATE_FOLDER, {"name": "beta"}, token=alice.token)
    root = (await gql.data(CHILDREN, {}, token=alice.token))["folder"]["children"]
    # folders first, then files, each by name ignoring case
    assert [e["node"]["name"] for e in root["edges"]] == ["beta", "Docs", "zeta.txt"]
    assert root["totalCount"] == 3
    found = await gql.data(
        "query($p: String) { entry(path: $p) { id name } }",
        {"p": "/docs/NOTE.TXT"},
        token=alice.token,
    )
    assert found["entry"] == {"id": file["id"], "name": "Note.txt"}


async def test_children_pages_follow_cursors(gql: GraphQLClient, http: httpx.AsyncClient) -> None:
    alice = await gql.signup()
    for name in ["c", "A", "b"]:
        await gql.data(CREATE_FOLDER, {"name": name}, token=alice.token)
    for name in ["y.txt", "X.txt"]:
        await upload(http, alice.token, name.encode(), name)
    seen: list[str] = []
    after = None
    while True:
        page = await gql.data(CHILDREN, {"first": 2, "after": after}, token=alice.token)
        children = page["folder"]["children"]
        seen += [e["node"]["name"] for e in children["edges"]]
        if not children["pageInfo"]["hasNextPage"]:
            break
        after = children["pageInfo"]["endCursor"]
    assert seen == ["A", "b", "c", "X.txt", "y.txt"]


async def test_page_size_is_capped(gql: GraphQLClient, db: Database) -> None:
    alice = await gql.signup()
    user = await db["users"].find_one({"username": alice.username})
    docs = [
        {
            "owner_id": user["_id"],
            "parent_id": user["root_id"],
            "name": f"f{i:05}",
            "name_key": f"f{i:05}",
            "slot": f"f{i:05}",
            "is_file": False,
            "trashed": False,
            "deleted": False,
            "created_at": user["created_at"],
            "modified_at": user["created_at"],
            "seq": 0,
        }
        for i in range(1001)
    ]
    await db["entries"].insert_many(docs)
    page = await gql.data(CHILDREN, {"first": 10_000_000}, token=alice.token)
    children = page["folder"]["children"]
    assert len(children["edges"]) == 1000
    assert children["pageInfo"]["hasNextPage"] is True
    assert children["totalCount"] == 1001


async def test_bad_names_are_invalid_name_errors(gql: GraphQLClient) -> None:
    alice = await gql.signup()
    for name in ["", ".", "..", "a/b", "a\\b", "nul\x00", "bell\x07", "x" * 300, "a\r\nb"]:
        result = (await gql.data(CREATE_FOLDER, {"name": name}, token=alice.token))["createFolder"]
        assert result["__typename"] == "InvalidNameError", name
        assert result["code"] == "INVALID_NAME"


async def test_case_and_normalization_twins_are_taken(
    gql: GraphQLClient, http: httpx.AsyncClient
) -> None:
    alice = await gql.signup()
    nfc = unicodedata.normalize("NFC", "Café")
    nfd = unicodedata.normalize("NFD", "Café")
    first = (await gql.data(CREATE_FOLDER, {"name": nfc}, token=alice.token))["createFolder"]
    assert first["__typename"] == "Folder"
    for twin in [nfd, "CAFÉ", "café"]:
        result = (await gql.data(CREATE_FOLDER, {"name": twin}, token=alice.token))["createFolder"]
        assert result["__typename"] == "NameTakenError", twin
    clash = await upload(http, alice.token, b"x", "cafe", name=unicodedata.normalize("NFD", "CAFÉ"))
    assert clash["__typename"] == "NameTakenError"


async def test_name_with_crlf_and_quotes_is_refused_but_quotes_alone_are_kept(
    gql: GraphQLClient, http: httpx.AsyncClient
) -> None:
    alice = await gql.signup()
    bad = await upload(http, alice.token, b"x", "x", name='evil"\r\nSet-Cookie: a=b.txt')
    assert bad["__typename"] == "InvalidNameError"
    good = await upload(http, alice.token, b"x", "x", name='say "hi".txt')
    assert good["__typename"] == "File" and good["name"] == 'say "hi".txt'


async def test_write_modes(gql: GraphQLClient, http: httpx.AsyncClient, db: Database) -> None:
    alice = await gql.signup()
    first = await upload(http, alice.token, b"v1", "report.pdf")
    same = await upload(http, alice.token, b"v1", "report.pdf")
    assert same["__typename"] == "File" and same["rev"] == 1  # same content: a no-op
    taken = await upload(http, alice.token, b"v2", "report.pdf")
    assert taken["__typename"] == "NameTakenError"
    renamed = await upload(http, alice.token, b"v2", "report.pdf", autorename=True)
    assert renamed["name"] == "report (1).pdf"
    over = await upload(http, alice.token, b"v2", "report.pdf", mode="OVERWRITE")
    assert over["id"] == first["id"] and over["rev"] == 2
    updated = await upload(http, alice.token, b"v3", "report.pdf", mode="UPDATE", parentRev=2)
    assert updated["rev"] == 3
    stale = await upload(http, alice.token, b"v4", "report.pdf", mode="UPDATE", parentRev=2)
    assert stale["__typename"] == "ConflictError"
    assert stale["current"]["rev"] == 3 and stale["yourParentRev"] == 2
    kept = await upload(
        http, alice.token, b"v4", "report.pdf", mode="UPDATE", parentRev=2, autorename=True
    )
    assert kept["__typename"] == "File"
    assert kept["name"].startswith(f"report ({alice.username}'s conflicted copy ")
    assert kept["name"].endswith(").pdf")
    assert await db["revisions"].count_documents({}) == 5  # 3 of report.pdf, 1 each copy
    revs = await gql.data(
        "query($id: ID) { entry(id: $id) { ... on File { revisions { rev size } } } }",
        {"id": first["id"]},
        token=alice.token,
    )
    assert [r["rev"] for r in revs["entry"]["revisions"]] == [3, 2, 1]


async def test_update_needs_parent_rev(gql: GraphQLClient, http: httpx.AsyncClient) -> None:
    alice = await gql.signup()
    body = await upload_raw(http, alice.token, b"x", "a.txt", mode="UPDATE")
    assert error_codes(body) == ["BAD_USER_INPUT"]


@pytest.fixture
def settings(mongo_uri: str | None, db_name: str) -> Settings:
    # Twelve uploads of one user at once: above the default cap of concurrent uploads.
    return make_settings(mongo_uri, db_name=db_name, max_concurrent_uploads=16)


async def test_twelve_concurrent_updates_one_wins(
    gql: GraphQLClient, http: httpx.AsyncClient, db: Database
) -> None:
    alice = await gql.signup()
    base = await upload(http, alice.token, b"base", "shared.txt")
    results = await asyncio.gather(
        *(
            upload(
                http, alice.token, f"edit {i}".encode(), "shared.txt", mode="UPDATE", parentRev=1
            )
            for i in range(12)
        )
    )
    kinds = sorted(r["__typename"] for r in results)
    assert kinds == ["ConflictError"] * 11 + ["File"]
    winner = next(r for r in results if r["__typename"] == "File")
    assert winner["rev"] == 2
    revisions = [r async for r in db["revisions"].find({}).sort("rev", 1)]
    assert [r["rev"] for r in revisions] == [1, 2]
    assert revisions[1]["content_hash"] == winner["contentHash"]
    entry = await gql.data(
        "query($id: ID) { entry(id: $id) { ... on File { rev contentHash } } }",
        {"id": base["id"]},
        token=alice.token,
    )
    assert entry["entry"] == {"rev": 2, "contentHash": winner["contentHash"]}


async def test_wrong_content_hash_stores_nothing(
    gql: GraphQLClient, http: httpx.AsyncClient, db: Database
) -> None:
    alice = await gql.signup()
    bad = await upload(http, alice.token, b"payload", "a.txt", contentHash="0" * 64)
    assert bad["__typename"] == "ChecksumMismatchError"
    assert await db["blobs.files"].count_documents({}) == 0
    assert await db["blobs.chunks"].count_documents({}) == 0
    assert await db["entries"].count_documents({"is_file": True}) == 0
    good = await upload(
        http, alice.token, b"payload", "a.txt", contentHash=content_hash_of(b"payload")
    )
    assert good["__typename"] == "File"


async def test_upload_over_quota_is_refused_and_cleaned_up(
    gql: GraphQLClient, http: httpx.AsyncClient, db: Database
) -> None:
    alice = await gql.signup()
    await db["users"].update_one({"username": alice.username}, {"$set": {"quota_bytes": 3_000_000}})
    ok = await upload(http, alice.token, b"a" * 2_000_000, "one.bin")
    assert ok["__typename"] == "File"
    over = await upload(http, alice.token, b"b" * 2_000_000, "two.bin")
    assert over["__typename"] == "QuotaExceededError"
    usage = await gql.data("{ me { id } }", token=alice.token)
    assert usage["me"]["id"] == alice.user_id
    assert (await service.usage(db=db, user_id=alice.user_id)).used_bytes == 2_000_000
    assert await db["blobs.files"].count_documents({}) == 1
    copy = await gql.data(
        COPY_AS,
        {"id": ok["id"], "p": ok["parentId"], "n": "c.bin"},
        token=alice.token,
    )
    assert copy["copyEntry"]["__typename"] == "QuotaExceededError"


async def test_identical_content_is_stored_once_across_users(
    gql: GraphQLClient, http: httpx.AsyncClient, db: Database
) -> None:
    alice, bob = await gql.signup(), await gql.signup()
    data = b"same bytes" * 1000
    results = await asyncio.gather(
        *(upload(http, user.token, data, f"f{i}.txt") for i, user in enumerate([alice, bob] * 3))
    )
    assert all(r["__typename"] == "File" for r in results)
    assert await db["blobs.files"].count_documents({}) == 1
    assert len({r["contentHash"] for r in results}) == 1


async def test_search_escapes_regex_and_ignores_case(
    gql: GraphQLClient, http: httpx.AsyncClient
) -> None:
    alice, bob = await gql.signup(), await gql.signup()
    for name in ["Report (final).txt", "a.b", "axb", "notes.md"]:
        await upload(http, alice.token, name.encode(), name)
    await upload(http, bob.token, b"bob", "report (bob).txt")
    query = "query($q: String!, $n: Int) { search(query: $q, first: $n) { name } }"

    async def names(q: str, n: int = 50) -> list[str]:
        data = await gql.data(query, {"q": q, "n": n}, token=alice.token)
        return sorted(e["name"] for e in data["search"])

    assert await names("REPORT (") == ["Report (final).txt"]
    assert await names("a.b") == ["a.b"]
    assert await names(".*") == []
    assert await names("[") == []
    assert await names("(") == ["Report (final).txt"]
    assert len(await names("", 1_000_000)) == 0
    assert len(await names("a", 1)) == 1


async def test_move_into_itself_or_descendant_is_refused(gql: GraphQLClient) -> None:
    alice = await gql.signup()
    top = (await gql.data(CREATE_FOLDER, {"name": "top"}, token=alice.token))["createFolder"]
    child = (
        await gql.data(CREATE_FOLDER, {"name": "child", "parentId": top["id"]}, token=alice.token)
    )["createFolder"]
    move = f"mutation($id: ID!, $p: ID!) {{ moveEntry(id: $id, parentId: $p) {{ {RESULT} }} }}"
    for target in (top["id"], child["id"]):
        result = await gql.data(move, {"id": top["id"], "p": target}, token=alice.token)
        assert result["moveEntry"]["__typename"] == "InvalidMoveError"
    copy = f"mutation($id: ID!, $p: ID!) {{ copyEntry(id: $id, parentId: $p) {{ {RESULT} }} }}"
    result = await gql.data(copy, {"id": top["id"], "p": child["id"]}, token=alice.token)
    assert result["copyEntry"]["__typename"] == "InvalidMoveError"
    other = (await gql.data(CREATE_FOLDER, {"name": "other"}, token=alice.token))["createFolder"]
    moved = await gql.data(move, {"id": top["id"], "p": other["id"]}, token=alice.token)
    assert moved["moveEntry"]["path"] == "/other/top"


async def test_rename_move_copy(gql: GraphQLClient, http: httpx.AsyncClient, db: Database) -> None:
    alice = await gql.signup()
    folder = (await gql.data(CREATE_FOLDER, {"name": "dir"}, token=alice.token))["createFolder"]
    file = await upload(http, alice.token, b"12345", "a.txt", parentId=folder["id"])
    await upload(http, alice.token, b"other", "b.txt", parentId=folder["id"])
    rename = f"mutation($id: ID!, $n: String!) {{ renameEntry(id: $id, name: $n) {{ {RESULT} }} }}"
    taken = await gql.data(rename, {"id": file["id"], "n": "B.TXT"}, token=alice.token)
    assert taken["renameEntry"]["__typename"] == "NameTakenError"
    case = await gql.data(rename, {"id": file["id"], "n": "A.TXT"}, token=alice.token)
    assert case["renameEntry"]["name"] == "A.TXT"
    root = (await gql.data("{ folder { id } }", token=alice.token))["folder"]["id"]
    variables = {"id": folder["id"], "p": root, "n": "dir2"}
    copied = (await gql.data(COPY_AS, variables, token=alice.token))["copyEntry"]
    assert copied["path"] == "/dir2"
    listing = await gql.data(CHILDREN, {"id": copied["id"]}, token=alice.token)
    assert [e["node"]["name"] for e in listing["folder"]["children"]["edges"]] == ["A.TXT", "b.txt"]
    used = (await service.usage(db=db, user_id=alice.user_id)).used_bytes
    assert used == 20  # the copy counts, its bytes are shared
    assert await db["blobs.files"].count_documents({}) == 2


async def test_trash_restore_and_purge(
    gql: GraphQLClient, http: httpx.AsyncClient, db: Database
) -> None:
    alice = await gql.signup()
    folder = (await gql.data(CREATE_FOLDER, {"name": "dir"}, token=alice.token))["createFolder"]
    inner = await upload(http, alice.token, b"inner", "in.txt", parentId=folder["id"])
    delete = f"mutation($id: ID!) {{ deleteEntry(id: $id) {{ {RESULT} }} }}"
    restore = f"mutation($id: ID!) {{ restoreEntry(id: $id) {{ {RESULT} }} }}"
    gone = (await gql.data(delete, {"id": folder["id"]}, token=alice.token))["deleteEntry"]
    assert gone["trashed"] is True
    body = await gql(
        "query($id: ID) { entry(id: $id) { id } }", {"id": inner["id"]}, token=alice.token
    )
    assert error_codes(body) == ["NOT_FOUND"]
    search = await gql.data('{ search(query: "in") { name } }', token=alice.token)
    assert search["search"] == []
    trash = await gql.data("{ trash { totalCount edges { node { name } } } }", token=alice.token)
    assert trash["trash"]["totalCount"] == 1
    # the name is free again while "dir" is in the trash
    again = (await gql.data(CREATE_FOLDER, {"name": "DIR"}, token=alice.token))["createFolder"]
    assert again["__typename"] == "Folder"
    back = (await gql.data(restore, {"id": folder["id"]}, token=alice.token))["restoreEntry"]
    assert back["name"] == "dir (1)" and back["trashed"] is False
    found = await gql.data(
        "query($id: ID) { entry(id: $id) { path } }", {"id": inner["id"]}, token=alice.token
    )
    assert found["entry"]["path"] == "/dir (1)/in.txt"
    await gql.data(delete, {"id": folder["id"]}, token=alice.token)
    purged = await gql.data(
        "mutation($id: ID!) { purgeEntry(id: $id) }", {"id": folder["id"]}, token=alice.token
    )
    assert purged["purgeEntry"] is True
    assert (await service.usage(db=db, user_id=alice.user_id)).used_bytes == 0
    assert await db["revisions"].count_documents({}) == 0
    trash = await gql.data("{ trash { totalCount } }", token=alice.token)
    assert trash["trash"]["totalCount"] == 0


async def test_restore_revision(gql: GraphQLClient, http: httpx.AsyncClient) -> None:
    alice = await gql.signup()
    await upload(http, alice.token, b"one", "a.txt")
    two = await upload(http, alice.token, b"two!", "a.txt", mode="OVERWRITE")
    query = (
        "mutation($id: ID!, $r: Int!) { restoreRevision(fileId: $id, rev: $r) {"
        f"{RESULT} ... on File {{ rev size contentHash }} }} }}"
    )
    back = (await gql.data(query, {"id": two["id"], "r": 1}, token=alice.token))["restoreRevision"]
    assert back["rev"] == 3 and back["size"] == 3
    assert back["contentHash"] == content_hash_of(b"one")
    missing = (await gql.data(query, {"id": two["id"], "r": 9}, token=alice.token))[
        "restoreRevision"
    ]
    assert missing["__typename"] == "NotFoundError"


async def test_other_users_ids_are_not_found_everywhere(
    gql: GraphQLClient, http: httpx.AsyncClient
) -> None:
    alice, bob = await gql.signup(), await gql.signup()
    a_folder = (await gql.data(CREATE_FOLDER, {"name": "private"}, token=alice.token))[
        "createFolder"
    ]
    a_file = await upload(http, alice.token, b"secret", "s.txt", parentId=a_folder["id"])
    b_folder = (await gql.data(CREATE_FOLDER, {"name": "mine"}, token=bob.token))["createFolder"]
    b_file = await upload(http, bob.token, b"bob", "b.txt")
    missing = "0" * 24
    calls = [
        ("query($id: ID) { entry(id: $id) { id } }", lambda x: {"id": x}),
        ("query($id: ID) { folder(id: $id) { id } }", lambda x: {"id": x}),
        (CREATE_FOLDER, lambda x: {"parentId": x, "name": "n"}),
        (
            f'mutation($id: ID!) {{ renameEntry(id: $id, name: "z") {{ {RESULT} }} }}',
            lambda x: {"id": x},
        ),
        (
            f"mutation($id: ID!, $p: ID!) {{ moveEntry(id: $id, parentId: $p) {{ {RESULT} }} }}",
            lambda x: {"id": x, "p": b_folder["id"]},
        ),
        (
            f"mutation($id: ID!, $p: ID!) {{ moveEntry(id: $id, parentId: $p) {{ {RESULT} }} }}",
            lambda x: {"id": b_file["id"], "p": x},
        ),
        (
            f"mutation($id: ID!, $p: ID!) {{ copyEntry(id: $id, parentId: $p) {{ {RESULT} }} }}",
            lambda x: {"id": x, "p": b_folder["id"]},
        ),
        (
            f"mutation($id: ID!, $p: ID!) {{ copyEntry(id: $id, parentId: $p) {{ {RESULT} }} }}",
            lambda x: {"id": b_file["id"], "p": x},
        ),
        (f"mutation($id: ID!) {{ deleteEntry(id: $id) {{ {RESULT} }} }}", lambda x: {"id": x}),
        (f"mutation($id: ID!) {{ restoreEntry(id: $id) {{ {RESULT} }} }}", lambda x: {"id": x}),
        ("mutation($id: ID!) { purgeEntry(id: $id) }", lambda x: {"id": x}),
        (
            f"mutation($id: ID!) {{ restoreRevision(fileId: $id, rev: 1) {{ {RESULT} }} }}",
            lambda x: {"id": x},
        ),
    ]
    for query, variables in calls:
        for target in (a_folder["id"], a_file["id"], missing, "not-an-id"):
            if "folder(id" in query and target == a_file["id"]:
                continue
            body = await gql(query, variables(target), token=bob.token)
            assert error_codes(body) == ["NOT_FOUND"], (query, target, body)
            assert body["errors"][0]["message"] == "Not found."
    upload_body = await upload_raw(http, bob.token, b"x", "x.txt", parentId=a_folder["id"])
    assert error_codes(upload_body) == ["NOT_FOUND"]
    still = await gql.data(CHILDREN, {"id": a_folder["id"]}, token=alice.token)
    assert [e["node"]["name"] for e in still["folder"]["children"]["edges"]] == ["s.txt"]


async def test_signed_out_is_unauthenticated(gql: GraphQLClient) -> None:
    body = await gql("{ folder { id } }")
    assert error_codes(body) == ["UNAUTHENTICATED"]


async def test_deep_queries_are_refused(gql: GraphQLClient) -> None:
    alice = await gql.signup()
    inner = "id"
    for _ in range(12):
        inner = f"children {{ edges {{ node {{ ... on Folder {{ {inner} }} }} }} }}"
    body = await gql(f"{{ folder {{ {inner} }} }}", token=alice.token)
    assert "data" not in body or body["data"] is None
    assert "depth" in body["errors"][0]["message"].lower()


async def test_usage_reports_quota(
    gql: GraphQLClient, http: httpx.AsyncClient, db: Database
) -> None:
    from dropbox_lite.files import service

    alice = await gql.signup()
    await upload(http, alice.token, b"12345", "a.txt")
    found = await service.usage(db=db, user_id=alice.user_id)
    assert found == service.Usage(used_bytes=5, quota_bytes=None)
