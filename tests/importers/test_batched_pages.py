"""New publications are written in batches: the tree, revisions and denormalised fields."""

import pytest
from wagtail.models import Page, PageLogEntry, PageViewRestriction, Revision

from peninsula.importers.actions import import_file
from peninsula.importers.models import ImportedItem
from peninsula.pagewriter import writer
from peninsula.people.models import PersonPage
from peninsula.publications.models import PublicationPage, SeriesPage
from peninsula.search.counts import published_count
from peninsula.taxonomy.models import Theme
from tests.importers.conftest import CATEGORY, HEADER, SITE, item, tag

pytestmark = pytest.mark.django_db

SECOND_AUTHOR = (
    "<wp:author><wp:author_login>kim</wp:author_login>"
    "<wp:author_display_name><![CDATA[Min Kim]]></wp:author_display_name></wp:author>\n"
)
PAPERS = '[categories]\nsecurity = { as = "series", name = "Papers", type = "report" }\n'


def _items():
    """Posts in two series, statuses of every kind, a page and a second author midway."""
    return [
        item(1, "One", terms=CATEGORY + tag("nk", "North Korea")),
        item(2, "Two", status="draft"),
        item(3, "Three", status="private", terms=CATEGORY),
        item(4, "Four", status="future", date="2031-01-01 09:00:00"),
        item(5, "About", post_type="page", slug="about"),
        item(6, "Six", author="kim", body=f'<p><a href="{SITE}/2021/03/post-7/">next</a></p>'),
        item(7, "Seven", password="secret"),
        item(8, "Eight", body=f'<p><a href="{SITE}/2021/03/post-1/">first</a></p>'),
    ]


@pytest.fixture
def small_batches(monkeypatch):
    """Batches of two, so that flushes happen between and around the other writes."""
    monkeypatch.setattr(writer, "BATCH_SIZE", 2)
    monkeypatch.setattr(writer, "ID_BLOCK", 3)


def _check_pages():
    assert Page.find_problems() == ([], [], [], [], [])
    for page in PublicationPage.objects.all():
        parent = page.get_parent()
        assert page.series_page_id == parent.pk and isinstance(parent.specific, SeriesPage)
        assert page.is_live == page.live
        assert page.url_path == f"{parent.url_path}{page.slug}/"
        assert page.locale_id == parent.locale_id and page.draft_title == page.title
        revisions = Revision.page_revisions.filter(object_id=str(page.pk))
        # One revision each; Six links forward, so the linking pass saved it once more.
        assert revisions.count() == (2 if page.title == "Six" else 1)
        revision = revisions.latest("created_at", "pk")
        assert page.latest_revision_id == revision.pk
        assert page.live_revision_id == (revision.pk if page.live else None)
        assert page.has_unpublished_changes == (not page.live)
        restored = revision.as_object()
        assert restored.title == page.title and restored.pk == page.pk
        specific = page.specific
        assert [a.person_id for a in restored.authors.all()] == [
            a.person_id for a in specific.authors.all()
        ]
        assert PageLogEntry.objects.filter(page=page, action="wagtail.create").count() == 1


