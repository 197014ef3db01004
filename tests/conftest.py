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
