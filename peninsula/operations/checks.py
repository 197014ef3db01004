"""What `peninsula check` looks at: is this installation ready to serve readers?

Each check returns one or more `Result`s: OK, WARN (works, but not as production should) or
FAIL (something readers or editors will notice), with what to do about it. A check never
raises: a broken database or mail server is the answer, not a crash.
"""

from __future__ import annotations

import smtplib
from dataclasses import dataclass
from datetime import timedelta
from urllib.parse import urlsplit

from django.conf import settings
from django.core import checks as django_checks
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.core.mail import get_connection
from django.core.mail.backends.smtp import EmailBackend as SMTPBackend
from django.db import DatabaseError, connection
from django.db.migrations.executor import MigrationExecutor
from django.utils import timezone
from django.utils.crypto import get_random_string
from django.utils.module_loading import import_string

OK, WARN, FAIL = "OK", "WARN", "FAIL"
# Workers record a heartbeat every 30 seconds; this much silence means none is running.
WORKER_SILENCE = timedelta(minutes=5)
# Long enough for a slow mail server's greeting, short enough that the check answers.
SMTP_CHECK_TIMEOUT = 10
# Backends that keep messages in the process, print them or drop them.
NOT_SENDING = {
    "django.core.mail.backends.locmem.EmailBackend": "kept in memory",
    "django.core.mail.backends.console.EmailBackend": "printed to the console",
    "django.core.mail.backends.filebased.EmailBackend": "written to files",
    "django.core.mail.backends.dummy.EmailBackend": "dropped",
}
LOOPBACK_HOSTS = {"localhost", "127.0.0.1", "::1", "0.0.0.0"}


@dataclass(frozen=True)
class Result:
    status: str  # OK, WARN or FAIL
    name: str
    message: str


def database() -> Result:
    try:
        connection.ensure_connection()
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
    except Exception as error:  # any driver error means the same thing to the operator
        return Result(
            FAIL,
            "database",
            f"cannot connect ({_one_line(error)}): check DATABASE_URL and that the server "
            "is running and accepts this host",
        )
    return Result(OK, "database", f"connected ({connection.vendor}, {_database_name()})")


def migrations() -> Result:
    try:
        executor = MigrationExecutor(connection)
        plan = executor.migration_plan(executor.loader.graph.leaf_nodes())
    except DatabaseError as error:
        return Result(FAIL, "migrations", f"cannot read them ({_one_line(error)})")
    if plan:
        names = ", ".join(f"{m.app_label}.{m.name}" for m, _backwards in plan[:3])
        more = f" and {len(plan) - 3} more" if len(plan) > 3 else ""
        return Result(
            FAIL,
            "migrations",
            f"{len(plan)} not applied ({names}{more}): run `peninsula manage migrate`",
        )
    return Result(OK, "migrations", "all applied")


def worker(now=None) -> Result:
    from peninsula.core.worker import last_heartbeat

    try:
        seen = last_heartbeat()
    except DatabaseError as error:
        return Result(FAIL, "worker", f"cannot read worker heartbeats ({_one_line(error)})")
    if seen is None:
        return Result(
            FAIL,
            "worker",
            "no worker has run: start `peninsula worker` (confirmation emails, newsletters "
            "and scheduled publishing wait for it)",
        )
    silence = (now or timezone.now()) - seen
    ago = _duration(silence)
    if silence > WORKER_SILENCE:
        return Result(
            FAIL,
            "worker",
            f"last seen {ago} ago: start `peninsula worker` or read its log for why it stopped",
        )
    return Result(OK, "worker", f"seen {ago} ago")


def email() -> list[Result]:
    results = [_mail_backend("email", settings.EMAIL_BACKEND)]
    newsletter_backend = getattr(settings, "PENINSULA_NEWSLETTER_EMAIL_BACKEND", None)
    if newsletter_backend and newsletter_backend != settings.EMAIL_BACKEND:
        results.append(_mail_backend("newsletter email", newsletter_backend))
    return results


def _mail_backend(name: str, backend: str) -> Result:
    if backend in NOT_SENDING:
        return Result(
            WARN,
            name,
            f"not sending real mail (messages are {NOT_SENDING[backend]}): set EMAIL_URL "
            "to your mail server",
        )
    try:
        backend_class = import_string(backend)
    except ImportError as error:
        return Result(FAIL, name, f"cannot load the backend {backend} ({_one_line(error)})")
    if issubclass(backend_class, SMTPBackend):
        return _smtp(name, backend)
    try:
        # API providers (anymail) check their keys when the backend is made; the provider
        # itself is only reached by a real message.
        get_connection(backend, fail_silently=False)
    except Exception as error:
        return Result(FAIL, name, f"{backend} is not configured ({_one_line(error)})")
    return Result(OK, name, f"{backend} configured (the provider is reached on the first send)")


