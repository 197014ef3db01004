"""Validators and 304s for feeds and API responses: Django's ConditionalGetMiddleware, on
these views only, with the feeds' own Cache-Control."""

from functools import wraps

from django.conf import settings
from django.middleware.http import ConditionalGetMiddleware
from django.utils.decorators import decorator_from_middleware

from peninsula.caching.headers import make_public

# An ETag from the body (unless the view set one), and 304 Not Modified for a GET whose
# If-None-Match or If-Modified-Since (against the view's Last-Modified) still holds. The
# body is still built: what a 304 saves is the transfer, and the ETag needs no query of its
# own that could disagree with what the feed shows. Not site-wide: pages are purged from
# the front-end cache on publishing, and readers rarely revalidate them.
conditional_get = decorator_from_middleware(ConditionalGetMiddleware)


def conditional(view):
    """Public Cache-Control for a feed reader's or an API client's successful GET, and
    Django's conditional GET (conditional_get above)."""

    @wraps(view)
    def public(request, *args, **kwargs):
        response = view(request, *args, **kwargs)
        if request.method in ("GET", "HEAD") and response.status_code == 200:
            # Feed readers poll: they keep it PENINSULA_FEED_MAX_AGE; shared caches, which
            # publishing purges, PENINSULA_CACHE_SECONDS.
            make_public(response, request, max_age=settings.PENINSULA_FEED_MAX_AGE)
        return response

    return conditional_get(public)
