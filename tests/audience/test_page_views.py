"""Page views counted by the site itself: a beacon POST per view, bots left out, no cookie,
never cached; per day in the database; read back as "most read" in the admin and on pages."""

from datetime import timedelta

import pytest
from bs4 import BeautifulSoup
from django.contrib.auth.models import Group
from django.core.cache import cache
from django.urls import reverse

from peninsula.audience.bots import is_bot
from peninsula.audience.counting import most_read, record_view, today
from peninsula.audience.models import PageViewDay
from peninsula.core.roles import EDITORS
from tests import factories

pytestmark = pytest.mark.django_db

FIREFOX = "Mozilla/5.0 (X11; Linux x86_64; rv:133.0) Gecko/20100101 Firefox/133.0"
SAFARI_IPHONE = (
    "Mozilla/5.0 (iPhone; CPU iPhone OS 18_1 like Mac OS X) AppleWebKit/605.1.15 "
    "(KHTML, like Gecko) Version/18.1 Mobile/15E148 Safari/604.1"
)
BOTS = [
    "Mozilla/5.0 (compatible; Googlebot/2.1; +http://www.google.com/bot.html)",
    "Mozilla/5.0 (compatible; bingbot/2.0; +http://www.bing.com/bingbot.htm)",
    "Mozilla/5.0 AppleWebKit/537.36 (KHTML, like Gecko; compatible; GPTBot/1.2)",
    "facebookexternalhit/1.1 (+http://www.facebook.com/externalhit_uatext.php)",
    "Slackbot-LinkExpanding 1.0 (+https://api.slack.com/robots)",
    "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 HeadlessChrome/131.0 Safari/537.36",
    "curl/8.5.0",
    "python-requests/2.32.3",
    "",
]


@pytest.fixture
def article(series):
    return factories.ArticlePageFactory(series=series, title="Read me")


def beacon(client, page_id, agent=FIREFOX, **headers):
    return client.post(
        reverse("audience:count_view", args=[page_id]), HTTP_USER_AGENT=agent, **headers
    )


def views_of(page) -> int:
    return sum(PageViewDay.objects.filter(page=page).values_list("views", flat=True))


def test_a_view_is_counted_with_no_cookie_and_never_cached(client, article):
    response = beacon(client, article.pk, HTTP_ORIGIN="http://testserver")
    assert response.status_code == 204 and response.content == b""
    assert "no-store" in response["Cache-Control"]
    assert not response.cookies and "Set-Cookie" not in response
    beacon(client, article.pk, SAFARI_IPHONE, HTTP_SEC_FETCH_SITE="same-origin")
    [row] = PageViewDay.objects.all()
    assert (row.page_id, row.day, row.views) == (article.pk, today(), 2)
    # The row holds a page, a day and a count: nothing about who read it.
    assert {field.name for field in PageViewDay._meta.get_fields()} == {
        "id",
        "page",
        "day",
        "views",
    }


@pytest.mark.parametrize("agent", BOTS)
def test_bots_are_left_out(client, article, agent):
    assert is_bot(agent)
    response = beacon(client, article.pk, agent)
    assert response.status_code == 204 and response["X-Counted"] == "0"
    assert views_of(article) == 0


def test_browsers_are_not_taken_for_bots():
    assert not is_bot(FIREFOX) and not is_bot(SAFARI_IPHONE)


def test_only_posts_from_our_pages_about_live_pages_count(client, article, series):
    draft = factories.ArticlePageFactory(series=series, live=False)
    assert client.get(reverse("audience:count_view", args=[article.pk])).status_code == 405
    beacon(client, article.pk, HTTP_ORIGIN="https://elsewhere.example.net")
    beacon(client, article.pk, HTTP_SEC_FETCH_SITE="cross-site")
    beacon(client, draft.pk)
    beacon(client, 987654)
    assert client.post(f"/views/{'9' * 30}/", HTTP_USER_AGENT=FIREFOX).status_code == 204
    assert PageViewDay.objects.count() == 0


def test_the_page_asks_for_the_count_with_a_static_script(client, article):
    """The page (cached by nginx) carries only a script from our own origin with the
    beacon's address; no inline script, so the strict Content-Security-Policy holds."""
    page = BeautifulSoup(client.get(article.url).content, "html.parser")
    [script] = page.select("script[data-url]")
    assert script["src"].endswith("audience/count-view.js") and script.has_attr("defer")
    assert script["data-url"] == f"/views/{article.pk}/"
    assert all(tag.has_attr("src") for tag in page.select("script:not([type])"))


