"""Every publication page type renders with the elements an institute's article page carries."""

import datetime

import pytest
from bs4 import BeautifulSoup
from django.core.cache import cache

from tests import factories

pytestmark = pytest.mark.django_db


def soup(response):
    assert response.status_code == 200, response.content[:500]
    return BeautifulSoup(response.content, "html.parser")


def text(node):
    return " ".join(node.get_text(" ").split())


@pytest.fixture
def article(institute, series, author):
    second = factories.PersonPageFactory(title="Ken Sato", job_title="Senior Fellow")
    theme = factories.ThemeFactory(name="Alliances")
    image = factories.ImageFactory(credit="Photo: Harbour Studio")
    body = [
        ("heading", {"text": "Why it matters", "level": "h2"}),
        ("paragraph", "<p>The alliance has held for seventy years.[1]</p>"),
        ("quote", {"text": "Deterrence is a habit.", "attribution": "A diplomat"}),
        ("heading", {"text": "What comes next", "level": "h2"}),
        ("paragraph", "<p>Trade will decide.</p>"),
        ("footnotes", {"notes": ["<p>Signed in 1953.</p>"]}),
    ]
    return factories.ArticlePageFactory(
        series=series,
        title="The alliance at seventy",
        date=datetime.date(2026, 3, 2),
        authors=[author, second],
        themes=[theme],
        hero_image=image,
        hero_caption="Seoul at dusk.",
        body=body,
    )


def test_article_page_carries_every_element(client, article):
    page = soup(client.get(article.url))
    assert text(page.select_one('[data-testid="series"]')) == "The Peninsula"
    assert text(page.h1) == "The alliance at seventy"
    assert page.select_one("time[datetime='2026-03-02']") is not None
    authors = page.select("a[rel=author]")
    assert [a["href"] for a in authors] == ["/experts/jane-park/", "/experts/ken-sato/"]
    assert [text(h) for h in page.select(".article__body h2")] == [
        "Why it matters",
        "What comes next",
        "Notes",
    ]
    bios = text(page.select_one('[data-testid="author-bios"]'))
    assert "Jane Park is a Non-Resident Fellow at Harbour Institute." in bios
    assert "Ken Sato is a Senior Fellow at Harbour Institute." in bios
    assert text(page.select_one('[data-testid="disclaimer"]')) == (
        "The views expressed here are the authors' alone."  # two authors
    )
    assert text(page.select_one('[data-testid="photo-credit"]')) == "Photo: Harbour Studio"
    assert "registered under the Test Agents Act" in text(
        page.select_one('[data-testid="disclosure"]')
    )
    assert text(page.select_one('[data-testid="return-link"]')) == "Return to The Peninsula"
    assert page.select_one('[data-testid="return-link"]')["href"] == "/the-peninsula/"
    assert page.select_one(".share a[href^='https://x.com/intent/post']") is not None
    # Footnote markers link to the notes.
    assert page.select_one("sup.fn-ref a[href='#fn-1']") is not None
    assert page.select_one("li#fn-1") is not None


def test_article_page_carries_site_chrome(client, article):
    page = soup(client.get(article.url))
    search = page.select_one("form[role=search]")
    assert "Search All Site Content" in text(search)
    assert text(page.select_one('[data-testid="index-count"]')) == "1"
    assert "Total Index: 1 publication" in text(search)
    assert "Subscribe to our Mailing List" in text(page.select_one(".subscribe"))
    assert page.select_one("link[rel=stylesheet][media=print]") is not None


def test_own_disclaimer_replaces_the_default(client, institute, series):
    page = factories.ArticlePageFactory(series=series, disclaimer="Written in a personal capacity.")
    assert text(soup(client.get(page.url)).select_one('[data-testid="disclaimer"]')) == (
        "Written in a personal capacity."
    )


