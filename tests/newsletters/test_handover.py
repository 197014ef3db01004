"""After a sender dies, each message it had in flight is judged by how far it got: before
its final dot the server dropped it (sent again on its own); after it only the server knows,
so it is 'unconfirmed' and an editor decides, resending exactly the recipients they tick,
each once."""

import datetime

import pytest
from django.utils import timezone

from peninsula.newsletters import campaigns, sending
from peninsula.newsletters.models import Batch, Delivery
from tests.newsletters.factories import CampaignFactory, SubscriberFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def campaign(lists, institute):
    return CampaignFactory(subject="The June letter", lists=[lists["Events"]])


def queue_without_sending(on_commit, campaign, settings, readers):
    settings.PENINSULA_NEWSLETTER_CONCURRENCY = 0  # queue, but start no sender
    on_commit(campaigns.send_now, campaign)
    settings.PENINSULA_NEWSLETTER_CONCURRENCY = 1
    return [Delivery.objects.get(subscriber=reader) for reader in readers]


def die_holding(batch, **statuses):
    """Leave the batch as a SIGKILLed sender would: leased to nobody alive, some in flight."""
    Batch.objects.filter(pk=batch.pk).update(
        status="running", owner="dead", lease_until=timezone.now()
    )
    for pk, status in statuses.items():
        Delivery.objects.filter(pk=int(pk[1:])).update(status=status, attempts=1)


def sweep_later(on_commit):
    on_commit(campaigns.recover_stalled, now=timezone.now() + datetime.timedelta(seconds=1))


def received(smtp):
    return sorted(r for item in smtp.received for r in item.recipients)


def test_a_dead_senders_unfinished_message_is_resent_and_a_finished_one_waits_for_an_editor(
    smtp, on_commit, lists, campaign, settings
):
    readers = SubscriberFactory.create_batch(4, lists=[lists["Events"]])
    before_dot, after_dot, *_rest = queue_without_sending(on_commit, campaign, settings, readers)
    die_holding(
        before_dot.batch, **{f"d{before_dot.pk}": "sending", f"d{after_dot.pk}": "handed_over"}
    )
    sweep_later(on_commit)

    report = campaigns.report(campaign)
    assert report["sent"] == 3 and report["unconfirmed"] == 1
    # The one stopped before its dot went out again by itself; the other waits for an editor.
    assert received(smtp) == sorted(r.email for r in readers if r.email != after_dot.email)
    assert campaigns.resendable(campaign) == 1
    # The editor finds it missing from the server's log and ticks it: sent once.
    assert on_commit(campaigns.resend_unconfirmed, campaign, 1, [after_dot.pk]) == 1
    assert on_commit(campaigns.resend_unconfirmed, campaign, 1, [after_dot.pk]) == -1
    assert received(smtp) == sorted(r.email for r in readers)
    campaign.refresh_from_db()
    assert campaign.status == "sent" and campaigns.report(campaign)["sent"] == 4


def test_a_message_left_unfinished_is_dropped_by_the_server(
    smtp, on_commit, lists, campaign, settings, monkeypatch
):
    """A sender that lost its batch to the sweeper mid-message never writes the final dot;
    the real SMTP server on loopback then keeps nothing of it."""
    [reader] = SubscriberFactory.create_batch(1, lists=[lists["Events"]])
    [delivery] = queue_without_sending(on_commit, campaign, settings, [reader])
    real_hand_over = sending._hand_over

    def stolen_first(delivery, batch, owner, message_id):
        Batch.objects.filter(pk=batch.pk).update(owner="someone else")
        real_hand_over(delivery, batch, owner, message_id)

    monkeypatch.setattr(sending, "_hand_over", stolen_first)
    sending.run_lane(campaign.pk)
    assert smtp.received == []
    delivery.refresh_from_db()
    assert delivery.status == "sending"  # the sweeper queues it again once the lease ends


def test_a_handed_over_delivery_keeps_its_message_id_for_bounces(
    smtp, on_commit, lists, campaign, settings, monkeypatch
):
    """Killed between the dot and the 250, a delivery is still found by a later bounce."""
    from peninsula.newsletters.bounces import record_bounce

    [reader] = SubscriberFactory.create_batch(1, lists=[lists["Events"]])
    [delivery] = queue_without_sending(on_commit, campaign, settings, [reader])
    monkeypatch.setattr(sending, "_SENT", "SELECT %s, %s, %s")  # the 250 is never recorded
    sending.run_lane(campaign.pk)
    delivery.refresh_from_db()
    assert delivery.status == "handed_over" and delivery.message_id
    assert [item.message["Message-ID"].strip("<>") for item in smtp.received] == [
        delivery.message_id
    ]
    record_bounce(reader.email, "hard", reason="550 no such user", message_id=delivery.message_id)
    delivery.refresh_from_db()
    assert delivery.status == "bounced"


def test_only_a_backend_that_hides_the_end_asks_the_editor_and_resends_once(
    on_commit, lists, campaign, settings, mailoutbox
):
    settings.PENINSULA_NEWSLETTER_EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
    readers = SubscriberFactory.create_batch(3, lists=[lists["Events"]])
    stuck, *_rest = queue_without_sending(on_commit, campaign, settings, readers)
    die_holding(stuck.batch, **{f"d{stuck.pk}": "sending"})
    sweep_later(on_commit)
    assert campaigns.report(campaign)["unconfirmed"] == 1
    assert campaigns.resendable(campaign) == 1
    # A stale count (the editor saw another number) sends nothing.
    assert on_commit(campaigns.resend_unconfirmed, campaign, expected=2) == -1
    assert on_commit(campaigns.resend_unconfirmed, campaign, expected=1) == 1
    assert on_commit(campaigns.resend_unconfirmed, campaign, expected=1) == -1
    assert on_commit(campaigns.resend_unconfirmed, campaign) == 0
    sent_to = sorted(address for message in mailoutbox for address in message.to)
    assert sent_to == sorted(reader.email for reader in readers)


def test_the_campaign_page_shows_the_count_and_resends_only_the_ticked(
    client, django_user_model, on_commit, lists, campaign, settings, mailoutbox
):
    from django.urls import reverse

    client.force_login(django_user_model.objects.create_superuser("ed", "ed@example.org", "pw"))
    settings.PENINSULA_NEWSLETTER_EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
    readers = SubscriberFactory.create_batch(3, lists=[lists["Events"]])
    first, second, _third = queue_without_sending(on_commit, campaign, settings, readers)
    die_holding(first.batch, **{f"d{first.pk}": "sending", f"d{second.pk}": "sending"})
    sweep_later(on_commit)
    page_url = reverse("newsletters_admin:campaign", args=[campaign.pk])
    page = client.get(page_url).content.decode()
    assert "Unconfirmed: 2" in page and first.email in page and second.email in page
    before = len(mailoutbox)
    on_commit(client.post, page_url, {"action": "resend", "delivery": [str(first.pk)]})
    assert [message.to for message in mailoutbox[before:]] == [[first.email]]
    # The same (now stale) ticked form again: refused, nothing sent.
    response = on_commit(client.post, page_url, {"action": "resend", "delivery": [str(first.pk)]})
    assert response.status_code == 302 and len(mailoutbox) == before + 1
    assert campaigns.resendable(campaign) == 1
