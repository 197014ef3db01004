"""`peninsula import wordpress` indexes what it imported before it ends: a new user who
searches right after the import finds the posts, and "Total Index" counts them, with no
worker running. The admin's import still leaves the indexing to a queued task."""

import io

import pytest
from django.core.management import call_command
from django_tasks_db.models import DBTaskResult

from peninsula.importers.actions import import_file
from peninsula.search.counts import published_count
from peninsula.search.engine import search
from tests.importers.conftest import CATEGORY, item

QUEUED_TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}


@pytest.fixture
def no_worker(settings):
    """Tasks wait in the database for a worker, and none runs (the test settings would
    otherwise run every task at once, hiding what a worker-less user sees)."""
    settings.TASKS = QUEUED_TASKS


@pytest.mark.django_db(transaction=True)
def test_command_line_import_is_searchable_when_it_ends(migrated, no_worker, export):
    path = export(*[item(number, f"Grid tariffs {number}", terms=CATEGORY) for number in (1, 2, 3)])
    out = io.StringIO()
    call_command("import_wordpress", path, stdout=out)
    assert len(search("tariffs").hits) == 3
    assert published_count() == 3
    assert not DBTaskResult.objects.exists()  # nothing left waiting for a worker
    assert "Search and the publication count are up to date." in out.getvalue()
    assert "Indexing" in out.getvalue()  # the progress bar's stage


@pytest.mark.django_db(transaction=True)
def test_admin_import_leaves_the_indexing_to_the_worker(migrated, no_worker, export):
    import_file(export(item(1, "Grid tariffs")))  # as the admin's import task calls it
    [queued] = DBTaskResult.objects.all()
    assert queued.task_path == "peninsula.importers.tasks.index_imported"
    assert search("tariffs").hits == []
