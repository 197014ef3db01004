"""Search and reference indexes for imported content, brought up to date in one go.

Wagtail updates both after every single save, through one background task per object.
For thousands of imported pages that is the larger part of the import's time, so the
import turns those per-save updates off while it runs and queues one task instead, which
indexes everything it touched in bulk.
"""

from contextlib import contextmanager

from django.apps import apps
from django.contrib.contenttypes.models import ContentType
from django.db import connection
from django.db.models.signals import post_save
from modelcluster.models import get_all_child_relations
from modelsearch import index as search_index
from modelsearch.signal_handlers import post_save_signal_handler
from wagtail.fields import StreamField
from wagtail.models import Page, ReferenceIndex
from wagtail.signal_handlers import disable_reference_index_auto_update

from peninsula.importers.admin_search import AdminSearchIndex
from peninsula.search.actions import index_pages, index_term
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
    # The site's search in this process: worker processes are for `search reindex` only
    # (search/parallel.py).
    report("Site search", 0, len(page_ids))
    index_pages(page_ids)
    report("Site search", len(page_ids), len(page_ids))


def load_streams(model, objects: list):
    """Turn the StreamFields of a batch into block values together, not object by object.

    Both indexes walk every block of a body; left lazy, each body would look up its images
    in a query of its own. StreamBlock.bulk_to_python converts all the batch's bodies at once
    (one image query for the batch) into the values the lazy path would have given.
    """
    for field in model._meta.concrete_fields:
        if isinstance(field, StreamField) and objects:
            streams = [list(getattr(obj, field.name).raw_data) for obj in objects]
            for obj, value in zip(objects, field.stream_block.bulk_to_python(streams), strict=True):
                setattr(obj, field.name, value)


def update_references(model, objects: list):
    """ReferenceIndex.create_or_update_for_object for many objects of one model, in 3 queries.

    The same rows as Wagtail's per-object method: references found on each object are
    added, those recorded for the model (or a parent model) but no longer found are deleted.
    """
    if not objects:
        return
    content_types = [
        ContentType.objects.get_for_model(level, for_concrete_model=False)
        for level in [model, *model._meta.get_parent_list()]
    ]
    content_type, base_content_type = content_types[0], content_types[-1]
    known_ids = {ct.pk for ct in content_types}
    found = {
        str(obj.pk): set(ReferenceIndex._extract_references_from_object(obj)) for obj in objects
    }
    existing: dict[str, dict[tuple, tuple[int, int]]] = {}
    rows = ReferenceIndex.objects.filter(
        base_content_type=base_content_type, object_id__in=list(found)
    ).values_list(
        "id", "content_type_id", "object_id", "to_content_type", "to_object_id", "model_path",
        "content_path",
    )  # fmt: skip
    for pk, ct_id, object_id, to_ct, to_id, model_path, content_path in rows:
        existing.setdefault(object_id, {})[(to_ct, to_id, model_path, content_path)] = (ct_id, pk)
    new, stale = [], []
    for object_id, references in found.items():
        recorded = existing.get(object_id, {})
        for to_ct, to_id, model_path, content_path in references - set(recorded):
            new.append(
                ReferenceIndex(
                    content_type=content_type,
                    base_content_type=base_content_type,
                    object_id=object_id,
                    to_content_type_id=to_ct,
                    to_object_id=to_id,
                    model_path=model_path,
                    content_path=content_path,
                    content_path_hash=ReferenceIndex._get_content_path_hash(content_path),
                )
            )
        stale += [
            pk for reference, (ct_id, pk) in recorded.items()
            if reference not in references and ct_id in known_ids
        ]  # fmt: skip
    options = {"ignore_conflicts": True} if connection.features.supports_ignore_conflicts else {}
    ReferenceIndex.objects.bulk_create(new, batch_size=500, **options)
    if stale:
        ReferenceIndex.objects.filter(id__in=stale).delete()
