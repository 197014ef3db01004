"""RSS 2.0, Atom and JSON Feed of publications, for the site and for each scope.

One Feed class in the manner of django.contrib.syndication; the format is chosen per
request (`PublicationFeed("atom")`), the scope from the URL (see scopes.py).
"""

from datetime import datetime, time

from django.conf import settings
from django.contrib.syndication.views import Feed
from django.utils import timezone
from django.utils.feedgenerator import Enclosure
from wagtail.models import Site

from peninsula.core import chrome
from peninsula.syndication import items as feed_items
from peninsula.syndication.generators import GENERATORS
from peninsula.syndication.scopes import resolve, site_scope


class PublicationFeed(Feed):
    item_guid_is_permalink = False

    def __init__(self, fmt="rss"):
        super().__init__()
        self.fmt = fmt
        self.feed_type = GENERATORS[fmt]

    def get_object(self, request, kind=None, slug=None):
        self.request = request
        self.institute = chrome.institute_settings(Site.find_for_request(request))
        return resolve(kind, slug) if kind else site_scope()

    def title(self, scope):
        return f"{self.institute.name}: {scope.title}" if scope.title else self.institute.name

    def link(self, scope):
        return scope.link

    def feed_url(self, scope):
        return scope.feed_url(self.fmt)

    def description(self, scope):
        where = f" in {scope.title}" if scope.title else ""
        return f"The latest publications{where} from {self.institute.name}."

    def subtitle(self, scope):
        # Atom's <subtitle> (text); RSS writes the description instead.
        return self.description(scope)

    def author_name(self, scope):
        return self.institute.name

    def feed_copyright(self, scope):
        return f"© {self.institute.name}"

    def items(self, scope):
        return feed_items.feed_items(scope.publications(), settings.PENINSULA_FEED_LENGTH)

    def item_title(self, item):
        return item.title

    def item_description(self, item):
        """The full summary (led by the subtitle when there is one)."""
        return "\n\n".join(filter(None, [item.subtitle, item.summary])) or item.title

    def item_link(self, item):
        return item.get_url(self.request)

    def item_guid(self, item):
        # The page's own UUID: unlike its URL it survives moves, renames and a new domain.
        return f"urn:uuid:{item.translation_key}"

    def item_pubdate(self, item):
        return timezone.make_aware(datetime.combine(item.date, time(0)))

    def item_updateddate(self, item):
        return item.last_published_at or self.item_pubdate(item)

    def item_categories(self, item):
        return feed_items.categories(item)

    def item_enclosures(self, item):
        file = feed_items.enclosure(item)
        if file is None:
            return []
        url = self.request.build_absolute_uri(file.url)
        return [Enclosure(url, str(file.length), file.mime_type)]

    def item_extra_kwargs(self, item):
        return {
            "authors": [
                (person.title, self.request.build_absolute_uri(person.get_url(self.request)))
                for person in item.author_people
            ]
        }


def feed_view(request, fmt, kind=None, slug=None):
    return PublicationFeed(fmt)(request, kind=kind, slug=slug)
