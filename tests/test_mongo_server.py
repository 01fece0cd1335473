"""The test server answers a filter as MongoDB does, with or without its SQL pushdown.

scripts/install-ferretdb builds FerretDB with scripts/ferretdb.patch: its SQLite backend
compares top-level equalities (plain, `$eq`, `$in`, inside `$and` and `$or`) in SQL before
decoding the documents, and its handler still applies the whole filter to what is left.
The SQL must keep every document the filter matches. `{$nor: [{$nor: [F]}]}` matches what
F matches and is never pushed down, so the server answers F both ways: random documents
(arrays, missing fields, values of other types that look alike) and random filters must
get the same documents and counts. On mongod both ways are MongoDB's own.
"""

from __future__ import annotations

import uuid
from collections.abc import Iterator
from typing import Any

import pytest
from bson import ObjectId
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from pymongo import MongoClient
from pymongo.collection import Collection

pytestmark = pytest.mark.server_only

OIDS = [ObjectId("65a000000000000000000001"), ObjectId("65a000000000000000000002")]
# Strings JSON escapes, one that spells an ObjectId, and look-alikes of other types.
STRINGS = ["a", "b", "", "a<b&c", "é", '"q"', "\\", str(OIDS[0]), "true", "1"]
KEYS = ["f", "g", "_id"]

scalars = st.one_of(
    st.sampled_from(STRINGS),
    st.sampled_from(OIDS),
    st.booleans(),
    st.none(),
    st.sampled_from([0, 1, 1.0]),
    st.just({"a": 1}),
)
values = st.one_of(st.lists(scalars, max_size=3), scalars)  # FerretDB: no nested arrays
documents = st.lists(
    st.fixed_dictionaries({}, optional={"f": values, "g": values}),
    min_size=4,
    max_size=12,
)
ids = st.one_of(st.sampled_from(OIDS), st.sampled_from(["id0", "id1", "id<2>"]))


@st.composite
def conditions(draw: st.DrawFn) -> dict[str, Any]:
    key = draw(st.sampled_from(KEYS))
    value = draw(ids if key == "_id" else scalars)
    shape = draw(st.sampled_from(["plain", "$eq", "$in", "$ne"]))
    if shape == "plain":
        return {key: value}
    if shape == "$in":
        more = draw(st.lists(ids if key == "_id" else scalars, max_size=2))
        return {key: {"$in": [value, *more]}}
    return {key: {shape: value}}


filters = st.recursive(
    conditions(),
    lambda inner: st.one_of(
        st.lists(inner, min_size=1, max_size=3).map(lambda fs: {"$or": fs}),
        st.lists(inner, min_size=1, max_size=3).map(lambda fs: {"$and": fs}),
        st.tuples(inner, inner).map(lambda two: {**two[0], **two[1]}),
    ),
    max_leaves=6,
)


@pytest.fixture(scope="module")
def collection(mongo_uri: str) -> Iterator[Collection[dict[str, Any]]]:
    with MongoClient(mongo_uri) as client:
        db = client[f"pushdown_{uuid.uuid4().hex[:10]}"]
        yield db["docs"]
        client.drop_database(db.name)


def _ids(collection: Collection[dict[str, Any]], query: dict[str, Any]) -> list[str]:
    return sorted(str(doc["_id"]) for doc in collection.find(query, {"_id": 1}))


@settings(
    max_examples=60,
    derandomize=True,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow],
)
@given(docs=documents, queries=st.lists(filters, min_size=4, max_size=10))
def test_a_filter_matches_the_same_documents_pushed_down_or_not(
    collection: Collection[dict[str, Any]],
    docs: list[dict[str, Any]],
    queries: list[dict[str, Any]],
) -> None:
    collection.delete_many({})
    collection.insert_many(
        [{"_id": OIDS[n] if n < 2 else f"id{n - 2}", **doc} for n, doc in enumerate(docs)]
    )
    for query in queries:
        plain = {"$nor": [{"$nor": [query]}]}
        assert _ids(collection, query) == _ids(collection, plain), query
        assert collection.count_documents(query) == collection.count_documents(plain), query


def test_pushdown_examples(collection: Collection[dict[str, Any]]) -> None:
    """Hand-picked cases: an array holding the value, a string spelling an ObjectId, a
    missing field, a bool against 1, `$or` with a branch that cannot be pushed down."""
    collection.delete_many({})
    collection.insert_many(
        [
            {"_id": "a", "f": ["x", "y"], "g": True},
            {"_id": "b", "f": str(OIDS[0]), "g": 1},
            {"_id": "c", "f": OIDS[0]},
            {"_id": "d", "g": False},
            {"_id": "e", "f": "x", "g": None},
        ]
    )
    assert _ids(collection, {"f": "x"}) == ["a", "e"]
    assert _ids(collection, {"f": OIDS[0]}) == ["c"]
    assert _ids(collection, {"f": str(OIDS[0])}) == ["b"]
    assert _ids(collection, {"g": True}) == ["a"]
    assert _ids(collection, {"g": {"$in": [False, None]}}) == ["c", "d", "e"]
    everything = ["a", "b", "c", "d", "e"]
    assert _ids(collection, {"$or": [{"f": "y"}, {"g": {"$ne": True}}]}) == everything
    assert _ids(collection, {"_id": {"$in": ["a", "e", "zz"]}, "f": "x"}) == ["a", "e"]
    assert _ids(collection, {"$and": [{"f": {"$eq": "x"}}, {"g": True}]}) == ["a"]
    # Over 1,000 values, $in is left to the handler (one SQL parameter each).
    many = [f"v{n}" for n in range(1_000)]
    assert _ids(collection, {"f": {"$in": [*many, "x"]}}) == ["a", "e"]
    assert _ids(collection, {"_id": {"$in": [*many, "b"]}}) == ["b"]
