"""What every page's header and footer need, cached so a page view costs no extra queries."""

from django.core.cache import cache
from django.db.models.signals import post_save
from django.dispatch import receiver
from wagtail.models import Page, Site
from wagtail.signals import page_published, page_unpublished

from peninsula.core.models import InstituteSettings

_TIMEOUT = 300


def _key(site_id, name):
    return f"peninsula:chrome:{site_id}:{name}"


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
            for page in Page.objects.live()
            .child_of(root)
            .filter(show_in_menus=True)
            .only("title", "url_path")
        ]
        cache.set(key, value, _TIMEOUT)
    return value


def forget(site_id=None):
    for site in Site.objects.all() if site_id is None else [Site(pk=site_id)]:
        cache.delete_many([_key(site.pk, "settings"), _key(site.pk, "menu")])


@receiver(post_save, sender=InstituteSettings)
def _settings_saved(sender, instance, **kwargs):
    forget(instance.site_id)


@receiver(page_published)
@receiver(page_unpublished)
def _page_changed(sender, instance, **kwargs):
    if instance.depth <= 3:
        forget()