def test_the_default_disclaimer_follows_the_number_of_authors(client, institute, series, author):
    def disclaimer(page):
        return text(soup(client.get(page.url)).select_one('[data-testid="disclaimer"]'))

    second = factories.PersonPageFactory(title="Ken Sato")
    alone = factories.ArticlePageFactory(series=series, authors=[author])
    together = factories.ArticlePageFactory(series=series, authors=[author, second])
    unsigned = factories.ArticlePageFactory(series=series)
    assert disclaimer(alone) == "The views expressed here are the author's alone."
    assert disclaimer(together) == "The views expressed here are the authors' alone."
    assert disclaimer(unsigned) == "The views expressed here are the author's alone."

    # An institute that wrote only its own singular keeps it for every piece.
    institute.default_disclaimer = "Opinions are the writer's own."
    institute.default_disclaimer_several = ""
    institute.save()
    cache.clear()  # the site chrome keeps the settings for a few minutes
    assert disclaimer(together) == "Opinions are the writer's own."


def test_the_photo_credit_is_said_once_under_the_photo(client, article):
    page = soup(client.get(article.url))
    assert text(page).count("Harbour Studio") == 1
    caption = page.select_one("figure.hero figcaption")
    assert text(caption) == "Seoul at dusk. Photo: Harbour Studio"


def test_a_credit_without_a_label_is_labelled_and_none_shows_without_a_photo(
    client, institute, series
):
    image = factories.ImageFactory(credit="Kim Hong-ji / Reuters")
    pictured = factories.ArticlePageFactory(series=series, hero_image=image)
    page = soup(client.get(pictured.url))
    assert text(page.select_one('[data-testid="photo-credit"]')) == "Photo: Kim Hong-ji / Reuters"
    assert text(page).count("Kim Hong-ji") == 1
    unpictured = factories.ArticlePageFactory(series=series, hero_credit="Nobody's photo")
    assert "Nobody's photo" not in text(soup(client.get(unpictured.url)))


def test_the_hero_image_is_cropped_to_16_by_9_whatever_its_shape(client, institute, series):
    for size in [(1000, 1000), (2400, 600), (800, 1200)]:
        image = factories.ImageFactory(file=factories.png_file(size=size))
        article = factories.ArticlePageFactory(series=series, hero_image=image)
        hero = soup(client.get(article.url)).select_one("figure.hero img.hero__image")
        width, height = int(hero["width"]), int(hero["height"])
        assert abs(width / height - 16 / 9) < 0.01, (size, width, height)
        assert "fill-" in hero["src"]
        # Two sizes, so a phone does not load the desktop's.
        assert len(hero["srcset"].split(",")) == 2


def test_related_cards_all_carry_a_picture_or_its_placeholder(client, article, series):
    themes = list(article.themes.all())
    picture = factories.ImageFactory()
    factories.ArticlePageFactory(series=series, title="Pictured", themes=themes, hero_image=picture)
    factories.ArticlePageFactory(series=series, title="Unpictured", themes=themes)
    cards = soup(client.get(article.url)).select(".related .card")
    assert len(cards) == 2
    for card in cards:
        pictures = card.select("img.card__image, [data-testid=card-placeholder]")
        assert len(pictures) == 1, card
    by_title = {text(card.select_one(".card__title")): card for card in cards}
    assert by_title["Pictured"].select_one("img.card__image")["width"] == "480"
    assert by_title["Unpictured"].select_one("[data-testid=card-placeholder]") is not None


def test_related_publications_are_listed(client, article, series):
    factories.ArticlePageFactory(
        series=series, title="Alliance costs", themes=list(article.themes.all())
    )
    page = soup(client.get(article.url))
    assert "Alliance costs" in text(page.select_one(".related"))


def test_report_page_links_its_pdf(client, institute, series):
    report = factories.ReportPageFactory(
        series=series, pdf=factories.DocumentFactory(), page_count=42
    )
    link = soup(client.get(report.url)).select_one('[data-testid="pdf-link"]')
    assert link["href"].startswith("/documents/")
    assert "42 pages" in text(link)


def test_podcast_page_plays_the_episode(client, institute, series):
    episode = factories.PodcastEpisodePageFactory(
        series=series, episode_number=12, transcript="<p>Host: Welcome back.</p>"
    )
    page = soup(client.get(episode.url))
    assert page.select_one("audio")["src"] == "https://media.example.org/episode.mp3"
    assert "Episode 12 · 31:05" in text(page.select_one(".media-box"))
    assert "Welcome back" in text(page.select_one(".transcript"))


