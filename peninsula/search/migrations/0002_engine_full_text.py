"""The engine-specific full-text index (FTS5 table or tsvector column), by database."""

from django.db import migrations


# As this migration first wrote them (0006 moves PostgreSQL's tsvectors to their own table).
POSTGRES_CREATE = [
    "ALTER TABLE site_search_searchdocument ADD COLUMN IF NOT EXISTS terms tsvector",
    "CREATE INDEX IF NOT EXISTS site_search_terms_gin ON site_search_searchdocument USING gin (terms)",
]
POSTGRES_DROP = ["ALTER TABLE site_search_searchdocument DROP COLUMN IF EXISTS terms"]


def create(apps, schema_editor):
    from peninsula.search.backends import sqlite

    vendor = schema_editor.connection.vendor
    statements = {"sqlite": [sqlite.CREATE], "postgresql": POSTGRES_CREATE}.get(vendor, [])
    for statement in statements:
        schema_editor.execute(statement)
    if vendor == "postgresql":
        # Byte order, as SQLite compares: prefix ranges (text >= 'sanc' AND text < ...) then
        # read the unique index.
        schema_editor.execute(
            'ALTER TABLE site_search_searchterm ALTER COLUMN text TYPE varchar(64) COLLATE "C"'
        )


def drop(apps, schema_editor):
    from peninsula.search.backends import sqlite

    vendor = schema_editor.connection.vendor
    statements = {"sqlite": [sqlite.DROP], "postgresql": POSTGRES_DROP}.get(vendor, [])
    for statement in statements:
        schema_editor.execute(statement)


class Migration(migrations.Migration):
    dependencies = [("site_search", "0001_initial")]

    operations = [migrations.RunPython(create, drop)]
