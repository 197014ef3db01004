"""The contact/enquiry form page: submissions kept and emailed, spam turned away without
any outside service (honeypot, minimum fill time, signed start time)."""

import time

import pytest
from bs4 import BeautifulSoup
from django.core import mail
from wagtail.contrib.forms.models import FormSubmission

from peninsula.core.spam import started_token
from peninsula.enquiries.models import FormField, FormPage
from tests.factories import home_page

pytestmark = pytest.mark.django_db


@pytest.fixture
def contact(institute):
    page = FormPage(
        title="Media enquiries",
        slug="media-enquiries",
        to_address="press@example.org, comms@example.org",
        from_address="website@example.org",
        subject="Media enquiry",
    )
    page.form_fields = [
        FormField(label="Your name", field_type="singleline", required=True, sort_order=0),
        FormField(label="Email", field_type="email", required=True, sort_order=1),
        FormField(label="Outlet", field_type="singleline", required=False, sort_order=2),
        FormField(label="Message", field_type="multiline", required=True, sort_order=3),
    ]
    home_page().add_child(instance=page)
    page.save_revision().publish()
    return page


def answers(**extra):
    data = {
        "your_name": "Min Cho",
        "email": "min@example.org",
        "outlet": "Korea Herald",
        "message": "May we interview a fellow on Thursday?",
        "website": "",
        "form_started": started_token(time.time() - 30),
    }
    data.update(extra)
    return data


def test_the_form_shows_its_fields_and_a_hidden_honeypot(client, contact):
    page = BeautifulSoup(client.get(contact.url).content, "html.parser")
    form = page.select_one('[data-testid="form-page-form"]')
    labels = [" ".join(label.get_text().split()) for label in form.select(".form-field label")]
    assert labels == ["Your name", "Email", "Outlet (optional)", "Message"]
    trap = form.select_one(".form-trap")
    assert trap["aria-hidden"] == "true" and trap.input["tabindex"] == "-1"
    assert form.select_one('input[type="hidden"][name="form_started"]')["value"]


def test_a_submission_is_kept_and_emailed_to_the_editors_addresses(client, contact):
    response = client.post(contact.url, answers())
    assert response.status_code == 200
    assert "Thank you" in response.content.decode()
    (submission,) = FormSubmission.objects.filter(page=contact)
    data = submission.get_data()
    assert data["message"] == "May we interview a fellow on Thursday?"
    assert "website" not in data and "form_started" not in data
    (message,) = mail.outbox
    assert message.to == ["press@example.org", "comms@example.org"]
    assert message.reply_to == ["min@example.org"]
    assert message.subject == "Media enquiry"
    assert "Outlet: Korea Herald" in message.body


@pytest.mark.parametrize(
    "spam, error",
    [
        (lambda: {"website": "http://cheap-pills.example"}, "hidden field"),
        (lambda: {"form_started": started_token(time.time() - 1)}, "quicker than we expect"),
        (lambda: {"form_started": ""}, "expired"),
        (lambda: {"form_started": "1733400000.0:forged"}, "expired"),
        (lambda: {"form_started": started_token(time.time() - 3 * 24 * 3600)}, "expired"),
    ],
    ids=["honeypot", "too-fast", "missing-time", "forged-time", "stale-time"],
)
def test_spam_is_refused_with_a_reason_and_nothing_kept_or_sent(client, contact, spam, error):
    response = client.post(contact.url, answers(**spam()))
    assert response.status_code == 200
    assert error in response.content.decode()
    assert not FormSubmission.objects.exists()
    assert mail.outbox == []
    # What the person typed is still there to send again.
    assert "May we interview a fellow" in response.content.decode()


def test_a_backdated_start_time_cannot_be_signed_without_the_secret(client, contact):
    from django.core import signing

    forged = signing.dumps(
        time.time() - 60, key="not-this-sites-secret", salt="peninsula.core.spam"
    )
    response = client.post(contact.url, answers(form_started=forged))
    assert "expired" in response.content.decode()
    assert not FormSubmission.objects.exists()


def test_the_form_page_is_private_to_each_reader(client, contact):
    """It carries a CSRF token, so no shared cache may keep it."""
    response = client.get(contact.url)
    assert "public" not in response["Cache-Control"]
