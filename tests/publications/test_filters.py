"""PublicationFilter: the one set of reader's filters the listing pages and the API share."""

import datetime

import pytest
from wagtail.models import PageViewRestriction

from peninsula.publications.filters import PublicationFilter
from peninsula.publications.listing import ListingFilter
from peninsula.publications.models import PublicationPage
from tests import factories

pytestmark = pytest.mark.django_db

EVERY_FILTER = ("type", "series", "author", "theme", "region", "topic", "date_from", "date_to")


@pytest.fixture
def shelf(series):
    security = factories.ThemeFactory(name="Security", slug="security")
    japan = factories.RegionFactory(name="Japan", slug="japan")
    kim = factories.PersonPageFactory(title="Soo Kim", slug="soo-kim")
    make = factories.ArticlePageFactory
    make(series=series, title="A", date=datetime.date(2024, 5, 1), themes=[security], authors=[kim])
    make(series=series, title="B", date=datetime.date(2025, 5, 1), regions=[japan])
    factories.ReportPageFactory(
        series=series, title="C", date=datetime.date(2025, 7, 1), themes=[security]
    )
    return {"security": security, "japan": japan, "kim": kim, "series": series}


def _titles(queryset):
    return list(queryset.values_list("title", flat=True))


def _filter(data, offered=EVERY_FILTER):
    return PublicationFilter(data, PublicationPage.objects.listed(), offered=offered)


@pytest.mark.parametrize(
    ("data", "expected"),
    [
        ({}, ["C", "B", "A"]),
        ({"type": "reports"}, ["C"]),
        ({"theme": "security"}, ["C", "A"]),
        ({"region": "japan"}, ["B"]),
        ({"author": "soo-kim"}, ["A"]),
        ({"date_from": "2025-01-01", "date_to": "2025-06-01"}, ["B"]),
        ({"theme": "security", "type": "reports"}, ["C"]),
    ],
)
def test_rows_and_count_agree(shelf, data, expected):
    """The rows (EXISTS) and the count (IN) shapes of a term filter find the same pages."""
    found = _filter(data)
    assert _titles(found.filtered()) == expected
    assert sorted(_titles(found.filtered(counting=True))) == sorted(expected)


def test_series_filter_takes_a_slug(shelf):
    other = factories.SeriesPageFactory(title="Other", slug="other")
    factories.ArticlePageFactory(series=other, title="Elsewhere")
    assert _titles(_filter({"series": "other"}).filtered()) == ["Elsewhere"]


def test_unknown_slugs_are_form_errors_in_the_reported_order(shelf):
    found = _filter({"theme": "nope", "author": "nobody", "series": "none"})
    assert list(found.form.errors) == ["series", "author", "theme"]
    # The valid filters still apply (what the listing pages do with the rest).
    assert _titles(_filter({"theme": "nope", "region": "japan"}).filtered()) == ["B"]


def test_private_series_and_authors_are_unknown(shelf):
    PageViewRestriction.objects.create(page=shelf["kim"], restriction_type="login")
    PageViewRestriction.objects.create(page=shelf["series"], restriction_type="login")
    found = _filter({"author": "soo-kim", "series": shelf["series"].slug})
    assert set(found.form.errors) == {"author", "series"}


def test_a_caller_offers_only_its_own_filters(shelf):
    listing = ListingFilter({"author": "soo-kim", "theme": "security"}, base=shelf_base())
    assert list(listing.filters) == ["type", "theme", "region", "year", "order"]
    assert [field.name for field in listing.form] == list(listing.filters)
    assert _titles(listing.filtered()) == ["C", "A"]  # the author filter is not offered: ignored
    hidden = ListingFilter({}, base=shelf_base(), hide=["theme"])
    assert "theme" not in hidden.filters


def test_listing_orders_oldest_first_and_by_year(shelf):
    assert _titles(ListingFilter({"order": "oldest"}, base=shelf_base()).filtered()) == [
        "A",
        "B",
        "C",
    ]
    assert _titles(ListingFilter({"year": "2025"}, base=shelf_base()).filtered()) == ["C", "B"]


def test_listing_and_api_count_the_same(client, shelf):
    """Both front ends filter through PublicationFilter: the same query, the same count."""
    for query in ["theme=security", "region=japan", "type=reports", "theme=security&type=reports"]:
        api = client.get(f"/api/v1/publications/?{query}").json()["count"]
        listing = ListingFilter(
            dict(pair.split("=") for pair in query.split("&")), base=shelf_base()
        )
        assert listing.filtered(counting=True).count() == api, query


def shelf_base():
    return PublicationPage.objects.listed()
