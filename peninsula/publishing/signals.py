"""Wagtail's page signals, each handed to the action in actions.py that says what follows."""

from django.db.models.signals import post_delete
from django.dispatch import receiver
from wagtail.models import Page
from wagtail.signals import page_published, page_slug_changed, page_unpublished, post_page_move

from peninsula.publishing import actions


@receiver(page_published, dispatch_uid="publishing-published")
def _published(sender, instance, revision=None, **kwargs):
    actions.page_published(instance, revision)


@receiver(page_unpublished, dispatch_uid="publishing-unpublished")
def _unpublished(sender, instance, **kwargs):
    actions.page_unpublished(instance)


@receiver(post_page_move, dispatch_uid="publishing-moved")
def _moved(sender, instance, url_path_before=None, parent_page_before=None, **kwargs):
    actions.page_moved(
        instance, url_path_before, parent_page_before, kwargs.get("parent_page_after")
    )


@receiver(page_slug_changed, dispatch_uid="publishing-slug-changed")
def _slug_changed(sender, instance, **kwargs):
    actions.page_moved(instance)


# A sender named: a receiver for every model would stop Django from deleting rows in bulk
# anywhere (it must then load each row to send the signal).
@receiver(post_delete, sender=Page, dispatch_uid="publishing-deleted")
def _deleted(sender, instance, **kwargs):
    actions.page_deleted(instance)
