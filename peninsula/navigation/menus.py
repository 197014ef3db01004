"""The menus as every page shows them: resolved once into plain links and kept in the cache,
so a page view spends no query on them.

A menu names pages by id and shows their titles and addresses; the cached value is kept
under the cache version (peninsula.core.cache_version), which every publish, unpublish, move
and delete of a page moves on (peninsula.publishing), and so does saving the menus.
"""

from dataclasses import dataclass

from django.core.cache import cache
from django.db.models.signals import post_save
from django.dispatch import receiver
from django.urls import reverse
from wagtail.models import Page, Site

from peninsula.core import cache_version, chrome
from peninsula.navigation.models import MenuSettings

_TIMEOUT = 300


@dataclass(frozen=True)
class Link:
    label: str
    url: str
    children: tuple["Link", ...] = ()

    @property
    def has_children(self) -> bool:
        return bool(self.children)


@dataclass(frozen=True)
class Menus:
    header: tuple[Link, ...]  # empty: the automatic menu
    footer: tuple[Link, ...]
    privacy: Link | None
    page_ids: frozenset[int]


_EMPTY = Menus(header=(), footer=(), privacy=None, page_ids=frozenset())


def _key(site_id) -> str:
    return cache_version.key("navigation", site_id)


def menus(site: Site | None) -> Menus:
    if site is None:
        return _EMPTY
    value = cache.get(_key(site.pk))
    if value is None:
        # Read, never create: for_site() would write a row on a reader's GET (even on an
        # error page), and a site with no menus saved has the automatic one.
        saved = MenuSettings.objects.filter(site=site).first()
        value = resolve(saved) if saved is not None else _EMPTY
        cache.set(_key(site.pk), value, _TIMEOUT)
    return value


def header_links(site: Site | None) -> tuple[Link, ...]:
    """The header menu the editor set, or the automatic one when none is set."""
    chosen = menus(site).header
    if chosen:
        return chosen
    return (
        Link("Publications", reverse("publications:all")),
        *(Link(title, url) for title, url in chrome.menu_items(site)),
        Link("Themes", reverse("taxonomy:themes")),
        Link("Regions", reverse("taxonomy:regions")),
    )


def resolve(settings: MenuSettings) -> Menus:
    """Plain links from the saved menus, reading every chosen page in one query. Links to
    pages that are not live (or no longer exist) are left out."""
    header = [block["value"] for block in settings.header.raw_data]
    footer = [block["value"] for block in settings.footer.raw_data]
    ids = {item.get("page") for item in header} | {item.get("page") for item in footer}
    ids |= {child.get("page") for item in header for child in _children(item)}
    ids.add(settings.privacy_page_id)
    ids = {int(pk) for pk in ids if pk}
    roots = chrome.site_root_paths()
    pages = {
        page.pk: (page.title, chrome.page_url(page.url_path, roots))
        for page in Page.objects.filter(pk__in=ids, live=True).only("title", "url_path")
    }

    def link(value, children=()):
        if value.get("page"):
            found = pages.get(int(value["page"]))
            if found is None or found[1] is None:
                return None
            title, url = found
            return Link(value.get("label") or title, url, children)
        if value.get("url"):
            return Link(value.get("label") or value["url"], value["url"], children)
        return None

    items = []
    for value in header:
        children = tuple(filter(None, (link(child) for child in _children(value))))
        own = link(value, children)
        if own is None and children and value.get("label") and not value.get("page"):
            own = Link(value["label"], "", children)  # a dropdown with no page of its own
        if own is not None:
            items.append(own)
    privacy = None
    if settings.privacy_page_id and settings.privacy_page_id in pages:
        privacy = Link("Privacy policy", pages[settings.privacy_page_id][1])
    return Menus(
        header=tuple(items),
        footer=tuple(filter(None, (link(value) for value in footer))),
        privacy=privacy if privacy and privacy.url else None,
        page_ids=frozenset(ids),
    )


def _children(item) -> list:
    # A ListBlock's raw value is a list of {"type": "item", "value": ..., "id": ...}.
    return [
        child["value"] if isinstance(child, dict) and "value" in child else child
        for child in item.get("children") or ()
    ]


@receiver(post_save, sender=MenuSettings)
def _menus_saved(sender, instance, created=False, **kwargs):
    # A site's first read creates its (empty) row: nothing remembered could have shown it.
    if not created:
        cache_version.forget()