def test_record_view_adds_to_the_days_count(article):
    for _ in range(3):
        record_view(article.pk)
    record_view(article.pk, day=today() - timedelta(days=1))
    assert sorted(PageViewDay.objects.values_list("views", flat=True)) == [1, 3]


def test_most_read_orders_by_views_in_the_window(series):
    a, b, c, old_news = (factories.ArticlePageFactory(series=series) for _ in range(4))
    gone = factories.ArticlePageFactory(series=series)
    now = today()
    for page, views, days_ago in [
        (a, 5, 0),
        (a, 5, 29),  # still inside the last 30 days
        (b, 12, 3),
        (c, 2, 1),
        (old_news, 50, 30),  # 31 days ago counting today: outside
        (gone, 99, 0),
    ]:
        PageViewDay.objects.create(page=page, day=now - timedelta(days=days_ago), views=views)
    gone.unpublish()
    ranked = most_read(days=30, limit=10)
    assert [(page.pk, views) for page, views in ranked] == [(b.pk, 12), (a.pk, 10), (c.pk, 2)]
    assert [page.pk for page, _ in most_read(days=365)][0] == old_news.pk
    assert len(most_read(days=30, limit=2)) == 2


def test_editors_see_the_most_read_list_in_the_admin(client, django_user_model, series):
    user = django_user_model.objects.create_user("ed", "ed@example.org", "pw")
    user.groups.add(Group.objects.get(name=EDITORS))
    client.force_login(user)
    first = factories.ArticlePageFactory(series=series, title="Most")
    second = factories.ArticlePageFactory(series=series, title="Less")
    PageViewDay.objects.create(page=second, day=today(), views=3)
    PageViewDay.objects.create(page=first, day=today(), views=8)
    response = client.get(reverse("audience_most_read"))
    page = BeautifulSoup(response.content, "html.parser")
    rows = [
        (row.select("td")[1].a.get_text(), row.select_one("[data-views]").get_text())
        for row in page.select("#most-read tbody tr")
    ]
    assert rows == [("Most", "8"), ("Less", "3")]
    assert client.get(reverse("audience_most_read"), {"days": "bogus"}).status_code == 200
    assert b"Most read" in client.get(reverse("wagtailadmin_home")).content


def test_the_most_read_block_lists_this_months_favourites(series):
    from peninsula.audience.blocks import MostReadBlock

    cache.clear()
    first = factories.ArticlePageFactory(series=series, title="Top story")
    second = factories.ArticlePageFactory(series=series, title="Runner-up")
    PageViewDay.objects.create(page=first, day=today(), views=20)
    PageViewDay.objects.create(page=second, day=today(), views=4)
    block = MostReadBlock()
    html = block.render(block.to_python({"heading": "Most read this month", "number": 5}))
    page = BeautifulSoup(html, "html.parser")
    assert page.h2.get_text() == "Most read this month"
    assert [a.get_text() for a in page.select("ol li a")] == ["Top story", "Runner-up"]
    assert page.select_one("ol li a")["href"] == first.url


def test_editors_can_put_most_read_this_month_on_the_home_page(client, series):
    """The block in the home page's sections: the month's most read, most read first."""
    import json

    from peninsula.home.models import HomePage

    cache.clear()
    top = factories.ArticlePageFactory(series=series, title="Top story")
    runner_up = factories.ArticlePageFactory(series=series, title="Runner-up")
    unread = factories.ArticlePageFactory(series=series, title="Nobody read this")
    PageViewDay.objects.create(page=runner_up, day=today(), views=4)
    PageViewDay.objects.create(page=top, day=today() - timedelta(days=2), views=9)
    home = HomePage.objects.get()
    home.body = json.dumps(
        [{"type": "most_read", "value": {"heading": "Most read this month", "number": 3}}]
    )
    home.save_revision().publish()
    page = BeautifulSoup(client.get("/").content, "html.parser")
    section = page.select_one(".most-read")
    assert section.h2.get_text() == "Most read this month"
    titles = [a.get_text() for a in section.select("ol li a")]
    assert titles == ["Top story", "Runner-up"] and unread.title not in titles