def _smtp(name: str, backend: str) -> Result:
    mail = get_connection(backend, fail_silently=False, timeout=SMTP_CHECK_TIMEOUT)
    where = f"{mail.host}:{mail.port}"
    security = " with TLS" if mail.use_tls else " over SSL" if mail.use_ssl else ""
    try:
        mail.open()
    except smtplib.SMTPAuthenticationError as error:
        return Result(
            FAIL,
            name,
            f"{where} refused the login for {mail.username!r} ({error.smtp_code}): check the "
            "user and password in EMAIL_URL",
        )
    except (OSError, smtplib.SMTPException) as error:
        return Result(
            FAIL,
            name,
            f"cannot reach the mail server at {where}{security} ({_one_line(error)}): check "
            "EMAIL_URL and that this machine may connect to it",
        )
    mail.close()
    login = f", logged in as {mail.username}" if mail.username else ""
    return Result(OK, name, f"connected to {where}{security}{login}")


def storage() -> Result:
    name = f".peninsula-check-{get_random_string(12)}.txt"
    where = (
        getattr(default_storage, "bucket_name", None)  # object storage: the bucket
        or getattr(default_storage, "location", None)  # a folder
        or type(default_storage).__name__
    )
    try:
        saved = default_storage.save(name, ContentFile(b"peninsula check\n"))
        default_storage.delete(saved)
    except Exception as error:  # file system and object storage fail in their own ways
        return Result(
            FAIL,
            "storage",
            f"cannot write media to {where} ({_one_line(error)}): make it writable by the "
            "user running Peninsula, or check the storage settings",
        )
    return Result(OK, "storage", f"wrote and deleted a file in {where}")


def base_url() -> Result:
    url = getattr(settings, "PENINSULA_BASE_URL", None)
    if not url:
        return Result(
            FAIL,
            "base URL",
            "PENINSULA_BASE_URL is not set: emails sent by the worker link to the site's "
            "host name in the admin; set it to the public address, e.g. https://www.example.org",
        )
    parts = urlsplit(url)
    if parts.scheme not in ("http", "https") or not parts.hostname:
        return Result(FAIL, "base URL", f"{url!r} is not an address like https://www.example.org")
    if parts.hostname in LOOPBACK_HOSTS:
        return Result(WARN, "base URL", f"{url} is only reachable from this machine")
    if parts.scheme != "https":
        return Result(WARN, "base URL", f"{url} is not HTTPS: links in emails go out in clear")
    return Result(OK, "base URL", url)


def django_deploy() -> list[Result]:
    """Django's own `check --deploy`: errors fail, warnings warn, silenced ones stay silent."""
    try:
        messages = django_checks.run_checks(include_deployment_checks=True)
    except Exception as error:
        return [Result(FAIL, "django", f"the system checks crashed ({_one_line(error)})")]
    results = []
    for message in messages:
        if message.is_silenced() or message.level < django_checks.WARNING:
            continue
        status = FAIL if message.is_serious() else WARN
        text = f"{message.id}: {_one_line(message.msg)}"
        if message.hint:
            text += f" ({_one_line(message.hint)})"
        results.append(Result(status, "django", text))
    return results or [Result(OK, "django", "deployment checks found nothing")]


def run_all() -> list[Result]:
    results = [database()]
    if results[0].status == FAIL:
        skipped = "not checked: the database is unreachable"
        results += [Result(WARN, "migrations", skipped), Result(WARN, "worker", skipped)]
    else:
        results += [migrations(), worker()]
    return [*results, *email(), storage(), base_url(), *django_deploy()]


def _database_name() -> str:
    name = str(connection.settings_dict.get("NAME") or "")
    host = connection.settings_dict.get("HOST")
    return f"{name} on {host}" if host else name


def _one_line(value) -> str:
    text = " ".join(str(value).split())
    return text if len(text) <= 200 else text[:197] + "..."


def _duration(delta: timedelta) -> str:
    seconds = max(int(delta.total_seconds()), 0)
    if seconds < 120:
        return f"{seconds} s"
    if seconds < 7200:
        return f"{seconds // 60} min"
    return f"{seconds // 3600} h"
