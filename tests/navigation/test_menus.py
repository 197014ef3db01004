"""The header and footer menus set under Settings → Menus: the automatic menu when none is
set, dropdowns, the footer and its privacy link, and a cache that follows the pages."""

import json

import pytest
from bs4 import BeautifulSoup
from django.core.exceptions import ValidationError
from django.db import connection
from django.test.utils import CaptureQueriesContext
from wagtail.blocks import StructBlockValidationError
from wagtail.models import Site

from peninsula.navigation.blocks import LinkBlock, MenuItemBlock, validate_address
from peninsula.navigation.models import MenuSettings
from tests import factories

pytestmark = pytest.mark.django_db


def soup(response):
    assert response.status_code == 200
    return BeautifulSoup(response.content, "html.parser")


def header(response):
    nav = soup(response).select_one("nav.site-nav")
    return [" ".join(a.get_text().split()) for a in nav.select(".site-nav__list > li > a")]


def stream(*items):
    return json.dumps([{"type": kind, "value": value} for kind, value in items])


def link(page=None, url="", label=""):
    return {"page": page.pk if page else None, "url": url, "label": label}


def item(page=None, url="", label="", children=()):
    return {
        **link(page, url, label),
        "children": [{"type": "item", "value": child} for child in children],
    }


@pytest.fixture
def menus(db):
    return MenuSettings.for_site(Site.objects.get(is_default_site=True))


def test_without_a_menu_the_header_is_the_automatic_one(client, institute, series):
    series.show_in_menus = True
    series.save_revision().publish()
    assert header(client.get("/")) == ["Publications", "The Peninsula", "Themes", "Regions"]
    assert soup(client.get("/")).select(".footer-menu") == []


def test_the_header_an_editor_sets_replaces_it_with_dropdowns(client, institute, series, menus):
    about = factories.StandardPageFactory(title="About us", slug="about")
    menus.header = stream(
        ("item", item(page=series, children=[link(about), link(url="/themes/", label="Themes")])),
        ("item", item(label="Research", children=[link(url="/regions/", label="Regions")])),
        ("item", item(url="https://example.org/jobs", label="Careers")),
    )
    menus.save()
    page = soup(client.get("/"))
    top = page.select(".site-nav__list > li")
    assert [a.get_text() for a in page.select(".site-nav__list > li > a")] == [
        "The Peninsula",
        "Careers",
    ]
    first, research, careers = top
    toggle = first.select_one("button.site-nav__toggle")
    assert toggle["aria-expanded"] == "false"
    sub = page.select_one("#" + toggle["aria-controls"])
    assert [(a.get_text(), a["href"]) for a in sub.select("a")] == [
        ("About us", "/about/"),
        ("Themes", "/themes/"),
    ]
    # A dropdown without a page of its own is a button named by its label.
    assert research.select_one("button").get_text() == "Research"
    assert research.select_one("a").get_text() == "Regions"
    assert careers.select_one("a")["href"] == "https://example.org/jobs"
    assert "Publications" not in page.select_one("nav.site-nav").get_text()


def test_the_current_page_is_marked_in_the_menu(client, institute, series, menus):
    menus.header = stream(("item", item(page=series)))
    menus.save()
    current = soup(client.get(series.url)).select_one(".site-nav a[aria-current=page]")
    assert current.get_text() == "The Peninsula"


def test_footer_menu_and_privacy_link(client, institute, series, menus):
    privacy = factories.StandardPageFactory(title="Privacy policy", slug="privacy")
    menus.footer = stream(
        ("link", link(series)), ("link", link(url="/subscribe/", label="Subscribe"))
    )
    menus.privacy_page = privacy
    menus.save()
    footer = soup(client.get("/")).select_one("nav.footer-menu")
    assert [(a.get_text(), a["href"]) for a in footer.select("a")] == [
        ("The Peninsula", "/the-peninsula/"),
        ("Subscribe", "/subscribe/"),
        ("Privacy policy", "/privacy/"),
    ]
    assert footer["aria-label"] == "Footer"


