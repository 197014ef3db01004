"""Counts the reader sees: "Total Index: N publications" on every page, and "N publications
found" on every listing.

The total is read from a cache in front of a one-row table, refreshed from the search index
whenever it changes: the figure is the number of publications search can find, the same
source of truth as the results page. The index keeps that number as it writes, so a reader's
request never counts rows, and neither does a refresh.

A listing's count is a COUNT over the filtered archive, tens of milliseconds for a busy
theme at 100,000 publications. It is remembered under the listing's SQL and a version of
the archive, which every publish, unpublish, move, delete and bulk write moves on.
"""

import hashlib

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
    forget_listing_counts()  # the archive changed in bulk (an import, generated content)
    return value


_LISTING_VERSION_KEY = "peninsula:listing-counts-version"


def listing_count(queryset) -> int:
    """queryset.count(), remembered until the archive next changes."""
    sql, params = queryset.query.sql_with_params()
    digest = hashlib.blake2b(repr((sql, params)).encode(), digest_size=16).hexdigest()
    return remembered_until_change(f"listing-count:{digest}", queryset.count)


def remembered_until_change(name: str, compute):
    """compute(), remembered under `name` until the archive next changes."""
    key = f"peninsula:counts:{_listing_version()}:{name}"
    value = cache.get(key)
    if value is None:
        value = compute()
        cache.set(key, value, settings.PENINSULA_LISTING_COUNT_CACHE_SECONDS)
    return value


def forget_listing_counts():
    """Every remembered listing count is out of date from now on."""
    try:
        cache.incr(_LISTING_VERSION_KEY)
    except ValueError:  # not set, or evicted: any fresh value leaves the old keys behind
        cache.set(_LISTING_VERSION_KEY, _fresh_version(), None)


def _listing_version() -> int:
    version = cache.get(_LISTING_VERSION_KEY)
    if version is None:
        version = _fresh_version()
        if not cache.add(_LISTING_VERSION_KEY, version, None):
            version = cache.get(_LISTING_VERSION_KEY, version)
    return version


def _fresh_version() -> int:
    # Random rather than 1: a version that was evicted and started again must not meet
    # counts remembered under its earlier life.
    import secrets

    return secrets.randbelow(2**31)
