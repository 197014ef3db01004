"""Keep the series copy on moved publications in step with the page tree, and listing
counts in step with what is published.

The published count follows the search index, which refreshes it (peninsula.search.signals).
"""

from django.db.models.signals import post_delete
from django.dispatch import receiver
from wagtail.models import Page
from wagtail.signals import page_published, page_unpublished, post_page_move

from peninsula.publications.counts import forget_listing_counts
from peninsula.publications.models import PublicationPage
from peninsula.taxonomy.models import TAXONOMIES


@receiver(post_page_move)
def _on_move(sender, instance, parent_page_after=None, **kwargs):
    if issubclass(sender, PublicationPage) and parent_page_after is not None:
        PublicationPage.objects.filter(pk=instance.pk).update(series_page_id=parent_page_after.pk)


@receiver(page_published)
@receiver(page_unpublished)
@receiver(post_page_move)
@receiver(post_delete, sender=Page)  # a publication, a series or an author deleted
def _archive_changed(sender, **kwargs):
    forget_listing_counts()


for _model in TAXONOMIES.values():  # a term deleted takes its classifications with it
    post_delete.connect(_archive_changed, sender=_model, dispatch_uid=f"counts-{_model.__name__}")
