"""Search and reference indexes for imported content, brought up to date in one go.

Wagtail updates both after every single save, through one background task per object.
For thousands of imported pages that is the larger part of the import's time, so the
import turns those per-save updates off while it runs and queues one task instead, which
indexes everything it touched in bulk.
"""

from contextlib import contextmanager

from django.apps import apps
from django.db.models.signals import post_save
from modelcluster.models import get_all_child_relations
from modelsearch import index as search_index
from modelsearch.signal_handlers import post_save_signal_handler
from wagtail.models import Page
from wagtail.signal_handlers import disable_reference_index_auto_update

from peninsula.pagewriter.indexes import AdminSearchIndex, load_streams, update_references
from peninsula.publishing.actions import archive_changed
from peninsula.search.actions import index_term
from peninsula.search.signals import indexing_suspended
from peninsula.taxonomy.models import BaseTaxonomy


@contextmanager
def per_save_indexing_off():
    """While importing: no per-save search or reference-index updates (this process only)."""
    models = [
        model
        for model in search_index.get_indexed_models()
        if getattr(model, "search_auto_update", True)
    ]
    disconnected = [
        model for model in models if post_save.disconnect(post_save_signal_handler, sender=model)
    ]
    try:
        with disable_reference_index_auto_update(), indexing_suspended():
            yield
    finally:
        for model in disconnected:
            post_save.connect(post_save_signal_handler, sender=model)


def index_objects(objects: dict[str, list[int]], progress=None):
    """Index {"app_label.model": [ids]} for search (in bulk) and in the reference index.

    `progress(stage, done, total)`, where given, hears of each batch: "Indexing" for the
    admin search and reference indexes, then "Site search" once its entries are written."""
    report = progress or (lambda stage, done, total: None)
    total, done = sum(len(ids) for ids in objects.values()), 0
    admin_search = AdminSearchIndex()
    page_ids = [
        pk for label, ids in objects.items() if issubclass(apps.get_model(label), Page)
        for pk in ids
    ]  # fmt: skip
    for label, ids in objects.items():
        model = apps.get_model(label)
        if issubclass(model, BaseTaxonomy):
            for term in model.objects.filter(pk__in=ids):
                index_term(term)
        # Child relations (authors, comments) fetched per batch, not per object.
        relations = [relation.get_accessor_name() for relation in get_all_child_relations(model)]
        for start in range(0, len(ids), 500):
            queryset = model.objects.filter(pk__in=ids[start : start + 500])
            batch = list(queryset.prefetch_related(*relations))
            load_streams(model, batch)
            if issubclass(model, search_index.Indexed):
                admin_search.add(model, batch)
            update_references(model, batch)
            done += len(batch)
            report("Indexing", done, total)
    admin_search.finish()
    # The site's search, the cached figures and the front-end cache through the one path
    # every bulk writer takes (publishing.actions), in this process: worker processes are
    # for `search reindex` only (search/parallel.py). An import sends no digests.
    report("Site search", 0, len(page_ids))
    archive_changed(published_ids=page_ids, digests=False)
    report("Site search", len(page_ids), len(page_ids))
