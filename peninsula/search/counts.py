""" "Total Index: N publications" on every page: the number of publications search can find.

The index keeps that number as it writes (SearchStats.publications, see indexing.py), so
neither a reader's request nor a refresh ever counts rows. Pages read it from the object
cache, under the cache version (peninsula.core.cache_version), which every index write that
changes it moves on, and at most PENINSULA_COUNT_CACHE_SECONDS old in a process that did not
see the write.
"""

from django.conf import settings

from peninsula.core import cache_version


def published_count() -> int:
    return cache_version.remembered(
        "published-count", _stored, settings.PENINSULA_COUNT_CACHE_SECONDS
    )


def _stored() -> int:
    from peninsula.search.models import SearchStats

    return SearchStats.objects.values_list("publications", flat=True).first() or 0
