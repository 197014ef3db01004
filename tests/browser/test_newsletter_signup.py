# ruff: noqa: F811  (the SMTP fixture is imported by name, then requested)
"""In Chromium: sign up, open the confirmation link from the email the SMTP server received,
confirm, change preferences, unsubscribe. Screenshots of each page at both widths."""

import re

import pytest
from playwright.sync_api import expect

# Here, beside the other browser tests, so they all share one Chromium: a second module
# importing the session browser fixture would start a second Playwright and fail.
from tests.browser.test_pages_in_browser import WIDTHS, check_layout_and_accessibility
from tests.newsletters.conftest import links_in, smtp  # noqa: F401  (fixture)

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]


def shoot(page, name):
    for width in WIDTHS:
        page.set_viewport_size({"width": width, "height": 900})
        check_layout_and_accessibility(page, f"newsletter-{name}", width)


def test_sign_up_confirm_change_preferences_and_unsubscribe_in_the_browser(
    page,
    institute,
    smtp,
    settings,
    live_server,  # noqa: F811
):
    from peninsula.newsletters.models import Subscriber

    settings.PENINSULA_BASE_URL = live_server.url  # links in the emails lead here
    page.goto("/subscribe/")
    shoot(page, "signup")
    form = page.locator("main form")  # the page's own form, not the box in the footer
    form.get_by_role("textbox", name="Email address").fill("reader@example.org")
    form.get_by_role("textbox", name="Name", exact=True).fill("Min-ji Kang")
    form.get_by_label("Organisation (optional)").fill("Seoul Policy Forum")
    form.get_by_label("Weekly brief").check()
    form.get_by_label("Events").check()
    form.get_by_role("button", name="Sign up").click()
    expect(page.get_by_role("heading", name="Check your inbox")).to_be_visible()
    assert Subscriber.objects.get().status == "pending"

    [message] = smtp.to("reader@example.org")
    [link] = links_in(message, "/newsletters/confirm/")
    page.goto(link)
    shoot(page, "confirm")
    page.get_by_role("button", name="Confirm my subscription").click()
    expect(page.get_by_role("heading", name="You are subscribed")).to_be_visible()
    shoot(page, "confirmed")
    subscriber = Subscriber.objects.get()
    assert subscriber.status == "active"
    assert set(subscriber.lists.values_list("name", flat=True)) == {"Weekly brief", "Events"}

    page.get_by_role("link", name=re.compile("Choose themes")).click()
    expect(page.get_by_role("heading", name="Your email preferences")).to_be_visible()
    shoot(page, "preferences")
    prefs = page.locator("main")
    prefs.get_by_role("group", name="Lists", exact=True).get_by_label("Events").uncheck()
    prefs.get_by_role("group", name="Themes you follow").get_by_label("Security").check()
    prefs.get_by_label("Once a week").check()
    page.get_by_role("button", name="Save my choices").click()
    expect(page.get_by_role("status")).to_have_text("Your choices are saved.")
    subscriber.refresh_from_db()
    assert list(subscriber.lists.values_list("name", flat=True)) == ["Weekly brief"]
    assert list(subscriber.themes.values_list("name", flat=True)) == ["Security"]
    assert subscriber.frequency == "weekly"

    page.get_by_role("button", name="Unsubscribe from everything").click()
    expect(page.get_by_role("heading", name="You are unsubscribed")).to_be_visible()
    subscriber.refresh_from_db()
    assert subscriber.status == "unsubscribed" and not subscriber.lists.exists()
