"""The embedded store's unique indexes (core/embedded.py `_UniqueMap`) agree with a model.

mongomock's own check scans the collection per written document; core/embedded.py replaces it,
for plain indexes, by a map from key tuple to ids. Random inserts, updates (of the key
and of other fields), upserts, deletes and drops must be refused or accepted exactly as a
unique index would, and leave exactly the documents the model holds.
"""

from __future__ import annotations

from typing import Any

import pytest
from bson import ObjectId
from hypothesis import given, settings
from hypothesis import strategies as st
from pymongo.errors import DuplicateKeyError

from dropbox_lite.core import embedded

IDS = st.integers(0, 5)
VALUES = st.sampled_from(["x", "y", None, 1])
OPS = st.lists(
    st.one_of(
        st.tuples(st.just("insert"), IDS, VALUES, VALUES),
        st.tuples(st.just("set_key"), IDS, VALUES, VALUES),
        st.tuples(st.just("set_many"), VALUES, VALUES, VALUES),
        st.tuples(st.just("touch"), IDS, VALUES, VALUES),
        st.tuples(st.just("upsert"), IDS, VALUES, VALUES),
        st.tuples(st.just("delete"), IDS, VALUES, VALUES),
        st.tuples(st.just("drop"), IDS, VALUES, VALUES),
    ),
    max_size=40,
)


def _collection() -> Any:
    from mongomock import MongoClient

    embedded.speed_up_mongomock()
    collection = MongoClient()["t"]["c"]
    collection.create_index([("a", 1), ("b", 1)], unique=True)
    return collection


def _clash(model: dict[int, tuple[Any, Any]], doc_id: int, key: tuple[Any, Any]) -> bool:
    return any(other != doc_id and held == key for other, held in model.items())


@settings(max_examples=300, deadline=None)
@given(OPS)
def test_unique_index_matches_a_model(ops: list[tuple[str, Any, Any, Any]]) -> None:
    collection = _collection()
    model: dict[int, tuple[Any, Any]] = {}
    for kind, doc_id, a, b in ops:
        key = (a, b)
        expect_refused = False
        if kind == "insert":
            expect_refused = doc_id in model or _clash(model, doc_id, key)
        elif kind in ("set_key", "upsert"):
            exists = doc_id in model
            expect_refused = (exists or kind == "upsert") and _clash(model, doc_id, key)
            if not exists and kind == "set_key":
                key = None  # type: ignore[assignment]
        elif kind == "set_many":  # b = `b` on every document whose a is `doc_id`
            order = [d["_id"] for d in collection.find({"a": doc_id})]  # the store's order
            refused = False
            try:
                collection.update_many({"a": doc_id}, {"$set": {"b": b}})
            except DuplicateKeyError:
                refused = True
            clashed = False
            for i in order:  # applied one by one, up to the first clash
                new = (model[i][0], b)
                if _clash(model, i, new):
                    clashed = True
                    break
                model[i] = new
            assert refused == clashed
            _check(collection, model)
            continue
        elif kind == "touch":  # a write that leaves the key alone
            collection.update_one({"_id": doc_id}, {"$set": {"other": a}})
            _check(collection, model)
            continue
        elif kind == "delete":
            collection.delete_one({"_id": doc_id})
            model.pop(doc_id, None)
            _check(collection, model)
            continue
        else:
            collection.delete_many({})
            model.clear()
            _check(collection, model)
            continue
        if expect_refused:
            with pytest.raises(DuplicateKeyError):
                _write(collection, kind, doc_id, a, b)
        else:
            _write(collection, kind, doc_id, a, b)
            if key is not None:
                model[doc_id] = key
        _check(collection, model)


def _write(collection: Any, kind: str, doc_id: int, a: Any, b: Any) -> None:
    if kind == "insert":
        collection.insert_one({"_id": doc_id, "a": a, "b": b})
    else:
        collection.update_one({"_id": doc_id}, {"$set": {"a": a, "b": b}}, upsert=kind == "upsert")


def _check(collection: Any, model: dict[int, tuple[Any, Any]]) -> None:
    stored = {doc["_id"]: (doc.get("a"), doc.get("b")) for doc in collection.find()}
    assert stored == model


def test_an_index_made_after_the_documents_sees_them() -> None:
    from mongomock import MongoClient

    embedded.speed_up_mongomock()
    collection = MongoClient()["t"]["late"]
    collection.insert_many([{"_id": 1, "k": "a"}, {"_id": 2, "k": "b"}])
    collection.create_index([("k", 1)], unique=True)
    with pytest.raises(DuplicateKeyError):
        collection.insert_one({"_id": 3, "k": "a"})
    collection.drop()
    collection.create_index([("k", 1)], unique=True)
    collection.insert_one({"_id": 3, "k": "a"})  # the drop took the old holders with it
    assert [d["_id"] for d in collection.find({"k": "a"})] == [3]


SCALARS = st.one_of(
    st.sampled_from(["a", "b", "c"]),
    st.sampled_from([ObjectId("0" * 24), ObjectId("1" * 24)]),
    st.sampled_from([None, 1, 2.0, True]),
)
FIELD = st.one_of(SCALARS, st.lists(SCALARS, max_size=3), st.just({"a": 1}))


@settings(max_examples=300, deadline=None)
@given(
    docs=st.lists(st.dictionaries(st.sampled_from(["f", "g"]), FIELD), max_size=8),
    wanted=st.lists(
        st.one_of(st.sampled_from(["a", "b", "z"]), st.just(ObjectId("0" * 24))), max_size=3
    ),
    wanted_g=st.lists(st.sampled_from(["a", "c"]), max_size=2),
    also_g=st.booleans(),
)
def test_in_queries_find_what_mongomock_finds(
    docs: list[dict[str, Any]], wanted: list[Any], wanted_g: list[Any], also_g: bool
) -> None:
    """The `$in` prefilter never hides a document mongomock's own filter would match."""
    from mongomock import MongoClient, filtering

    embedded.speed_up_mongomock()
    collection = MongoClient()["t"]["in"]
    for number, doc in enumerate(docs):
        collection.insert_one({"_id": number, **doc})
    query: dict[str, Any] = {"f": {"$in": wanted}}
    if also_g:
        query["g"] = {"$in": wanted_g}
    found = sorted(doc["_id"] for doc in collection.find(query))
    expected = sorted(
        number
        for number, doc in enumerate(docs)
        if filtering.filter_applies(query, {"_id": number, **doc})  # type: ignore[no-untyped-call]
    )
    assert found == expected
