"""PreparedQuery (peninsula/core/prepared.py): SQL built once, rows loaded as the ORM loads
them, and on PostgreSQL a statement the server has prepared."""

import os
import subprocess
import sys

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from peninsula.core.prepared import PreparedQuery, prepared_cursor
from peninsula.core.privacy import with_restriction_flag
from peninsula.publications.listing import cards
from peninsula.publications.models import PublicationAuthor, PublicationPage
from tests import factories

pytestmark = pytest.mark.django_db


def _cards_of_series(series_id):
    return cards(
        PublicationPage.objects.listed()
        .filter(series_page_id=series_id)
        .exclude(hero_image=None)
        .order_by("-date", "-pk")
    )


def _loaded_state(obj):
    """What an instance holds: its loaded columns, its deferred ones, cached relations."""
    fields = {f.attname: getattr(obj, f.attname) for f in obj._meta.concrete_fields}
    deferred = obj.get_deferred_fields()
    return (
        type(obj),
        {name: value for name, value in fields.items() if name not in deferred},
        deferred,
        sorted(obj._state.fields_cache),
    )


def test_rows_arrive_as_the_orm_loads_them_with_joined_rows_and_deferred_columns(series):
    image = factories.ImageFactory()
    for number in range(3):
        factories.ArticlePageFactory(series=series, hero_image=image, title=f"Paper {number}")
    factories.ArticlePageFactory(series=series)  # no image: filtered out
    prepared = PreparedQuery(_cards_of_series)

    loaded = prepared(series.pk)

    expected = list(_cards_of_series(series.pk))
    assert len(loaded) == 3
    assert [_loaded_state(obj) for obj in loaded] == [_loaded_state(obj) for obj in expected]
    with CaptureQueriesContext(connection) as queries:  # select_related: no query per card
        assert [obj.hero_image.title for obj in loaded] == [image.title] * 3
    assert len(queries) == 0


def test_annotations_are_set_as_the_orm_sets_them(series):
    page = factories.ArticlePageFactory(series=series)
    prepared = PreparedQuery(
        lambda pk: with_restriction_flag(type(page).objects.filter(pk=pk)), arity=1
    )
    (loaded,) = prepared(page.pk)
    assert loaded == page and bool(loaded.any_view_restriction) is False


def test_each_call_runs_with_its_own_values_and_one_query(series):
    first = factories.PersonPageFactory(title="Ana Lee")
    second = factories.PersonPageFactory(title="Bo Han")
    one = factories.ArticlePageFactory(series=series, authors=[first])
    other = factories.ArticlePageFactory(series=series, authors=[second, first])
    prepared = PreparedQuery(
        lambda a, b: (
            PublicationAuthor.objects.filter(page_id__in=[a, b])
            .select_related("person")
            .order_by("page_id", "sort_order")
        ),
        arity=2,
    )
    assert [a.person.title for a in prepared(one.pk, one.pk)] == ["Ana Lee"]
    with CaptureQueriesContext(connection) as queries:
        titles = [a.person.title for a in prepared(other.pk, other.pk)]
    assert titles == ["Bo Han", "Ana Lee"] and len(queries) == 1
    assert len(prepared(one.pk, other.pk)) == 3
    assert prepared(-1, -2) == []


def test_a_value_that_never_reaches_the_sql_is_refused():
    prepared = PreparedQuery(lambda pk: PublicationPage.objects.filter(pk=1))
    with pytest.raises(AssertionError, match="not parameters"):
        prepared(5)


def test_prefetching_and_values_querysets_are_refused():
    with pytest.raises(AssertionError, match="model instances"):
        PreparedQuery(lambda pk: PublicationPage.objects.filter(pk=pk).values("title"))(1)
    with pytest.raises(AssertionError, match="model instances"):
        prefetching = PreparedQuery(
            lambda pk: PublicationPage.objects.filter(pk=pk).prefetch_related("authors")
        )
        prefetching(1)


def test_the_number_of_values_is_checked():
    prepared = PreparedQuery(lambda a, b: PublicationPage.objects.filter(pk__in=[a, b]), arity=2)
    with pytest.raises(TypeError, match="expected 2 values"):
        prepared(1)


def _prepared_statements() -> set[str]:
    with connection.cursor() as cursor:
        cursor.execute("SELECT statement FROM pg_prepared_statements")
        return {row[0] for row in cursor.fetchall()}


def test_postgresql_prepares_the_statement_and_sqlite_runs_it_plainly(series):
    page = factories.ArticlePageFactory(series=series, title="Planned once")
    prepared = PreparedQuery(lambda pk: PublicationPage.objects.filter(pk=pk).only("title"))
    assert [p.title for p in prepared(page.pk)] == ["Planned once"]
    if connection.vendor != "postgresql":
        with prepared_cursor() as cursor:  # SQLite: the plain cursor, parameters as usual
            cursor.execute("SELECT %s + 1", [41])
            assert cursor.fetchone() == (42,)
        return
    statements = _prepared_statements()
    assert any('"wagtailcore_page"."title"' in sql and "$1" in sql for sql in statements)
    # Django's own cursors still bind on the client and prepare nothing.
    list(PublicationPage.objects.filter(pk=page.pk).only("slug"))
    assert not any('"wagtailcore_page"."slug"' in sql for sql in _prepared_statements())


