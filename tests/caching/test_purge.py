"""Publishing, unpublishing, editing and moving a page purge what shows it, in one batch
after the commit, through wagtail.contrib.frontend_cache, to a real HTTP purge endpoint."""

import logging

import pytest

from peninsula.caching.purge import enqueue_purge
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
    purges = [c for c in callbacks if getattr(c, "func", None) is enqueue_purge]
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
    assert not [c for c in callbacks if getattr(c, "func", None) is enqueue_purge]


def test_a_purge_runs_before_tasks_queued_earlier(content, recorder, publish, settings):
    """After an import thousands of indexing tasks wait; an editor's change jumps them."""
    from django_tasks_db.models import DBTaskResult

    from peninsula.search.tasks import index_pages_task

    settings.TASKS = {
        "default": {"BACKEND": "django_tasks_db.DatabaseBackend", "QUEUES": ["default", "purge"]}
    }
    for _ in range(3):
        index_pages_task.enqueue([content["article"].pk])
    publish(lambda: content["article"].save_revision().publish())
    queued = [
        (result.task_path.rsplit(".", 1)[-1], result.queue_name)
        for result in DBTaskResult.objects.ready()  # in the order a worker takes them
    ]
    assert queued[0] == ("purge_urls_from_cache_task", "purge")
    assert queued.count(("index_pages_task", "default")) >= 3


def test_a_tasks_setting_without_the_purge_queue_still_purges(content, recorder, publish, settings):
    """An operator's own TASKS without "purge": purges go on its default queue rather than
    fail the editor's publish after the commit."""
    from django_tasks_db.models import DBTaskResult

    settings.TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
    publish(lambda: content["article"].save_revision().publish())
    purge = DBTaskResult.objects.get(task_path__endswith="purge_urls_from_cache_task")
    assert purge.queue_name == "default"


def test_on_rq_a_purge_is_dequeued_before_tasks_queued_earlier(
    content, recorder, publish, settings
):
    """RQ's backend takes no priorities: purges have a queue of their own, which
    `peninsula worker` lists first, and RQ serves queues in the order listed."""
    import uuid

    import django_rq
    from rq import Queue

    from peninsula.cli import WORKER_QUEUES
    from peninsula.search.tasks import index_pages_task
    from tests.newsletters.test_crash import _check_redis

    _check_redis()
    prefix = f"purge-test-{uuid.uuid4().hex[:8]}"
    url = "redis://127.0.0.1:6379/7"
    names = {name: f"{prefix}-{name}" for name in WORKER_QUEUES.split(",")}
    # "default" too: publishing queues other tasks (on a Redis database of the test's own).
    settings.RQ_QUEUES = {name: {"URL": url} for name in [*names.values(), "default"]}
    settings.TASKS = {
        "default": {"BACKEND": "django_tasks_rq.RQBackend", "QUEUES": list(settings.RQ_QUEUES)}
    }
    queues = [django_rq.get_queue(name) for name in names.values()]  # in the worker's order
    try:
        with pytest.MonkeyPatch.context() as patch:
            patch.setattr("peninsula.caching.purge.PURGE_QUEUE", names["purge"])
            for _ in range(3):
                index_pages_task.using(queue_name=names["default"]).enqueue([1])
            publish(lambda: content["article"].save_revision().publish())
        first, _ = Queue.dequeue_any(queues, timeout=None, connection=queues[0].connection)
        assert first.func_name.endswith("purge_urls_from_cache_task")
        assert queues[1].count == 3  # the indexing waits
    finally:
        for queue in [*queues, django_rq.get_queue("default")]:
            queue.empty()


def test_the_worker_serves_the_purge_queue_first(monkeypatch, settings):
    from peninsula.caching.purge import PURGE_QUEUE
    from peninsula.cli import WORKER_QUEUES
    from peninsula.core import worker

    commands = []
    monkeypatch.setattr(worker, "call_command", lambda *args: commands.append(args))
    monkeypatch.setattr(worker, "start_thread", lambda *args: None)
    settings.TASKS = {"default": {"BACKEND": "django_tasks_rq.RQBackend"}}
    worker.run_worker(WORKER_QUEUES)  # `peninsula worker` with no --queue
    assert commands == [("rqworker", PURGE_QUEUE, "default", "--job-class", "django_tasks_rq.Job")]
