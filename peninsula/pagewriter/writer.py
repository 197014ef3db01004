"""New pages written in batches, straight into the tables, as real Wagtail pages.

`add_child` costs about 20 ms a page: validation, a query per check, one INSERT per table
level, a parent UPDATE, then a revision, a log entry and the revision pointers in further
queries. `PageWriter.add` instead takes a filled-in page and its parent and gives the page
its id (reserved up front, so that later pages can link to it at once), its treebeard path
after the parent's last child, depth, url_path and locale, and the columns its model keeps
in step in `save()` (`set_denormalised_fields(parent_id)`, where the model has it).
`flush` then writes the whole batch: one COPY or INSERT per table level, per relation table,
for the revisions and log entries, and for any other rows given with `add_row`; then each
parent's `numchild` moves on. The rows are those `add_child` + `save_revision().publish()`
would have written; without `revisions`, those of a fixture load (no revision yet: the first
edit in the admin makes one).

The writer does not touch the search indexes, caches or counts: its callers call
`peninsula.publishing.actions.archive_changed` once the pages are written.
"""

from __future__ import annotations

import functools
from collections import Counter

from django.contrib.contenttypes.models import ContentType
from django.db.models import F
from django.utils import timezone
from modelcluster.models import get_all_child_m2m_relations, get_all_child_relations
from wagtail.models import Page, PageLogEntry, Revision

from peninsula.pagewriter import rows, wagtail_internals

BATCH_SIZE = 500
ID_BLOCK = 500  # page ids reserved at a time (at least a batch's worth)


