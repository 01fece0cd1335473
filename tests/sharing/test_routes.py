"""GET /s/{token}: public bytes and listings, the one 404, signatures, counting, throttling."""

from __future__ import annotations

import secrets
from datetime import UTC, datetime, timedelta

import httpx
from bson import ObjectId
from starlette.applications import Starlette

from dropbox_lite.core.config import Settings
from dropbox_lite.core.db import Database
from dropbox_lite.files import service as files_service
from dropbox_lite.sharing import service
from tests.sharing.helpers import (
    client_from,
    folder,
    link,
    local,
    put_file,
    raw_get,
    same_body,
)
from tests.support import GraphQLClient

DATA = b"shared bytes " * 1000


async def _count(db: Database, link_id: str) -> int:
    doc = await db["share_links"].find_one({"_id": ObjectId(link_id)})
    assert doc is not None
    return int(doc["download_count"])


async def test_file_link_serves_bytes_with_download_headers(
    http: httpx.AsyncClient, gql: GraphQLClient, db: Database, settings: Settings
) -> None:
    owner = await gql.signup()
    entry = await put_file(db, settings, owner.user_id, DATA, name='re"port é.txt')
    created = await link(db, settings, owner.user_id, entry.id)
    assert created.url == f"{settings.public_url}/s/{created.token}"

    response = await http.get(local(created.url))
    assert response.status_code == 200
    assert response.content == DATA
    assert response.headers["etag"] == f'"{entry.content_hash}"'
    assert response.headers["x-content-type-options"] == "nosniff"
    disposition = response.headers["content-disposition"]
    assert disposition.startswith("attachment;") and "filename*=UTF-8" in disposition
    assert await _count(db, created.link.id) == 1

    ranged = await http.get(local(created.url), headers={"Range": "bytes=0-9"})
    assert ranged.status_code == 206 and ranged.content == DATA[:10]
    cached = await http.get(
        local(created.url), headers={"If-None-Match": f'"{entry.content_hash}"'}
    )
    assert cached.status_code == 304
    # Only whole downloads count.
    assert await _count(db, created.link.id) == 1


async def test_unknown_and_malformed_tokens_get_one_404(
    app: Starlette, gql: GraphQLClient, db: Database, settings: Settings
) -> None:
    owner = await gql.signup()
    entry = await put_file(db, settings, owner.user_id, DATA)
    real = await link(db, settings, owner.user_id, entry.id)
    # Random tokens of a real one's shape, and near misses of the real one: a lookup
    # by exact token answers all alike (a thousand random ones found nothing more).
    flipped = {"A": "B", "B": "A"}
    tokens = [
        *(secrets.token_urlsafe(32) for _ in range(8)),
        real.token[:-1] + flipped.get(real.token[-1], "A"),
        flipped.get(real.token[0], "A") + real.token[1:],
        real.token.swapcase(),
        real.token[::-1],
    ]
    tokens = [token for token in tokens if token != real.token]
    odd = [
        "a/b",
        real.token + "/",
        real.token + "/x",
        "%2e%2e/" + real.token,
        "%2e%2e%2f" + real.token,
        real.token + "%2f..",
        "..%2f..%2fetc%2fpasswd",
        real.token[:-1],
        real.token + "A",
        "x" * 5000,
        "",
    ]
    # Dot segments exactly as sent (httpx would resolve them before sending).
    raw = [
        b"/s/../" + real.token.encode(),
        b"/s/" + real.token.encode() + b"/..",
        b"/s/./" + real.token.encode(),
        b"/s/.",
        b"/s/..",
        b"/s/%2e%2e/x",
        b"/s/" + real.token.encode() + b"/%2e%2e/x",
    ]
    responses: list[httpx.Response] = []
    # 40 tokens per address stay under the per-address budget for unknown tokens
    # (throttling is tested on its own below); every answer must be the same 404.
    for start in range(0, len(tokens), 40):
        async with client_from(app, f"10.1.{start // 40}.1") as client:
            for token in tokens[start : start + 40]:
                responses.append(await client.get(f"/s/{token}"))
    async with client_from(app, "10.2.0.1") as client:
        for token in odd:
            responses.append(await client.get(f"/s/{token}"))
    assert len(responses) == len(tokens) + len(odd)
    assert same_body(responses) == {(404, responses[0].content)}
    for path in raw:
        assert await raw_get(app, path) == (404, responses[0].content), path
    assert responses[0].json()["errors"][0]["extensions"]["code"] == "NOT_FOUND"
    async with client_from(app, "10.3.0.1") as client:
        assert (await client.get(f"/s/{real.token}")).status_code == 200


async def test_one_address_scanning_tokens_is_throttled(
    app: Starlette, gql: GraphQLClient, db: Database, settings: Settings
) -> None:
    owner = await gql.signup()
    entry = await put_file(db, settings, owner.user_id, DATA)
    real = await link(db, settings, owner.user_id, entry.id)
    limit = service.UNKNOWN_TOKENS.max_failures
    async with client_from(app, "10.9.9.9") as client:
        statuses = [
            (await client.get(f"/s/{secrets.token_urlsafe(32)}")).status_code
            for _ in range(limit + 3)
        ]
        assert statuses[:limit] == [404] * limit
        assert statuses[limit:] == [429] * 3
        # Locked out even with a working token: the lock says nothing about tokens.
        locked = await client.get(f"/s/{real.token}")
        assert locked.status_code == 429 and int(locked.headers["retry-after"]) > 0
    async with client_from(app, "10.9.9.10") as other:
        assert (await other.get(f"/s/{real.token}")).status_code == 200


