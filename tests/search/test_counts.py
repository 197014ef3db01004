"""The "Total Index" count follows publishing without counting on every request."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from peninsula.search.counts import published_count
from peninsula.search.models import SearchStats
from tests import factories

pytestmark = pytest.mark.django_db


def stored():
    return SearchStats.objects.get().publications


def test_publish_unpublish_and_delete_update_the_count(series):
    first = factories.ArticlePageFactory(series=series)
    factories.ArticlePageFactory(series=series)
    assert stored() == 2 and published_count() == 2
    first.unpublish()
    assert stored() == 1 and published_count() == 1
    first.save_revision().publish()
    assert published_count() == 2
    first.delete()
    assert stored() == 1 and published_count() == 1


def test_drafts_and_non_publications_do_not_count(series):
    factories.ArticlePageFactory(series=series, live=False)
    factories.PersonPageFactory()
    assert published_count() == 0


def test_reading_the_count_never_counts_rows(series):
    factories.ArticlePageFactory(series=series)
    published_count()
    with CaptureQueriesContext(connection) as queries:
        assert published_count() == 1
    assert not [q for q in queries if "COUNT(" in q["sql"].upper()]


def test_cold_cache_reads_the_stored_row_not_a_count(series):
    from django.core.cache import cache

    factories.ArticlePageFactory(series=series)
    cache.clear()
    with CaptureQueriesContext(connection) as queries:
        assert published_count() == 1
    assert len(queries) == 1 and "COUNT(" not in queries[0]["sql"].upper()
