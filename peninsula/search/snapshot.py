"""The index's columns in memory, one copy per process, as numpy arrays.

Ranking, filtering and counting facets read a few numbers for every document a query
matches: tens of thousands of them for two common words in a large archive. Summing
postings and grouping facets in SQL cost hundreds of milliseconds at 100,000 publications;
the same passes over arrays take a few. The database stays the truth: every write to the
index gives it a new generation (indexing._adjust_stats), and a search that finds the
generation moved on rebuilds the snapshot before reading it. Postings are loaded term by
term on first use and kept within a budget.
"""

import datetime
import threading
from collections import OrderedDict
from dataclasses import dataclass

import numpy as np
from django.conf import settings
from django.db import connection

from peninsula.search.indexing import day_number
from peninsula.search.models import SearchDocument, SearchFacetValue, SearchPosting, SearchStats

K1 = 1.2
B = 0.75
# Postings kept in memory per process (8 bytes each): ~64 MB. The least recently used
# terms go first; a term larger than the whole budget is scored but not kept.
POSTINGS_BUDGET = 8_000_000

ROW_FACETS = {"kind": "kind", "type": "publication_type", "series": "series_id", "year": "year"}
MANY_FACETS = ("theme", "region", "topic", "author")

DOCS = SearchDocument._meta.db_table
POSTINGS = SearchPosting._meta.db_table
FACETS = SearchFacetValue._meta.db_table


@dataclass
class Column:
    """One facet over every document: a code per (document, value) pair and the values.
    For one-valued facets `rows` is None and codes[i] belongs to document i (-1: none)."""

    values: list
    codes: np.ndarray
    rows: np.ndarray | None = None

    def counts(self, matched: np.ndarray) -> dict[str, int]:
        if self.rows is None:
            codes = self.codes[matched & (self.codes >= 0)]
        else:
            codes = self.codes[matched[self.rows]]
        found = np.bincount(codes, minlength=len(self.values))
        return {str(self.values[code]): int(found[code]) for code in np.flatnonzero(found)}

    def having(self, value, size: int) -> np.ndarray:
        """A mask of the documents that carry `value`."""
        try:
            code = self.values.index(value)
        except ValueError:
            return np.zeros(size, dtype=bool)
        if self.rows is None:
            return self.codes == code
        mask = np.zeros(size, dtype=bool)
        mask[self.rows[self.codes == code]] = True
        return mask


