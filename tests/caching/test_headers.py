"""Every public page is the same for every anonymous reader, and says a shared cache may
keep it; pages for logged-in editors, the admin and forms are private."""

import pytest
from django.utils.cache import cc_delim_re

from tests import factories


@pytest.fixture
def public_urls(content, settings):
    """One URL of each kind a reader reaches, on a small institute."""
    from peninsula.people.models import PeopleIndexPage

    experts = PeopleIndexPage.objects.get()  # made with the first person
    about = factories.StandardPageFactory(title="About", slug="about")
    return {
        "home": "/",
        "publications": "/publications/",
        "type listing": "/publications/reports/",
        "listing, second page": "/publications/?page=2",
        "series": content["series"].url,
        "podcast series": content["podcasts"].url,
        "themes": "/themes/",
        "theme": content["theme"].get_absolute_url(),
        "region": content["region"].get_absolute_url(),
        "topic": content["topic"].get_absolute_url(),
        "article": content["article"].url,
        "brief": content["brief"].url,
        "report": content["report"].url,
        "podcast episode": content["episode"].url,
        "event": content["event"].url,
        "video": content["video"].url,
        "person": content["author"].url,
        "experts": experts.url,
        "standard page": about.url,
        "search": "/search/?q=alliance",
        "search suggestions": "/search/suggest/?q=allia",
        "rss": "/feeds/rss/",
        "theme feed": "/feeds/themes/security/atom/",
        "podcast feed": "/feeds/podcasts/peninsula-talks/",
        "calendar": "/feeds/events.ics",
        "sitemap": "/sitemap.xml",
        "sitemap section": "/sitemap-publications.xml",
        "robots": "/robots.txt",
        "api list": "/api/v1/publications/",
        "api detail": f"/api/v1/publications/{content['article'].pk}/",
        "api people": "/api/v1/people/",
        "check your inbox": "/newsletters/check-your-inbox/",
        "not found": "/no-such-page/",
    }


def directives(response) -> dict[str, str]:
    found = {}
    for part in cc_delim_re.split(response.get("Cache-Control", "")):
        name, _, value = part.partition("=")
        if name:
            found[name.strip().lower()] = value.strip()
    return found


def vary(response) -> set[str]:
    return {v.strip().lower() for v in cc_delim_re.split(response.get("Vary", "")) if v}


def test_every_public_page_is_the_same_for_every_anonymous_reader(client, public_urls, settings):
    settings.PENINSULA_CACHE_SECONDS = 300
    for name, url in public_urls.items():
        response = client.get(url)
        expected = 404 if name == "not found" else 200
        assert response.status_code == expected, (name, url)
        assert not response.cookies, (name, url, response.cookies)
        assert "Set-Cookie" not in response, (name, url)
        assert "cookie" not in vary(response), (name, url, response["Vary"])
        cache_control = directives(response)
        assert "public" in cache_control, (name, url, response["Cache-Control"])
        assert "private" not in cache_control and "no-store" not in cache_control
        # A query string names one of endless variants no purge reaches: a minute at most.
        shared = "60" if "?" in url else "300"
        assert cache_control.get("s-maxage") == shared, (name, url, response["Cache-Control"])
        assert int(cache_control["max-age"]) <= 300, (name, url)
    assert not client.cookies  # nothing was handed to the reader along the way


def test_feeds_keep_their_reader_lifetime_and_add_the_shared_one(client, content, settings):
    settings.PENINSULA_FEED_MAX_AGE = 900
    settings.PENINSULA_CACHE_SECONDS = 120
    cache_control = directives(client.get("/feeds/rss/"))
    assert cache_control["max-age"] == "900"
    assert cache_control["s-maxage"] == "120"


def test_the_shared_lifetime_follows_the_setting_and_zero_turns_it_off(client, content, settings):
    settings.PENINSULA_CACHE_SECONDS = 45
    assert directives(client.get("/"))["s-maxage"] == "45"
    settings.PENINSULA_CACHE_SECONDS = 0
    cache_control = directives(client.get(content["article"].url))
    assert cache_control["s-maxage"] == "0"
    assert cache_control["max-age"] == "0"


def test_logged_in_editors_get_private_pages_with_the_user_bar(client, content, admin_user):
    client.force_login(admin_user)
    for url in ["/", content["article"].url, "/publications/", "/search/?q=alliance"]:
        response = client.get(url)
        assert response.status_code == 200
        cache_control = directives(response)
        assert "private" in cache_control and "public" not in cache_control, url
        assert "no-cache" in cache_control
    assert b"wagtail-userbar" in client.get(content["article"].url).content


def test_the_admin_previews_and_forms_are_private(client, content, admin_user):
    assert "private" in directives(client.get("/admin/login/"))  # a CSRF token: personal
    assert "private" in directives(client.get("/admin/"))  # a redirect to the login
    assert "private" in directives(client.get("/subscribe/"))
    assert "private" in directives(client.post("/search/", {"q": "x"}))  # not allowed: POST
    client.force_login(admin_user)
    article = content["article"]
    assert "private" in directives(client.get(f"/admin/pages/{article.pk}/edit/"))
    preview = client.get(f"/admin/pages/{article.pk}/edit/preview/")
    assert "private" in directives(preview)


def test_a_view_that_says_public_but_sets_a_cookie_is_made_private(rf, settings):
    from django.http import HttpResponse

    from peninsula.caching.middleware import CacheHeadersMiddleware

    def view(request):
        response = HttpResponse("hello")
        response["Cache-Control"] = "public, max-age=600"
        response.set_cookie("tracking", "1")
        return response

    response = CacheHeadersMiddleware(view)(rf.get("/"))
    assert "private" in directives(response) and "public" not in directives(response)
