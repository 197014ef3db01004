"""Input a database cannot store is refused before any query: a 400 or 404 with the site's
error page, the same on SQLite and PostgreSQL, and nothing written.

Each test here was an error 500 on at least one of the two databases (NUL: PostgreSQL;
numbers past 64 bits: SQLite; long paths: the route cache's key)."""

import pytest

from peninsula.core import routes
from peninsula.security.hostile import MAX_ID, parse_id
from tests.hostile.fingerprint import database_fingerprint

pytestmark = pytest.mark.django_db
SITE_CHROME = b"Subscribe to our Mailing List"  # in every page of the site's own


def assert_site_error_page(response, status):
    assert response.status_code == status
    assert SITE_CHROME in response.content
    if status == 400:  # a shared cache keeps 404s a while, but never a refusal
        assert "private" in response["Cache-Control"]


CONTROL_CHARACTER_URLS = [
    "/themes/secu%00rity/",  # a slug in the path
    "/feeds/podcasts/%00/",
    "/regions/korean-peninsula/?theme=%00",  # a listing filter
    "/api/v1/publications/?series=%00",  # an API query parameter
    "/api/v1/publications/?author=jane%00park&theme=security",
    "/search/?q=sanctions&theme=%01",
    "/the-peninsula/?%00=1",  # a key, not only a value
    "/the-peninsula/%1b%5b2J/",  # a terminal escape in a page slug
]


def test_a_control_character_in_the_address_is_a_400_with_the_site_error_page(content, client):
    before = database_fingerprint()
    for url in CONTROL_CHARACTER_URLS:
        assert_site_error_page(client.get(url), 400)
    assert database_fingerprint() == before


def test_tab_and_line_breaks_in_a_search_are_still_read(content, client):
    """A search pasted from a document may carry them; only other controls are refused."""
    response = client.get("/search/?q=alliance%09future%0d%0a")
    assert response.status_code == 200
    assert b"alliance future" in response.content  # the query, read as two words


def test_an_event_id_no_database_holds_is_a_404(content, client):
    for number in (str(2**63), "99999999999999999999999", "0"):
        assert_site_error_page(client.get(f"/feeds/events/{number}.ics"), 404)


def test_the_largest_id_a_database_holds_is_looked_up(content, client):
    assert client.get(f"/feeds/events/{MAX_ID}.ics").status_code == 404
    event = content["event"]
    assert client.get(f"/feeds/events/{event.pk}.ics").status_code == 200


def test_an_id_past_64_bits_posted_to_the_preference_centre_is_a_form_error(hostile_site, client):
    before = database_fingerprint()
    for field in ("lists", "themes", "series"):
        for value in (str(2**63), "99999999999999999999999", "-1", "1e3"):
            posted = {field: [value], "frequency": "weekly"}
            response = client.post(hostile_site["preferences_path"], posted)
            assert response.status_code == 200, (field, value)
            assert response.context["form"].errors[field], (field, value)
    assert database_fingerprint() == before


def test_a_long_path_is_a_404_and_its_route_key_stays_short(content, client):
    long_slug = "a" * 5000
    assert_site_error_page(client.get(f"/the-peninsula/{long_slug}/"), 404)
    assert_site_error_page(client.get(f"/api/v1/people/{long_slug}/"), 404)
    # Cut short, two long paths with the same beginning would share one cached route.
    first, second = routes._key("/x/" + long_slug + "1/"), routes._key("/x/" + long_slug + "2/")
    assert len(first) <= 250 and first != second


def test_a_media_name_longer_than_the_file_system_allows_is_a_404(db, client):
    assert client.get("/media/" + "a" * 5000).status_code == 404


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("1", 1),
        (str(MAX_ID), MAX_ID),
        (str(MAX_ID + 1), None),
        ("0", None),
        ("-3", None),
        ("٣", None),
        (" 4", None),
        ("", None),
        ("1" * 400, None),
    ],
)
def test_parse_id_accepts_only_what_a_primary_key_can_be(text, expected):
    assert parse_id(text) == expected
