"""The sending loop: one 'lane' works through a campaign's batches, one message at a time.

Exactly once, as far as SMTP allows. Before a message goes out its delivery is marked
'sending' and committed; just before the final dot, 'handed_over' (handover.py); after the
server's 250, 'sent'. A lane holds one open connection and sends one message at a time on
it, so a crash leaves at most one delivery per connection in flight: the sweeper
(campaigns.recover_stalled) queues a 'sending' one again (the server never had it whole)
and lists a 'handed_over' one as 'unconfirmed' (the server had it whole; only the server
knows whether it kept it), for an editor to decide. Every claim
also renews the batch lease under the lane's own owner id, so a lane that lost its batch
to the sweeper stops instead of sending alongside the new owner.
"""

from __future__ import annotations

import logging
import smtplib
import time
import uuid
from datetime import timedelta

from django.conf import settings
from django.core.mail import get_connection
from django.db import connection as db_connection
from django.db.models import Q
from django.utils import timezone

from peninsula.newsletters import emails, handover
from peninsula.newsletters.bounces import record_bounce
from peninsula.newsletters.campaigns import finish_if_done
from peninsula.newsletters.models import Batch, Campaign, Delivery

logger = logging.getLogger(__name__)


class LostLease(Exception):
    """The sweeper gave this lane's batch to someone else (the lane was too slow)."""


class Throttle:
    """Spaces messages so that all lanes together stay under the configured rate."""

    def __init__(self, per_second: float):
        self.interval = 1.0 / per_second if per_second > 0 else 0.0
        self.next_at = time.monotonic()

    def wait(self):
        if not self.interval:
            return
        now = time.monotonic()
        if self.next_at > now:
            time.sleep(self.next_at - now)
        self.next_at = max(now, self.next_at) + self.interval


def _lease_end():
    return timezone.now() + timedelta(seconds=settings.PENINSULA_NEWSLETTER_LEASE_SECONDS)


def classify(error: Exception) -> str:
    """'temporary' (retry later), 'permanent' (the server refused it), or 'unknown'."""
    code = None
    if isinstance(error, smtplib.SMTPRecipientsRefused):
        codes = [value[0] for value in error.recipients.values()]
        code = max(codes) if codes else None
    elif isinstance(error, smtplib.SMTPResponseException):
        code = error.smtp_code
    if code is not None and 400 <= code < 500:
        return "temporary"
    if code is not None and 500 <= code < 600:
        return "permanent"
    return "unknown"


def run_lane(campaign_id: int) -> int:
    """Send the campaign's queued deliveries until no batch is left. Returns messages sent."""
    campaign = Campaign.objects.filter(pk=campaign_id).first()
    if campaign is None or campaign.status != Campaign.Status.SENDING:
        return 0
    if campaign.rendered_html:
        rendered = emails.Rendered(
            campaign.subject, campaign.rendered_text, campaign.rendered_html, emails.sender()
        )
    else:
        rendered = emails.render_campaign(campaign, track=emails.LIVE)
    lanes = max(1, settings.PENINSULA_NEWSLETTER_CONCURRENCY)
    throttle = Throttle(settings.PENINSULA_NEWSLETTER_RATE / lanes)
    owner = uuid.uuid4().hex
    sent = 0
    connection = get_connection(settings.PENINSULA_NEWSLETTER_EMAIL_BACKEND)
    try:
        while batch := claim_batch(campaign_id, owner):
            try:
                sent += send_batch(batch, owner, rendered, connection, throttle)
            except LostLease:
                logger.warning("Lost the lease on batch %s; another sender has it", batch.pk)
    finally:
        connection.close()
    finish_if_done(campaign_id)
    return sent


def claim_batch(campaign_id: int, owner: str) -> Batch | None:
    candidates = Batch.objects.filter(campaign_id=campaign_id, status=Batch.Status.QUEUED)
    for pk in candidates.order_by("pk").values_list("pk", flat=True)[:20]:
        if Batch.objects.filter(pk=pk, status=Batch.Status.QUEUED).update(
            status=Batch.Status.RUNNING, owner=owner, lease_until=_lease_end()
        ):
            return Batch.objects.get(pk=pk)
    return None


def _renew(batch: Batch, owner: str) -> None:
    if not Batch.objects.filter(pk=batch.pk, owner=owner).update(lease_until=_lease_end()):
        raise LostLease


class _Lease:
    """Renews the batch lease a few times per lease period, not once per message."""

    def __init__(self, batch, owner):
        self.batch, self.owner = batch, owner
        self.every = settings.PENINSULA_NEWSLETTER_LEASE_SECONDS / 4
        self.renewed = time.monotonic()

    def keep(self):
        if time.monotonic() - self.renewed >= self.every:
            _renew(self.batch, self.owner)
            self.renewed = time.monotonic()


