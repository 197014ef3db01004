"""Listing pages: filters combine, counts are right, dates order, pages paginate."""

import datetime

import pytest
from bs4 import BeautifulSoup

from peninsula.publications.models import PublicationPage
from tests import factories

pytestmark = pytest.mark.django_db


def titles(response):
    assert response.status_code == 200
    page = BeautifulSoup(response.content, "html.parser")
    return [" ".join(h.get_text().split()) for h in page.select(".listing .card__title")]


def found(response):
    page = BeautifulSoup(response.content, "html.parser")
    return " ".join(page.select_one('[data-testid="result-count"]').get_text().split())


@pytest.fixture
def archive(series):
    """Six publications across types, themes, regions and years."""
    security = factories.ThemeFactory(name="Security", slug="security")
    trade = factories.ThemeFactory(name="Trade", slug="trade")
    japan = factories.RegionFactory(name="Japan", slug="japan")
    china = factories.RegionFactory(name="China", slug="china")
    kim = factories.PersonPageFactory(title="Soo Kim")
    other_series = factories.SeriesPageFactory(title="Reports", slug="reports")
    make = factories.ArticlePageFactory
    make(
        series=series,
        title="A",
        date=datetime.date(2024, 5, 1),
        themes=[security],
        regions=[japan],
        authors=[kim],
    )
    make(
        series=series, title="B", date=datetime.date(2025, 5, 1), themes=[security], regions=[china]
    )
    make(
        series=series,
        title="C",
        date=datetime.date(2025, 6, 1),
        themes=[trade],
        regions=[japan],
        authors=[kim],
    )
    factories.ReportPageFactory(
        series=other_series,
        title="D",
        date=datetime.date(2025, 7, 1),
        themes=[security],
        regions=[japan],
        authors=[kim],
    )
    factories.EventPageFactory(
        series=other_series, title="E", date=datetime.date(2023, 1, 1), themes=[trade]
    )
    factories.ArticlePageFactory(series=series, title="Draft", live=False, themes=[security])
    return {"security": security, "japan": japan, "kim": kim}


def test_all_publications_newest_first(client, archive):
    response = client.get("/publications/")
    assert titles(response) == ["D", "C", "B", "A", "E"]
    assert found(response) == "5 publications found"


def test_oldest_first(client, archive):
    assert titles(client.get("/publications/?order=oldest")) == ["E", "A", "B", "C", "D"]


def test_two_filters_combine(client, archive):
    response = client.get("/publications/?theme=security&region=japan")
    assert titles(response) == ["D", "A"]
    assert found(response) == "2 publications found"


def test_type_theme_region_and_year_combine(client, archive):
    response = client.get("/publications/?type=commentary&theme=security&region=japan&year=2024")
    assert titles(response) == ["A"]
    assert found(response) == "1 publication found"


def test_unknown_filter_values_are_ignored_not_errors(client, archive):
    response = client.get("/publications/?theme=nope&year=abc&type=%27;DROP&page=zz")
    assert titles(response) == ["D", "C", "B", "A", "E"]


def test_type_listing_pages(client, archive):
    assert titles(client.get("/publications/reports/")) == ["D"]
    assert titles(client.get("/publications/events/")) == ["E"]
    assert client.get("/publications/novels/").status_code == 404


def test_series_page_lists_only_its_own_publications(client, archive, series):
    assert titles(client.get(series.url)) == ["C", "B", "A"]
    assert titles(client.get(series.url + "?region=japan")) == ["C", "A"]


def test_theme_and_region_landing_pages(client, archive):
    assert titles(client.get("/themes/security/")) == ["D", "B", "A"]
    assert titles(client.get("/themes/security/?region=japan&type=reports")) == ["D"]
    assert titles(client.get("/regions/japan/")) == ["D", "C", "A"]
    assert client.get("/themes/unknown/").status_code == 404


def test_topic_landing_page(client, series):
    topic = factories.TopicFactory(name="Semiconductors")
    factories.ArticlePageFactory(series=series, title="Chips", topics=[topic])
    assert titles(client.get(topic.get_absolute_url())) == ["Chips"]


