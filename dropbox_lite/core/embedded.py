"""The embedded store's speed: mongomock answers like MongoDB, at a scan per question.

mongomock (under mongomock-motor) checks unique indexes and answers queries by running
every stored document through its filter machinery. Two patches, installed once per
process by `speed_up_mongomock` (core/db.py `open_memory` calls it), keep its answers
and drop most of that cost:
- unique indexes on plain fields are checked through a map of key tuples (`_UniqueMap`);
- a query naming a top-level field with `$in` over strings or ObjectIds first skips, by
  a set lookup, every document that cannot match (`_prefilter`); the rest still go
  through mongomock's own filter.
"""

from __future__ import annotations

from typing import Any

from bson import ObjectId
from pymongo.errors import DuplicateKeyError


def speed_up_mongomock() -> None:
    """Install both patches (once; later calls do nothing)."""
    _plain_unique_checks()
    _prefiltered_queries()


def _plain_unique_checks() -> None:
    """mongomock checks unique indexes after each document it writes by running a whole
    query over the collection through its filter machinery: a folder of 2,000 entries
    moved in one update_many took two minutes, and each 1 MiB chunk of a large upload
    walked every chunk already stored. Every unique index here is on plain top-level
    fields holding scalars; for those a map from key tuple to the ids holding it (see
    `_UniqueMap`) gives the same answer in constant time. Any other index keeps
    mongomock's own check."""
    from mongomock import collection, helpers

    patched: Any = collection.Collection
    if getattr(patched, "_plain_unique_checks", False):
        return
    original = patched._ensure_uniques

    def ensure_uniques(self: Any, new_data: dict[str, Any]) -> None:
        store = self._store
        uniques = [(name, i) for name, i in store.indexes.items() if i.get("unique")]
        if not uniques:
            return
        plain: list[tuple[_UniqueMap, tuple[Any, ...]]] = []
        for name, index in uniques:
            keys = tuple(key for key, _ in index["key"])
            wanted = tuple(new_data.get(key) for key in keys)
            if (
                index.get("sparse")
                or index.get("partialFilterExpression") is not None
                or any("." in key for key in keys)
                or not all(_plain(value) for value in wanted)
            ):
                original(self, new_data)
                return
            plain.append((_UniqueMap.of(store, name, keys), wanted))
        doc_id = new_data["_id"]
        doc_id = helpers.hashdict(doc_id) if isinstance(doc_id, dict) else doc_id
        for unique_map, wanted in plain:
            if unique_map.held_by_another(wanted, doc_id):
                raise DuplicateKeyError("E11000 Duplicate Key Error", 11000)
        for unique_map, wanted in plain:  # only once every index agreed
            unique_map.record(wanted, doc_id)

    patched._ensure_uniques = ensure_uniques
    patched._plain_unique_checks = True


def _plain(value: Any) -> bool:
    return not isinstance(value, list | dict)


class _UniqueMap:
    """One unique index of one mongomock collection: key tuple -> ids that held it.

    Every write mongomock makes to a document (insert, update, upsert) ends in
    `_ensure_uniques` with the document as stored, which records its key here; so no
    live document holds a key the map does not list. The map may list more (documents
    since deleted, or changed by a write that was rolled back): each candidate is checked
    against the stored document before it counts. It is rebuilt by one scan when the
    collection was dropped, the index changed, or stale ids pile up.
    """

    def __init__(self, store: Any, keys: tuple[str, ...]) -> None:
        self.documents = store._documents
        self.keys = keys
        self.by_key: dict[tuple[Any, ...], set[Any]] = {}
        self.of_id: dict[Any, tuple[Any, ...]] = {}
        for doc_id, doc in self.documents.items():
            key = self.key_of(doc)
            if key is not None:
                self.record(key, doc_id)

    @classmethod
    def of(cls, store: Any, name: str, keys: tuple[str, ...]) -> _UniqueMap:
        maps: dict[str, _UniqueMap] = store.__dict__.setdefault("_unique_maps", {})
        found = maps.get(name)
        if (
            found is None
            or found.documents is not store._documents
            or found.keys != keys
            or len(found.of_id) > 2 * len(store._documents) + 1000
        ):
            found = maps[name] = cls(store, keys)
        return found

    def key_of(self, doc: dict[str, Any]) -> tuple[Any, ...] | None:
        key = tuple(doc.get(field) for field in self.keys)
        return key if all(_plain(value) for value in key) else None

    def held_by_another(self, key: tuple[Any, ...], doc_id: Any) -> bool:
        holders = self.by_key.get(key)
        if not holders:
            return False
        for other in list(holders):
            if other == doc_id:
                continue
            doc = self.documents.get(other)
            if doc is not None and self.key_of(doc) == key:
                return True
            holders.discard(other)  # deleted, or its key moved on
            if self.of_id.get(other) == key:
                del self.of_id[other]
        return False

    def record(self, key: tuple[Any, ...], doc_id: Any) -> None:
        before = self.of_id.get(doc_id)
        if before is not None and before != key:
            self.by_key.get(before, set()).discard(doc_id)
        self.by_key.setdefault(key, set()).add(doc_id)
        self.of_id[doc_id] = key


_MISSING = object()


def _prefiltered_queries() -> None:
    """`{"field": {"$in": [ids or strings]}, ...}` made mongomock compare each document
    with each listed value in Python: a batch of 1,000 blocks asked about 1,000 ids of
    every stored block. The set of wanted values rejects most documents first."""
    from mongomock import collection, filtering

    patched: Any = collection.Collection
    if getattr(patched, "_prefiltered_queries", False):
        return
    original = patched._iter_documents
    applies: Any = filtering.filter_applies

    def iter_documents(self: Any, filter: Any) -> Any:
        wanted = _in_sets(filter)
        if not wanted:
            return original(self, filter)
        if self._store.is_empty:
            applies(filter, {})  # validates the filter, as mongomock does
        return (
            document
            for document in list(self._store.documents)
            if _may_match(document, wanted) and applies(filter, document)
        )

    patched._iter_documents = iter_documents
    patched._prefiltered_queries = True


def _in_sets(filter: Any) -> list[tuple[str, frozenset[Any]]]:
    """The top-level fields `filter` asks to be `$in` a list of strings or ObjectIds."""
    if not isinstance(filter, dict):
        return []
    found = []
    for key, condition in filter.items():
        if key.startswith("$") or "." in key or not isinstance(condition, dict):
            continue
        if list(condition) != ["$in"] or not isinstance(condition["$in"], list | tuple):
            continue
        values = condition["$in"]
        if all(type(value) is str or type(value) is ObjectId for value in values):
            found.append((key, frozenset(values)))
    return found


def _may_match(document: dict[str, Any], wanted: list[tuple[str, frozenset[Any]]]) -> bool:
    """False only when `document` cannot match: a wanted field missing or null, or a
    string, ObjectId or array of them none of which is listed. Other values (numbers,
    dates, documents) are left to mongomock's filter."""
    for key, values in wanted:
        value = document.get(key, _MISSING)
        if value is _MISSING or value is None:
            return False
        if type(value) is str or type(value) is ObjectId:
            if value not in values:
                return False
        elif isinstance(value, list):
            if all(type(item) is str or type(item) is ObjectId for item in value) and not any(
                item in values for item in value
            ):
                return False
    return True
