"""The home page and landing pages as editors shape them: chosen publications (with the
automatic row when none is chosen or none is live), blocks in order, and landing pages."""

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


def featured_titles(response):
    section = soup(response).select_one("section[aria-labelledby=featured-heading]")
    return [a.get_text() for a in section.select(".card__title a")] if section else []


@pytest.fixture
def home():
    return factories.home_page()


@pytest.fixture
def pieces(series):
    return [
        factories.ArticlePageFactory(series=series, title=f"Piece {n}", featured=n < 2)
        for n in range(5)
    ]


def test_without_a_choice_the_home_page_features_the_newest_marked_featured(
    client, institute, home, pieces
):
    assert featured_titles(client.get("/")) == ["Piece 1", "Piece 0"]


def test_chosen_publications_are_featured_in_the_editors_order(client, institute, home, pieces):
    home.featured_publications = stream(
        ("publication", pieces[3].pk), ("publication", pieces[4].pk), ("publication", pieces[2].pk)
    )
    home.save_revision().publish()
    response = client.get("/")
    assert featured_titles(response) == ["Piece 3", "Piece 4", "Piece 2"]
    latest = [a.get_text() for a in soup(response).select(".card-list .card__title a")]
    assert "Piece 3" not in latest and "Piece 1" in latest  # featured once, not twice


def test_a_chosen_publication_taken_down_drops_out_and_none_left_means_automatic(
    client, institute, home, pieces
):
    home.featured_publications = stream(
        ("publication", pieces[3].pk), ("publication", pieces[4].pk)
    )
    home.save_revision().publish()
    pieces[4].unpublish()
    assert featured_titles(client.get("/")) == ["Piece 3"]
    pieces[3].unpublish()
    assert featured_titles(client.get("/")) == ["Piece 1", "Piece 0"]


def test_home_page_blocks_render_in_order(client, institute, home, pieces, author):
    home.body = stream(
        ("text", "<h2>Our mission</h2><p>Independent analysis.</p>"),
        ("people", {"heading": "Talk to our experts", "people": [author.pk]}),
        (
            "call_to_action",
            {
                "heading": "Stay informed",
                "text": "New analysis by email.",
                "button_label": "Subscribe",
                "page": None,
                "url": "/subscribe/",
            },
        ),
        (
            "latest",
            {"heading": "Latest reports", "publication_type": "", "theme": None, "count": 2},
        ),
    )
    home.save_revision().publish()
    page = soup(client.get("/"))
    blocks = [div["class"][1] for div in page.select(".page-blocks > .page-block")]
    assert blocks == [
        "page-block--text",
        "page-block--people",
        "page-block--call_to_action",
        "page-block--latest",
    ]
    assert page.select_one(".person-chip__name").get_text() == author.title
    assert page.select_one(".call-to-action a")["href"] == "/subscribe/"
    latest = page.select_one(".page-block--latest")
    assert [a.get_text() for a in latest.select(".card__title a")] == ["Piece 4", "Piece 3"]


def test_latest_block_filters_by_type_and_theme(client, institute, home, series):
    security = factories.ThemeFactory(name="Security")
    factories.ReportPageFactory(series=series, title="A report", themes=[security])
    factories.ReportPageFactory(series=series, title="Another report")
    factories.ArticlePageFactory(series=series, title="An article", themes=[security])
    home.body = stream(
        (
            "latest",
            {"heading": "", "publication_type": "report", "theme": security.pk, "count": 4},
        )
    )
    home.save_revision().publish()
    latest = soup(client.get("/")).select_one(".page-block--latest")
    assert [a.get_text() for a in latest.select(".card__title a")] == ["A report"]


def test_landing_page_with_hero_and_blocks(client, institute, series, author):
    chosen = factories.ArticlePageFactory(series=series, title="Start here")
    hero = factories.ImageFactory(file=factories.png_file("wide.png", size=(2400, 900)))
    landing = factories.LandingPageFactory(
        title="Deterrence in the 2020s",
        slug="deterrence",
        hero_image=hero,
        body=stream(
            ("publications", {"heading": "Read first", "publications": [chosen.pk]}),
            ("people", {"heading": "Experts", "people": [author.pk]}),
        ),
    )
    page = soup(client.get(landing.url))
    assert page.h1.get_text() == "Deterrence in the 2020s"
    assert page.select_one(".landing-hero__intro").get_text() == "A programme on deterrence."
    wide = page.select_one(".landing-hero source")
    narrow = page.select_one(".landing-hero img")
    assert (wide["width"], wide["height"]) == ("1600", "500")
    assert (narrow["width"], narrow["height"]) == ("800", "500")
    assert [a.get_text() for a in page.select(".block-publications .card__title a")] == [
        "Start here"
    ]
    assert page.select_one(".person-chip__name").get_text() == author.title


def test_landing_page_without_picture_or_blocks_still_reads_well(client, institute):
    landing = factories.LandingPageFactory(title="Plain", slug="plain", introduction="")
    page = soup(client.get(landing.url))
    assert page.h1.get_text() == "Plain"
    assert page.select(".landing-hero__picture") == []


def test_a_call_to_action_needs_one_destination():
    from wagtail.blocks import StructBlockValidationError

    from peninsula.home.blocks import CallToActionBlock

    block = CallToActionBlock()
    value = {"heading": "Join", "text": "", "button_label": "Go", "page": None, "url": ""}
    with pytest.raises(StructBlockValidationError):
        block.clean(block.to_python(value))
    assert block.clean(block.to_python({**value, "url": "/subscribe/"}))["url"] == "/subscribe/"
