"""RSS, Atom and JSON Feed: valid for feedparser, complete, bounded in queries."""

import datetime
import json
from types import SimpleNamespace as FeedParserDict

import feedparser
import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from tests import factories

FORMATS = ["rss", "atom", "json"]
EXPECTED_VERSION = {"rss": "rss20", "atom": "atom10", "json": "json11"}


def parse(client, url):
    """Parse a feed as a reader would: feedparser for RSS and Atom (bozo must be false);
    JSON Feed, which feedparser does not read, checked against the 1.1 spec's rules and
    turned into feedparser's shape."""
    response = client.get(url)
    assert response.status_code == 200, url
    if response["Content-Type"].startswith("application/feed+json"):
        return response, json_feed(json.loads(response.content))
    feed = feedparser.parse(response.content)
    assert not feed.bozo, f"{url}: {feed.get('bozo_exception')}"
    return response, feed


def json_feed(data):
    """The required and typed members of https://www.jsonfeed.org/version/1.1/."""
    assert data["version"] == "https://jsonfeed.org/version/1.1"
    assert isinstance(data["title"], str) and data["title"]
    assert data["home_page_url"].startswith("http")
    assert data["feed_url"].startswith("http")
    entries = []
    for item in data["items"]:
        assert isinstance(item["id"], str) and item["id"]
        assert "content_html" in item or "content_text" in item
        datetime.datetime.fromisoformat(item["date_published"])
        for author in item.get("authors", []):
            assert author["name"]
        for attachment in item.get("attachments", []):
            assert attachment["url"].startswith("http") and attachment["mime_type"]
        entries.append(
            FeedParserDict(
                title=item["title"],
                id=item["id"],
                link=item["url"],
                summary=item["summary"],
                authors=[FeedParserDict(**a) for a in item.get("authors", [])],
                tags=[FeedParserDict(term=tag) for tag in item.get("tags", [])],
                enclosures=[
                    FeedParserDict(
                        href=a["url"], type=a["mime_type"], length=a.get("size_in_bytes", 0)
                    )
                    for a in item.get("attachments", [])
                ],
            )
        )
    return FeedParserDict(
        version="json11", feed=FeedParserDict(title=data["title"]), entries=entries
    )


@pytest.mark.parametrize("fmt", FORMATS)
def test_site_feed_parses_and_carries_every_live_publication(client, content, fmt):
    response, feed = parse(client, f"/feeds/{fmt}/")
    assert feed.version == EXPECTED_VERSION[fmt]
    assert feed.feed.title == "Harbour Institute"
    titles = [entry.title for entry in feed.entries]
    assert titles[:2] == ["Weekly brief", "The alliance & its future"]  # newest first
    assert "Unpublished draft" not in titles
    assert len(titles) == 7


@pytest.mark.parametrize("fmt", FORMATS)
def test_entries_have_summary_authors_categories_and_stable_ids(client, content, fmt):
    _, feed = parse(client, f"/feeds/{fmt}/")
    article = next(e for e in feed.entries if e.title == "The alliance & its future")
    assert article.summary == "What the alliance means for the peninsula."
    assert [a.name for a in article.authors] == ["Jane Park", "Min-ji Kim"]
    if fmt != "rss":  # RSS names authors without a link
        people = [content["author"], content["second"]]
        links = [getattr(a, "href", None) or getattr(a, "url", None) for a in article.authors]
        assert links == [f"http://testserver{p.url}" for p in people]
    assert {t.term for t in article.tags} == {"Security", "Korean Peninsula", "Nuclear Policy"}
    assert article.id == f"urn:uuid:{content['article'].translation_key}"
    assert article.link == "http://testserver/the-peninsula/alliance-future/"


@pytest.mark.parametrize("fmt", FORMATS)
def test_reports_and_episodes_carry_their_files_as_enclosures(client, content, fmt):
    _, feed = parse(client, f"/feeds/{fmt}/")
    by_title = {entry.title: entry for entry in feed.entries}
    pdf = by_title["Deterrence in the 2030s"].enclosures[0]
    assert pdf.href == f"http://testserver{content['pdf'].url}"
    assert pdf.type == "application/pdf"
    assert int(pdf.length) == content["pdf"].file.size == 15
    audio = by_title["Episode 1"].enclosures[0]
    assert audio.type == "audio/mpeg"
    assert audio.href.endswith(".mp3")
    assert not getattr(by_title["The alliance & its future"], "enclosures", [])