def test_batched_pages_are_consistent_wagtail_pages(export, small_batches):
    report = import_file(export(*_items(), header=HEADER + SECOND_AUTHOR), mapping_text=PAPERS)
    assert report.created["publications"] == 7 and report.created["pages"] == 1
    _check_pages()
    numbers = {page.title: page for page in PublicationPage.objects.all()}
    assert numbers["One"].get_parent().title == "Papers"
    assert [t.name for t in numbers["One"].topics.all()] == ["North Korea"]
    assert not Theme.objects.exists()  # the category is a series in this mapping
    assert not numbers["Two"].live and numbers["Four"].specific.go_live_at.year == 2031
    assert numbers["Three"].view_restrictions.get().restriction_type == "login"
    assert numbers["Seven"].view_restrictions.get().restriction_type == "password"
    assert not numbers["One"].view_restrictions.exists()
    assert {p.title for p in PersonPage.objects.all()} == {"Jane Park", "Min Kim"}
    # The forward link from Six to Seven was fixed in the second pass, the backward one at once.
    six, eight = numbers["Six"].specific, numbers["Eight"].specific
    assert f'id="{numbers["Seven"].pk}"' in str(six.body.raw_data)
    assert f'id="{numbers["One"].pk}"' in str(eight.body.raw_data)
    assert PublicationPage.objects.filter(live=True).count() == 5
    # "Total Index" counts what readers can find: the two private posts are not in it.
    assert published_count() == PublicationPage.objects.live().public().count() == 3
    assert ImportedItem.objects.filter(kind="post").count() == 7
    ids = set(ImportedItem.objects.filter(kind="post").values_list("object_id", flat=True))
    assert ids == set(PublicationPage.objects.values_list("pk", flat=True))


def test_rerun_after_batched_import_updates_in_place(export, small_batches):
    first = export(*_items(), header=HEADER + SECOND_AUTHOR)
    import_file(first)
    pages = set(Page.objects.values_list("pk", flat=True))
    again = import_file(first)
    assert again.unchanged["publications"] == 7 and not again.created
    changed = [item(1, "One, revised"), *_items()[1:], item(9, "Nine")]
    later = import_file(export(*changed, header=HEADER + SECOND_AUTHOR, name="later.xml"))
    assert later.updated["publications"] == 1 and later.created["publications"] == 1
    assert pages < set(Page.objects.values_list("pk", flat=True))
    assert PublicationPage.objects.get(title="One, revised").pk in pages
    _check_pages_after_update()


def _check_pages_after_update():
    assert Page.find_problems() == ([], [], [], [], [])
    for page in PublicationPage.objects.all():
        assert page.series_page_id == page.get_parent().pk and page.is_live == page.live
        assert page.latest_revision_id == (
            Revision.page_revisions.filter(object_id=str(page.pk)).latest("created_at", "pk").pk
        )


def test_failed_batched_import_leaves_nothing(export, small_batches, monkeypatch):
    from peninsula.importers.loader import Loader

    def broken(self):
        raise RuntimeError("disk full")

    monkeypatch.setattr(Loader, "add_redirects", broken)
    with pytest.raises(RuntimeError):
        import_file(export(*_items(), header=HEADER + SECOND_AUTHOR))
    assert not PublicationPage.objects.exists() and not Revision.objects.exists()
    assert not PageViewRestriction.objects.exists()
    assert Page.find_problems() == ([], [], [], [], [])


def test_bulk_reference_index_matches_wagtails_per_object_index(export, uploads):
    """The import's bulk reference index writes the rows Wagtail's own method writes."""
    from wagtail.models import ReferenceIndex

    from tests.importers.conftest import attachment

    body = f'<p><img src="{SITE}/wp-content/uploads/2021/03/chart.png" class="wp-image-10"/>'
    body += f'<a href="{SITE}/2021/03/post-1/">one</a></p>'
    import_file(
        export(attachment(10, "2021/03/chart.png"), item(1, "One"), item(2, "Two", body=body)),
        uploads_dir=uploads,
    )
    columns = ("content_type", "base_content_type", "object_id", "to_content_type",
               "to_object_id", "model_path", "content_path")  # fmt: skip
    bulk = set(ReferenceIndex.objects.values_list(*columns))
    assert any(row[4] == str(_page_of(1)) for row in bulk)  # Two links to One
    ReferenceIndex.objects.all().delete()
    for page in PublicationPage.objects.all():
        ReferenceIndex.create_or_update_for_object(page.specific)
    per_object = set(ReferenceIndex.objects.values_list(*columns))
    pages = {str(pk) for pk in PublicationPage.objects.values_list("pk", flat=True)}
    assert {row for row in bulk if row[2] in pages} == per_object


def _page_of(post_id):
    return ImportedItem.objects.get(kind="post", source_id=str(post_id)).object_id
