"""Every kind of page in Chromium, on a phone (390 px) and a desktop (1280 px).

Each page must show what the site-foundation issue asks of it, pass axe-core with no
serious or critical violations, and never scroll sideways on a phone. Full-page
screenshots go to test-artifacts/screenshots/ for a person to look at.
"""

import re

import pytest
from axe_playwright_python.sync_playwright import Axe
from playwright.sync_api import expect

from tests.browser.conftest import SCREENSHOTS

pytestmark = [
    pytest.mark.browser,
    # The live server needs committed data; restoring the serialized database keeps the
    # home page the migrations create for the tests that run after these.
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]

PHONE, DESKTOP = 390, 1280
WIDTHS = (PHONE, DESKTOP)
BLOCKING_IMPACTS = {"serious", "critical"}
# Frames hold offline stand-ins for YouTube; axe would wait a minute for each to answer.
AXE_OPTIONS = {"resultTypes": ["violations"], "iframes": False}

_axe = Axe()

# The innermost elements that stick out past the right edge, to say what to fix.
_TOO_WIDE = """width => [...document.querySelectorAll("body *")]
    .filter(el => el.getBoundingClientRect().right > width + 0.5)
    .filter(el => ![...el.children].some(c => c.getBoundingClientRect().right > width + 0.5))
    .slice(0, 8)
    .map(el => `${el.tagName.toLowerCase()}.${el.className} (${Math.round(el.getBoundingClientRect().right)})`)"""


def blocking_violations(page):
    """axe-core's serious and critical violations, printed with their nodes to fix them by."""
    results = _axe.run(page, options=AXE_OPTIONS)
    found = [v for v in results.response["violations"] if v["impact"] in BLOCKING_IMPACTS]
    for violation in found:
        print(f"\n[{violation['impact']}] {violation['id']}: {violation['help']}")
        for node in violation["nodes"]:
            print("   ", node["target"], node["html"][:200])
            print("     ", node["failureSummary"].replace("\n", "\n      "))
    return [f"{v['id']} ({v['impact']}, {len(v['nodes'])} nodes)" for v in found]


def open_at(page, path, width, *, status=200):
    page.set_viewport_size({"width": width, "height": 900})
    response = page.goto(path)
    assert response.status == status, f"{path} answered {response.status}"
    page.wait_for_load_state("load")
    return response


def check_layout_and_accessibility(page, name, width):
    """No sideways scrolling on a phone, no serious axe findings, and a screenshot."""
    if width == PHONE:
        scroll_width = page.evaluate("document.documentElement.scrollWidth")
        assert scroll_width <= PHONE, (
            f"{name} scrolls sideways at {PHONE} px ({scroll_width}); too wide: "
            + ", ".join(page.evaluate(_TOO_WIDE, PHONE))
        )
    assert blocking_violations(page) == [], f"axe found problems on {name} at {width} px"
    # Scroll through once so lazy images have loaded when the full page is captured.
    page.evaluate(
        """async () => {
            for (let y = 0; y < document.body.scrollHeight; y += 600) {
                window.scrollTo(0, y);
                await new Promise(r => requestAnimationFrame(r));
            }
            window.scrollTo(0, 0);
        }"""
    )
    page.wait_for_load_state("networkidle")
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=SCREENSHOTS / f"{name}-{width}.png", full_page=True)


def check_site_chrome(page, institute):
    """The header search, the index count, the mailing-list box and the footer."""
    search = page.get_by_role("combobox", name="Search All Site Content")
    expect(search).to_be_visible()
    expect(page.get_by_role("button", name="Search", exact=True)).to_be_visible()
    count = page.locator(".site-search__count")
    expect(count).to_have_text(f"Total Index: {institute.live_count} publications")
    expect(page.get_by_role("heading", name="Subscribe to our Mailing List")).to_be_visible()
    expect(page.get_by_role("textbox", name="Email address")).to_be_visible()
    expect(page.get_by_role("button", name="Subscribe")).to_be_visible()
    footer = page.locator("footer.site-footer")
    expect(footer).to_contain_text(institute.name)
    expect(footer.locator("address")).to_contain_text("Washington, DC 20006")
    expect(page.get_by_test_id("disclosure")).to_contain_text("Foreign Agents Registration Act")


