"""Searching the index: BM25F scores in portable SQL, filters, facets, pages.

score(d) = sum over query terms t of idf(t) * w(t,d) * (k1 + 1) / (w(t,d) + k1 * (1 - b + b * len(d) / avglen))

where w(t,d) is the field-weighted frequency of t in d (title counts 3, tags 2, summary 1.5,
body 1). A document holding the query's words as one phrase scores 1.5 times more, and with
the recency prior on, a dated document gains up to 10% the newer it is.
"""

import datetime
import heapq
import math
from collections import Counter
from dataclasses import dataclass, field
from itertools import chain

from django.conf import settings
from django.db import connection
from django.utils.functional import cached_property

from peninsula.search import spelling
from peninsula.search.backends import phrase_backend
from peninsula.search.indexing import day_number, stats
from peninsula.search.models import SearchDocument, SearchFacetValue, SearchPosting, SearchTerm
from peninsula.search.query import ParsedQuery, parse

K1 = 1.2
B = 0.75
PHRASE_BOOST = 1.5
RERANK_WINDOW = 100
# Up to this many matching documents, one query fetches them all (score and facet columns)
# and Python ranks and counts them: cheaper than three SQL passes over the same postings.
IN_MEMORY_MATCHES = 50_000
PREFIX_WEIGHT = 0.7
CORRECTION_WEIGHT = 0.5
MAX_PREFIX_TERMS = 30
MAX_PAGE = 100
MAX_TERMS = 64  # a 500-character Korean query is ~500 bigrams; the first 64 decide

DOCS = SearchDocument._meta.db_table
POSTINGS = SearchPosting._meta.db_table
FACETS = SearchFacetValue._meta.db_table

# Filters read from the document row, and those read from its many-valued facets.
ROW_FILTERS = {"type": "publication_type", "series": "series_id", "year": "year", "kind": "kind"}
FACET_FILTERS = ("theme", "region", "topic", "author")
INTEGER_FILTERS = {"series", "year", *FACET_FILTERS}


@dataclass
class Hit:
    id: int
    key: str
    kind: str
    title: str
    url: str
    summary: str
    meta: str
    day: int | None
    score: float
    text: str = ""

    @property
    def date(self) -> datetime.date | None:
        return (
            None if self.day is None else datetime.date(1970, 1, 1) + datetime.timedelta(self.day)
        )


@dataclass
class Results:
    query: ParsedQuery
    hits: list[Hit] = field(default_factory=list)
    total: int = 0
    facets: dict[str, dict[str, int]] = field(default_factory=dict)
    page: int = 1
    page_size: int = 10
    corrections: dict[str, str] = field(default_factory=dict)  # typed word -> indexed term

    @property
    def pages(self) -> int:
        return max(1, math.ceil(self.total / self.page_size))


def clean_filters(raw: dict) -> dict:
    """Only known filters, integer ones as integers; anything malformed is dropped."""
    clean = {}
    for name in (*ROW_FILTERS, *FACET_FILTERS):
        value = raw.get(name)
        if value in (None, ""):
            continue
        if name in INTEGER_FILTERS:
            try:
                value = int(value)
            except (TypeError, ValueError):
                continue
            if not -(2**31) < value < 2**31:
                continue
        else:
            value = str(value)[:32]
        clean[name] = value
    return clean


def search(
    raw: str,
    *,
    filters: dict | None = None,
    sort: str = "relevance",
    page: int = 1,
    page_size: int = 10,
    facets: bool = True,
    prefix_last: bool = False,
    correct: bool = True,
) -> Results:
    query = parse(raw, prefix_last=prefix_last)
    page = min(max(1, page), MAX_PAGE)
    results = Results(query=query, page=page, page_size=page_size)
    if query.is_empty:
        return results
    figures = stats()
    weights, corrections = _term_weights(query, correct, max(figures.documents, 1))
    results.corrections = corrections
    if not weights:
        return results
    plan = _Plan(query, weights, clean_filters(filters or {}), figures)
    offset = (page - 1) * page_size
    if plan.matches_at_most() <= IN_MEMORY_MATCHES:
        window = max(RERANK_WINDOW, offset + page_size)
        ranked, results.total, results.facets = plan.all_matches(sort, facets, window)
    else:  # too many to hold: let the database sort, count and group
        ranked = plan.ranked(sort, max(RERANK_WINDOW, offset + page_size))
        results.total, results.facets = plan.facets() if facets else (plan.count(), {})
    results.hits = plan.hits(ranked, sort, page_size, offset)
    return results


def _idf(df: int, documents: int) -> float:
    return math.log(1 + (documents - df + 0.5) / (df + 0.5))


