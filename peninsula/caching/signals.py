"""Purge the front-end caches when a page is published, unpublished or moved.

Wagtail's frontend_cache app purges a published page's own URL, at once, inside the
publishing transaction; these receivers replace its handlers, purging everything that
shows the page, in one batch, after the commit.
"""

from django.apps import apps
from django.conf import settings
from django.dispatch import receiver
from wagtail.contrib.frontend_cache import signal_handlers as wagtail_handlers
from wagtail.models import Page, PageLogEntry
from wagtail.signals import page_published, page_unpublished, post_page_move

from peninsula.caching.purge import purge_on_commit


def replace_wagtail_purge_handlers() -> None:
    """Disconnect wagtail.contrib.frontend_cache's per-page handlers (see the module
    docstring). Runs in ready(): INSTALLED_APPS lists this app after Wagtail's."""
    for model in apps.get_models():
        if issubclass(model, Page):
            page_published.disconnect(wagtail_handlers.page_published_signal_handler, model)
            page_unpublished.disconnect(wagtail_handlers.page_unpublished_signal_handler, model)


@receiver(page_published)
def purge_published(sender, instance, revision=None, **kwargs):
    if not settings.WAGTAILFRONTENDCACHE:
        return
    # An edit may have changed the series, the themes or the authors: what showed the
    # version readers saw until now is purged too.
    purge_on_commit(instance, _previously_published(instance, revision))


@receiver(page_unpublished)
def purge_unpublished(sender, instance, **kwargs):
    purge_on_commit(instance)


@receiver(post_page_move)
def purge_moved(sender, instance, url_path_before=None, parent_page_before=None, **kwargs):
    page = instance.specific
    if not page.live or not settings.WAGTAILFRONTENDCACHE:
        return
    before = None
    if url_path_before and url_path_before != page.url_path:
        before = page.specific_class.objects.get(pk=page.pk)
        before.url_path = url_path_before  # the old address, on the old parent
        before.path = parent_page_before.path + page.path[-Page.steplen :]
    purge_on_commit(page, before)


def _previously_published(page, revision):
    """The page as readers saw it before this publish (None for a first publish)."""
    if revision is None:
        return None
    entry = (
        PageLogEntry.objects.filter(page_id=page.pk, action__startswith="wagtail.publish")
        .exclude(revision=revision)
        .exclude(revision=None)
        .select_related("revision")
        .order_by("-timestamp", "-pk")
        .first()
    )
    return entry.revision.as_object() if entry else None
