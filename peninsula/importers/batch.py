"""New publications written in batches, straight into the tables, as real Wagtail pages.

`add_child` costs about 20 ms a page: validation, a query per check, one INSERT per table
level, a parent UPDATE, then a revision, a log entry and the revision pointers in further
queries. New posts instead are collected here, each with its page id (reserved up front, so
links from later posts can point at it at once), its treebeard path after the series' last
child, its url_path, locale, and the denormalised `is_live`/`series_page` that
`PublicationPage.save` would have set. `flush` then writes a whole batch with one INSERT
per table level, per revision, per log entry and per relation table, and moves each parent
series' `numchild` on. The rows are those `add_child` + `Revision` + `log` would have written.

Updates of already imported pages, standard pages, people and series keep the ordinary
per-object path: they are few, or their parents are not known in advance.
"""

from __future__ import annotations

from collections import Counter

from django.contrib.contenttypes.models import ContentType
from django.db import connection
from django.db.models import F
from django.utils import timezone
from modelcluster.models import get_all_child_m2m_relations, get_all_child_relations
from wagtail.models import Page, PageLogEntry, PageViewRestriction, Revision

from peninsula.importers import rows
from peninsula.importers.models import ImportedItem
from peninsula.publications.generate import _next_index

BATCH_SIZE = 500
ID_BLOCK = 500


class PageBatch:
    """Publications waiting to be written, and the bookkeeping rows that go with them."""

    def __init__(self, size: int | None = None):
        self.size = size or BATCH_SIZE
        self.pages: list = []  # (page, parent)
        self.restrictions: list[PageViewRestriction] = []
        self.items: list[ImportedItem] = []
        self.free_ids: list[int] = []
        self.next_index: dict[int, int] = {}  # parent id -> treebeard step of its next child
        self.added: Counter = Counter()  # parent id -> children added since the last flush

    def __len__(self):
        return len(self.pages)

    def add(self, page, parent):
        """Place a new, filled-in page under `parent` and give it an id, path and revision."""
        page.id = self._reserve_id()
        for level in page._meta.get_parent_list():
            for field in level._meta.local_concrete_fields:
                if field.primary_key:
                    setattr(page, field.attname, page.id)
        for field in page._meta.local_concrete_fields:
            if field.primary_key:
                setattr(page, field.attname, page.id)
        index = self.next_index.get(parent.pk)
        if index is None:
            index = _next_index(parent)
        if index >= len(Page.alphabet) ** Page.steplen:
            raise OverflowError(f"Page {parent.pk} has no room for more children.")
        self.next_index[parent.pk] = index + 1
        self.added[parent.pk] += 1
        page.path = parent.path + Page._int2str(index).rjust(Page.steplen, "0")
        page.depth = parent.depth + 1
        page.numchild = 0
        page.url_path = f"{parent.url_path}{page.slug}/"
        page.locale_id = parent.locale_id
        page.draft_title = page.draft_title or page.title
        # What PublicationPage.save keeps in step.
        page.publication_type = page.kind
        page.is_live = page.live
        page.series_page_id = parent.pk
        # Child relations not filled in are empty on a new page: say so, so that
        # serializable_data does not ask the database for each.
        for relation in get_all_child_relations(page):
            name = relation.get_accessor_name()
            if name not in getattr(page, "_cluster_related_objects", {}):
                setattr(page, name, [])
        page._import_revision = Revision(
            content_type_id=_content_type_id(type(page)),
            base_content_type_id=_content_type_id(Page),
            object_id=str(page.id),
            approved_go_live_at=page.go_live_at,
            content=page.serializable_data(),
            object_str=str(page),
            created_at=timezone.now(),
        )
        self.pages.append((page, parent))

    def restrict(self, page, restriction_type: str, password: str):
        self.restrictions.append(
            PageViewRestriction(
                page_id=page.pk, restriction_type=restriction_type, password=password
            )
        )

    def remember(self, item: ImportedItem):
        self.items.append(item)

    def flush(self):
        if not self.pages and not self.items:
            return
        pages = [page for page, _ in self.pages]
        revisions = [page._import_revision for page in pages]
        logs = [
            PageLogEntry(
                content_type_id=_content_type_id(type(page)),
                label=page.get_admin_display_title(),
                action="wagtail.create",
                timestamp=timezone.now(),
                data={},
                user_id=page.owner_id,
                content_changed=True,
                page_id=page.pk,
            )
            for page in pages
        ]
        relations = self._relation_rows(pages)
        new_rows = {
            Revision: revisions,
            PageLogEntry: logs,
            PageViewRestriction: self.restrictions,
            ImportedItem: self.items,
            **relations,
        }
        # PostgreSQL: every table's ids in one query, then the rows by COPY.
        ids = rows.reserve_ids({m: len(o) for m, o in new_rows.items()}) if rows.uses_copy() else {}
        rows.create(Revision, revisions, ids.get(Revision))
        for page, revision in zip(pages, revisions, strict=True):
            page.latest_revision_id = revision.pk
            page.latest_revision_created_at = revision.created_at
            page.has_unpublished_changes = not page.live
            page.live_revision_id = revision.pk if page.live else None
            del page._import_revision
        by_model: dict[type, list] = {}
        for page in pages:
            by_model.setdefault(type(page), []).append(page)
        for model, objects in by_model.items():
            for level in [*reversed(model._meta.get_parent_list()), model]:
                rows.insert_level(level, objects)
        for page in pages:
            page._state.adding = False
            page._state.db = "default"
        for model, objects in new_rows.items():
            if model is not Revision:
                rows.create(model, objects, ids.get(model))
        parents = {parent.pk: parent for _, parent in self.pages}
        for parent_id, added in self.added.items():
            Page.objects.filter(pk=parent_id).update(numchild=F("numchild") + added)
            parents[parent_id].numchild += added
        self.pages, self.restrictions, self.items = [], [], []
        self.added.clear()

    def _relation_rows(self, pages) -> dict[type, list]:
        """Authors (child relations) and themes, regions, topics (M2M), per table."""
        found: dict[type, list] = {}
        for page in pages:
            for relation in get_all_child_relations(page):
                for child in getattr(page, relation.get_accessor_name()).all():
                    setattr(child, relation.field.attname, page.pk)
                    found.setdefault(relation.related_model, []).append(child)
            for field in get_all_child_m2m_relations(page):
                through = field.remote_field.through
                source, target = field.m2m_field_name(), field.m2m_reverse_field_name()
                found.setdefault(through, []).extend(
                    through(**{f"{source}_id": page.pk, f"{target}_id": term.pk})
                    for term in getattr(page, field.name).all()
                )
        return found

    def _reserve_id(self) -> int:
        if not self.free_ids:
            self.free_ids = _reserve_page_ids(max(ID_BLOCK, self.size))
        return self.free_ids.pop(0)


