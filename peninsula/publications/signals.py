"""Keep the series copy on moved publications in step with the page tree.

The published count follows the search index, which refreshes it (peninsula.search.signals).
"""

from django.dispatch import receiver
from wagtail.signals import post_page_move

from peninsula.publications.models import PublicationPage


@receiver(post_page_move)
def _on_move(sender, instance, parent_page_after=None, **kwargs):
    if issubclass(sender, PublicationPage) and parent_page_after is not None:
        PublicationPage.objects.filter(pk=instance.pk).update(series_page_id=parent_page_after.pk)
