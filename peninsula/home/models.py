"""The home page and plain content pages (About, Contact, ...)."""

from datetime import timedelta

from django.db import models
from django.http import Http404
from django.utils import timezone
from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.fields import StreamField
from wagtail.models import Page
from wagtail.search import index
from wagtail.url_routing import RouteResult

from peninsula.core import routes
from peninsula.core.blocks import BodyBlock
from peninsula.core.privacy import ViewRestrictionsMixin
from peninsula.home import curation
from peninsula.home.blocks import PageBlock, chosen_people_field, chosen_publications_field


class HomePage(ViewRestrictionsMixin, Page):
    introduction = models.TextField(
        blank=True, help_text="A sentence or two on what the institute does."
    )

    featured_publications = chosen_publications_field(
        max_num=3,
        help_text="Up to three, the first shown large. Leave empty to show the latest "
        "publications marked 'featured'.",
    )
    body = StreamField(
        PageBlock(),
        blank=True,
        help_text="Sections shown between the featured row and the latest publications, in "
        "this order: chosen publications, people, text, calls to action...",
    )

    content_panels = [
        *Page.content_panels,
        FieldPanel("introduction"),
        FieldPanel("featured_publications"),
        FieldPanel("body"),
    ]
    parent_page_types = ["wagtailcore.Page"]
    subpage_types = [
        "publications.SeriesPage",
        "people.PeopleIndexPage",
        "home.StandardPage",
        "home.LandingPage",
        "press.NewsIndexPage",
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
        from peninsula.publications.events import attach_event_times
        from peninsula.publications.listing import cards, with_bylines
        from peninsula.publications.models import EventPage, PublicationPage, SeriesPage

        context = super().get_context(request, *args, **kwargs)
        live = PublicationPage.objects.listed()
        # The editor's choice when it has a live publication; else the newest marked featured.
        featured = curation.publication_cards(curation.chosen_ids(self.featured_publications))
        if not featured:
            featured = list(cards(live.filter(featured=True).order_by("-date", "-pk")[:3]))
        latest = list(
            cards(live.exclude(pk__in=[item.pk for item in featured]).order_by("-date", "-pk")[:8])
        )
        with_bylines(featured + latest)  # one query for both lists' authors
        attach_event_times(featured + latest)
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
    parent_page_types = ["home.HomePage", "home.StandardPage", "home.LandingPage"]
    subpage_types = ["home.StandardPage", "home.LandingPage", "enquiries.FormPage"]
    template = "home/standard_page.html"


class LandingPage(ViewRestrictionsMixin, Page):
    """A campaign or programme page built from blocks: a picture and a headline at the top,
    then chosen publications, people, text and calls to action in any order."""

    introduction = models.TextField(blank=True, help_text="Shown large under the title.")
    hero_image = models.ForeignKey(
        "assets.CustomImage",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text="A wide picture behind the title, cropped around its focal point.",
    )
    body = StreamField(PageBlock(), blank=True)

    content_panels = [
        *Page.content_panels,
        MultiFieldPanel([FieldPanel("introduction"), FieldPanel("hero_image")], heading="Top"),
        FieldPanel("body"),
    ]
    search_fields = [
        *Page.search_fields,
        index.SearchField("introduction"),
        index.SearchField("body"),
    ]
    parent_page_types = ["home.HomePage", "home.StandardPage", "home.LandingPage"]
    subpage_types = ["home.StandardPage", "home.LandingPage", "enquiries.FormPage"]
    template = "home/landing_page.html"

    class Meta:
        verbose_name = "landing page"


class TermPageContent(models.Model):
    """What an editor chose for a theme's (region's, topic's) page: edited inline on the term
    (its "Its page" panel), read by home/term_pages.py. Kept here, above taxonomy, so the terms
    know nothing of pages and blocks; at most one per term."""

    featured_publications = chosen_publications_field(
        max_num=3, help_text="Up to three, shown above the list. Leave empty to show none."
    )
    experts = chosen_people_field(
        max_num=8,
        help_text="The experts who work on it. Leave empty to show those who have written "
        "most on it.",
    )
    body = StreamField(
        PageBlock(), blank=True, help_text="Sections shown above the list of publications."
    )

    panels = [FieldPanel("featured_publications"), FieldPanel("experts"), FieldPanel("body")]

    class Meta:
        abstract = True

    def __str__(self):
        return f"The page of {self.term}"


class ThemePageContent(TermPageContent):
    term = ParentalKey("taxonomy.Theme", on_delete=models.CASCADE, related_name="page_content")

    class Meta:
        verbose_name = "theme page content"
        constraints = [models.UniqueConstraint(fields=["term"], name="one_page_content_per_theme")]


class RegionPageContent(TermPageContent):
    term = ParentalKey("taxonomy.Region", on_delete=models.CASCADE, related_name="page_content")

    class Meta:
        verbose_name = "region page content"
        constraints = [models.UniqueConstraint(fields=["term"], name="one_page_content_per_region")]


class TopicPageContent(TermPageContent):
    term = ParentalKey("taxonomy.Topic", on_delete=models.CASCADE, related_name="page_content")

    class Meta:
        verbose_name = "topic page content"
        constraints = [models.UniqueConstraint(fields=["term"], name="one_page_content_per_topic")]


# Each taxonomy's page content model, by the term model's name ("theme").
TERM_PAGE_CONTENT = {
    "theme": ThemePageContent,
    "region": RegionPageContent,
    "topic": TopicPageContent,
}
