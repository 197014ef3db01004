"""Sign-in throttling (django-axes): a password can no longer be guessed by trying many."""

import datetime
import time

import pytest
from django.contrib.auth import authenticate, get_user_model
from django.core.management import call_command
from django.test import RequestFactory

LOGIN = "/admin/login/"
PASSWORD = "correct horse battery staple"

pytestmark = pytest.mark.django_db


@pytest.fixture
def editor(settings):
    # The test settings turn django-axes off for the rest of the suite (Django's test client
    # signs in without a request); here it runs as in production.
    settings.AXES_ENABLED = True
    settings.AXES_FAILURE_LIMIT = 5
    settings.AXES_COOLOFF_TIME = datetime.timedelta(minutes=15)
    return get_user_model().objects.create_superuser("editor", "editor@example.org", PASSWORD)


def sign_in(client, password, address="203.0.113.7", **headers):
    return client.post(
        LOGIN, {"username": "editor", "password": password}, REMOTE_ADDR=address, **headers
    )


def signed_in(client):
    return "_auth_user_id" in client.session


def test_forty_wrong_passwords_then_the_right_one_does_not_sign_in(client, editor):
    for attempt in range(40):
        response = sign_in(client, f"guess-{attempt}")
        assert not signed_in(client)
    assert response.status_code == 429

    response = sign_in(client, PASSWORD)
    assert response.status_code == 429
    assert not signed_in(client)
    page = response.content.decode()
    assert "Sign-in paused" in page and "15 minutes" in page
    assert "axes_reset_username editor" in page


def test_the_fifth_failure_locks_and_the_fourth_does_not(client, editor):
    for attempt in range(4):
        assert sign_in(client, f"guess-{attempt}").status_code == 200  # the form, with an error
    assert sign_in(client, PASSWORD).status_code == 302
    assert signed_in(client)


def test_the_operators_reset_lets_the_right_password_in_at_once(client, editor):
    for attempt in range(6):
        sign_in(client, f"guess-{attempt}")
    assert sign_in(client, PASSWORD).status_code == 429

    call_command("axes_reset_username", "editor")

    response = sign_in(client, PASSWORD)
    assert response.status_code == 302 and response["Location"] == "/admin/"
    assert signed_in(client)


def test_after_the_cool_off_the_right_password_signs_in(client, editor, settings):
    settings.AXES_COOLOFF_TIME = datetime.timedelta(seconds=1)
    for attempt in range(5):
        sign_in(client, f"guess-{attempt}")
    assert sign_in(client, PASSWORD).status_code == 429
    time.sleep(1.2)
    assert sign_in(client, PASSWORD).status_code == 302
    assert signed_in(client)


def test_the_lock_is_per_address_so_others_can_still_sign_in(client, editor):
    for attempt in range(5):
        sign_in(client, f"guess-{attempt}", address="203.0.113.7")
    assert sign_in(client, PASSWORD, address="198.51.100.20").status_code == 302


def test_a_forged_forwarded_header_does_not_escape_the_lock(client, editor, settings):
    """Behind nginx (one trusted proxy) the lock follows the address nginx appended."""
    settings.PENINSULA_TRUSTED_PROXIES = 1

    def through_nginx(password, forged):
        return sign_in(
            client, password, address="127.0.0.1", HTTP_X_FORWARDED_FOR=f"{forged}, 203.0.113.7"
        )

    for attempt in range(5):
        through_nginx(f"guess-{attempt}", forged=f"192.0.2.{attempt}")
    assert through_nginx(PASSWORD, forged="192.0.2.200").status_code == 429
    assert not signed_in(client)


def test_djangos_own_authenticate_is_throttled_too(editor):
    """Any sign-in through django.contrib.auth (not only Wagtail's form) counts and is refused."""
    request = RequestFactory().post("/elsewhere/", REMOTE_ADDR="203.0.113.7")
    for attempt in range(5):
        assert authenticate(request, username="editor", password=f"guess-{attempt}") is None
    assert authenticate(request, username="editor", password=PASSWORD) is None

    fresh = RequestFactory().post("/elsewhere/", REMOTE_ADDR="198.51.100.20")
    assert authenticate(fresh, username="editor", password=PASSWORD) == editor
