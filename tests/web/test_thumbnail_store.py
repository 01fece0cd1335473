"""Stored thumbnails go with the last file or revision of their content (upkeep)."""

from __future__ import annotations

import io

from PIL import Image

from dropbox_lite.core.config import Settings
from dropbox_lite.core.db import Database
from dropbox_lite.files import thumbnails
from dropbox_lite.upkeep import maintenance


def png() -> bytes:
    out = io.BytesIO()
    Image.new("RGB", (300, 200), (10, 120, 200)).save(out, format="PNG")
    return out.getvalue()


async def test_thumbnails_of_gone_content_are_pruned(db: Database, settings: Settings) -> None:
    await db["thumbnails"].insert_many(
        [
            {"_id": "kept:256", "content_hash": "kept", "size": 256, "data": b"x"},
            {"_id": "old:256", "content_hash": "old", "size": 256, "data": b"x"},
            {"_id": "old:64", "content_hash": "old", "size": 64, "data": None},
            {"_id": "gone:256", "content_hash": "gone", "size": 256, "data": b"x"},
            {"_id": "gone:64", "content_hash": "gone", "size": 64, "data": b"x"},
        ]
    )
    await db["entries"].insert_one({"content_hash": "kept", "probe": True})
    await db["revisions"].insert_one({"content_hash": "old", "probe": True})
    report = await maintenance.run_pass(db=db, settings=settings, gc=False)
    assert report.removed["thumbnails of gone content"] == 2
    left = sorted([doc["_id"] async for doc in db["thumbnails"].find({})])
    assert left == ["kept:256", "old:256", "old:64"]
    assert await thumbnails.prune_thumbnails(db=db) == 0


def test_render_bounds_and_formats() -> None:
    made = thumbnails.render(png(), 64)
    assert made is not None
    with Image.open(io.BytesIO(made)) as image:
        assert (image.format, image.size) == ("WEBP", (64, 43))
    # a BMP is an image Pillow reads, but not one we make thumbnails of
    out = io.BytesIO()
    Image.new("RGB", (10, 10)).save(out, format="BMP")
    assert thumbnails.render(out.getvalue(), 64) is None
    assert thumbnails.render(b"", 64) is None
    assert [thumbnails.size_of(n) for n in (1, 64, 65, 256, "300", 1024)] == [
        64,
        64,
        128,
        256,
        512,
        1024,
    ]
