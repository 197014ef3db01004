"""Validators and 304s for feeds and API responses."""

from functools import wraps

from django.conf import settings
from django.utils.cache import get_conditional_response, set_response_etag
from django.utils.http import parse_http_date_safe

from peninsula.caching.headers import make_public


def conditional(view):
    """Give a successful GET an ETag (from its body) and answer a matching conditional
    request with 304 Not Modified.

    The body is still built: what a 304 saves is the transfer, and the ETag needs no
    query of its own that could disagree with what the feed shows.
    """

    @wraps(view)
    def wrapped(request, *args, **kwargs):
        response = view(request, *args, **kwargs)
        if request.method not in ("GET", "HEAD") or response.status_code != 200:
            return response
        if response.streaming:
            return response
        if not response.has_header("ETag"):
            set_response_etag(response)
        # Feed readers poll: they keep it PENINSULA_FEED_MAX_AGE; shared caches, which
        # publishing purges, PENINSULA_CACHE_SECONDS.
        make_public(response, request, max_age=settings.PENINSULA_FEED_MAX_AGE)
        last_modified = response.get("Last-Modified")
        return get_conditional_response(
            request,
            etag=response["ETag"],
            last_modified=last_modified and parse_http_date_safe(last_modified),
            response=response,
        )

    return wrapped
