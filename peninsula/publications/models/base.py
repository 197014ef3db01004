"""The fields every publication shares, whatever its type."""

from django import forms
from django.db import models
from django.utils import timezone
from modelcluster.fields import ParentalKey, ParentalManyToManyField
from wagtail.admin.panels import FieldPanel, InlinePanel, MultiFieldPanel
from wagtail.fields import StreamField
from wagtail.models import Orderable, Page
from wagtail.search import index

from peninsula.core.blocks import BodyBlock


class PublicationType(models.TextChoices):
    ARTICLE = "article", "Commentary"
    BRIEF = "brief", "Brief"
    REPORT = "report", "Report"
    PODCAST = "podcast", "Podcast episode"
    EVENT = "event", "Event"
    VIDEO = "video", "Video"

    @property
    def plural(self) -> str:
        return _PLURALS[self]

    @property
    def slug(self) -> str:
        return _SLUGS[self]

    @classmethod
    def from_slug(cls, slug: str) -> "PublicationType | None":
        return next((kind for kind, kind_slug in _SLUGS.items() if kind_slug == slug), None)


_PLURALS = {
    PublicationType.ARTICLE: "Commentary",
    PublicationType.BRIEF: "Briefs",
    PublicationType.REPORT: "Reports and papers",
    PublicationType.PODCAST: "Podcast episodes",
    PublicationType.EVENT: "Events",
    PublicationType.VIDEO: "Videos",
}
_SLUGS = {
    PublicationType.ARTICLE: "commentary",
    PublicationType.BRIEF: "briefs",
    PublicationType.REPORT: "reports",
    PublicationType.PODCAST: "podcasts",
    PublicationType.EVENT: "events",
    PublicationType.VIDEO: "videos",
}


class PublicationPage(Page):
    """A publication of any type. Not created directly: each type is a subclass."""

    publication_type = models.CharField(
        max_length=16, choices=PublicationType.choices, editable=False, db_index=True
    )
    subtitle = models.CharField(max_length=255, blank=True)
    date = models.DateField(
        "publication date",
        default=timezone.localdate,
        db_index=True,
        help_text="The date readers see. Kept as is when a page is edited later.",
    )
    summary = models.TextField(
        blank=True, help_text="Two or three sentences for listings, feeds and search results."
    )
    hero_image = models.ForeignKey(
        "assets.CustomImage", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    hero_caption = models.CharField(max_length=500, blank=True)
    hero_credit = models.CharField(
        max_length=255, blank=True, help_text="Leave empty to use the image's own credit."
    )
    body = StreamField(BodyBlock(), blank=True)
    disclaimer = models.CharField(
        max_length=500,
        blank=True,
        help_text="Leave empty to use the institute's default disclaimer.",
    )
    featured = models.BooleanField(default=False, help_text="Show on the home page.")
    themes = ParentalManyToManyField("taxonomy.Theme", blank=True, related_name="publications")
    regions = ParentalManyToManyField("taxonomy.Region", blank=True, related_name="publications")
    topics = ParentalManyToManyField("taxonomy.Topic", blank=True, related_name="publications")

    # Set by each subclass.
    kind = PublicationType.ARTICLE

    content_panels = [
        *Page.content_panels,
        FieldPanel("subtitle"),
        FieldPanel("date"),
        FieldPanel("summary"),
        InlinePanel("authors", label="Author", heading="Authors"),
        MultiFieldPanel(
            [FieldPanel("hero_image"), FieldPanel("hero_caption"), FieldPanel("hero_credit")],
            heading="Hero image",
        ),
        FieldPanel("body"),
        FieldPanel("disclaimer"),
    ]
    taxonomy_panels = [
        FieldPanel("themes", widget=forms.CheckboxSelectMultiple),
        FieldPanel("regions", widget=forms.CheckboxSelectMultiple),
        FieldPanel("topics", widget=forms.CheckboxSelectMultiple),
        FieldPanel("featured"),
    ]
    search_fields = [
        *Page.search_fields,
        index.SearchField("subtitle"),
        index.SearchField("summary"),
        index.SearchField("body"),
        index.FilterField("publication_type"),
        index.FilterField("date"),
    ]
    is_creatable = False
    parent_page_types = ["publications.SeriesPage"]
    subpage_types = []

    class Meta:
        verbose_name = "publication"
        indexes = [models.Index(fields=["publication_type", "date"], name="publication_type_date")]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        # Set from the start, so an unsaved page (an admin preview) knows its type too.
        if not self.publication_type and type(self) is not PublicationPage:
            self.publication_type = self.kind

    def save(self, *args, **kwargs):
        if type(self) is not PublicationPage:  # a bare base row keeps the type it has
            self.publication_type = self.kind
        super().save(*args, **kwargs)

    @property
    def type_label(self) -> str:
        return PublicationType(self.publication_type).label

    @property
    def credit(self) -> str:
        if self.hero_credit:
            return self.hero_credit
        return self.hero_image.credit if self.hero_image else ""

    def author_people(self):
        """The authors' person pages, in order; uses prefetched rows when there are some."""
        return [authorship.person for authorship in self.authors.all() if authorship.person_id]

    def get_context(self, request, *args, **kwargs):
        from peninsula.publications.listing import card_queryset, hydrate

        context = super().get_context(request, *args, **kwargs)
        context["related"] = hydrate(card_queryset(self.related_publications()))
        context["series"] = self.get_parent()
        return context

    def related_publications(self, limit: int = 3):
        """The latest live publications sharing a theme with this one."""
        theme_ids = [theme.pk for theme in self.themes.all()]
        related = PublicationPage.objects.live().exclude(pk=self.pk)
        if theme_ids:
            through = PublicationPage.themes.through
            sharing = through.objects.filter(theme_id__in=theme_ids).values("publicationpage_id")
            related = related.filter(pk__in=sharing)
        return related.order_by("-date", "-pk")[:limit]


class PublicationAuthor(Orderable):
    page = ParentalKey(PublicationPage, on_delete=models.CASCADE, related_name="authors")
    person = models.ForeignKey(
        "people.PersonPage", on_delete=models.CASCADE, related_name="authorships"
    )

    panels = [FieldPanel("person")]

    class Meta(Orderable.Meta):
        constraints = [
            models.UniqueConstraint(fields=["page", "person"], name="unique_author_per_publication")
        ]

    def __str__(self):
        return f"{self.person} on {self.page}"


def publication_edit_handler(type_panels=(), heading="Details"):
    """The admin tabs for a publication type: content, its own fields, classification."""
    from wagtail.admin.panels import ObjectList, TabbedInterface

    tabs = [ObjectList(PublicationPage.content_panels, heading="Content")]
    if type_panels:
        tabs.append(ObjectList(list(type_panels), heading=heading))
    tabs += [
        ObjectList(PublicationPage.taxonomy_panels, heading="Classification"),
        ObjectList(Page.promote_panels, heading="Promote"),
        ObjectList(Page.settings_panels, heading="Settings"),
    ]
    return TabbedInterface(tabs)