def send_batch(batch, owner, rendered, connection, throttle) -> int:
    sent = 0
    lease = _Lease(batch, owner)
    deadline = time.monotonic() + settings.PENINSULA_NEWSLETTER_MAX_RETRY_WAIT
    while True:
        waiting = batch.deliveries.filter(status=Delivery.Status.QUEUED)
        due = list(
            waiting.filter(Q(next_attempt_at__isnull=True) | Q(next_attempt_at__lte=timezone.now()))
            .select_related("subscriber")
            .order_by("pk")[:200]
        )
        if not due:
            retry_at = waiting.order_by("next_attempt_at").values_list("next_attempt_at", flat=True)
            retry_at = retry_at.first()
            if retry_at is None or time.monotonic() > deadline:
                break
            # Retries due soon: wait here (renewing the lease) rather than hand the batch on.
            pause = (retry_at - timezone.now()).total_seconds()
            time.sleep(min(max(pause, 0.05), settings.PENINSULA_NEWSLETTER_LEASE_SECONDS / 3))
            _renew(batch, owner)
            continue
        for delivery in due:
            throttle.wait()
            lease.keep()
            sent += send_one(delivery, batch, owner, rendered, connection)
    if batch.deliveries.filter(status=Delivery.Status.QUEUED).exists():
        # Retries too far off for this lane: release the batch; the sweeper or a lane picks it up.
        Batch.objects.filter(pk=batch.pk, owner=owner).update(
            status=Batch.Status.QUEUED, owner="", lease_until=None
        )
    else:
        Batch.objects.filter(pk=batch.pk, owner=owner).update(status=Batch.Status.DONE)
    return sent


def send_one(delivery, batch, owner, rendered, connection) -> int:
    # Open (or reopen) before claiming: a server that is down must fail here, while the
    # delivery is still 'queued', not after it became 'sending'.
    connection.open()
    # One statement claims the delivery and proves this lane still owns the batch; raw SQL
    # because this and _SENT run for every message (the ORM's compiling is most of the cost).
    with db_connection.cursor() as cursor:
        cursor.execute(_CLAIM, [delivery.pk, batch.pk, owner])
        claimed = cursor.rowcount
    if not claimed:
        if not Batch.objects.filter(pk=batch.pk, owner=owner).exists():
            raise LostLease
        return 0  # unsubscribed or bounced meanwhile
    subscriber = delivery.subscriber
    if subscriber is None or not subscriber.is_active:
        Delivery.objects.filter(pk=delivery.pk).update(status=Delivery.Status.UNSUBSCRIBED)
        return 0
    message = emails.personalise(rendered, subscriber)
    if handover.sees_final_dot(connection):
        message_id = message.extra_headers["Message-ID"].strip("<>")
        handover.before_final_dot(
            connection, lambda: _hand_over(delivery, batch, owner, message_id)
        )
    try:
        connection.send_messages([message])
    except LostLease:
        handover.abandon(connection)  # the message stays unfinished: the server drops it
        raise
    except Exception as error:  # noqa: BLE001  (every outcome is recorded below)
        _record_failure(delivery, error, connection)
        return 0
    sent_at = db_connection.ops.adapt_datetimefield_value(timezone.now())
    message_id = message.extra_headers["Message-ID"].strip("<>")
    with db_connection.cursor() as cursor:
        cursor.execute(_SENT, [sent_at, message_id, delivery.pk])
    return 1


def _hand_over(delivery, batch, owner, message_id) -> None:
    """Committed just before the final dot: from here on the server may have the message.
    Its Message-ID goes with it, so a bounce for it finds the delivery even if the lane dies."""
    with db_connection.cursor() as cursor:
        cursor.execute(_HANDED_OVER, [message_id, delivery.pk, batch.pk, owner])
        if not cursor.rowcount:
            raise LostLease  # the sweeper queued it again for another lane: don't finish it


_CLAIM = (
    "UPDATE newsletters_delivery SET status = 'sending', attempts = attempts + 1 "
    "WHERE id = %s AND status = 'queued' AND EXISTS "
    "(SELECT 1 FROM newsletters_batch WHERE id = %s AND owner = %s)"
)
_HANDED_OVER = (
    "UPDATE newsletters_delivery SET status = 'handed_over', message_id = %s "
    "WHERE id = %s AND status = 'sending' AND EXISTS "
    "(SELECT 1 FROM newsletters_batch WHERE id = %s AND owner = %s)"
)
# 'handed_over' and 'unconfirmed' too: the sweeper may have given up on this lane a moment
# too early, and the server's answer is the truth.
_SENT = (
    "UPDATE newsletters_delivery SET status = 'sent', sent_at = %s, message_id = %s, "
    "last_error = '' WHERE id = %s AND status IN ('sending', 'handed_over', 'unconfirmed')"
)


def _record_failure(delivery, error, connection) -> None:
    kind = classify(error)
    text = f"{type(error).__name__}: {error}"[:500]
    in_flight = [Delivery.Status.SENDING, Delivery.Status.HANDED_OVER]
    rows = Delivery.objects.filter(pk=delivery.pk, status__in=in_flight)
    # Broken before the final dot ('sending'): the server dropped the unfinished message,
    # so try again later. After it, only the server knows: 'unconfirmed' below.
    before_dot = handover.sees_final_dot(connection) and rows.filter(status="sending").exists()
    if kind == "unknown" and before_dot:
        connection.close()
        kind = "temporary"
    if kind == "temporary":
        attempts = delivery.attempts + 1
        if attempts >= settings.PENINSULA_NEWSLETTER_MAX_ATTEMPTS:
            rows.update(status=Delivery.Status.FAILED, last_error=text)
            return
        backoff = settings.PENINSULA_NEWSLETTER_RETRY_SECONDS * 2 ** (attempts - 1)
        rows.update(
            status=Delivery.Status.QUEUED,
            last_error=text,
            next_attempt_at=timezone.now() + timedelta(seconds=backoff),
        )
    elif kind == "permanent":
        rows.update(status=Delivery.Status.FAILED, last_error=text)
        record_bounce(delivery.email, "hard", reason=text)
    else:
        # The connection broke mid-message: the server may have taken it. Don't guess.
        rows.update(status=Delivery.Status.UNCONFIRMED, last_error=text)
        connection.close()