def test_without_a_prepare_threshold_nothing_is_prepared(series, monkeypatch):
    """PENINSULA_PG_PREPARED=0 (for a connection pooler) leaves prepare_threshold unset."""
    page = factories.ArticlePageFactory(series=series, title="Not planned")
    options = {k: v for k, v in connection.settings_dict.get("OPTIONS", {}).items()}
    options.pop("prepare_threshold", None)
    monkeypatch.setitem(connection.settings_dict, "OPTIONS", options)
    prepared = PreparedQuery(lambda pk: PublicationPage.objects.filter(pk=pk).only("seo_title"))
    assert [p.pk for p in prepared(page.pk)] == [page.pk]
    if connection.vendor == "postgresql":
        assert not any('"wagtailcore_page"."seo_title"' in sql for sql in _prepared_statements())


@pytest.mark.parametrize(("setting", "expected"), [("1", 0), ("0", None)])
def test_the_prepared_setting_follows_the_environment(setting, expected):
    env = {
        **os.environ,
        "DATABASE_URL": "postgres://postgres@127.0.0.1:5432/unused",
        "PENINSULA_PG_PREPARED": setting,
        "DJANGO_SETTINGS_MODULE": "peninsula.settings.test",
    }
    code = (
        "from django.conf import settings; "
        "print(settings.DATABASES['default'].get('OPTIONS', {}).get('prepare_threshold'))"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], env=env, capture_output=True, text=True, check=True
    )
    assert result.stdout.strip() == str(expected)


def test_logged_queries_show_their_sql(series):
    """While queries are logged (DEBUG, assertNumQueries) the statement is sent as text, so
    the log shows it; a prepared statement would be logged as None."""
    page = factories.ArticlePageFactory(series=series)
    prepared = PreparedQuery(lambda pk: PublicationPage.objects.filter(pk=pk).only("title"))
    with CaptureQueriesContext(connection) as queries:
        assert [p.pk for p in prepared(page.pk)] == [page.pk]
    logged = [query["sql"] for query in queries.captured_queries]
    assert None not in logged
    assert sum('SELECT "wagtailcore_page"."title", ' in sql for sql in logged) == 1


def test_compiled_queries_go_with_their_thread(db):
    """What a PreparedQuery compiles is kept on the thread's own connection, so a finished
    thread's connection is freed with it (a dictionary keyed by connection kept them all)."""
    import gc
    import threading
    import weakref

    from django.db import connections

    prepared = PreparedQuery(lambda pk: PublicationPage.objects.filter(pk=pk))
    seen = []

    def in_a_thread():
        assert prepared(-1) == []
        seen.append(weakref.ref(connections["default"]))
        connections["default"].close()

    thread = threading.Thread(target=in_a_thread)
    thread.start()
    thread.join()
    gc.collect()
    assert len(seen) == 1 and seen[0]() is None


def test_a_value_used_other_than_as_an_id_parameter_is_refused():
    prepared = PreparedQuery(lambda pk: PublicationPage.objects.filter(pk=pk, title=str(pk)))
    with pytest.raises(AssertionError, match="other than as an id"):
        prepared(5)


def test_small_and_large_ids_share_one_prepared_statement(series):
    """psycopg types a small int as int2 and a larger one as int4; each mix would be a
    statement of its own. Ids go as int8, so one statement serves them all."""
    page = factories.ArticlePageFactory(series=series)
    prepared = PreparedQuery(
        lambda a, b: PublicationPage.objects.filter(pk__in=[a, b]).only("draft_title"),
        arity=2,
    )
    for values in [(page.pk, 5), (page.pk, 100_000), (2_000_000_000, page.pk)]:
        assert [p.pk for p in prepared(*values)] == [page.pk]
    if connection.vendor == "postgresql":
        mine = [sql for sql in _prepared_statements() if '"wagtailcore_page"."draft_title"' in sql]
        assert len(mine) == 1


def test_a_query_planned_on_each_call_is_not_prepared(series):
    page = factories.ArticlePageFactory(series=series)
    prepared = PreparedQuery(
        lambda pk: PublicationPage.objects.filter(pk=pk).only("live_revision"),
        server_prepared=False,
    )
    assert [p.pk for p in prepared(page.pk)] == [page.pk]
    if connection.vendor == "postgresql":
        assert not any(
            '"wagtailcore_page"."live_revision_id"' in sql for sql in _prepared_statements()
        )
