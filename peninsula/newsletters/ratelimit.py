"""Per-IP limits on the public newsletter endpoints, counted in the default cache (shared by
every process when Redis is configured: production uses REDIS_URL, docs/deployment.md).

Kept by hand rather than taken from django-ratelimit, which counts the same way (a counter
per key and fixed window, `cache.add` then the atomic `cache.incr`): the library would
still need this module's wrapper, since it answers an exceeded limit with a 403 (its
`Ratelimited` exception) or a flag on the request, where readers get the 429 page with
Retry-After; its key would still be `client_ip` (the trusted proxies); and its system checks
fail on the locmem cache a laptop runs on (django_ratelimit.E003) and warn on Django's own
Redis backend that production uses (W001: it supports django-redis). What is left here is
the counter, ten lines, tested in tests/newsletters/test_preferences.py and
tests/core/test_network.py.
"""

import functools
import time

from django.conf import settings
from django.core.cache import cache
from django.shortcuts import render

# The reader's address behind the trusted proxies (PENINSULA_TRUSTED_PROXIES); imported
# from here by the views too, which record it with each consent.
from peninsula.core.network import client_ip


def rate_limited(scope: str):
    """Allow PENINSULA_NEWSLETTER_RATE_LIMIT = (requests, seconds) POSTs per IP and scope."""

    def decorator(view):
        @functools.wraps(view)
        def wrapper(request, *args, **kwargs):
            if request.method == "POST":
                limit, window = settings.PENINSULA_NEWSLETTER_RATE_LIMIT
                key = f"newsletters:rl:{scope}:{client_ip(request)}:{int(time.time() // window)}"
                cache.add(key, 0, window)
                try:
                    count = cache.incr(key)
                except ValueError:  # evicted between add and incr
                    cache.set(key, 1, window)
                    count = 1
                if count > limit:
                    response = render(request, "newsletters/rate_limited.html", status=429)
                    response["Retry-After"] = str(window)
                    return response
            return view(request, *args, **kwargs)

        return wrapper

    return decorator