def test_taxonomy_index_counts_live_publications(client, archive):
    page = BeautifulSoup(client.get("/themes/").content, "html.parser")
    cards = {
        c.h2.get_text(strip=True): c.select_one(".term-card__count").get_text()
        for c in page.select(".term-card")
    }
    assert cards == {"Security": "3 publications", "Trade": "2 publications"}


def test_author_page_lists_their_publications(client, archive):
    kim = archive["kim"]
    response = client.get(kim.url)
    assert titles(response) == ["D", "C", "A"]
    assert titles(client.get(kim.url + "?type=commentary&region=japan")) == ["C", "A"]


def test_pagination(client, series, settings):
    settings.PENINSULA_LISTING_PAGE_SIZE = 2
    for day in range(1, 6):
        factories.ArticlePageFactory(
            series=series, title=f"P{day}", date=datetime.date(2025, 1, day)
        )
    assert titles(client.get("/publications/")) == ["P5", "P4"]
    response = client.get("/publications/?page=3")
    assert titles(response) == ["P1"]
    assert found(response) == "5 publications found"
    page = BeautifulSoup(client.get("/publications/?page=2&theme=").content, "html.parser")
    assert page.select_one("a[rel=next]")["href"] == "?page=3&theme="
    assert "Page 2 of 3" in page.select_one(".pagination").get_text()


def test_people_index_lists_experts(client, series):
    factories.PersonPageFactory(title="Listed Expert")
    factories.PersonPageFactory(title="Guest Writer", is_expert=False)
    page = BeautifulSoup(client.get("/experts/").content, "html.parser")
    names = [n.get_text(strip=True) for n in page.select(".person-card__name")]
    assert names == ["Listed Expert"]


def test_home_page_shows_featured_latest_series_and_upcoming_events(client, series):
    factories.ArticlePageFactory(series=series, title="Front page story", featured=True)
    factories.ArticlePageFactory(series=series, title="Ordinary story")
    factories.EventPageFactory(series=series, title="Future forum")
    factories.EventPageFactory(
        series=series, title="Past forum", start_date=datetime.date(2019, 1, 1)
    )
    page = BeautifulSoup(client.get("/").content, "html.parser")
    featured = [h.get_text(strip=True) for h in page.select("#featured-heading ~ div .card__title")]
    assert featured == ["Front page story"]
    latest = page.select_one("#latest-heading").parent.get_text()
    assert "Ordinary story" in latest and "Front page story" not in latest
    events = page.select_one("#events-heading").parent.get_text()
    assert "Future forum" in events and "Past forum" not in events
    assert "The Peninsula" in page.select_one("#series-heading").parent.get_text()


def test_filter_choices_follow_terms_added_renamed_and_deleted(client, archive):
    """The filter bar's themes come from a cache that a saved or deleted term refreshes."""

    def theme_choices():
        page = BeautifulSoup(client.get("/publications/").content, "html.parser")
        return [option.get_text() for option in page.select("#id_theme option")]

    assert theme_choices() == ["All themes", "Security", "Trade"]
    energy = factories.ThemeFactory(name="Energy", slug="energy", sort_order=-1)
    assert theme_choices() == ["All themes", "Energy", "Security", "Trade"]
    energy.name = "Energy and Climate"
    energy.save()
    assert theme_choices() == ["All themes", "Energy and Climate", "Security", "Trade"]
    energy.delete()
    assert theme_choices() == ["All themes", "Security", "Trade"]
    selected = BeautifulSoup(client.get("/publications/?theme=trade").content, "html.parser")
    assert selected.select_one("#id_theme option[selected]").get_text() == "Trade"


def test_cards_name_their_authors_in_order_with_a_fixed_number_of_queries(
    client, series, django_assert_max_num_queries
):
    """A card's authors come in one query for the whole page, however many cards."""
    first, second = (
        factories.PersonPageFactory(title="Ann Lee"),
        factories.PersonPageFactory(title="Bo Han"),
    )
    for number in range(12):
        factories.ArticlePageFactory(
            series=series, title=f"Piece {number}", authors=[second, first][: 1 + number % 2]
        )
    client.get("/publications/")
    with django_assert_max_num_queries(4):  # restrictions, count, rows, authors
        page = BeautifulSoup(client.get("/publications/").content, "html.parser")
    bylines = [" ".join(p.get_text().split()) for p in page.select(".card__byline")]
    assert len(bylines) == 12
    assert sum(line.endswith("· Bo Han, Ann Lee") for line in bylines) == 6
    assert sum(line.endswith("· Bo Han") for line in bylines) == 6


