"""Keep the index in step with the terms as editors change them.

Pages are indexed by peninsula.publishing.actions when they are published, unpublished,
moved or deleted. A term is indexed at once; the publications that carry its name are
re-indexed in a background task.
"""

from contextlib import contextmanager
from contextvars import ContextVar

from django.db.models.signals import post_delete, post_save, pre_delete

from peninsula.search import actions
from peninsula.taxonomy.models import TAXONOMIES

_suspended: ContextVar[bool] = ContextVar("search_indexing_suspended", default=False)


@contextmanager
def indexing_suspended():
    """For bulk writers (the importer) that index everything they touched at the end."""
    token = _suspended.set(True)
    try:
        yield
    finally:
        _suspended.reset(token)


def indexing_active() -> bool:
    return not _suspended.get()


def _on_term_deleted(sender, instance, **kwargs):
    if indexing_active():
        actions.unindex_term(instance._meta.model_name, instance.pk)


def _before_term_deleted(sender, instance, **kwargs):
    """Publications lose the term's name from their entries once it is gone."""
    if indexing_active():
        actions.index_later(actions.publications_mentioning(instance._meta.model_name, instance.pk))


def _on_term_saved(sender, instance, created, raw=False, **kwargs):
    if raw or not indexing_active():
        return
    actions.index_term(instance)
    if not created:
        actions.index_later(actions.publications_mentioning(instance._meta.model_name, instance.pk))


for _model in TAXONOMIES.values():
    post_save.connect(_on_term_saved, sender=_model)
    pre_delete.connect(_before_term_deleted, sender=_model)
    post_delete.connect(_on_term_deleted, sender=_model)
