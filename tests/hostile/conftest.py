import re

import pytest

from tests.newsletters.conftest import lists  # noqa: F401 (a fixture used here)
from tests.syndication.conftest import content  # noqa: F401 (a fixture used here)

CONFIRM_LINK = re.compile(r"/newsletters/confirm/[^/\s\"<>]+/")
PREFERENCES_LINK = re.compile(r"/newsletters/preferences/[^/\s\"<>]+/")
UNSUBSCRIBE_LINK = re.compile(r"/newsletters/unsubscribe/[^/\s\"<>]+/")


@pytest.fixture
def hostile_site(content, lists, settings, django_capture_on_commit_callbacks):  # noqa: F811
    """The syndication tests' small institute and a confirmed subscriber, with the links a
    reader would have: taken from the confirmation email and the confirmed page, as a
    reader follows them, rather than built from how tokens happen to be made. No sign-up
    rate limit (the fuzz posts far more than any reader would)."""
    from django.core import mail
    from django.test import Client

    settings.PENINSULA_NEWSLETTER_RATE_LIMIT = (10**9, 60)
    client = Client()
    some_list = next(iter(lists.values()))
    with django_capture_on_commit_callbacks(execute=True):
        signed_up = client.post(
            "/subscribe/",
            {"email": "reader@example.org", "name": "Ana Lima", "lists": [some_list.pk]},
        )
    assert signed_up.status_code == 302, signed_up.content[:500]
    [confirm] = CONFIRM_LINK.findall(mail.outbox[-1].body)
    confirmed = client.post(confirm)
    [preferences] = set(PREFERENCES_LINK.findall(confirmed.content.decode()))
    [unsubscribe] = set(UNSUBSCRIBE_LINK.findall(client.get(preferences).content.decode()))
    return {
        **content,
        "list": some_list,
        "confirm_path": confirm,
        "preferences_path": preferences,
        "unsubscribe_path": unsubscribe,
        **_campaign_tokens(content["article"]),
    }


def _campaign_tokens(article) -> dict:
    """A sent campaign's signed tokens as its email carries them: a counted link (its row
    made at sending, so a click changes a count, never the number of rows), the "view in
    browser" page and the open-counting image."""
    from peninsula.newsletters import tracking
    from peninsula.newsletters.models import Campaign

    campaign = Campaign.objects.create(subject="Hostile", status=Campaign.Status.SENT)
    url = f"https://www.example.org{article.url}"
    tracking.remember_links(campaign.pk, [url])
    click = tracking.click_url(campaign.pk, url, "https://www.example.org")
    return {
        "click_token": click.rstrip("/").rsplit("/", 1)[1],
        "web_token": tracking.campaign_token(campaign.pk),
        "open_token": tracking.campaign_token(campaign.pk, tracking.OPEN),
    }
