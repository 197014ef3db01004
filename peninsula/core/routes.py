"""URL path → page id and type, remembered, so routing a request costs one query.

Finding a page by its URL path and then loading its specific row is two queries; with the
id and type remembered, the specific row is loaded straight away. What is remembered is
only a hint: the loaded page must still be live at that URL path, or the caller looks it
up afresh, so a page moved, unpublished or deleted in another process (whose cache this
process cannot see) is never served from a stale entry. Hints are kept under the cache version
(peninsula.core.cache_version), so a publish, move or delete forgets them all.
"""

import functools
import hashlib

from django.contrib.contenttypes.models import ContentType
from django.core.cache import cache

from peninsula.core import cache_version
from peninsula.core.prepared import PreparedQuery
from peninsula.core.privacy import with_restriction_flag

_TIMEOUT = 3600


def _key(url_path: str) -> str:
    # A long path (anyone can type one) is hashed: cut short, two paths would share a key,
    # and memcached refuses keys over 250 characters.
    if len(url_path) > 150:
        url_path = hashlib.sha256(url_path.encode()).hexdigest()
    return cache_version.key("route", url_path)


def remember(page) -> None:
    if page.live:
        cache.set(_key(page.url_path), (page.pk, page.content_type_id), _TIMEOUT)


def cached_page(url_path: str):
    """The live specific page at `url_path` if this process remembers it and it is still
    there; None otherwise (look it up, then remember() it)."""
    hint = cache.get(_key(url_path))
    if hint is None:
        return None
    pk, content_type_id = hint
    model = ContentType.objects.get_for_id(content_type_id).model_class()
    page = None
    if model is not None:
        page = next(iter(_page_query(model)(pk)), None)
    if page is None or not page.live or page.url_path != url_path:
        cache.delete(_key(url_path))
        return None
    return page


@functools.cache
def _page_query(model) -> PreparedQuery:
    """Loads one `model` page by id with the 'any private page?' flag, the SQL built once:
    the ORM building this query over a page's three joined tables, on every request, took
    as long as the database took to answer it."""
    return PreparedQuery(lambda pk: with_restriction_flag(model.objects.filter(pk=pk)))
