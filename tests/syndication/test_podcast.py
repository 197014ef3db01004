"""The podcast feed carries what Apple Podcasts and Spotify require."""

import feedparser
import pytest
from lxml import etree

ITUNES = "{http://www.itunes.com/dtds/podcast-1.0.dtd}"
# Apple's podcast requirements and Spotify's specification, as checked here.
REQUIRED_CHANNEL = ["title", "link", "description", "language", f"{ITUNES}author",
                    f"{ITUNES}image", f"{ITUNES}category", f"{ITUNES}explicit"]  # fmt: skip
REQUIRED_ITEM = ["title", "enclosure", "guid", "pubDate", f"{ITUNES}duration"]


@pytest.fixture
def podcast(client, content):
    response = client.get("/feeds/podcasts/peninsula-talks/")
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/rss+xml")
    return response


def test_podcast_feed_has_every_required_itunes_tag(podcast, content):
    channel = etree.fromstring(podcast.content).find("channel")
    missing = [tag for tag in REQUIRED_CHANNEL if channel.find(tag) is None]
    assert not missing
    assert channel.findtext("language") == "en-us"
    assert channel.findtext(f"{ITUNES}author") == "Harbour Institute"
    assert channel.findtext(f"{ITUNES}explicit") in ("false", "true")
    assert channel.find(f"{ITUNES}image").get("href").endswith("podcast-cover.png")
    category = channel.find(f"{ITUNES}category")
    assert category.get("text") == "News"
    assert category.find(f"{ITUNES}category").get("text") == "Politics"
    assert channel.findtext(f"{ITUNES}owner/{ITUNES}email") == "press@harbour.example"
    items = channel.findall("item")
    assert [item.findtext("title") for item in items] == ["Episode 2", "Episode 1"]
    for item in items:
        assert not [tag for tag in REQUIRED_ITEM if item.find(tag) is None]
        enclosure = item.find("enclosure")
        assert enclosure.get("length").isdigit() and enclosure.get("type") == "audio/mpeg"
        assert item.find("guid").get("isPermaLink") == "false"
        assert item.findtext(f"{ITUNES}duration") == "1865"
    uploaded = items[1].find("enclosure")
    assert int(uploaded.get("length")) == content["audio"].file.size
    assert items[1].findtext(f"{ITUNES}episode") == "1"


def test_podcast_feed_parses_with_feedparser(podcast):
    feed = feedparser.parse(podcast.content)
    assert not feed.bozo
    assert not feed.feed.itunes_explicit  # "false": feedparser reads only yes/clean as flags
    assert feed.feed.image.href.endswith("podcast-cover.png")
    assert feed.feed.author == "Harbour Institute"
    assert feed.entries[0].itunes_duration == "1865"


def test_episode_guid_survives_renaming_and_moving(client, content):
    """Podcast apps key episodes on the GUID: it must never change."""
    from tests import factories

    def guid():
        feed = feedparser.parse(client.get("/feeds/podcasts/peninsula-talks/").content)
        return {entry.title: entry.id for entry in feed.entries}["Episode 1"]

    before = guid()
    episode = content["episode"]
    episode.slug = "renamed-episode"
    episode.save_revision().publish()
    other = factories.SeriesPageFactory(title="Old talks", slug="old-talks")
    factories.PodcastEpisodePageFactory(series=other)
    episode.move(content["podcasts"], pos="last-child")
    assert guid() == before == f"urn:uuid:{episode.translation_key}"


def test_series_cover_image_is_used_when_set(client, content):
    from tests import factories

    podcasts = content["podcasts"]
    podcasts.image = factories.ImageFactory(file=factories.png_file(size=(1600, 1600)))
    podcasts.save_revision().publish()
    channel = etree.fromstring(client.get("/feeds/podcasts/peninsula-talks/").content)[0]
    assert "fill-1400x1400" in channel.find(f"{ITUNES}image").get("href")


def test_series_without_episodes_has_no_podcast_feed(client, content):
    assert client.get("/feeds/podcasts/the-peninsula/").status_code == 404
    assert client.get("/feeds/podcasts/nope/").status_code == 404
