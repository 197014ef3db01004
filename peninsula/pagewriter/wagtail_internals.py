"""Every private API of Wagtail, treebeard, modelcluster and modelsearch the page writer uses.

The rest of `peninsula.pagewriter` is written on public APIs. These few pieces are not,
because the public way measured too slow for the import's 200 posts/s (docs/development.md,
"Writing pages in bulk"), or because no public way exists. Keeping them in one module makes
an upgrade a one-file review: tests/pagewriter/test_wagtail_internals.py uses each on a
tiny example and fails naming the API when one is renamed, removed or changes behaviour.
Read each piece against the library's source after upgrading Wagtail or modelsearch.

- treebeard `MP_Node._int2str` / `_str2int`: a materialised path step from a number and
  back (`alphabet` and `steplen` are treebeard's documented settings).
- modelcluster `instance._cluster_related_objects`: which child relations were filled in.
- Wagtail `ReferenceIndex._extract_references_from_object` and `_get_content_path_hash`: the
  rows `ReferenceIndex.create_or_update_for_object` writes, for many objects at once (the
  public method runs three queries per object).
- modelsearch's database indexes (SQLite, PostgreSQL): `ObjectIndexer` (its `prepare_field`,
  `as_vector`, `config`, `autocomplete_config`), `index.entries`, `index.write_connection`,
  `index._refresh_title_norms`, `modelsearch.utils.get_content_type_pk`: the rows of
  `add_bulk`, with each search field read once and capped (`add_bulk` reads a body five
  times on PostgreSQL and has no cap for hostile posts).

bench/pagewriter_indexes.py times these against the public methods.
"""

from __future__ import annotations

import functools

from modelcluster.models import get_all_child_relations
from wagtail.models import Page, ReferenceIndex

from peninsula.search.limits import capped_values

# treebeard -----------------------------------------------------------------------------------


def steps_per_parent() -> int:
    """How many children a page can have (treebeard's path steps of `steplen` characters)."""
    return len(Page.alphabet) ** Page.steplen


def child_path(parent_path: str, step: int) -> str:
    """The materialised path of a parent's child at `step` (1 for the first)."""
    return parent_path + Page._int2str(step).rjust(Page.steplen, "0")


def step_of(path: str) -> int:
    """The step number of a page among its siblings, from its path."""
    return Page._str2int(path[-Page.steplen :])


# modelcluster --------------------------------------------------------------------------------


def empty_unset_child_relations(instance):
    """Child relations not filled in are empty on a new object: say so, so that
    `serializable_data` and the writer do not ask the database for each."""
    filled = getattr(instance, "_cluster_related_objects", {})
    for name in _child_relation_names(type(instance)):
        if name not in filled:
            setattr(instance, name, [])


@functools.cache
def _child_relation_names(model) -> list[str]:
    return [relation.get_accessor_name() for relation in get_all_child_relations(model)]


# Wagtail's reference index -------------------------------------------------------------------


def references_of(obj) -> set[tuple]:
    """(to_content_type_id, to_object_id, model_path, content_path) for each reference the
    object holds, as `ReferenceIndex.create_or_update_for_object` finds them."""
    return set(ReferenceIndex._extract_references_from_object(obj))


def content_path_hash(content_path: str):
    """The uniqueness key Wagtail stores beside a reference's content path."""
    return ReferenceIndex._get_content_path_hash(content_path)


# modelsearch's database indexes --------------------------------------------------------------


def refresh_title_norms(index):
    """What modelsearch's database indexes do after each `add_items`: set the title-length
    factor of new entries (those still at 1.0) from the average title length."""
    index._refresh_title_norms()


def search_writer_for(index):
    """A function (index, model, objects) that writes `add_bulk`'s rows, or None for an index
    it does not know (Elasticsearch, ...), which is then given `add_bulk` itself."""
    # By name: each backend's module can only be imported with its own database in use.
    return _SEARCH_WRITERS.get(f"{type(index).__module__}.{type(index).__qualname__}")


class _ReadOnce:
    """For a backend's ObjectIndexer: each of the object's search fields is read only once,
    however many of the indexer's columns ask for it, and capped as the site search is."""

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


_SEARCH_WRITERS = {
    "modelsearch.backends.database.sqlite.sqlite.SQLiteIndex": _write_sqlite,
    "modelsearch.backends.database.postgres.postgres.PostgresIndex": _write_postgres,
}
