"""The reader's filters over publications, written once for the HTML listings and the API.

Each caller offers the filters it shows: the listing pages type, theme, region, year and
order; the API type, series, author, theme, region, topic and a date range. Validation is
the form's (django-filter builds it), so an unknown slug is an error the caller turns into
its own answer: the listings ignore that filter, the API answers 404.
"""

import django_filters
from django import forms
from django.db.models import Exists, OuterRef, Q
from django.utils import timezone

from peninsula.core.widgets import QuickSelect
from peninsula.publications.models import (
    PublicationAuthor,
    PublicationPage,
    PublicationType,
    SeriesPage,
)
from peninsula.taxonomy.forms import TermChoiceField
from peninsula.taxonomy.models import Region, Theme, Topic


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


class TermFilter(django_filters.Filter):
    """One theme, region or topic by slug, from the cached term list (TermChoiceField)."""

    field_class = TermChoiceField

    def filter(self, queryset, term):
        if term is None:
            return queryset
        return queryset.filter(tagged_with(term, counting=self.parent.counting))


class FormFieldFilter(django_filters.Filter):
    """A filter whose form field is a plain Django one (the listings' menus as they were)."""

    def __init__(self, *args, field_class, **kwargs):
        self.field_class = field_class
        super().__init__(*args, **kwargs)


def _people():
    """Person pages, as PublicationAuthor links them (the people app is not imported here:
    it imports publications)."""
    return PublicationAuthor._meta.get_field("person").related_model.objects


def _years():
    """A fixed range rather than a DISTINCT over the whole archive."""
    this_year = timezone.localdate().year
    return [("", "Any year")] + [(str(year), str(year)) for year in range(this_year, 1989, -1)]


class PublicationFilter(django_filters.FilterSet):
    # In this order the API reports an unknown series, author or term.
    type = FormFieldFilter(
        field_class=forms.ChoiceField,
        label="Type",
        method="filter_type",
        choices=[("", "All types"), *[(kind.slug, kind.plural) for kind in PublicationType]],
        widget=QuickSelect,
    )
    series = django_filters.ModelChoiceFilter(
        field_name="series_page",
        label="Series",
        to_field_name="slug",
        queryset=lambda request: SeriesPage.objects.live().public(),
    )
    author = django_filters.ModelChoiceFilter(
        method="filter_author",
        label="Author",
        to_field_name="slug",
        queryset=lambda request: _people().live().public(),
    )
    theme = TermFilter(label="Theme", model=Theme, empty_label="All themes")
    region = TermFilter(label="Region", model=Region, empty_label="All regions")
    topic = TermFilter(label="Topic", model=Topic, empty_label="All topics")
    year = FormFieldFilter(
        field_class=forms.TypedChoiceField,
        field_name="date",
        lookup_expr="year",
        label="Year",
        choices=_years,
        coerce=int,
        empty_value=None,
        widget=QuickSelect,
    )
    date_from = django_filters.DateFilter(field_name="date", lookup_expr="gte", label="From")
    date_to = django_filters.DateFilter(field_name="date", lookup_expr="lte", label="To")
    order = FormFieldFilter(
        field_class=forms.ChoiceField,
        label="Order",
        method="filter_order",
        choices=[("", "Newest first"), ("oldest", "Oldest first")],
        widget=QuickSelect,
    )

    def __init__(self, data, queryset, *, offered, terms=()):
        """`offered`: the names of the filters this caller shows, in the form's order;
        `terms`: themes, regions or topics every result must have (a term's own page)."""
        super().__init__(data, queryset)
        self.filters = {name: self.filters[name] for name in offered}
        self.terms = list(terms)
        self.counting = False

    def filtered(self, counting=False):
        """The queryset narrowed by whatever filters are valid (an invalid one is left out),
        newest first unless the reader chose otherwise.

        `counting` shapes the taxonomy filters for a COUNT (see tagged_with)."""
        self.form.is_valid()  # cleaned_data then holds the valid filters only
        self.counting = counting
        queryset = self.queryset.order_by("-date", "-pk")
        for term in self.terms:
            queryset = queryset.filter(tagged_with(term, counting=counting))
        return self.filter_queryset(queryset)

    @property
    def cleaned_data(self) -> dict:
        self.form.is_valid()
        return getattr(self.form, "cleaned_data", {})

    def filter_type(self, queryset, name, value):
        return queryset.filter(publication_type=PublicationType.from_slug(value))

    def filter_author(self, queryset, name, person):
        return queryset.filter(
            pk__in=PublicationAuthor.objects.filter(person=person).values("page_id")
        )

    def filter_order(self, queryset, name, value):
        return queryset.order_by("date", "pk") if value == "oldest" else queryset
