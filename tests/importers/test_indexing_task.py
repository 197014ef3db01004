"""The indexing task an import queues: after the import is committed, and with the site
search prepared in worker processes where the database allows it."""

import pytest
from django.db import connection

from peninsula.importers import tasks
from peninsula.importers.actions import import_file
from peninsula.publications.counts import published_count
from peninsula.search import actions, parallel
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
def test_imported_posts_indexed_from_worker_processes_as_in_one(migrated, export, monkeypatch):
    """Batches of two pages, read and analyzed in two worker processes where the database
    allows it (PostgreSQL here; not the in-memory SQLite test database), while the task
    fills the admin search and reference indexes. Started fresh ("spawn"), as when other
    threads run."""
    monkeypatch.setattr(actions, "BATCH", 2)
    monkeypatch.setattr(parallel.threading, "active_count", lambda: 2)
    started = []
    real_prepared_pages = parallel.prepared_pages

    def prepared_pages(chunks, workers=0):
        started.append(workers)
        return real_prepared_pages(chunks, workers)

    monkeypatch.setattr(parallel, "prepared_pages", prepared_pages)
    monkeypatch.setattr("django.conf.settings.PENINSULA_SEARCH_WORKERS", 2, raising=False)
    items = [item(number, f"Grid links {number}", terms=CATEGORY) for number in range(1, 6)]
    import_file(export(*items))
    assert started == [0 if connection.vendor == "sqlite" else 2]
    assert published_count() == 5
    assert len(search("grid").hits) == 5
    in_workers = _index_rows()
    actions.reindex_all(workers=0)
    assert _index_rows() == in_workers
