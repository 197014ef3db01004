"""The admin's add forms start from Python defaults: a field with only a database default
would show Django's DatabaseDefault placeholder as its value and refuse the publish."""

import pytest

from peninsula.publications.models import EventPage, SeriesPage


@pytest.mark.django_db
@pytest.mark.parametrize("model", [SeriesPage, EventPage])
def test_new_pages_start_with_empty_optional_fields(model):
    page = model()
    for name in ["apple_podcasts_url", "spotify_url", "other_podcast_app_name",
                 "other_podcast_app_url", "recording_url", "transcript"]:  # fmt: skip
        if hasattr(page, name):
            assert getattr(page, name) == "", name


@pytest.mark.django_db
def test_the_series_add_form_shows_no_placeholder(admin_client):
    from wagtail.models import Page

    home = Page.objects.get(depth=2)
    response = admin_client.get(f"/admin/pages/add/publications/seriespage/{home.pk}/")
    assert response.status_code == 200
    assert b"DatabaseDefault" not in response.content
