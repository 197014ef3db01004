"""A podcast RSS feed per series, with the tags Apple Podcasts and Spotify require.

https://podcasters.apple.com/support/823-podcast-requirements lists them: at channel level
title, description, language, itunes:image (1400-3000 px square), itunes:category,
itunes:explicit, itunes:author; on each episode an enclosure with its length and type, a
guid that never changes, and itunes:duration.
"""

from django.conf import settings
from django.http import Http404
from django.templatetags.static import static

from peninsula.publications.models import PublicationType
from peninsula.syndication import items as feed_items
from peninsula.syndication.feeds import PublicationFeed
from peninsula.syndication.generators import RssFeed

ITUNES = "http://www.itunes.com/dtds/podcast-1.0.dtd"
COVER_SIZE = 1400  # Apple's smallest accepted square


class PodcastRss(RssFeed):
    def rss_attributes(self):
        return {**super().rss_attributes(), "xmlns:itunes": ITUNES}

    def add_root_elements(self, handler):
        super().add_root_elements(handler)
        podcast = self.feed["podcast"]
        handler.addQuickElement("itunes:author", podcast["author"])
        handler.addQuickElement("itunes:summary", self.feed["plain_description"])
        handler.addQuickElement("itunes:type", "episodic")
        if podcast["email"]:
            handler.startElement("itunes:owner", {})
            handler.addQuickElement("itunes:name", podcast["author"])
            handler.addQuickElement("itunes:email", podcast["email"])
            handler.endElement("itunes:owner")
        handler.addQuickElement("itunes:image", None, {"href": podcast["image"]})
        handler.startElement("image", {})
        handler.addQuickElement("url", podcast["image"])
        handler.addQuickElement("title", self.feed["title"])
        handler.addQuickElement("link", self.feed["link"])
        handler.endElement("image")
        category, *subcategories = podcast["category"]
        handler.startElement("itunes:category", {"text": category})
        for subcategory in subcategories:
            handler.addQuickElement("itunes:category", None, {"text": subcategory})
        handler.endElement("itunes:category")
        handler.addQuickElement("itunes:explicit", "false")

    def add_item_elements(self, handler, item):
        super().add_item_elements(handler, item)
        episode = item["episode"]
        handler.addQuickElement("itunes:title", item["title"])
        if episode["authors"]:
            handler.addQuickElement("itunes:author", episode["authors"])
        handler.addQuickElement("itunes:duration", str(episode["duration"] or 0))
        if episode["number"]:
            handler.addQuickElement("itunes:episode", str(episode["number"]))
        handler.addQuickElement("itunes:episodeType", "full")
        handler.addQuickElement("itunes:explicit", "false")


class PodcastFeed(PublicationFeed):
    def __init__(self):
        super().__init__("rss")
        self.feed_type = PodcastRss

    def get_object(self, request, slug):
        scope = super().get_object(request, kind="series", slug=slug)
        if not self.episodes(scope).exists():
            raise Http404("This series has no podcast episodes.")
        return scope

    def episodes(self, scope):
        return scope.publications().filter(publication_type=PublicationType.PODCAST)

    def title(self, scope):
        return scope.title

    def feed_url(self, scope):
        return self.request.path

    def description(self, scope):
        return scope.series.introduction or f"A podcast from {self.institute.name}."

    def items(self, scope):
        episodes = feed_items.feed_items(self.episodes(scope), settings.PENINSULA_FEED_LENGTH)
        # Apple and Spotify reject episodes without a file to play.
        return [episode for episode in episodes if feed_items.enclosure(episode)]

    def feed_extra_kwargs(self, scope):
        return {
            "podcast": {
                "author": self.institute.name,
                "email": self.institute.email,
                "image": self.cover_url(scope.series),
                "category": settings.PENINSULA_PODCAST_CATEGORY,
            }
        }

    def cover_url(self, series):
        if series.image_id:
            rendition = series.image.get_rendition(f"fill-{COVER_SIZE}x{COVER_SIZE}|format-jpeg")
            return self.request.build_absolute_uri(rendition.url)
        return self.request.build_absolute_uri(static("syndication/podcast-cover.png"))

    def item_extra_kwargs(self, item):
        kwargs = super().item_extra_kwargs(item)
        kwargs["episode"] = {
            "authors": ", ".join(name for name, _url in kwargs["authors"]),
            "duration": item.media.duration_seconds,
            "number": item.media.episode_number,
        }
        return kwargs


def podcast_view(request, slug):
    return PodcastFeed()(request, slug=slug)
