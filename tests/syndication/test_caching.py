"""Feeds, calendars and API answers carry validators and answer 304 when unchanged."""

import pytest

URLS = [
    "/feeds/rss/",
    "/feeds/themes/security/atom/",
    "/feeds/json/",
    "/feeds/podcasts/peninsula-talks/",
    "/feeds/events.ics",
    "/api/v1/publications/?type=reports",
    "/api/v1/people/",
]


@pytest.mark.parametrize("url", URLS)
def test_etag_and_304(client, content, url):
    first = client.get(url)
    assert first.status_code == 200
    etag = first["ETag"]
    assert etag and "max-age=300" in first["Cache-Control"]
    again = client.get(url, HTTP_IF_NONE_MATCH=etag)
    assert again.status_code == 304
    assert again.content == b""
    assert client.get(url, HTTP_IF_NONE_MATCH='"something-else"').status_code == 200


def test_feeds_send_last_modified_and_honour_if_modified_since(client, content):
    response = client.get("/feeds/rss/")
    last_modified = response["Last-Modified"]
    assert client.get("/feeds/rss/", HTTP_IF_MODIFIED_SINCE=last_modified).status_code == 304


def test_a_change_changes_the_etag(client, content):
    etag = client.get("/feeds/rss/")["ETag"]
    article = content["article"]
    article.title = "A new title"
    article.save_revision().publish()
    response = client.get("/feeds/rss/", HTTP_IF_NONE_MATCH=etag)
    assert response.status_code == 200
    assert b"A new title" in response.content
