"""Links in emails lead to the site's address: PENINSULA_BASE_URL where set, otherwise the
address the request came to (a site served on another port), otherwise the default site.
And the sender's display name survives the trip through a real SMTP server."""

import pytest
from django.contrib.auth.models import Group
from django.urls import reverse
from wagtail.models import Site

from peninsula.core.roles import EDITORS
from peninsula.newsletters import emails, tracking
from peninsula.newsletters.models import CampaignItem
from tests import factories
from tests.newsletters.conftest import links_in
from tests.newsletters.factories import CampaignFactory, SubscriberFactory
from tests.newsletters.test_signup import sign_up

pytestmark = pytest.mark.django_db


@pytest.fixture
def editor(client, django_user_model):
    user = django_user_model.objects.create_user("ed", "ed@example.org", "pw")
    user.groups.add(Group.objects.get(name=EDITORS))
    client.force_login(user)
    return user


@pytest.fixture
def campaign(db, series, lists):
    article = factories.ArticlePageFactory(series=series, title="The alliance at seventy")
    campaign = CampaignFactory(subject="Weekly brief 41", lists=[lists["Weekly brief"]])
    CampaignItem.objects.create(campaign=campaign, publication=article, note="", sort_order=0)
    return campaign


def test_confirmation_link_follows_the_address_the_reader_signed_up_on(
    client, settings, smtp, on_commit, lists, institute
):
    """A demo served on port 8001 with no PENINSULA_BASE_URL: the confirmation email, sent by
    the worker, links back to port 8001, not to a configured default."""
    settings.PENINSULA_BASE_URL = ""
    settings.ALLOWED_HOSTS = ["127.0.0.1"]
    client.defaults["HTTP_HOST"] = "127.0.0.1:8001"
    sign_up(client, on_commit, lists)
    [message] = smtp.to("ana@example.org")
    [link] = links_in(message, "/newsletters/confirm/")
    assert link.startswith("http://127.0.0.1:8001/newsletters/confirm/")
    assert all(
        url.startswith("http://127.0.0.1:8001/") for url in links_in(message, "/newsletters/")
    )


def test_configured_base_url_wins_over_the_request(
    client, settings, smtp, on_commit, lists, institute
):
    settings.PENINSULA_BASE_URL = "https://www.example.org"
    client.defaults["HTTP_HOST"] = "127.0.0.1:8001"
    sign_up(client, on_commit, lists)
    [link] = links_in(smtp.to("ana@example.org")[0], "/newsletters/confirm/")
    assert link.startswith("https://www.example.org/newsletters/confirm/")


def test_campaign_preview_and_test_email_use_the_admins_address(
    client, settings, editor, smtp, on_commit, campaign, institute
):
    settings.PENINSULA_BASE_URL = ""
    settings.ALLOWED_HOSTS = ["127.0.0.1"]
    client.defaults["HTTP_HOST"] = "127.0.0.1:8001"
    preview = client.get(reverse("newsletters_admin:preview", args=[campaign.pk])).content
    article_url = CampaignItem.objects.get().publication.url
    assert f'href="http://127.0.0.1:8001{article_url}"'.encode() in preview

    page_url = reverse("newsletters_admin:campaign", args=[campaign.pk])
    on_commit(client.post, page_url, {"action": "test", "test-address": "ed@example.org"})
    [test] = smtp.to("ed@example.org")
    # Links go through the site's click redirect, at the admin's address, and lead there too.
    [click] = links_in(test, "/newsletters/click/")
    assert click.startswith("http://127.0.0.1:8001/newsletters/click/")
    token = click.rstrip("/").rsplit("/", 1)[1]
    assert tracking.read_click(token) == (campaign.pk, f"http://127.0.0.1:8001{article_url}", False)


def test_without_a_request_links_use_the_default_site(settings, campaign):
    """A campaign rendered by the worker: the default site's host name and port."""
    settings.PENINSULA_BASE_URL = ""
    Site.objects.filter(is_default_site=True).update(hostname="news.example.org", port=443)
    rendered = emails.render_campaign(campaign)
    article_url = CampaignItem.objects.get().publication.url
    assert f"https://news.example.org{article_url}" in rendered.text


def test_the_sender_display_name_arrives_intact(settings, smtp, institute):
    settings.DEFAULT_FROM_EMAIL = "Harbour Institute <news@example.org>"
    settings.PENINSULA_NEWSLETTER_FROM = settings.DEFAULT_FROM_EMAIL
    reader = SubscriberFactory(email="reader@example.org")
    message = emails.confirmation_message(reader, {"lists": [], "series": []})
    message.send()
    [received] = smtp.to("reader@example.org")
    assert received.message["From"] == "Harbour Institute <news@example.org>"
    assert received.message["From"].addresses[0].display_name == "Harbour Institute"
