"""Filtered, paginated listings of publications, shared by every listing page.

Series, taxonomy, author and type pages all hand a base queryset to ListingFilter, which
applies the reader's filters (type, theme, region, year), sorts by date and paginates.
"""

from collections import defaultdict
from dataclasses import dataclass

from django import forms
from django.conf import settings
from django.core.paginator import Paginator
from django.db.models import Exists, OuterRef, Q
from django.utils.functional import cached_property

from peninsula.core.chrome import page_url, site_root_paths
from peninsula.core.widgets import QuickSelect
from peninsula.publications.counts import listing_count
from peninsula.publications.events import attach_event_times
from peninsula.publications.models import PublicationAuthor, PublicationPage, PublicationType
from peninsula.taxonomy.forms import TermChoiceField
from peninsula.taxonomy.models import Region, Theme


class ListingFilter(forms.Form):
    type = forms.ChoiceField(
        required=False,
        choices=[("", "All types"), *[(kind.slug, kind.plural) for kind in PublicationType]],
        widget=QuickSelect,
    )
    theme = TermChoiceField(Theme, required=False, empty_label="All themes")
    region = TermChoiceField(Region, required=False, empty_label="All regions")
    year = forms.TypedChoiceField(required=False, coerce=int, empty_value=None, widget=QuickSelect)
    order = forms.ChoiceField(
        required=False,
        choices=[("", "Newest first"), ("oldest", "Oldest first")],
        widget=QuickSelect,
    )

    def __init__(self, data, *, base, terms=(), hide=()):
        super().__init__(data)
        self.base = base
        self.terms = list(terms)  # themes, regions or topics the page itself stands for
        for name in hide:
            self.fields.pop(name, None)
        # A fixed range rather than a DISTINCT over the whole archive.
        from django.utils import timezone

        this_year = timezone.localdate().year
        self.fields["year"].choices = [("", "Any year")] + [
            (str(year), str(year)) for year in range(this_year, 1989, -1)
        ]

    def filtered(self, counting=False):
        """The base queryset narrowed by whatever filters are valid; invalid ones are ignored.

        `counting` shapes the taxonomy filters for a COUNT (see tagged_with).
        """
        self.is_valid()
        data = getattr(self, "cleaned_data", {})
        queryset = self.base
        if kind := PublicationType.from_slug(data.get("type") or ""):
            queryset = queryset.filter(publication_type=kind)
        terms = [*self.terms, data.get("theme"), data.get("region")]
        for term in filter(None, terms):
            queryset = queryset.filter(tagged_with(term, counting=counting))
        if year := data.get("year"):
            queryset = queryset.filter(date__year=year)
        ordering = ("date", "pk") if data.get("order") == "oldest" else ("-date", "-pk")
        return queryset.order_by(*ordering)

    def chosen(self) -> dict[str, str]:
        """The reader's valid filters as a heading names them ("Commentary", "Security",
        "2024"), by field, in the form's order; the sort order is not a filter."""
        self.is_valid()
        data = getattr(self, "cleaned_data", {})
        labels = {}
        if kind := PublicationType.from_slug(data.get("type") or ""):
            labels["type"] = kind.plural
        for name in ("theme", "region"):
            if term := data.get(name):
                labels[name] = term.name
        if year := data.get("year"):
            labels["year"] = str(year)
        return labels

    @property
    def summary(self) -> str:
        """The chosen filters in one phrase for titles and headings, "" when there are none."""
        return ", ".join(self.chosen().values())

    @property
    def active(self) -> bool:
        return bool(self.is_valid() and any(self.cleaned_data.get(name) for name in self.fields))

    def page(self, number):
        """One page of cards, and the count of everything found.

        The page's ids are found first, from narrow index columns, and only those rows are
        read in full (one query, the ids as a subquery): sorting thousands of an author's
        publications then carries their ids and dates, not their titles and summaries."""
        filtered = self.filtered()
        paginator = ListingPaginator(
            filtered.values_list("pk", flat=True),
            settings.PENINSULA_LISTING_PAGE_SIZE,
            count_queryset=self.filtered(counting=True),
        )
        page = paginator.get_page(number)
        rows = PublicationPage.objects.filter(pk__in=page.object_list)
        page.object_list = with_bylines(list(cards(rows).order_by(*filtered.query.order_by)))
        attach_event_times(page.object_list)  # event cards show when the event is
        return page


class ListingPaginator(Paginator):
    """Counts with a query of its own, shaped for counting rather than for a page of rows."""

    def __init__(self, object_list, per_page, *, count_queryset):
        super().__init__(object_list, per_page)
        self.count_queryset = count_queryset

    @cached_property
    def count(self):
        return listing_count(self.count_queryset)


def tagged_with(term, counting=False):
    """A filter for publications classified under a theme, region or topic.

    For a page of rows, EXISTS: the database walks live publications newest first and stops
    once the page is full. For a count, IN: it starts from the term's own index entries
    instead of testing every live publication.
    """
    through = getattr(PublicationPage, term.publication_field).through
    linked = through.objects.filter(**{f"{type(term)._meta.model_name}_id": term.pk})
    if counting:
        return Q(pk__in=linked.values("publicationpage_id"))
    return Exists(linked.filter(publicationpage_id=OuterRef("pk")))


# The columns a card shows (card.html): the page's URL and series come from url_path and
# path, the rest is printed. Listings, home and related publications read only these.
CARD_FIELDS = ["title", "url_path", "path", "publication_type", "date", "summary", "hero_image"]


def card_queryset(queryset):
    """The rows feeds and the API show: every column but the StreamField body, with the hero
    image. Evaluate, then attach authors (with_bylines) and terms (attach_classifications):
    two queries whatever the number of rows.

    The row's series comes from the cached series map (PublicationPage.series)."""
    # Feeds and the API never show the body: leave the StreamField JSON (the widest column)
    # unread.
    return queryset.defer_streamfields().select_related("hero_image")


def cards(queryset):
    """The rows for HTML cards: only the columns a card shows (CARD_FIELDS). Evaluate, then
    pass the list through with_bylines.

    Every column left out is one less to fetch, compile and turn into Python, which on a
    page of twenty cards is a good part of its time."""
    return queryset.only(*CARD_FIELDS).select_related("hero_image")


@dataclass(frozen=True)
class Byline:
    """An author as a card, a feed entry or the API names them: a person page's id, name and
    URL path, without the page."""

    pk: int
    title: str
    url_path: str

    def get_url(self, request=None) -> str | None:
        return page_url(self.url_path, site_root_paths(request), request)


def with_bylines(items: list) -> list:
    """Give each item its authors (`item.author_people`, Bylines), one query for all items.

    Building full person pages for every author of twenty cards or fifty feed entries costs
    more than the rest of the card or entry."""
    rows = (
        PublicationAuthor.objects.filter(page_id__in=[item.pk for item in items])
        .order_by("sort_order", "pk")
        .values_list("page_id", "person_id", "person__title", "person__url_path")
    )
    return attach_bylines(items, rows if items else ())


def attach_bylines(items: list, rows) -> list:
    """Set `item.author_people` from (page id, person id, name, URL path) rows in byline
    order."""
    names = defaultdict(list)
    for page_id, person_id, title, url_path in rows:
        names[page_id].append(Byline(person_id, title, url_path))
    for item in items:
        item.author_people = names[item.pk]  # in place of the cached property's query
    return items
