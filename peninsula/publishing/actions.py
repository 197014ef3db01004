"""What happens when pages are published, unpublished, moved or deleted, or when the
archive changes in bulk: the one place the signal receivers and every bulk writer call."""

from collections.abc import Iterable

from django.db import transaction


def archive_changed(published_ids: Iterable[int] = (), unpublished_ids: Iterable[int] = ()):
    """Call after writing pages in bulk (an import, generated content, the demo), once the
    pages are written: cached figures and pages are forgotten, the pages are (un)indexed,
    the "Total Index" count follows the index, the front-end cache is purged and
    as-published digests are queued for the pages published."""
    from peninsula.core import chrome, middleware
    from peninsula.publications.counts import forget_listing_counts, refresh_published_count
    from peninsula.search import actions as search_actions

    published, unpublished = sorted(set(published_ids)), sorted(set(unpublished_ids))
    if unpublished:
        search_actions.unindex_pages(unpublished)
    if published:
        search_actions.index_pages(published)
    refresh_published_count()
    forget_listing_counts()
    chrome.forget()
    middleware._new_version()
    if published:
        from peninsula.newsletters.tasks import enqueue, send_digests

        transaction.on_commit(lambda: enqueue(send_digests, "as_published"))
