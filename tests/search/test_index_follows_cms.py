"""The index follows the CMS: publishing, unpublishing, editing, deleting, scheduling,
renaming, and what publications carry (authors, series, themes, PDF text)."""

import datetime
import time

import pytest
from django.core.files.base import ContentFile
from django.utils import timezone

from peninsula.core.worker import publish_due_pages
from peninsula.demo.files import report_pdf
from peninsula.search import actions
from peninsula.search.counts import published_count
from peninsula.search.engine import search
from peninsula.search.models import SearchDocument
from tests import factories

pytestmark = pytest.mark.django_db


def titles(text, **options):
    return [hit.title for hit in search(text, **options).hits]


def test_published_publication_is_found_at_once(series, author):
    factories.ArticlePageFactory(
        series=series, title="Ballistic missile tests resume", authors=[author]
    )
    results = search("ballistic")
    assert [hit.title for hit in results.hits] == ["Ballistic missile tests resume"]
    assert results.hits[0].url.endswith("/the-peninsula/ballistic-missile-tests-resume/")
    assert "Jane Park" in results.hits[0].meta and "The Peninsula" in results.hits[0].meta


def test_drafts_are_never_found(series):
    factories.ArticlePageFactory(series=series, title="Draft on ballistic missiles", live=False)
    assert titles("ballistic") == []


def test_unpublish_edit_and_delete_follow(series):
    page = factories.ArticlePageFactory(series=series, title="Ballistic missile tests")
    page.unpublish()
    assert titles("ballistic") == []
    page.title = "Cruise missile tests"
    page.save_revision().publish()
    assert titles("ballistic") == [] and titles("cruise") == ["Cruise missile tests"]
    page.title = "Hypersonic glide tests"
    page.save_revision()  # a draft of a live page changes nothing yet
    assert titles("cruise") == ["Cruise missile tests"] and titles("hypersonic") == []
    page.delete()
    assert titles("cruise") == [] and not SearchDocument.objects.filter(kind="publication").exists()


def test_scheduled_page_is_found_only_once_it_goes_live(series):
    page = factories.ArticlePageFactory(
        series=series, live=False, title="Embargoed satellite study"
    )
    when = timezone.now() + datetime.timedelta(seconds=1)
    page.go_live_at = when
    page.save_revision(approved_go_live_at=when).publish()
    assert titles("satellite") == []
    time.sleep(1.2)
    publish_due_pages()
    assert titles("satellite") == ["Embargoed satellite study"]


def test_total_index_count_comes_from_the_index(series):
    first = factories.ArticlePageFactory(series=series)
    factories.ReportPageFactory(series=series)
    factories.PersonPageFactory()
    assert published_count() == 2 == SearchDocument.objects.filter(kind="publication").count()
    first.unpublish()
    assert published_count() == 1


def test_people_series_and_taxonomy_pages_are_found(series):
    factories.PersonPageFactory(title="Minji Seo", job_title="Non-Resident Fellow")
    factories.ThemeFactory(name="Maritime Security", description="Sea lanes and navies.")
    assert search("minji").hits[0].kind == "person"
    assert search("maritime").hits[0].kind == "theme"
    assert search("maritime").hits[0].url == "/themes/maritime-security/"
    assert search("peninsula").hits[0].kind == "series"


def test_private_pages_are_not_indexed(series):
    from wagtail.models import PageViewRestriction

    page = factories.ArticlePageFactory(series=series, title="Members-only briefing on tunnels")
    PageViewRestriction.objects.create(page=page, restriction_type="password", password="x")
    actions.index_pages([page.pk])
    assert titles("tunnels") == []


def test_renaming_an_author_or_theme_reindexes_their_publications(
    series, author, django_capture_on_commit_callbacks
):
    """Their publications are re-indexed by a background task queued on commit."""
    theme = factories.ThemeFactory(name="Energy")
    factories.ArticlePageFactory(
        series=series, title="Grid links", authors=[author], themes=[theme]
    )
    assert titles("jane") == ["Jane Park", "Grid links"]
    with django_capture_on_commit_callbacks(execute=True):
        author.title = "Jane Kim-Park"
        author.save_revision().publish()
    assert "Grid links" in titles("kim")
    with django_capture_on_commit_callbacks(execute=True):
        theme.name = "Power and Grids"
        theme.save()
    assert "Grid links" in titles("power")
    with django_capture_on_commit_callbacks(execute=True):
        theme.delete()
    assert titles("power") == []


def test_moving_a_publication_updates_its_url_and_series(series):
    other = factories.SeriesPageFactory(title="Weekly Brief", slug="weekly")
    page = factories.ArticlePageFactory(series=series, title="Shipbuilding outlook")
    page.move(other, pos="last-child")
    hit = search("shipbuilding").hits[0]
    assert hit.url == "/weekly/shipbuilding-outlook/" and "Weekly Brief" in hit.meta


