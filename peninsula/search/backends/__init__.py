"""The engine-specific part of the index: term positions, for exact phrases.

Each backend keeps one full-text row per document and turns a phrase (a tuple of index
terms) into a SQL condition on the document id. Everything else is portable SQL.
"""

from django.db import connection

from peninsula.search.backends.postgres import PostgresPhrases
from peninsula.search.backends.sqlite import SqlitePhrases


def phrase_backend():
    if connection.vendor == "postgresql":
        return PostgresPhrases()
    if connection.vendor == "sqlite":
        return SqlitePhrases()
    raise NotImplementedError(
        f"Peninsula's search supports SQLite and PostgreSQL, not {connection.vendor}."
    )
