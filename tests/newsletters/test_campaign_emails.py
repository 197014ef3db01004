"""What a campaign's email holds and what it counts: the sender's name, logo, authors, the
"view in browser" page, the three templates, test emails' links, clicks through a signed
redirect (never an open redirect), opens only when turned on, and the report."""

import re

import pytest
from bs4 import BeautifulSoup
from django.contrib.auth.models import Group
from django.core import signing
from django.urls import reverse

from peninsula.core.roles import EDITORS
from peninsula.newsletters import campaigns, emails, tracking
from peninsula.newsletters.models import Campaign, CampaignItem, CampaignLink, Subscriber
from tests import factories
from tests.newsletters.conftest import links_in, path_of
from tests.newsletters.factories import CampaignFactory, SubscriberFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def editor(client, django_user_model):
    user = django_user_model.objects.create_user("ed", "ed@example.org", "pw")
    user.groups.add(Group.objects.get(name=EDITORS))
    client.force_login(user)
    return user


@pytest.fixture
def article(series, author):
    return factories.ArticlePageFactory(
        series=series,
        title="The alliance at seventy",
        summary="What holds it together.",
        authors=[author, factories.PersonPageFactory(title="Lee Min-jun")],
    )


@pytest.fixture
def campaign(lists, article, institute, settings):
    settings.PENINSULA_NEWSLETTER_FROM = "news@harbour.example.org"
    campaign = CampaignFactory(subject="Weekly brief 41", lists=[lists["Weekly brief"]])
    campaign.introduction = (
        '<p>See <a href="https://elsewhere.example.org/report?a=1&amp;b=2">the report</a>.</p>'
    )
    campaign.save()
    CampaignItem.objects.create(campaign=campaign, publication=article, note="", sort_order=0)
    return campaign


def destination(click_link: str) -> str:
    return tracking.read_click(click_link.rstrip("/").rsplit("/", 1)[1])[1]


def send(on_commit, campaign):
    on_commit(campaigns.send_now, campaign)
    campaign.refresh_from_db()
    assert campaign.status == Campaign.Status.SENT


def html_of(received) -> BeautifulSoup:
    return BeautifulSoup(received.message.get_body(("html",)).get_content(), "html.parser")


def test_the_email_comes_from_the_institute_with_its_logo_and_each_items_authors(
    smtp, on_commit, campaign
):
    reader = SubscriberFactory(lists=campaign.lists.all())
    send(on_commit, campaign)
    [received] = smtp.to(reader.email)
    assert received.message["From"].addresses[0].display_name == "Harbour Institute"
    assert received.message["From"].addresses[0].addr_spec == "news@harbour.example.org"
    page = html_of(received)
    logo = page.select_one(".masthead img")
    assert logo["src"].endswith(".png") and "/static/" in logo["src"]
    assert page.select_one(".byline").get_text() == "By Jane Park and Lee Min-jun"
    text = received.message.get_body(("plain",)).get_content()
    assert "By Jane Park and Lee Min-jun" in text
    # Links are styled in the message itself (mail programs ignore <style>).
    intro_link = page.find("a", string="the report")
    assert "color: #1d4e89" in intro_link["style"] and "underline" in intro_link["style"]


def test_the_sender_name_and_logo_can_be_set_for_newsletters(smtp, on_commit, campaign, settings):
    from wagtail.models import Site

    from peninsula.newsletters.models import NewsletterSettings

    look = NewsletterSettings.for_site(Site.objects.get(is_default_site=True))
    look.sender_name = "Harbour Weekly"
    look.logo = factories.ImageFactory(file=factories.png_file("logo.png", size=(400, 100)))
    look.save()
    reader = SubscriberFactory(lists=campaign.lists.all())
    send(on_commit, campaign)
    [received] = smtp.to(reader.email)
    assert received.message["From"].addresses[0].display_name == "Harbour Weekly"
    src = html_of(received).select_one(".masthead img")["src"]
    assert "/images/" in src and src.endswith(".png")
    # An operator who wrote a display name into PENINSULA_NEWSLETTER_FROM keeps it.
    settings.PENINSULA_NEWSLETTER_FROM = "Press Office <press@harbour.example.org>"
    assert emails.sender() == "Press Office <press@harbour.example.org>"


