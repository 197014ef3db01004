"""Registering, the waiting list, cancelling by the emailed link, reminders, CSV export."""

import csv
import datetime
import io

import pytest
from bs4 import BeautifulSoup
from django.core import mail
from django.urls import reverse
from django.utils import timezone
from icalendar import Calendar

from peninsula.core.spam import started_token
from peninsula.registrations import actions, tokens
from peninsula.registrations.models import Registration, RegistrationQuestion
from tests import factories
from tests.registrations.conftest import soon

pytestmark = pytest.mark.django_db
Status = Registration.Status


def register(client, event, email, name="Min Cho", **extra):
    data = {
        "name": name,
        "email": email,
        "organisation": "Seoul National University",
        "form_started": started_token(),
        "website": "",
        **extra,
    }
    return client.post(reverse("registrations:register", args=[event.pk]), data)


def cancel_link(message) -> str:
    """The cancel link from a registration email's text."""
    line = next(line for line in message.body.splitlines() if "/registrations/cancel/" in line)
    return line.strip().removeprefix("http://testserver")


def test_places_then_waiting_list_then_promotion_on_cancel(
    client, event, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        for email in ("a@example.org", "b@example.org", "c@example.org", "d@example.org"):
            assert register(client, event, email).status_code == 302
    statuses = dict(Registration.objects.values_list("email", "status"))
    assert statuses == {
        "a@example.org": Status.CONFIRMED,
        "b@example.org": Status.CONFIRMED,
        "c@example.org": Status.WAITING,
        "d@example.org": Status.WAITING,
    }
    subjects = [message.subject for message in mail.outbox]
    assert subjects.count(f"You're registered: {event.title}") == 2
    assert subjects.count(f"You're on the waiting list: {event.title}") == 2

    # b cancels through the link in their email: c, first in the queue, gets the place.
    to_b = next(m for m in mail.outbox if "b@example.org" in m.to[0])
    link = cancel_link(to_b)
    mail.outbox.clear()
    page = client.get(link)
    assert page.status_code == 200 and b"Cancel my registration" in page.content
    assert Registration.objects.get(email="b@example.org").status == Status.CONFIRMED  # GET asks
    with django_capture_on_commit_callbacks(execute=True):
        assert client.post(link).status_code == 200
    statuses = dict(Registration.objects.values_list("email", "status"))
    assert statuses["b@example.org"] == Status.CANCELLED
    assert statuses["c@example.org"] == Status.CONFIRMED
    assert statuses["d@example.org"] == Status.WAITING
    assert Registration.objects.get(email="c@example.org").promoted_at is not None
    promoted = next(m for m in mail.outbox if "c@example.org" in m.to[0])
    assert promoted.subject == f"A place has come up: you're registered: {event.title}"
    assert any(name.endswith(".ics") for name, _, _ in promoted.attachments)
    assert any(m.subject.startswith("Registration cancelled") for m in mail.outbox)

    # Cancelling again changes nothing and promotes no one else.
    client.post(link)
    assert Registration.objects.confirmed().count() == 2


def test_confirmation_carries_the_event_as_a_calendar_file(
    client, event, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        register(client, event, "min@example.org")
    (message,) = mail.outbox
    assert message.to == ["Min Cho <min@example.org>"]
    ((filename, content, mimetype),) = message.attachments
    assert filename == f"{event.slug}.ics" and mimetype.startswith("text/calendar")
    (vevent,) = Calendar.from_ical(content).walk("VEVENT")
    assert str(vevent["SUMMARY"]) == event.title
    assert vevent["DTSTART"].dt == event.start  # the same instant, 9:30 in Seoul
    html = message.alternatives[0][0]
    assert "/registrations/cancel/" in html and event.title in html
    assert "(KST, Asia/Seoul)" in message.body


def test_full_event_without_waiting_list_refuses(client, event):
    event.waiting_list = False
    event.save_revision().publish()
    for email in ("a@example.org", "b@example.org"):
        register(client, event, email)
    page = client.get(reverse("registrations:register", args=[event.pk]))
    assert b"Every place is taken." in page.content
    assert BeautifulSoup(page.content, "html.parser").select_one("form.public-form") is None
    with pytest.raises(actions.EventFull):
        actions.register(event, name="Late", email="late@example.org")
    assert Registration.objects.count() == 2


def test_registering_twice_keeps_one_place(client, event, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        register(client, event, "Min@Example.org")
        register(client, event, "min@example.org ")
    assert Registration.objects.get().email == "min@example.org"
    assert len(mail.outbox) == 2  # the confirmation, sent again


def test_registration_closes_when_the_event_starts(client, institute):
    past = factories.EventPageFactory(
        start_date=datetime.date(2020, 1, 10), takes_registrations=True
    )
    assert not past.registration_open
    page = client.get(reverse("registrations:register", args=[past.pk]))
    assert b"Registration has closed." in page.content
    register(client, past, "late@example.org")
    assert not Registration.objects.exists()


def test_events_without_registration_here_have_no_form(client, institute):
    plain = factories.EventPageFactory()
    assert client.get(reverse("registrations:register", args=[plain.pk])).status_code == 404


def test_editor_questions_are_asked_and_kept(client, event):
    RegistrationQuestion.objects.create(
        page=event, label="Dietary needs", field_type="singleline", required=False, sort_order=0
    )
    RegistrationQuestion.objects.create(
        page=event,
        label="How will you attend?",
        field_type="radio",
        choices="In person\nOnline",
        required=True,
        sort_order=1,
    )
    form = BeautifulSoup(
        client.get(reverse("registrations:register", args=[event.pk])).content, "html.parser"
    )
    assert form.find("label", string=lambda s: s and "Dietary needs" in s)
    assert form.select('input[type="radio"][name="how_will_you_attend"]')
    response = register(client, event, "a@example.org")
    assert response.status_code == 200 and "This field is required" in response.text
    register(
        client, event, "a@example.org", dietary_needs="Vegetarian", how_will_you_attend="Online"
    )
    assert Registration.objects.get().answers == {
        "Dietary needs": "Vegetarian",
        "How will you attend?": "Online",
    }


def test_a_forged_or_altered_cancel_token_is_refused(client, event):
    registration = actions.register(event, name="Min", email="min@example.org")
    good = tokens.make_token(registration)
    other = actions.register(event, name="Ken", email="ken@example.org")
    forged = [
        good[:-2] + ("AA" if not good.endswith("AA") else "BB"),  # signature altered
        tokens.make_token(other).split(":")[0] + ":" + good.split(":", 1)[1],  # id swapped
        "1:abcdef",
        str(registration.pk),
    ]
    for token in forged:
        url = reverse("registrations:cancel", args=[token])
        assert client.get(url).status_code == 404
        assert client.post(url).status_code == 404
    assert Registration.objects.filter(status=Status.CANCELLED).count() == 0


def test_reminder_goes_once_the_day_before(event, django_capture_on_commit_callbacks):
    early = actions.register(event, name="Early", email="early@example.org")
    actions.register(event, name="Two", email="two@example.org")
    queued = actions.register(event, name="Queued", email="queued@example.org")
    assert queued.status == Status.WAITING
    mail.outbox.clear()
    two_days_before = event.starts_at - datetime.timedelta(days=2)
    with django_capture_on_commit_callbacks(execute=True):
        assert actions.send_reminders(now=two_days_before) == 0
    day_before = event.starts_at - datetime.timedelta(hours=20)
    with django_capture_on_commit_callbacks(execute=True):
        assert actions.send_reminders(now=day_before) == 2  # the two with a place
        assert actions.send_reminders(now=day_before) == 0  # never twice
    assert sorted(m.to[0] for m in mail.outbox) == [
        "Early <early@example.org>",
        "Two <two@example.org>",
    ]
    assert all(m.subject == f"Reminder: {event.title}" for m in mail.outbox)
    assert Registration.objects.get(pk=early.pk).reminded_at == day_before
    with django_capture_on_commit_callbacks(execute=True):
        assert actions.send_reminders(now=event.starts_at + datetime.timedelta(hours=1)) == 0


def test_reminder_command_runs_the_same(event, django_capture_on_commit_callbacks):
    """`peninsula manage send_event_reminders`, which the worker runs every ten minutes."""
    from django.core.management import call_command

    registration = actions.register(event, name="Min", email="min@example.org")
    Registration.objects.filter(pk=registration.pk).update(
        created_at=timezone.now() - datetime.timedelta(days=30)
    )
    event.start_date = timezone.now().date()
    event.start_time = (timezone.now() + datetime.timedelta(hours=3)).astimezone(event.zone).time()
    event.start_date = (timezone.now() + datetime.timedelta(hours=3)).astimezone(event.zone).date()
    event.end_time = None
    event.save()
    out = io.StringIO()
    with django_capture_on_commit_callbacks(execute=True):
        call_command("send_event_reminders", stdout=out)
    assert out.getvalue().strip() == "Reminders queued: 1"
    assert Registration.objects.get().reminded_at is not None


def test_raising_the_capacity_gives_places_to_those_waiting(
    event, django_capture_on_commit_callbacks
):
    for name in ("a", "b", "c", "d"):
        actions.register(event, name=name, email=f"{name}@example.org")
    event.capacity = 3
    with django_capture_on_commit_callbacks(execute=True):
        event.save_revision().publish()
    assert list(
        Registration.objects.confirmed().values_list("name", flat=True).order_by("name")
    ) == [
        "a",
        "b",
        "c",
    ]


def test_admin_lists_and_exports_registrations_as_csv(admin_client, event):
    RegistrationQuestion.objects.create(
        page=event, label="Dietary needs", field_type="singleline", required=False
    )
    actions.register(
        event,
        name="Min Cho",
        email="min@example.org",
        organisation="SNU",
        answers={"Dietary needs": "Vegetarian"},
    )
    actions.register(event, name="Ken Sato", email="ken@example.org")
    other = factories.EventPageFactory(
        title="Another event", start_date=soon(20), takes_registrations=True
    )
    actions.register(other, name="Elsewhere", email="else@example.org")

    listing = admin_client.get("/admin/event_registrations/", {"event": event.pk})
    assert listing.status_code == 200
    assert b"Min Cho" in listing.content and b"Elsewhere" not in listing.content

    export = admin_client.get("/admin/event_registrations/", {"event": event.pk, "export": "csv"})
    assert export.status_code == 200 and export["Content-Type"].startswith("text/csv")
    content = b"".join(export.streaming_content) if export.streaming else export.content
    rows = list(csv.DictReader(io.StringIO(content.decode("utf-8-sig"))))
    assert [row["Name"] for row in rows] == ["Min Cho", "Ken Sato"]
    assert rows[0]["Email"] == "min@example.org" and rows[0]["Organisation"] == "SNU"
    assert rows[0]["Event"] == event.title and rows[0]["Status"] == "Confirmed"
    assert rows[0]["Answers"] == "Dietary needs: Vegetarian"


def test_registration_page_says_how_many_places_are_left(client, event):
    page = client.get(reverse("registrations:register", args=[event.pk]))
    assert b"2 places left." in page.content
    assert page["X-Robots-Tag"] == "noindex"
    assert "no-store" in page["Cache-Control"] or "private" in page["Cache-Control"]
