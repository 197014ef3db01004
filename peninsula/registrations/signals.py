"""An editor who raises a full event's capacity (or turns on a waiting list's promotion by
publishing) gives the new places to those waiting, in order, as soon as it is published."""

from django.db import transaction


def fill_places_on_publish(sender, instance, **kwargs):
    if instance.takes_registrations:
        from peninsula.registrations.actions import fill_freed_places

        transaction.on_commit(lambda: fill_freed_places(instance.pk))
