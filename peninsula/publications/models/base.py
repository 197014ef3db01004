"""The fields every publication shares, whatever its type."""

import functools
from collections import namedtuple

from django import forms
from django.db import connection, models
from django.db.models import Exists, OuterRef, Q
from django.utils import timezone
from django.utils.functional import cached_property
from modelcluster.fields import ParentalKey, ParentalManyToManyField
from wagtail.admin.panels import FieldPanel, InlinePanel, MultiFieldPanel
from wagtail.fields import StreamField
from wagtail.models import Orderable, Page, PageManager
from wagtail.query import PageQuerySet
from wagtail.search import index

from peninsula.core.blocks import BodyBlock
from peninsula.core.prepared import PreparedQuery, fetch_all
from peninsula.core.privacy import ViewRestrictionsMixin
from peninsula.taxonomy.models import TAXONOMIES


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


_TAXONOMY_NAMES = list(TAXONOMIES)
_TermRow = namedtuple("_TermRow", "page_id position pk name slug sort_order")


def classifications(page_ids: list[int]) -> dict[int, dict[str, list]]:
    """{page id: {"themes": [...], "regions": [...], "topics": [...]}} for saved
    publications, each list in menu order, in one statement whatever the number of pages.

    The terms carry their id, name and slug (enough for a link or a feed category)."""
    found = {pk: {name: [] for name in TAXONOMIES} for pk in page_ids}
    if not page_ids:
        return found
    # One page (an article view) is prepared; a feed's or a listing's fifty vary in number
    # and are not worth a prepared statement each.
    rows = fetch_all(
        _classification_sql(len(page_ids)),
        list(page_ids) * len(TAXONOMIES),
        server_prepared=len(page_ids) == 1,
    )
    terms = [_TermRow(*row) for row in rows]
    for term in sorted(terms, key=lambda term: (term.sort_order, term.name)):
        field = _TAXONOMY_NAMES[term.position]
        found[term.page_id][field].append(
            TAXONOMIES[field](pk=term.pk, name=term.name, slug=term.slug)
        )
    return found


def attach_classifications(pages: list) -> list:
    """Set each page's `classification` (themes, regions, topics) with one query for all."""
    found = classifications([page.pk for page in pages])
    for page in pages:
        page.__dict__["classification"] = found[page.pk]  # in place of the cached property
    return pages


@functools.cache
def _classification_sql(page_count: int) -> str:
    """(publication id, position in TAXONOMIES, id, name, slug, sort order) of the
    themes, regions and topics of `page_count` publications, in one statement.

    Written out once per count, not built by the ORM per page view: compiling the
    equivalent union of querysets took longer than running it."""
    quote = connection.ops.quote_name
    placeholders = ", ".join(["%s"] * page_count)
    parts = []  # id, name, slug and sort_order are BaseTaxonomy's columns, on every model
    for position, (name, model) in enumerate(TAXONOMIES.items()):
        field = PublicationPage._meta.get_field(name)
        link = quote(field.remote_field.through._meta.db_table)
        page_column = f"link.{quote(field.m2m_column_name())}"
        parts.append(
            f"SELECT {page_column}, {position}, term.id, term.name, term.slug, term.sort_order "
            f"FROM {quote(model._meta.db_table)} term JOIN {link} link "
            f"ON link.{quote(field.m2m_reverse_name())} = term.id "
            f"WHERE {page_column} IN ({placeholders})"
        )
    return " UNION ALL ".join(parts)


# What the byline, the bio lines and the page's metadata read of an author: a person page has
# some forty columns, and fetching only these makes the query a good deal cheaper. The
# templates read title, url_path and the last four; path, depth, live, content_type and
# locale are kept so that Wagtail's URL and tree methods never load a deferred column (one
# query per author).
_BYLINE_PERSON_FIELDS = (
    "title", "url_path", "path", "depth", "live", "content_type", "locale",
    "job_title", "affiliation", "bio_line", "sort_name",
)  # fmt: skip


