"""Pages editors shape, in Chromium at 390 and 1280 px: the header menu (folded behind a
button on a phone, dropdowns on a computer), the Experts page filtered by expertise, a
landing page, the News page and a press release. Each passes axe-core with no serious or
critical finding and never scrolls sideways on a phone; screenshots are kept."""

import json

import pytest
from playwright.sync_api import expect
from wagtail.models import Site

from peninsula.navigation.models import MenuSettings
from tests import factories
from tests.browser.test_pages_in_browser import (
    DESKTOP,
    PHONE,
    WIDTHS,
    check_layout_and_accessibility,
    open_at,
)

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]


def _stream(*items):
    return json.dumps([{"type": kind, "value": value} for kind, value in items])


def _link(page=None, url="", label=""):
    return {"page": page.pk if page else None, "url": url, "label": label}


@pytest.fixture
def shaped(institute):
    """Menus with dropdowns, people with departments and expertise, news and a landing page."""
    people = institute.people
    security = factories.DepartmentFactory(name="Security Studies")
    economy = factories.DepartmentFactory(name="Economy and Technology")
    for person, department, areas in (
        (people.jane, security, ["sanctions", "nuclear policy"]),
        (people.minjun, economy, ["trade", "sanctions"]),
        (people.director, security, ["alliances"]),
    ):
        person.department = department
        person.expertise.set(areas)
        person.media_contact = person is people.jane
        person.save_revision().publish()

    news = factories.NewsIndexPageFactory(
        introduction="Press releases and statements from the Institute.",
        media_contact=people.director,
    )
    release = factories.NewsPageFactory(
        title="Institute names a new director for its Seoul office",
        location="Washington",
        summary="The Seoul office will expand its programme.",
        body=_stream(("paragraph", "<p>The Institute today named a new director.</p>")),
    )
    factories.NewsPageFactory(title="Statement on the missile launch", kind="statement")
    privacy = factories.StandardPageFactory(title="Privacy policy", slug="privacy")
    landing = factories.LandingPageFactory(
        title="Deterrence in the 2020s",
        slug="deterrence",
        introduction="A three-year programme on keeping deterrence credible.",
        hero_image=factories.ImageFactory(
            file=factories.png_file("wide.png", size=(2400, 900), colour=(40, 70, 110))
        ),
        body=_stream(
            ("text", "<h2>About the programme</h2><p>What allies promise each other.</p>"),
            (
                "publications",
                {
                    "heading": "Start here",
                    "publications": [institute.article.pk, *(p.pk for p in institute.more[:2])],
                },
            ),
            ("people", {"heading": "The programme's experts", "people": [people.jane.pk]}),
            (
                "call_to_action",
                {
                    "heading": "Get the findings first",
                    "text": "By email; nothing until you confirm.",
                    "button_label": "Subscribe",
                    "page": None,
                    "url": "/subscribe/",
                },
            ),
        ),
    )
    menus = MenuSettings.for_site(Site.objects.get(is_default_site=True))
    menus.header = _stream(
        (
            "item",
            {
                **_link(url="/publications/", label="Publications"),
                "children": [
                    {"type": "item", "value": _link(url="/publications/reports/", label="Reports")},
                    {"type": "item", "value": _link(url="/publications/events/", label="Events")},
                ],
            },
        ),
        (
            "item",
            {
                **_link(label="Research"),
                "children": [
                    {"type": "item", "value": _link(url="/themes/", label="Themes")},
                    {"type": "item", "value": _link(landing)},
                ],
            },
        ),
        ("item", {**_link(url="/experts/", label="Experts"), "children": []}),
        ("item", {**_link(news), "children": []}),
    )
    menus.footer = _stream(
        ("link", _link(news)), ("link", _link(url="/subscribe/", label="Subscribe"))
    )
    menus.privacy_page = privacy
    menus.save()
    return {"landing": landing.url, "news": news.url, "release": release.url}


def test_header_menu_folds_behind_a_button_on_a_phone(page, shaped):
    open_at(page, "/", PHONE)
    button = page.get_by_role("button", name="Menu")
    nav = page.get_by_role("navigation", name="Main")
    expect(button).to_be_visible()
    expect(button).to_have_attribute("aria-expanded", "false")
    expect(nav).to_be_hidden()
    page.screenshot(path=_shot("menu-closed", PHONE))

    button.click()
    expect(button).to_have_attribute("aria-expanded", "true")
    expect(nav.get_by_role("link", name="Experts")).to_be_visible()
    research = nav.get_by_role("button", name="Research")
    expect(research).to_have_attribute("aria-expanded", "false")
    expect(nav.get_by_role("link", name="Themes")).to_be_hidden()
    research.click()
    expect(research).to_have_attribute("aria-expanded", "true")
    expect(nav.get_by_role("link", name="Deterrence in the 2020s")).to_be_visible()
    check_layout_and_accessibility(page, "menu-open", PHONE)

    page.keyboard.press("Escape")  # closes the dropdown first...
    expect(research).to_have_attribute("aria-expanded", "false")
    page.keyboard.press("Escape")  # ...then the menu, and focus returns to its button
    expect(button).to_have_attribute("aria-expanded", "false")
    expect(button).to_be_focused()
    expect(nav).to_be_hidden()


