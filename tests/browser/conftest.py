"""Chromium, a live server and a small institute for the browser tests.

Playwright's sync API runs an event loop in the test's thread, which makes Django refuse
ORM calls from it; the variable below lets the factories run beside it. The live server
listens on 127.0.0.1 only.
"""

import datetime
import json
import os
from pathlib import Path
from types import SimpleNamespace
from urllib.parse import unquote, urlsplit

import pytest

os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")
os.environ.setdefault("DJANGO_LIVE_TEST_SERVER_ADDRESS", "127.0.0.1")

CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]
SCREENSHOTS = Path(__file__).resolve().parents[2] / "test-artifacts" / "screenshots"
# Stands in for YouTube and every other outside host: the tests never leave the machine.
_BLANK_FRAME = "<!DOCTYPE html><title>Offline stand-in</title><body style='background:#000'>"


@pytest.fixture(scope="session")
def browser(migrated_state, playwright):
    chromium = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
    yield chromium
    chromium.close()


@pytest.fixture
def page(browser, live_server):
    """A fresh tab whose requests stay on the live server.

    The live server serves static files but not uploads, so /media/ is answered from
    MEDIA_ROOT here; anything addressed to another host gets a blank stand-in.
    """
    from django.conf import settings

    origin = live_server.url
    media_root = Path(settings.MEDIA_ROOT).resolve()

    def route(route):
        url = route.request.url
        if not url.startswith(origin):
            route.fulfill(status=200, content_type="text/html", body=_BLANK_FRAME)
            return
        path = unquote(urlsplit(url).path)
        if path.startswith(settings.MEDIA_URL):
            file = (media_root / path.removeprefix(settings.MEDIA_URL)).resolve()
            if file.is_relative_to(media_root) and file.is_file():
                route.fulfill(path=file)
            else:
                route.fulfill(status=404)
            return
        route.continue_()

    context = browser.new_context(base_url=origin, viewport={"width": 1280, "height": 900})
    context.route("**/*", route)
    tab = context.new_page()
    yield tab
    context.close()


def _body(*blocks):
    return json.dumps([{"type": kind, "value": value} for kind, value in blocks])