async def test_folder_link_lists_its_top_level_with_signed_urls(
    http: httpx.AsyncClient, gql: GraphQLClient, db: Database, settings: Settings
) -> None:
    owner = await gql.signup()
    outside = await folder(db, owner.user_id, "Private")
    await put_file(db, settings, owner.user_id, b"secret", name="secret.txt", folder_id=outside.id)
    shared = await folder(db, owner.user_id, "Shared", parent_id=outside.id)
    sub = await folder(db, owner.user_id, "sub", parent_id=shared.id)
    await put_file(db, settings, owner.user_id, b"deep", name="deep.txt", folder_id=sub.id)
    await put_file(db, settings, owner.user_id, DATA, name="top.txt", folder_id=shared.id)
    created = await link(db, settings, owner.user_id, shared.id)

    listing = await http.get(local(created.url))
    assert listing.status_code == 200
    body = listing.json()
    assert body["name"] == "Shared" and body["path"] == "/" and body["isFolder"] is True
    assert [(i["name"], i["path"], i["isFolder"]) for i in body["items"]] == [
        ("sub", "/sub", True),
        ("top.txt", "/top.txt", False),
    ]
    assert body["hasMore"] is False
    text = listing.text
    for leak in ("Private", "secret", owner.user_id, shared.id, sub.id, outside.id, "deep"):
        assert leak not in text
    top = body["items"][1]
    assert top["size"] == len(DATA) and top["downloadUrl"].startswith(created.url + "?sig=")
    download = await http.get(local(top["downloadUrl"]))
    assert download.status_code == 200 and download.content == DATA


async def test_password_link_serves_only_a_signed_url(
    http: httpx.AsyncClient, gql: GraphQLClient, db: Database, settings: Settings, app: Starlette
) -> None:
    owner = await gql.signup()
    entry = await put_file(db, settings, owner.user_id, DATA)
    created = await link(db, settings, owner.user_id, entry.id, password="open sesame")
    refused = await http.get(local(created.url))
    assert refused.status_code == 403
    assert refused.json()["errors"][0]["extensions"]["code"] == "PASSWORD_REQUIRED"
    assert DATA[:20] not in refused.content

    url = service.download_url(
        settings=settings, signer=app.state.signer, token=created.token, path="/"
    )
    assert (await http.get(local(url))).content == DATA
    forged = url[:-3] + ("AAA" if not url.endswith("AAA") else "BBB")
    assert (await http.get(local(forged))).status_code == 403
    # A signature is bound to its link's token.
    other = await link(db, settings, owner.user_id, entry.id)
    assert (await http.get(local(url.replace(created.token, other.token)))).status_code == 403


async def test_revoked_expired_and_trashed_links_stop_at_the_next_request(
    http: httpx.AsyncClient, gql: GraphQLClient, db: Database, settings: Settings, app: Starlette
) -> None:
    owner = await gql.signup()
    parent = await folder(db, owner.user_id, "Docs")
    entry = await put_file(db, settings, owner.user_id, DATA, folder_id=parent.id)
    expiring = await link(
        db,
        settings,
        owner.user_id,
        entry.id,
        expires_at=datetime.now(UTC) + timedelta(hours=1),
    )
    revoked = await link(db, settings, owner.user_id, entry.id)
    signed = service.download_url(
        settings=settings, signer=app.state.signer, token=expiring.token, path="/"
    )
    assert (await http.get(local(expiring.url))).status_code == 200
    assert (await http.get(local(revoked.url))).status_code == 200
    not_found = (await http.get(f"/s/{secrets.token_urlsafe(32)}")).content

    await service.revoke_share_link(db=db, user_id=owner.user_id, link_id=revoked.link.id)
    after_revoke = await http.get(local(revoked.url))
    assert (after_revoke.status_code, after_revoke.content) == (404, not_found)

    # The expiry passes while the link is in use: the page and a signed URL stop.
    await db["share_links"].update_one(
        {"_id": ObjectId(expiring.link.id)},
        {"$set": {"expires_at": datetime.now(UTC) - timedelta(seconds=1)}},
    )
    for url in (expiring.url, signed):
        expired = await http.get(local(url))
        assert (expired.status_code, expired.content) == (404, not_found)

    # Trashing an ancestor folder stops a link to a file inside; restoring revives it.
    live = await link(db, settings, owner.user_id, entry.id)
    await files_service.delete_entry(db=db, user_id=owner.user_id, entry_id=parent.id)
    trashed = await http.get(local(live.url))
    assert (trashed.status_code, trashed.content) == (404, not_found)
    await files_service.restore_entry(db=db, user_id=owner.user_id, entry_id=parent.id)
    assert (await http.get(local(live.url))).content == DATA
    await files_service.purge_entry(db=db, user_id=owner.user_id, entry_id=entry.id)
    assert (await http.get(local(live.url))).status_code == 404