def test_header_dropdowns_on_a_computer(page, shaped):
    open_at(page, "/", DESKTOP)
    expect(page.get_by_role("button", name="Menu")).to_be_hidden()
    nav = page.get_by_role("navigation", name="Main")
    expect(nav.get_by_role("link", name="Publications", exact=True)).to_be_visible()
    more = nav.get_by_role("button", name="More in Publications")
    expect(nav.get_by_role("link", name="Reports")).to_be_hidden()
    more.click()
    expect(more).to_have_attribute("aria-expanded", "true")
    reports = nav.get_by_role("link", name="Reports")
    expect(reports).to_be_visible()
    box = reports.bounding_box()
    assert box["y"] > more.bounding_box()["y"]  # hangs below its entry
    check_layout_and_accessibility(page, "menu-dropdown", DESKTOP)
    # Opening another closes the first; a click elsewhere closes it too.
    nav.get_by_role("button", name="Research").click()
    expect(reports).to_be_hidden()
    page.locator("main").click(position={"x": 5, "y": 5})
    expect(nav.get_by_role("link", name="Themes")).to_be_hidden()
    reports_link = page.get_by_role("navigation", name="Footer")
    expect(reports_link.get_by_role("link", name="Privacy policy")).to_be_visible()


def test_menu_without_javascript_shows_every_link(browser, live_server, shaped):
    context = browser.new_context(
        java_script_enabled=False, viewport={"width": PHONE, "height": 900}
    )
    tab = context.new_page()
    tab.goto(live_server.url + "/")
    nav = tab.get_by_role("navigation", name="Main")
    expect(nav.get_by_role("link", name="Experts")).to_be_visible()
    expect(nav.get_by_role("link", name="Themes")).to_be_visible()
    context.close()


def test_experts_filtered_by_expertise(page, shaped):
    for width in WIDTHS:
        open_at(page, "/experts/", width)
        expect(page.get_by_test_id("people-count")).to_have_text("4 experts")
        page.get_by_role("combobox", name="Expertise").select_option("sanctions")
        page.get_by_role("button", name="Show experts").click()
        page.wait_for_load_state("load")
        expect(page.get_by_test_id("people-count")).to_have_text("2 experts on sanctions")
        names = page.locator(".person-card__name").all_inner_texts()
        assert names == ["Lee Min-jun", "Jane Park"]
        check_layout_and_accessibility(page, "experts-filtered", width)
        page.get_by_role("link", name="Jane Park").click()
        page.wait_for_load_state("load")
        expect(page.get_by_test_id("media-contact")).to_be_visible()
        check_layout_and_accessibility(page, "person-with-expertise", width)


@pytest.mark.parametrize("name", ["landing", "news", "release"])
def test_new_page_types_at_both_widths(page, shaped, name):
    for width in WIDTHS:
        open_at(page, shaped[name], width)
        if name == "landing":
            expect(page.locator(".landing-hero h1")).to_have_text("Deterrence in the 2020s")
            expect(page.locator(".block-publications .card")).to_have_count(3)
            expect(page.get_by_role("link", name="Subscribe").first).to_be_visible()
        elif name == "news":
            expect(page.locator(".news-item")).to_have_count(2)
            expect(page.get_by_test_id("media-contact")).to_be_visible()
        else:
            expect(page.locator(".news-page__dateline")).to_contain_text("Washington")
            expect(page.get_by_test_id("media-contact")).to_contain_text(
                "Sarah Whitcombe-Hargreaves"
            )
        check_layout_and_accessibility(page, f"{name}-page", width)


def _shot(name, width):
    from tests.browser.conftest import SCREENSHOTS

    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    return SCREENSHOTS / f"{name}-{width}.png"


def test_a_video_file_plays_in_the_page(page, institute):
    """The demo's kind of video page: the site's own film in a <video> player, no frame."""
    from django.core.files.base import ContentFile

    from peninsula.demo import files

    film = factories.DocumentFactory(
        title="Explainer", file=ContentFile(files.demo_video(), name="explainer.webm")
    )
    video = factories.VideoPageFactory(
        series=institute.series,
        title="Explainer: the alliance in eight seconds",
        video_file=film,
        video_url="",
        hero_image=factories.ImageFactory(),
    )
    for width in WIDTHS:
        open_at(page, video.url, width)
        player = page.get_by_test_id("video-player")
        expect(player).to_be_visible()
        assert page.locator(".media-box iframe").count() == 0
        duration = page.evaluate(
            """async () => {
                const v = document.querySelector('[data-testid=video-player]');
                if (v.readyState < 1) await new Promise(r => v.addEventListener('loadedmetadata', r, {once: true}));
                return v.videoWidth;
            }"""
        )
        assert duration == 640  # the browser read the film itself
        check_layout_and_accessibility(page, "video-file", width)
