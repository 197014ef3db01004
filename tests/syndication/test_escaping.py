"""Names with markup characters reach every feed as the name itself: escaped exactly once
for XML (RSS, Atom, podcast), per RFC 5545 for iCalendar, and not at all in JSON.

A reader's feed program shows `Peace & "Security" <East>`, never `&amp;amp;` or `&lt;`.
"""

import datetime
import html
import json

import feedparser
import icalendar
import pytest
from django.utils.html import escape
from lxml import etree

from peninsula.syndication.podcast import ITUNES
from tests import factories

HOSTILE = "Peace & \"Security\" <East> 'Asia' &amp; A&B"


def shown(feed, field):
    """A field as a reader sees it: feedparser gives HTML-typed fields as HTML."""
    detail = feed.get(f"{field}_detail")
    value = feed[field]
    return html.unescape(value) if detail and detail.type == "text/html" else value


def parsed(client, url):
    response = client.get(url)
    assert response.status_code == 200, url
    feed = feedparser.parse(response.content)
    assert not feed.bozo, f"{url}: {feed.get('bozo_exception')}"
    return feed


@pytest.fixture
def hostile(institute, content):
    """An institute, theme, topic, author, series and publication all named HOSTILE."""
    institute.name = HOSTILE
    institute.save()
    theme = factories.ThemeFactory(name=HOSTILE, slug="hostile-theme")
    topic = factories.TopicFactory(name=HOSTILE, slug="hostile-topic")
    person = factories.PersonPageFactory(title=HOSTILE, slug="hostile-person")
    factories.ArticlePageFactory(
        title=HOSTILE,
        summary=HOSTILE,
        authors=[person],
        themes=[theme],
        topics=[topic],
        series=content["series"],
        date=datetime.date(2025, 4, 1),
    )
    content["podcasts"].title = HOSTILE
    content["podcasts"].introduction = HOSTILE
    content["podcasts"].save_revision().publish()
    return {"theme": theme, "topic": topic, "person": person}


FEEDS = [
    "/feeds/rss/",
    "/feeds/themes/hostile-theme/rss/",
    "/feeds/topics/hostile-topic/rss/",
    "/feeds/authors/hostile-person/rss/",
    "/feeds/themes/hostile-theme/atom/",
    "/feeds/authors/hostile-person/atom/",
]


def test_feed_titles_and_descriptions_carry_names_unchanged(client, hostile):
    """RSS and Atom, site-wide and scoped by theme, topic and author (one test: the
    fixture is the slow part)."""
    for url in FEEDS:
        feed = parsed(client, url)
        expected = HOSTILE if url == "/feeds/rss/" else f"{HOSTILE}: {HOSTILE}"
        assert feed.feed.title == expected, url
        description = shown(feed.feed, "subtitle")
        assert description.startswith("The latest publications"), url
        assert HOSTILE in description, url
        assert shown(feed.feed, "rights") == f"© {HOSTILE}", url
        entry = next(e for e in feed.entries if e.title == HOSTILE)
        assert shown(entry, "summary") == HOSTILE, url
        assert HOSTILE in [author.name for author in entry.authors], url
        assert {HOSTILE} <= {tag.term for tag in entry.tags}, url


def test_json_feed_carries_names_unescaped(client, hostile):
    data = json.loads(client.get("/feeds/themes/hostile-theme/json/").content)
    assert data["title"] == f"{HOSTILE}: {HOSTILE}"
    assert HOSTILE in data["description"]
    assert data["authors"] == [{"name": HOSTILE}]
    item = next(i for i in data["items"] if i["title"] == HOSTILE)
    assert HOSTILE in [author["name"] for author in item["authors"]]
    assert HOSTILE in item["tags"]


def test_podcast_feed_carries_names_unchanged(client, hostile, content):
    feed = parsed(client, f"/feeds/podcasts/{content['podcasts'].slug}/")
    assert feed.feed.title == HOSTILE
    assert shown(feed.feed, "subtitle") == HOSTILE  # <description>, HTML
    raw = etree.fromstring(client.get(f"/feeds/podcasts/{content['podcasts'].slug}/").content)
    assert raw.findtext(f"channel/{{{ITUNES}}}summary") == HOSTILE  # plain text for Apple
    assert feed.feed.author == HOSTILE
    assert feed.feed.image.title == HOSTILE


def test_pages_link_their_feeds_with_names_escaped_once(client, hostile):
    page = client.get(hostile["theme"].get_absolute_url()).content.decode()
    assert f'title="{escape(HOSTILE)}: {escape(HOSTILE)} (RSS)"' in page


def test_calendar_carries_names_unchanged(client, hostile, content):
    factories.EventPageFactory(
        title=HOSTILE, summary=HOSTILE, venue_name=HOSTILE, series=content["events"]
    )
    calendar = icalendar.Calendar.from_ical(client.get("/feeds/events.ics").content)
    # icalendar leaves X- properties escaped; RFC 5545 types them TEXT (3.8.8.2).
    assert unescape_text(str(calendar["X-WR-CALNAME"])) == f"{HOSTILE} events"
    vevent = next(v for v in calendar.walk("VEVENT") if str(v["SUMMARY"]) == HOSTILE)
    assert str(vevent["LOCATION"]).startswith(HOSTILE)
    assert str(vevent["DESCRIPTION"]).startswith(HOSTILE)


def unescape_text(value):
    """RFC 5545 3.3.11 TEXT, read back."""
    out, chars = [], iter(value)
    for char in chars:
        if char == "\\":
            following = next(chars, "")
            out.append("\n" if following in "nN" else following)
        else:
            out.append(char)
    return "".join(out)
