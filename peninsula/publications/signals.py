"""Keep the published count in step with the page tree."""

from django.db.models.signals import post_delete
from django.dispatch import receiver
from wagtail.signals import page_published, page_unpublished, post_page_move

from peninsula.publications.counts import refresh_published_count
from peninsula.publications.models import PublicationPage


@receiver(page_published)
@receiver(page_unpublished)
def _on_publish_change(sender, instance, **kwargs):
    if isinstance(instance, PublicationPage):
        refresh_published_count()


@receiver(post_page_move)
def _on_move(sender, instance, parent_page_after=None, **kwargs):
    if issubclass(sender, PublicationPage) and parent_page_after is not None:
        PublicationPage.objects.filter(pk=instance.pk).update(series_page_id=parent_page_after.pk)
    refresh_published_count()


@receiver(post_delete)
def _on_delete(sender, instance, **kwargs):
    if isinstance(instance, PublicationPage):
        refresh_published_count()
