"""The home page and plain content pages (About, Contact, ...)."""

from datetime import timedelta

from django.db import models
from django.http import Http404
from django.utils import timezone
from wagtail.admin.panels import FieldPanel
from wagtail.fields import StreamField
from wagtail.models import Page
from wagtail.search import index
from wagtail.url_routing import RouteResult

from peninsula.core import routes
from peninsula.core.blocks import BodyBlock
from peninsula.core.privacy import ViewRestrictionsMixin


class HomePage(ViewRestrictionsMixin, Page):
    introduction = models.TextField(
        blank=True, help_text="A sentence or two on what the institute does."
    )

    content_panels = [*Page.content_panels, FieldPanel("introduction")]
    parent_page_types = ["wagtailcore.Page"]
    subpage_types = [
        "publications.SeriesPage",
        "people.PeopleIndexPage",
        "home.StandardPage",
        "enquiries.FormPage",
    ]
    max_count = 1
    template = "home/home_page.html"

    def route(self, request, path_components):
        """Find a descendant by its URL path in one query.

        Wagtail walks the tree one level at a time (two queries a level); a publication
        three levels down would cost six. Pages that route their own sub-paths, or paths
        that match no page, fall back to Wagtail's walk.
        """
        if path_components:
            url_path = self.url_path + "/".join(path_components) + "/"
            page = routes.cached_page(url_path)  # one query instead of two, when known
            if page is None:
                page = (
                    Page.objects.filter(url_path=url_path, path__startswith=self.path)
                    .only("live", "content_type", "url_path")
                    .first()
                )
                if page is not None:
                    routes.remember(page)
                    page = page.specific
            if page is not None:
                if not page.live:
                    raise Http404
                return RouteResult(page)
        return super().route(request, path_components)

    def get_context(self, request, *args, **kwargs):
        from peninsula.publications.listing import cards, with_bylines
        from peninsula.publications.models import EventPage, PublicationPage, SeriesPage

        context = super().get_context(request, *args, **kwargs)
        live = PublicationPage.objects.listed()
        featured = list(cards(live.filter(featured=True).order_by("-date", "-pk")[:3]))
        latest = list(
            cards(live.exclude(pk__in=[item.pk for item in featured]).order_by("-date", "-pk")[:8])
        )
        with_bylines(featured + latest)  # one query for both lists' authors
        context["featured"] = featured
        context["latest"] = latest
        context["series_list"] = (
            SeriesPage.objects.live().child_of(self).select_related("image").order_by("sort_order")
        )
        context["upcoming_events"] = list(
            EventPage.objects.live()
            .filter(starts_at__gte=timezone.now() - timedelta(hours=12))
            .only("title", "url_path", "publication_type", "start_date", "start_time", "time_zone")
            .order_by("starts_at")[:4]
        )
        return context


class StandardPage(ViewRestrictionsMixin, Page):
    """A plain page such as About or Contact."""

    introduction = models.TextField(blank=True)
    body = StreamField(BodyBlock(), blank=True)

    content_panels = [*Page.content_panels, FieldPanel("introduction"), FieldPanel("body")]
    search_fields = [
        *Page.search_fields,
        index.SearchField("introduction"),
        index.SearchField("body"),
    ]
    parent_page_types = ["home.HomePage", "home.StandardPage"]
    subpage_types = ["home.StandardPage", "enquiries.FormPage"]
    template = "home/standard_page.html"
