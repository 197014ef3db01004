"""peninsula.publishing.actions: what a publish, and a bulk write, set in motion."""

import pytest

from peninsula.publications.counts import published_count
from peninsula.publications.models import PublicationPage
from peninsula.publishing.actions import archive_changed
from peninsula.search.models import SearchDocument
from tests import factories

pytestmark = pytest.mark.django_db


def test_archive_changed_indexes_counts_and_forgets_what_a_bulk_writer_wrote(series):
    """A bulk writer writes rows behind Wagtail's back; archive_changed catches up."""
    page = factories.ArticlePageFactory(series=series, live=False)
    assert published_count() == 0
    PublicationPage.objects.filter(pk=page.pk).update(live=True)
    assert published_count() == 0  # remembered until told
    archive_changed(published_ids=[page.pk])
    assert published_count() == 1
    assert SearchDocument.objects.filter(key__endswith=str(page.pk), kind="publication").exists()

    PublicationPage.objects.filter(pk=page.pk).update(live=False)
    archive_changed(unpublished_ids=[page.pk])
    assert published_count() == 0
    assert not SearchDocument.objects.filter(kind="publication").exists()
