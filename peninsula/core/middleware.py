"""Find the request's Wagtail Site, and its home page, from a cache instead of the database
on every request."""

from django.core.cache import cache
from django.db.models.signals import post_delete, post_save
from django.dispatch import receiver
from django.http.request import split_domain_port
from wagtail.models import Page, Site
from wagtail.signals import page_published, page_unpublished, post_page_move

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

    The site is cached with its root page already made specific: Wagtail routes every
    request from `site.root_page.specific`, which would otherwise load the home page's row
    each time. Sites and home pages change rarely; saving or deleting a site, or publishing,
    unpublishing, moving or deleting a site's root page, moves the cache to a new version.
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
                site.root_page.specific  # noqa: B018 (kept on the instance, and cached with it)
                cache.set(key, site, _TIMEOUT)
        request._wagtail_site = site
        return self.get_response(request)


@receiver(post_save, sender=Site)
@receiver(post_delete, sender=Site)
def _sites_changed(**kwargs):
    _new_version()


@receiver(page_published)
@receiver(page_unpublished)
@receiver(post_page_move)
@receiver(post_delete, sender=Page)
def _page_changed(sender, instance, **kwargs):
    if isinstance(instance, Page) and instance.depth is not None and instance.depth <= 2:
        _new_version()  # a site's root page: the cached site holds a copy of it


def _new_version():
    try:
        cache.incr(_VERSION_KEY)
    except ValueError:
        cache.set(_VERSION_KEY, 2, None)
