"""bench/generate.py writes pages through the bulk page writer; they must be real pages."""

import contextlib
import io

import pytest
from django.utils.html import escape
from wagtail.models import Page

from bench import generate as generator
from peninsula.publications.models import PublicationPage, PublicationType, SeriesPage
from peninsula.search.counts import published_count
from tests import factories

pytestmark = pytest.mark.django_db

# Large enough that every type turns up (the rarest is 7%: missing it is a 1e-9 chance).
COUNT = 300


def generate(count=COUNT, seed=1, *options):
    """`bench/generate.py --count COUNT --seed SEED`, in this process; what it printed."""
    out = io.StringIO()
    with contextlib.redirect_stdout(out):
        assert generator.main(["--count", str(count), "--seed", str(seed), *options]) == 0
    return out.getvalue()


def assert_tree_is_sound():
    assert Page.find_problems() == ([], [], [], [], [])
    paths = list(Page.objects.values_list("path", flat=True))
    assert len(paths) == len(set(paths))
    for series in SeriesPage.objects.all():
        assert series.numchild == series.get_children().count()


def test_creates_exactly_count_live_publications_of_every_type():
    output = generate()
    assert PublicationPage.objects.live().count() == COUNT
    assert set(PublicationPage.objects.values_list("publication_type", flat=True)) == set(
        PublicationType.values
    )
    for model in generator.type_models().values():
        assert model.objects.exists(), model
    assert f"Added {COUNT} publications" in output


def test_starter_scaffold_is_created_when_the_site_is_empty():
    generate(count=20)
    assert SeriesPage.objects.live().count() >= 1
    publication = PublicationPage.objects.first()
    assert publication.authors.exists()
    assert publication.themes.exists()


def test_uses_existing_series_when_there_are_some():
    series = factories.SeriesPageFactory(title="Only series")
    generate(count=50)
    assert PublicationPage.objects.child_of(series).count() == 50
    assert SeriesPage.objects.count() == 1


def test_tree_is_consistent():
    generate()
    assert_tree_is_sound()


def test_every_type_renders_and_has_a_working_url(client):
    generate()
    for model in generator.type_models().values():
        page = model.objects.first()
        assert isinstance(Page.objects.get(pk=page.pk).specific, model)
        series = page.get_parent()
        assert page.get_url() == f"{series.url}{page.slug}/"
        response = client.get(page.get_url())
        assert response.status_code == 200, model
        assert escape(page.title) in response.content.decode()  # "Washington's": &#x27;


def test_generated_pages_appear_in_listings(client):
    generate()
    newest = PublicationPage.objects.live().order_by("-date", "-pk").first()
    response = client.get("/publications/")
    assert response.status_code == 200
    assert escape(newest.title) in response.content.decode()
    assert f"{COUNT} publications found" in response.content.decode()


def test_generated_pages_can_be_edited_and_published(admin_client):
    generate(count=40)
    page = PublicationPage.objects.first().specific
    response = admin_client.get(f"/admin/pages/{page.pk}/edit/")
    assert response.status_code == 200
    page.title = "Edited in the admin"
    page.save_revision().publish()
    page.refresh_from_db()
    assert page.live and page.live_revision_id is not None
    assert page.title == "Edited in the admin"
    assert admin_client.get(page.url).status_code == 200
    assert_tree_is_sound()


def test_a_second_run_adds_more_without_breaking_paths():
    generate(count=120, seed=1)
    first_paths = set(Page.objects.values_list("path", flat=True))
    generate(count=80, seed=1)
    assert PublicationPage.objects.live().count() == 200
    assert first_paths < set(Page.objects.values_list("path", flat=True))
    assert_tree_is_sound()


def test_published_counter_matches():
    generate(count=70)
    assert published_count() == PublicationPage.objects.live().count() == 70
    generate(count=30)
    assert published_count() == 100


def test_rejects_a_count_below_one(capsys):
    with pytest.raises(SystemExit) as refused:
        generate(count=0)
    assert refused.value.code == 2  # argparse's usage error, before anything is written
    assert "--count must be at least 1" in capsys.readouterr().err
    assert not PublicationPage.objects.exists()


def test_generated_publications_are_searchable_unless_told_not_to():
    from peninsula.search.engine import search
    from peninsula.search.models import SearchDocument

    generate(count=40)
    assert SearchDocument.objects.filter(kind="publication").count() == 40
    first = PublicationPage.objects.live().first()
    assert first.pk in {
        int(hit.key.split(":")[1]) for hit in search(f'"{first.title}"', page_size=50).hits
    }
    generate(10, 1, "--no-index")
    assert SearchDocument.objects.filter(kind="publication").count() == 40
