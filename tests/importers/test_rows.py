"""New rows by COPY on PostgreSQL: the same rows as the INSERT path writes."""

import re

import pytest
from django.db import connection, transaction
from wagtail.blocks import StreamValue
from wagtail.models import Page, PageLogEntry, PageViewRestriction, Revision

from peninsula.importers.actions import import_file
from peninsula.importers.models import ImportedItem
from peninsula.pagewriter import rows
from peninsula.publications.models import ArticlePage, PublicationAuthor, PublicationPage
from peninsula.taxonomy.models import Region, Theme, Topic
from tests.importers.conftest import CATEGORY, SITE, item, tag

pytestmark = pytest.mark.django_db

# Differ from run to run whichever way rows are written: ids, random keys, clock readings.
VOLATILE = {
    "id", "pk", "page_ptr", "translation_key", "created_at", "timestamp",
    "updated_at", "latest_revision_created_at", "uuid", "revision_id",
    "first_published_at", "last_published_at",  # now(), for the series and people pages
}  # fmt: skip


class _Undo(Exception):
    pass


def _items():
    return [
        item(1, "One", terms=CATEGORY + tag("nk", "North Korea")),
        item(2, "Two", status="draft"),
        item(3, "Three", status="private"),
        item(4, "Four", status="future", date="2031-01-01 09:00:00"),
        item(5, "Five", password="secret", body=f'<p><a href="{SITE}/2021/03/post-1/">one</a></p>'),
    ]


UUID = re.compile(r"[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}")
LINKED_ID = re.compile(r'id=(\\?)"(\d+)\\?"')


def _without_ids(value, names):
    """`value` with ids that differ from run to run replaced by what they stand for."""
    if isinstance(value, StreamValue):
        value = list(value.raw_data)
    if isinstance(value, str):  # block ids, and links in rich text (also inside JSON)
        value = UUID.sub("<uuid>", value)
        return LINKED_ID.sub(lambda m: f"id={m[1]}{names['page'].get(m[2])}", value)
    if isinstance(value, dict):
        found = {}
        for key, item in value.items():
            if key in VOLATILE or key.endswith("revision"):
                continue
            if key in {"page", "person", "series_page", "object_id"}:
                item = names["page"].get(item)
            elif key in {"themes", "regions", "topics"}:
                item = sorted(names[key].get(pk) for pk in item)
            found[key] = _without_ids(item, names)
        return found
    if isinstance(value, list):
        return [_without_ids(item, names) for item in value]
    return value


def _snapshot():
    titles = {pk: title for pk, title in Page.objects.values_list("pk", "title")}
    titles |= {str(pk): title for pk, title in titles.items()}
    terms = {
        f"{model._meta.model_name}_id": dict(model.objects.values_list("pk", "name"))
        for model in (Theme, Region, Topic)
    }
    names = {"page": titles, "themes": terms["theme_id"], "regions": terms["region_id"]}
    names["topics"] = terms["topic_id"]
    revisions = dict(Revision.objects.values_list("pk", "object_id"))
    tables = [Page, PublicationPage, ArticlePage, Revision, PageLogEntry, PageViewRestriction]
    tables += [ImportedItem, PublicationAuthor]
    tables += [getattr(PublicationPage, name).through for name in ("themes", "regions", "topics")]
    found = {}
    for model in tables:
        fields = model._meta.local_concrete_fields
        pages = {f.attname for f in fields if f.is_relation and issubclass(f.related_model, Page)}
        table = []
        for row in model._base_manager.values(*[field.attname for field in fields]):
            for name, value in list(row.items()):
                if name in {"latest_revision_id", "live_revision_id"}:
                    row[name] = titles.get(revisions.get(value))  # the page it is of
                elif name in pages:
                    row[name] = titles.get(value)
                elif name in terms:
                    row[name] = terms[name].get(value)
            table.append(repr(sorted(_without_ids(row, names).items())))
        found[model._meta.db_table] = sorted(table)
    return found


def _import_and_look(export, monkeypatch, copy: bool):
    monkeypatch.setattr(rows, "uses_copy", lambda: copy)
    try:
        with transaction.atomic():
            import_file(export(*_items()))
            raise _Undo(_snapshot())
    except _Undo as undo:
        return undo.args[0]


def test_copy_writes_the_rows_the_insert_path_writes(export, monkeypatch):
    if connection.vendor != "postgresql":
        assert not rows.uses_copy()  # COPY is PostgreSQL's; the rest of the suite covers INSERTs
        return
    by_copy = _import_and_look(export, monkeypatch, copy=True)
    by_insert = _import_and_look(export, monkeypatch, copy=False)
    assert len(by_copy["wagtailcore_page"]) > len(_items())  # the posts, series, person, ...
    assert len(by_copy["publications_publicationpage_themes"]) == 1
    for table, found in by_copy.items():
        assert found == by_insert[table], table


def test_reserved_ids_come_from_each_tables_sequence():
    if connection.vendor != "postgresql":
        assert not rows.uses_copy()  # ids come from the database as rows are inserted
        return
    ids = rows.reserve_ids({Revision: 3, ImportedItem: 2, PageLogEntry: 0})
    assert set(ids) == {Revision, ImportedItem}
    assert len(set(ids[Revision])) == 3 and len(ids[ImportedItem]) == 2
    revision = Revision.objects.create(
        content_type_id=1, base_content_type_id=1, object_id="1", content={}
    )
    assert revision.pk > max(ids[Revision])
