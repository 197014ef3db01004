"""What a feed covers: the whole site, or one series, theme, region, topic, author or type.

A scope is resolved from a URL (feeds) or from a page's template context (the
<link rel="alternate"> tags), and hands feeds and the API the same bounded querysets.
"""

import functools
from dataclasses import dataclass

from django.db.models import Q
from django.http import Http404
from django.urls import get_script_prefix, reverse
from wagtail.models import PageViewRestriction

from peninsula.people.models import PersonPage
from peninsula.publications.filters import tagged_with
from peninsula.publications.models import PublicationPage, PublicationType, SeriesPage
from peninsula.taxonomy.models import TAXONOMIES

FORMATS = {"rss": "RSS", "atom": "Atom", "json": "JSON Feed"}
KINDS = ["series", *TAXONOMIES, "authors", "types"]


@dataclass(frozen=True)
class Scope:
    title: str  # "Commentary", "Jane Park", ... ("" for the whole site)
    link: str  # the HTML page the feed mirrors (a path)
    kind: str = ""  # one of KINDS, "" for the whole site
    slug: str = ""
    filter: Q | None = None
    series: SeriesPage | None = None

    def publications(self):
        """Live, public publications in this scope, newest first (unbounded: slice it)."""
        queryset = public(PublicationPage.objects.listed())
        if self.filter is not None:
            queryset = queryset.filter(self.filter)
        return queryset.order_by("-date", "-pk")

    def feed_url(self, fmt: str) -> str:
        return _feed_path(get_script_prefix(), self.kind, self.slug, fmt)

    def alternates(self, site_title: str):
        """(title, url, mime type) for each format, for <link rel="alternate">."""
        label = f"{site_title}: {self.title}" if self.title else site_title
        return [
            (f"{label} ({name})", self.feed_url(fmt), MIME_TYPES[fmt])
            for fmt, name in FORMATS.items()
        ]


@functools.lru_cache(maxsize=4096)
def _feed_path(script_prefix: str, kind: str, slug: str, fmt: str) -> str:
    """Remembered (per script prefix, which reverse() puts in front): every page's <head>
    links six feeds, and the URL patterns never change while the process runs. (A test that
    swaps ROOT_URLCONF would call `_feed_path.cache_clear()`.)"""
    if not kind:
        return reverse("syndication:site_feed", kwargs={"fmt": fmt})
    return reverse("syndication:feed", kwargs={"kind": kind, "slug": slug, "fmt": fmt})


MIME_TYPES = {
    "rss": "application/rss+xml",
    "atom": "application/atom+xml",
    "json": "application/feed+json",
}


def public(queryset):
    """Leave out pages under a view restriction (private pages), in one small query."""
    restricted = list(PageViewRestriction.objects.values_list("page__path", flat=True))
    for path in restricted:
        queryset = queryset.exclude(path__startswith=path)
    return queryset


def site_scope() -> Scope:
    return Scope(title="", link="/")


def resolve(kind: str, slug: str) -> Scope:
    """The scope a feed URL names, or 404."""
    if kind == "series":
        series = public(SeriesPage.objects.live()).filter(slug=slug).first()
        if series is None:
            raise Http404("No such series.")
        return series_scope(series)
    if kind in TAXONOMIES:
        term = TAXONOMIES[kind].objects.filter(slug=slug).first()
        if term is None:
            raise Http404("No such term.")
        return term_scope(term)
    if kind == "authors":
        person = public(PersonPage.objects.live()).filter(slug=slug).first()
        if person is None:
            raise Http404("No such author.")
        return author_scope(person)
    if kind == "types":
        publication_type = PublicationType.from_slug(slug)
        if publication_type is None:
            raise Http404("No such publication type.")
        return type_scope(publication_type)
    raise Http404("No such feed.")


def series_scope(series) -> Scope:
    return Scope(
        series.title, series.url or "/", "series", series.slug, Q(series_page=series.pk), series
    )


def term_scope(term) -> Scope:
    kind = term.publication_field
    return Scope(term.name, term.get_absolute_url(), kind, term.slug, tagged_with(term))


def author_scope(person) -> Scope:
    return Scope(
        person.title,
        person.url or "/",
        "authors",
        person.slug,
        Q(pk__in=person.authorships.values("page_id")),
    )


def type_scope(publication_type) -> Scope:
    return Scope(
        publication_type.plural,
        reverse("publications:type", kwargs={"type_slug": publication_type.slug}),
        "types",
        publication_type.slug,
        Q(publication_type=publication_type),
    )


def scope_for_context(context) -> Scope:
    """The feed that matches the page being rendered, for its alternate links."""
    page = context.get("page")
    if isinstance(page, SeriesPage):
        return series_scope(page)
    if isinstance(page, PersonPage):
        return author_scope(page)
    if term := context.get("term"):
        return term_scope(term)
    if kind := context.get("kind"):
        return type_scope(PublicationType(kind))
    return site_scope()
