"""The indexing task an import queues: after the import is committed, and with the site
search written in the task's own process."""

import pytest
from django.db import connection

from peninsula.importers import tasks
from peninsula.importers.actions import import_file
from peninsula.search import actions
from peninsula.search.counts import published_count
from peninsula.search.engine import search
from tests.importers.conftest import CATEGORY, item
from tests.search.test_index_follows_cms import _index_rows


@pytest.mark.django_db
def test_indexing_is_queued_once_the_import_is_committed(export, monkeypatch):
    depth_outside = len(connection.atomic_blocks)  # the test's own transaction
    queued = []
    real_task = tasks.index_imported

    class RecordingTask:
        def enqueue(self, objects):
            queued.append((len(connection.atomic_blocks), objects))
            return real_task.enqueue(objects)

    monkeypatch.setattr(tasks, "index_imported", RecordingTask())
    path = export(item(1, "Grid links"), item(2, "Grid tariffs"))
    import_file(path, dry_run=True)
    assert queued == []  # nothing kept, nothing to index
    import_file(path)
    [(depth, objects)] = queued
    assert depth == depth_outside  # the import's own transaction had ended
    assert len(objects["publications.articlepage"]) == 2


@pytest.mark.django_db(transaction=True)
def test_imported_posts_are_indexed_in_this_process_as_a_rebuild_would(
    migrated, export, monkeypatch
):
    """Batches of two pages, with search workers configured: the import's indexing never
    starts the `search reindex` command's worker processes (a task worker runs other
    threads, and forking beside them is unsafe), and its entries are those of a rebuild."""
    from peninsula.search import parallel

    def no_pool(*args, **kwargs):
        raise AssertionError("the import started search worker processes")

    monkeypatch.setattr(actions, "BATCH", 2)
    monkeypatch.setattr(parallel, "ProcessPoolExecutor", no_pool)
    monkeypatch.setattr("django.conf.settings.PENINSULA_SEARCH_WORKERS", 2, raising=False)
    items = [item(number, f"Grid links {number}", terms=CATEGORY) for number in range(1, 6)]
    import_file(export(*items))
    assert published_count() == 5
    assert len(search("grid").hits) == 5
    imported = _index_rows()
    actions.reindex_all()
    assert _index_rows() == imported


@pytest.mark.django_db
def test_an_import_goes_through_the_publish_action_and_queues_no_digest(
    export, monkeypatch, django_capture_on_commit_callbacks
):
    """The importer is one of the bulk writers that end in publishing.archive_changed (the
    cached figures forgotten, the index and the front-end cache brought up to date), and an
    archive brought over from the old site is not mailed to subscribers as news."""
    from peninsula.importers import indexing
    from peninsula.newsletters.models import Subscriber
    from peninsula.publishing import actions as publishing
    from tests.newsletters.factories import SubscriberFactory

    SubscriberFactory(email="eager@example.org", frequency="as_published")
    assert Subscriber.objects.filter(status=Subscriber.Status.ACTIVE).exists()
    calls, digests = [], []
    real = publishing.archive_changed

    def recording(*args, **kwargs):
        calls.append(kwargs)
        return real(*args, **kwargs)

    monkeypatch.setattr(indexing, "archive_changed", recording)
    monkeypatch.setattr(publishing, "_queue_digests", digests.append)
    with django_capture_on_commit_callbacks(execute=True):
        import_file(export(item(1, "Grid links"), item(2, "Grid tariffs")))
    [call] = calls
    from peninsula.publications.models import ArticlePage

    articles = set(ArticlePage.objects.values_list("pk", flat=True))
    assert len(articles) == 2 and articles <= set(call["published_ids"])
    assert call["digests"] is False
    assert digests == []
    assert published_count() == 2
