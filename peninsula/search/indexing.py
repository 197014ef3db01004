"""Writing entries into the index and taking them out, in bulk.

Every write keeps the running figures exact: each term's document frequency, and the
number and summed length of documents (for BM25's average length), and the count of
publications that "Total Index: N publications" shows.
"""

import datetime
from collections import Counter

from django.db import transaction
from django.db.models import F

from peninsula.search.analyzer import analyze
from peninsula.search.backends import phrase_backend
from peninsula.search.documents import FIELD_WEIGHTS, Entry
from peninsula.search.models import (
    DocumentKind,
    SearchDocument,
    SearchFacetValue,
    SearchPosting,
    SearchStats,
    SearchTerm,
)

EPOCH = datetime.date(1970, 1, 1)
BATCH = 500


def day_number(date: datetime.date | None) -> int | None:
    return (date - EPOCH).days if date else None


def analyzed(entry: Entry) -> tuple[list[str], Counter, float]:
    """(terms in order for phrases, field-weighted frequency per term, weighted length)."""
    sequence, weights, length = [], Counter(), 0.0
    for name in ("title", "summary", "tags", "body"):
        terms = analyze(entry.fields.get(name) or "")
        weight = FIELD_WEIGHTS[name]
        sequence += terms
        length += weight * len(terms)
        for term in terms:
            weights[term] += weight
    return sequence, weights, length


def write_entries(entries: list[Entry]):
    """Add or replace these entries (matched by key), in batches."""
    for start in range(0, len(entries), BATCH):
        with transaction.atomic():
            _write_batch(entries[start : start + BATCH])


def remove_keys(keys: list[str]):
    """Take these documents out of the index (keys not in it are ignored)."""
    with transaction.atomic():
        documents = list(
            SearchDocument.objects.filter(key__in=keys).values_list("id", "length", "kind")
        )
        _forget(documents)


def stats() -> SearchStats:
    row = SearchStats.objects.first()
    if row is None:
        row, _ = SearchStats.objects.get_or_create(pk=1)
    return row


def _delete(queryset):
    """One DELETE statement; index rows have no signals or dependants worth loading."""
    queryset._raw_delete(queryset.db)


def _forget(documents: list[tuple[int, float, str]]):
    """Remove documents, their postings and facets, and take them out of the figures."""
    if not documents:
        return
    ids = [pk for pk, _, _ in documents]
    _adjust_frequencies(
        SearchPosting.objects.filter(document_id__in=ids).values_list("term_id", flat=True), -1
    )
    _delete(SearchPosting.objects.filter(document_id__in=ids))
    _delete(SearchFacetValue.objects.filter(document_id__in=ids))
    phrase_backend().delete(ids)
    _delete(SearchDocument.objects.filter(id__in=ids))
    _adjust_stats(
        -len(ids),
        -sum(length for _, length, _ in documents),
        -sum(kind == DocumentKind.PUBLICATION for _, _, kind in documents),
    )


def _adjust_frequencies(term_ids, delta: int):
    by_count = Counter(Counter(term_ids).values())  # how many terms change by each amount
    per_term = Counter(term_ids)
    for amount in by_count:
        ids = [term for term, count in per_term.items() if count == amount]
        for start in range(0, len(ids), 900):
            SearchTerm.objects.filter(id__in=ids[start : start + 900]).update(
                documents=F("documents") + delta * amount
            )


def _adjust_stats(documents: int, length: float, publications: int):
    from peninsula.publications.counts import refresh_published_count

    stats()  # make sure the row exists
    SearchStats.objects.update(
        documents=F("documents") + documents,
        total_length=F("total_length") + length,
        publications=F("publications") + publications,
    )
    if publications:
        # "Total Index: N publications" shows what search can find. Whoever rolls back a
        # write refreshes it again (see importers.actions).
        refresh_published_count()


def _term_ids(texts: set[str]) -> dict[str, int]:
    texts = list(texts)
    found = {}
    for start in range(0, len(texts), 900):
        chunk = texts[start : start + 900]
        found.update(SearchTerm.objects.filter(text__in=chunk).values_list("text", "id"))
    missing = [text for text in texts if text not in found]
    if missing:
        SearchTerm.objects.bulk_create(
            [SearchTerm(text=text) for text in missing], batch_size=900, ignore_conflicts=True
        )
        for start in range(0, len(missing), 900):
            chunk = missing[start : start + 900]
            found.update(SearchTerm.objects.filter(text__in=chunk).values_list("text", "id"))
    return found


def _write_batch(entries: list[Entry]):
    entries = list({entry.key: entry for entry in entries}.values())  # last one wins
    old = list(
        SearchDocument.objects.filter(key__in=[entry.key for entry in entries]).values_list(
            "id", "length", "kind"
        )
    )
    _forget(old)
    prepared = [(entry, *analyzed(entry)) for entry in entries]
    documents = SearchDocument.objects.bulk_create(
        [
            SearchDocument(
                key=entry.key,
                kind=entry.kind,
                publication_type=entry.publication_type,
                series_id=entry.series_id,
                year=entry.date.year if entry.date else None,
                day=day_number(entry.date),
                title=entry.title[:500],
                url=entry.url[:500],
                summary=entry.summary,
                meta=entry.meta[:500],
                text=entry.text,
                length=length,
            )
            for entry, _, _, length in prepared
        ]
    )
    if any(document.pk is None for document in documents):  # backends without RETURNING
        ids = dict(
            SearchDocument.objects.filter(key__in=[d.key for d in documents]).values_list(
                "key", "id"
            )
        )
        for document in documents:
            document.pk = ids[document.key]
    term_ids = _term_ids({term for _, _, weights, _ in prepared for term in weights})
    postings, facets, positions = [], [], []
    for document, (entry, sequence, weights, length) in zip(documents, prepared, strict=True):
        postings += [
            SearchPosting(
                term_id=term_ids[term], document_id=document.pk, weight=weight, length=length
            )
            for term, weight in weights.items()
        ]
        facets += [
            SearchFacetValue(document_id=document.pk, facet=facet, value=value)
            for facet, value in set(entry.facets)
        ]
        positions.append((document.pk, sequence))
    SearchPosting.objects.bulk_create(postings, batch_size=2000)
    SearchFacetValue.objects.bulk_create(facets, batch_size=2000)
    phrase_backend().write(positions)
    _adjust_frequencies([posting.term_id for posting in postings], +1)
    _adjust_stats(
        len(documents),
        sum(length for *_, length in prepared),
        sum(entry.kind == DocumentKind.PUBLICATION for entry in entries),
    )


def clear():
    """Empty the whole index (before a rebuild)."""
    with transaction.atomic():
        for model in (SearchPosting, SearchFacetValue, SearchDocument, SearchTerm, SearchStats):
            _delete(model.objects.all())
        phrase_backend().clear()
        stats()
