"""Bounces and complaints: provider webhooks (django-anymail) and the DSN mailbox command."""

import base64
import json
import mailbox

import pytest
from django.core.management import CommandError, call_command

from peninsula.newsletters.bounces import record_bounce
from peninsula.newsletters.models import Batch, Campaign, Delivery, Subscriber
from tests.newsletters.factories import SubscriberFactory

pytestmark = pytest.mark.django_db
AUTH = "Basic " + base64.b64encode(b"tests:webhook-secret").decode()


def sent_delivery(subscriber, message_id="abc123@peninsula.test"):
    campaign = Campaign.objects.create(subject="June")
    return Delivery.objects.create(
        campaign=campaign,
        batch=Batch.objects.create(campaign=campaign),
        subscriber=subscriber,
        email=subscriber.email,
        status="sent",
        message_id=message_id,
    )


def postmark(client, payload):
    return client.post(
        "/anymail/postmark/tracking/",
        json.dumps(payload),
        content_type="application/json",
        HTTP_AUTHORIZATION=AUTH,
    )


def test_a_providers_hard_bounce_webhook_stops_mail_at_once(client, lists):
    person = SubscriberFactory(email="gone@example.org", lists=[lists["Events"]])
    response = postmark(
        client,
        {
            "RecordType": "Bounce",
            "Type": "HardBounce",
            "TypeCode": 1,
            "MessageID": "883953f4-6105-42a2-a16a-77a8eac79483",
            "Email": "Gone@example.org",
            "Description": "The server was unable to deliver your message.",
            "Details": "550 5.1.1 user unknown",
            "BouncedAt": "2025-06-01T10:00:00Z",
        },
    )
    assert response.status_code == 200
    person.refresh_from_db()
    assert person.status == Subscriber.Status.SUPPRESSED and person.bounce_count == 1


def test_a_spam_complaint_webhook_stops_mail_at_once(client, lists):
    person = SubscriberFactory(email="angry@example.org", lists=[lists["Events"]])
    postmark(
        client,
        {
            "RecordType": "SpamComplaint",
            "Type": "SpamComplaint",
            "TypeCode": 512,
            "MessageID": "00000000-0000-0000-0000-000000000001",
            "Email": "angry@example.org",
            "BouncedAt": "2025-06-01T10:00:00Z",
        },
    )
    person.refresh_from_db()
    assert person.status == Subscriber.Status.SUPPRESSED and person.complaint_count == 1


def test_webhooks_without_the_shared_secret_change_nothing(client, lists):
    person = SubscriberFactory(email="safe@example.org", lists=[lists["Events"]])
    response = client.post(
        "/anymail/postmark/tracking/",
        json.dumps({"RecordType": "Bounce", "Type": "HardBounce", "Email": "safe@example.org"}),
        content_type="application/json",
        HTTP_AUTHORIZATION="Basic " + base64.b64encode(b"tests:guess").decode(),
    )
    assert response.status_code in {400, 401, 403}
    person.refresh_from_db()
    assert person.status == Subscriber.Status.ACTIVE


def test_soft_bounces_stop_mail_only_at_the_threshold(lists, settings):
    settings.PENINSULA_NEWSLETTER_SOFT_BOUNCE_LIMIT = 3
    person = SubscriberFactory(email="full@example.org")
    assert [record_bounce("full@example.org", "soft") for _ in range(3)] == [False, False, True]
    person.refresh_from_db()
    assert person.status == Subscriber.Status.SUPPRESSED


DSN = """\
From: Mail Delivery System <MAILER-DAEMON@mx.example.net>
To: bounces@peninsula.test
Subject: Undelivered Mail Returned to Sender
Message-ID: <dsn-1@mx.example.net>
MIME-Version: 1.0
Content-Type: multipart/report; report-type=delivery-status; boundary="BOUNDARY"

--BOUNDARY
Content-Type: text/plain

Your message could not be delivered.

--BOUNDARY
Content-Type: message/delivery-status

Reporting-MTA: dns; mx.example.net
Arrival-Date: Mon, 2 Jun 2025 10:00:00 +0000

Final-Recipient: rfc822; {hard}
Action: failed
Status: 5.1.1
Diagnostic-Code: smtp; 550 5.1.1 No such mailbox

Final-Recipient: rfc822; {soft}
Action: failed
Status: 4.2.2
Diagnostic-Code: smtp; 452 4.2.2 Mailbox full

Final-Recipient: rfc822; {later}
Action: delayed
Status: 4.4.1

--BOUNDARY
Content-Type: text/rfc822-headers

From: newsletter@peninsula.test
To: {hard}
Subject: June
Message-ID: <abc123@peninsula.test>

--BOUNDARY--
"""


def test_the_bounce_mailbox_command_reads_rfc3464_reports(tmp_path, lists):
    hard = SubscriberFactory(email="nobody@example.org", lists=[lists["Events"]])
    soft = SubscriberFactory(email="full@example.org", lists=[lists["Events"]])
    later = SubscriberFactory(email="slow@example.org", lists=[lists["Events"]])
    delivery = sent_delivery(hard)
    box = mailbox.Maildir(tmp_path / "bounces")
    box.add(DSN.format(hard=hard.email, soft=soft.email, later=later.email).encode())
    box.add(b"From: someone@example.org\nSubject: Out of office\n\nBack on Monday.\n")
    from io import StringIO

    out = StringIO()
    call_command("read_bounces", str(tmp_path / "bounces"), stdout=out)
    assert "Read 2 messages: 2 bounces, 1 addresses stopped." in out.getvalue()
    for person in (hard, soft, later):
        person.refresh_from_db()
    assert hard.status == Subscriber.Status.SUPPRESSED and "5.1.1" in hard.suppressed_reason
    assert soft.status == Subscriber.Status.ACTIVE and soft.bounce_count == 1
    assert later.bounce_count == 0
    delivery.refresh_from_db()
    assert delivery.status == Delivery.Status.BOUNCED
    # The report is removed; the out-of-office reply is left for a person to read.
    assert len(mailbox.Maildir(tmp_path / "bounces")) == 1


def test_the_bounce_command_explains_a_wrong_path(tmp_path):
    with pytest.raises(CommandError, match="There is no mailbox"):
        call_command("read_bounces", str(tmp_path / "missing"))
    (tmp_path / "plain").mkdir()
    with pytest.raises(CommandError, match="not a Maildir"):
        call_command("read_bounces", str(tmp_path / "plain"))