def _term_weights(
    query: ParsedQuery, correct: bool, documents: int
) -> tuple[dict[int, float], dict[str, str]]:
    """{term id: idf weight} for every term to score, and spelling corrections made."""
    wanted = query.should_terms[:MAX_TERMS]
    rows = SearchTerm.objects.filter(text__in=wanted, documents__gt=0).values_list(
        "text", "id", "documents"
    )
    found = {text: (pk, df) for text, pk, df in rows}
    weights = {pk: _idf(df, documents) for pk, df in found.values()}
    corrections = {}
    if correct:
        for word in query.words:
            if word.prefix or len(word.terms) != 1 or word.terms[0] in found:
                continue
            better = spelling.correct(word.terms[0])
            if better:
                corrections[word.text] = better
        rows = SearchTerm.objects.filter(text__in=corrections.values()).values_list(
            "id", "documents"
        )
        for pk, df in rows:
            # A guess at what was meant counts for less than words the index knows, so a
            # real word it lacks ("canker") changes the ranking of the others only a little.
            weights.setdefault(pk, CORRECTION_WEIGHT * _idf(df, documents))
    for prefix in query.prefixes:
        expansions = (
            SearchTerm.objects.filter(
                text__gte=prefix, text__lt=prefix + spelling.TOP, documents__gt=0
            )
            .order_by("-documents")
            .values_list("id", "documents")[:MAX_PREFIX_TERMS]
        )
        for pk, df in expansions:
            weights.setdefault(pk, PREFIX_WEIGHT * _idf(df, documents))
    return weights, corrections


