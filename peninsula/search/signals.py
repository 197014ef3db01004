"""Keep the index in step with the CMS as it changes.

A single page is indexed at once, inside the publishing request, so a reader finds it the
moment it is live; anything that touches many pages (a renamed author or theme, a moved
section) is handed to a background task.
"""

from contextlib import contextmanager
from contextvars import ContextVar

from django.db import transaction
from django.db.models.signals import post_delete, post_save, pre_delete
from django.dispatch import receiver
from wagtail.models import Page
from wagtail.signals import page_published, page_slug_changed, page_unpublished, post_page_move

from peninsula.search import actions
from peninsula.search.models import DocumentKind
from peninsula.taxonomy.models import TAXONOMIES

_suspended: ContextVar[bool] = ContextVar("search_indexing_suspended", default=False)
SUBTREE_INLINE_LIMIT = 50


@contextmanager
def indexing_suspended():
    """For bulk writers (the importer) that index everything they touched at the end."""
    token = _suspended.set(True)
    try:
        yield
    finally:
        _suspended.reset(token)


def _active() -> bool:
    return not _suspended.get()


def _index_later(page_ids: list[int]):
    from peninsula.search.tasks import index_pages_task

    if page_ids:
        transaction.on_commit(lambda: index_pages_task.enqueue(page_ids))


def _mentioned_by(page) -> str | None:
    from peninsula.people.models import PersonPage
    from peninsula.publications.models import SeriesPage

    if isinstance(page, PersonPage):
        return DocumentKind.PERSON
    if isinstance(page, SeriesPage):
        return DocumentKind.SERIES
    return None


@receiver(page_published)
def _on_published(sender, instance, **kwargs):
    if not _active():
        return
    actions.index_pages([instance.pk])
    kind = _mentioned_by(instance.specific)
    if kind:
        _index_later(actions.publications_mentioning(kind, instance.pk))


@receiver(page_unpublished)
def _on_unpublished(sender, instance, **kwargs):
    if _active():
        actions.unindex_pages([instance.pk])


# Receivers name their senders: a receiver for every model would stop Django from
# deleting rows in bulk anywhere (it must then load each row to send the signal).
@receiver(post_delete, sender=Page)
def _on_page_deleted(sender, instance, **kwargs):
    if _active():
        actions.unindex_pages([instance.pk])


def _on_term_deleted(sender, instance, **kwargs):
    if _active():
        actions.unindex_term(instance._meta.model_name, instance.pk)


def _before_term_deleted(sender, instance, **kwargs):
    """Publications lose the term's name from their entries once it is gone."""
    if _active():
        _index_later(actions.publications_mentioning(instance._meta.model_name, instance.pk))


def _on_term_saved(sender, instance, created, raw=False, **kwargs):
    if raw or not _active():
        return
    actions.index_term(instance)
    if not created:
        _index_later(actions.publications_mentioning(instance._meta.model_name, instance.pk))


for _model in TAXONOMIES.values():
    post_save.connect(_on_term_saved, sender=_model)
    pre_delete.connect(_before_term_deleted, sender=_model)
    post_delete.connect(_on_term_deleted, sender=_model)


@receiver(post_page_move)
@receiver(page_slug_changed)
def _on_url_changed(sender, instance, **kwargs):
    """Every page under a moved or renamed page has a new URL."""
    if not _active():
        return
    ids = list(Page.objects.descendant_of(instance, inclusive=True).values_list("pk", flat=True))
    if len(ids) <= SUBTREE_INLINE_LIMIT:
        actions.index_pages(ids)
    else:
        _index_later(ids)
