"""How Peninsula talks to each database, read from the settings a fresh process gets."""

import json
import os
import subprocess
import sys

import pytest
from django.db import connection

_SHOW_OPTIONS = (
    "import django, json; django.setup(); from django.conf import settings; "
    "print(json.dumps(settings.DATABASES['default'].get('OPTIONS', {})))"
)


def _options(**environment) -> dict:
    env = {**os.environ, "DJANGO_SETTINGS_MODULE": "peninsula.settings.test", **environment}
    shown = subprocess.run(
        [sys.executable, "-c", _SHOW_OPTIONS], env=env, capture_output=True, text=True, check=True
    )
    return json.loads(shown.stdout)


def test_postgresql_binds_parameters_on_the_server_unless_told_not_to():
    """Same text for every page's query, so PostgreSQL prepares it once and skips planning;
    PENINSULA_POSTGRES_SERVER_BINDING=0 turns it off (PgBouncer in transaction mode)."""
    url = "postgres://postgres@127.0.0.1:5432/anything"
    assert _options(DATABASE_URL=url)["server_side_binding"] is True
    off = _options(DATABASE_URL=url, PENINSULA_POSTGRES_SERVER_BINDING="0")
    assert off["server_side_binding"] is False
    assert "server_side_binding" not in _options(DATABASE_URL="sqlite:////tmp/x.sqlite3")


@pytest.mark.django_db
def test_this_run_uses_the_binding_its_settings_ask_for():
    """On the PostgreSQL run of the suite every test runs with server-side binding; SQLite
    has no such option."""
    if connection.vendor == "sqlite":
        assert "server_side_binding" not in connection.settings_dict.get("OPTIONS", {})
        return
    connection.ensure_connection()
    with connection.cursor() as cursor:
        assert type(cursor.cursor).__name__ == "ServerBindingCursor"
        cursor.execute("SELECT %s::int + 1", [41])
        assert cursor.fetchone() == (42,)
