"""Campaigns sent through the task backend to a real SMTP server on loopback."""

import pytest

from peninsula.newsletters import campaigns
from peninsula.newsletters.models import Campaign, CampaignItem, Delivery, Subscriber
from tests import factories
from tests.newsletters.factories import CampaignFactory, SubscriberFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def campaign(lists, series, institute):
    article = factories.ArticlePageFactory(
        series=series,
        title="Sanctions enforcement at sea",
        summary="How ship-to-ship transfers slip through.",
        hero_image=factories.ImageFactory(file=factories.png_file("ship.png")),
    )
    campaign = CampaignFactory(subject="The June letter", lists=[lists["Events"]])
    CampaignItem.objects.create(
        campaign=campaign, publication=article, note="Our most read piece this month."
    )
    return campaign


def send(on_commit, campaign):
    on_commit(campaigns.send_now, campaign)
    campaign.refresh_from_db()
    return campaigns.report(campaign)


def test_a_campaign_reaches_each_confirmed_subscriber_on_its_lists_once(
    smtp, on_commit, lists, campaign, settings
):
    settings.PENINSULA_NEWSLETTER_BATCH_SIZE = 4
    readers = SubscriberFactory.create_batch(9, lists=[lists["Events"], lists["Weekly brief"]])
    SubscriberFactory(lists=[lists["Weekly brief"]], email="other-list@example.org")
    SubscriberFactory(lists=[lists["Events"]], status="pending", email="pending@example.org")
    SubscriberFactory(lists=[lists["Events"]], status="unsubscribed", email="gone@example.org")
    report = send(on_commit, campaign)
    assert campaign.status == Campaign.Status.SENT
    assert campaign.batches.count() == 3
    assert report["sent"] == 9 and report["total"] == 9
    received = sorted(r for item in smtp.received for r in item.recipients)
    assert received == sorted(reader.email for reader in readers)
    # Sending again changes nothing: the campaign is no longer a draft.
    assert campaigns.send_now(campaign) is False


def test_each_email_is_multipart_with_inlined_css_footer_and_one_click_headers(
    smtp, on_commit, lists, campaign, client
):
    reader = SubscriberFactory(lists=[lists["Events"]])
    send(on_commit, campaign)
    [received] = smtp.received
    message = received.message
    assert message["Subject"] == "The June letter"
    assert message["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"
    unsubscribe = "".join(str(message["List-Unsubscribe"]).split()).strip("<>")
    html = message.get_body(("html",)).get_content()
    text = message.get_body(("plain",)).get_content()
    assert "<style" not in html and 'style="' in html  # CSS moved inline
    for part in (html, text):
        assert "Sanctions enforcement at sea" in part
        assert "Our most read piece this month." in part
        assert "Washington, DC 20001" in part  # postal address
        assert "registered under the Test Agents Act" in part  # disclosure
        assert "/newsletters/preferences/" in part
    assert 'src="http://testserver/media/' in html  # the publication's image, absolute
    # Every line within SMTP's limit, so no part needs quoted-printable encoding.
    assert max(len(line) for line in received.data.splitlines()) <= 998
    assert message.get_body(("html",))["Content-Transfer-Encoding"] in {"8bit", "7bit"}
    # The header's link unsubscribes at once with the RFC 8058 POST.
    path = unsubscribe.removeprefix("http://testserver")
    response = client.post(
        path, "List-Unsubscribe=One-Click", content_type="application/x-www-form-urlencoded"
    )
    assert response.status_code == 200
    reader.refresh_from_db()
    assert reader.status == Subscriber.Status.UNSUBSCRIBED


def test_temporary_failures_are_retried_and_permanent_ones_stop_the_address(
    smtp, on_commit, lists, campaign
):
    SubscriberFactory(lists=[lists["Events"]], email="busy@example.org")
    SubscriberFactory(lists=[lists["Events"]], email="gone@example.org")
    SubscriberFactory(lists=[lists["Events"]], email="fine@example.org")
    smtp.handler.refuse["busy@example.org"] = ["451 Try again later", "451 Try again later"]
    smtp.handler.refuse["gone@example.org"] = ["550 No such user"]
    report = send(on_commit, campaign)
    assert report["sent"] == 2 and report["failed"] == 1
    assert sorted(r for item in smtp.received for r in item.recipients) == [
        "busy@example.org",
        "fine@example.org",
    ]
    busy = Delivery.objects.get(email="busy@example.org")
    assert busy.attempts == 3 and busy.status == Delivery.Status.SENT
    gone = Subscriber.objects.get(email="gone@example.org")
    assert gone.status == Subscriber.Status.SUPPRESSED
    assert "550" in Delivery.objects.get(email="gone@example.org").last_error


def test_temporary_failures_give_up_after_the_configured_attempts(
    smtp, on_commit, lists, campaign, settings
):
    settings.PENINSULA_NEWSLETTER_MAX_ATTEMPTS = 2
    SubscriberFactory(lists=[lists["Events"]], email="busy@example.org")
    smtp.handler.refuse["busy@example.org"] = ["451 Try again later"] * 5
    report = send(on_commit, campaign)
    assert report["failed"] == 1 and smtp.received == []
    assert Delivery.objects.get().attempts == 2


def test_a_scheduled_campaign_waits_for_its_time(smtp, on_commit, lists, campaign):
    import datetime

    from django.utils import timezone

    SubscriberFactory(lists=[lists["Events"]])
    when = timezone.now() + datetime.timedelta(hours=1)
    assert campaigns.schedule(campaign, when)
    on_commit(campaigns.recover_stalled)
    assert smtp.received == []
    on_commit(campaigns.recover_stalled, now=when + datetime.timedelta(seconds=1))
    campaign.refresh_from_db()
    assert campaign.status == Campaign.Status.SENT and len(smtp.received) == 1


def test_unsubscribing_mid_campaign_is_respected(smtp, on_commit, lists, campaign, settings):
    from peninsula.newsletters.actions import unsubscribe_everything

    settings.PENINSULA_NEWSLETTER_CONCURRENCY = 0
    leaving = SubscriberFactory(lists=[lists["Events"]])
    staying = SubscriberFactory(lists=[lists["Events"]])
    on_commit(campaigns.send_now, campaign)
    unsubscribe_everything(leaving)
    settings.PENINSULA_NEWSLETTER_CONCURRENCY = 1
    from peninsula.newsletters.sending import run_lane

    run_lane(campaign.pk)
    assert [r for item in smtp.received for r in item.recipients] == [staying.email]
    assert campaigns.report(campaign)["unsubscribed"] == 1
