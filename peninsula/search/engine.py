"""Searching the index: BM25F scores, filters and facets over the in-memory snapshot of
the index (snapshot.py), phrases from the engine's full-text index, pages of hits.

score(d) = sum over query terms t of idf(t) * w(t,d) * (k1 + 1) / (w(t,d) + k1 * (1 - b + b * len(d) / avglen))

where w(t,d) is the field-weighted frequency of t in d (title counts 3, tags 2, summary 1.5,
body 1). A document holding the query's words as one phrase scores 1.5 times more, and with
the recency prior on, a dated document gains up to 10% the newer it is.
"""

import datetime
import math
from dataclasses import dataclass, field

import numpy as np

from peninsula.search import snapshot, spelling
from peninsula.search.backends import phrase_backend
from peninsula.search.indexing import stats
from peninsula.search.models import SearchDocument, SearchTerm
from peninsula.search.query import ParsedQuery, parse

PHRASE_BOOST = 1.5
RERANK_WINDOW = 100
PREFIX_WEIGHT = 0.7
CORRECTION_WEIGHT = 0.5
MAX_PREFIX_TERMS = 30
MAX_PAGE = 100
MAX_TERMS = 64  # a 500-character Korean query is ~500 bigrams; the 64 rarest decide

# Filters read from the document row, and those read from its many-valued facets.
ROW_FILTERS = snapshot.ROW_FACETS
FACET_FILTERS = snapshot.MANY_FACETS
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
    window = max(RERANK_WINDOW, offset + page_size)
    ranked, results.total, results.facets = plan.run(sort, facets, window)
    results.hits = plan.hits(ranked, sort, page_size, offset)
    return results


def _idf(df: int, documents: int) -> float:
    # Never zero or below, even when a write between reading the figures and the terms
    # makes df the larger: a matching document must score above zero (see _Plan.matched).
    documents = max(documents, df)
    return math.log(1 + (documents - df + 0.5) / (df + 0.5))


def _term_weights(
    query: ParsedQuery, correct: bool, documents: int
) -> tuple[dict[int, float], dict[str, str]]:
    """{term id: idf weight} for every term to score, and spelling corrections made.

    Of a very long query only the MAX_TERMS rarest indexed terms score: they carry the
    query's meaning, and the commonest add time, not order. (A term the query repeats
    counts once: counting it as often, as some BM25s do, cost SciFact 0.0006 nDCG@10.)"""
    rows = SearchTerm.objects.filter(text__in=query.should_terms, documents__gt=0).values_list(
        "text", "id", "documents"
    )
    found = {text: (pk, df) for text, pk, df in rows}
    rarest = sorted(found.items(), key=lambda item: (item[1][1], item[0]))[:MAX_TERMS]
    weights = {pk: _idf(df, documents) for _, (pk, df) in rarest}
    corrections = {}
    if correct:
        for word in query.words:
            if word.prefix or len(word.terms) != 1 or word.terms[0] in found:
                continue
            # A number the index lacks (12345, 20190315) is not a misspelling of the
            # nearest one: "12346" would only add a wrong figure to the query. Codes of
            # letters and digits still are corrected: on SciFact "vps9a" finds "vps9".
            if word.text.isdigit():
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
    """One query over the in-memory snapshot: which documents match, their scores, the
    facet counts; the database is asked only for phrases and for the page of hits."""

    def __init__(self, query: ParsedQuery, weights: dict[int, float], filters: dict, figures):
        self.query, self.weights, self.filters = query, weights, filters
        self.snapshot = snapshot.current(figures)
        self.backend = phrase_backend()

    def scores(self) -> np.ndarray:
        """BM25F per document (0 where no term matched)."""
        scores = np.zeros(self.snapshot.size)
        for term_id, idf in self.weights.items():
            rows, part = self.snapshot.term(term_id)
            # The product in double precision: stored parts are single, scores are not.
            weights = np.multiply(part, idf, dtype=np.float64)
            scores += np.bincount(rows, weights=weights, minlength=self.snapshot.size)
        return scores

    def matched(self, scores: np.ndarray) -> np.ndarray:
        """A mask of the documents that match: a scoring term, every filter and phrase,
        no exclusion."""
        held, size = self.snapshot, self.snapshot.size
        mask = scores > 0
        for name, value in self.filters.items():
            mask &= held.facets[name].having(value, size)
        if self.query.phrases and mask.any():
            mask &= held.mask_of(self.backend.holding(self.query.phrases))
        for phrase in self.query.excluded_phrases:
            mask &= ~held.mask_of(self.backend.holding([phrase]))
        if self.query.excluded_terms:
            excluded = SearchTerm.objects.filter(text__in=self.query.excluded_terms)
            mask &= ~held.holding(excluded.values_list("id", flat=True))
        return mask

    def run(self, sort: str, facets: bool, window: int):
        """(the first `window` (id, score) pairs in order, total, facet counts)."""
        held = self.snapshot
        scores = self.scores()
        mask = self.matched(scores)
        counts = {}
        if facets:
            for name, column in held.facets.items():
                found = column.counts(mask)
                if found:
                    counts[name] = found
        rows = np.flatnonzero(mask)
        recency = held.recency()
        base = scores[rows] * recency[rows] if recency is not None else scores[rows]
        # Undated documents sort after every dated one.
        key = np.nan_to_num(held.day[rows], nan=-1_000_000.0) if sort == "date" else base
        if len(rows) > window:  # the best `window`, and any tied with the last of them
            cut = np.partition(key, len(key) - window)[len(key) - window]
            best = key >= cut
            rows, key, base = rows[best], key[best], base[best]
        ids = held.ids[rows]
        order = np.lexsort((-ids, -key))[:window]
        ranked = list(zip(ids[order].tolist(), base[order].tolist(), strict=True))
        return ranked, int(mask.sum()), counts

    def hits(self, ranked, sort: str, limit: int, offset: int) -> list[Hit]:
        """One page of hits. The exact-phrase boost is applied to the best RERANK_WINDOW
        (or more, deep in the results) by base score: checking a phrase needs term
        positions, and reading them for every match of common words costs more than the
        rest of the query."""
        sequence = self.query.sequence
        # A query that is one quoted phrase: every match holds it, the boost changes nothing.
        if sort != "date" and len(sequence) > 1 and ranked and sequence not in self.query.phrases:
            window = ranked[: max(RERANK_WINDOW, limit + offset)]
            with_phrase = self.backend.matching([pk for pk, _ in window], sequence)
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
