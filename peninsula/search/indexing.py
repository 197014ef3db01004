"""Writing entries into the index and taking them out, in bulk.

Every write keeps the running figures exact: each term's document frequency, and the
number and summed length of documents (for BM25's average length), and the count of
publications that "Total Index: N publications" shows.
"""

import datetime
import secrets
from collections import Counter

from django.db import connection, transaction
from django.db.models import F
from django.utils import timezone

from peninsula.core import cache_version
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
DOCUMENT_COLUMNS = (
    "key", "kind", "publication_type", "series_id", "year", "day", "title", "url", "summary",
    "meta", "facet_values", "text", "length", "indexed_at",
)  # fmt: skip
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


Analyzed = tuple[Entry, list[str], Counter, float]  # an entry and analyzed() of it


def analyze_entries(entries: list[Entry]) -> list[Analyzed]:
    """Analyze entries before writing them (the part a rebuild runs in worker processes);
    of two entries with one key, the last wins."""
    entries = list({entry.key: entry for entry in entries}.values())
    return [(entry, *analyzed(entry)) for entry in entries]


def write_entries(entries: list[Entry]):
    """Add or replace these entries (matched by key), in batches."""
    for start in range(0, len(entries), BATCH):
        write_analyzed(analyze_entries(entries[start : start + BATCH]))


def write_analyzed(analyzed: list[Analyzed]):
    """Add or replace these analyzed entries, in one transaction."""
    if analyzed:
        with transaction.atomic():
            _write_batch(analyzed)


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
        row, _ = SearchStats.objects.get_or_create(pk=1, defaults={"generation": new_generation()})
    return row


def new_generation() -> int:
    return secrets.randbits(62)


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
    """Add `delta` to each term's document frequency, once per time it is listed."""
    changes = [(term, delta * count) for term, count in Counter(term_ids).items()]
    table = SearchTerm._meta.db_table
    if connection.vendor == "postgresql":
        update_from_values(table, "documents = documents + v.change", "v.change::integer", changes)
    elif changes:
        with connection.cursor() as cursor:
            cursor.executemany(
                f"UPDATE {table} SET documents = documents + %s WHERE id = %s",
                [(change, term) for term, change in changes],
            )


def update_from_values(table: str, assignment: str, value_sql: str, rows: list[tuple]):
    """PostgreSQL: UPDATE many rows, each by id with its own value, 5,000 to a statement
    (UPDATE ... FROM VALUES): many times faster than a statement per row."""
    with connection.cursor() as cursor:
        for start in range(0, len(rows), 5000):
            chunk = rows[start : start + 5000]
            values = ", ".join(["(%s, %s)"] * len(chunk))
            cursor.execute(
                f"UPDATE {table} SET {assignment.replace('v.change', value_sql)} "
                f"FROM (VALUES {values}) AS v (id, change) WHERE {table}.id = v.id::bigint",
                [value for row in chunk for value in row],
            )


def _adjust_stats(documents: int, length: float, publications: int):
    stats()  # make sure the row exists
    SearchStats.objects.update(
        documents=F("documents") + documents,
        total_length=F("total_length") + length,
        publications=F("publications") + publications,
        generation=new_generation(),
    )
    if publications:
        # "Total Index: N publications" (counts.py) shows what search can find: the pages
        # read it afresh, once this write commits too (cache_version.forget).
        cache_version.forget()


def _term_ids(texts: set[str]) -> dict[str, int]:
    """The id of every term, adding the ones the index has not seen yet."""
    table = SearchTerm._meta.db_table
    found: dict[str, int] = {}

    postgres = connection.vendor == "postgresql"

    def look_up(wanted: list[str]):
        with connection.cursor() as cursor:
            if postgres:  # one statement, the list as one array parameter
                cursor.execute(f"SELECT text, id FROM {table} WHERE text = ANY(%s)", [wanted])
                found.update(cursor.fetchall())
                return
            for start in range(0, len(wanted), 900):
                chunk = wanted[start : start + 900]
                marks = ", ".join(["%s"] * len(chunk))
                cursor.execute(f"SELECT text, id FROM {table} WHERE text IN ({marks})", chunk)
                found.update(cursor.fetchall())

    look_up(list(texts))
    missing = [text for text in texts if text not in found]
    if missing:
        conflict = "ON CONFLICT (text) DO NOTHING"
        with connection.cursor() as cursor:
            if postgres:
                cursor.execute(
                    f"INSERT INTO {table} (text, documents) SELECT unnest(%s::text[]), 0 {conflict}",
                    [missing],
                )
            else:
                cursor.executemany(
                    f"INSERT INTO {table} (text, documents) VALUES (%s, 0) {conflict}",
                    [(text,) for text in missing],
                )
        look_up(missing)
    return found


def _insert_rows(model, columns: tuple[str, ...], rows: list[tuple]):
    """Many rows in one go, without a model instance each: COPY on PostgreSQL."""
    if not rows:
        return
    table = model._meta.db_table
    names = ", ".join(columns)
    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            with cursor.cursor.copy(f"COPY {table} ({names}) FROM STDIN") as copy:
                for row in rows:
                    copy.write_row(row)
        else:
            marks = ", ".join(["%s"] * len(columns))
            cursor.executemany(f"INSERT INTO {table} ({names}) VALUES ({marks})", rows)


def _write_batch(analyzed: list[Analyzed]):
    entries = [entry for entry, *_ in analyzed]
    old = list(
        SearchDocument.objects.filter(key__in=[entry.key for entry in entries]).values_list(
            "id", "length", "kind"
        )
    )
    _forget(old)
    backend = phrase_backend()
    written = connection.ops.adapt_datetimefield_value(timezone.now())
    rows = [
        (
            entry.key, entry.kind, entry.publication_type, entry.series_id,
            entry.date.year if entry.date else None, day_number(entry.date),
            entry.title[:500], entry.url[:500], entry.summary, entry.meta[:500],
            " ".join(f"{name}:{value}" for name, value in sorted(set(entry.facets))),
            entry.text, length, written,
        )
        for entry, _, _, length in analyzed
    ]  # fmt: skip
    _insert_rows(SearchDocument, DOCUMENT_COLUMNS, rows)
    ids = dict(
        SearchDocument.objects.filter(key__in=[entry.key for entry in entries]).values_list(
            "key", "id"
        )
    )
    term_ids = _term_ids({term for _, _, weights, _ in analyzed for term in weights})
    postings, facets, positions = [], [], []
    for entry, sequence, weights, length in analyzed:
        pk = ids[entry.key]
        postings += [(term_ids[term], pk, weight, length) for term, weight in weights.items()]
        facets += [(pk, facet, value) for facet, value in set(entry.facets)]
        positions.append((pk, sequence))
    postings.sort()  # in index order: B-tree pages filled in turn, not at random
    _insert_rows(SearchPosting, ("term_id", "document_id", "weight", "length"), postings)
    _insert_rows(SearchFacetValue, ("document_id", "facet", "value"), facets)
    backend.write(positions)
    _adjust_frequencies([row[0] for row in postings], +1)
    _adjust_stats(
        len(analyzed),
        sum(length for *_, length in analyzed),
        sum(entry.kind == DocumentKind.PUBLICATION for entry in entries),
    )


def clear():
    """Empty the whole index (before a rebuild)."""
    with transaction.atomic():
        for model in (SearchPosting, SearchFacetValue, SearchDocument, SearchTerm, SearchStats):
            _delete(model.objects.all())
        phrase_backend().clear()
        stats()