class PageWriter:
    """New pages waiting to be written together, and the rows that go with them."""

    def __init__(self, size: int | None = None, *, revisions: bool = True):
        self.size = size or BATCH_SIZE
        self.revisions = revisions  # and a "created" log entry for each page
        self.pages: list = []  # (page, parent)
        self.extra: list = []  # rows of single-table models, written with the pages
        self.free_ids: list[int] = []
        self.next_step: dict[int, int] = {}  # parent id -> treebeard step of its next child
        self.added: Counter = Counter()  # parent id -> children added since the last flush
        self.written: list[int] = []  # ids of the pages written so far

    def __len__(self):
        return len(self.pages)

    def add(self, page, parent):
        """Place a new, filled-in page under `parent` and give it an id and a path."""
        page.id = self._reserve_id()
        for level in page._meta.get_parent_list():
            for field in level._meta.local_concrete_fields:
                if field.primary_key:
                    setattr(page, field.attname, page.id)
        for field in page._meta.local_concrete_fields:
            if field.primary_key:
                setattr(page, field.attname, page.id)
        step = self.next_step.get(parent.pk)
        if step is None:
            step = next_child_step(parent)
        if step >= wagtail_internals.steps_per_parent():
            raise OverflowError(f"Page {parent.pk} has no room for more children.")
        self.next_step[parent.pk] = step + 1
        self.added[parent.pk] += 1
        page.path = wagtail_internals.child_path(parent.path, step)
        page.depth = parent.depth + 1
        page.numchild = 0
        page.url_path = f"{parent.url_path}{page.slug}/"
        page.locale_id = parent.locale_id
        page.draft_title = page.draft_title or page.title
        if hasattr(page, "set_denormalised_fields"):
            page.set_denormalised_fields(parent.pk)
        wagtail_internals.empty_unset_child_relations(page)
        if self.revisions:
            page._writer_revision = Revision(
                content_type_id=_content_type_id(type(page)),
                base_content_type_id=_content_type_id(Page),
                object_id=str(page.id),
                approved_go_live_at=page.go_live_at,
                content=page.serializable_data(),
                object_str=str(page),
                created_at=timezone.now(),
            )
        else:
            page.has_unpublished_changes = not page.live
        self.pages.append((page, parent))

    def add_row(self, obj):
        """A row of a single-table model (a view restriction, an import record) to write with
        the pages; it may point at a page added already."""
        self.extra.append(obj)

    def flush(self):
        """Write what was added; afterwards the pages are ordinary saved model instances."""
        if not self.pages and not self.extra:
            return
        pages = [page for page, _ in self.pages]
        new_rows: dict[type, list] = {}
        if self.revisions:
            new_rows[Revision] = [page._writer_revision for page in pages]
            new_rows[PageLogEntry] = [_log_entry(page) for page in pages]
        children, links = self._relation_rows(pages)
        for model, objects in children.items():
            new_rows.setdefault(model, []).extend(objects)
        for obj in self.extra:
            new_rows.setdefault(type(obj), []).append(obj)
        # PostgreSQL: every table's ids in one query, then the rows by COPY.
        ids = rows.reserve_ids({m: len(o) for m, o in new_rows.items()}) if rows.uses_copy() else {}
        if self.revisions:
            rows.create(Revision, new_rows[Revision], ids.get(Revision))
            for page in pages:
                revision = page.__dict__.pop("_writer_revision")
                page.latest_revision_id = revision.pk
                page.latest_revision_created_at = revision.created_at
                page.has_unpublished_changes = not page.live
                page.live_revision_id = revision.pk if page.live else None
        by_model: dict[type, list] = {}
        for page in pages:
            by_model.setdefault(type(page), []).append(page)
        for model, objects in by_model.items():
            for level in [*reversed(model._meta.get_parent_list()), model]:
                rows.insert_level(level, objects)
        for model, objects in new_rows.items():
            if model is not Revision:
                rows.create(model, objects, ids.get(model))
        for (table, source, target), values in links.items():
            rows.insert_values(table, [source, target], values)
        parents = {parent.pk: parent for _, parent in self.pages}
        for parent_id, added in self.added.items():
            Page.objects.filter(pk=parent_id).update(numchild=F("numchild") + added)
            parents[parent_id].numchild += added
        self.written += [page.pk for page in pages]
        self.pages, self.extra = [], []
        self.added.clear()

    def _relation_rows(self, pages) -> tuple[dict[type, list], dict[tuple, list]]:
        """Child relations (authors) per model, and many-to-many links (themes...) as values
        per (link table, page column, other column)."""
        found: dict[type, list] = {}
        links: dict[tuple, list] = {}  # (table, source column, target column) -> values
        for page in pages:
            children, many = _relations(type(page))
            for name, related_model, attname in children:
                for child in getattr(page, name).all():
                    setattr(child, attname, page.pk)
                    found.setdefault(related_model, []).append(child)
            for name, table in many:
                links.setdefault(table, []).extend(
                    (page.pk, term.pk) for term in getattr(page, name).all()
                )
        return found, links

    def _reserve_id(self) -> int:
        if not self.free_ids:
            self.free_ids = rows.reserve_table_ids(Page, max(ID_BLOCK, self.size))
        return self.free_ids.pop(0)


@functools.cache
def _relations(model) -> tuple[list, list]:
    """A page model's child relations (accessor, related model, its link to the page) and
    many-to-many fields (name, (link table, page column, other column))."""
    children = [
        (relation.get_accessor_name(), relation.related_model, relation.field.attname)
        for relation in get_all_child_relations(model)
    ]
    many = [
        (
            field.name,
            (
                field.remote_field.through._meta.db_table,
                field.m2m_column_name(),
                field.m2m_reverse_name(),
            ),
        )
        for field in get_all_child_m2m_relations(model)
    ]
    return children, many


def next_child_step(parent: Page) -> int:
    """The treebeard step number after the parent's last child (1 for the first child)."""
    last = (
        Page.objects.filter(path__startswith=parent.path, depth=parent.depth + 1)
        .order_by("-path")
        .values_list("path", flat=True)
        .first()
    )
    return wagtail_internals.step_of(last) + 1 if last else 1


def _log_entry(page) -> PageLogEntry:
    return PageLogEntry(
        content_type_id=_content_type_id(type(page)),
        label=page.get_admin_display_title(),
        action="wagtail.create",
        timestamp=timezone.now(),
        data={},
        user_id=page.owner_id,
        content_changed=True,
        page_id=page.pk,
    )


def _content_type_id(model) -> int:
    return ContentType.objects.get_for_model(model).pk  # cached by Django