def test_links_go_through_a_signed_redirect_that_counts_clicks_per_link(
    client, smtp, on_commit, campaign, article, editor
):
    readers = SubscriberFactory.create_batch(2, lists=campaign.lists.all())
    send(on_commit, campaign)
    # Every link in the emails is counted in a row, at 0, before anyone clicks.
    urls = set(CampaignLink.objects.filter(campaign=campaign).values_list("url", flat=True))
    assert "https://elsewhere.example.org/report?a=1&b=2" in urls
    assert any(url.endswith(article.url) for url in urls)

    def clicks_in(received):
        return [a["href"] for a in html_of(received).select("a[href*='/newsletters/click/']")]

    first = clicks_in(smtp.to(readers[0].email)[0])
    second = clicks_in(smtp.to(readers[1].email)[0])
    assert first == second  # the same links for everyone: nothing in them names a reader
    assert all(link in first for link in links_in(smtp.to(readers[0].email)[0], "/click/"))
    [external] = {
        link for link in first if destination(link).startswith("https://elsewhere.example.org")
    }
    response = client.get(path_of(external))
    assert response.status_code == 302
    assert response["Location"] == "https://elsewhere.example.org/report?a=1&b=2"
    assert "no-store" in response["Cache-Control"]  # a cache must never answer in our place
    assert response["Referrer-Policy"] == "no-referrer"
    client.get(path_of(external))
    assert CampaignLink.objects.get(url__startswith="https://elsewhere").clicks == 2

    report = BeautifulSoup(
        client.get(reverse("newsletters_admin:campaign", args=[campaign.pk])).content,
        "html.parser",
    )
    rows = {
        row.select_one("a")["href"]: row.select_one("[data-clicks]").get_text()
        for row in report.select("#campaign-links tbody tr")
    }
    assert rows["https://elsewhere.example.org/report?a=1&b=2"] == "2"
    assert "0" in rows.values()  # the article link nobody followed is listed too


def test_a_forged_or_altered_click_link_is_refused_and_redirects_nowhere(client, campaign):
    good = tracking.click_url(campaign.pk, "https://www.example.org/a/", "http://testserver")
    token = good.split("/")[-2]
    forged = signing.dumps([campaign.pk, "https://evil.example.net/", 1], salt="another salt")
    payload, _, signature = token.rpartition(":")
    tampered = payload[:-2] + ("AA" if payload[-2:] != "AA" else "BB") + ":" + signature
    unsigned = "https://evil.example.net/"
    wrong_purpose = tracking.campaign_token(campaign.pk)  # a "view in browser" token
    for bad in (forged, tampered, unsigned.replace("/", "%2F"), wrong_purpose, "x" * 4000):
        response = client.get(f"/newsletters/click/{bad}/")
        assert response.status_code in (400, 404), bad
        assert "Location" not in response
        if response.status_code == 400:
            assert b"This link does not work" in response.content
    # Even a link we signed only ever leads to a web page.
    javascript = signing.dumps(
        [campaign.pk, "javascript:alert(1)", 1], salt=tracking.CLICK, compress=True
    )
    assert client.get(f"/newsletters/click/{javascript}/").status_code == 400
    assert not CampaignLink.objects.filter(clicks__gt=0).exists()


