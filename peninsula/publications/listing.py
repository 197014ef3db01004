"""Filtered, paginated listings of publications, shared by every listing page.

Series, taxonomy, author and type pages all hand a base queryset to ListingFilter, which
applies the reader's filters (type, theme, region, year), sorts by date and paginates.
"""

from django import forms
from django.conf import settings
from django.core.paginator import Paginator
from django.db.models import Prefetch
from wagtail.models import Page

from peninsula.publications.models import PublicationAuthor, PublicationType
from peninsula.taxonomy.models import Region, Theme


class ListingFilter(forms.Form):
    type = forms.ChoiceField(
        required=False,
        choices=[("", "All types"), *[(kind.slug, kind.plural) for kind in PublicationType]],
    )
    theme = forms.ModelChoiceField(
        required=False, queryset=Theme.objects.all(), to_field_name="slug", empty_label="All themes"
    )
    region = forms.ModelChoiceField(
        required=False,
        queryset=Region.objects.all(),
        to_field_name="slug",
        empty_label="All regions",
    )
    year = forms.TypedChoiceField(required=False, coerce=int, empty_value=None)
    order = forms.ChoiceField(
        required=False, choices=[("", "Newest first"), ("oldest", "Oldest first")]
    )

    def __init__(self, data, *, base, hide=()):
        super().__init__(data)
        self.base = base
        for name in hide:
            self.fields.pop(name, None)
        # A fixed range rather than a DISTINCT over the whole archive.
        from django.utils import timezone

        this_year = timezone.localdate().year
        self.fields["year"].choices = [("", "Any year")] + [
            (str(year), str(year)) for year in range(this_year, 1989, -1)
        ]

    def filtered(self):
        """The base queryset narrowed by whatever filters are valid; invalid ones are ignored."""
        self.is_valid()
        data = getattr(self, "cleaned_data", {})
        queryset = self.base
        if kind := PublicationType.from_slug(data.get("type") or ""):
            queryset = queryset.filter(publication_type=kind)
        if theme := data.get("theme"):
            queryset = queryset.filter(themes=theme)
        if region := data.get("region"):
            queryset = queryset.filter(regions=region)
        if year := data.get("year"):
            queryset = queryset.filter(date__year=year)
        ordering = ("date", "pk") if data.get("order") == "oldest" else ("-date", "-pk")
        return queryset.order_by(*ordering)

    @property
    def active(self) -> bool:
        return bool(self.is_valid() and any(self.cleaned_data.get(name) for name in self.fields))

    def page(self, number):
        paginator = Paginator(card_queryset(self.filtered()), settings.PENINSULA_LISTING_PAGE_SIZE)
        page = paginator.get_page(number)
        page.object_list = hydrate(page.object_list)
        return page


def card_queryset(queryset):
    """What a publication card needs, fetched in a fixed number of queries."""
    return queryset.select_related("hero_image").prefetch_related(
        Prefetch(
            "authors",
            queryset=PublicationAuthor.objects.select_related("person").order_by("sort_order"),
        )
    )


def hydrate(publications):
    """Evaluate a card_queryset and set each item's `series` (its parent page) in one query."""
    items = list(publications)
    parent_paths = {item.path[: -Page.steplen] for item in items}
    parents = {page.path: page for page in Page.objects.filter(path__in=parent_paths)}
    for item in items:
        item.series = parents.get(item.path[: -Page.steplen])
    return items