class Snapshot:
    """Every document's row (as arrays in id order), its facets, and postings by term.

    Built from the database in one go when a search finds the index's generation moved on;
    immutable afterwards but for the postings cache, which has its own lock."""

    def __init__(self, generation: int, documents: int, total_length: float):
        self.generation = generation
        self.average_length = max(total_length / max(documents, 1), 1.0)
        self._terms: OrderedDict[int, tuple[np.ndarray, np.ndarray]] = OrderedDict()
        self._held = 0
        self._lock = threading.Lock()
        self._recency: tuple | None = None
        with connection.cursor() as cursor:
            cursor.execute(
                f"SELECT id, day, kind, publication_type, series_id, year FROM {DOCS} ORDER BY id"
            )
            rows = cursor.fetchall()
        self.size = len(rows)
        columns = list(zip(*rows, strict=True)) if rows else [()] * 6
        self.ids = np.array(columns[0], dtype=np.int64)
        self.day = np.array([np.nan if d is None else d for d in columns[1]], dtype=np.float64)
        self.facets: dict[str, Column] = {}
        for position, name in enumerate(ROW_FACETS, start=2):
            self.facets[name] = _row_column(columns[position])
        for name in MANY_FACETS:
            self.facets[name] = self._many_column(name)

    def _many_column(self, name: str) -> Column:
        with connection.cursor() as cursor:
            cursor.execute(f"SELECT document_id, value FROM {FACETS} WHERE facet = %s", [name])
            pairs = np.array(cursor.fetchall(), dtype=np.int64).reshape(-1, 2)
        rows, found = self.positions(pairs[:, 0])
        values, codes = np.unique(pairs[found, 1], return_inverse=True)
        return Column(values.tolist(), codes.astype(np.int32), rows[found])

    def positions(self, ids: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
        """(row of each id, mask of the ids this snapshot holds)."""
        rows = np.searchsorted(self.ids, ids)
        rows = np.minimum(rows, max(self.size - 1, 0))
        found = (self.ids[rows] == ids) if self.size else np.zeros(len(ids), dtype=bool)
        return rows.astype(np.int32), found

    def term(self, term_id: int) -> tuple[np.ndarray, np.ndarray]:
        """(rows of the documents holding the term, BM25 term-frequency part for each)."""
        with self._lock:
            held = self._terms.get(term_id)
            if held is not None:
                self._terms.move_to_end(term_id)
                return held
        with connection.cursor() as cursor:
            cursor.execute(
                f"SELECT document_id, weight, length FROM {POSTINGS} WHERE term_id = %s",
                [term_id],
            )
            found = np.array(cursor.fetchall(), dtype=np.float64).reshape(-1, 3)
        rows, known = self.positions(found[:, 0].astype(np.int64))
        weight, length = found[known, 1], found[known, 2]
        part = weight * (K1 + 1) / (weight + K1 * (1 - B + B * length / self.average_length))
        held = (rows[known], part.astype(np.float32))
        if len(held[0]) > POSTINGS_BUDGET:
            return held
        with self._lock:
            if term_id not in self._terms:  # another thread may have loaded it meanwhile
                self._terms[term_id] = held
                self._held += len(held[0])
            while self._held > POSTINGS_BUDGET:
                _, (gone, _) = self._terms.popitem(last=False)
                self._held -= len(gone)
        return held

    def holding(self, term_ids) -> np.ndarray:
        """A mask of the documents that hold any of these terms."""
        mask = np.zeros(self.size, dtype=bool)
        for term_id in term_ids:
            mask[self.term(term_id)[0]] = True
        return mask

    def mask_of(self, ids) -> np.ndarray:
        """A mask of these document ids (ids the snapshot does not hold are ignored)."""
        mask = np.zeros(self.size, dtype=bool)
        rows, found = self.positions(np.fromiter(ids, dtype=np.int64))
        mask[rows[found]] = True
        return mask

    def recency(self) -> np.ndarray | None:
        """Each document's recency factor: 1 + weight / (1 + years old); None when off."""
        weight = float(getattr(settings, "PENINSULA_SEARCH_RECENCY_WEIGHT", 0.1))
        if not weight:
            return None
        today = day_number(datetime.date.today())
        if self._recency is None or self._recency[:2] != (weight, today):
            factor = 1.0 + weight / (1.0 + np.abs(today - self.day) / 365.0)
            self._recency = (weight, today, np.where(np.isnan(self.day), 1.0, factor))
        return self._recency[2]


def _row_column(raw) -> Column:
    present = [value for value in raw if value not in (None, "")]
    values = sorted(set(present))
    code_of = {value: code for code, value in enumerate(values)}
    codes = np.array([code_of.get(value, -1) for value in raw], dtype=np.int32)
    return Column(values, codes)


_current: dict[str, Snapshot] = {}
_building = threading.Lock()


def current(figures: SearchStats) -> Snapshot:
    """The snapshot of this database's index at the generation `figures` (the stats row)
    records, built now if this process holds an older one."""
    where = connection.settings_dict
    database = f"{connection.vendor}:{where.get('HOST')}:{where.get('PORT')}:{where['NAME']}"
    held = _current.get(database)
    if held is not None and held.generation == figures.generation:
        return held
    with _building:
        held = _current.get(database)
        if held is None or held.generation != figures.generation:
            held = Snapshot(figures.generation, figures.documents, figures.total_length)
            _current[database] = held
    return held
