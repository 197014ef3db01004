"""News: press releases, statements and institute news under the News page, newest
first, filtered by kind, each with a media contact."""

import datetime

import pytest
from bs4 import BeautifulSoup

from tests import factories

pytestmark = pytest.mark.django_db


def soup(response):
    assert response.status_code == 200
    return BeautifulSoup(response.content, "html.parser")


@pytest.fixture
def press_office(institute):
    contact = factories.PersonPageFactory(
        title="Sarah Pomeroy",
        job_title="Director of Communications",
        email="press@example.org",
        media_phone="+1 202 555 0160",
    )
    return factories.NewsIndexPageFactory(media_contact=contact)


def test_news_lists_newest_first_and_filters_by_kind(client, press_office):
    factories.NewsPageFactory(title="Old release", date=datetime.date(2025, 1, 1))
    factories.NewsPageFactory(title="New release", date=datetime.date(2025, 3, 1))
    factories.NewsPageFactory(title="A statement", kind="statement", date=datetime.date(2025, 2, 1))
    page = soup(client.get("/news/"))
    assert [a.get_text() for a in page.select(".news-item__title a")] == [
        "New release",
        "A statement",
        "Old release",
    ]
    statements = soup(client.get("/news/?kind=statement"))
    assert [a.get_text() for a in statements.select(".news-item__title a")] == ["A statement"]
    assert statements.h1.get_text() == "News: Statement"
    assert statements.select_one(".type-nav a[aria-current=page]").get_text() == "Statement"
    assert soup(client.get("/news/?kind=nonsense")).h1.get_text() == "News"


def test_a_release_has_its_dateline_and_the_press_office_as_contact(client, press_office):
    release = factories.NewsPageFactory(
        title="Institute names a new director",
        location="Washington",
        date=datetime.date(2025, 3, 1),
    )
    page = soup(client.get(release.url))
    assert " ".join(page.select_one(".news-page__dateline").get_text().split()) == (
        "Washington, March 1, 2025"
    )
    contact = page.select_one("[data-testid=media-contact]")
    assert "Sarah Pomeroy" in contact.get_text()
    assert contact.select_one("a[href^=mailto]")["href"] == "mailto:press@example.org"
    assert contact.select_one("a[href^=tel]")["href"] == "tel:+12025550160"


def test_a_release_may_name_its_own_contact(client, press_office):
    own = factories.PersonPageFactory(title="Jane Park", email="jane@example.org")
    release = factories.NewsPageFactory(title="Statement", media_contact=own)
    contact = soup(client.get(release.url)).select_one("[data-testid=media-contact]")
    assert "Jane Park" in contact.get_text()
    assert "Sarah Pomeroy" not in contact.get_text()


def test_news_pages_paginate(client, press_office):
    for n in range(14):
        factories.NewsPageFactory(title=f"Item {n}")
    assert len(soup(client.get("/news/")).select(".news-item")) == 12
    assert len(soup(client.get("/news/?page=2")).select(".news-item")) == 2
