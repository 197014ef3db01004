"""A campaign's life outside the sending loop: start, queue recipients in batches, recover
from crashed workers, finish, report, resend the unconfirmed.

Queuing writes one batch of Delivery rows per transaction and remembers how far it got
(`queued_up_to`), so 100,000 recipients never sit in one transaction and a queuer that dies
is resumed by the next sweep without adding anyone twice (the unique constraint backs it up).
"""

from __future__ import annotations

from datetime import timedelta

from django.conf import settings
from django.db import transaction
from django.db.models import Count, F, Q
from django.utils import timezone

from peninsula.newsletters.models import Batch, Campaign, Delivery, Subscriber


def _lease() -> timedelta:
    return timedelta(seconds=settings.PENINSULA_NEWSLETTER_LEASE_SECONDS)


def send_now(campaign: Campaign) -> bool:
    """Hand the campaign to the background workers. False if it was already on its way."""
    from peninsula.newsletters.tasks import enqueue, queue_campaign

    started = Campaign.objects.filter(
        pk=campaign.pk, status__in=[Campaign.Status.DRAFT, Campaign.Status.SCHEDULED]
    ).update(
        status=Campaign.Status.QUEUING,
        started_at=timezone.now(),
        queue_lease_until=timezone.now() + _lease(),
    )
    if started:
        transaction.on_commit(lambda: enqueue(queue_campaign, campaign.pk))
    return bool(started)


def schedule(campaign: Campaign, when) -> bool:
    return bool(
        Campaign.objects.filter(
            pk=campaign.pk, status__in=[Campaign.Status.DRAFT, Campaign.Status.SCHEDULED]
        ).update(status=Campaign.Status.SCHEDULED, send_at=when)
    )


def unschedule(campaign: Campaign) -> bool:
    return bool(
        Campaign.objects.filter(pk=campaign.pk, status=Campaign.Status.SCHEDULED).update(
            status=Campaign.Status.DRAFT, send_at=None
        )
    )


def recipients(campaign: Campaign):
    return recipients_of_lists(campaign.lists.all())


def recipients_of_lists(lists):
    """Confirmed subscribers on any of `lists` (ids or a queryset), each once."""
    through = Subscriber.lists.through
    on_lists = through.objects.filter(mailinglist__in=lists).values("subscriber")
    return Subscriber.objects.filter(status=Subscriber.Status.ACTIVE, pk__in=on_lists)


def count_recipients(list_ids) -> int:
    """How many people a send to these lists would reach now (the compose form's count)."""
    list_ids = list(list_ids)
    return recipients_of_lists(list_ids).count() if list_ids else 0


def problems(campaign: Campaign) -> list[str]:
    """What stops this campaign from being sent, in words for the editor (empty: none)."""
    found = []
    if not campaign.lists.exists():
        found.append("Choose at least one list for this campaign first.")
    items = list(campaign.items.select_related("publication").order_by("sort_order")[:1])
    if campaign.template != Campaign.Template.NEWSLETTER and not items:
        article = "An" if campaign.template == Campaign.Template.INVITATION else "A"
        found.append(f"{article} {campaign.get_template_display().lower()} needs a publication.")
    if campaign.template == Campaign.Template.INVITATION and items:
        from peninsula.publications.models import EventPage

        if not isinstance(items[0].publication.specific, EventPage):
            found.append("An event invitation's first publication must be an event.")
    return found


