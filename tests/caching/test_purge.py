"""Publishing, unpublishing, editing and moving a page purge what shows it, in one batch
after the commit, through wagtail.contrib.frontend_cache, to a real HTTP purge endpoint."""

import logging

import pytest

from tests import factories
from tests.caching.purge_server import PurgeRecorder


@pytest.fixture
def recorder(settings):
    with PurgeRecorder() as recorder:
        settings.WAGTAILFRONTENDCACHE = {
            "nginx": {
                "BACKEND": "peninsula.caching.backends.NginxPurgeBackend",
                "LOCATION": recorder.location,
            }
        }
        yield recorder


@pytest.fixture
def publish(django_capture_on_commit_callbacks):
    def run(action):
        with django_capture_on_commit_callbacks(execute=True):
            action()

    return run


def feeds(kind_and_slug=""):
    prefix = f"/feeds/{kind_and_slug}/" if kind_and_slug else "/feeds/"
    return {f"{prefix}{fmt}/" for fmt in ("rss", "atom", "json")}


def test_publishing_an_edit_purges_everything_that_shows_the_article(content, recorder, publish):
    article, series = content["article"], content["series"]
    recorder.purged.clear()  # the fixture's own publishing
    article.title = "The alliance, revisited"
    publish(lambda: article.save_revision().publish())

    expected = {
        "/the-peninsula/alliance-future/",
        "/the-peninsula/",  # its series
        "/",  # the home page
        "/publications/",
        "/publications/commentary/",
        "/themes/security/",
        "/regions/korean-peninsula/",
        "/topics/nuclear-policy/",
        content["author"].url,
        content["second"].url,
        "/sitemap.xml",
        "/sitemap-pages.xml",
        "/sitemap-publications.xml",
        "/sitemap-listings.xml",
        "/api/v1/publications/",
        f"/api/v1/publications/{article.pk}/",
        *feeds(),
        *feeds("series/the-peninsula"),
        *feeds("types/commentary"),
        *feeds("themes/security"),
        *feeds("regions/korean-peninsula"),
        *feeds("topics/nuclear-policy"),
        *feeds(f"authors/{content['author'].slug}"),
        *feeds("authors/min-ji-kim"),
    }
    paths = recorder.paths()
    assert set(paths) == expected
    assert len(paths) == len(set(paths))  # each once: Wagtail's own handler is replaced
    assert all(url.startswith("http://localhost/") for url in recorder.purged)
    assert series.url == "/the-peninsula/"


def test_an_edit_that_drops_a_theme_and_an_author_purges_their_pages_too(
    content, recorder, publish
):
    article = content["article"]
    other = factories.ThemeFactory(name="Trade", slug="trade")
    article.themes.set([other])
    article.authors.set([a for a in article.authors.all() if a.person == content["author"]])
    recorder.purged.clear()
    publish(lambda: article.save_revision().publish())
    paths = set(recorder.paths())
    assert {"/themes/trade/", "/themes/security/"} <= paths  # the new one and the old one
    assert content["second"].url in paths  # no longer an author, but their page listed it
    assert feeds("themes/security") <= paths


def test_unpublishing_purges_the_page_and_its_listings(content, recorder, publish):
    report = content["report"]
    recorder.purged.clear()
    publish(report.unpublish)
    paths = set(recorder.paths())
    assert {report.url, "/reports-and-papers/", "/publications/reports/", "/"} <= paths
    assert "/themes/security/" in paths


def test_moving_purges_the_old_address_and_both_series(content, recorder, publish):
    brief, reports = content["brief"], content["reports"]
    old_url = brief.url
    recorder.purged.clear()
    publish(lambda: brief.move(reports, pos="last-child"))
    brief.refresh_from_db()
    paths = set(recorder.paths())
    assert old_url != brief.url
    assert {old_url, brief.url, "/the-peninsula/", "/reports-and-papers/"} <= paths
    assert feeds("series/the-peninsula") | feeds("series/reports-and-papers") <= paths


def test_a_podcast_episode_and_an_event_purge_their_feed_and_calendar(content, recorder, publish):
    episode, event = content["episode"], content["event"]
    recorder.purged.clear()
    publish(lambda: episode.save_revision().publish())
    publish(lambda: event.save_revision().publish())
    paths = set(recorder.paths())
    assert {"/feeds/podcasts/peninsula-talks/", "/feeds/events.ics"} <= paths
    assert f"/feeds/events/{event.pk}.ics" in paths


def test_a_person_page_purges_itself_the_experts_page_and_their_feeds(content, recorder, publish):
    author = content["author"]
    recorder.purged.clear()
    publish(lambda: author.save_revision().publish())
    paths = set(recorder.paths())
    assert {author.url, "/experts/", "/", f"/api/v1/people/{author.pk}/"} <= paths
    assert feeds(f"authors/{author.slug}") <= paths


def test_nothing_is_purged_before_the_commit(content, recorder, django_capture_on_commit_callbacks):
    """Purged inside the transaction, a reader's request before the commit would put the
    old page back in the cache for PENINSULA_CACHE_SECONDS."""
    recorder.purged.clear()
    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        content["article"].save_revision().publish()
    assert recorder.purged == []
    purges = [c for c in callbacks if getattr(c, "__qualname__", "") == "PurgeBatch.purge"]
    assert len(purges) == 1  # one batch
    purges[0]()
    assert "/the-peninsula/alliance-future/" in recorder.paths()


def test_a_cached_url_is_purged_quietly_and_an_unreachable_proxy_is_a_warning(
    content, recorder, publish, caplog, settings
):
    article = content["article"]
    recorder.cached.add("http://localhost/the-peninsula/alliance-future/")
    with caplog.at_level(logging.INFO, logger="peninsula.caching"):
        publish(lambda: article.save_revision().publish())
    assert not [r for r in caplog.records if r.levelno >= logging.WARNING]  # 404s are fine

    port = int(recorder.location.rsplit(":", 1)[1])
    recorder.__exit__()  # nginx gone
    settings.WAGTAILFRONTENDCACHE["nginx"]["LOCATION"] = f"http://127.0.0.1:{port}"
    with caplog.at_level(logging.WARNING, logger="peninsula.caching"):
        publish(lambda: article.save_revision().publish())  # publishing still works
    assert any("Could not purge" in r.getMessage() for r in caplog.records)


def test_without_a_cache_to_purge_nothing_is_worked_out_or_queued(
    content, settings, django_capture_on_commit_callbacks
):
    """On a laptop (no WAGTAILFRONTENDCACHE) publishing costs nothing extra: an import of
    thousands of posts queues no purge task per post."""
    settings.WAGTAILFRONTENDCACHE = {}
    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        content["article"].save_revision().publish()
    assert not [c for c in callbacks if getattr(c, "__qualname__", "") == "PurgeBatch.purge"]
