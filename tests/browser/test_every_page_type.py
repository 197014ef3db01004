"""Every other kind of page a reader can reach, in Chromium at both widths: no sideways
scrolling on a phone and no serious or critical axe-core findings."""

import pytest

from tests import factories
from tests.browser.test_pages_in_browser import WIDTHS, check_layout_and_accessibility, open_at

pytestmark = pytest.mark.browser


@pytest.fixture
def more_pages(institute):
    """A report with its PDF, a podcast episode, a video, a brief, a topic and an About page."""
    series = institute.series
    topic = factories.TopicFactory(name="Semiconductors")
    pages = {
        "report": factories.ReportPageFactory(
            series=series,
            title="The alliance at seventy",
            pdf=factories.DocumentFactory(),
            page_count=48,
            topics=[topic],
        ),
        "podcast": factories.PodcastEpisodePageFactory(
            series=series,
            title="Episode 12: sanctions at sea",
            episode_number=12,
            transcript="<p><b>Host:</b> Welcome back to the programme.</p>",
        ),
        "video": factories.VideoPageFactory(series=series, title="Explainer: the armistice"),
        "brief": factories.BriefPageFactory(
            series=series, title="Weekly brief 40", issue_number=40
        ),
        "about": factories.StandardPageFactory(title="About", slug="about"),
    }
    paths = {name: page.url for name, page in pages.items()}
    paths |= {
        "experts": "/experts/",
        "themes": "/themes/",
        "topic": topic.get_absolute_url(),
        "reports-type": "/publications/reports/",
        "search": "/search/?q=alliance",
        "subscribe": "/subscribe/",
    }
    return paths


@pytest.mark.parametrize(
    "name",
    [
        "report",
        "podcast",
        "video",
        "brief",
        "about",
        "experts",
        "themes",
        "topic",
        "reports-type",
        "search",
        "subscribe",
    ],
)
def test_page_type_is_accessible_at_both_widths(page, more_pages, name):
    for width in WIDTHS:
        if name == "subscribe":
            open_at(page, "/", width)
            page.get_by_role("textbox", name="Email address").fill(f"reader{width}@example.org")
            page.get_by_role("textbox", name="Name", exact=True).fill("A Reader")
            # No list is ticked for the reader: consent is their own tick.
            page.locator(".subscribe__form input[name=lists]").first.check()
            page.get_by_role("button", name="Subscribe").click()
            page.wait_for_load_state("load")
            assert "/newsletters/check-your-inbox/" in page.url
        else:
            open_at(page, more_pages[name], width)
        check_layout_and_accessibility(page, name, width)
