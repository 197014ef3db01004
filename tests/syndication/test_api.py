"""The read-only API: filters, pagination, details, and its OpenAPI document."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from tests import factories


def results(client, query=""):
    response = client.get(f"/api/v1/publications/{query}")
    assert response.status_code == 200, response.content
    return response.json()


def titles(client, query=""):
    return [item["title"] for item in results(client, query)["results"]]


def test_lists_live_publications_newest_first(client, content):
    data = results(client)
    assert data["count"] == 7
    assert [item["title"] for item in data["results"]][:2] == [
        "Weekly brief",
        "The alliance & its future",
    ]
    article = data["results"][1]
    assert article["type"] == "commentary"
    assert article["url"] == "http://testserver/the-peninsula/alliance-future/"
    assert article["series"]["title"] == "The Peninsula"
    assert [a["name"] for a in article["authors"]] == ["Jane Park", "Min-ji Kim"]
    people = [content["author"], content["second"]]
    assert [(a["id"], a["url"]) for a in article["authors"]] == [
        (person.pk, f"http://testserver{person.url}") for person in people
    ]
    assert [t["slug"] for t in article["themes"]] == ["security"]
    assert [t["slug"] for t in article["regions"]] == ["korean-peninsula"]


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("?type=reports", ["Deterrence in the 2030s"]),
        ("?series=peninsula-talks", ["Episode 2", "Episode 1"]),
        ("?theme=security", ["The alliance & its future", "Deterrence in the 2030s"]),
        ("?region=korean-peninsula", ["The alliance & its future"]),
        ("?topic=nuclear-policy", ["The alliance & its future"]),
        ("?author=min-ji-kim", ["Weekly brief", "The alliance & its future"]),
        (
            "?date_from=2025-01-10&date_to=2025-02-01",
            ["Deterrence in the 2030s", "Episode 2", "Episode 1"],
        ),
        ("?type=commentary&theme=security&author=jane-park", ["The alliance & its future"]),
    ],
)
def test_filters(client, content, query, expected):
    data = results(client, query)
    assert [item["title"] for item in data["results"]] == expected
    assert data["count"] == len(expected)


def test_page_links_keep_the_filters_and_stop_at_the_deepest_offset(client, content):
    """`next` and `previous` keep the other parameters; past offset 10,000 there is no
    `next` (narrow by date instead), and a deeper offset is refused."""
    first = results(client, "?theme=security&limit=1")
    assert first["count"] > 1
    assert first["next"] == "http://testserver/api/v1/publications/?theme=security&limit=1&offset=1"
    deepest = results(client, "?limit=2&offset=10000")
    assert deepest["count"] == 7 and deepest["results"] == [] and deepest["next"] is None
    assert deepest["previous"].endswith("?limit=2&offset=9998")
    assert client.get("/api/v1/publications/?offset=10001").status_code == 422


def test_unknown_filter_values_are_errors(client, content):
    for query in ["?theme=nope", "?series=nope", "?author=nope", "?region=nope"]:
        response = client.get(f"/api/v1/publications/{query}")
        assert response.status_code == 404, query
        assert "nope" in response.json()["detail"]
    assert client.get("/api/v1/publications/?type=nope").status_code == 422
    assert client.get("/api/v1/publications/?limit=1000").status_code == 422


def test_pagination(client, content):
    first = results(client, "?limit=3")
    assert first["count"] == 7 and len(first["results"]) == 3
    assert first["previous"] is None
    assert first["next"] == "http://testserver/api/v1/publications/?limit=3&offset=3"
    second = client.get(first["next"]).json()
    assert second["previous"] == "http://testserver/api/v1/publications/?limit=3&offset=0"
    last = results(client, "?limit=3&offset=6")
    assert last["next"] is None and len(last["results"]) == 1
    seen = [i["id"] for page in (first, second, last) for i in page["results"]]
    assert len(set(seen)) == 7


def test_publication_detail_has_the_fields_of_its_type(client, content):
    report = client.get(f"/api/v1/publications/{content['report'].pk}/").json()
    assert report["pdf_url"] == f"http://testserver{content['pdf'].url}"
    assert report["page_count"] == 42
    event = client.get(f"/api/v1/publications/{content['event'].pk}/").json()
    assert event["start"] == "2030-05-14T09:30:00+09:00"
    assert event["time_zone"] == "Asia/Seoul"
    assert event["calendar_url"].endswith(f"/feeds/events/{content['event'].pk}.ics")
    episode = client.get(f"/api/v1/publications/{content['episode'].pk}/").json()
    assert episode["audio_url"].endswith(".mp3") and episode["duration_seconds"] == 1865
    assert client.get(f"/api/v1/publications/{content['draft'].pk}/").status_code == 404


def test_people_series_and_taxonomies(client, content):
    people = client.get("/api/v1/people/").json()
    assert [p["name"] for p in people["results"]] == ["Min-ji Kim", "Jane Park"]  # by sort name
    jane = client.get(f"/api/v1/people/{content['author'].pk}/").json()
    assert jane["feed_url"] == "http://testserver/feeds/authors/jane-park/rss/"
    series = {s["title"]: s for s in client.get("/api/v1/series/").json()["results"]}
    assert series["Peninsula Talks"]["podcast_url"].endswith("/feeds/podcasts/peninsula-talks/")
    assert series["The Peninsula"]["podcast_url"] is None
    for kind, slug in [
        ("themes", "security"),
        ("regions", "korean-peninsula"),
        ("topics", "nuclear-policy"),
    ]:
        data = client.get(f"/api/v1/{kind}/").json()
        assert [t["slug"] for t in data["results"]] == [slug]


def test_list_queries_do_not_grow_with_the_page(client, content, django_assert_max_num_queries):
    for _ in range(5):
        factories.ArticlePageFactory(
            series=content["series"], authors=[content["author"]], themes=[content["theme"]]
        )
    client.get("/api/v1/publications/?theme=security")
    with django_assert_max_num_queries(9):
        data = results(client, "?theme=security&limit=50")
    assert data["count"] == 7


def test_counts_follow_publishing_though_they_are_remembered(client, content):
    """The list's count is remembered as the HTML listings' counts are (counts.py), and
    forgotten the moment a publication is published or unpublished."""
    before = results(client, "?theme=security")["count"]
    with CaptureQueriesContext(connection) as queries:
        assert results(client, "?theme=security")["count"] == before
    assert not any("COUNT(" in query["sql"] for query in queries.captured_queries)
    page = factories.ArticlePageFactory(series=content["series"], themes=[content["theme"]])
    assert results(client, "?theme=security")["count"] == before + 1
    page.unpublish()
    assert results(client, "?theme=security")["count"] == before


def test_openapi_document_describes_every_operation(client, db):
    schema = client.get("/api/v1/openapi.json").json()
    assert schema["openapi"].startswith("3.")
    paths = schema["paths"]
    for path in ["publications/", "publications/{publication_id}/", "people/",
                 "people/{person_id}/", "series/",
                 "themes/", "regions/", "topics/"]:  # fmt: skip
        assert f"/api/v1/{path}" in paths
    parameters = {p["name"] for p in paths["/api/v1/publications/"]["get"]["parameters"]}
    assert parameters == {"type", "series", "theme", "region", "topic", "author", "date_from",
                          "date_to", "limit", "offset"}  # fmt: skip


def test_ids_beyond_what_the_database_holds_are_422_not_500(client, db):
    """Found by schemathesis: a 40-digit id overflowed SQLite's integer."""
    assert client.get(f"/api/v1/publications/{10**40}/").status_code == 422
    assert client.get(f"/api/v1/people/{10**40}/").status_code == 422
