"""Site-wide pages and chrome: errors, search box, subscribe box, cached settings and menu.

The results page itself is tested in tests/search/."""

import pytest
from bs4 import BeautifulSoup
from django.db import connection
from django.test.utils import CaptureQueriesContext

from peninsula.core.models import InstituteSettings
from tests import factories

pytestmark = pytest.mark.django_db


def test_friendly_404(client, institute):
    response = client.get("/no/such/page/")
    assert response.status_code == 404
    page = BeautifulSoup(response.content, "html.parser")
    assert page.h1.get_text() == "We can't find that page"
    assert "Search All Site Content" in page.get_text()  # the search box is there to help


def test_friendly_500_needs_no_database(client, settings):
    from peninsula.core.views import server_error

    request = client.get("/").wsgi_request
    with CaptureQueriesContext(connection) as queries:
        response = server_error(request)
    assert response.status_code == 500
    assert b"Something went wrong on our side" in response.content
    assert len(queries) == 0


def test_500_handler_is_used_for_an_unhandled_error(client, settings, monkeypatch):
    from peninsula.publications import views

    def broken(*args, **kwargs):
        raise RuntimeError("boom")

    monkeypatch.setattr(views, "ListingFilter", broken)
    client.raise_request_exception = False
    response = client.get("/publications/")
    assert response.status_code == 500
    assert b"Something went wrong on our side" in response.content


def test_subscribe_box_asks_for_what_is_missing_and_stores_nothing(client, institute):
    from peninsula.newsletters.models import Subscriber

    response = client.post("/subscribe/", {"email": "reader@example.org"})
    assert response.status_code == 200
    assert b"Please check the form" in response.content
    assert not Subscriber.objects.exists()


def test_settings_and_menu_are_cached_and_refreshed_on_change(client, institute, series):
    series.show_in_menus = True
    series.save_revision().publish()
    client.get("/")
    with CaptureQueriesContext(connection) as queries:
        client.get("/")
    sql = " ".join(q["sql"] for q in queries)
    conditions = " ".join(q["sql"].split(" WHERE ", 1)[1] for q in queries if " WHERE " in q["sql"])
    assert "core_institutesettings" not in sql
    assert "show_in_menus" not in conditions

    institute.name = "Renamed Institute"
    institute.save()
    assert b"Renamed Institute" in client.get("/").content
    menu = BeautifulSoup(client.get("/").content, "html.parser").select_one(".site-nav")
    assert "The Peninsula" in menu.get_text()

    series.unpublish()
    menu = BeautifulSoup(client.get("/themes/").content, "html.parser").select_one(".site-nav")
    assert "The Peninsula" not in menu.get_text()


def test_social_links_only_lists_those_set():
    settings = InstituteSettings(
        x_url="https://x.com/inst", youtube_url="https://youtube.com/@inst"
    )
    assert settings.social_links == [
        ("X", "https://x.com/inst"),
        ("YouTube", "https://youtube.com/@inst"),
    ]


def test_uploaded_images_are_served(client, series, settings):
    """`peninsula serve` on a laptop has no other web server: renditions must load."""
    image = factories.ImageFactory()
    page = factories.ArticlePageFactory(series=series, hero_image=image, featured=True)
    html = BeautifulSoup(client.get(page.url).content, "html.parser")
    src = html.select_one("img.hero__image")["src"]
    assert src.startswith(settings.MEDIA_URL)
    response = client.get(src)
    assert response.status_code == 200
    assert response["Content-Type"].startswith("image/")


def test_home_page_is_routed_from_the_cached_site_and_fresh_after_publishing(client, series):
    """The cached site carries its home page: no query loads it per request, yet a newly
    published introduction shows on the next request."""
    home = series.get_parent().specific
    client.get("/")
    with CaptureQueriesContext(connection) as queries:
        assert client.get(series.url).status_code == 200
    assert not [q for q in queries if '"home_homepage"' in q["sql"]]

    home.introduction = "A newly written welcome."
    home.save_revision().publish()
    assert b"A newly written welcome." in client.get("/").content


def test_page_url_from_a_url_path_matches_wagtails(series, author):
    """core.chrome.page_url gives bylines their URL without loading the person page."""
    from wagtail.models import Page

    from peninsula.core.chrome import page_url

    article = factories.ArticlePageFactory(series=series, authors=[author])
    for page in (author, article, series, Page.objects.get(depth=2)):
        assert page_url(page.url_path) == page.get_url()
    assert page_url("/somewhere-else/") is None


def test_page_url_matches_wagtails_with_two_sites(rf, series, author):
    from wagtail.models import Page, Site

    from peninsula.core.chrome import page_url

    other_root = Page.get_first_root_node().add_child(instance=Page(title="Other", slug="other"))
    Site.objects.create(hostname="other.example", port=80, root_page=other_root)
    elsewhere = other_root.add_child(instance=Page(title="Elsewhere", slug="elsewhere"))
    article = factories.ArticlePageFactory(series=series, authors=[author])
    here, there = rf.get("/"), rf.get("/", HTTP_HOST="other.example")
    for page in (author, article, elsewhere):
        for request in (None, here, there):
            assert page_url(page.url_path, request=request) == page.get_url(request), (
                page,
                request and request.get_host(),
            )
    assert page_url(elsewhere.url_path).startswith("http://other.example")
