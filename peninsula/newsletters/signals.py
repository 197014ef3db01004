"""Keep the cached sign-up box fresh, and send 'as published' digests when a page goes live."""

from django.core.cache import cache
from django.db import transaction
from django.db.models.signals import post_delete, post_save, pre_delete
from django.dispatch import receiver
from wagtail.signals import page_published

from peninsula.newsletters.models import MailingList

PUBLIC_LISTS_KEY = "peninsula:newsletters:public-lists"


def public_lists():
    """(id, name, description) of the public lists; cached, so pages cost no extra query."""
    value = cache.get(PUBLIC_LISTS_KEY)
    if value is None:
        value = list(
            MailingList.objects.filter(public=True).values_list("pk", "name", "description")
        )
        cache.set(PUBLIC_LISTS_KEY, value, 300)
    return value


@receiver([post_save, post_delete], sender=MailingList, dispatch_uid="newsletters-lists")
def forget_public_lists(**kwargs):
    cache.delete(PUBLIC_LISTS_KEY)


@receiver(page_published, dispatch_uid="newsletters-digest-on-publish")
def digest_on_publish(sender, instance, **kwargs):
    from peninsula.publications.models import PublicationPage

    if isinstance(instance, PublicationPage):
        from peninsula.newsletters.tasks import enqueue, send_digests

        transaction.on_commit(lambda: enqueue(send_digests, "as_published"))


@receiver(pre_delete, sender="newsletters.Subscriber", dispatch_uid="newsletters-forget")
def forget_on_delete(sender, instance, **kwargs):
    """Deleting a subscriber anywhere (the admin included) forgets the person: campaign
    reports keep their counts, but no longer the address."""
    from peninsula.newsletters.models import Delivery

    Delivery.objects.filter(subscriber=instance).update(email="")
