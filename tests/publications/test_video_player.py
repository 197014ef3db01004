"""Videos play on the page: the site's own file in a <video> player (no third party), a
YouTube or Vimeo address in the provider's privacy-friendly player, anything else as a link."""

import pytest
from bs4 import BeautifulSoup
from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile

from peninsula.demo import files
from tests import factories

pytestmark = pytest.mark.django_db


def soup(response):
    assert response.status_code == 200
    return BeautifulSoup(response.content, "html.parser")


def test_a_video_file_plays_on_the_site(client, institute, series):
    film = factories.DocumentFactory(
        title="Explainer", file=ContentFile(files.demo_video(), name="explainer.webm")
    )
    hero = factories.ImageFactory()
    video = factories.VideoPageFactory(
        series=series,
        video_file=film,
        video_url="https://video.example.org/watch/1",
        hero_image=hero,
    )
    box = soup(client.get(video.url)).select_one(".media-box")
    player = box.select_one("video[controls]")
    source = player.select_one("source")
    assert source["src"] == film.url
    assert source["type"] == "video/webm"
    assert player["poster"].startswith("/media/images/")
    assert box.select("iframe") == []  # no outside player
    assert box.select_one("a[download]")["href"] == film.url
    assert client.get(film.url).status_code == 200


def test_a_youtube_address_plays_in_the_no_cookie_player(client, institute, series):
    video = factories.VideoPageFactory(series=series)
    frame = soup(client.get(video.url)).select_one(".media-box iframe")
    assert frame["src"] == "https://www.youtube-nocookie.com/embed/abcdefghijk"
    assert frame["loading"] == "lazy"


def test_an_unknown_address_is_a_link(client, institute, series):
    video = factories.VideoPageFactory(series=series, video_url="https://video.example.org/w/1")
    box = soup(client.get(video.url)).select_one(".media-box")
    assert box.select("iframe, video") == []
    assert box.select_one("a")["href"] == "https://video.example.org/w/1"


def test_a_video_needs_a_file_or_an_address(series):
    from peninsula.publications.models import VideoPage

    page = VideoPage(title="No video", slug="no-video", video_url="")
    with pytest.raises(ValidationError) as error:
        page.clean()
    assert "video_url" in error.value.message_dict


def test_the_demo_video_is_a_real_webm():
    data = files.demo_video()
    assert data[:4] == b"\x1a\x45\xdf\xa3"  # EBML, the Matroska/WebM signature
    assert b"webm" in data[:64]
    assert 50_000 < len(data) < 400_000
