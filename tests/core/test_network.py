"""The reader's address behind trusted proxies, and the limits keyed on it."""

import pytest
from django.test import RequestFactory

from peninsula.core.network import client_ip


def request(remote="10.0.0.5", forwarded=None):
    headers = {"REMOTE_ADDR": remote}
    if forwarded is not None:
        headers["HTTP_X_FORWARDED_FOR"] = forwarded
    return RequestFactory().get("/", **headers)


def test_without_trusted_proxies_a_forwarded_header_is_ignored(settings):
    settings.PENINSULA_TRUSTED_PROXIES = 0
    assert client_ip(request("198.51.100.9", forwarded="203.0.113.1")) == "198.51.100.9"


@pytest.mark.parametrize(
    ("proxies", "forwarded", "expected"),
    [
        # nginx appended the address it saw: the reader.
        (1, "203.0.113.7", "203.0.113.7"),
        # The reader forged entries to the left of nginx's: they are never read.
        (1, "1.2.3.4, 5.6.7.8, 203.0.113.7", "203.0.113.7"),
        # A load balancer appended the reader, nginx appended the load balancer.
        (2, "1.2.3.4, 203.0.113.7, 10.0.0.2", "203.0.113.7"),
        (1, "2001:db8::7", "2001:db8::7"),
        (1, "[2001:db8::7]:51234", "2001:db8::7"),
        (1, "203.0.113.7:51234", "203.0.113.7"),
    ],
)
def test_the_address_is_read_that_many_hops_from_the_right(settings, proxies, forwarded, expected):
    settings.PENINSULA_TRUSTED_PROXIES = proxies
    assert client_ip(request(forwarded=forwarded)) == expected


@pytest.mark.parametrize(
    ("proxies", "forwarded"),
    [
        (1, None),  # the request did not come through the proxy
        (2, "203.0.113.7"),  # fewer entries than proxies: the header is the client's own
        (1, "1.2.3.4, not-an-address"),
        (1, "1.2.3.4, <script>"),
        (1, ""),
    ],
)
def test_a_missing_short_or_invalid_header_falls_back_to_the_connection(
    settings, proxies, forwarded
):
    settings.PENINSULA_TRUSTED_PROXIES = proxies
    assert client_ip(request("10.0.0.5", forwarded=forwarded)) == "10.0.0.5"


def test_newsletter_views_still_import_client_ip_from_ratelimit():
    from peninsula.newsletters import ratelimit

    assert ratelimit.client_ip is client_ip


@pytest.mark.django_db
def test_forged_headers_do_not_escape_the_sign_up_rate_limit(client, settings):
    """Behind one proxy, a reader who invents a new X-Forwarded-For on every POST is still
    counted under the address the proxy appended; another reader is not held back."""
    settings.PENINSULA_TRUSTED_PROXIES = 1
    settings.PENINSULA_NEWSLETTER_RATE_LIMIT = (3, 600)

    def post(forged, reader):
        header = f"{forged}, {reader}"
        return client.post("/subscribe/", {}, REMOTE_ADDR="127.0.0.1", HTTP_X_FORWARDED_FOR=header)

    codes = [post(f"192.0.2.{n}", "203.0.113.7").status_code for n in range(4)]
    assert 429 not in codes[:3] and codes[3] == 429
    assert post("192.0.2.99", "203.0.113.8").status_code != 429


@pytest.mark.django_db
def test_without_trusted_proxies_forged_headers_do_not_escape_either(client, settings):
    settings.PENINSULA_TRUSTED_PROXIES = 0
    settings.PENINSULA_NEWSLETTER_RATE_LIMIT = (3, 600)
    codes = [
        client.post(
            "/subscribe/", {}, REMOTE_ADDR="198.51.100.9", HTTP_X_FORWARDED_FOR=f"192.0.2.{n}"
        ).status_code
        for n in range(4)
    ]
    assert codes[3] == 429