def test_a_test_email_has_working_reader_links_that_change_nothing(
    client, smtp, on_commit, campaign, editor, lists
):
    SubscriberFactory(email="ed@example.org", lists=[lists["Events"]])
    url = reverse("newsletters_admin:campaign", args=[campaign.pk])
    on_commit(client.post, url, {"action": "test", "test-address": "someone@example.org"})
    [test] = smtp.to("someone@example.org")
    [preferences] = links_in(test, "/newsletters/preferences/")
    [unsubscribe] = links_in(test, "/newsletters/unsubscribe/")
    client.logout()

    page = client.get(path_of(preferences))
    assert page.status_code == 200
    soup = BeautifulSoup(page.content, "html.parser")
    assert "test email" in soup.select_one("[data-testid=sample-notice]").get_text()
    assert {label.get_text(strip=True) for label in soup.select("main label.choice")} >= {
        "Weekly brief",
        "Events",
    }
    saved = client.post(
        path_of(preferences), {"lists": [lists["Events"].pk], "frequency": "weekly"}
    )
    assert b"Nothing was saved" in saved.content

    page = client.get(path_of(unsubscribe))
    assert page.status_code == 200 and b"unsubscribes nobody" in page.content
    done = client.post(path_of(unsubscribe))
    assert b"nobody was unsubscribed" in done.content
    one_click = client.post(path_of(unsubscribe), {"List-Unsubscribe": "One-Click"})
    assert one_click.status_code == 200
    assert Subscriber.objects.get(email="ed@example.org").status == "active"
    assert Subscriber.objects.filter(status="unsubscribed").count() == 0

    # Its links lead on but are not counted.
    [click] = [link for link in links_in(test, "/newsletters/click/") if "elsewhere" not in link][
        :1
    ]
    assert client.get(path_of(click)).status_code == 302
    assert not CampaignLink.objects.filter(clicks__gt=0).exists()


def test_view_in_browser_is_a_public_page_without_anyones_own_links(
    client, smtp, on_commit, campaign
):
    reader = SubscriberFactory(lists=campaign.lists.all())
    send(on_commit, campaign)
    [received] = smtp.to(reader.email)
    [web] = links_in(received, "/newsletters/web/")
    assert html_of(received).find("a", string="View this email in your browser")["href"] == web
    response = client.get(path_of(web))
    assert response.status_code == 200
    page = BeautifulSoup(response.content, "html.parser")
    assert page.title.get_text() == "Weekly brief 41"
    assert page.find(string="The alliance at seventy") is not None
    assert page.find("a", string="View this email in your browser") is None
    assert page.find("a", string="Subscribe to our mailing list")["href"].endswith("/subscribe/")
    body = response.content.decode()
    assert "/newsletters/preferences/" not in body and "/newsletters/unsubscribe/" not in body
    assert emails.PREFERENCES_MARK not in body and emails.UNSUBSCRIBE_MARK not in body
    assert "script-src" not in response["Content-Security-Policy"]  # default-src 'none'
    assert "default-src 'none'" in response["Content-Security-Policy"]
    # Someone else's guess at another campaign's page gets nowhere.
    other = CampaignFactory(subject="Not sent yet")
    token = path_of(web).rstrip("/").rsplit("/", 1)[1]
    _, timestamp, signature = token.split(":")
    swapped = signing.b64_encode(str(other.pk).encode()).decode()
    guess = reverse("newsletters:web", args=[f"{swapped}:{timestamp}:{signature}"])
    assert client.get(guess).status_code == 400


def test_opens_are_counted_only_when_an_operator_turns_them_on(
    client, smtp, on_commit, campaign, lists, settings, editor
):
    reader = SubscriberFactory(lists=campaign.lists.all())
    send(on_commit, campaign)
    assert "/newsletters/open/" not in smtp.to(reader.email)[0].data.decode()
    page = client.get(reverse("newsletters_admin:campaign", args=[campaign.pk])).content
    assert b'id="campaign-opens-off"' in page and b"PENINSULA_NEWSLETTER_TRACK_OPENS" in page

    settings.PENINSULA_NEWSLETTER_TRACK_OPENS = True
    second = CampaignFactory(subject="Counted opens", lists=[lists["Weekly brief"]])
    send(on_commit, second)
    image = html_of(smtp.to(reader.email)[-1]).select("img[src*='/newsletters/open/']")
    [image] = image
    response = client.get(path_of(image["src"]))
    assert response.status_code == 200 and response["Content-Type"] == "image/gif"
    assert "no-store" in response["Cache-Control"]
    second.refresh_from_db()
    assert second.opens == 1
    report = BeautifulSoup(
        client.get(reverse("newsletters_admin:campaign", args=[second.pk])).content, "html.parser"
    )
    assert report.select_one("#campaign-opens").get_text() == "1"
    assert "Apple Mail" in report.get_text()  # the caveat is said where the figure is
    # The browser copy neither counts opens nor shows the image.
    [web] = links_in(smtp.to(reader.email)[-1], "/newsletters/web/")
    assert "/newsletters/open/" not in client.get(path_of(web)).content.decode()


