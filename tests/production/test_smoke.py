"""The production configuration, end to end: nginx with TLS and the documented config in
front of `peninsula serve` (production settings, PostgreSQL, Redis), `peninsula worker` and
an SMTP sink, all started here (tests/production/stack.py). An editor publishes in the admin
over HTTPS in Chromium; readers get the page from nginx's cache and the edit within 2 s; a
reader signs up, confirms by the emailed link and receives a campaign sent from the admin.
"""

import re
import time

import pytest
import requests
from playwright.sync_api import expect

from tests.production.admin import (
    edit_title_and_time_it,
    new_tab,
    page_id,
    publish_new_page,
    read,
)

pytestmark = pytest.mark.production


def app_requests(stack, path) -> int:
    """How many GETs of `path` reached gunicorn (its access log), not answered by nginx.
    With LOG_FORMAT=json the request line sits in a JSON string, its quotes escaped.

    gunicorn writes the access line after the response has gone, so the first one is waited
    for; then a moment more, for a second one that should not come."""

    def count():
        return len(re.findall(rf'\\?"GET {re.escape(path)} HTTP', stack.log("serve")))

    deadline = time.monotonic() + 10
    while count() == 0 and time.monotonic() < deadline:
        time.sleep(0.05)
    time.sleep(0.5)
    return count()


def test_published_in_the_admin_cached_by_nginx_and_purged_on_an_edit(stack, editor):
    editor.goto("/admin/pages/")
    home_id = int(
        re.search(
            r"/admin/pages/(\d+)/edit/",
            editor.locator("a[href*='/edit/']").first.get_attribute("href"),
        )[1]
    )
    publish_new_page(editor, home_id, "publications/seriespage", "Commentary")
    series_id = page_id(editor, home_id, "Commentary")
    publish_new_page(
        editor,
        series_id,
        "publications/articlepage",
        "Harbour notes",
        summary="What the port statistics say this quarter.",
    )
    path = "/commentary/harbour-notes/"

    first, second = read(stack, path), read(stack, path)
    assert first.status_code == 200 and "Harbour notes" in first.text
    assert first.headers["X-Cache-Status"] == "MISS"
    assert second.headers["X-Cache-Status"] == "HIT"
    assert "Set-Cookie" not in second.headers
    assert app_requests(stack, path) == 1  # the second reader never reached the app
    # An editor, logged in, always sees the site fresh and is never stored.
    assert editor.goto(stack.url(path)).headers["x-cache-status"] == "BYPASS"

    article_id = page_id(editor, series_id, "Harbour notes")
    seconds, fresh = edit_title_and_time_it(
        editor, stack, article_id, path, "Harbour notes, revised", limit=2
    )
    print(f"the edit reached readers {seconds:.2f} s after the click")
    assert fresh.headers["X-Cache-Status"] == "MISS"
    assert read(stack, path).headers["X-Cache-Status"] == "HIT"


def test_a_reader_confirms_by_the_emailed_link_and_receives_a_campaign(stack, editor, browser):
    reader = new_tab(browser, stack)
    reader.goto("/subscribe/")
    reader.fill("#id_email", "reader@example.org")
    reader.fill("#id_name", "Ana Reader")
    reader.locator("input[name=lists]").first.check()
    list_name = reader.locator("label:has(input[name=lists])").first.inner_text().strip()
    with reader.expect_navigation():
        reader.get_by_role("button", name="Sign up", exact=True).click()
    assert "/newsletters/check-your-inbox/" in reader.url

    confirmation = wait_for_mail(stack, "reader@example.org")
    text = confirmation.message.get_body(("plain",)).get_content()
    # PENINSULA_BASE_URL, not the address gunicorn listens on.
    link = re.search(rf"{re.escape(stack.url(''))}/newsletters/confirm/\S+", text)
    assert link, text
    reader.goto(link[0])
    with reader.expect_navigation():
        reader.get_by_role("button", name="Confirm my subscription").click()
    assert reader.locator("h1").inner_text() == "You are subscribed"
    reader.context.close()

    editor.goto("/admin/snippets/newsletters/campaign/add/")
    editor.fill("#id_subject", "Harbour brief 1")
    editor.get_by_role("checkbox", name=list_name).check()
    expect(editor.locator("[data-recipient-number]")).to_have_text("1")
    with editor.expect_navigation():
        editor.get_by_role("button", name="Save").first.click()
    # Saving opens the campaign's page: review, then the confirmation repeats the count.
    with editor.expect_navigation():
        editor.get_by_role("button", name="Review and send…").click()
    with editor.expect_navigation():
        editor.get_by_role("button", name="Send to 1 recipient").click()
    expect(editor.get_by_text("The campaign is on its way to 1 person.")).to_be_visible()

    campaign = wait_for_mail(stack, "reader@example.org", subject="Harbour brief 1")
    assert campaign.message["From"]
    assert (
        stack.url("/newsletters/unsubscribe/")
        in campaign.message.get_body(("plain",)).get_content()
    )


def wait_for_mail(stack, address, subject=None, seconds=30):
    """The first message to `address` (with `subject`) the worker delivered to the sink."""
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        for item in stack.smtp.to(address):
            if subject is None or item.message["Subject"] == subject:
                return item
        time.sleep(0.1)
    raise AssertionError(f"no email to {address} ({subject or 'any subject'}) in {seconds} s")


def test_security_headers_on_a_public_page(stack):
    response = read(stack, "/")
    headers = response.headers
    assert response.url.startswith("https://")
    assert re.fullmatch(r"max-age=\d{7,}.*", headers["Strict-Transport-Security"])
    assert headers["X-Content-Type-Options"] == "nosniff"
    assert headers["Referrer-Policy"]
    policy = dict(
        directive.strip().split(" ", 1)
        for directive in headers["Content-Security-Policy"].split(";")
        if directive.strip()
    )
    assert policy["script-src"] == "'self'"  # no inline script on reader pages
    assert policy["object-src"] == "'none'" and policy["frame-ancestors"] == "'self'"
    # Plain HTTP is sent to HTTPS by nginx.
    plain = requests.get(
        f"http://127.0.0.1:{stack.nginx.http_port}/", allow_redirects=False, timeout=10
    )
    assert plain.status_code == 301
    assert plain.headers["Location"].startswith("https://")
