"""The results page and the suggestions endpoint, through Django's test client."""

import json

import pytest
from bs4 import BeautifulSoup

from tests import factories

pytestmark = pytest.mark.django_db


@pytest.fixture
def archive(series, author):
    """Publications of several types, themes, regions and years."""
    security = factories.ThemeFactory(name="Security", slug="security")
    economy = factories.ThemeFactory(name="Economy", slug="economy")
    korea = factories.RegionFactory(name="Korean Peninsula", slug="korean-peninsula")
    brief_series = factories.SeriesPageFactory(title="Weekly Brief", slug="weekly")
    import datetime

    made = {}
    for n in range(12):
        made[f"a{n}"] = factories.ArticlePageFactory(
            series=series,
            title=f"Sanctions enforcement note {n}",
            summary="How sanctions on North Korea are enforced at sea.",
            date=datetime.date(2020 + n % 3, 3, 1 + n),
            authors=[author],
            themes=[security],
            regions=[korea],
        )
    made["report"] = factories.ReportPageFactory(
        series=series,
        title="Sanctions and the won",
        summary="The economic side of sanctions.",
        date=datetime.date(2024, 5, 1),
        themes=[economy],
    )
    made["brief"] = factories.BriefPageFactory(
        series=brief_series,
        title="Week in review: <script>alert('x')</script> sanctions",
        summary="Sanctions & tariffs <b>this week</b>.",
        date=datetime.date(2024, 6, 1),
    )
    made["korean"] = factories.ArticlePageFactory(
        series=series,
        title="비핵화 협상의 현재",
        summary="한미 동맹과 비핵화 협상 전망",
        date=datetime.date(2024, 1, 1),
    )
    made["japanese"] = factories.ArticlePageFactory(
        series=series,
        title="日韓関係の展望",
        summary="安全保障協力について",
        date=datetime.date(2024, 1, 2),
    )
    made.update(security=security, economy=economy, korea=korea, brief_series=brief_series)
    return made


def page(client, **params):
    response = client.get("/search/", params)
    assert response.status_code == 200
    return response, BeautifulSoup(response.content, "html.parser")


def hit_titles(soup):
    titles = soup.select("[data-testid=search-hit] .search-hit__title")
    return [" ".join(title.get_text().split()) for title in titles]


def facet_counts(soup, name):
    return {
        link.get_text(" ", strip=True).rsplit(" (", 1)[0]: int(
            link.select_one(".facet__count").get_text(strip=True)[1:-1]
        )
        for link in soup.select(f"a[data-facet={name}]")
    }


def test_results_count_pagination_and_noindex(client, archive):
    response, soup = page(client, q="sanctions")
    assert response["X-Robots-Tag"] == "noindex"
    assert soup.select_one("meta[name=robots]")["content"] == "noindex"
    assert (
        soup.select_one("[data-testid=result-count]").get_text(strip=True).startswith("14 results")
    )
    assert len(hit_titles(soup)) == 10
    _, second = page(client, q="sanctions", page=2)
    assert len(hit_titles(second)) == 4
    assert not set(hit_titles(soup)) & set(hit_titles(second))


def test_facets_count_what_the_query_matched(client, archive):
    _, soup = page(client, q="sanctions")
    assert facet_counts(soup, "type") == {"Commentary": 12, "Reports and papers": 1, "Briefs": 1}
    assert facet_counts(soup, "theme") == {"Security": 12, "Economy": 1}
    assert facet_counts(soup, "series") == {"The Peninsula": 13, "Weekly Brief": 1}
    assert facet_counts(soup, "author") == {"Jane Park": 12}
    assert facet_counts(soup, "year") == {"2024": 2, "2022": 4, "2021": 4, "2020": 4}
    _, economy = page(client, q="won")
    assert facet_counts(economy, "theme") == {"Economy": 1}


def test_filters_combine_and_counts_follow(client, archive):
    _, soup = page(client, q="sanctions", type="article", year="2021")
    assert (
        soup.select_one("[data-testid=result-count]").get_text(strip=True).startswith("4 results")
    )
    _, soup = page(client, q="sanctions", theme=archive["economy"].pk)
    assert hit_titles(soup) == ["Sanctions and the won"]
    _, soup = page(client, q="sanctions", region=archive["korea"].pk, year="2020")
    assert len(hit_titles(soup)) == 4
    _, soup = page(client, q="sanctions", series=archive["brief_series"].pk)
    assert len(hit_titles(soup)) == 1


def test_facet_links_add_and_remove_their_filter(client, archive):
    _, soup = page(client, q="sanctions")
    link = soup.select_one("a[data-facet=type][data-value=report]")["href"]
    _, filtered = page(client, **dict(pair.split("=") for pair in link[1:].split("&")))
    assert hit_titles(filtered) == ["Sanctions and the won"]
    selected = filtered.select_one("a[data-facet=type][aria-current=true]")
    assert "type=report" not in selected["href"]


def test_sort_by_date(client, archive):
    _, soup = page(client, q="sanctions", sort="date")
    dates = [time["datetime"] for time in soup.select("[data-testid=search-hit] time")]
    assert dates == sorted(dates, reverse=True)


def test_snippets_highlight_matches_and_escape_html(client, archive):
    response, soup = page(client, q="tariffs")
    html = response.content.decode()
    assert "<script>alert" not in html and "&lt;script&gt;alert" in html
    snippet = soup.select_one(".search-hit__snippet")
    assert [mark.get_text() for mark in snippet.select("mark")] == ["tariffs"]
    assert "<b>" not in str(snippet) and "&lt;b&gt;" in str(snippet)


