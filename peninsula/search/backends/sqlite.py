"""SQLite: an FTS5 table of analyzed terms, one row per document (rowid = document id).

The terms are letters and digits already folded by our analyzer, so FTS5's unicode61
tokenizer only splits them on the spaces we put between them.
"""

from django.db import connection

TABLE = "site_search_fts"
CREATE = (
    f"CREATE VIRTUAL TABLE IF NOT EXISTS {TABLE} USING fts5("
    "terms, tokenize = 'unicode61 remove_diacritics 0', detail = 'full')"
)
DROP = f"DROP TABLE IF EXISTS {TABLE}"


class SqlitePhrases:
    def write(self, rows: list[tuple[int, list[str]]]):
        """Replace the full-text rows of these (document id, terms) pairs."""
        with connection.cursor() as cursor:
            cursor.executemany(f"DELETE FROM {TABLE} WHERE rowid = %s", [(pk,) for pk, _ in rows])
            cursor.executemany(
                f"INSERT INTO {TABLE} (rowid, terms) VALUES (%s, %s)",
                [(pk, " ".join(terms)) for pk, terms in rows],
            )

    def delete(self, ids: list[int]):
        with connection.cursor() as cursor:
            cursor.executemany(f"DELETE FROM {TABLE} WHERE rowid = %s", [(pk,) for pk in ids])

    def clear(self):
        with connection.cursor() as cursor:
            cursor.execute(f"DELETE FROM {TABLE}")

    def holding(self, phrases: list[tuple[str, ...]]) -> list[int]:
        """The ids of the documents that hold every one of these phrases."""
        match = " AND ".join('"' + " ".join(phrase) + '"' for phrase in phrases)
        with connection.cursor() as cursor:
            cursor.execute(f"SELECT rowid FROM {TABLE} WHERE {TABLE} MATCH %s", [match])
            return [row[0] for row in cursor.fetchall()]

    def matching(self, ids: list[int], phrase: tuple[str, ...]) -> set[int]:
        """Which of these documents hold the phrase (read from their own rows only)."""
        marks = ", ".join(["%s"] * len(ids))
        needle = " " + " ".join(phrase) + " "
        with connection.cursor() as cursor:
            cursor.execute(f"SELECT rowid, terms FROM {TABLE} WHERE rowid IN ({marks})", ids)
            return {pk for pk, terms in cursor.fetchall() if needle in f" {terms} "}
