"""The demo's newsletter office: readers on lists and a draft of each template, ready to
send, made once (loading the demo again adds nothing) and sending nothing by itself."""

import datetime

import pytest

from peninsula.demo.campaigns import READERS, ensure_campaigns
from peninsula.newsletters import campaigns, emails
from peninsula.newsletters.models import Campaign, Delivery, Subscriber
from tests import factories

pytestmark = pytest.mark.django_db


def test_the_demo_has_one_draft_of_each_template_ready_to_send(series, lists, institute):
    for n in range(3):
        factories.ArticlePageFactory(series=series, date=datetime.date(2025, 1, 1 + n))
    factories.EventPageFactory(
        series=series,
        start_date=datetime.date(2030, 5, 14),
        venue_name="Conference room",
    )
    assert ensure_campaigns() == 3
    assert ensure_campaigns() == 0  # a second load adds nothing
    assert Subscriber.objects.filter(status="active").count() == len(READERS)
    made = {campaign.template: campaign for campaign in Campaign.objects.all()}
    assert set(made) == set(Campaign.Template.values)
    for campaign in made.values():
        assert campaign.status == Campaign.Status.DRAFT
        assert campaigns.problems(campaign) == []
        assert campaigns.recipients(campaign).exists()
        emails.render_campaign(campaign, "https://demo.example.org")
    assert made["newsletter"].items.count() == 3
    assert not Delivery.objects.exists()
