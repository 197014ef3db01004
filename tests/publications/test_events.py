"""Events are listed and shown by when they happen, on their own clock; episodes say how to
subscribe."""

import datetime

import pytest
from bs4 import BeautifulSoup
from django.utils import timezone

from tests import factories

pytestmark = pytest.mark.django_db


def soup(response):
    assert response.status_code == 200, response.content[:300]
    return BeautifulSoup(response.content, "html.parser")


def text(node):
    return " ".join(node.get_text(" ").split())


def days_from_now(days):
    return (timezone.now() + datetime.timedelta(days=days)).date()


@pytest.fixture
def events(institute, author):
    """Three upcoming and three past events, posted in an order unrelated to when they are."""
    series = factories.SeriesPageFactory(title="Events", slug="events")
    made = {}
    posted = datetime.date(2024, 1, 1)
    for offset, name in enumerate(
        ["in 30 days", "in 2 days", "in 10 days", "3 days ago", "400 days ago", "40 days ago"]
    ):
        number = int(name.split()[1] if name.startswith("in") else name.split()[0])
        days = number if name.startswith("in") else -number
        made[name] = factories.EventPageFactory(
            series=series,
            title=f"Event {name}",
            date=posted + datetime.timedelta(days=offset * 7),
            start_date=days_from_now(days),
            start_time=datetime.time(19, 0),
            end_time=datetime.time(21, 0),
            time_zone="America/New_York",
            authors=[author],
        )
    return series, made


def titles(section):
    return [text(node) for node in section.select(".card__title")]


@pytest.mark.parametrize(
    "path", ["/events/", "/publications/events/", "/publications/?type=events"]
)
def test_event_listings_split_upcoming_soonest_first_and_past_latest_first(client, events, path):
    page = soup(client.get(path))
    upcoming = page.select_one('[data-testid="upcoming-events"]')
    past = page.select_one('[data-testid="past-events"]')
    assert titles(upcoming) == ["Event in 2 days", "Event in 10 days", "Event in 30 days"]
    assert titles(past) == ["Event 3 days ago", "Event 40 days ago", "Event 400 days ago"]


def test_event_cards_show_the_events_own_time_not_the_posting_date_or_authors(client, events):
    series, made = events
    page = soup(client.get("/events/"))
    event = made["in 2 days"]
    card = next(
        node
        for node in page.select(".card")
        if text(node.select_one(".card__title")) == event.title
    )
    when = card.select_one('[data-testid="event-when"]')
    assert when["datetime"] == event.start.isoformat()
    assert event.start.isoformat().endswith(("-05:00", "-04:00"))  # New York's clock
    assert (
        text(when)
        == f"{event.start:%a, %b} {event.start.day}, {event.start.year}, 7:00 p.m. {event.zone_abbreviation}"
    )
    assert "2024" not in text(card.select_one(".card__byline"))  # the posting date
    assert "Jane Park" not in text(card)


def test_mixed_listings_keep_event_cards_on_event_time(client, events, series):
    factories.ArticlePageFactory(series=series, title="An article")
    page = soup(client.get("/publications/"))
    assert page.select_one('[data-testid="upcoming-events"]') is None  # not an events listing
    assert len(page.select('[data-testid="event-when"]')) == 6


def test_event_page_has_no_byline_or_disclaimer_but_speakers_and_calendar(client, events, author):
    _, made = events
    event = made["in 10 days"]
    event.speakers.create(person=author, role="Speaker")
    event.save_revision().publish()
    page = soup(client.get(event.url))
    assert page.select_one('[data-testid="disclaimer"]') is None
    assert page.select_one('[data-testid="author-bios"]') is None
    assert "By Jane Park" not in text(page.select_one(".article__header"))
    assert "alone" not in text(page)
    when = page.select_one('[data-testid="event-when"]')
    assert "7:00 p.m. E" in text(when)  # EST or EDT
    assert "Jane Park (Speaker)" in text(page.select_one('[data-testid="event-details"]'))
    calendar = page.select_one('[data-testid="add-to-calendar"]')
    assert (
        calendar["href"] == f"/feeds/events/{event.pk}.ics" and text(calendar) == "Add to calendar"
    )
    assert client.get(calendar["href"])["Content-Type"].startswith("text/calendar")


def test_past_events_show_add_to_calendar_recording_and_transcript(client, events):
    _, made = events
    event = made["40 days ago"]
    event.recording_url = "https://www.youtube.com/watch?v=abcdefghijk"
    event.transcript = "<p><b>Moderator:</b> Welcome to the Institute.</p>"
    event.save_revision().publish()
    page = soup(client.get(event.url))
    assert "This event has taken place." in text(page)
    recording = page.select_one('[data-testid="recording"] iframe')
    assert recording["src"] == "https://www.youtube-nocookie.com/embed/abcdefghijk"
    assert recording["title"] == f"Recording: {event.title}"
    assert "Welcome to the Institute." in text(page.select_one('[data-testid="transcript"]'))
    assert page.select_one('[data-testid="add-to-calendar"]') is not None


def test_event_taking_registrations_links_to_its_form(client, events):
    _, made = events
    event = made["in 30 days"]
    event.takes_registrations = True
    event.capacity = 20
    event.save_revision().publish()
    register = soup(client.get(event.url)).select_one('[data-testid="register"]')
    assert register["href"] == f"/registrations/{event.pk}/"
    past = made["3 days ago"]
    past.takes_registrations = True
    past.save_revision().publish()
    assert soup(client.get(past.url)).select_one('[data-testid="register"]') is None


def test_registering_here_and_elsewhere_is_refused(series):
    from django.core.exceptions import ValidationError

    event = factories.EventPageFactory.build(
        takes_registrations=True, registration_url="https://tickets.example.org/e/1"
    )
    with pytest.raises(ValidationError, match="not both"):
        event.clean()


def test_episode_says_how_to_subscribe_with_the_feed_and_the_editors_app_links(client, institute):
    podcast = factories.SeriesPageFactory(
        title="The Long Table",
        slug="the-long-table",
        apple_podcasts_url="https://podcasts.apple.com/podcast/id123",
        other_podcast_app_name="Pocket Casts",
        other_podcast_app_url="https://pca.st/longtable",
    )
    episode = factories.PodcastEpisodePageFactory(series=podcast, title="Episode 1")
    box = soup(client.get(episode.url)).select_one('[data-testid="podcast-subscribe"]')
    assert "Subscribe to this podcast" in text(box)
    links = {text(a): a["href"] for a in box.select("a")}
    assert links == {
        "Apple Podcasts": "https://podcasts.apple.com/podcast/id123",
        "Pocket Casts": "https://pca.st/longtable",
        "RSS feed": "/feeds/podcasts/the-long-table/",
    }
    assert client.get(links["RSS feed"]).status_code == 200
    assert "http://testserver/feeds/podcasts/the-long-table/" in text(box)
