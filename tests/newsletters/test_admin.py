"""Editors in the Wagtail admin: compose, preview, test, send, report; import and export."""

import pytest
from bs4 import BeautifulSoup
from django.contrib.auth.models import Group
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from wagtail.test.utils.form_data import inline_formset, nested_form_data, rich_text

from peninsula.core.roles import EDITORS
from peninsula.newsletters.models import Campaign, ConsentRecord, Delivery, Subscriber
from tests import factories
from tests.newsletters.factories import SubscriberFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def editor(client, django_user_model):
    user = django_user_model.objects.create_user("ed", "ed@example.org", "pw")
    user.groups.add(Group.objects.get(name=EDITORS))
    client.force_login(user)
    return user


def test_an_editor_composes_previews_tests_and_sends_a_campaign(
    client, editor, smtp, on_commit, lists, series, institute, author
):
    article = factories.ArticlePageFactory(
        series=series,
        title="The alliance at seventy",
        summary="What holds it together.",
        authors=[author],
    )
    readers = SubscriberFactory.create_batch(3, lists=[lists["Weekly brief"]])
    SubscriberFactory(lists=[lists["Weekly brief"]], status="pending")  # not a recipient

    # The compose form: lists are checkboxes, with the number of people they reach.
    form = BeautifulSoup(
        client.get(reverse("wagtailsnippets_newsletters_campaign:add")).content, "html.parser"
    )
    boxes = form.select("input[type=checkbox][name=lists]")
    assert {box["value"] for box in boxes} == {str(item.pk) for item in lists.values()}
    assert form.select_one("[data-recipient-number]").get_text() == "0"
    assert {radio["value"] for radio in form.select("input[type=radio][name=template]")} == {
        "newsletter",
        "alert",
        "invitation",
    }

    data = nested_form_data(
        {
            "template": "newsletter",
            "subject": "Weekly brief 41",
            "preheader": "Three things to read",
            "introduction": rich_text("<p>Good morning from the institute.</p>"),
            "closing": rich_text("<p>Until next week.</p>"),
            "items": inline_formset([{"publication": article.pk, "note": "Start here."}]),
        }
    )
    data["lists"] = [lists["Weekly brief"].pk]  # a multiple choice, not a nested list
    response = client.post(reverse("wagtailsnippets_newsletters_campaign:add"), data)
    assert response.status_code == 302, response.content.decode()[:2000]
    campaign = Campaign.objects.get(subject="Weekly brief 41")
    page_url = reverse("newsletters_admin:campaign", args=[campaign.pk])
    assert response["Location"] == page_url  # saving leads to where it is tested and sent
    assert [item.publication_id for item in campaign.items.all()] == [article.pk]
    assert list(campaign.lists.all()) == [lists["Weekly brief"]]
    edit = BeautifulSoup(
        client.get(
            reverse("wagtailsnippets_newsletters_campaign:edit", args=[campaign.pk])
        ).content,
        "html.parser",
    )
    assert edit.select_one("[data-recipient-number]").get_text() == "3"

    preview = client.get(reverse("newsletters_admin:preview", args=[campaign.pk]))
    assert b"The alliance at seventy" in preview.content and b"Start here." in preview.content

    hub = BeautifulSoup(client.get(page_url).content, "html.parser")
    assert hub.select_one("#recipient-count").get_text() == "3"
    on_commit(client.post, page_url, {"action": "test", "test-address": "ed@example.org"})
    [test] = smtp.to("ed@example.org")
    assert test.message["Subject"] == "[Test] Weekly brief 41"
    assert Delivery.objects.count() == 0  # a test is not a send

    # "Review and send" shows the count again; nothing goes before the confirmation.
    review = client.post(page_url, {"action": "send", "send-when": "now"})
    assert review.status_code == 200 and Delivery.objects.count() == 0
    confirm = BeautifulSoup(review.content, "html.parser")
    assert confirm.select_one("#confirm-count").get_text() == "3"
    assert confirm.select_one("button[value=confirm]").get_text() == "Send to 3 recipients"
    assert confirm.select_one("input[name=expected]")["value"] == "3"

    sent = on_commit(
        client.post, page_url, {"action": "confirm", "send-when": "now", "expected": "3"}
    )
    assert sent.status_code == 302
    campaign.refresh_from_db()
    assert campaign.status == Campaign.Status.SENT
    assert sorted(
        r for m in smtp.received for r in m.recipients if r != "ed@example.org"
    ) == sorted(reader.email for reader in readers)
    report = BeautifulSoup(client.get(page_url).content, "html.parser")
    assert report.select_one("#campaign-report td[data-key=sent]").get_text() == "3"
    listing = client.get(reverse("newsletters_admin:campaigns"))
    assert b"Weekly brief 41" in listing.content


