"""The editors' admin search is filled in bulk for imported content, as modelsearch would."""

import pytest
from django.contrib.contenttypes.models import ContentType
from django.db import connection
from wagtail.models import Page
from wagtail.search.backends import get_search_backends
from wagtail.search.models import IndexEntry

from peninsula.importers.actions import import_file
from peninsula.pagewriter import indexes, wagtail_internals
from peninsula.pagewriter.indexes import load_streams
from peninsula.publications.models import ArticlePage
from tests.importers.conftest import SITE, attachment, item

pytestmark = pytest.mark.django_db


def _export(export):
    body = (
        f'<p>Sanctions <img src="{SITE}/wp-content/uploads/2021/03/chart.png" '
        'class="wp-image-10"/></p><h2>Background</h2><ul><li>one</li></ul>'
    )
    return export(
        attachment(10, "2021/03/chart.png"),
        item(1, "Maritime sanctions explained", body=body),
        item(2, "Alliance politics", body="<p>Deterrence and the alliance.</p>"),
    )


def _columns():
    names = ["content_type_id", "object_id", "title", "autocomplete", "body"]
    if connection.vendor == "postgresql":
        names += ["title_text", "body_text"]
    return names


def test_admin_search_finds_imported_post_by_title(export, uploads):
    import_file(_export(export), uploads_dir=uploads)
    found = Page.objects.search("maritime")
    assert [page.title for page in found] == ["Maritime sanctions explained"]
    assert [page.title for page in ArticlePage.objects.autocomplete("allia")] == [
        "Alliance politics"
    ]


def test_bulk_admin_search_rows_match_modelsearch_add_bulk(export, uploads):
    """Each field read once, but the rows are those modelsearch's own add_bulk writes."""
    import_file(_export(export), uploads_dir=uploads)
    pages = list(ArticlePage.objects.order_by("pk"))
    assert len(pages) == 2
    ours = set(IndexEntry.objects.values_list(*_columns()))
    assert len({row[:2] for row in ours}) == IndexEntry.objects.count()
    IndexEntry.objects.all().delete()
    for backend in get_search_backends():
        backend.add_bulk(ArticlePage, pages)
    theirs = set(IndexEntry.objects.values_list(*_columns()))
    articles = ContentType.objects.get_for_model(ArticlePage).pk
    assert len(theirs) == 2
    assert {row for row in ours if row[0] == articles} == theirs


def test_reindexing_updates_entries_in_place(export, uploads):
    import_file(_export(export), uploads_dir=uploads)
    page = ArticlePage.objects.get(title="Alliance politics")
    ArticlePage.objects.filter(pk=page.pk).update(title="Coalition politics")
    page.refresh_from_db()
    before = IndexEntry.objects.count()
    index = indexes.AdminSearchIndex()
    index.add(ArticlePage, [page])
    index.finish()
    assert IndexEntry.objects.count() == before
    assert [p.title for p in Page.objects.search("coalition")] == ["Coalition politics"]
    assert [p.title for p in ArticlePage.objects.autocomplete("coalit")] == ["Coalition politics"]
    assert not ArticlePage.objects.autocomplete("allia")


def test_title_norms_refreshed_through_the_private_modelsearch_helper(export):
    """wagtail_internals.refresh_title_norms relies on modelsearch's private
    `_refresh_title_norms`; this fails if a modelsearch upgrade removes or renames it."""
    import_file(_export(export))
    for backend in get_search_backends():
        index = backend.get_index_for_model(ArticlePage)
        assert callable(getattr(index, "_refresh_title_norms", None))
    IndexEntry.objects.update(title_norm=1.0)
    for backend in get_search_backends():
        wagtail_internals.refresh_title_norms(backend.get_index_for_model(ArticlePage))
    norms = set(IndexEntry.objects.values_list("title_norm", flat=True))
    assert len(norms) > 1  # from the titles' lengths, no longer all 1.0


def test_load_streams_gives_the_values_of_the_lazy_path(export, uploads):
    import_file(_export(export), uploads_dir=uploads)
    lazy = list(ArticlePage.objects.order_by("pk"))
    loaded = list(ArticlePage.objects.order_by("pk"))
    load_streams(ArticlePage, loaded)
    for one, other in zip(lazy, loaded, strict=True):
        assert [(c.block_type, c.id, c.block.get_prep_value(c.value)) for c in one.body] == [
            (c.block_type, c.id, c.block.get_prep_value(c.value)) for c in other.body
        ]
        assert "image" in [c.block_type for c in lazy[0].body]
        assert one.body.get_prep_value() == other.body.get_prep_value()
