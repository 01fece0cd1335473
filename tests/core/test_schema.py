from __future__ import annotations

from pathlib import Path

from dropbox_lite.graphql import build_schema, export_sdl

COMMITTED = Path(__file__).resolve().parents[2] / "schema" / "schema.graphql"


def test_committed_schema_matches_the_live_schema() -> None:
    assert COMMITTED.read_text(encoding="utf-8") == export_sdl(), (
        "schema/schema.graphql is stale: run scripts/export-schema"
    )


def test_every_public_field_is_described() -> None:
    schema = build_schema()._schema
    missing = [
        f"{name}.{field_name}"
        for name, graphql_type in schema.type_map.items()
        if not name.startswith("__") and hasattr(graphql_type, "fields")
        for field_name, field in graphql_type.fields.items()
        if not field.description
    ]
    assert missing == []
