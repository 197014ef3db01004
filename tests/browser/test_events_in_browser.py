"""In Chromium at 390 and 1280 px: the event page, the events listing, a reader registering
(a place, then the waiting list, then cancelling from the emailed link and the next in line
getting the place), a past event's recording, a podcast's subscribe box and a contact form.
axe-core must find nothing serious or critical on any of them; screenshots of each."""

import datetime
import re

import pytest
from django.core import mail
from django.utils import timezone
from playwright.sync_api import expect

from tests import factories
from tests.browser.test_pages_in_browser import WIDTHS, check_layout_and_accessibility, open_at

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]


def shoot(page, name):
    for width in WIDTHS:
        page.set_viewport_size({"width": width, "height": 900})
        check_layout_and_accessibility(page, name, width)


@pytest.fixture
def small_event(institute, settings, live_server):
    """An upcoming event in Seoul taking registrations here: one place and a waiting list."""
    from peninsula.publications.models import EventSpeaker
    from peninsula.registrations.models import RegistrationQuestion

    settings.PENINSULA_FORM_MIN_SECONDS = 0  # the browser types faster than a person
    settings.PENINSULA_BASE_URL = live_server.url  # links in the emails lead here
    start = (timezone.now() + datetime.timedelta(days=12)).date()
    event = factories.EventPageFactory(
        series=institute.event.get_parent().specific,
        title="Roundtable: sanctions at sea",
        summary="Two former officials on enforcement in the Yellow Sea.",
        start_date=start,
        start_time=datetime.time(18, 30),
        end_time=datetime.time(20, 0),
        time_zone="Asia/Seoul",
        venue_name="Press Center, Seoul",
        takes_registrations=True,
        capacity=1,
        waiting_list=True,
        authors=[institute.people.director],
        speakers=[EventSpeaker(person=institute.people.ambassador, role="Speaker", sort_order=0)],
    )
    RegistrationQuestion.objects.create(
        page=event,
        label="How will you attend?",
        field_type="radio",
        choices="In person\nOnline",
        required=True,
        sort_order=0,
    )
    return event


def register(page, name, email):
    form = page.locator("main form")
    form.get_by_label("Name", exact=True).fill(name)
    form.get_by_label("Email").fill(email)
    form.get_by_label("Organisation (optional)").fill("Seoul Policy Forum")
    form.get_by_label("Online").check()
    form.locator("button[type=submit]").click()


def test_event_page_and_listing(page, institute, small_event):
    for width in WIDTHS:
        open_at(page, small_event.url, width)
        expect(page.get_by_role("heading", level=1)).to_have_text(small_event.title)
        details = page.get_by_test_id("event-details")
        expect(details.get_by_role("link", name="Register")).to_be_visible()
        expect(details.get_by_role("link", name="Add to calendar")).to_be_visible()
        header = page.locator(".article__header")
        expect(header.get_by_test_id("event-when")).to_contain_text("6:30 p.m. KST")
        expect(page.get_by_test_id("disclaimer")).to_have_count(0)
        expect(page.locator(".article__header")).not_to_contain_text("By ")
        expect(details.locator(".speakers li")).to_contain_text("Cho Hyun-woo (Speaker)")
        check_layout_and_accessibility(page, "event-registration-open", width)

    events_url = institute.event.get_parent().url
    for width in WIDTHS:
        open_at(page, events_url, width)
        upcoming = page.get_by_test_id("upcoming-events")
        titles = upcoming.locator(".card__title")
        # Soonest first: this roundtable in twelve days, the book talk in 2030.
        expect(titles).to_have_text([small_event.title, institute.event.title])
        expect(upcoming.get_by_test_id("event-when").first).to_contain_text("6:30 p.m. KST")
        check_layout_and_accessibility(page, "events-listing", width)


