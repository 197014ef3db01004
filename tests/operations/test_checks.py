"""`peninsula check`: each check on a healthy installation and in each way it can fail."""

import os
import subprocess
import sys
from datetime import timedelta
from unittest import mock

import pytest
from aiosmtpd.controller import Controller
from django.core import checks as django_checks
from django.core.management import call_command
from django.core.management.base import CommandError
from django.db import connection
from django.test import override_settings
from django.utils import timezone

from peninsula.core.models import WorkerHeartbeat
from peninsula.core.worker import record_heartbeat
from peninsula.operations import checks

SMTP_PORT = 18301  # the operations helper's port range
CLOSED_PORT = 18302  # nothing listens here
SMTP = "django.core.mail.backends.smtp.EmailBackend"


class AcceptAll:
    async def handle_DATA(self, server, session, envelope):
        return "250 OK"


@pytest.fixture
def smtp_server():
    controller = Controller(AcceptAll(), hostname="127.0.0.1", port=SMTP_PORT)
    controller.start()
    yield controller
    controller.stop()


def statuses(results):
    return {result.name: result.status for result in results}


@pytest.mark.django_db
def test_database_reachable():
    result = checks.database()
    assert result.status == checks.OK
    assert connection.vendor in result.message


def test_database_unreachable_fails_and_skips_what_needs_it(tmp_path):
    """Through the real command line: a PostgreSQL port nothing listens on."""
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "peninsula.settings.test",
        "DATABASE_URL": f"postgres://postgres@127.0.0.1:{CLOSED_PORT}/peninsula_h3_nowhere",
        "PENINSULA_DATA_DIR": str(tmp_path),
    }
    done = subprocess.run(
        [sys.executable, "-m", "peninsula", "check"],
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert done.returncode != 0
    lines = done.stdout.splitlines()
    database_line = next(line for line in lines if "database" in line.split("  ", 1)[-1][:12])
    assert database_line.startswith("FAIL")
    assert "check DATABASE_URL" in database_line
    assert any(line.startswith("WARN") and "migrations" in line for line in lines)
    assert "check(s) failed" in done.stderr


@pytest.mark.django_db
def test_all_migrations_applied():
    assert checks.migrations() == checks.Result(checks.OK, "migrations", "all applied")


@pytest.mark.django_db
def test_unapplied_migration_fails_and_names_it():
    # As if the code had been upgraded and `migrate` not yet run: forget the app's newest
    # applied migration.
    from django.db.migrations.loader import MigrationLoader

    (newest,) = [name for app, name in MigrationLoader(connection).graph.leaf_nodes("core")]
    with connection.cursor() as cursor:
        cursor.execute("DELETE FROM django_migrations WHERE app = 'core' AND name = %s", [newest])
    result = checks.migrations()
    assert result.status == checks.FAIL
    assert f"core.{newest}" in result.message
    assert "peninsula manage migrate" in result.message


@pytest.mark.django_db
def test_worker_never_seen_fails():
    result = checks.worker()
    assert result.status == checks.FAIL
    assert "peninsula worker" in result.message


@pytest.mark.django_db
def test_worker_seen_recently_passes_and_silent_worker_fails():
    record_heartbeat()
    assert checks.worker().status == checks.OK
    WorkerHeartbeat.objects.update(seen_at=timezone.now() - timedelta(minutes=12))
    result = checks.worker()
    assert result.status == checks.FAIL
    assert "last seen 12 min ago" in result.message


@override_settings(EMAIL_BACKEND="django.core.mail.backends.locmem.EmailBackend")
def test_test_mail_backend_warns_that_no_mail_is_sent():
    [result] = checks.email()
    assert result.status == checks.WARN
    assert "not sending real mail" in result.message


@override_settings(EMAIL_BACKEND=SMTP, EMAIL_HOST="127.0.0.1", EMAIL_PORT=CLOSED_PORT)
def test_mail_server_that_does_not_answer_fails():
    [result] = checks.email()
    assert result.status == checks.FAIL
    assert f"127.0.0.1:{CLOSED_PORT}" in result.message


@override_settings(EMAIL_BACKEND=SMTP, EMAIL_HOST="127.0.0.1", EMAIL_PORT=SMTP_PORT)
def test_mail_server_that_answers_passes(smtp_server):
    [result] = checks.email()
    assert result == checks.Result(checks.OK, "email", f"connected to 127.0.0.1:{SMTP_PORT}")


@override_settings(
    EMAIL_BACKEND="django.core.mail.backends.locmem.EmailBackend",
    PENINSULA_NEWSLETTER_EMAIL_BACKEND=SMTP,
    EMAIL_HOST="127.0.0.1",
    EMAIL_PORT=CLOSED_PORT,
)
def test_a_separate_newsletter_backend_is_checked_too():
    assert statuses(checks.email()) == {"email": checks.WARN, "newsletter email": checks.FAIL}


def test_writable_storage_passes(settings, tmp_path):
    settings.STORAGES = {
        **settings.STORAGES,
        "default": {
            "BACKEND": "django.core.files.storage.FileSystemStorage",
            "OPTIONS": {"location": str(tmp_path)},
        },
    }
    assert checks.storage().status == checks.OK
    assert list(tmp_path.iterdir()) == []  # the test file is gone again


def test_unwritable_storage_fails(settings, tmp_path):
    # A file where the media folder should be: no user, root included, can write under it.
    (tmp_path / "media").write_text("not a folder")
    settings.STORAGES = {
        **settings.STORAGES,
        "default": {
            "BACKEND": "django.core.files.storage.FileSystemStorage",
            "OPTIONS": {"location": str(tmp_path / "media" / "files")},
        },
    }
    result = checks.storage()
    assert result.status == checks.FAIL
    assert "cannot write media" in result.message


@pytest.mark.parametrize(
    ("url", "status"),
    [
        (None, checks.FAIL),
        ("", checks.FAIL),
        ("www.example.org", checks.FAIL),
        ("http://127.0.0.1:8000", checks.WARN),
        ("http://www.example.org", checks.WARN),
        ("https://www.example.org", checks.OK),
    ],
)
def test_base_url(settings, url, status):
    settings.PENINSULA_BASE_URL = url
    assert checks.base_url().status == status


def test_django_deploy_warnings_warn_and_errors_fail():
    found = [
        django_checks.Warning("HSTS is off", hint="set it", id="security.W004"),
        django_checks.Error("broken", id="security.E999"),
        django_checks.Info("fyi", id="x.I001"),
    ]
    with mock.patch.object(django_checks, "run_checks", return_value=found):
        results = checks.django_deploy()
    assert [(r.status, r.message) for r in results] == [
        (checks.WARN, "security.W004: HSTS is off (set it)"),
        (checks.FAIL, "security.E999: broken"),
    ]


@pytest.mark.django_db
def test_command_reports_each_failure_and_exits_with_an_error(settings, capsys):
    settings.PENINSULA_BASE_URL = None
    with pytest.raises(CommandError, match="check\\(s\\) failed"):
        call_command("check_deployment")
    out = capsys.readouterr().out
    assert any(line.startswith("FAIL") and "worker" in line for line in out.splitlines())
    assert any(line.startswith("FAIL") and "base URL" in line for line in out.splitlines())
    assert any(line.startswith("OK") and "database" in line for line in out.splitlines())


@pytest.mark.django_db
def test_command_passes_on_a_ready_installation(settings, smtp_server, capsys, monkeypatch):
    # The browser tests set this for their run; a deployment must not (Django's async.E001).
    monkeypatch.delenv("DJANGO_ALLOW_ASYNC_UNSAFE", raising=False)
    settings.PENINSULA_BASE_URL = "https://www.example.org"
    settings.EMAIL_BACKEND = SMTP
    settings.EMAIL_HOST, settings.EMAIL_PORT = "127.0.0.1", SMTP_PORT
    record_heartbeat()
    call_command("check_deployment")  # no CommandError: nothing failed
    out = capsys.readouterr().out
    assert "FAIL" not in out
    assert "All checks passed" in out