SCOPES = [
    ("series/the-peninsula", {"Weekly brief", "The alliance & its future", "Explainer"}),
    ("themes/security", {"The alliance & its future", "Deterrence in the 2030s"}),
    ("regions/korean-peninsula", {"The alliance & its future"}),
    ("topics/nuclear-policy", {"The alliance & its future"}),
    ("authors/jane-park", {"The alliance & its future", "Deterrence in the 2030s", "Episode 1"}),
    ("types/reports", {"Deterrence in the 2030s"}),
    ("types/events", {"Seoul roundtable"}),
]


@pytest.mark.parametrize("fmt", FORMATS)
def test_scoped_feeds_hold_only_their_publications(client, content, fmt):
    for scope, titles in SCOPES:
        _, feed = parse(client, f"/feeds/{scope}/{fmt}/")
        assert {entry.title for entry in feed.entries} == titles, scope


def test_unknown_scopes_are_404(client, db):
    for url in ["/feeds/series/nope/rss/", "/feeds/themes/nope/atom/", "/feeds/types/x/json/"]:
        assert client.get(url).status_code == 404, url


def test_feed_queries_do_not_grow_with_the_number_of_items(client, content, settings):
    """Authors, terms and files are fetched per feed, not per entry (no N+1)."""
    client.get("/feeds/rss/")  # warm: the site's root paths, document sizes
    with CaptureQueriesContext(connection) as before:
        client.get("/feeds/rss/")
    series = content["series"]
    for _ in range(6):
        factories.ReportPageFactory(
            series=series,
            authors=[content["author"], content["second"]],
            themes=[content["theme"]],
            regions=[content["region"]],
            pdf=content["pdf"],
        )
    client.get("/feeds/rss/")
    with CaptureQueriesContext(connection) as after:
        response = client.get("/feeds/rss/")
    assert response.content.count(b"<item>") == 13
    assert len(after) == len(before)
    assert len(after) <= 14


def test_feeds_are_bounded(client, content, settings):
    settings.PENINSULA_FEED_LENGTH = 3
    _, feed = parse(client, "/feeds/atom/")
    assert len(feed.entries) == 3


def test_private_publications_stay_out_of_feeds(client, content):
    from wagtail.models import PageViewRestriction

    PageViewRestriction.objects.create(
        page=content["reports"], restriction_type=PageViewRestriction.LOGIN
    )
    _, feed = parse(client, "/feeds/rss/")
    assert "Deterrence in the 2030s" not in {entry.title for entry in feed.entries}


def test_pages_link_their_feeds(client, content):
    from bs4 import BeautifulSoup

    def alternates(url):
        soup = BeautifulSoup(client.get(url).content, "html.parser")
        return {link["href"] for link in soup.select('link[rel="alternate"]')}

    assert "/feeds/rss/" in alternates("/")
    assert {"/feeds/rss/", "/feeds/atom/", "/feeds/json/"} <= alternates("/")
    assert "/feeds/series/the-peninsula/atom/" in alternates("/the-peninsula/")
    assert "/feeds/series/the-peninsula/rss/" in alternates(content["article"].url)
    assert "/feeds/themes/security/rss/" in alternates("/themes/security/")
    assert "/feeds/regions/korean-peninsula/json/" in alternates("/regions/korean-peninsula/")
    assert "/feeds/topics/nuclear-policy/rss/" in alternates("/topics/nuclear-policy/")
    assert "/feeds/authors/jane-park/rss/" in alternates(content["author"].url)
    assert "/feeds/types/reports/rss/" in alternates("/publications/reports/")
    assert "/feeds/podcasts/peninsula-talks/" in alternates("/peninsula-talks/")
    assert "/feeds/podcasts/peninsula-talks/" in alternates(content["episode"].url)
    assert "/feeds/events.ics" in alternates("/publications/events/")
    assert f"/feeds/events/{content['event'].pk}.ics" in alternates(content["event"].url)