def test_a_reader_registers_joins_the_waiting_list_and_cancels(page, institute, small_event):
    from peninsula.registrations.models import Registration

    open_at(page, small_event.url, WIDTHS[0])
    page.get_by_test_id("event-details").get_by_role("link", name="Register").click()
    expect(page.get_by_test_id("registration-status")).to_have_text("1 place left.")
    shoot(page, "registration-form")
    register(page, "Min-ji Kang", "minji@example.org")
    expect(page.get_by_role("heading", level=1)).to_have_text("You're registered")
    shoot(page, "registration-done")

    [confirmation] = [m for m in mail.outbox if "minji@example.org" in m.to[0]]
    assert confirmation.subject == f"You're registered: {small_event.title}"
    assert confirmation.attachments[0][0].endswith(".ics")

    # The event is now full: the next reader joins the waiting list.
    page.goto(f"/registrations/{small_event.pk}/")
    expect(page.get_by_test_id("registration-status")).to_contain_text("Every place is taken")
    expect(page.locator("main form button[type=submit]")).to_have_text("Join the waiting list")
    shoot(page, "registration-waiting-list")
    register(page, "Ken Sato", "ken@example.org")
    expect(page.get_by_role("heading", level=1)).to_have_text("You're on the waiting list")

    # The first reader cancels from their email; the place goes to the second.
    cancel = re.search(r"http://\S+/registrations/cancel/\S+/", confirmation.body)[0]
    page.goto(cancel)
    expect(page.get_by_test_id("cancel-status")).to_contain_text("registered for")
    shoot(page, "registration-cancel")
    page.get_by_role("button", name="Cancel my registration").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Registration cancelled")
    shoot(page, "registration-cancelled")
    statuses = dict(Registration.objects.values_list("email", "status"))
    assert statuses == {"minji@example.org": "cancelled", "ken@example.org": "confirmed"}
    assert any(m.subject.startswith("A place has come up") for m in mail.outbox)

    # A made-up link changes nothing.
    open_at(page, "/registrations/cancel/1:forged/", WIDTHS[1], status=404)
    expect(page.get_by_role("heading", level=1)).to_have_text("This link does not work")


def test_past_event_with_recording_and_podcast_subscribe(page, institute):
    events = institute.event.get_parent().specific
    past = factories.EventPageFactory(
        series=events,
        title="Panel: the armistice at seventy",
        start_date=datetime.date(2023, 7, 27),
        start_time=datetime.time(10, 0),
        end_time=datetime.time(12, 0),
        time_zone="America/New_York",
        recording_url="https://www.youtube.com/watch?v=abcdefghijk",
        transcript="<p><b>Moderator:</b> Welcome, and thank you for coming.</p>",
    )
    for width in WIDTHS:
        open_at(page, past.url, width)
        expect(page.get_by_text("This event has taken place.")).to_be_visible()
        expect(page.get_by_test_id("recording").locator("iframe")).to_be_visible()
        expect(page.get_by_test_id("add-to-calendar")).to_be_visible()
        page.get_by_text("Read the transcript").click()
        expect(page.get_by_test_id("transcript")).to_contain_text("Welcome, and thank you")
        check_layout_and_accessibility(page, "event-past-recording", width)

    podcast = factories.SeriesPageFactory(
        title="The Long Table",
        apple_podcasts_url="https://podcasts.apple.com/podcast/id123",
        spotify_url="https://open.spotify.com/show/abc",
    )
    episode = factories.PodcastEpisodePageFactory(series=podcast, title="Episode 3: ports")
    for width in WIDTHS:
        open_at(page, episode.url, width)
        box = page.get_by_test_id("podcast-subscribe")
        expect(box.get_by_role("heading")).to_have_text("Subscribe to this podcast")
        for name in ("Apple Podcasts", "Spotify", "RSS feed"):
            expect(box.get_by_role("link", name=name)).to_be_visible()
        check_layout_and_accessibility(page, "podcast-subscribe", width)


def test_contact_form_page(page, institute, settings):
    from wagtail.contrib.forms.models import FormSubmission

    from peninsula.enquiries.models import FormField, FormPage

    settings.PENINSULA_FORM_MIN_SECONDS = 0
    contact = FormPage(
        title="Contact us",
        slug="contact",
        to_address="info@peninsula.example.org",
        introduction="<p>Write to us about our work, events or publications.</p>",
    )
    contact.form_fields = [
        FormField(label="Your name", field_type="singleline", required=True, sort_order=0),
        FormField(label="Email", field_type="email", required=True, sort_order=1),
        FormField(
            label="Subject",
            field_type="dropdown",
            choices="General\nMedia enquiry",
            required=True,
            sort_order=2,
        ),
        FormField(label="Message", field_type="multiline", required=True, sort_order=3),
    ]
    factories.home_page().add_child(instance=contact)
    contact.save_revision().publish()
    for width in WIDTHS:
        open_at(page, contact.url, width)
        check_layout_and_accessibility(page, "contact-form", width)
    trap = page.locator(".form-trap input").bounding_box()  # off-screen: people never see it
    assert trap["x"] + trap["width"] <= 0
    form = page.get_by_test_id("form-page-form")
    form.get_by_label("Your name").fill("Min-ji Kang")
    form.get_by_label("Email").fill("minji@example.org")
    form.get_by_label("Subject").select_option("Media enquiry")
    form.get_by_label("Message").fill("May we interview a fellow?")
    form.get_by_role("button", name="Send").click()
    expect(page.get_by_test_id("form-page-thanks")).to_contain_text("Thank you")
    shoot(page, "contact-form-sent")
    assert FormSubmission.objects.filter(page=contact).count() == 1
    assert [m.to for m in mail.outbox] == [["info@peninsula.example.org"]]
