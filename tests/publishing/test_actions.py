"""peninsula.publishing.actions: what a publish, and a bulk write, set in motion."""

import pytest
from django.core.cache import cache

from peninsula.core import cache_version, chrome
from peninsula.publications.models import PublicationPage
from peninsula.publishing import actions
from peninsula.publishing.actions import archive_changed
from peninsula.search.counts import published_count
from peninsula.search.models import SearchDocument
from tests import factories

pytestmark = pytest.mark.django_db


def indexed(page) -> bool:
    return SearchDocument.objects.filter(key=f"page:{page.pk}").exists()


@pytest.fixture
def queued(monkeypatch):
    """The tasks queued once the transaction commits: (task name, arguments)."""
    calls = []

    def enqueue(task_function, *args):
        calls.append((task_function.name, args))

    monkeypatch.setattr("peninsula.newsletters.tasks.enqueue", enqueue)
    return calls


def test_archive_changed_indexes_counts_and_forgets_what_a_bulk_writer_wrote(series):
    """A bulk writer writes rows behind Wagtail's back; archive_changed catches up."""
    page = factories.ArticlePageFactory(series=series, live=False)
    assert published_count() == 0
    PublicationPage.objects.filter(pk=page.pk).update(live=True)
    assert published_count() == 0  # remembered until told
    archive_changed(published_ids=[page.pk])
    assert published_count() == 1 and indexed(page)

    PublicationPage.objects.filter(pk=page.pk).update(live=False)
    archive_changed(unpublished_ids=[page.pk])
    assert published_count() == 0 and not indexed(page)


def test_archive_changed_queues_digests_with_the_publications_published(
    series, queued, django_capture_on_commit_callbacks
):
    article = factories.ArticlePageFactory(series=series)
    person = factories.PersonPageFactory()
    with django_capture_on_commit_callbacks(execute=True):
        archive_changed(published_ids=[person.pk, article.pk])
    assert queued == [("send_digests", ("as_published", [article.pk]))]


def test_publishing_queues_the_digest_with_the_page_id(
    series, queued, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        article = factories.ArticlePageFactory(series=series)
    assert queued == [("send_digests", ("as_published", [article.pk]))]
    queued.clear()
    with django_capture_on_commit_callbacks(execute=True):
        factories.StandardPageFactory()
    assert queued == []  # not a publication: no digest


def test_one_version_forgets_every_cache_on_publish_unpublish_move_and_delete(series):
    """Menus, series links, listing counts and the Total Index figure are remembered under
    one version, which each page event moves on."""
    versions = [cache_version.current()]
    page = factories.ArticlePageFactory(series=series)
    versions.append(cache_version.current())
    page.unpublish()
    versions.append(cache_version.current())
    page.save_revision().publish()
    other = factories.SeriesPageFactory(title="Other")
    versions.append(cache_version.current())
    page.move(other, pos="last-child")
    versions.append(cache_version.current())
    page.delete()
    versions.append(cache_version.current())
    assert len(set(versions)) == len(versions)


def test_a_menu_page_shows_at_once_after_publishing(series):
    from wagtail.models import Site

    site = Site.objects.get(is_default_site=True)
    assert chrome.menu_items(site) == []
    factories.StandardPageFactory(title="About", slug="about", show_in_menus=True)
    assert [title for title, _ in chrome.menu_items(site)] == ["About"]


def test_a_moved_publication_follows_its_new_series_everywhere(series):
    page = factories.ArticlePageFactory(series=series)
    other = factories.SeriesPageFactory(title="Other", slug="other")
    assert page.specific.series.title == "The Peninsula"
    page.move(other, pos="last-child")
    moved = PublicationPage.objects.get(pk=page.pk)
    assert moved.series_page_id == other.pk and moved.series.title == "Other"
    assert SearchDocument.objects.get(key=f"page:{page.pk}").series_id == other.pk


def test_bulk_writing_leaves_pages_to_archive_changed(series, queued):
    """Inside bulk_writing() a publish sets nothing in motion (the writer calls
    archive_changed for everything at the end): no index entry, no digest."""
    with actions.bulk_writing():
        page = factories.ArticlePageFactory(series=series)
    assert not indexed(page) and queued == []
    archive_changed(published_ids=[page.pk])
    assert indexed(page) and published_count() == 1


def test_forgetting_inside_a_transaction_forgets_again_on_commit(
    django_capture_on_commit_callbacks,
):
    """A reader may fill a key between the bump and the commit, from the rows as they were;
    the second bump at commit leaves that value behind."""
    with django_capture_on_commit_callbacks(execute=True):
        cache_version.forget()
        during = cache_version.current()
        cache.set(cache_version.key("stale"), "before the commit")
    assert cache_version.current() != during
    assert cache.get(cache_version.key("stale")) is None