def test_menus_cost_no_query_once_cached(client, institute, series, menus):
    menus.header = stream(("item", item(page=series)))
    menus.footer = stream(("link", link(series)))
    menus.save()
    client.get("/")
    with CaptureQueriesContext(connection) as queries:
        client.get("/themes/")
    sql = " ".join(q["sql"] for q in queries)
    assert "navigation_menusettings" not in sql
    assert "show_in_menus" not in sql


def test_the_automatic_menu_costs_what_it_did(client, institute, series):
    """With no menu set, a warm page reads neither the menus nor the home page's children."""
    client.get("/")
    with CaptureQueriesContext(connection) as queries:
        client.get("/themes/")
    sql = " ".join(q["sql"] for q in queries)
    assert "navigation_menusettings" not in sql
    assert "show_in_menus" not in sql


def test_menus_follow_the_pages_they_name(client, institute, series, menus):
    about = factories.StandardPageFactory(title="About", slug="about")
    menus.header = stream(("item", item(page=about)), ("item", item(page=series)))
    menus.save()
    assert header(client.get("/")) == ["About", "The Peninsula"]

    about.title = "About the institute"
    about.save_revision().publish()
    assert header(client.get("/")) == ["About the institute", "The Peninsula"]

    about.unpublish()
    assert header(client.get("/")) == ["The Peninsula"]

    menus.header = stream(("item", item(page=series, label="Commentary")))
    menus.save()
    assert header(client.get("/")) == ["Commentary"]


def test_a_moved_page_is_linked_at_its_new_address(client, institute, series, menus):
    about = factories.StandardPageFactory(title="About", slug="about")
    menus.footer = stream(("link", link(about)))
    menus.save()
    assert soup(client.get("/")).select_one(".footer-menu a")["href"] == "/about/"
    about.move(series, pos="last-child")
    assert soup(client.get("/")).select_one(".footer-menu a")["href"] == "/the-peninsula/about/"


@pytest.mark.parametrize("value", ["/subscribe/", "https://example.org/x", "mailto:a@example.org"])
def test_addresses_editors_may_link_to(value):
    validate_address(value)


@pytest.mark.parametrize("value", ["javascript:alert(1)", "//evil.example", "/a b/", "ftp://x"])
def test_addresses_refused(value):
    with pytest.raises(ValidationError):
        validate_address(value)


def test_a_link_needs_a_page_or_an_address_and_an_address_needs_a_label(series):
    block = LinkBlock()
    for value in ({}, {"page": series, "url": "/x/"}, {"url": "/x/"}):
        with pytest.raises(StructBlockValidationError):
            block.clean(
                block.to_python({"label": "", **{k: getattr(v, "pk", v) for k, v in value.items()}})
            )
    assert (
        block.clean(block.to_python({"page": series.pk, "url": "", "label": ""}))["page"].pk
        == series.pk
    )


def test_a_menu_item_needs_something_to_show():
    block = MenuItemBlock()
    with pytest.raises(StructBlockValidationError):
        block.clean(block.to_python({"page": None, "url": "", "label": "", "children": []}))
    with pytest.raises(StructBlockValidationError):  # a dropdown needs a label
        block.clean(
            block.to_python(
                {"page": None, "url": "", "label": "", "children": [link(url="/x/", label="X")]}
            )
        )


def test_the_menu_script_is_a_file_not_inline(client, institute):
    """The Content-Security-Policy allows no inline script: the menu's script is a file."""
    page = soup(client.get("/"))
    code = [s for s in page.select("script") if s.get("type") != "application/ld+json"]
    assert all(script.get("src") for script in code)
    assert any("navigation/menu" in script["src"] for script in code)
    button = page.select_one("button.nav-toggle")
    assert button["aria-expanded"] == "false"
    assert button["aria-controls"] == "site-nav"
