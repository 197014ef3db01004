"""The in-memory snapshot of the index: always what the database holds, within its budget."""

import pytest
from django.db import transaction

from peninsula.search import engine, indexing, snapshot
from peninsula.search.documents import Entry

pytestmark = pytest.mark.django_db


def entry(key, title, facets=()):
    return Entry(
        key=key,
        kind="publication",
        title=title,
        publication_type="commentary",
        fields={"title": title, "body": "A note on the week's events."},
        facets=list(facets),
    )


def keys(text, **options):
    return sorted(hit.key for hit in engine.search(text, **options).hits)


def test_empty_index_finds_nothing():
    found = engine.search("sanctions")
    assert found.total == 0 and found.hits == [] and found.facets == {}


def test_a_write_is_seen_by_the_next_search_and_a_rollback_undoes_it():
    indexing.write_entries([entry("a", "Sanctions at sea")])
    held = snapshot.current(indexing.stats())
    assert keys("sanctions") == ["a"]
    assert snapshot.current(indexing.stats()) is held  # nothing changed: the same copy

    with pytest.raises(RuntimeError), transaction.atomic():
        indexing.write_entries([entry("b", "Sanctions on land")])
        assert keys("sanctions") == ["a", "b"]  # inside the transaction, its own write
        raise RuntimeError("roll back")
    assert keys("sanctions") == ["a"]

    indexing.remove_keys(["a"])
    assert keys("sanctions") == []


def test_filters_on_values_nobody_carries_find_nothing():
    indexing.write_entries([entry("a", "Sanctions at sea", facets=[("theme", 7)])])
    assert keys("sanctions", filters={"theme": 7}) == ["a"]
    assert keys("sanctions", filters={"theme": 8}) == []
    assert keys("sanctions", filters={"type": "report"}) == []
    assert keys("sanctions", filters={"year": 1999}) == []


def test_postings_beyond_the_budget_are_read_again_not_kept(monkeypatch):
    indexing.write_entries(
        [entry(f"doc{n}", f"Sanctions review {n} maritime") for n in range(6)]
        + [entry("other", "Climate finance")]
    )
    monkeypatch.setattr(snapshot, "POSTINGS_BUDGET", 7)
    held = snapshot.current(indexing.stats())
    assert len(keys("sanctions")) == 6  # six postings: kept
    assert len(keys("maritime climate")) == 7  # six and one more: the oldest term goes
    assert held._held <= 7
    assert len(keys("sanctions maritime")) == 6  # read again, same answer
    assert held._held <= 7