def test_home_page(page, institute):
    for width in WIDTHS:
        open_at(page, "/", width)
        check_site_chrome(page, institute)
        expect(page).to_have_title(institute.name)  # once, not "X · X"
        expect(page.get_by_role("heading", level=1)).to_have_text(institute.settings.tagline)
        featured = page.locator("section[aria-labelledby=featured-heading]")
        expect(featured.get_by_role("link", name=institute.article.title)).to_be_visible()
        latest = page.locator("section[aria-labelledby=latest-heading] .card")
        expect(latest).to_have_count(institute.live_count - 1)  # the featured one is above
        events = page.locator(".event-list")
        expect(events.get_by_role("link", name=institute.event.title)).to_be_visible()
        expect(events.locator("time")).to_have_text("May 14")
        nav = page.get_by_role("navigation", name="Main")
        menu = page.get_by_role("button", name="Menu")
        if width == PHONE:  # the phone layout folds the menu behind its button
            expect(nav.get_by_role("link", name="The Peninsula")).to_be_hidden()
            menu.click()
        expect(nav.get_by_role("link", name="The Peninsula")).to_be_visible()
        if width == PHONE:
            menu.click()
        check_layout_and_accessibility(page, "home", width)

    # The search box takes the reader to results.
    search = page.get_by_role("combobox", name="Search All Site Content")
    search.fill("won")
    search.press("Enter")
    expect(page).to_have_url(re.compile(r"/search/\?q=won$"))
    expect(page.get_by_test_id("result-count")).to_have_text("1 result for “won”")
    expect(page.get_by_role("link", name="Why the won fell in 2024")).to_be_visible()


def test_publication_listing_with_two_filters(page, institute):
    security, north = institute.themes.security, institute.regions.north
    expected = [
        institute.article.title,
        "Sanctions enforcement at sea, explained",
        "Podcast: What North Korea's party congress told us",
    ]
    for width in WIDTHS:
        open_at(page, "/publications/", width)
        check_site_chrome(page, institute)
        expect(page.get_by_role("heading", level=1)).to_have_text("All publications")
        count = page.get_by_test_id("result-count")
        expect(count).to_have_text(f"{institute.live_count} publications found")

        page.get_by_label("Theme").select_option(security.slug)
        page.get_by_label("Region").select_option(north.slug)
        page.get_by_role("button", name="Apply filters").click()
        expect(page).to_have_url(re.compile(rf"theme={security.slug}&region={north.slug}"))
        expect(count).to_have_text(f"{len(expected)} publications found")
        titles = page.locator(".card__title")
        expect(titles).to_have_text(expected)  # newest first
        expect(page.get_by_label("Theme")).to_have_value(security.slug)
        expect(page.get_by_label("Region")).to_have_value(north.slug)
        expect(page.get_by_role("heading", level=1)).to_have_text(
            "Publications: Security, North Korea"
        )
        expect(page).to_have_title(f"Publications: Security, North Korea · {institute.name}")
        expect(page.get_by_role("link", name="Clear")).to_be_visible()
        check_layout_and_accessibility(page, "listing", width)

        page.get_by_role("link", name="Clear").click()
        expect(count).to_have_text(f"{institute.live_count} publications found")


def test_a_type_chosen_in_the_filters_names_the_page_and_marks_its_tab(page, institute):
    for width in WIDTHS:
        open_at(page, "/publications/", width)
        page.get_by_label("Type", exact=True).select_option("commentary")
        page.get_by_role("button", name="Apply filters").click()
        expect(page).to_have_url(re.compile(r"type=commentary"))
        expect(page.get_by_role("heading", level=1)).to_have_text("Commentary")
        expect(page).to_have_title(f"Commentary · {institute.name}")
        tabs = page.get_by_role("navigation", name="Publication types")
        expect(tabs.locator("[aria-current=page]")).to_have_text("Commentary")
        check_layout_and_accessibility(page, "listing-commentary", width)


def test_featured_row_leaves_no_empty_column(page, institute):
    """Three featured: the lead on the left, two stacked beside it; every card has a picture
    (a placeholder when the publication has none), all of one shape."""
    from tests import factories

    factories.ArticlePageFactory(
        series=institute.series,
        title="Pictured second feature",
        featured=True,
        hero_image=factories.ImageFactory(file=factories.png_file(size=(900, 900))),
    )
    factories.BriefPageFactory(series=institute.series, title="Unpictured third", featured=True)
    for width in WIDTHS:
        open_at(page, "/", width)
        grid = page.locator(".card-grid--featured")
        cards = grid.locator(".card")
        expect(cards).to_have_count(3)
        pictures = grid.locator(".card__image")
        expect(pictures).to_have_count(3)
        for index in range(3):
            box = pictures.nth(index).bounding_box()
            ratio = box["width"] / box["height"]
            if index == 0 and width == DESKTOP:  # the lead fills the height beside it
                assert ratio < 16 / 9 + 0.02, box
            else:
                assert abs(ratio - 16 / 9) < 0.02, (width, index, box)
        row = grid.bounding_box()
        lead, second, third = (cards.nth(index).bounding_box() for index in range(3))
        right = row["x"] + row["width"]
        if width == DESKTOP:
            assert lead["width"] > second["width"]
            assert second["x"] == third["x"] > lead["x"] + lead["width"]
            assert abs(second["x"] + second["width"] - right) < 1  # nothing empty to the right
            assert third["y"] > second["y"]
        else:
            for box in (lead, second, third):
                assert abs(box["x"] + box["width"] - right) < 1
        check_layout_and_accessibility(page, "home-featured", width)


