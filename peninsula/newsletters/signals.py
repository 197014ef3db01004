"""Keep the cached sign-up box fresh, and forget a deleted subscriber's address.

As-published digests are queued by peninsula.publishing.actions when pages go live."""

from django.core.cache import cache
from django.db.models.signals import post_delete, post_save, pre_delete
from django.dispatch import receiver

from peninsula.core import cache_version
from peninsula.newsletters.models import MailingList


def public_lists():
    """(id, name, description) of the public lists; cached, so pages cost no extra query."""
    key = cache_version.key("newsletters", "public-lists")
    value = cache.get(key)
    if value is None:
        value = list(
            MailingList.objects.filter(public=True).values_list("pk", "name", "description")
        )
        cache.set(key, value, 300)
    return value


@receiver([post_save, post_delete], sender=MailingList, dispatch_uid="newsletters-lists")
def forget_public_lists(**kwargs):
    cache_version.forget()


@receiver(pre_delete, sender="newsletters.Subscriber", dispatch_uid="newsletters-forget")
def forget_on_delete(sender, instance, **kwargs):
    """Deleting a subscriber anywhere (the admin included) forgets the person: campaign
    reports keep their counts, but no longer the address."""
    from peninsula.newsletters.models import Delivery

    Delivery.objects.filter(subscriber=instance).update(email="")
