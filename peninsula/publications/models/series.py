from django.db import models
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.models import Page
from wagtail.search import index

from peninsula.core.privacy import ViewRestrictionsMixin

PUBLICATION_PAGE_TYPES = [
    "publications.ArticlePage",
    "publications.BriefPage",
    "publications.ReportPage",
    "publications.PodcastEpisodePage",
    "publications.EventPage",
    "publications.VideoPage",
]


class SeriesPage(ViewRestrictionsMixin, Page):
    """A series or collection of publications, e.g. the blog 'The Peninsula' or a weekly brief.

    Every publication lives under exactly one series page: that is its series, its URL
    prefix and the page its "Return to" link leads to.
    """

    introduction = models.TextField(blank=True, help_text="What the series is about, for readers.")
    image = models.ForeignKey(
        "assets.CustomImage", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    sort_order = models.IntegerField(
        default=0, help_text="Lower numbers come first on the home page."
    )
    # Where a podcast series is listened to, for its episodes' "Subscribe" links.
    apple_podcasts_url = models.URLField("Apple Podcasts", blank=True, default="", db_default="")
    spotify_url = models.URLField("Spotify", blank=True, default="", db_default="")
    other_podcast_app_name = models.CharField(
        "other app's name",
        max_length=60,
        blank=True,
        default="",
        db_default="",
        help_text="e.g. 'Pocket Casts'.",
    )
    other_podcast_app_url = models.URLField(
        "other app's address", blank=True, default="", db_default=""
    )

    content_panels = [
        *Page.content_panels,
        FieldPanel("introduction"),
        FieldPanel("image"),
        FieldPanel("sort_order"),
        MultiFieldPanel(
            [
                FieldPanel("apple_podcasts_url"),
                FieldPanel("spotify_url"),
                FieldPanel("other_podcast_app_name"),
                FieldPanel("other_podcast_app_url"),
            ],
            heading="Podcast apps",
            help_text="For a podcast series: where listeners subscribe, besides its feed.",
        ),
    ]
    search_fields = [*Page.search_fields, index.SearchField("introduction")]
    parent_page_types = ["home.HomePage"]
    subpage_types = PUBLICATION_PAGE_TYPES
    template = "publications/series_page.html"

    class Meta:
        verbose_name = "series"
        verbose_name_plural = "series"

    @classmethod
    def podcast_app_fields(cls):
        return [
            cls._meta.get_field(name)
            for name in (
                "apple_podcasts_url",
                "spotify_url",
                "other_podcast_app_name",
                "other_podcast_app_url",
            )
        ]

    def podcast_apps(self) -> list[tuple[str, str]]:
        """(app name, address) for each podcast app the editor linked."""
        apps = [
            ("Apple Podcasts", self.apple_podcasts_url),
            ("Spotify", self.spotify_url),
            (self.other_podcast_app_name or "Other app", self.other_podcast_app_url),
        ]
        return [(name, url) for name, url in apps if url]

    def get_context(self, request, *args, **kwargs):
        from peninsula.publications.events import event_listing, is_events_only
        from peninsula.publications.listing import ListingFilter
        from peninsula.publications.models import PublicationPage

        context = super().get_context(request, *args, **kwargs)
        base = PublicationPage.objects.listed().filter(series_page=self)
        # A series of events lists them by when they happen, upcoming first.
        events_only = is_events_only(base)
        listing = ListingFilter(request.GET, base=base, hide=["order"] if events_only else [])
        context["listing"] = listing
        if events_only:
            context["events"] = event_listing(listing.filtered(), request.GET.get("page"))
        else:
            context["page_obj"] = listing.page(request.GET.get("page"))
        return context