def queue_recipients(campaign_id: int) -> int:
    """Write the campaign's deliveries, a batch per transaction, then start the senders."""
    from peninsula.newsletters.emails import render_campaign
    from peninsula.newsletters.tasks import enqueue, send_lane

    size = settings.PENINSULA_NEWSLETTER_BATCH_SIZE
    queued = 0
    first = Campaign.objects.get(pk=campaign_id)
    if not first.rendered_html:
        from peninsula.newsletters.emails import LIVE
        from peninsula.newsletters.tracking import remember_links

        rendered = render_campaign(first, track=LIVE)
        if Campaign.objects.filter(pk=campaign_id, rendered_html="").update(
            rendered_html=rendered.html, rendered_text=rendered.text
        ):
            remember_links(campaign_id, rendered.links)
    while True:
        with transaction.atomic():
            campaign = Campaign.objects.select_for_update().get(pk=campaign_id)
            if campaign.status != Campaign.Status.QUEUING:
                return queued
            chunk = list(
                recipients(campaign)
                .filter(pk__gt=campaign.queued_up_to)
                .order_by("pk")
                .values_list("pk", "email")[:size]
            )
            # Queryset updates, not save(): a snippet's save() also queues Wagtail's
            # reference-index task, once per batch here, for nothing.
            if not chunk:
                Campaign.objects.filter(pk=campaign_id).update(status=Campaign.Status.SENDING)
                break
            batch = Batch.objects.create(campaign=campaign)
            Delivery.objects.bulk_create(
                [
                    Delivery(campaign=campaign, batch=batch, subscriber_id=pk, email=email)
                    for pk, email in chunk
                ],
                ignore_conflicts=True,
            )
            Campaign.objects.filter(pk=campaign_id).update(
                queued_up_to=chunk[-1][0], queue_lease_until=timezone.now() + _lease()
            )
            queued += len(chunk)
    lanes = settings.PENINSULA_NEWSLETTER_CONCURRENCY
    transaction.on_commit(lambda: [enqueue(send_lane, campaign_id) for _ in range(lanes)])
    finish_if_done(campaign_id)
    return queued


def finish_if_done(campaign_id: int) -> bool:
    open_batches = Batch.objects.filter(campaign_id=campaign_id).exclude(status=Batch.Status.DONE)
    if open_batches.exists():
        return False
    return bool(
        Campaign.objects.filter(pk=campaign_id, status=Campaign.Status.SENDING).update(
            status=Campaign.Status.SENT, finished_at=timezone.now()
        )
    )


ANSWER_LOST = (
    "The whole message reached the server, but the worker stopped before its answer: "
    "the server may have kept it or dropped it."
)


def recover_stalled(now=None) -> dict:
    """Run by every worker's sweeper: revive what a dead worker left behind.

    A batch whose lease ran out was held by a worker that died (or hung past its SMTP
    timeout); it goes back in the queue for a fresh sender. The one delivery the worker may
    have been sending is judged by how far it got (handover.py): still 'sending', the
    server never had it whole, so it is queued again; 'handed_over', the server had the
    whole message and only it knows whether it kept it: 'unconfirmed', for an editor to
    decide. With a backend that is not SMTP there is no telling either: 'unconfirmed'.
    """
    from peninsula.newsletters.handover import configured_backend_sees_final_dot
    from peninsula.newsletters.tasks import enqueue, queue_campaign, send_lane

    now = now or timezone.now()
    revived = {"scheduled": 0, "queuing": 0, "batches": 0}
    sees_dot = configured_backend_sees_final_dot()
    for campaign in Campaign.objects.filter(status=Campaign.Status.SCHEDULED, send_at__lte=now):
        revived["scheduled"] += send_now(campaign)
    for pk in Campaign.objects.filter(
        status=Campaign.Status.QUEUING, queue_lease_until__lt=now
    ).values_list("pk", flat=True):
        if Campaign.objects.filter(pk=pk, queue_lease_until__lt=now).update(
            queue_lease_until=now + _lease()
        ):
            enqueue(queue_campaign, pk)
            revived["queuing"] += 1
    for batch in Batch.objects.filter(status=Batch.Status.RUNNING, lease_until__lt=now):
        with transaction.atomic():
            if not Batch.objects.filter(
                pk=batch.pk, owner=batch.owner, status=Batch.Status.RUNNING, lease_until__lt=now
            ).update(status=Batch.Status.QUEUED, owner="", lease_until=None):
                continue  # its sender renewed the lease just now, or another sweep won
            stopped = Delivery.objects.filter(batch=batch, status=Delivery.Status.SENDING)
            if sees_dot:
                # The server never read the message's end, so it dropped it: send it again.
                stopped.update(
                    status=Delivery.Status.QUEUED,
                    last_error="The worker stopped before the message was complete.",
                )
            else:
                stopped.update(
                    status=Delivery.Status.UNCONFIRMED,
                    last_error="The worker stopped while this message was being sent.",
                )
            # After the dot only the server knows: it may have kept the message or dropped
            # it when the connection closed before its answer. Never guess; an editor decides.
            Delivery.objects.filter(batch=batch, status=Delivery.Status.HANDED_OVER).update(
                status=Delivery.Status.UNCONFIRMED, last_error=ANSWER_LOST
            )
        transaction.on_commit(lambda pk=batch.campaign_id: enqueue(send_lane, pk))
        revived["batches"] += 1
    for pk in Campaign.objects.filter(status=Campaign.Status.SENDING).values_list("pk", flat=True):
        finish_if_done(pk)
    return revived