def test_misspelling_offers_and_uses_the_correction(client, archive):
    _, soup = page(client, q="sanctoins")
    assert "results for sanctions:" in soup.select_one("[data-testid=did-you-mean]").get_text()
    assert len(hit_titles(soup)) == 10


def test_korean_and_japanese_queries(client, archive):
    _, soup = page(client, q="비핵화")
    assert hit_titles(soup) == ["비핵화 협상의 현재"]
    assert soup.select_one(".search-hit__snippet mark").get_text() == "비핵화"
    _, soup = page(client, q="安全保障")
    assert hit_titles(soup) == ["日韓関係の展望"]


def test_empty_query_shows_help_and_no_results(client, archive):
    _, soup = page(client)
    assert not soup.select("[data-testid=search-hit]")
    assert "exact phrase" in soup.get_text()


@pytest.mark.parametrize(
    "params",
    [
        {"q": '"unbalanced'},
        {"q": "x" * 10_000},
        {"q": "'; DROP TABLE wagtailcore_page; --"},
        {"q": 'sanctions NEAR(a b) "c" AND OR NOT ^ * :'},
        {"q": "😀 \u202e \ufeff ﷽"},
        {"q": "sanctions", "page": "99999999999999999999"},
        {"q": "sanctions", "page": "-3"},
        {"q": "sanctions", "page": "abc"},
        {"q": "sanctions", "year": "1e9"},
        {"q": "sanctions", "theme": "99999999999999999999"},
        {"q": "sanctions", "series": "' OR 1=1"},
        {"q": "sanctions", "type": "x" * 5000},
        {"q": "sanctions", "sort": "'; --"},
        {"q": ["a", "b"]},
    ],
)
def test_hostile_input_returns_a_normal_page(client, series, params):
    factories.ArticlePageFactory(series=series, title="Sanctions enforcement")
    response = client.get("/search/", params)
    assert response.status_code == 200
    assert b"Search" in response.content


def test_control_characters_in_the_query_are_refused_with_the_error_page(client, series):
    """A NUL cannot reach PostgreSQL: the site refuses it (and other controls) before the
    view runs (peninsula/security/hostile.py); tab and line breaks are read as spaces."""
    response = client.get("/search/", {"q": "\x00\x01\x02 sanctions \x7f"})
    assert response.status_code == 400
    assert b"Search" in response.content
    assert client.get("/search/", {"q": "sanctions\tenforcement\r\n"}).status_code == 200


def test_invalid_utf8_in_the_query_string_returns_a_normal_page(client, series):
    factories.ArticlePageFactory(series=series, title="Sanctions enforcement")
    for url in ("/search/?q=%ff%fe%fd", "/search/suggest/?q=%c3%28sanct"):
        assert client.get(url).status_code == 200


def test_suggestions_json_with_prefix_of_the_last_word(client, archive):
    response = client.get("/search/suggest/", {"q": "비핵"})
    data = json.loads(response.content)
    assert [item["title"] for item in data["suggestions"]] == ["비핵화 협상의 현재"]
    response = client.get("/search/suggest/", {"q": "sanctions enf"})
    data = json.loads(response.content)
    assert response["Content-Type"] == "application/json"
    assert len(data["suggestions"]) == 8
    assert all(item["url"].startswith("/") for item in data["suggestions"])
    assert data["suggestions"][0]["title"].startswith("Sanctions enforcement note")
    assert client.get("/search/suggest/", {"q": "\x00" * 5000}).status_code == 400


def test_the_results_page_has_one_search_box_that_keeps_the_filters(client, archive):
    """The header's box holds the query; a second box on the page would repeat it."""
    _, soup = page(client, q="sanctions", year="2021", sort="date")
    boxes = soup.select("input[name=q]")
    assert [box["id"] for box in boxes] == ["site-search-q"]
    assert boxes[0]["value"] == "sanctions"
    form = boxes[0].find_parent("form")
    hidden = {field["name"]: field["value"] for field in form.select("input[type=hidden]")}
    assert hidden == {"year": "2021", "sort": "date"}  # a new query keeps them
    _, empty = page(client)
    assert len(empty.select("input[name=q]")) == 1
    home = BeautifulSoup(client.get("/").content, "html.parser")
    assert not home.select("form[role=search] input[type=hidden]")


def test_the_count_line_quotes_a_query_once(client, archive):
    def count_line(**params):
        _, soup = page(client, **params)
        return " ".join(soup.select_one("[data-testid=result-count]").get_text().split())

    assert count_line(q="sanctions") == "14 results for “sanctions”"
    assert count_line(q='"sanctions enforcement"') == '12 results for "sanctions enforcement"'
    assert count_line(q='"enforcement note" -won') == '12 results for "enforcement note" -won'
    _, soup = page(client, q='"no such phrase"')
    assert 'Nothing matches "no such phrase".' in " ".join(soup.get_text().split())


def test_every_page_shows_the_search_box_wired_for_suggestions(client, archive):
    soup = BeautifulSoup(client.get("/").content, "html.parser")
    box = soup.select_one("#site-search-q")
    assert box["data-suggest-url"] == "/search/suggest/"
    assert soup.select_one("[data-testid=index-count]").get_text() == "16"