class PublicationQuerySet(PageQuerySet):
    def listed(self):
        """Live publications, filtered on this table alone (see `is_live`)."""
        return self.filter(is_live=True)


class PublicationPage(ViewRestrictionsMixin, Page):
    """A publication of any type. Not created directly: each type is a subclass."""

    publication_type = models.CharField(
        max_length=16, choices=PublicationType.choices, editable=False
    )
    subtitle = models.CharField(max_length=255, blank=True)
    date = models.DateField(
        "publication date",
        default=timezone.localdate,
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

    # The composite indexes in Meta serve every listing (type and date are not indexed alone).
    # Copies of Page.live and of the parent series, kept by save() and on moves, so that
    # listings filter, count and sort on this one table with its own indexes instead of
    # joining wagtailcore_page for every row: at 100,000 rows that join is most of the cost.
    is_live = models.BooleanField(default=False, editable=False)
    series_page = models.ForeignKey(
        "publications.SeriesPage",
        null=True,
        on_delete=models.SET_NULL,
        editable=False,
        related_name="+",
        db_index=False,  # the listed_by_series_date index serves
    )

    objects = PageManager.from_queryset(PublicationQuerySet)()

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
        # Partial indexes over live publications: Django writes `is_live=True` as a bare
        # `WHERE is_live`, which SQLite matches to an index condition but not to a column.
        # The page id ends each key: listings sort by (date, id), so the index gives that
        # order outright and a page of rows stops after its last row, and counts read the
        # index alone, never the wide rows.
        indexes = [
            models.Index(
                fields=["date", "page_ptr"],
                name="listed_by_date",
                condition=Q(is_live=True),
            ),
            models.Index(
                fields=["publication_type", "date", "page_ptr"],
                name="listed_by_type_date",
                condition=Q(is_live=True),
            ),
            models.Index(
                fields=["series_page", "date", "page_ptr"],
                name="listed_by_series_date",
                condition=Q(is_live=True),
            ),
        ]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        # Set from the start, so an unsaved page (an admin preview) knows its type too.
        if not self.publication_type and type(self) is not PublicationPage:
            self.publication_type = self.kind

    def save(self, *args, **kwargs):
        parent_id = None
        if self.path and self.depth and self.depth > 1:
            parent_id = self.get_parent().pk
        self.set_denormalised_fields(parent_id)
        super().save(*args, **kwargs)

    def set_denormalised_fields(self, parent_id: int | None):
        """Copy the type, `live` and the series (the parent) into this table's own columns,
        which listings filter on. `save()` calls it, and so does the bulk page writer
        (peninsula.pagewriter), which writes rows without calling `save()`."""
        if type(self) is not PublicationPage:  # a bare base row keeps the type it has
            self.publication_type = self.kind
        self.is_live = self.live
        if parent_id is not None:
            self.series_page_id = parent_id

    @property
    def type_label(self) -> str:
        return PublicationType(self.publication_type).label

    @property
    def credit(self) -> str:
        if self.hero_credit:
            return self.hero_credit
        return self.hero_image.credit if self.hero_image else ""

    @cached_property
    def author_people(self):
        """The authors' person pages, in order, in one query (or none when prefetched)."""
        authorships = self.authors.all()
        if isinstance(authorships, models.QuerySet) and authorships._result_cache is None:
            authorships = authorships.select_related("person")
        return [authorship.person for authorship in authorships if authorship.person_id]

    @cached_property
    def classification(self) -> dict[str, list]:
        """{"themes": [...], "regions": [...], "topics": [...]}, each in menu order.

        In one query. A preview holds unsaved choices in memory (modelcluster); those are
        used as they are.
        """
        if not self._saved_as_shown():
            return {name: list(getattr(self, name).all()) for name in TAXONOMIES}
        return classifications([self.pk])[self.pk]

    @cached_property
    def series(self):
        """The series this publication lives in (its parent), from the cached series map.
        Kept on the instance: templates and metadata ask for it a dozen times a page."""
        from peninsula.publications.series_links import series_for

        return series_for(self)

    def get_context(self, request, *args, **kwargs):
        from peninsula.publications.events import attach_event_times
        from peninsula.publications.listing import with_bylines

        context = super().get_context(request, *args, **kwargs)
        related = self.related_publications()
        if self._saved_as_shown():
            self._fetch_authors_with(related)
        else:  # a preview: the authors being edited are in memory, not in the database
            with_bylines(related)
        attach_event_times(related)
        context["related"] = related
        context["series"] = self.series
        return context

    def _saved_as_shown(self) -> bool:
        """False for a preview, whose authors and terms are held in memory (modelcluster)
        and may differ from the saved ones."""
        unsaved = getattr(self, "_cluster_related_objects", {})
        return self.pk is not None and not any(name in unsaved for name in ("authors", *TAXONOMIES))

    def _fetch_authors_with(self, related: list):
        """This page's authors (person pages with the columns the byline, bios and metadata
        read) and the related cards' bylines, in one query."""
        from peninsula.publications.listing import attach_bylines

        page_ids = [self.pk, *(item.pk for item in related)]
        page_ids += [self.pk] * (_AUTHORS_OF.arity - len(page_ids))  # pad: a fixed shape
        found = [(authorship.page_id, authorship.person) for authorship in _AUTHORS_OF(*page_ids)]
        self.author_people = [person for page_id, person in found if page_id == self.pk]
        bylines = [(page_id, person.pk, person.title, person.url_path) for page_id, person in found]
        attach_bylines(related, bylines)

    def related_publications(self) -> list:
        """Cards (listing.cards) of the latest live publications sharing a theme with this
        one, or of the latest of all when it has no theme; RELATED_COUNT of them."""
        theme_ids = [theme.pk for theme in self.classification["themes"]]
        if not self._saved_as_shown():
            return list(_related_cards(self.pk, theme_ids or None))
        if not theme_ids:
            return _LATEST_OTHERS(self.pk)
        return _related_by_themes(len(theme_ids))(self.pk, *theme_ids)


RELATED_COUNT = 3


def _related_cards(page_id, themes):
    """The cards queryset of the latest live publications other than `page_id` sharing a
    theme in `themes` (ids), or of any theme when it is None.

    Written as EXISTS so the database walks publications newest first and stops after
    RELATED_COUNT, instead of gathering every publication of the theme and sorting them."""
    from peninsula.publications.listing import cards

    related = PublicationPage.objects.listed().exclude(pk=page_id)
    if themes is not None:
        through = PublicationPage.themes.through
        related = related.filter(
            Exists(through.objects.filter(publicationpage_id=OuterRef("pk"), theme_id__in=themes))
        )
    return cards(related.order_by("-date", "-pk")[:RELATED_COUNT])


@functools.cache
def _related_by_themes(theme_count: int) -> PreparedQuery:
    """The related publications of a page with `theme_count` themes, built once per count.

    Not server-prepared: the planner must see the theme ids each time. For a common theme
    it walks the archive newest first and stops after three; for a rare one it starts from
    the theme's few publications. A prepared statement's generic plan always walked, and
    took 0.8 s for an article whose theme had four publications (docs/benchmarks.md)."""
    return PreparedQuery(
        lambda page_id, *theme_ids: _related_cards(page_id, theme_ids),
        arity=1 + theme_count,
        server_prepared=False,
    )


# A page view's other queries, built once and prepared (core/prepared.py): the ORM took
# longer to write their SQL than PostgreSQL took to answer it, once planned.
_LATEST_OTHERS = PreparedQuery(lambda page_id: _related_cards(page_id, None))
_AUTHORS_OF = PreparedQuery(  # a page and its related cards: RELATED_COUNT + 1 ids
    lambda *page_ids: (
        PublicationAuthor.objects.filter(page_id__in=page_ids)
        .select_related("person")
        .only("page_id", "person_id", *(f"person__{name}" for name in _BYLINE_PERSON_FIELDS))
        .order_by("sort_order")
    ),
    arity=RELATED_COUNT + 1,
)


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
