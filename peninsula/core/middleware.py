"""Find the request's Wagtail Site, and its home page, from a cache instead of the database
on every request."""

from django.core.cache import cache
from django.db.models.signals import post_delete, post_save
from django.dispatch import receiver
from django.http.request import split_domain_port
from wagtail.models import Site

from peninsula.core import cache_version

_TIMEOUT = 300


class CachedSiteMiddleware:
    """Sets `request._wagtail_site`, which Wagtail reads before querying for the site, and
    pins the cache version for the request (peninsula.core.cache_version).

    The site is cached with its root page already made specific: Wagtail routes every
    request from `site.root_page.specific`, which would otherwise load the home page's row
    each time. Saving or deleting a site, and every publish, unpublish, move or delete of a
    page (peninsula.publishing), moves the cache to a new version.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        with cache_version.pinned():
            hostname = split_domain_port(request._get_raw_host())[0]
            key = cache_version.key("site", hostname, request.get_port())
            site = cache.get(key)
            if site is None:
                site = Site._find_for_request(request)
                if site is not None:
                    site.root_page.specific  # noqa: B018 (kept on the instance, and cached with it)
                    cache.set(key, site, _TIMEOUT)
            request._wagtail_site = site
            return self.get_response(request)


@receiver(post_save, sender=Site)
@receiver(post_delete, sender=Site)
def _sites_changed(**kwargs):
    cache_version.forget()
