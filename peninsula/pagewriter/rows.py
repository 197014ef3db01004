"""New rows for many objects at once: COPY on PostgreSQL, executemany INSERTs elsewhere.

A batch of 500 posts writes a few thousand rows into a dozen tables. Django's bulk_create
builds one INSERT per table, but composes it value by value in Python (a quarter of a
million values for 2,000 posts), and PostgreSQL then parses the giant statement; it also
refuses the tables of multi-table-inherited models. COPY streams the values instead:
psycopg adapts them, the server reads them without parsing SQL. The values are those an
INSERT would send (each field's `pre_save` and `get_db_prep_save`), and ids are taken from
the table's own sequence beforehand, in one query for all the tables of a batch, so every
object knows its id as after bulk_create.
"""

from __future__ import annotations

from django.db import connection
from django.db.models import Value
from django.db.models.expressions import DatabaseDefault


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


def reserve_table_ids(model, count: int) -> list[int]:
    """`count` ids of `model`'s table that nobody else will be given, not even a row added
    through the ORM in the meantime (an `add_child` between two batches)."""
    if connection.vendor == "postgresql":
        return reserve_ids({model: count})[model]
    table = model._meta.db_table
    # SQLite (AUTOINCREMENT): move the table's sequence past the block.
    with connection.cursor() as cursor:
        cursor.execute(f"SELECT COALESCE(MAX(id), 0) FROM {connection.ops.quote_name(table)}")
        highest = cursor.fetchone()[0]
        cursor.execute("SELECT seq FROM sqlite_sequence WHERE name = %s", [table])
        row = cursor.fetchone()
        first = max(highest, row[0] if row else 0) + 1
        last = first + count - 1
        if row:
            cursor.execute("UPDATE sqlite_sequence SET seq = %s WHERE name = %s", [last, table])
        else:
            cursor.execute("INSERT INTO sqlite_sequence (name, seq) VALUES (%s, %s)", [table, last])
    return list(range(first, last + 1))


def _values(obj, fields) -> list:
    return [field.get_db_prep_save(_value(obj, field), connection) for field in fields]


def _value(obj, field):
    value = field.pre_save(obj, True)
    if isinstance(value, DatabaseDefault):  # left to the column's DEFAULT: say it here
        default = field.db_default
        if isinstance(default, Value):
            return default.value
        if hasattr(default, "resolve_expression"):
            raise TypeError(f"{field} has a computed db_default: give it a value.")
        return default
    return value


def _written(objects):
    for obj in objects:
        obj._state.adding = False
        obj._state.db = "default"


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
            copy.write_row(_values(obj, fields))
    _written(objects)


def insert_rows(model, objects: list, fields: list | None = None):
    """INSERT `objects` into `model`'s own table, one prepared statement run for each row
    (the database's executemany), primary keys set as for `copy_rows`."""
    if not objects:
        return
    fields = fields or list(model._meta.local_concrete_fields)
    ops = connection.ops
    columns = ", ".join(ops.quote_name(field.column) for field in fields)
    marks = ", ".join(["%s"] * len(fields))
    with connection.cursor() as cursor:
        cursor.executemany(
            f"INSERT INTO {ops.quote_name(model._meta.db_table)} ({columns}) VALUES ({marks})",
            [_values(obj, fields) for obj in objects],
        )
    _written(objects)


def insert_values(table: str, columns: list[str], values: list[tuple]):
    """Rows given as plain values (a many-to-many link table: no model instances needed), their
    ids left to the table's own sequence."""
    if not values:
        return
    ops = connection.ops
    names = ", ".join(ops.quote_name(column) for column in columns)
    with connection.cursor() as cursor:
        if uses_copy():
            with cursor.cursor.copy(f"COPY {ops.quote_name(table)} ({names}) FROM STDIN") as copy:
                for row in values:
                    copy.write_row(row)
            return
        marks = ", ".join(["%s"] * len(columns))
        cursor.executemany(
            f"INSERT INTO {ops.quote_name(table)} ({names}) VALUES ({marks})", values
        )


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
    if uses_copy():
        copy_rows(level, objects)
    else:
        insert_rows(level, objects)
