"""The few queries every page view runs, built once and prepared on PostgreSQL.

Two costs dominate a small query on a page view: Django building its SQL (a queryset over
a page's joined tables takes a millisecond or more to compile, longer than the database
takes to answer) and PostgreSQL planning it (a millisecond for the related-publications
query, whose execution takes a tenth of that). A PreparedQuery builds its SQL once per
database connection, with stand-in values where its parameters go, then runs it with
fresh values: on PostgreSQL as a prepared statement, planned once per connection; on
SQLite through the sqlite3 module's own statement cache, which already does the same.

Only queries whose best plan does not depend on the values are prepared (a row by id, the
rows linked to a few ids). A prepared statement soon runs on a generic plan, blind to the
values: the related-publications query, prepared, walked the whole archive newest first
for an article whose theme had four publications (0.8 s instead of 0.2 ms). Such a query
is built once but sent as text (server_prepared=False), so PostgreSQL plans it each time.

The rows become model instances the way Django's ModelIterable makes them, select_related
included; tests/core/test_prepared.py compares them with the ORM's, column by column.

Operators behind a connection pooler that cannot keep prepared statements (PgBouncer in
transaction mode before 1.21) set PENINSULA_PG_PREPARED=0 (docs/deployment.md).
"""

from contextlib import contextmanager

from django.db import DEFAULT_DB_ALIAS, connections
from django.db.backends.postgresql.base import ServerBindingCursor
from django.db.models.query import ModelIterable, get_related_populators
from psycopg.types.numeric import Int8

# Ids no row has, standing for the parameters while the SQL is built.
_STAND_IN = -918_273_645


class PreparedQuery:
    """`build(*values)` returns a queryset of model instances; calling the PreparedQuery
    with values returns the list that queryset would, without building it again.

    Every value must be an id reaching the SQL as a parameter of its own (compared or
    listed), not change the query's shape: a value that picks a different query belongs in
    a different PreparedQuery. `server_prepared=False` for a query whose plan should follow
    its values (see above).
    """

    def __init__(self, build, arity: int = 1, server_prepared: bool = True):
        self._build = build
        self.arity = arity
        self.server_prepared = server_prepared

    def __call__(self, *values) -> list:
        if len(values) != self.arity:
            raise TypeError(f"expected {self.arity} values, got {len(values)}")
        connection = connections[DEFAULT_DB_ALIAS]
        # Kept on the connection, which is the thread's own and goes with the thread.
        compiled_here = connection.__dict__.setdefault("peninsula_prepared_queries", {})
        compiled = compiled_here.get(self)
        if compiled is None:
            compiled = compiled_here[self] = _Compiled(self._build, self.arity, connection)
        return compiled.run(values, self.server_prepared)


class _Compiled:
    def __init__(self, build, arity, connection):
        stand_ins = [_STAND_IN - offset for offset in range(arity)]
        queryset = build(*stand_ins)
        if (
            queryset._iterable_class is not ModelIterable
            or queryset._prefetch_related_lookups
            or queryset._known_related_objects
        ):
            raise AssertionError("a PreparedQuery loads model instances, without prefetching")
        compiler = queryset.query.get_compiler(connection=connection)
        self.sql, params = compiler.as_sql()  # also fills compiler.select and klass_info
        slots = {stand_in: position for position, stand_in in enumerate(stand_ins)}
        # (slot, value): a value passed in at `slot`, or a constant of the query itself.
        self.params = [
            (slots.get(param) if type(param) is int else None, param) for param in params
        ]
        unused = set(range(arity)) - {slot for slot, _ in self.params}
        if unused:
            raise AssertionError(f"values {sorted(unused)} are not parameters of {self.sql!r}")
        constants = [str(param) for slot, param in self.params if slot is None] + [self.sql]
        if any(str(stand_in) in text for stand_in in stand_ins for text in constants):
            raise AssertionError(f"a value reaches {self.sql!r} other than as an id parameter")
        self.compiler = compiler
        self.connection = connection
        klass_info = compiler.klass_info
        self.model = klass_info["model"]
        first, last = klass_info["select_fields"][0], klass_info["select_fields"][-1] + 1
        self.model_columns = slice(first, last)
        self.init_list = [column[0].target.attname for column in compiler.select[first:last]]
        self.populators = get_related_populators(klass_info, compiler.select, connection.alias)

    def run(self, values, server_prepared) -> list:
        params = [param if slot is None else values[slot] for slot, param in self.params]
        rows = fetch_all(self.sql, params, self.connection, server_prepared)
        compiler = self.compiler
        if compiler.has_extra_select:  # ordering columns the ORM selects but does not load
            rows = [row[: compiler.col_count] for row in rows]
        alias = self.connection.alias
        annotations = compiler.annotation_col_map.items()
        loaded = []
        for row in compiler.results_iter([rows]):  # applies the backend's converters
            obj = self.model.from_db(alias, self.init_list, row[self.model_columns])
            for populator in self.populators:
                populator.populate(row, obj)
            for name, position in annotations:
                setattr(obj, name, row[position])
            loaded.append(obj)
        return loaded


def fetch_all(sql: str, params: list, connection=None, server_prepared=True) -> list:
    """Run `sql` and return its rows: through prepared_cursor, or as plain text."""
    connection = connection or connections[DEFAULT_DB_ALIAS]
    if not server_prepared:
        with connection.cursor() as cursor:
            cursor.execute(sql, params)
            return cursor.fetchall()
    with prepared_cursor(connection) as cursor:
        if isinstance(cursor.cursor, ServerBindingCursor):
            # One parameter type whatever the id's size: psycopg would send small ids as
            # int2 and larger ones as int4, each mix a statement of its own to prepare.
            params = [Int8(param) if type(param) is int else param for param in params]
        cursor.execute(sql, params)
        return cursor.fetchall()


@contextmanager
def prepared_cursor(connection=None):
    """A cursor whose statements PostgreSQL prepares (parameters bound on the server, the
    plan kept for the connection); a plain cursor on SQLite, when preparing is off, or while
    queries are logged (DEBUG, assertNumQueries): a prepared statement is sent by name, and
    the log would show None for its SQL.

    Django's PostgreSQL cursors bind parameters on the client, which never prepares; this
    one is a server-binding cursor for the statements sent through it and nothing else."""
    connection = connection or connections[DEFAULT_DB_ALIAS]
    plain = connection.vendor != "postgresql" or connection.queries_logged
    if plain or not _preparing(connection):
        with connection.cursor() as cursor:
            yield cursor
        return
    connection.ensure_connection()
    database = connection.connection
    client_binding = database.cursor_factory
    database.cursor_factory = ServerBindingCursor
    try:
        cursor = connection.cursor()  # Django's wrapper: query logging, error translation
    finally:
        database.cursor_factory = client_binding
    with cursor:
        yield cursor


def _preparing(connection) -> bool:
    return connection.settings_dict.get("OPTIONS", {}).get("prepare_threshold") is not None
