"""What happens when pages are published, unpublished, moved or deleted, and when the
archive changes in bulk: the one place Wagtail's signals (signals.py) and every bulk
writer (the importer, the generator, the demo) go through.

Each action does the same things, in this order:

1. forget what the object cache remembers about the content: one version bump
   (peninsula.core.cache_version) for the site, routes, header and footer, series links,
   terms, listing counts and the "Total Index" figure;
2. bring the search index up to date (peninsula.search.actions), which also keeps the
   "Total Index" count (peninsula.search.counts);
3. purge the front-end cache of what shows the pages, after the commit, on the purge
   queue (peninsula.caching.purge);
4. queue the as-published digests with the ids of the publications published
   (peninsula.newsletters.digests), after the commit;
5. for an event taking registrations, give places a raised capacity freed to the waiting
   list (peninsula.registrations), after the commit.

Pages written while bulk_writing() is on pass by the per-page actions; the writer calls
archive_changed() for all of them at the end.
"""

from collections.abc import Iterable
from contextlib import contextmanager
from contextvars import ContextVar

from django.db import transaction

from peninsula.caching import purge
from peninsula.core import cache_version
from peninsula.publications.models import PublicationPage
from peninsula.registrations import actions as registrations
from peninsula.search import actions as search
from peninsula.search.signals import indexing_active, indexing_suspended

_bulk: ContextVar[bool] = ContextVar("publishing_bulk_writing", default=False)


def page_published(page, revision=None) -> None:
    """`page` was published (by an editor, a schedule, or code calling publish())."""
    if _bulk.get():
        return
    cache_version.forget()
    if indexing_active():
        search.index_published(page)
    purge.purge_published(page, revision)
    if _is_publication(page):
        _queue_digests([page.pk])
    if getattr(page, "takes_registrations", False):
        # A capacity raised on publish gives the freed places to the waiting list.
        page_id = page.pk
        transaction.on_commit(lambda: registrations.fill_freed_places(page_id))


def page_unpublished(page) -> None:
    if _bulk.get():
        return
    cache_version.forget()
    if indexing_active():
        search.unindex_pages([page.pk])
    purge.purge_on_commit(page)


def page_moved(page, url_path_before=None, parent_page_before=None, parent_page_after=None):
    """`page` moved in the tree (or its URL changed with its slug: `parent_page_after` is
    then None): it and every page under it have a new URL."""
    if _bulk.get():
        return
    if _is_publication(page) and parent_page_after is not None:
        # A publication keeps its series (its parent) in a column of its own, for listings.
        PublicationPage.objects.filter(pk=page.pk).update(series_page_id=parent_page_after.pk)
    cache_version.forget()
    if indexing_active():
        search.index_subtree(page)
    if parent_page_after is not None:
        purge.purge_moved(page, url_path_before, parent_page_before)


def page_deleted(page) -> None:
    """`page` was deleted (each page of a deleted subtree is told in turn)."""
    if _bulk.get():
        return
    cache_version.forget()
    if indexing_active():
        search.unindex_pages([page.pk])


def archive_changed(
    published_ids: Iterable[int] = (), unpublished_ids: Iterable[int] = (), *, digests=True
):
    """Call after writing pages in bulk (an import, generated content, the demo), once they
    are written: the pages published are indexed, the unpublished ones taken out (the
    "Total Index" count follows), every cached figure and page is forgotten, the front-end
    cache purged and as-published digests queued for the publications published.

    `digests=False` for an import: it brings over an archive's past, which subscribers
    were sent (or not) by the old site; mailing thousands of old posts as news would be
    wrong even when their dates fall after someone's sign-up.

    Indexing runs here, in this process: a writer that indexed the pages itself (the
    importer, in its own pass) passes them all the same, and pays for a second write of
    their entries only."""
    published, unpublished = sorted(set(published_ids)), sorted(set(unpublished_ids))
    cache_version.forget()
    if unpublished:
        search.unindex_pages(unpublished)
    if published:
        search.index_pages(published)
    purge.purge_archive_on_commit(published + unpublished)
    publications = list(
        PublicationPage.objects.filter(pk__in=published).values_list("pk", flat=True)
    ) if published else []  # fmt: skip
    if publications and digests:
        _queue_digests(publications)


@contextmanager
def bulk_writing():
    """While a bulk writer writes pages: no per-page actions (and no per-term indexing);
    the writer calls archive_changed() with what it wrote afterwards."""
    token = _bulk.set(True)
    try:
        with indexing_suspended():
            yield
    finally:
        _bulk.reset(token)


def _is_publication(page) -> bool:
    return issubclass(page.specific_class or type(page), PublicationPage)


def _queue_digests(page_ids: list[int]) -> None:
    from peninsula.newsletters.tasks import enqueue, send_digests

    transaction.on_commit(lambda: enqueue(send_digests, "as_published", page_ids))
