"""Feed writers: RSS 2.0 and Atom with every author of an entry, and JSON Feed 1.1.

Django's generators write one author per entry; a publication has any number, passed in
an item's `authors` as (name, url) pairs.

Feed classes hand plain text to every generator. Each writer escapes it as its format
requires: XML escaping (the XML writer's own) everywhere, and, in the fields that readers
take as HTML (RSS <description>, Atom <summary type="html">), HTML escaping first, so that
"A & B <East>" reaches a reader as those characters, not as a tag or a stray entity.
JSON Feed carries the text as it is (content_text, summary).
"""

import json

from django.utils.feedgenerator import Atom1Feed, Rss201rev2Feed, SyndicationFeed, rfc3339_date
from django.utils.html import escape

DC = "http://purl.org/dc/elements/1.1/"


class HtmlDescriptions:
    """For the XML formats: descriptions become HTML (escaped text) as they are added.

    The plain text stays at `plain_description` for fields that are text (itunes:summary).
    """

    def __init__(self, title, link, description, *args, **kwargs):
        super().__init__(title, link, description and escape(description), *args, **kwargs)
        self.feed["plain_description"] = description

    def add_item(self, title, link, description, *args, **kwargs):
        super().add_item(title, link, description and escape(description), *args, **kwargs)


class RssFeed(HtmlDescriptions, Rss201rev2Feed):
    def rss_attributes(self):
        return {**super().rss_attributes(), "xmlns:dc": DC}

    def add_item_elements(self, handler, item):
        super().add_item_elements(handler, item)
        for name, _url in item.get("authors", ()):
            handler.addQuickElement("dc:creator", name)


class AtomFeed(HtmlDescriptions, Atom1Feed):
    def add_item_elements(self, handler, item):
        super().add_item_elements(handler, item)
        for name, url in item.get("authors", ()):
            handler.startElement("author", {})
            handler.addQuickElement("name", name)
            if url:
                handler.addQuickElement("uri", url)
            handler.endElement("author")


class JsonFeed(SyndicationFeed):
    """JSON Feed 1.1 (https://www.jsonfeed.org/version/1.1/)."""

    content_type = "application/feed+json; charset=utf-8"

    def write(self, outfile, encoding):
        outfile.write(json.dumps(self.as_dict(), ensure_ascii=False, indent=1).encode(encoding))

    def as_dict(self):
        feed = {
            "version": "https://jsonfeed.org/version/1.1",
            "title": self.feed["title"],
            "home_page_url": self.feed["link"],
            "feed_url": self.feed["feed_url"],
            "description": self.feed["description"],
        }
        if self.feed["language"]:
            feed["language"] = self.feed["language"]
        if self.feed["author_name"]:
            feed["authors"] = [{"name": self.feed["author_name"]}]
        feed["items"] = [self.item_dict(item) for item in self.items]
        return feed

    def item_dict(self, item):
        entry = {
            "id": item["unique_id"] or item["link"],
            "url": item["link"],
            "title": item["title"],
            "content_text": item["description"] or "",
            "summary": item["description"] or "",
        }
        if item["pubdate"]:
            entry["date_published"] = rfc3339_date(item["pubdate"])
        if item["updateddate"]:
            entry["date_modified"] = rfc3339_date(item["updateddate"])
        if item.get("image"):
            entry["image"] = item["image"]
        if authors := item.get("authors"):
            entry["authors"] = [{"name": name, "url": url} for name, url in authors]
        if item["categories"]:
            entry["tags"] = list(item["categories"])
        if item["enclosures"]:
            entry["attachments"] = [
                {
                    "url": enclosure.url,
                    "mime_type": enclosure.mime_type,
                    **({"size_in_bytes": int(enclosure.length)} if int(enclosure.length) else {}),
                }
                for enclosure in item["enclosures"]
            ]
        return entry


GENERATORS = {"rss": RssFeed, "atom": AtomFeed, "json": JsonFeed}
