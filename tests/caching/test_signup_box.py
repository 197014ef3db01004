"""The footer's sign-up box works without a CSRF token, and refuses other sites' posts."""

import pytest
from bs4 import BeautifulSoup
from django.test import Client

from peninsula.newsletters.models import Subscriber

pytestmark = pytest.mark.django_db


@pytest.fixture
def browser():
    """A client that enforces CSRF as a browser's requests meet it."""
    return Client(enforce_csrf_checks=True)


@pytest.fixture
def box_form(browser, institute):
    """The footer box as the home page renders it: its action and its fields filled in."""
    form = BeautifulSoup(browser.get("/").content, "html.parser").select_one(".subscribe form")
    data = {i["name"]: i.get("value", "") for i in form.select("input[type=hidden]")}
    data["lists"] = [form.select_one("input[name=lists]")["value"]]
    data |= {"email": "reader@example.org", "name": "A Reader"}
    return form["action"], data


def post(browser, box_form, django_capture_on_commit_callbacks, **headers):
    action, data = box_form
    with django_capture_on_commit_callbacks(execute=True):
        return browser.post(action, data, **headers)


def test_signing_up_from_the_footer_needs_no_token(
    browser, box_form, mailoutbox, django_capture_on_commit_callbacks
):
    assert "csrfmiddlewaretoken" not in box_form[1]
    response = post(
        browser,
        box_form,
        django_capture_on_commit_callbacks,
        HTTP_ORIGIN="http://testserver",
        HTTP_SEC_FETCH_SITE="same-origin",
    )
    assert response.status_code == 302
    assert response["Location"] == "/newsletters/check-your-inbox/"
    assert Subscriber.objects.get().status == Subscriber.Status.PENDING
    [message] = mailoutbox
    assert message.to == ["reader@example.org"]
    assert not browser.cookies  # no CSRF cookie was ever needed


@pytest.mark.parametrize(
    "headers",
    [
        {"HTTP_ORIGIN": "https://elsewhere.example"},
        {"HTTP_ORIGIN": "null"},  # a sandboxed frame or a data: page
        {"HTTP_ORIGIN": "https://testserver"},  # the right host on another scheme
        {"HTTP_SEC_FETCH_SITE": "cross-site"},
        {"HTTP_SEC_FETCH_SITE": "same-site"},  # a sibling subdomain is another origin
        {"HTTP_REFERER": "https://elsewhere.example/page"},
    ],
)
def test_a_post_from_another_site_is_refused(
    browser, box_form, mailoutbox, django_capture_on_commit_callbacks, headers
):
    response = post(browser, box_form, django_capture_on_commit_callbacks, **headers)
    assert response.status_code == 403
    assert not Subscriber.objects.exists()
    assert mailoutbox == []


def test_trusted_origins_and_non_browser_clients_may_post(
    browser, box_form, mailoutbox, django_capture_on_commit_callbacks, settings
):
    """A CSRF_TRUSTED_ORIGINS origin is the site's own; a client that sends no Origin,
    Sec-Fetch-Site or Referer is no browser being forged (see newsletters/crosssite.py)."""
    settings.CSRF_TRUSTED_ORIGINS = ["https://www.harbour.example"]
    action, data = box_form
    trusted = post(
        browser,
        box_form,
        django_capture_on_commit_callbacks,
        HTTP_ORIGIN=settings.CSRF_TRUSTED_ORIGINS[0],
    )
    assert trusted.status_code == 302
    data["email"] = "script@example.org"
    with django_capture_on_commit_callbacks(execute=True):
        plain = browser.post(action, data)
    assert plain.status_code == 302
    assert Subscriber.objects.count() == 2
    assert len(mailoutbox) == 2


def test_the_endpoint_is_rate_limited_with_the_subscribe_page(
    browser, box_form, django_capture_on_commit_callbacks, settings
):
    settings.PENINSULA_NEWSLETTER_RATE_LIMIT = (2, 600)
    headers = {"HTTP_ORIGIN": "http://testserver", "REMOTE_ADDR": "203.0.113.5"}
    for _ in range(2):
        assert (
            post(browser, box_form, django_capture_on_commit_callbacks, **headers).status_code
            == 302
        )
    assert post(browser, box_form, django_capture_on_commit_callbacks, **headers).status_code == 429
    action, data = box_form
    # The same count: /subscribe/ (here without its CSRF check) is refused as well.
    assert Client().post("/subscribe/", data, REMOTE_ADDR="203.0.113.5").status_code == 429


def test_errors_are_shown_on_the_subscribe_page(
    browser, box_form, django_capture_on_commit_callbacks
):
    action, data = box_form
    data["email"] = "not-an-address"
    response = browser.post(action, data, HTTP_ORIGIN="http://testserver")
    assert response.status_code == 200
    assert BeautifulSoup(response.content, "html.parser").select_one(".form-errors")
    assert "private" in response["Cache-Control"]
    assert not Subscriber.objects.exists()


def test_the_subscribe_page_keeps_its_csrf_token(browser, box_form):
    """/subscribe/ is a page of its own, never cached: its form still carries a token."""
    action, data = box_form
    assert browser.post("/subscribe/", data).status_code == 403
    page = browser.get("/subscribe/")
    assert b'name="csrfmiddlewaretoken"' in page.content
    assert "private" in page["Cache-Control"]
    token = browser.cookies["csrftoken"].value
    data["csrfmiddlewaretoken"] = token
    assert browser.post("/subscribe/", data).status_code == 302


def test_only_posts_are_taken(browser, institute):
    assert browser.get("/newsletters/sign-up/").status_code == 405
