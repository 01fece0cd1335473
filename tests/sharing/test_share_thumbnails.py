"""SharedEntry.thumbnailUrl and GET /s/{token}/thumbnail (issue 22): images on share pages."""

from __future__ import annotations

import io
from typing import Any

import httpx
from PIL import Image

from dropbox_lite.core.config import Settings
from dropbox_lite.core.db import Database
from tests.sharing.helpers import folder, local, put_file
from tests.sharing.test_api import create
from tests.support import GraphQLClient, error_codes

LISTING = """
query($t: String!, $password: String, $path: String) {
  sharedLink(token: $t, password: $password, path: $path) {
    __typename
    ... on SharedEntry {
      name thumbnailUrl
      children { items { name path thumbnailUrl small: thumbnailUrl(size: 100) } }
    }
  }
}
"""


def png(width: int, height: int) -> bytes:
    out = io.BytesIO()
    Image.new("RGB", (width, height), (20, 120, 200)).save(out, format="PNG")
    return out.getvalue()


async def view(gql: GraphQLClient, token: str, **variables: Any) -> dict[str, Any]:
    result: dict[str, Any] = (await gql.data(LISTING, {"t": token, **variables}))["sharedLink"]
    return result


def thumbnails_of(shared: dict[str, Any]) -> dict[str, Any]:
    return {item["name"]: item for item in shared["children"]["items"]}


async def test_images_of_a_folder_link_have_thumbnails(
    http: httpx.AsyncClient, gql: GraphQLClient, db: Database, settings: Settings
) -> None:
    owner = await gql.signup()
    album = await folder(db, owner.user_id, "album")
    await put_file(db, settings, owner.user_id, png(600, 300), "wide & tall.png", album.id)
    await put_file(db, settings, owner.user_id, b"not an image", "notes.txt", album.id)
    await put_file(db, settings, owner.user_id, b"broken", "broken.png", album.id)
    await folder(db, owner.user_id, "inner", album.id)
    token = (await create(gql, owner, album.id))["token"]

    shared = await view(gql, token)
    assert shared["thumbnailUrl"] is None  # a folder
    items = thumbnails_of(shared)
    assert items["notes.txt"]["thumbnailUrl"] is None and items["inner"]["thumbnailUrl"] is None
    url = items["wide & tall.png"]["thumbnailUrl"]
    assert url.startswith(f"{settings.public_url}/s/{token}/thumbnail?")
    got = await http.get(local(url))
    assert got.status_code == 200 and got.headers["content-type"] == "image/webp"
    with Image.open(io.BytesIO(got.content)) as image:
        assert image.size == (256, 128)
    small = await http.get(local(items["wide & tall.png"]["small"]))
    with Image.open(io.BytesIO(small.content)) as image:
        assert image.size == (128, 64)  # 100 rounds up to 128
    again = await http.get(local(url), headers={"If-None-Match": got.headers["etag"]})
    assert again.status_code == 304
    # Not an image after all: 404, like the owner's route.
    assert (await http.get(local(items["broken.png"]["thumbnailUrl"]))).status_code == 404
    # Without a signature, a link without a password serves it by path too.
    plain = await http.get(f"/s/{token}/thumbnail", params={"path": "/wide & tall.png"})
    assert plain.status_code == 200 and plain.content == got.content
    # A file link's own image.
    photo = await put_file(db, settings, owner.user_id, png(50, 80), "photo.png")
    file_token = (await create(gql, owner, photo.id))["token"]
    alone = await gql.data(
        "query($t: String!) { sharedLink(token: $t) { ... on SharedEntry { thumbnailUrl } } }",
        {"t": file_token},
    )
    one = await http.get(local(alone["sharedLink"]["thumbnailUrl"]))
    assert one.status_code == 200


async def test_thumbnails_refuse_what_the_link_does_not_show(
    http: httpx.AsyncClient, gql: GraphQLClient, db: Database, settings: Settings
) -> None:
    owner = await gql.signup()
    album = await folder(db, owner.user_id, "album")
    await put_file(db, settings, owner.user_id, png(40, 40), "a.png", album.id)
    outside = await put_file(db, settings, owner.user_id, png(40, 40), "outside.png")
    locked = (await create(gql, owner, album.id, password="album password"))["token"]
    blind = (await create(gql, owner, album.id, access="UPLOAD_ONLY"))["token"]
    viewer = (await create(gql, owner, album.id))["token"]

    # A password link: nothing without the password's signature; with it, the image.
    no_sig = await http.get(f"/s/{locked}/thumbnail", params={"path": "/a.png"})
    assert no_sig.status_code == 403
    items = thumbnails_of(await view(gql, locked, password="album password"))
    url = items["a.png"]["thumbnailUrl"]
    assert (await http.get(local(url))).status_code == 200
    # The signature is bound to the link and the path.
    assert (await http.get(local(url).replace("path=/a.png", "path=/b.png"))).status_code == 403
    assert (await http.get(local(url).replace(locked, viewer))).status_code == 403
    forged = local(url).rsplit("sig=", 1)[0] + "sig=forged"
    assert (await http.get(forged)).status_code == 403

    # An upload-only link shows no thumbnail, whatever is asked.
    assert (await http.get(f"/s/{blind}/thumbnail", params={"path": "/a.png"})).status_code == 404
    # Paths that climb out, or name nothing, and unknown or revoked links: the one 404.
    for path in ("/../outside.png", "/outside.png", "/missing.png", "/"):
        got = await http.get(f"/s/{viewer}/thumbnail", params={"path": path})
        assert got.status_code == 404, path
    assert outside.id not in (await http.get(f"/s/{viewer}/thumbnail?path=/x")).text
    assert (await http.get("/s/not-a-real-token-at-all/thumbnail?path=/a.png")).status_code == 404
    # Bad sizes are refused as bad input, in the route and in the field.
    assert (await http.get(f"/s/{viewer}/thumbnail?path=/a.png&size=0")).status_code == 400
    assert (await http.get(f"/s/{viewer}/thumbnail?path=/a.png&size=big")).status_code == 400
    body = await gql(
        'query($t: String!) { sharedLink(token: $t, path: "a.png") '
        "{ ... on SharedEntry { thumbnailUrl(size: 5000) } } }",
        {"t": viewer},
    )
    assert error_codes(body) == ["BAD_USER_INPUT"]
    # Revoked: the next request is the one 404.
    assert (await http.get(f"/s/{viewer}/thumbnail?path=/a.png")).status_code == 200
    listed = (await gql.data("{ shareLinks { id } }", token=owner.token))["shareLinks"]
    for link in listed:
        await gql.data(
            "mutation($id: ID!) { revokeShareLink(id: $id) }", {"id": link["id"]}, token=owner.token
        )
    assert (await http.get(f"/s/{viewer}/thumbnail?path=/a.png")).status_code == 404
    assert (await http.get(local(url))).status_code == 404
