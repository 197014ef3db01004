"""Bounces and complaints, whichever way they arrive: a permanent SMTP refusal while
sending, a provider's tracking webhook (django-anymail), or a delivery status notification
read from the bounce mailbox (see dsn.py and the read_bounces command).

A hard bounce or a complaint stops mail at once; soft bounces stop it after
PENINSULA_NEWSLETTER_SOFT_BOUNCE_LIMIT of them.
"""

from __future__ import annotations

import logging

from anymail.signals import tracking
from django.conf import settings
from django.db import transaction
from django.dispatch import receiver
from django.utils import timezone

from peninsula.newsletters.models import Delivery, Subscriber

logger = logging.getLogger(__name__)

KINDS = {"hard", "soft", "complaint"}


@transaction.atomic
def record_bounce(email: str, kind: str, *, reason: str = "", message_id: str = "") -> bool:
    """Count a bounce or complaint against an address. True if mail to it is now stopped."""
    if kind not in KINDS:
        raise ValueError(f"unknown bounce kind {kind!r}")
    if message_id:
        # Not only 'sent': a bounce proves the server kept an unconfirmed message.
        Delivery.objects.filter(
            message_id=message_id.strip("<>"), status__in=["sent", "handed_over", "unconfirmed"]
        ).update(status=Delivery.Status.BOUNCED, last_error=reason[:500])
    subscriber = Subscriber.objects.select_for_update().filter(email=email.strip().lower()).first()
    if subscriber is None:
        return False
    if kind == "complaint":
        subscriber.complaint_count += 1
    else:
        subscriber.bounce_count += 1
    stop = (
        kind in {"hard", "complaint"}
        or subscriber.bounce_count >= settings.PENINSULA_NEWSLETTER_SOFT_BOUNCE_LIMIT
    )
    if stop and subscriber.status != Subscriber.Status.SUPPRESSED:
        subscriber.status = Subscriber.Status.SUPPRESSED
        subscriber.suppressed_reason = f"{kind} {timezone.now():%Y-%m-%d}: {reason}"[:255]
        Delivery.objects.filter(subscriber=subscriber, status=Delivery.Status.QUEUED).update(
            status=Delivery.Status.BOUNCED, last_error="Stopped: the address bounced."
        )
    subscriber.save()
    return stop


# anymail's normalised event types, mapped to ours. Not 'deferred': the provider is still
# retrying, and only its final verdict ('bounced') counts.
ANYMAIL_KINDS = {
    "bounced": "hard",
    "rejected": "hard",
    "complained": "complaint",
}


@receiver(tracking, dispatch_uid="peninsula.newsletters.tracking")
def handle_tracking_event(sender, event, esp_name, **kwargs):
    if event.event_type == "unsubscribed" and event.recipient:
        from peninsula.newsletters.actions import unsubscribe_everything

        subscriber = Subscriber.objects.filter(email=event.recipient.lower()).first()
        if subscriber:
            unsubscribe_everything(subscriber, source=f"{esp_name} webhook")
        return
    kind = ANYMAIL_KINDS.get(event.event_type)
    if kind is None or not event.recipient:
        return
    reason = event.description or event.mta_response or event.reject_reason or ""
    record_bounce(event.recipient, kind, reason=str(reason), message_id=event.message_id or "")
