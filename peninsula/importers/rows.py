"""New rows for many objects at once: COPY on PostgreSQL, multi-row INSERTs elsewhere.

A batch of 500 posts writes a few thousand rows into a dozen tables. Django's bulk_create
builds one INSERT per table, but composes it value by value in Python (a quarter of a
million values for 2,000 posts), and PostgreSQL then parses the giant statement. COPY
streams the values instead: psycopg adapts them, the server reads them without parsing
SQL. The values are those an INSERT would send (each field's `pre_save` and
`get_db_prep_save`), and ids are taken from the table's own sequence beforehand, in one
query for all the tables of a batch, so every object knows its id as after bulk_create.
"""

from __future__ import annotations

from django.db import connection


def uses_copy() -> bool:
    return connection.vendor == "postgresql"


def reserve_ids(counts: dict[type, int]) -> dict[type, list[int]]:
    """{model: count} -> {model: ids from its table's sequence} (PostgreSQL), one query."""
    counts = {model: count for model, count in counts.items() if count}
    if not counts:
        return {}
    models = list(counts)
    parts, params = [], []
    for number, model in enumerate(models):
        parts.append(
            f"SELECT {number}, nextval(pg_get_serial_sequence(%s, %s)) FROM generate_series(1, %s)"
        )
        params += [model._meta.db_table, model._meta.pk.column, counts[model]]
    ids: dict[type, list[int]] = {model: [] for model in models}
    with connection.cursor() as cursor:
        cursor.execute(" UNION ALL ".join(parts), params)
        for number, value in cursor.fetchall():
            ids[models[number]].append(value)
    return ids


def copy_rows(model, objects: list, fields: list | None = None):
    """COPY `objects` into `model`'s own table (`fields`: its local concrete fields).

    Primary keys must be set (from `reserve_ids`, or a parent table's row)."""
    if not objects:
        return
    fields = fields or list(model._meta.local_concrete_fields)
    ops = connection.ops
    columns = ", ".join(ops.quote_name(field.column) for field in fields)
    table = ops.quote_name(model._meta.db_table)
    with (
        connection.cursor() as cursor,
        cursor.cursor.copy(f"COPY {table} ({columns}) FROM STDIN") as copy,
    ):
        for obj in objects:
            copy.write_row(
                [field.get_db_prep_save(field.pre_save(obj, True), connection) for field in fields]
            )
    for obj in objects:
        obj._state.adding = False
        obj._state.db = "default"


def create(model, objects: list, ids: list[int] | None = None):
    """New rows for these objects of one single-table model, their ids set: COPY with
    `ids` (from reserve_ids) on PostgreSQL, bulk_create elsewhere."""
    if not objects:
        return
    if ids is None:
        model.objects.bulk_create(objects, batch_size=500)
        return
    for obj, pk in zip(objects, ids, strict=True):
        obj.pk = pk
    copy_rows(model, objects)


def insert_level(level, objects: list):
    """One table of a multi-table-inherited model (ids set), for many objects."""
    if not objects:
        return
    fields = list(level._meta.local_concrete_fields)
    if uses_copy():
        copy_rows(level, objects, fields)
        return
    manager = level._base_manager
    batch = max(1, connection.ops.bulk_batch_size(fields, objects))
    for start in range(0, len(objects), batch):
        manager._insert(objects[start : start + batch], fields=fields, using="default")
