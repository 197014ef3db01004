"""PostgreSQL: a tsvector column on the document table, with a GIN index.

The tsvector is written as a literal from our own terms and positions, and phrases are
written as tsquery literals: PostgreSQL's text parser and dictionaries never see the
text, so Korean and Japanese bigrams, stems and digits arrive exactly as the analyzer
made them, and match the same way as on SQLite.
"""

from django.db import connection

from peninsula.search.models import SearchDocument

TABLE = SearchDocument._meta.db_table
CREATE = [
    f"ALTER TABLE {TABLE} ADD COLUMN IF NOT EXISTS terms tsvector",
    f"CREATE INDEX IF NOT EXISTS site_search_terms_gin ON {TABLE} USING gin (terms)",
]
DROP = [f"ALTER TABLE {TABLE} DROP COLUMN IF EXISTS terms"]

MAX_POSITION = 16383  # PostgreSQL's limit; later positions share the last one
MAX_POSITIONS_PER_TERM = 255


def _quote(term: str) -> str:
    return "'" + term.replace("\\", "\\\\").replace("'", "''") + "'"


def tsvector_literal(terms: list[str]) -> str:
    positions: dict[str, list[int]] = {}
    for position, term in enumerate(terms[:MAX_POSITION], start=1):
        found = positions.setdefault(term, [])
        if len(found) < MAX_POSITIONS_PER_TERM:
            found.append(position)
    return " ".join(
        f"{_quote(term)}:{','.join(map(str, where))}" for term, where in positions.items()
    )


def tsquery_phrase(phrase: tuple[str, ...]) -> str:
    return "(" + " <-> ".join(_quote(term) for term in phrase) + ")"


class PostgresPhrases:
    # Written with the document row (one write per document, not an insert and an update).
    document_column = "terms"

    def positions(self, terms: list[str]) -> str:
        return tsvector_literal(terms)

    def delete(self, ids: list[int]):
        """Nothing to do: the column goes with the document row."""

    def clear(self):
        """Nothing to do: the column goes with the document rows."""

    def holding(self, phrases: list[tuple[str, ...]]) -> list[int]:
        """The ids of the documents that hold every one of these phrases."""
        query = " & ".join(tsquery_phrase(phrase) for phrase in phrases)
        with connection.cursor() as cursor:
            cursor.execute(f"SELECT id FROM {TABLE} WHERE terms @@ %s::tsquery", [query])
            return [row[0] for row in cursor.fetchall()]

    def matching(self, ids: list[int], phrase: tuple[str, ...]) -> set[int]:
        """Which of these documents hold the phrase (read from their own rows only)."""
        marks = ", ".join(["%s"] * len(ids))
        with connection.cursor() as cursor:
            cursor.execute(
                f"SELECT id FROM {TABLE} WHERE id IN ({marks}) AND terms @@ %s::tsquery",
                [*ids, tsquery_phrase(phrase)],
            )
            return {row[0] for row in cursor.fetchall()}