def test_counts_are_remembered_until_the_archive_changes(client, archive, series):
    """The second request counts nothing; publishing, unpublishing, deleting and a deleted
    term each show in the very next count."""
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    url = "/publications/?theme=security"
    assert found(client.get(url)) == "3 publications found"
    with CaptureQueriesContext(connection) as queries:
        assert found(client.get(url)) == "3 publications found"
    assert not [q for q in queries if "COUNT(" in q["sql"]]

    draft = PublicationPage.objects.get(title="Draft").specific
    themes = client.get("/themes/")  # the theme index's counts are remembered too
    assert "3 publications" in BeautifulSoup(themes.content, "html.parser").get_text()
    draft.save_revision().publish()
    assert found(client.get(url)) == "4 publications found"
    themes = client.get("/themes/")
    assert "4 publications" in BeautifulSoup(themes.content, "html.parser").get_text()
    draft.refresh_from_db()
    draft.unpublish()
    assert found(client.get(url)) == "3 publications found"
    PublicationPage.objects.get(title="B").delete()
    assert found(client.get(url)) == "2 publications found"
    assert found(client.get("/publications/?region=japan")) == "3 publications found"
    archive["japan"].delete()
    assert found(client.get("/publications/")) == "4 publications found"
    assert found(client.get("/publications/?region=japan")) == "4 publications found"


def page_title(response) -> str:
    return BeautifulSoup(response.content, "html.parser").title.get_text()


def heading(response) -> str:
    return " ".join(BeautifulSoup(response.content, "html.parser").h1.get_text().split())


def test_home_page_title_names_the_institute_once(client, institute, series):
    """Every other page ends its title with the institute's name; the home page is the name."""
    assert page_title(client.get("/")) == "Harbour Institute"
    home = series.get_parent().specific
    home.seo_title = "Harbour Institute: research on the Pacific"
    home.save_revision().publish()
    assert page_title(client.get("/")) == "Harbour Institute: research on the Pacific"


def test_a_type_chosen_in_the_filters_titles_the_page_and_marks_its_tab(client, archive):
    response = client.get("/publications/?type=commentary")
    assert heading(response) == "Commentary"
    assert page_title(response) == "Commentary · Peninsula Institute"
    tabs = BeautifulSoup(response.content, "html.parser").select(".type-nav [aria-current]")
    assert [tab.get_text() for tab in tabs] == ["Commentary"]
    assert titles(response) == ["C", "B", "A"]
    unfiltered = BeautifulSoup(client.get("/publications/").content, "html.parser")
    assert [tab.get_text() for tab in unfiltered.select(".type-nav [aria-current]")] == ["All"]


def test_titles_and_headings_name_every_chosen_filter(client, archive, series):
    response = client.get("/publications/?type=commentary&theme=security&region=japan&year=2024")
    assert heading(response) == "Commentary: Security, Japan, 2024"
    assert page_title(response) == "Commentary: Security, Japan, 2024 · Peninsula Institute"
    assert found(response) == "1 publication found"  # the heading above says what was chosen
    assert heading(client.get("/publications/?theme=security&order=oldest")) == (
        "Publications: Security"
    )
    assert heading(client.get("/publications/reports/?year=2025")) == "Reports and papers: 2025"
    # Filters that mean nothing are ignored in the title as in the results.
    assert heading(client.get("/publications/?theme=nope&year=abc")) == "All publications"

    # Pages named after something else keep their name and add the filters after it.
    response = client.get(series.url + "?region=japan")
    assert heading(response) == "The Peninsula"
    assert page_title(response) == "The Peninsula: Japan · Peninsula Institute"
    assert found(response) == "2 publications found: Japan"
    response = client.get("/themes/security/?type=reports")
    assert page_title(response) == "Security: Reports and papers · Peninsula Institute"
    assert found(response) == "1 publication found: Reports and papers"
    response = client.get(archive["kim"].url + "?year=2025")
    assert page_title(response) == "Soo Kim: 2025 · Peninsula Institute"
    assert found(response) == "2 publications found: 2025"
    assert page_title(client.get(series.url)) == "The Peninsula · Peninsula Institute"