def resend_unconfirmed(campaign: Campaign, expected: int | None = None, delivery_ids=None) -> int:
    """An editor's decision: send again to unconfirmed recipients (the server's acceptance
    unknown), all of them or those in `delivery_ids` (say, the ones the mail server's log
    does not show). Never to anyone else.

    `expected` is the number the editor was shown; if the selection no longer has that many,
    nothing is sent (returns -1). Each delivery is requeued by one conditional update, so
    two clicks or two editors resend it once.
    """
    from peninsula.newsletters.tasks import enqueue, send_lane

    with transaction.atomic():
        Campaign.objects.select_for_update().get(pk=campaign.pk)
        unconfirmed = Delivery.objects.filter(
            campaign=campaign, status=Delivery.Status.UNCONFIRMED, subscriber__isnull=False
        )
        if delivery_ids is not None:
            unconfirmed = unconfirmed.filter(pk__in=list(delivery_ids))
        if expected is not None and unconfirmed.count() != expected:
            return -1
        batch_ids = set(unconfirmed.values_list("batch_id", flat=True))
        count = unconfirmed.update(status=Delivery.Status.QUEUED, next_attempt_at=None)
        Batch.objects.filter(pk__in=batch_ids, status=Batch.Status.DONE).update(
            status=Batch.Status.QUEUED
        )
        if count:
            Campaign.objects.filter(pk=campaign.pk).update(
                status=Campaign.Status.SENDING, finished_at=None
            )
            transaction.on_commit(lambda: enqueue(send_lane, campaign.pk))
    return count


def resendable(campaign: Campaign) -> int:
    """How many recipients 'Send these again' would send to: shown before the editor acts."""
    return Delivery.objects.filter(
        campaign=campaign, status=Delivery.Status.UNCONFIRMED, subscriber__isnull=False
    ).count()


REPORT_KEYS = ["queued", "sent", "unconfirmed", "failed", "bounced", "unsubscribed"]
IN_FLIGHT = {Delivery.Status.SENDING, Delivery.Status.HANDED_OVER}


def report(campaign: Campaign) -> dict:
    """Counts for the admin report. 'queued' includes messages waiting for a retry."""
    rows = Delivery.objects.filter(campaign=campaign).values("status").annotate(n=Count("pk"))
    counts = dict.fromkeys(REPORT_KEYS, 0)
    for row in rows:
        key = "queued" if row["status"] in IN_FLIGHT else row["status"]
        counts[key] = counts.get(key, 0) + row["n"]
    # Recipients who left after this campaign reached them.
    counts["unsubscribed_after"] = Delivery.objects.filter(
        Q(subscriber__unsubscribed_at__gt=F("sent_at")),
        campaign=campaign,
        status=Delivery.Status.SENT,
    ).count()
    counts["total"] = sum(counts[key] for key in REPORT_KEYS)
    return counts
