"""Sitemaps (https://www.sitemaps.org/protocol.html), split into files of at most
PENINSULA_SITEMAP_LIMIT (50,000) URLs under one index, and the robots.txt that names it."""

from django.conf import settings
from django.contrib.sitemaps import Sitemap
from django.contrib.sitemaps import views as sitemap_views
from django.db.models import Max
from django.http import HttpResponse
from django.urls import reverse
from wagtail.models import Page

from peninsula.publications.models import PublicationPage, PublicationType
from peninsula.syndication.scopes import public
from peninsula.taxonomy.models import TAXONOMIES


def page_path(page) -> str:
    """The page's path on its site; Django's Sitemap adds the scheme and the domain."""
    return page.get_url_parts()[2]


class LimitedSitemap(Sitemap):
    @property
    def limit(self):
        return settings.PENINSULA_SITEMAP_LIMIT


class PublicationSitemap(LimitedSitemap):
    """Every live publication, newest first, each with the time it was last published."""

    def items(self):
        return (
            public(PublicationPage.objects.listed())
            .only("url_path", "last_published_at")
            .order_by("-date", "-pk")
        )

    def location(self, item):
        return page_path(item)

    def lastmod(self, item):
        return item.last_published_at

    def get_latest_lastmod(self):
        # One aggregate instead of Django's default walk over every item.
        return self.items().order_by().aggregate(latest=Max("last_published_at"))["latest"]


class PageSitemap(LimitedSitemap):
    """The other pages of the tree: home, series, experts, people, about..."""

    def items(self):
        publication_type = PublicationPage._meta.concrete_model
        return (
            Page.objects.live()
            .public()
            .filter(depth__gte=2)
            .not_type(publication_type)
            .only("url_path", "last_published_at")
            .order_by("path")
        )

    def location(self, item):
        return page_path(item)

    def lastmod(self, item):
        return item.last_published_at

    def get_latest_lastmod(self):
        return self.items().order_by().aggregate(latest=Max("last_published_at"))["latest"]


class ListingSitemap(LimitedSitemap):
    """The publication listings and taxonomy landing pages (no lastmod: they change with
    every publication)."""

    def items(self):
        urls = [reverse("publications:all")]
        urls += [reverse("publications:type", args=[kind.slug]) for kind in PublicationType]
        for model in TAXONOMIES.values():
            urls.append(reverse(f"taxonomy:{model.publication_field}"))
            urls += [term.get_absolute_url() for term in model.objects.only("slug")]
        return urls

    def location(self, item):
        return item


SITEMAPS = {"pages": PageSitemap, "publications": PublicationSitemap, "listings": ListingSitemap}


def _sections():
    """Only sections with at least one URL: an empty <urlset> is not a valid sitemap."""
    return {name: sitemap() for name, sitemap in SITEMAPS.items() if sitemap().paginator.count}


def index(request):
    response = sitemap_views.index(
        request, _sections(), sitemap_url_name="syndication:sitemap_section"
    )
    response.render()
    return response


def section(request, section):
    response = sitemap_views.sitemap(request, {section: SITEMAPS[section]()}, section=section)
    response.render()
    return response


def robots_txt(request):
    """Crawl everything public; keep the admin out; name the sitemap index.

    The search page is not disallowed here on purpose: it says noindex itself (header and
    meta tag), and a crawler that may not fetch it would never see that.
    """
    sitemap = request.build_absolute_uri(reverse("syndication:sitemap"))
    lines = ["User-agent: *", "Disallow: /admin/", "", f"Sitemap: {sitemap}"]
    return HttpResponse("\n".join(lines) + "\n", content_type="text/plain; charset=utf-8")
