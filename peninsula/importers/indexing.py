"""Search and reference indexes for imported content, brought up to date in one go.

Wagtail updates both after every single save, through one background task per object.
For thousands of imported pages that is the larger part of the import's time, so the
import turns those per-save updates off while it runs and queues one task instead, which
indexes everything it touched in bulk.
"""

from contextlib import contextmanager

from django.apps import apps
from django.db.models.signals import post_save
from modelsearch import index as search_index
from modelsearch.signal_handlers import post_save_signal_handler
from wagtail.models import ReferenceIndex
from wagtail.search.backends import get_search_backends
from wagtail.signal_handlers import disable_reference_index_auto_update


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
        with disable_reference_index_auto_update():
            yield
    finally:
        for model in disconnected:
            post_save.connect(post_save_signal_handler, sender=model)


def index_objects(objects: dict[str, list[int]]):
    """Index {"app_label.model": [ids]} for search (in bulk) and in the reference index."""
    for label, ids in objects.items():
        model = apps.get_model(label)
        for start in range(0, len(ids), 500):
            batch = list(model.objects.filter(pk__in=ids[start : start + 500]))
            if issubclass(model, search_index.Indexed):
                for backend in get_search_backends():
                    backend.add_bulk(model, batch)
            for obj in batch:
                ReferenceIndex.create_or_update_for_object(obj)
