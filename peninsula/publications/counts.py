"""The "Total Index: N publications" figure every page shows.

Read from a cache in front of a one-row table, refreshed from the search index whenever
it changes: the figure is the number of publications search can find, the same source of
truth as the results page. The index keeps that number as it writes, so a reader's request
never counts rows, and neither does a refresh.
"""

from django.conf import settings
from django.core.cache import cache

COUNTER_KEY = "published-publications"
_CACHE_KEY = "peninsula:published-count"


def published_count() -> int:
    value = cache.get(_CACHE_KEY)
    if value is None:
        from peninsula.publications.models import PublishedCounter

        row = PublishedCounter.objects.filter(key=COUNTER_KEY).values_list("value", flat=True)
        value = row[0] if row else refresh_published_count()
        cache.set(_CACHE_KEY, value, settings.PENINSULA_COUNT_CACHE_SECONDS)
    return value


def refresh_published_count() -> int:
    from peninsula.publications.models import PublishedCounter
    from peninsula.search.indexing import stats

    value = stats().publications
    PublishedCounter.objects.update_or_create(key=COUNTER_KEY, defaults={"value": value})
    cache.set(_CACHE_KEY, value, settings.PENINSULA_COUNT_CACHE_SECONDS)
    return value