class _Plan:
    """The SQL for one query: scored candidates, then conditions on the document row."""

    def __init__(self, query: ParsedQuery, weights: dict[int, float], filters: dict, figures):
        self.query, self.weights, self.filters = query, weights, filters
        self.average_length = max(figures.total_length / max(figures.documents, 1), 1.0)
        self.backend = phrase_backend()

    @cached_property
    def excluded_ids(self) -> list[int]:
        """Ids of the -excluded words (looked up once; the SQL is built more than once)."""
        return list(
            SearchTerm.objects.filter(text__in=self.query.excluded_terms).values_list(
                "id", flat=True
            )
        )

    def _where(self) -> tuple[str, list]:
        conditions, params = ["1 = 1"], []
        for name, column in ROW_FILTERS.items():
            if name in self.filters:
                conditions.append(f"d.{column} = %s")
                params.append(self.filters[name])
        for name in FACET_FILTERS:
            if name in self.filters:
                conditions.append(
                    f"EXISTS (SELECT 1 FROM {FACETS} f WHERE f.document_id = d.id "
                    "AND f.facet = %s AND f.value = %s)"
                )
                params += [name, self.filters[name]]
        if self.query.phrases:
            sql, extra = self.backend.condition(self.query.phrases)
            conditions.append(sql)
            params += extra
        for phrase in self.query.excluded_phrases:
            sql, extra = self.backend.condition([phrase])
            conditions.append(f"NOT ({sql})")
            params += extra
        excluded = self.excluded_ids
        if excluded:
            marks = ", ".join(["%s"] * len(excluded))
            conditions.append(
                f"NOT EXISTS (SELECT 1 FROM {POSTINGS} x WHERE x.document_id = d.id "
                f"AND x.term_id IN ({marks}))"
            )
            params += excluded
        return " AND ".join(conditions), params

    def _matched(self) -> tuple[str, list]:
        marks = ", ".join(["%s"] * len(self.weights))
        where, params = self._where()
        sql = (
            f"SELECT d.id, d.kind, d.publication_type, d.series_id, d.year FROM {DOCS} d "
            f"WHERE d.id IN (SELECT p.document_id FROM {POSTINGS} p WHERE p.term_id IN ({marks})) "
            f"AND {where}"
        )
        return sql, [*self.weights, *params]

    def matches_at_most(self) -> int:
        """An upper bound on the matches, from the postings index alone."""
        marks = ", ".join(["%s"] * len(self.weights))
        with connection.cursor() as cursor:
            cursor.execute(
                f"SELECT COUNT(*) FROM {POSTINGS} WHERE term_id IN ({marks})", list(self.weights)
            )
            return cursor.fetchone()[0]

    def _scored_sql(self, columns: str, order: str = "", limit: int | None = None):
        cases = " ".join("WHEN %s THEN %s" for _ in self.weights)
        marks = ", ".join(["%s"] * len(self.weights))
        score_params = [value for pair in self.weights.items() for value in pair]
        saturation = f"p.weight * {K1 + 1} / (p.weight + {K1} * ({1 - B} + {B} * p.length / %s))"
        where, where_params = self._where()
        recency = float(getattr(settings, "PENINSULA_SEARCH_RECENCY_WEIGHT", 0.1))
        today = day_number(datetime.date.today())
        sql = (
            f"WITH s AS (SELECT p.document_id AS id, "
            f"SUM(CASE p.term_id {cases} ELSE 0 END * {saturation}) AS score "
            f"FROM {POSTINGS} p WHERE p.term_id IN ({marks}) GROUP BY p.document_id) "
            f"SELECT d.id, s.score * (CASE WHEN d.day IS NULL THEN 1.0 "
            f"ELSE 1.0 + %s / (1.0 + ABS(%s - d.day) / 365.0) END) AS base, {columns} "
            f"FROM s JOIN {DOCS} d ON d.id = s.id WHERE {where}"
        )
        params = [
            *score_params, self.average_length, *self.weights, recency, today, *where_params,
        ]  # fmt: skip
        if order:
            sql += f" ORDER BY {order} LIMIT %s"
            params.append(limit)
        return sql, params

    def all_matches(self, sort: str, facets: bool, window: int):
        """(ranked ids and scores, total, facet counts) from one pass over every match."""
        sql, params = self._scored_sql(
            "d.day, d.kind, d.publication_type, d.series_id, d.year, d.facet_values"
        )
        with connection.cursor() as cursor:
            cursor.execute(sql, params)
            rows = cursor.fetchall()
        counts: dict[str, dict[str, int]] = {}
        if facets:
            # Counted in C: Counter over whole columns and over "name:value" tokens.
            for name, index in (("kind", 3), ("type", 4), ("series", 5), ("year", 6)):
                column = Counter(row[index] for row in rows)
                counts[name] = {str(v): n for v, n in column.items() if v not in (None, "")}
            tokens = Counter(chain.from_iterable(row[7].split() for row in rows))
            for token, count in tokens.items():
                name, _, value = token.partition(":")
                counts.setdefault(name, {})[value] = count
        if sort == "date":
            key = lambda row: (row[2] if row[2] is not None else -1_000_000, row[0])  # noqa: E731
        else:
            key = lambda row: (row[1], row[0])  # noqa: E731
        best = heapq.nlargest(window, rows, key=key)
        ranked = [(row[0], row[1]) for row in best]
        return ranked, len(rows), {name: found for name, found in counts.items() if found}

    def ranked(self, sort: str, limit: int) -> list[tuple[int, float]]:
        """(document id, score with the recency prior) of the first `limit` matches."""
        order = (
            "COALESCE(d.day, -1000000) DESC, d.id DESC"
            if sort == "date"
            else "base DESC, d.id DESC"
        )
        sql, params = self._scored_sql("d.day", order, limit)
        with connection.cursor() as cursor:
            cursor.execute(sql, params)
            return [(row[0], row[1]) for row in cursor.fetchall()]

    def hits(self, ranked, sort: str, limit: int, offset: int) -> list[Hit]:
        """One page of hits. The exact-phrase boost is applied to the best RERANK_WINDOW
        (or more, deep in the results) by base score: checking a phrase needs term
        positions, and reading them for every match of common words costs more than the
        rest of the query."""
        if sort != "date" and len(self.query.sequence) > 1 and ranked:
            window = ranked[: max(RERANK_WINDOW, limit + offset)]
            with_phrase = self.backend.matching([pk for pk, _ in window], self.query.sequence)
            window = [
                (pk, score * (PHRASE_BOOST if pk in with_phrase else 1.0)) for pk, score in window
            ]
            window.sort(key=lambda pair: (pair[1], pair[0]), reverse=True)
            ranked = window + ranked[len(window) :]
        page = ranked[offset : offset + limit]
        scores = dict(page)
        rows = SearchDocument.objects.filter(pk__in=scores).values_list(
            "id", "key", "kind", "title", "url", "summary", "meta", "day", "text"
        )
        found = {row[0]: Hit(*row[:8], score=scores[row[0]], text=row[8]) for row in rows}
        return [found[pk] for pk, _ in page if pk in found]

    def count(self) -> int:
        sql, params = self._matched()
        with connection.cursor() as cursor:
            cursor.execute(f"SELECT COUNT(*) FROM ({sql}) m", params)
            return cursor.fetchone()[0]

    def facets(self) -> tuple[int, dict[str, dict[str, int]]]:
        """The total and, per facet, {value: count} over everything the query matched."""
        matched, params = self._matched()
        parts = ["SELECT 'total', '', COUNT(*) FROM m"]
        for name, column in ROW_FILTERS.items():
            parts.append(
                f"SELECT '{name}', CAST(m.{column} AS TEXT), COUNT(*) FROM m "
                f"WHERE m.{column} IS NOT NULL GROUP BY m.{column}"
            )
        parts.append(
            f"SELECT f.facet, CAST(f.value AS TEXT), COUNT(*) FROM m "
            f"JOIN {FACETS} f ON f.document_id = m.id GROUP BY f.facet, f.value"
        )
        # MATERIALIZED: computed once, not once per facet.
        sql = f"WITH m AS MATERIALIZED ({matched}) " + " UNION ALL ".join(parts)
        counts: dict[str, dict[str, int]] = {}
        total = 0
        with connection.cursor() as cursor:
            cursor.execute(sql, params)
            for name, value, count in cursor.fetchall():
                if name == "total":
                    total = count
                elif value:
                    counts.setdefault(name, {})[value] = count
        return total, counts
