from django.urls import path, re_path, register_converter

from peninsula.security.hostile import IdConverter
from peninsula.syndication import calendar, feeds, podcast, sitemaps
from peninsula.syndication.http import conditional
from peninsula.syndication.scopes import KINDS

register_converter(IdConverter, "id")

app_name = "syndication"
_formats = "(?P<fmt>rss|atom|json)"
_kinds = "(?P<kind>" + "|".join(KINDS) + ")"

urlpatterns = [
    re_path(rf"^feeds/{_formats}/$", conditional(feeds.feed_view), name="site_feed"),
    re_path(
        rf"^feeds/{_kinds}/(?P<slug>[-\w]+)/{_formats}/$",
        conditional(feeds.feed_view),
        name="feed",
    ),
    path("feeds/podcasts/<str:slug>/", conditional(podcast.podcast_view), name="podcast"),
    path("feeds/events.ics", conditional(calendar.upcoming_ics), name="events_ics"),
    path("feeds/events/<id:pk>.ics", conditional(calendar.event_ics), name="event_ics"),
    path("sitemap.xml", sitemaps.index, name="sitemap"),
    re_path(
        r"^sitemap-(?P<section>pages|publications|listings)\.xml$",
        sitemaps.section,
        name="sitemap_section",
    ),
    path("robots.txt", sitemaps.robots_txt, name="robots"),
]