def test_the_report_shows_unsubscribes_and_bounces(client, smtp, on_commit, campaign, editor):
    from django.utils import timezone

    from peninsula.newsletters import actions

    readers = SubscriberFactory.create_batch(3, lists=campaign.lists.all())
    smtp.handler.refuse[readers[2].email] = ["550 No such user"]
    send(on_commit, campaign)
    actions.unsubscribe_everything(readers[0])
    Subscriber.objects.filter(pk=readers[0].pk).update(unsubscribed_at=timezone.now())
    report = BeautifulSoup(
        client.get(reverse("newsletters_admin:campaign", args=[campaign.pk])).content,
        "html.parser",
    )
    assert report.select_one("#unsubscribed-after").get_text() == "1"
    assert report.select_one("#campaign-report td[data-key=failed]").get_text() == "1"


def test_an_alert_shows_one_publication_large(campaign, article):
    campaign.template = Campaign.Template.ALERT
    rendered = emails.render_campaign(campaign, "https://www.example.org")
    page = BeautifulSoup(rendered.html, "html.parser")
    kind = article.type_label.lower()
    assert page.select_one(".kicker").get_text() == f"New {kind}"
    assert page.select_one(".feature h1").get_text() == "The alliance at seventy"
    assert page.select_one("a.button").get_text() == f"Read the {kind}"
    assert f"New {kind}: The alliance at seventy" in rendered.text
    assert campaigns.problems(campaign) == []


def test_an_invitation_gives_the_events_time_place_and_how_to_register(lists, institute, series):
    import datetime

    event = factories.EventPageFactory(
        series=series,
        title="Book talk: The Alliance at Seventy",
        start_date=datetime.date(2030, 5, 14),
        start_time=datetime.time(9, 30),
        end_time=datetime.time(11, 0),
        time_zone="Asia/Seoul",
        venue_name="Harbour Institute conference room",
        venue_address="1 Example Street",
        registration_url="https://events.example.org/register/alliance",
    )
    campaign = CampaignFactory(
        subject="You are invited", template="invitation", lists=[lists["Events"]]
    )
    CampaignItem.objects.create(campaign=campaign, publication=event, sort_order=0)
    assert campaigns.problems(campaign) == []
    rendered = emails.render_campaign(campaign, "https://www.example.org")
    page = BeautifulSoup(rendered.html, "html.parser")
    details = page.select_one(".details").get_text(" ", strip=True)
    assert "Tuesday 14 May 2030, 09:30–11:00 KST" in details
    assert "Harbour Institute conference room" in details
    assert (
        page.find("a", string="Register")["href"] == "https://events.example.org/register/alliance"
    )
    calendar = page.find("a", string="Add to calendar")["href"]
    assert calendar == f"https://www.example.org/feeds/events/{event.pk}.ics"
    assert "When: Tuesday 14 May 2030, 09:30–11:00 KST" in rendered.text

    # An invitation to something that is not an event cannot be sent.
    article = factories.ArticlePageFactory(series=series)
    CampaignItem.objects.filter(campaign=campaign).update(publication=article)
    assert campaigns.problems(campaign) == [
        "An event invitation's first publication must be an event."
    ]


def test_every_template_renders_its_plain_text_with_the_footer(campaign):
    for template in Campaign.Template.values:
        campaign.template = template
        rendered = emails.render_campaign(campaign, "https://www.example.org")
        assert emails.UNSUBSCRIBE_MARK in rendered.text and "Harbour Institute" in rendered.text
        assert re.search(
            r"View this email in your browser:\s+https://www\.example\.org/newsletters/web/",
            rendered.text,
        )
