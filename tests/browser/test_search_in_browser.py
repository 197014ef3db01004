"""Search in Chromium: suggestions while typing in the header box, the results page with
facets and highlights at phone and desktop widths, and the page without JavaScript."""

import re

import pytest
from playwright.sync_api import expect

from tests.browser.test_pages_in_browser import WIDTHS, check_layout_and_accessibility, open_at

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]


@pytest.fixture
def korean_article(institute):
    from tests import factories

    return factories.ArticlePageFactory(
        series=institute.series,
        title="비핵화 협상의 다음 단계",
        summary="한미 동맹이 비핵화 협상에서 할 수 있는 일",
    )


def test_typing_in_the_header_box_suggests_and_a_suggestion_opens(page, institute):
    open_at(page, "/", 1280)
    box = page.get_by_role("combobox", name="Search All Site Content")
    box.press_sequentially("sanctions enf", delay=30)
    suggestions = page.get_by_role("listbox", name="Suggestions")
    expect(suggestions).to_be_visible()
    option = suggestions.get_by_role("option").filter(has_text="Sanctions enforcement at sea")
    expect(option).to_have_count(1)
    expect(box).to_have_attribute("aria-expanded", "true")
    option.get_by_role("link").click()
    expect(page).to_have_url(re.compile(r"/sanctions-enforcement-at-sea-explained/$"))
    expect(page.get_by_role("heading", level=1)).to_have_text(
        "Sanctions enforcement at sea, explained"
    )


def test_keyboard_choice_of_a_suggestion(page, institute, korean_article):
    open_at(page, "/", 390)
    box = page.get_by_role("combobox", name="Search All Site Content")
    box.press_sequentially("비핵", delay=30)
    expect(page.get_by_role("option")).to_have_count(1)
    box.press("ArrowDown")
    box.press("Enter")
    expect(page).to_have_url(re.compile(re.escape(korean_article.url) + "$"))


def test_results_page_at_both_widths(page, institute, korean_article):
    for width in WIDTHS:
        open_at(page, "/search/?q=sanctions", width)
        expect(page.get_by_test_id("result-count")).to_contain_text("for “sanctions”")
        # One search box, holding the query: the header's.
        expect(page.locator("input[name=q]")).to_have_count(1)
        expect(page.get_by_role("combobox", name="Search All Site Content")).to_have_value(
            "sanctions"
        )
        expect(page.locator(".search-hit mark").first).to_have_text(
            re.compile("sanctions", re.IGNORECASE)
        )
        facets = page.get_by_role("complementary", name="Narrow the results")
        expect(facets.get_by_role("heading", name="Publication type")).to_be_visible()
        check_layout_and_accessibility(page, "search-results", width)
        facets.locator("a[data-facet=type]").first.click()
        expect(page).to_have_url(re.compile(r"type="))
        expect(page.locator("a[data-facet=type][aria-current=true]")).to_have_count(1)
        open_at(page, "/search/?q=비핵화", width)
        expect(page.get_by_role("link", name=korean_article.title)).to_be_visible()
        check_layout_and_accessibility(page, "search-korean", width)
        open_at(page, "/search/?q=%22sanctions+enforcement%22", width)
        expect(page.get_by_test_id("result-count")).to_have_text(
            '1 result for "sanctions enforcement"'
        )
        check_layout_and_accessibility(page, "search-phrase", width)
        open_at(page, "/search/?q=sanctoins", width)
        expect(page.get_by_test_id("did-you-mean")).to_contain_text("sanction")
        check_layout_and_accessibility(page, "search-did-you-mean", width)


def test_search_works_without_javascript(browser, live_server, institute):
    context = browser.new_context(java_script_enabled=False, base_url=live_server.url)
    try:
        tab = context.new_page()
        tab.goto("/")
        box = tab.get_by_role("searchbox", name="Search All Site Content")
        box.fill("won")
        box.press("Enter")
        expect(tab.get_by_test_id("result-count")).to_have_text("1 result for “won”")
        expect(tab.get_by_role("link", name="Why the won fell in 2024")).to_be_visible()
    finally:
        context.close()
