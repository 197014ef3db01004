"""The editors' admin search (Wagtail's database search backend), filled for many objects at once.

modelsearch's own `add_bulk` builds an object's text once for every column it fills (title,
body, autocomplete and, on PostgreSQL, the plain title and body text too), reading every
search field each time: a publication's whole body five times over. For an import of
thousands of pages that was the largest part of the indexing task on PostgreSQL. Here each
search field of an object is read once, and the rows written are those `add_bulk` writes.
The title norms (the title-length factor of the ranking), which `add_bulk` refreshes after
every batch, are refreshed once, when the import's indexing is done. Backends other than
modelsearch's SQLite and PostgreSQL ones (Elasticsearch, ...) are given `add_bulk`.
"""

from __future__ import annotations

from wagtail.search.backends import get_search_backends

from peninsula.search.limits import capped_values


class AdminSearchIndex:
    """Collects what was written, so that the title norms are refreshed once at the end."""

    def __init__(self):
        self.written: dict[int, object] = {}  # id(index) -> index

    def add(self, model, objects: list):
        """Index these objects of one model, as `backend.add_bulk(model, objects)` would."""
        if not objects or not model.get_search_fields():
            return
        for backend in get_search_backends():
            index = backend.get_index_for_model(model)
            writer = _writer_for(index)
            if writer is None:
                backend.add_bulk(model, objects)
                continue
            writer(index, model, objects)
            self.written[id(index)] = index

    def finish(self):
        for index in self.written.values():
            refresh_title_norms(index)
        self.written.clear()


def refresh_title_norms(index):
    """What modelsearch's database indexes do after each `add_items`: set the title-length
    factor of new entries (those still at 1.0) from the average title length.

    Private API: `_refresh_title_norms` of modelsearch's SQLite and PostgreSQL indexes, kept
    to this one place; tests/importers/test_admin_search.py fails if it goes away.
    """
    index._refresh_title_norms()


def _writer_for(index):
    # By name: each backend's module can only be imported with its own database in use.
    return _WRITERS.get(f"{type(index).__module__}.{type(index).__qualname__}")


class _ReadOnce:
    """For a backend's ObjectIndexer: each of the object's search fields is read only once,
    however many of the indexer's columns ask for it."""

    def prepare_field(self, obj, field):
        if obj is not self.obj:  # a related object (RelatedFields): as the backend does
            return super().prepare_field(obj, field)
        cache = self.__dict__.setdefault("_prepared", {})
        if id(field) not in cache:
            # As much text as the site search indexes of a page, however large the page.
            cache[id(field)] = capped_values(super().prepare_field(obj, field))
        return iter(cache[id(field)])


class _VectorSql:
    """For the PostgreSQL ObjectIndexer: a column's tsvector as the SQL and parameters that
    Django compiles modelsearch's SearchVector expressions into, written out directly (the
    expressions took longer to build and compile than the rest of the indexing)."""

    def as_vector(self, texts, for_autocomplete=False):
        texts = [(text.strip(), weight) for text, weight in texts]
        texts = [(text, weight) for text, weight in texts if text]
        if not texts:  # modelsearch's EMPTY_VECTOR
            return "to_tsvector(COALESCE(%s, %s))", ["", ""]
        config = self.autocomplete_config if for_autocomplete else self.config
        parts, params = [], []
        for text, weight in texts:
            if config:
                parts.append("setweight(to_tsvector(%s::regconfig, COALESCE(%s, %s)), %s)")
                params += [config, text, "", weight]
            else:
                parts.append("setweight(to_tsvector(COALESCE(%s, %s)), %s)")
                params += [text, "", weight]
        sql = " || ".join(parts)
        return (f"({sql})" if len(parts) > 1 else sql), params


_INDEXERS: dict[tuple, type] = {}


def _indexer_class(base: type, *mixins: type) -> type:
    key = (base, *mixins)
    if key not in _INDEXERS:
        _INDEXERS[key] = type(f"ReadOnce{base.__name__}", (_ReadOnce, *mixins, base), {})
    return _INDEXERS[key]


def _write_sqlite(index, model, objects):
    """The rows of modelsearch's SQLiteIndex.add_items (its triggers fill the FTS table)."""
    from modelsearch.backends.database.sqlite import sqlite
    from modelsearch.utils import get_content_type_pk

    indexer_class = _indexer_class(sqlite.ObjectIndexer)
    content_type_pk = get_content_type_pk(model)
    data = {}
    for obj in objects:
        indexer = indexer_class(obj, index.backend)
        data[indexer.id] = (indexer.title, indexer.autocomplete, indexer.body)
    entries = index.entries.filter(content_type_id=content_type_pk)
    indexed = set(entries.filter(object_id__in=list(data)).values_list("object_id", flat=True))
    for object_id in indexed:
        title, autocomplete, body = data[object_id]
        entries.filter(object_id=object_id).update(
            title=title, autocomplete=autocomplete, body=body
        )
    model_class = index.entries.model
    index.entries.bulk_create(
        [
            model_class(
                content_type_id=content_type_pk,
                object_id=object_id,
                title=title,
                autocomplete=autocomplete,
                body=body,
            )
            for object_id, (title, autocomplete, body) in data.items()
            if object_id not in indexed
        ]
    )


def _write_postgres(index, model, objects):
    """The statement of modelsearch's PostgresIndex.add_items: one upsert for the batch."""
    from modelsearch.backends.database.postgres import postgres
    from modelsearch.utils import get_content_type_pk

    indexer_class = _indexer_class(postgres.ObjectIndexer, _VectorSql)
    entry_model = index.entries.model
    connection = index.write_connection
    content_type_pk = get_content_type_pk(model)
    rows, params = [], []
    for obj in objects:
        indexer = indexer_class(obj, index.backend)
        params += [content_type_pk, indexer.id]
        vectors = []
        for sql, vector_params in (indexer.title, indexer.autocomplete, indexer.body):
            vectors.append(sql)
            params += vector_params
        params += [indexer.title_text, indexer.body_text]
        rows.append(f"(%s, %s, {vectors[0]}, {vectors[1]}, {vectors[2]}, 1.0, %s, %s)")
    table = connection.ops.quote_name(entry_model._meta.db_table)
    with connection.cursor() as cursor:
        cursor.execute(
            f"INSERT INTO {table} (content_type_id, object_id, title, autocomplete, body,"
            f" title_norm, title_text, body_text) (VALUES {', '.join(rows)})"
            " ON CONFLICT (content_type_id, object_id) DO UPDATE SET title = EXCLUDED.title,"
            " title_norm = 1.0, autocomplete = EXCLUDED.autocomplete, body = EXCLUDED.body,"
            " title_text = EXCLUDED.title_text, body_text = EXCLUDED.body_text",
            params,
        )


_WRITERS = {
    "modelsearch.backends.database.sqlite.sqlite.SQLiteIndex": _write_sqlite,
    "modelsearch.backends.database.postgres.postgres.PostgresIndex": _write_postgres,
}
