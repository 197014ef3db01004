"""Every theme, region and topic, kept in the object cache.

The filter bar of every listing offers all themes and regions, and resolves the chosen slug
to a term: read from the cache, that costs no query. A term saved or deleted in the admin
forgets them at once, with everything else remembered under the cache version
(peninsula.core.cache_version; in this process's cache, or for every process with Redis).
"""

from django.core.cache import cache
from django.db.models.signals import post_delete, post_save
from django.dispatch import receiver

from peninsula.core import cache_version
from peninsula.taxonomy.models import TAXONOMIES

_TIMEOUT = 300


def _key(model) -> str:
    return cache_version.key("terms", model._meta.label_lower)


def all_terms(model) -> list:
    """The model's terms in their menu order (sort order, then name)."""
    terms = cache.get(_key(model))
    if terms is None:
        terms = list(model.objects.order_by("sort_order", "name"))
        cache.set(_key(model), terms, _TIMEOUT)
    return terms


def term_by_slug(model, slug: str):
    """The term with this slug, or None."""
    return next((term for term in all_terms(model) if term.slug == slug), None)


def _forget(sender, **kwargs):
    cache_version.forget()  # term pages, listings' filter bars and counts name terms too


for _model in TAXONOMIES.values():
    receiver(post_save, sender=_model, dispatch_uid=f"terms-saved-{_model.__name__}")(_forget)
    receiver(post_delete, sender=_model, dispatch_uid=f"terms-deleted-{_model.__name__}")(_forget)
