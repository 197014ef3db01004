"""Theme, region and topic pages as editors shape them: chosen publications, the experts
who work on the theme (chosen, or those who wrote most on it), and blocks."""

import json

import pytest
from bs4 import BeautifulSoup

from tests import factories

pytestmark = pytest.mark.django_db


def soup(response):
    assert response.status_code == 200
    return BeautifulSoup(response.content, "html.parser")


def stream(*items):
    return json.dumps([{"type": kind, "value": value} for kind, value in items])


@pytest.fixture
def theme_with_work(series):
    security = factories.ThemeFactory(name="Security")
    jane = factories.PersonPageFactory(title="Jane Park")
    lee = factories.PersonPageFactory(title="Lee Min-jun")
    staff = factories.PersonPageFactory(title="Office Manager", is_expert=False)
    for n in range(3):
        factories.ArticlePageFactory(
            series=series, title=f"J{n}", authors=[jane], themes=[security]
        )
    factories.ArticlePageFactory(series=series, title="L", authors=[lee, staff], themes=[security])
    factories.ArticlePageFactory(series=series, title="Elsewhere", authors=[lee])
    return security, jane, lee


def experts(response):
    section = soup(response).select_one("[data-testid=term-experts]")
    return [a.get_text() for a in section.select(".person-chip__name")] if section else []


def test_without_a_choice_the_experts_are_those_who_wrote_most_on_it(
    client, institute, theme_with_work
):
    assert experts(client.get("/themes/security/")) == ["Jane Park", "Lee Min-jun"]
    page = soup(client.get("/themes/security/"))
    assert page.select_one("section[aria-labelledby=term-featured-heading]") is None


def test_chosen_experts_and_publications_come_first_in_the_editors_order(
    client, institute, theme_with_work, series
):
    security, jane, lee = theme_with_work
    chosen = factories.ReportPageFactory(series=series, title="The big report")
    security.experts = stream(("person", lee.pk))
    security.featured_publications = stream(("publication", chosen.pk))
    security.body = stream(("text", "<p>How we study security.</p>"))
    security.save()
    response = client.get("/themes/security/")
    assert experts(response) == ["Lee Min-jun"]
    page = soup(response)
    featured = page.select_one("section[aria-labelledby=term-featured-heading]")
    assert [a.get_text() for a in featured.select(".card__title a")] == ["The big report"]
    assert "How we study security." in page.select_one(".page-blocks").get_text()
    # The list below is still the theme's own publications.
    assert page.select_one("[data-testid=result-count]").get_text().split()[0] == "4"


def test_a_region_without_publications_shows_no_experts_section(client, institute):
    factories.RegionFactory(name="Mongolia")
    assert experts(client.get("/regions/mongolia/")) == []
