import os

import pytest

from tests import factories


def pytest_configure(config):
    """With DATABASE_URL on PostgreSQL, fail at once (never skip) when the server is down."""
    from django.conf import settings

    database = settings.DATABASES["default"]
    if database["ENGINE"] != "django.db.backends.postgresql":
        return
    import psycopg

    try:
        psycopg.connect(
            host=database["HOST"],
            port=database["PORT"] or 5432,
            user=database["USER"],
            dbname="postgres",
            connect_timeout=5,
        ).close()
    except psycopg.OperationalError as error:
        where = f"{database['HOST']}:{database['PORT']}"
        raise pytest.UsageError(f"PostgreSQL at {where} is unreachable: {error}") from error


@pytest.fixture(autouse=True)
def _clear_cache():
    """Each test starts with empty caches: cached counts and menus never leak between tests."""
    from django.core.cache import caches

    for cache in caches.all():
        cache.clear()


@pytest.fixture
def institute(db):
    """Institute settings as an institute would fill them in."""
    from wagtail.models import Site

    from peninsula.core.models import InstituteSettings

    settings = InstituteSettings.for_site(Site.objects.get(is_default_site=True))
    settings.name = "Harbour Institute"
    settings.postal_address = "1 Example Street\nWashington, DC 20001"
    settings.disclosure_footer = "<p>Harbour Institute is registered under the Test Agents Act.</p>"
    settings.save()
    return settings


@pytest.fixture
def series(db):
    return factories.SeriesPageFactory(title="The Peninsula", slug="the-peninsula")


@pytest.fixture
def author(db):
    return factories.PersonPageFactory(title="Jane Park", job_title="Non-Resident Fellow")


def pytest_report_header(config):
    from django.conf import settings

    return f"database: {settings.DATABASES['default']['ENGINE'].rsplit('.', 1)[-1]}" + (
        " (CI)" if os.environ.get("CI") else ""
    )


@pytest.fixture(scope="session")
def playwright():
    """One Playwright for the whole run: its sync API keeps an event loop running in the
    test thread while it is open, so a second instance (say the production smoke test's,
    after the browser tests) would refuse to start beside the first."""
    from playwright.sync_api import sync_playwright

    with sync_playwright() as running:
        yield running


@pytest.fixture(scope="session")
def migrated_state(django_db_setup, django_db_blocker):
    """The database as the migrations leave it (site, home page, root collection), serialized.

    Taken before Playwright starts: once it runs, Django's context-local connections come
    back as new objects without the copy serialized_rollback restores from, so after the
    first test's flush the next one would start with no site at all.
    """
    from django.db import connection

    with django_db_blocker.unblock():
        return getattr(connection, "_test_serialized_contents", None) or (
            connection.creation.serialize_db_to_string()
        )


@pytest.fixture
def migrated(migrated_state, transactional_db):
    """Puts the migrated state back when the previous browser test's flush removed it."""
    from django.core.management import call_command
    from django.db import connection
    from wagtail.models import Site

    if not Site.objects.exists():
        # That flush re-ran post_migrate; clear its content types before loading ours.
        call_command("flush", interactive=False, inhibit_post_migrate=True, verbosity=0)
        connection.creation.deserialize_db_from_string(migrated_state)
        # The rows come back with their ids; on PostgreSQL the sequences must follow them,
        # or the next page created collides with a restored one.
        from django.apps import apps
        from django.core.management.color import no_style

        with connection.cursor() as cursor:
            for statement in connection.ops.sequence_reset_sql(no_style(), apps.get_models()):
                cursor.execute(statement)
