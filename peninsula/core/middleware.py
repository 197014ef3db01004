"""Find the request's Wagtail Site from a cache instead of the database on every request."""

from django.core.cache import cache
from django.db.models.signals import post_delete, post_save
from django.dispatch import receiver
from django.http.request import split_domain_port
from wagtail.models import Site

_VERSION_KEY = "peninsula:sites-version"
_TIMEOUT = 300


def _version() -> int:
    version = cache.get(_VERSION_KEY)
    if version is None:
        version = 1
        cache.add(_VERSION_KEY, version, None)
    return version


class CachedSiteMiddleware:
    """Sets `request._wagtail_site`, which Wagtail reads before querying for the site.

    Sites change rarely; saving or deleting one moves the cache to a new version at once.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        hostname = split_domain_port(request._get_raw_host())[0]
        key = f"peninsula:site:{_version()}:{hostname}:{request.get_port()}"
        site = cache.get(key)
        if site is None:
            site = Site._find_for_request(request)
            if site is not None:
                cache.set(key, site, _TIMEOUT)
        request._wagtail_site = site
        return self.get_response(request)


@receiver(post_save, sender=Site)
@receiver(post_delete, sender=Site)
def _sites_changed(**kwargs):
    try:
        cache.incr(_VERSION_KEY)
    except ValueError:
        cache.set(_VERSION_KEY, 2, None)
