"""peninsula.core.urls_base.base_url, and `peninsula serve` telling it where it listens."""

import os

import pytest
from django.test import RequestFactory
from wagtail.models import Site

from peninsula import cli, server
from peninsula.core.urls_base import base_url

pytestmark = pytest.mark.django_db


@pytest.fixture
def unset(settings):
    settings.PENINSULA_BASE_URL = ""
    settings.PENINSULA_SERVED_URL = ""
    settings.ALLOWED_HOSTS = ["*"]
    return settings


def _site(hostname, port):
    Site.objects.filter(is_default_site=True).update(hostname=hostname, port=port)
    Site.objects.get(is_default_site=True).save()  # the signal that refreshes base_url


def test_configured_address_wins(settings):
    settings.PENINSULA_BASE_URL = "https://www.example.org"
    request = RequestFactory().get("/", HTTP_HOST="127.0.0.1:8001")
    assert base_url(request) == "https://www.example.org"
    assert base_url() == "https://www.example.org"


def test_built_from_the_request_as_django_does(unset):
    assert base_url(RequestFactory().get("/", HTTP_HOST="127.0.0.1:8001")) == (
        "http://127.0.0.1:8001"
    )
    assert base_url(RequestFactory().get("/", HTTP_HOST="www.example.org", secure=True)) == (
        "https://www.example.org"
    )


def test_behind_a_proxy_the_scheme_comes_from_the_trusted_header(unset):
    unset.SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
    request = RequestFactory().get("/", HTTP_HOST="www.example.org", HTTP_X_FORWARDED_PROTO="https")
    assert base_url(request) == "https://www.example.org"


def test_without_a_request_the_default_site(unset):
    _site("www.example.org", 443)
    assert base_url() == "https://www.example.org"
    _site("www.example.org", 8443)
    assert base_url() == "http://www.example.org:8443"  # Wagtail's root_url: https only on 443


def test_a_site_on_this_machine_gives_way_to_the_served_address(unset):
    """The demo's site says 127.0.0.1:8000; served on 8001, worker emails link to 8001."""
    _site("127.0.0.1", 8000)
    assert base_url() == "http://127.0.0.1:8000"
    unset.PENINSULA_SERVED_URL = "http://127.0.0.1:8001"
    assert base_url() == "http://127.0.0.1:8001"
    _site("www.example.org", 443)  # a real host name: the site is right, serve is internal
    assert base_url() == "https://www.example.org"


@pytest.mark.parametrize(
    "host, url",
    [
        ("127.0.0.1", "http://127.0.0.1:8001"),
        ("0.0.0.0", "http://127.0.0.1:8001"),
        ("localhost", "http://localhost:8001"),
        ("::", "http://[::1]:8001"),
        ("::1", "http://[::1]:8001"),
    ],
)
def test_served_url(host, url):
    assert cli.served_url(host, 8001) == url


def test_serve_announces_its_address_to_the_settings_and_prints_the_admin(monkeypatch, capsys):
    """`peninsula serve --port 8001`: PENINSULA_SERVED_URL is in the environment before the
    settings are read (and so in the worker's), and the admin's address is printed."""
    seen = {}
    monkeypatch.delenv("PENINSULA_SERVED_URL", raising=False)
    monkeypatch.setattr(cli, "_django", lambda: seen.setdefault("at_setup", dict(os.environ)))

    class FakeGunicorn:
        def __init__(self, options):
            seen["bind"] = options["bind"]

        def run(self):
            pass

    monkeypatch.setattr(server, "_Gunicorn", FakeGunicorn)
    options = cli.build_parser().parse_args(["serve", "--port", "8001", "--no-worker"])
    options.func(options)
    assert seen["at_setup"]["PENINSULA_SERVED_URL"] == "http://127.0.0.1:8001"
    assert seen["bind"] == "127.0.0.1:8001"
    assert "Admin: http://127.0.0.1:8001/admin/" in capsys.readouterr().out