def test_series_page(page, institute):
    for width in WIDTHS:
        open_at(page, institute.series.url, width)
        check_site_chrome(page, institute)
        expect(page.get_by_role("heading", level=1)).to_have_text("The Peninsula")
        expect(page.get_by_test_id("result-count")).to_have_text("5 publications found")
        check_layout_and_accessibility(page, "series", width)


def test_article_page(page, institute):
    article, jane, minjun = institute.article, institute.people.jane, institute.people.minjun
    for width in WIDTHS:
        open_at(page, article.url, width)
        check_site_chrome(page, institute)
        expect(page.get_by_test_id("series")).to_have_text("The Peninsula")
        expect(page.get_by_role("heading", level=1)).to_have_text(article.title)
        expect(page.locator(".byline time")).to_have_text("March 12, 2025")
        byline = page.locator(".byline")
        expect(byline).to_contain_text("By Jane Park and Lee Min-jun")
        expect(byline.get_by_role("link", name="Jane Park")).to_have_attribute("href", jane.url)
        expect(byline.get_by_role("link", name="Lee Min-jun")).to_have_attribute("href", minjun.url)
        body = page.locator(".article__body")
        expect(
            body.get_by_role("heading", level=2, name="A framework, not a summit")
        ).to_be_visible()
        expect(body.get_by_role("heading", level=3, name="What Pyongyang sees")).to_be_visible()
        expect(page.locator(".hero img")).to_be_visible()
        # Once, under the photo: not again at the end of the article.
        expect(page.get_by_test_id("photo-credit")).to_have_text("Photo: Kim Hong-ji / Reuters")
        expect(page.get_by_text("Kim Hong-ji / Reuters")).to_have_count(1)
        bios = page.get_by_test_id("author-bios")
        expect(bios).to_contain_text(f"Jane Park is a Non-Resident Fellow at {institute.name}.")
        expect(bios).to_contain_text(f"Lee Min-jun is a Non-Resident Fellow at {institute.name}.")
        expect(page.get_by_test_id("disclaimer")).to_have_text(
            "The views expressed here are the authors' alone."  # Jane Park and Lee Min-jun
        )
        expect(page.get_by_test_id("return-link")).to_have_text("Return to The Peninsula")
        expect(page.get_by_test_id("return-link")).to_have_attribute("href", institute.series.url)
        share = page.get_by_role("navigation", name="Share this publication")
        for network in ("X", "Bluesky", "LinkedIn", "Facebook", "Email"):
            expect(share.get_by_role("link", name=network, exact=True)).to_be_visible()
        expect(share.get_by_role("link", name="X", exact=True)).to_have_attribute(
            "href", re.compile(r"^https://x\.com/intent/post\?url=http")
        )
        hero = page.locator(".hero img").bounding_box()
        assert abs(hero["width"] / hero["height"] - 16 / 9) < 0.02
        related = page.locator("section.related")
        expect(related.get_by_role("heading", name="Related publications")).to_be_visible()
        expect(related.locator(".card")).to_have_count(3)
        # None of the related pieces has a picture: each card shows the same placeholder.
        pictures = related.locator(".card__image")
        expect(pictures).to_have_count(3)
        heights = {round(pictures.nth(i).bounding_box()["height"]) for i in range(3)}
        assert len(heights) == 1, heights
        check_layout_and_accessibility(page, "article", width)

    page.get_by_role("link", name="Jane Park").first.click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Jane Park")


def test_body_blocks_render_sensibly(page, institute):
    """Footnote markers link both ways, the quote is a quote, the embed has a titled frame."""
    open_at(page, institute.article.url, PHONE)
    body = page.locator(".article__body")
    marker = body.locator("sup.fn-ref a").first
    expect(marker).to_have_text("[1]")
    expect(marker).to_have_attribute("href", "#fn-1")
    expect(body.locator("sup.fn-ref a")).to_have_count(2)
    notes = page.get_by_role("region", name="Notes")
    expect(notes.locator("li")).to_have_count(2)
    expect(notes.locator("#fn-1")).to_contain_text("Joint statement of August 18, 2023.")
    back = notes.locator("#fn-1 a[href='#fnref-1']")
    expect(back).to_have_count(1)
    marker.click()
    expect(page).to_have_url(re.compile(r"#fn-1$"))
    expect(notes.locator("#fn-1")).to_be_in_viewport()

    quote = body.locator("figure.quote")
    expect(quote.locator("blockquote")).to_have_text(
        "Institutions outlast the people who found them."
    )
    expect(quote.locator("figcaption")).to_have_text("— A senior official in Seoul")

    frame = body.locator("figure.embed iframe")
    expect(frame).to_have_attribute("title", "Panel: deterrence after Camp David")
    expect(frame).to_have_attribute("src", re.compile(r"^https://www\.youtube-nocookie\.com/"))
    box = frame.bounding_box()
    assert box["width"] <= PHONE and abs(box["width"] / box["height"] - 16 / 9) < 0.05

    # A table wider than a phone scrolls inside its own box, which a keyboard can reach.
    scroller = body.get_by_role("region", name="Exercises and launches by year")
    expect(scroller.locator("th")).to_have_count(4)
    expect(scroller).to_have_attribute("tabindex", "0")
    assert scroller.bounding_box()["x"] + scroller.bounding_box()["width"] <= PHONE


