"""Cache-Control for public responses: one rule for pages, listings, feeds and the API."""

from django.conf import settings
from django.utils.cache import add_never_cache_headers, patch_cache_control

# Browsers cannot be purged: what a reader's browser keeps, it keeps at most this long.
BROWSER_SECONDS = 60
# A URL with a query string (a listing's second page or a filter, a search, an API query) is
# one of endless variants that no purge names, so shared caches keep it at most this long.
QUERY_SECONDS = 60


def shared_seconds(request) -> int:
    """How long a shared cache may keep the public answer to `request`."""
    seconds = settings.PENINSULA_CACHE_SECONDS
    if request.META.get("QUERY_STRING"):
        seconds = min(seconds, QUERY_SECONDS)
    return seconds


def make_public(response, request, max_age: int | None = None) -> None:
    """`public, max-age=..., s-maxage=...`: browsers keep it `max_age` seconds (by default
    a minute at most), shared caches PENINSULA_CACHE_SECONDS (purged on publishing).
    0 seconds means shared caches keep nothing."""
    shared = shared_seconds(request)
    if max_age is None:
        max_age = min(BROWSER_SECONDS, shared)
    patch_cache_control(response, public=True, max_age=max_age, s_maxage=shared)


def make_private(response) -> None:
    """What Django's never_cache sends (`private, no-cache, no-store, ...`): no cache keeps
    it, and the user's browser asks again each time."""
    if "Cache-Control" in response:
        del response["Cache-Control"]
    add_never_cache_headers(response)