def test_words_only_in_the_attached_pdf_find_the_report(series):
    data, _ = report_pdf(
        "Annex", [("Method", ["Hydrographic survey data from the Yellow Sea."])], "Institute"
    )
    document = factories.DocumentFactory(file=ContentFile(data, name="annex.pdf"))
    factories.ReportPageFactory(series=series, title="Coastal study", pdf=document)
    assert titles("hydrographic") == ["Coastal study"]


def test_unreadable_pdf_is_indexed_without_its_text(series):
    document = factories.DocumentFactory(file=ContentFile(b"%PDF-1.4 broken", name="bad.pdf"))
    factories.ReportPageFactory(series=series, title="Coastal study", pdf=document)
    assert titles("coastal") == ["Coastal study"]


def test_reindex_all_rebuilds_the_same_index(series, author):
    theme = factories.ThemeFactory(name="Energy")
    factories.ArticlePageFactory(
        series=series, title="Grid links", authors=[author], themes=[theme]
    )
    factories.EventPageFactory(series=series, title="Energy forum")
    before = sorted(SearchDocument.objects.values_list("key", "title", "length"))
    assert actions.reindex_all() == len(before)
    assert sorted(SearchDocument.objects.values_list("key", "title", "length")) == before
    assert titles("grid") == ["Grid links"]
    assert published_count() == 2


def _index_rows():
    from django.db import connection

    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT d.key, t.text, p.weight, p.length FROM site_search_searchposting p "
            "JOIN site_search_searchdocument d ON d.id = p.document_id "
            "JOIN site_search_searchterm t ON t.id = p.term_id"
        )
        postings = sorted(cursor.fetchall())
    documents = sorted(SearchDocument.objects.values_list("key", "title", "facet_values", "length"))
    return documents, postings


# The command with batches of two pages, so its two workers share several.
REINDEX_IN_BATCHES_OF_TWO = (
    "import django; django.setup(); "
    "from django.core.management import call_command; from peninsula.search import actions; "
    "actions.BATCH = 2; call_command('search', 'reindex', '--workers', '2')"
)


@pytest.mark.django_db(transaction=True)
def test_reindex_command_in_worker_processes_matches_one_process(migrated, tmp_path):
    """`search reindex --workers 2` with batches of two pages, read and analyzed in two
    forked worker processes where the database allows it: on PostgreSQL the command runs
    as a user runs it, in a process of its own on this test database (transactional, so it
    sees the pages; `migrated` puts back the site a previous transactional test flushed
    away). The in-memory SQLite test database cannot be shared, so there the command
    reads pages itself (tests/test_cli.py covers workers on an SQLite file). Either way the
    index is the one a rebuild in this process makes."""
    import os
    import subprocess
    import sys
    from io import StringIO

    from django.core.management import call_command
    from django.db import connection

    series = factories.SeriesPageFactory(title="The Peninsula", slug="the-peninsula")
    author = factories.PersonPageFactory(title="Min-ji Kim")
    theme = factories.ThemeFactory(name="Energy")
    for number in range(5):
        factories.ArticlePageFactory(
            series=series, title=f"Grid links {number}", authors=[author], themes=[theme]
        )
    if connection.vendor == "postgresql":
        where = connection.settings_dict
        env = {
            **os.environ,
            "DJANGO_SETTINGS_MODULE": "peninsula.settings.test",
            "PENINSULA_DATA_DIR": str(tmp_path),
            "DATABASE_URL": f"postgres://{where['USER']}:{where['PASSWORD'] or ''}@"
            f"{where['HOST']}:{where['PORT'] or 5432}/{where['NAME']}",
        }
        done = subprocess.run(
            [sys.executable, "-c", REINDEX_IN_BATCHES_OF_TWO],
            env=env, capture_output=True, text=True, timeout=120,
        )  # fmt: skip
        assert done.returncode == 0, done.stderr
        output = done.stdout
        assert "Reading pages in up to 2 worker processes." in output
    else:
        out = StringIO()
        call_command("search", "reindex", "--workers", "2", stdout=out)
        output = out.getvalue()
        assert "worker processes" not in output
    assert "Indexed 8 documents." in output  # five articles, the series, the person, the theme
    in_workers = _index_rows()
    assert titles("grid") and published_count() == 5
    actions.reindex_all()
    assert _index_rows() == in_workers


def test_worker_processes_refuse_to_fork_beside_other_threads():
    """Forking copies a lock another thread holds, locked for ever: the pool is for the
    single-threaded command, and a process with other threads (a web or task worker, a
    live test server) is told to index in its own process instead."""
    import threading

    from peninsula.search import parallel

    stop = threading.Event()
    other = threading.Thread(target=stop.wait)
    other.start()
    try:
        with pytest.raises(RuntimeError, match="single thread"):
            parallel.in_workers(2)([[1], [2]])
    finally:
        stop.set()
        other.join()