def test_the_confirmation_refuses_a_count_that_changed_meanwhile(client, editor, lists, mailoutbox):
    """The editor confirmed "3 recipients" but a fourth person joined since: nothing is sent,
    and the confirmation comes back with the new number."""
    SubscriberFactory.create_batch(4, lists=[lists["Events"]])
    campaign = Campaign.objects.create(subject="Counted")
    campaign.lists.set([lists["Events"]])
    campaign.save()
    url = reverse("newsletters_admin:campaign", args=[campaign.pk])
    again = client.post(url, {"action": "confirm", "send-when": "now", "expected": "3"})
    page = BeautifulSoup(again.content, "html.parser")
    assert page.select_one("#count-changed") is not None
    assert page.select_one("#confirm-count").get_text() == "4"
    campaign.refresh_from_db()
    assert campaign.status == Campaign.Status.DRAFT and not Delivery.objects.exists()


def test_the_recipient_count_counts_each_confirmed_person_once(client, editor, lists):
    both = SubscriberFactory(lists=[lists["Events"], lists["Weekly brief"]])
    SubscriberFactory(lists=[lists["Events"]])
    SubscriberFactory(lists=[lists["Weekly brief"]], status="unsubscribed")
    SubscriberFactory(lists=[lists["Weekly brief"]], status="pending")
    url = reverse("newsletters_admin:recipient_count")
    ids = [lists["Events"].pk, lists["Weekly brief"].pk]
    assert client.get(url, {"lists": ids}).json() == {"count": 2, "count_display": "2"}
    assert client.get(url, {"lists": [lists["Weekly brief"].pk]}).json()["count"] == 1
    assert client.get(url).json()["count"] == 0
    assert client.get(url, {"lists": ["x", "9" * 30]}).json()["count"] == 0
    assert both.lists.count() == 2


def test_a_send_can_be_scheduled_but_not_in_the_past_and_cancelled(client, editor, lists):
    SubscriberFactory(lists=[lists["Events"]])
    campaign = Campaign.objects.create(subject="Later")
    campaign.lists.set([lists["Events"]])
    campaign.save()
    url = reverse("newsletters_admin:campaign", args=[campaign.pk])
    past = client.post(
        url, {"action": "send", "send-when": "later", "send-send_at": "2001-01-01T09:00"}
    )
    assert b"Choose a time in the future." in past.content
    later = {"send-when": "later", "send-send_at": "2100-01-01T09:00"}
    review = BeautifulSoup(client.post(url, {"action": "send", **later}).content, "html.parser")
    assert "can cancel it" in review.select_one("#confirm-when").get_text()
    assert review.select_one("button[value=confirm]").get_text() == "Schedule for 1 recipient"
    client.post(url, {"action": "confirm", "expected": "1", **later})
    campaign.refresh_from_db()
    assert campaign.status == Campaign.Status.SCHEDULED and campaign.send_at.year == 2100

    page = BeautifulSoup(client.get(url).content, "html.parser")
    assert page.select_one("button[value=unschedule]").get_text() == "Cancel the scheduled send"
    client.post(url, {"action": "unschedule"})
    campaign.refresh_from_db()
    assert campaign.status == Campaign.Status.DRAFT and campaign.send_at is None

    # Once it has started, it is too late to cancel.
    Campaign.objects.filter(pk=campaign.pk).update(status=Campaign.Status.SENDING)
    client.post(url, {"action": "unschedule"})
    campaign.refresh_from_db()
    assert campaign.status == Campaign.Status.SENDING


def test_a_campaign_that_cannot_go_says_why_and_sends_nothing(client, editor, lists, series):
    campaign = Campaign.objects.create(subject="No list", template="invitation")
    url = reverse("newsletters_admin:campaign", args=[campaign.pk])
    response = client.post(url, {"action": "send", "send-when": "now"}, follow=True)
    text = response.content.decode()
    assert "Choose at least one list for this campaign first." in text
    assert "A event invitation needs a publication." not in text  # grammar
    assert "An event invitation needs a publication." in text
    campaign.refresh_from_db()
    assert campaign.status == Campaign.Status.DRAFT


CSV = (
    "Email,Name,Organisation\n"
    "ana@example.org,Ana Lima,Harbour Bank\n"
    "ANA@example.org,Ana again,\n"
    "not-an-address,Nobody,\n"
    ",Missing,\n"
    "known@example.org,Known Person,\n"
    "left@example.org,Left Us,\n"
    "bo@example.org," + "x" * 300 + ",\n"
    "cy@example.org,Cy,Ministry of Ports\n"
)


def upload(client, content: bytes, lists, name="people.csv"):
    return client.post(
        reverse("newsletters_admin:import_form"),
        {
            "file": SimpleUploadedFile(name, content, content_type="text/csv"),
            "lists": [lists["Events"].pk],
            "consent_note": "Signed up at the 2025 annual conference",
        },
        follow=True,
    )