@pytest.fixture
def institute(live_server, migrated):
    """A small think tank: settings, two series, four people, themes, regions and
    eight live publications (one of them a draft that must not be counted)."""
    from wagtail.models import Site

    from peninsula.core.models import InstituteSettings
    from peninsula.publications.models import EventSpeaker
    from tests import factories

    site = Site.objects.get(is_default_site=True)
    settings = InstituteSettings.for_site(site)
    settings.name = "Peninsula Institute for Korean Affairs"
    settings.tagline = "Independent analysis of the Korean Peninsula since 1982"
    settings.postal_address = "1800 K Street NW, Suite 1010\nWashington, DC 20006"
    settings.email = "info@peninsula.example.org"
    settings.disclosure_footer = (
        "<p>The Peninsula Institute for Korean Affairs is registered under the Foreign Agents "
        "Registration Act. Additional information is available at the Department of Justice, "
        "Washington, DC.</p>"
    )
    settings.x_url = "https://x.com/peninsula"
    settings.save()

    security = factories.ThemeFactory(name="Security")
    economy = factories.ThemeFactory(name="Economy")
    north = factories.RegionFactory(name="North Korea")
    south = factories.RegionFactory(name="South Korea")

    jane = factories.PersonPageFactory(title="Jane Park", job_title="Non-Resident Fellow")
    minjun = factories.PersonPageFactory(title="Lee Min-jun", job_title="Non-Resident Fellow")
    director = factories.PersonPageFactory(
        title="Sarah Whitcombe-Hargreaves", job_title="Director of Academic Affairs"
    )
    ambassador = factories.PersonPageFactory(
        title="Cho Hyun-woo", job_title="Former Ambassador", affiliation="Seoul National University"
    )

    blog = factories.SeriesPageFactory(
        title="The Peninsula",
        introduction="Short commentary on the politics, economics and security of the Korean "
        "Peninsula, from our fellows.",
        show_in_menus=True,
    )
    events = factories.SeriesPageFactory(
        title="Events", introduction="Conferences, book talks and roundtables."
    )
    papers = factories.SeriesPageFactory(
        title="Academic Paper Series", introduction="Peer-reviewed research."
    )

    hero = factories.ImageFactory(
        title="Panmunjom",
        file=factories.png_file("panmunjom.png", size=(1200, 675), colour=(54, 84, 120)),
        credit="Kim Hong-ji / Reuters",
    )
    article = factories.ArticlePageFactory(
        series=blog,
        title="What the Camp David commitments mean for deterrence on the Korean Peninsula",
        subtitle="Three summits in, the trilateral framework is becoming an institution.",
        date=datetime.date(2025, 3, 12),
        summary="The trilateral framework is outlasting the leaders who built it.",
        hero_image=hero,
        hero_caption="The Joint Security Area at Panmunjom.",
        authors=[jane, minjun],
        themes=[security],
        regions=[north, south],
        featured=True,
        body=_body(
            (
                "paragraph",
                "<p>When the three leaders met at Camp David, few expected the commitments to "
                "survive a change of government in Seoul.[1] They have, and the reasons say "
                "much about how deterrence now works in Northeast Asia.</p>",
            ),
            ("heading", {"text": "A framework, not a summit", "level": "h2"}),
            (
                "paragraph",
                "<p>The annual meetings have a secretariat, a hotline and a calendar of "
                "exercises.[2] None of these depends on personal chemistry.</p>",
            ),
            (
                "quote",
                {
                    "text": "Institutions outlast the people who found them.",
                    "attribution": "A senior official in Seoul",
                },
            ),
            ("heading", {"text": "What Pyongyang sees", "level": "h3"}),
            (
                "paragraph",
                "<p>North Korea's missile tests in 2024 drew a coordinated response within "
                "hours, a speed that was impossible a decade ago.</p>",
            ),
            (
                "table",
                {
                    "data": [
                        ["Year", "Trilateral exercises", "Missile launches", "Joint statements"],
                        ["2022", "3", "69", "1"],
                        ["2023", "7", "34", "4"],
                        ["2024", "11", "40", "6"],
                    ],
                    "first_row_is_table_header": True,
                    "first_col_is_header": False,
                    "table_caption": "Exercises and launches by year",
                },
            ),
            (
                "embed",
                {
                    "url": "https://www.youtube.com/watch?v=abcdefghijk",
                    "title": "Panel: deterrence after Camp David",
                },
            ),
            (
                "footnotes",
                {
                    "notes": [
                        "<p>Joint statement of August 18, 2023.</p>",
                        "<p>Ministry of National Defense, <i>Defense White Paper 2024</i>, "
                        "p. 112.</p>",
                    ]
                },
            ),
        ),
    )
    event = factories.EventPageFactory(
        series=events,
        title="Book talk: The Alliance at Seventy",
        date=datetime.date(2025, 4, 1),
        summary="A conversation on the future of the U.S.-ROK alliance.",
        start_date=datetime.date(2030, 5, 14),
        start_time=datetime.time(9, 30),
        end_time=datetime.time(11, 0),
        time_zone="Asia/Seoul",
        venue_name="Peninsula Institute conference room",
        venue_address="1800 K Street NW, Suite 1010\nWashington, DC 20006",
        registration_url="https://events.example.org/register/alliance-at-seventy",
        authors=[director],
        themes=[security],
        speakers=[
            EventSpeaker(person=ambassador, role="Speaker", sort_order=0),
            EventSpeaker(person=director, role="Moderator", sort_order=1),
        ],
    )
    more = [
        factories.BriefPageFactory(
            series=blog,
            title="Sanctions enforcement at sea, explained",
            date=datetime.date(2025, 2, 20),
            authors=[jane],
            themes=[security],
            regions=[north],
        ),
        factories.ReportPageFactory(
            series=papers,
            title="Semiconductor supply chains and the Korean economy",
            date=datetime.date(2025, 1, 30),
            authors=[minjun],
            themes=[economy],
            regions=[south],
        ),
        factories.PodcastEpisodePageFactory(
            series=blog,
            title="Podcast: What North Korea's party congress told us",
            date=datetime.date(2024, 12, 5),
            authors=[jane],
            themes=[security],
            regions=[north],
        ),
        factories.VideoPageFactory(
            series=blog,
            title="Video: The economics of reunification",
            date=datetime.date(2024, 11, 2),
            themes=[economy],
            regions=[north, south],
        ),
        factories.ArticlePageFactory(
            series=blog,
            title="Why the won fell in 2024",
            date=datetime.date(2024, 10, 15),
            authors=[minjun],
            themes=[economy],
            regions=[south],
        ),
    ]
    factories.ArticlePageFactory(series=blog, title="An unpublished draft", live=False)
    return SimpleNamespace(
        settings=settings,
        name=settings.name,
        series=blog,
        article=article,
        event=event,
        more=more,
        live_count=2 + len(more),
        people=SimpleNamespace(jane=jane, minjun=minjun, director=director, ambassador=ambassador),
        themes=SimpleNamespace(security=security, economy=economy),
        regions=SimpleNamespace(north=north, south=south),
    )
