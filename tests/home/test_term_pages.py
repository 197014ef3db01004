"""Theme, region and topic pages as editors shape them: chosen publications, the experts
who work on the theme (chosen, or those who wrote most on it), and blocks."""

import json

import pytest
from bs4 import BeautifulSoup

from peninsula.home.models import ThemePageContent
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
    ThemePageContent.objects.create(
        term=security,
        experts=stream(("person", lee.pk)),
        featured_publications=stream(("publication", chosen.pk)),
        body=stream(("text", "<p>How we study security.</p>")),
    )
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


def test_a_themes_page_edited_in_the_admin_shows_on_its_page(
    client, admin_user, institute, theme_with_work, series
):
    """The term's edit form carries its page content inline ("Its page"), stored on home's
    ThemePageContent; what is saved there is what the theme's page shows."""
    from django.urls import reverse
    from wagtail.test.utils.form_data import (
        inline_formset,
        nested_form_data,
        rich_text,
        streamfield,
    )

    security, jane, lee = theme_with_work
    chosen = factories.ReportPageFactory(series=series, title="The big report")
    client.force_login(admin_user)
    url = reverse("wagtailsnippets_taxonomy_theme:edit", args=[security.pk])
    form = client.get(url).content.decode()
    assert 'id="id_page_content-TOTAL_FORMS"' in form and "Add page content" in form

    def post(page_content):
        data = nested_form_data(
            {
                "name": "Security",
                "slug": "security",
                "description": "Deterrence and alliances.",
                "sort_order": "0",
                "page_content": page_content,
            }
        )
        response = client.post(url, data)
        assert response.status_code == 302, response.content.decode()[:3000]

    post(
        inline_formset(
            [
                {
                    "featured_publications": streamfield([("publication", chosen.pk)]),
                    "experts": streamfield([("person", lee.pk)]),
                    "body": streamfield([("text", rich_text("<p>How we study security.</p>"))]),
                }
            ],
            max=1,
        )
    )
    content = ThemePageContent.objects.get(term=security)
    response = client.get("/themes/security/")
    assert experts(response) == ["Lee Min-jun"]
    page = soup(response)
    featured = page.select_one("section[aria-labelledby=term-featured-heading]")
    assert [a.get_text() for a in featured.select(".card__title a")] == ["The big report"]
    assert "How we study security." in page.select_one(".page-blocks").get_text()
    assert "Deterrence and alliances." in page.get_text()

    # Deleting it in the form brings the automatic defaults back.
    empty = {field: streamfield([]) for field in ("featured_publications", "experts", "body")}
    post(inline_formset([{"id": str(content.pk), "DELETE": "1", **empty}], initial=1, max=1))
    assert not ThemePageContent.objects.filter(term=security).exists()
    response = client.get("/themes/security/")
    assert experts(response) == ["Jane Park", "Lee Min-jun"]
    assert soup(response).select_one("section[aria-labelledby=term-featured-heading]") is None


def test_a_term_page_costs_no_more_queries_with_its_page_content(
    client, institute, theme_with_work, series
):
    """The term comes from the cached list of terms; its page content is one query, what the
    term itself cost when the content was stored on it."""
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    security, jane, lee = theme_with_work
    client.get("/themes/security/")
    with CaptureQueriesContext(connection) as queries:
        client.get("/themes/security/")
    term_queries = [q for q in queries if '"taxonomy_theme"' in q["sql"].split(" WHERE ")[0]]
    content_queries = [q for q in queries if '"home_themepagecontent"' in q["sql"]]
    assert len(term_queries) == 0 and len(content_queries) == 1
