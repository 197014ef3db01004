"""What every page's header and footer need, cached so a page view costs no extra queries.

Remembered under the cache version (peninsula.core.cache_version): publishing moves it."""

from django.conf import settings
from django.core.cache import cache
from django.db.models.signals import post_save
from django.dispatch import receiver
from django.urls import NoReverseMatch, reverse
from wagtail.models import Page, Site

from peninsula.core import cache_version
from peninsula.core.models import InstituteSettings

_TIMEOUT = 300


def _key(site_id, name):
    return cache_version.key("chrome", site_id, name)


def institute_settings(site: Site | None) -> InstituteSettings:
    if site is None:
        return InstituteSettings()
    key = _key(site.pk, "settings")
    value = cache.get(key)
    if value is None:
        value = InstituteSettings.for_site(site)
        cache.set(key, value, _TIMEOUT)
    return value


def menu_items(site: Site | None) -> list[tuple[str, str]]:
    """(title, url path) of the home page's children marked 'show in menus'."""
    if site is None:
        return []
    key = _key(site.pk, "menu")
    value = cache.get(key)
    if value is None:
        root = site.root_page
        value = [
            (page.title, page.url_path[len(root.url_path) - 1 :])
            # Depth and path prefix spelled out (not child_of) so that the (depth, path)
            # index is used: the archive's pages all sit deeper and are never read.
            for page in Page.objects.filter(
                depth=root.depth + 1, path__startswith=root.path, live=True, show_in_menus=True
            )
            .order_by("path")
            .only("title", "url_path")
        ]
        cache.set(key, value, _TIMEOUT)
    return value


def page_url(url_path: str, roots=None, request=None) -> str | None:
    """The URL Page.get_url(request) gives the page at `url_path`, without loading the page:
    its path below its site's root page, relative when the install has one site (as
    Peninsula's does) or the page is on the request's site, absolute otherwise; None for a
    page outside every site.

    `roots` is site_root_paths(request), to pass when asking for many pages at once."""
    roots = site_root_paths(request) if roots is None else roots  # most specific first
    found = [root for root in roots if url_path.startswith(root.root_path)]
    if not found:
        return None
    site_ids = {root.site_id for root in roots}
    current = Site.find_for_request(request) if request is not None and len(site_ids) > 1 else None
    root = next((root for root in found if current and root.site_id == current.pk), found[0])
    try:
        path = reverse("wagtail_serve", args=(url_path[len(root.root_path) :],))
    except NoReverseMatch:
        return None
    if not getattr(settings, "WAGTAIL_APPEND_SLASH", True) and path != "/":
        path = path.rstrip("/")
    if len(site_ids) == 1 or (current is not None and current.pk == root.site_id):
        return path
    return root.root_url + path


def site_root_paths(request=None) -> list:
    """Site.get_site_root_paths(), kept on the request where Wagtail's Page.get_url keeps it,
    so a page listing many links reads the cache once."""
    if request is None:
        return Site.get_site_root_paths()
    if not hasattr(request, "_wagtail_cached_site_root_paths"):
        request._wagtail_cached_site_root_paths = Site.get_site_root_paths()
    return request._wagtail_cached_site_root_paths


@receiver(post_save, sender=InstituteSettings)
def _settings_saved(sender, instance, created=False, **kwargs):
    # A site's first read creates its settings row (for_site): nothing remembered yet
    # could have shown it, so the version stays and the request's other reads stay cached.
    if not created:
        cache_version.forget()
