"""Copying the database out to a file and back, with each engine's own tools.

SQLite: Python's `sqlite3.Connection.backup`, SQLite's online backup API. It copies a
consistent snapshot while the site keeps running, and restores by replacing every page of
the target in one step.

PostgreSQL: `pg_dump` writes a plain SQL script (schema and data, no owners or grants, so it
loads into a database owned by another user), and `psql` replays it in one transaction that
first drops what the database holds: if any statement fails, nothing has changed.

Both are exact copies of every table, the search index, Wagtail's page tree and revisions
included, where a Django-level `dumpdata` would rebuild them through models, slowly, and
fail on the tables it cannot serialise.
"""

from __future__ import annotations

import os
import shutil
import sqlite3
import subprocess
from contextlib import closing
from pathlib import Path

from django.db import connection


class DatabaseCopyError(Exception):
    """What went wrong, in words an operator can act on."""


def engine() -> str:
    """'sqlite' or 'postgresql': the name a backup's manifest records."""
    if connection.vendor not in ("sqlite", "postgresql"):
        raise DatabaseCopyError(f"Backups support SQLite and PostgreSQL, not {connection.vendor}.")
    return connection.vendor


def dump_file_name(engine_name: str) -> str:
    return {"sqlite": "database.sqlite3", "postgresql": "database.sql"}[engine_name]


def table_count() -> int:
    """Tables and views in the database: 0 means a new, empty database."""
    with connection.cursor() as cursor:
        return len(connection.introspection.table_names(cursor, include_views=True))


def dump(target: Path) -> None:
    if engine() == "sqlite":
        _sqlite_dump(target)
    else:
        _postgresql_dump(target)


def load(source: Path) -> None:
    """Replace everything in the database with the dump at `source`, or change nothing."""
    if engine() == "sqlite":
        _sqlite_load(source)
    else:
        _postgresql_load(source)
    connection.close()  # the next query sees the restored database on a fresh connection


def check_dump(source: Path, engine_name: str) -> None:
    """Refuse a dump that cannot be what `dump` wrote, before anything is changed."""
    if engine_name == "sqlite":
        try:
            with closing(sqlite3.connect(source)) as dumped:
                [verdict] = dumped.execute("PRAGMA quick_check").fetchone()
                tables = {row[0] for row in dumped.execute("SELECT name FROM sqlite_master")}
        except sqlite3.DatabaseError as error:
            raise DatabaseCopyError(f"the database file is damaged ({error})") from error
        if verdict != "ok" or "django_migrations" not in tables:
            raise DatabaseCopyError(f"the database file is damaged ({verdict})")
    else:
        with source.open("rb") as dumped:
            start = dumped.read(4096)
        if b"PostgreSQL database dump" not in start:
            raise DatabaseCopyError("the database dump is not a pg_dump script")


# SQLite -------------------------------------------------------------------------------------


def _sqlite_dump(target: Path) -> None:
    # Through Django's own connection, so an in-memory test database is copied as well.
    if connection.in_atomic_block:
        # SQLite's backup waits, forever, for the connection's own transaction to end.
        raise DatabaseCopyError("a SQLite backup cannot run inside a transaction")
    connection.ensure_connection()
    with closing(sqlite3.connect(target)) as copy:
        connection.connection.backup(copy)
        # A self-contained file: the site's WAL mode would need -wal and -shm files beside it.
        copy.execute("PRAGMA journal_mode=DELETE")


def _sqlite_load(source: Path) -> None:
    connection.ensure_connection()
    with closing(sqlite3.connect(source)) as dumped:
        try:
            dumped.backup(connection.connection)
        except sqlite3.OperationalError as error:
            raise DatabaseCopyError(
                f"SQLite could not replace the database ({error}); stop the site and the "
                "worker, which may be writing to it, and try again"
            ) from error


# PostgreSQL ---------------------------------------------------------------------------------

# Everything the schema holds, dropped in the restore's own transaction.
_DROP_EVERYTHING = """
DO $peninsula$
DECLARE item record;
BEGIN
  FOR item IN
    SELECT c.relname AS name, c.relkind AS kind FROM pg_class c
    JOIN pg_namespace n ON n.oid = c.relnamespace
    WHERE n.nspname = current_schema() AND c.relkind IN ('r', 'p', 'v', 'm', 'S', 'f')
    -- Sequences last: one behind an identity column goes with its table, and only then.
    ORDER BY c.relkind = 'S'
  LOOP
    EXECUTE format(
      'DROP %s IF EXISTS %I CASCADE',
      CASE item.kind WHEN 'v' THEN 'VIEW' WHEN 'm' THEN 'MATERIALIZED VIEW'
        WHEN 'S' THEN 'SEQUENCE' WHEN 'f' THEN 'FOREIGN TABLE' ELSE 'TABLE' END,
      item.name);
  END LOOP;
END
$peninsula$;
"""


def _postgresql_dump(target: Path) -> None:
    _run_client(
        "pg_dump",
        ["--format=plain", "--no-owner", "--no-privileges", f"--file={target}"],
    )


def _postgresql_load(source: Path) -> None:
    # -1 wraps the drop and the whole script in one transaction; ON_ERROR_STOP turns the
    # first error into a rollback instead of a half-restored database.
    _run_client(
        "psql",
        [
            "--no-psqlrc",
            "--quiet",
            "--single-transaction",
            "--set=ON_ERROR_STOP=1",
            f"--command={_DROP_EVERYTHING}",
            f"--file={source}",
        ],
    )


def _run_client(program: str, arguments: list[str]) -> None:
    executable = shutil.which(program)
    if executable is None:
        raise DatabaseCopyError(
            f"{program} is not installed: install PostgreSQL's client tools, the server's "
            "version or newer (Debian and Ubuntu: apt install postgresql-client)"
        )
    done = subprocess.run(
        [executable, *arguments], env=_libpq_environment(), capture_output=True, text=True
    )
    if done.returncode != 0:
        detail = done.stderr.strip() or f"exit status {done.returncode}"
        raise DatabaseCopyError(f"{program} failed: {detail}")


def _libpq_environment() -> dict[str, str]:
    """The connection Django uses, as libpq's variables (never on a command line, which
    every user of the machine can read)."""
    settings_dict = connection.settings_dict
    options = settings_dict.get("OPTIONS") or {}
    values = {
        "PGDATABASE": settings_dict.get("NAME"),
        "PGHOST": settings_dict.get("HOST") or options.get("host"),
        "PGPORT": settings_dict.get("PORT") or options.get("port"),
        "PGUSER": settings_dict.get("USER") or options.get("user"),
        "PGPASSWORD": settings_dict.get("PASSWORD") or options.get("password"),
        "PGSSLMODE": options.get("sslmode"),
        "PGSSLROOTCERT": options.get("sslrootcert"),
        "PGSSLCERT": options.get("sslcert"),
        "PGSSLKEY": options.get("sslkey"),
    }
    environment = {key: value for key, value in os.environ.items() if not key.startswith("PG")}
    environment.update({key: str(value) for key, value in values.items() if value})
    return environment
