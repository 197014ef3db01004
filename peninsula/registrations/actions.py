"""Every change to a registration: registering, cancelling (which gives the first person
waiting the freed place), and the reminders. Views, the reminder command, the worker and
the tests all call these.

Each runs in one transaction with the event's row locked (SELECT ... FOR UPDATE on
PostgreSQL; SQLite lets one writer in at a time), so two people taking the last place at
once cannot both get it. Emails are queued once the transaction has committed.
"""

from __future__ import annotations

from datetime import timedelta

from django.conf import settings
from django.db import transaction
from django.db.models import F
from django.utils import timezone

from peninsula.registrations.models import Registration

Status = Registration.Status


class RegistrationClosed(Exception):
    """The event takes no registrations here, or has started."""


class EventFull(Exception):
    """Every place is taken and the event has no waiting list."""


def _locked_event(event_id):
    from peninsula.publications.models import EventPage

    return EventPage.objects.select_for_update(of=("self",)).get(pk=event_id)


def places_left(event) -> int | None:
    """Free places, or None when the event has no limit."""
    if event.capacity is None:
        return None
    taken = Registration.objects.filter(event_id=event.pk).confirmed().count()
    return max(event.capacity - taken, 0)


def _queue_email(registration: Registration, kind: str, base: str | None) -> None:
    from peninsula.registrations.tasks import send_registration_email

    transaction.on_commit(
        lambda: send_registration_email.enqueue(registration.pk, kind, base or "")
    )


def register(
    event, *, name: str, email: str, organisation: str = "", answers=None, base=None
) -> Registration:
    """A place for `email` at `event`, or a place on its waiting list when it is full.

    Registering again with the same address sends the same registration's email again
    rather than taking a second place. Raises RegistrationClosed or EventFull."""
    email = email.strip().lower()
    with transaction.atomic():
        event = _locked_event(event.pk)
        if not event.registration_open:
            raise RegistrationClosed
        existing = Registration.objects.active().filter(event_id=event.pk, email=email).first()
        if existing is not None:
            _queue_email(existing, existing.status, base)
            return existing
        free = places_left(event)
        if free is None or free > 0:
            status = Status.CONFIRMED
        elif event.waiting_list:
            status = Status.WAITING
        else:
            raise EventFull
        registration = Registration.objects.create(
            event_id=event.pk,
            name=name.strip(),
            email=email,
            organisation=organisation.strip(),
            answers=answers or {},
            status=status,
        )
        _queue_email(registration, status, base)
    return registration


def cancel(registration_id: int, base=None) -> Registration | None:
    """Cancel a registration; a place it held goes to the first person waiting.
    Cancelling twice is harmless. None when there is no such registration."""
    with transaction.atomic():
        registration = Registration.objects.filter(pk=registration_id).first()
        if registration is None:
            return None
        event = _locked_event(registration.event_id)
        registration.refresh_from_db()
        if registration.status == Status.CANCELLED:
            return registration
        held_a_place = registration.status == Status.CONFIRMED
        registration.status = Status.CANCELLED
        registration.cancelled_at = timezone.now()
        registration.save(update_fields=["status", "cancelled_at"])
        _queue_email(registration, "cancelled", base)
        if held_a_place:
            promote_waiting(event, base)
    return registration


def promote_waiting(event, base=None) -> list[Registration]:
    """Give free places to the people waiting, first come first served. Called inside the
    transaction that freed them (a cancellation) or after an editor raised the capacity."""
    if event.starts_at is not None and event.starts_at <= timezone.now():
        return []  # too late to come
    free = places_left(event)
    waiting = Registration.objects.filter(event_id=event.pk).waiting()
    promoted = list(waiting if free is None else waiting[:free])
    now = timezone.now()
    for registration in promoted:
        registration.status = Status.CONFIRMED
        registration.promoted_at = now
        registration.save(update_fields=["status", "promoted_at"])
        _queue_email(registration, "promoted", base)
    return promoted


def fill_freed_places(event_id: int) -> list[Registration]:
    """promote_waiting in a transaction of its own (after an editor changed the capacity)."""
    with transaction.atomic():
        return promote_waiting(_locked_event(event_id))


def due_reminders(now=None):
    """Confirmed registrations for events starting within PENINSULA_REMINDER_HOURS that
    have had no reminder, leaving out those made inside that window (their confirmation
    has just told them)."""
    now = now or timezone.now()
    window = timedelta(hours=settings.PENINSULA_REMINDER_HOURS)
    return (
        Registration.objects.confirmed()
        .filter(
            reminded_at__isnull=True,
            event__starts_at__gt=now,
            event__starts_at__lte=now + window,
            event__live=True,
            created_at__lte=F("event__starts_at") - window,
        )
        .select_related("event")
    )


def send_reminders(now=None) -> int:
    """Queue the reminder of every registration due one; each is marked first, so a
    reminder goes out once however often this runs. Returns how many were queued."""
    now = now or timezone.now()
    count = 0
    for registration in due_reminders(now):
        with transaction.atomic():
            marked = Registration.objects.filter(
                pk=registration.pk, reminded_at__isnull=True, status=Status.CONFIRMED
            ).update(reminded_at=now)
            if marked:
                _queue_email(registration, "reminder", None)
                count += 1
    return count