def test_event_page_shows_time_zone_venue_speakers_and_registration(
    client, institute, series, author
):
    event = factories.EventPageFactory(
        series=series,
        registration_url="https://tickets.example.org/e/1",
        venue_address="1 Example Street",
    )
    event.speakers.create(person=author, role="Moderator")
    event.save_revision().publish()
    page = soup(client.get(event.url))
    details = text(page.select_one('[data-testid="event-details"]'))
    assert "Tuesday, May 14, 2030, 9:30 a.m. – 11:00 a.m." in details
    assert "KST, Asia/Seoul" in details
    assert "Peninsula Institute conference room" in details
    assert "Jane Park (Moderator)" in details
    assert page.select_one("a[href='https://tickets.example.org/e/1']") is not None
    assert page.select_one("time[datetime='2030-05-14T09:30:00+09:00']") is not None


def test_past_event_says_so_and_hides_registration(client, institute, series):
    event = factories.EventPageFactory(
        series=series,
        start_date=datetime.date(2020, 1, 10),
        end_time=None,
        registration_url="https://tickets.example.org/e/2",
    )
    page = soup(client.get(event.url))
    assert "This event has taken place." in text(page)
    assert page.select_one("a[href='https://tickets.example.org/e/2']") is None


def test_video_page_embeds_a_privacy_friendly_player(client, institute, series):
    video = factories.VideoPageFactory(series=series)
    frame = soup(client.get(video.url)).select_one(".video-frame iframe")
    assert frame["src"] == "https://www.youtube-nocookie.com/embed/abcdefghijk"
    assert frame["title"]


def test_brief_page_renders(client, institute, series):
    brief = factories.BriefPageFactory(series=series, title="Weekly brief 40", issue_number=40)
    assert text(soup(client.get(brief.url)).h1) == "Weekly brief 40"


def test_draft_publication_is_not_served(client, series):
    draft = factories.ArticlePageFactory(series=series, live=False)
    assert client.get(draft.url or f"/the-peninsula/{draft.slug}/").status_code == 404


def test_bio_line_uses_the_name_as_it_reads_in_a_sentence(client, institute, series, author):
    institute.name_in_sentence = "the Harbour Institute"
    institute.save()
    page = factories.ArticlePageFactory(series=series, authors=[author])
    bios = text(soup(client.get(page.url)).select_one('[data-testid="author-bios"]'))
    assert bios == "Jane Park is a Non-Resident Fellow at the Harbour Institute."


def test_a_remembered_route_saves_a_query_and_never_serves_a_stale_page(client, article, series):
    from django.core.cache import cache
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    from peninsula.core import routes

    assert client.get(article.url).status_code == 200  # fills the site's other caches
    cache.delete(routes._key(article.url_path))
    with CaptureQueriesContext(connection) as looked_up:
        assert client.get(article.url).status_code == 200
    with CaptureQueriesContext(connection) as remembered:
        assert client.get(article.url).status_code == 200
    # Straight from its remembered id and type, and 'any private page?' read alongside.
    assert len(remembered) == len(looked_up) - 2

    # Another process unpublished it, or moved another page to this path: this process's
    # hint is stale, and it is checked before use.
    hint = (article.pk, article.content_type_id)
    article.unpublish()
    cache.set(routes._key(article.url_path), hint)
    assert client.get(article.url).status_code == 404
    other = factories.ArticlePageFactory(series=series, title="Another piece")
    cache.set(routes._key(other.url_path), hint)
    response = client.get(other.url)
    assert response.status_code == 200 and b"Another piece" in response.content


