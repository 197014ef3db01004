"""A listing's "N publications found".

It is a COUNT over the filtered archive, tens of milliseconds for a busy theme at 100,000
publications, so it is remembered under the listing's SQL and the cache version
(peninsula.core.cache_version), which every publish, unpublish, move, delete and bulk write
moves on. ("Total Index: N publications" is search's figure: peninsula.search.counts.)
"""

import hashlib

from django.conf import settings

from peninsula.core import cache_version


def listing_count(queryset) -> int:
    """queryset.count(), remembered until the archive next changes."""
    sql, params = queryset.query.sql_with_params()
    digest = hashlib.blake2b(repr((sql, params)).encode(), digest_size=16).hexdigest()
    return remembered_until_change(f"listing-count:{digest}", queryset.count)


def remembered_until_change(name: str, compute):
    """compute(), remembered under `name` until the archive next changes."""
    return cache_version.remembered(
        f"counts:{name}", compute, settings.PENINSULA_LISTING_COUNT_CACHE_SECONDS
    )