_CONTENT_TYPES: dict[type, int] = {}


def _content_type_id(model) -> int:
    if model not in _CONTENT_TYPES:
        _CONTENT_TYPES[model] = ContentType.objects.get_for_model(model).pk
    return _CONTENT_TYPES[model]


def _reserve_page_ids(count: int) -> list[int]:
    """Page ids nobody else will be given, also not by a concurrent add_child in this run."""
    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            cursor.execute(
                "SELECT nextval(pg_get_serial_sequence('wagtailcore_page', 'id'))"
                " FROM generate_series(1, %s)",
                [count],
            )
            return [row[0] for row in cursor.fetchall()]
        # SQLite (AUTOINCREMENT): move the table's sequence past the block, so that rows
        # added in between with add_child do not take these ids.
        cursor.execute("SELECT COALESCE(MAX(id), 0) FROM wagtailcore_page")
        highest = cursor.fetchone()[0]
        cursor.execute("SELECT seq FROM sqlite_sequence WHERE name = 'wagtailcore_page'")
        row = cursor.fetchone()
        first = max(highest, row[0] if row else 0) + 1
        last = first + count - 1
        if row:
            cursor.execute(
                "UPDATE sqlite_sequence SET seq = %s WHERE name = 'wagtailcore_page'", [last]
            )
        else:
            cursor.execute(
                "INSERT INTO sqlite_sequence (name, seq) VALUES ('wagtailcore_page', %s)", [last]
            )
        return list(range(first, last + 1))
