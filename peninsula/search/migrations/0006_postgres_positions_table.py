"""PostgreSQL: each document's tsvector moves from a column of the wide document row to a
narrow table of its own (see backends/postgres.py), where phrase rechecks read less.
The document rows keep the dropped column's space until they are next written (a
`peninsula search reindex` rewrites them all)."""

from django.db import migrations

FORWARD = [
    "CREATE TABLE IF NOT EXISTS site_search_positions (id bigint PRIMARY KEY, terms tsvector NOT NULL)",
    "INSERT INTO site_search_positions (id, terms) SELECT id, terms FROM site_search_searchdocument "
    "WHERE terms IS NOT NULL ON CONFLICT (id) DO NOTHING",
    "CREATE INDEX IF NOT EXISTS site_search_positions_gin ON site_search_positions USING gin (terms)",
    "ALTER TABLE site_search_searchdocument DROP COLUMN IF EXISTS terms",
    "ANALYZE site_search_positions",
]
BACKWARD = [
    "ALTER TABLE site_search_searchdocument ADD COLUMN IF NOT EXISTS terms tsvector",
    "UPDATE site_search_searchdocument d SET terms = p.terms FROM site_search_positions p "
    "WHERE p.id = d.id",
    "CREATE INDEX IF NOT EXISTS site_search_terms_gin ON site_search_searchdocument USING gin (terms)",
    "DROP TABLE IF EXISTS site_search_positions",
]


def run(statements):
    def apply(apps, schema_editor):
        if schema_editor.connection.vendor == "postgresql":
            for statement in statements:
                schema_editor.execute(statement)

    return apply


class Migration(migrations.Migration):
    dependencies = [("site_search", "0005_stats_generation")]

    operations = [migrations.RunPython(run(FORWARD), run(BACKWARD))]