def test_csv_import_reports_each_rejected_row_and_adds_nobody_twice(client, editor, lists):
    SubscriberFactory(email="known@example.org", lists=[lists["Weekly brief"]])
    SubscriberFactory(email="left@example.org", status="unsubscribed")
    page = BeautifulSoup(upload(client, CSV.encode(), lists).content, "html.parser")
    assert page.select_one("#import-summary").get_text() == "Added 2, updated 1, rejected 5."
    reasons = {
        row.select("td")[0].get_text(): row.select("td")[2].get_text()
        for row in page.select("#import-rejections tbody tr")
    }
    assert reasons == {
        "3": "the same address as line 2",
        "4": "not a valid email address",
        "5": "no email address",
        "7": "unsubscribed; only they can rejoin",
        "8": "name longer than 200 characters",
    }
    assert Subscriber.objects.filter(email="ana@example.org").count() == 1
    known = Subscriber.objects.get(email="known@example.org")
    assert set(known.lists.values_list("name", flat=True)) == {"Weekly brief", "Events"}
    assert Subscriber.objects.get(email="left@example.org").status == "unsubscribed"
    consent = ConsentRecord.objects.get(subscriber__email="cy@example.org")
    assert consent.action == "import" and "annual conference" in consent.source
    # The same file again changes nothing but the counts.
    again = BeautifulSoup(upload(client, CSV.encode(), lists).content, "html.parser")
    assert again.select_one("#import-summary").get_text() == "Added 0, updated 3, rejected 5."
    assert Subscriber.objects.count() == 4


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (b"\n", "The file is empty."),
        (b"name,organisation\nA,B\n", "The first row must name the columns"),
        ("email\nzoë@example.org\n".encode("utf-16"), "not UTF-8 text"),
        (b'email\n"unclosed@example.org\n', "not valid CSV"),
    ],
)
def test_unreadable_files_get_a_clear_error(client, editor, lists, content, message):
    page = BeautifulSoup(upload(client, content, lists).content, "html.parser")
    assert message in page.select_one("#import-error").get_text()


def test_huge_uploads_are_refused_before_reading(client, editor, lists, monkeypatch):
    monkeypatch.setattr("peninsula.newsletters.forms.MAX_CSV_BYTES", 100)
    response = upload(client, b"email\n" + b"a@example.org\n" * 20, lists)
    assert b"larger than 10 MB" in response.content
    assert not Subscriber.objects.exists()


def test_export_is_a_csv_that_spreadsheets_cannot_run(client, editor, lists):
    SubscriberFactory(email="a@example.org", name='=HYPERLINK("x")', lists=[lists["Events"]])
    response = client.get(reverse("newsletters_admin:export"))
    body = b"".join(response.streaming_content).decode()
    lines = body.strip().splitlines()
    assert lines[0].startswith("email,name,organisation,status,lists")
    assert lines[1].startswith("a@example.org,\"'=HYPERLINK") and "Events" in lines[1]


def test_deleting_a_subscriber_in_the_admin_forgets_them(client, editor, lists):
    from peninsula.newsletters.models import Batch

    person = SubscriberFactory(email="forget-me@example.org", lists=[lists["Events"]])
    campaign = Campaign.objects.create(subject="Old news")
    batch = Batch.objects.create(campaign=campaign)
    Delivery.objects.create(
        campaign=campaign, batch=batch, subscriber=person, email=person.email, status="sent"
    )
    url = reverse("wagtailsnippets_newsletters_subscriber:delete", args=[person.pk])
    client.post(url)
    assert not Subscriber.objects.filter(pk=person.pk).exists()
    assert not ConsentRecord.objects.filter(subscriber_id=person.pk).exists()
    delivery = Delivery.objects.get()
    assert delivery.email == "" and delivery.subscriber is None and delivery.status == "sent"


def test_the_consent_record_shows_in_the_admin(client, editor, lists):
    from peninsula.newsletters.actions import record_consent

    person = SubscriberFactory(email="c@example.org")
    record_consent(person, "signup", source="footer: /", ip="203.0.113.5")
    url = reverse("wagtailsnippets_newsletters_subscriber:inspect", args=[person.pk])
    text = BeautifulSoup(client.get(url).content, "html.parser").get_text()
    assert "signup via footer: / from 203.0.113.5" in text


def test_authors_cannot_reach_the_newsletter_pages(client, django_user_model):
    from peninsula.core.roles import AUTHORS

    user = django_user_model.objects.create_user("au", "au@example.org", "pw")
    user.groups.add(Group.objects.get(name=AUTHORS))
    client.force_login(user)
    for name in ("campaigns", "import_form", "export"):
        assert client.get(reverse(f"newsletters_admin:{name}")).status_code in {302, 403}
