"""The engine-specific full-text index (FTS5 table or tsvector column), by database."""

from django.db import migrations


def create(apps, schema_editor):
    from peninsula.search.backends import postgres, sqlite

    vendor = schema_editor.connection.vendor
    statements = {"sqlite": [sqlite.CREATE], "postgresql": postgres.CREATE}.get(vendor, [])
    for statement in statements:
        schema_editor.execute(statement)
    if vendor == "postgresql":
        # Byte order, as SQLite compares: prefix ranges (text >= 'sanc' AND text < ...) then
        # read the unique index.
        schema_editor.execute(
            'ALTER TABLE site_search_searchterm ALTER COLUMN text TYPE varchar(64) COLLATE "C"'
        )


def drop(apps, schema_editor):
    from peninsula.search.backends import postgres, sqlite

    vendor = schema_editor.connection.vendor
    statements = {"sqlite": [sqlite.DROP], "postgresql": postgres.DROP}.get(vendor, [])
    for statement in statements:
        schema_editor.execute(statement)


class Migration(migrations.Migration):
    dependencies = [("site_search", "0001_initial")]

    operations = [migrations.RunPython(create, drop)]
