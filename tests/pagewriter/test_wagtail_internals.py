"""Every private Wagtail, treebeard, modelcluster and modelsearch API the page writer uses
(peninsula/pagewriter/wagtail_internals.py), each on a tiny example.

After an upgrade of one of them, a failure here names the API that changed: read the
library's new source, then change wagtail_internals.py (and nothing else) to match.
"""

import inspect

import pytest
from django.contrib.contenttypes.models import ContentType
from wagtail.models import Page, ReferenceIndex
from wagtail.search.backends import get_search_backends
from wagtail.search.models import IndexEntry

from peninsula.pagewriter import wagtail_internals
from peninsula.publications.models import ArticlePage, PublicationAuthor
from tests import factories

pytestmark = pytest.mark.django_db


def test_treebeard_path_steps():
    """treebeard's MP_Node._int2str/_str2int and its `alphabet`/`steplen` settings."""
    for name in ("_int2str", "_str2int"):
        assert callable(getattr(Page, name, None)), f"treebeard MP_Node.{name} is gone"
    assert (Page.steplen, len(Page.alphabet)) == (4, 36), "treebeard's path steps changed"
    assert wagtail_internals.steps_per_parent() == 36**4
    assert wagtail_internals.child_path("00010002", 36) == "000100020010", "MP_Node._int2str"
    assert wagtail_internals.step_of("000100020010") == 36, "MP_Node._str2int"
    home = factories.SeriesPageFactory()
    first, second = (factories.ArticlePageFactory(series=home) for _ in range(2))
    # What treebeard itself gives a parent's children.
    assert first.path == wagtail_internals.child_path(home.path, 1), "treebeard's child paths"
    assert wagtail_internals.step_of(second.path) == 2, "treebeard's child paths"


def test_modelcluster_knows_which_child_relations_were_filled_in():
    """modelcluster's `instance._cluster_related_objects`: the relations set in memory."""
    page = ArticlePage(title="In memory")
    assert getattr(page, "_cluster_related_objects", {}) == {}
    page.authors = [PublicationAuthor(sort_order=0)]
    assert "authors" in page._cluster_related_objects, "modelcluster _cluster_related_objects"
    wagtail_internals.empty_unset_child_relations(page)
    assert len(page.authors.all()) == 1  # kept
    for name, related in page._cluster_related_objects.items():
        if name != "authors":
            assert list(related) == [], name


def test_reference_index_private_helpers_give_the_rows_wagtail_writes():
    """ReferenceIndex._extract_references_from_object and _get_content_path_hash give the
    rows of the public create_or_update_for_object."""
    for name in ("_extract_references_from_object", "_get_content_path_hash"):
        assert callable(getattr(ReferenceIndex, name, None)), f"ReferenceIndex.{name} is gone"
    person = factories.PersonPageFactory()
    article = ArticlePage.objects.get(pk=factories.ArticlePageFactory(authors=[person]).pk)
    ReferenceIndex.objects.all().delete()
    ReferenceIndex.create_or_update_for_object(article)
    theirs = set(
        ReferenceIndex.objects.filter(object_id=str(article.pk)).values_list(
            "to_content_type_id", "to_object_id", "model_path", "content_path", "content_path_hash"
        )
    )
    ours = {
        (*reference, wagtail_internals.content_path_hash(reference[3]))
        for reference in wagtail_internals.references_of(article)
    }
    person_type = ContentType.objects.get_for_model(Page).pk
    assert (person_type, str(person.pk)) in {(row[0], row[1]) for row in ours}
    assert ours == theirs, "ReferenceIndex's private helpers changed"


def test_modelsearch_index_internals_used_by_the_admin_search_writer():
    """modelsearch's database index: `entries`, `write_connection`, `_refresh_title_norms`,
    its ObjectIndexer (`prepare_field`, `as_vector`, the configs), `get_content_type_pk`."""
    from modelsearch import utils

    assert callable(getattr(utils, "get_content_type_pk", None)), "get_content_type_pk is gone"
    for backend in get_search_backends():
        index = backend.get_index_for_model(ArticlePage)
        name = f"{type(index).__module__}.{type(index).__qualname__}"
        assert wagtail_internals.search_writer_for(index), f"no bulk writer for {name}"
        for attribute in ("entries", "write_connection", "backend", "_refresh_title_norms"):
            assert hasattr(index, attribute), f"modelsearch {name}.{attribute} is gone"
        module = inspect.getmodule(type(index))
        indexer = getattr(module, "ObjectIndexer", None)
        assert indexer is not None, f"modelsearch {module.__name__}.ObjectIndexer is gone"
        for attribute in ("prepare_field", "title", "autocomplete", "body", "id"):
            assert hasattr(indexer, attribute), f"modelsearch ObjectIndexer.{attribute} is gone"
        parameters = list(inspect.signature(indexer.prepare_field).parameters)
        assert parameters == ["self", "obj", "field"], "ObjectIndexer.prepare_field changed"
        if "postgres" in name:
            assert hasattr(indexer, "as_vector") and hasattr(indexer, "title_text")
            assert {"config", "autocomplete_config"} <= set(vars(indexer(_page(), backend)))


def test_bulk_admin_search_rows_are_those_of_add_bulk_and_norms_refresh():
    """The rows written through the internals are those modelsearch's `add_bulk` writes, and
    `_refresh_title_norms` still sets the title factor of entries left at 1.0."""
    from peninsula.pagewriter.indexes import AdminSearchIndex

    pages = [factories.ArticlePageFactory(title=title) for title in ("Short", "A longer title")]
    pages = list(ArticlePage.objects.filter(pk__in=[page.pk for page in pages]).order_by("pk"))
    articles = ContentType.objects.get_for_model(ArticlePage).pk
    columns = ["object_id", "title", "autocomplete", "body"]

    def rows():
        return set(IndexEntry.objects.filter(content_type_id=articles).values_list(*columns))

    IndexEntry.objects.all().delete()
    for backend in get_search_backends():
        backend.add_bulk(ArticlePage, pages)
    theirs = rows()
    IndexEntry.objects.all().delete()
    index = AdminSearchIndex()
    index.add(ArticlePage, pages)
    assert rows() == theirs, "modelsearch's add_items writes other rows now"
    assert set(IndexEntry.objects.values_list("title_norm", flat=True)) == {1.0}
    index.finish()  # _refresh_title_norms
    norms = set(IndexEntry.objects.values_list("title_norm", flat=True))
    assert len(norms) == 2, "modelsearch's _refresh_title_norms no longer sets title_norm"


def _page():
    return ArticlePage(title="x")
