"""Every series page's title and URL, kept in the object cache, so that a publication's
series (its parent page) costs no query on cards, listings and article pages."""

from dataclasses import dataclass

from django.core.cache import cache
from wagtail.models import Page

from peninsula.core import cache_version

_TIMEOUT = 300


@dataclass(frozen=True)
class SeriesLink:
    title: str
    url: str


def series_links() -> dict[str, SeriesLink]:
    """Every live series page by its tree path; remembered under the cache version, which
    every publish, unpublish, move and delete moves on."""
    from peninsula.publications.models import SeriesPage

    key = cache_version.key("series-links")
    value = cache.get(key)
    if value is None:
        value = {
            page.path: SeriesLink(page.title, page.get_url())
            for page in SeriesPage.objects.live().only("title", "path", "url_path")
        }
        cache.set(key, value, _TIMEOUT)
    return value


def series_for(page) -> SeriesLink | None:
    """The series `page` sits in (looked up by its parent's tree path), or None."""
    return series_links().get(page.path[: -Page.steplen])
