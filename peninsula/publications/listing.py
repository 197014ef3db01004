"""Filtered, paginated listings of publications, shared by every listing page.

Series, taxonomy, author and type pages all hand a base queryset to ListingFilter, which
applies the reader's filters (publications/filters.py, shared with the API), sorts by date
and paginates.
"""

from collections import defaultdict
from dataclasses import dataclass

from django.conf import settings
from django.core.paginator import Paginator
from django.utils.functional import cached_property

from peninsula.core.chrome import page_url, site_root_paths
from peninsula.publications.counts import listing_count
from peninsula.publications.events import attach_event_times
from peninsula.publications.filters import PublicationFilter
from peninsula.publications.models import PublicationAuthor, PublicationPage, PublicationType


class ListingFilter(PublicationFilter):
    """The filters a listing page offers (type, theme, region, year, order), its heading's
    words for them, and one page of cards."""

    offered = ("type", "theme", "region", "year", "order")

    def __init__(self, data, *, base, terms=(), hide=()):
        offered = [name for name in self.offered if name not in hide]
        super().__init__(data, base, offered=offered, terms=terms)

    def chosen(self) -> dict[str, str]:
        """The reader's valid filters as a heading names them ("Commentary", "Security",
        "2024"), by field, in the form's order; the sort order is not a filter."""
        data = self.cleaned_data
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
        data = self.cleaned_data
        return bool(self.form.is_valid() and any(data.get(name) for name in self.filters))

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
