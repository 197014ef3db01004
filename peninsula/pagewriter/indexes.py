"""The editors' admin search and Wagtail's reference index, filled for many objects at once.

Wagtail updates both after every single save. For thousands of written pages that is the
larger part of the time, so bulk writers turn the per-save updates off and index what they
wrote here, a batch of objects at a time, with the rows the per-object methods write.
The private pieces this takes live in `wagtail_internals`; bench/pagewriter_indexes.py
times them against modelsearch's `add_bulk` and `ReferenceIndex.create_or_update_for_object`
(figures in docs/development.md, "Writing pages in bulk").
"""

from __future__ import annotations

from django.contrib.contenttypes.models import ContentType
from django.db import connection
from wagtail.fields import StreamField
from wagtail.models import ReferenceIndex
from wagtail.search.backends import get_search_backends

from peninsula.pagewriter import wagtail_internals


class AdminSearchIndex:
    """Writes `add_bulk`'s rows and remembers the indexes written, so that their title
    norms (the title-length factor of the ranking) are refreshed once, at the end."""

    def __init__(self):
        self.written: dict[int, object] = {}  # id(index) -> index

    def add(self, model, objects: list):
        """Index these objects of one model, as `backend.add_bulk(model, objects)` would."""
        if not objects or not model.get_search_fields():
            return
        for backend in get_search_backends():
            index = backend.get_index_for_model(model)
            writer = wagtail_internals.search_writer_for(index)
            if writer is None:
                backend.add_bulk(model, objects)
                continue
            writer(index, model, objects)
            self.written[id(index)] = index

    def finish(self):
        for index in self.written.values():
            wagtail_internals.refresh_title_norms(index)
        self.written.clear()


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
    found = {str(obj.pk): wagtail_internals.references_of(obj) for obj in objects}
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
                    content_path_hash=wagtail_internals.content_path_hash(content_path),
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