def test_event_page(page, institute):
    event, ambassador, director = (
        institute.event,
        institute.people.ambassador,
        institute.people.director,
    )
    for width in WIDTHS:
        open_at(page, event.url, width)
        check_site_chrome(page, institute)
        expect(page.get_by_role("heading", level=1)).to_have_text(event.title)
        details = page.get_by_test_id("event-details")
        expect(details).to_contain_text("Tuesday, May 14, 2030, 9:30 a.m. – 11:00 a.m.")
        expect(details.locator(".tz")).to_have_text("(KST, Asia/Seoul)")
        expect(details.locator("time").first).to_have_attribute(
            "datetime", "2030-05-14T09:30:00+09:00"
        )
        expect(details).to_contain_text("Peninsula Institute conference room")
        expect(details).to_contain_text("1800 K Street NW, Suite 1010")
        register = details.get_by_role("link", name="Register")
        expect(register).to_have_attribute("href", event.registration_url)
        speakers = details.locator(".speakers li")
        expect(speakers).to_have_count(2)
        expect(speakers.nth(0)).to_contain_text(
            "Cho Hyun-woo (Speaker), Former Ambassador, Seoul National University"
        )
        expect(speakers.nth(1)).to_contain_text("(Moderator)")
        expect(details.get_by_role("link", name=ambassador.title)).to_have_attribute(
            "href", ambassador.url
        )
        expect(details.get_by_role("link", name=director.title)).to_have_attribute(
            "href", director.url
        )
        expect(page.get_by_test_id("return-link")).to_have_text("Return to Events")
        check_layout_and_accessibility(page, "event", width)


def test_author_page(page, institute):
    jane = institute.people.jane
    expected = [
        institute.article.title,
        "Sanctions enforcement at sea, explained",
        "Podcast: What North Korea's party congress told us",
    ]
    for width in WIDTHS:
        open_at(page, jane.url, width)
        check_site_chrome(page, institute)
        expect(page.get_by_role("heading", level=1)).to_have_text("Jane Park")
        expect(page.get_by_test_id("person-role")).to_have_text(
            f"Non-Resident Fellow, {institute.name}"
        )
        expect(page.get_by_role("heading", name="Publications by Jane Park")).to_be_visible()
        expect(page.get_by_test_id("result-count")).to_have_text("3 publications found")
        expect(page.locator(".card__title")).to_have_text(expected)
        check_layout_and_accessibility(page, "author", width)


def test_missing_page_is_friendly(page, institute):
    for width in WIDTHS:
        open_at(page, "/no-such-page/", width, status=404)
        expect(page.get_by_role("heading", level=1)).to_have_text("We can't find that page")
        expect(page.get_by_role("link", name="all publications")).to_have_attribute(
            "href", "/publications/"
        )
        check_site_chrome(page, institute)
        check_layout_and_accessibility(page, "404", width)


def test_print_stylesheet_hides_the_site_furniture(page, institute):
    open_at(page, institute.article.url, DESKTOP)
    link = page.locator("link[rel=stylesheet][media=print]")
    href = link.get_attribute("href")
    assert href.endswith("/print.css")
    assert page.request.get(href).ok
    page.emulate_media(media="print")
    expect(page.locator(".site-search")).to_be_hidden()
    expect(page.get_by_role("navigation", name="Share this publication")).to_be_hidden()
    expect(page.get_by_role("heading", level=1)).to_be_visible()
    expect(page.get_by_test_id("disclaimer")).to_be_visible()
    expect(page.get_by_test_id("disclosure")).to_be_visible()


def test_a_credit_with_its_own_label_is_not_labelled_twice(client, migrated):
    """'Illustration: ...' or 'Photo: ...' credits are printed as written, not as 'Photo: Photo: ...'."""
    from tests import factories

    image = factories.ImageFactory(credit="Illustration: Peninsula demo studio")
    article = factories.ArticlePageFactory(hero_image=image)
    html = client.get(article.url).content.decode()
    assert (
        '<span class="credit" data-testid="photo-credit">Illustration: Peninsula demo studio</span>'
        in html
    )
