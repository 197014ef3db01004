"""The engine-specific part of the index: term positions, for exact phrases.

Each backend keeps one full-text row per document and answers two questions about a
phrase (a tuple of index terms): which documents hold it, and which of some given ones do.
Everything else is portable SQL and the in-memory snapshot.
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