def test_article_authors_and_related_bylines_come_in_one_query(
    client, article, series, django_assert_max_num_queries
):
    """Route (which also asks whether any page is private), terms, related cards, every
    author on the page, and the hero image: 5 queries."""
    colleague = factories.PersonPageFactory(title="Min Cho")
    factories.ArticlePageFactory(
        series=series,
        title="Alliance costs",
        themes=list(article.themes.all()),
        authors=[colleague],
    )
    client.get(article.url)
    with django_assert_max_num_queries(5):
        page = soup(client.get(article.url))
    assert text(page.select_one(".byline")).startswith("By Jane Park")
    assert "Jane Park is a Non-Resident Fellow" in text(
        page.select_one('[data-testid="author-bios"]')
    )
    related = page.select_one(".related")
    assert "Alliance costs" in text(related) and "Min Cho" in text(related)
    assert "Min Cho" not in text(page.select_one(".byline"))


def test_a_page_made_private_after_its_route_was_remembered_is_private_at_once(
    client, article, series
):
    """The router reads 'is any page private?' with the page itself, never from a cache."""
    from django.core.cache import cache
    from wagtail.models import PageViewRestriction

    from peninsula.core import routes

    assert client.get(article.url).status_code == 200
    assert cache.get(routes._key(article.url_path)) is not None  # the route is remembered
    PageViewRestriction.objects.create(page=series, restriction_type=PageViewRestriction.LOGIN)
    response = client.get(article.url)
    assert response.status_code == 302 and "/login/" in response["Location"]
    PageViewRestriction.objects.all().delete()
    assert client.get(article.url).status_code == 200


@pytest.mark.parametrize(
    "make",
    [
        lambda series, author: factories.ArticlePageFactory(
            series=series, authors=[author], body=[("paragraph", "<p>Seventy years.</p>")]
        ),
        lambda series, author: factories.EventPageFactory(
            series=series, authors=[author], body=[("heading", {"text": "Agenda", "level": "h2"})]
        ),
        lambda series, author: factories.ReportPageFactory(
            series=series, body=[("paragraph", "<p>Findings.</p>")]
        ),
        lambda series, author: author,  # a person page: not a publication
    ],
    ids=["article", "event", "report", "person"],
)
def test_a_remembered_page_is_loaded_exactly_as_the_orm_loads_it(
    client, institute, series, author, make
):
    """The router loads a remembered page with SQL built once (core/prepared.py): every
    column must arrive converted as the ORM converts it (dates, time zones, the body)."""
    from django.core.cache import cache
    from wagtail.blocks import StreamValue

    from peninsula.core import routes

    page = make(series, author)
    assert client.get(page.url).status_code == 200
    assert cache.get(routes._key(page.url_path)) is not None
    loaded = routes.cached_page(page.url_path)
    expected = type(page).objects.get(pk=page.pk)
    assert type(loaded) is type(expected)
    for field in type(page)._meta.concrete_fields:
        value, wanted = getattr(loaded, field.attname), getattr(expected, field.attname)
        if isinstance(wanted, StreamValue):
            assert isinstance(value, StreamValue)
            assert list(value.raw_data) == list(wanted.raw_data) != []
        else:
            assert value == wanted and type(value) is type(wanted), field.name
    assert loaded.get_view_restrictions().count() == 0


def test_an_article_view_prepares_its_fixed_queries_and_plans_the_related_ones(
    client, institute, series, author
):
    """On PostgreSQL the page, its terms and its authors are prepared statements; the
    related publications are planned on each view, since their best plan depends on how
    common the page's themes are (core/prepared.py)."""
    from django.db import connection

    theme = factories.ThemeFactory(name="Security")
    page = factories.ArticlePageFactory(series=series, authors=[author], themes=[theme])
    factories.ArticlePageFactory(series=series, themes=[theme])
    for _ in range(2):  # the second view comes through the remembered route
        assert client.get(page.url).status_code == 200
    if connection.vendor != "postgresql":
        return
    with connection.cursor() as cursor:
        cursor.execute("SELECT statement FROM pg_prepared_statements")
        prepared = [row[0] for row in cursor.fetchall()]
    assert any('FROM "publications_publicationauthor"' in sql for sql in prepared)
    assert any('FROM "taxonomy_theme" term' in sql for sql in prepared)
    assert any('"any_view_restriction"' in sql for sql in prepared)
    assert not any(
        '"publications_publicationpage_themes"' in sql and "EXISTS" in sql for sql in prepared
    )
