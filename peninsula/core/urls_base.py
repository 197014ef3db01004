"""The site's public address, for links that leave the browser: emails and their previews.

In order of preference:
1. PENINSULA_BASE_URL, where the operator set it (production should);
2. the request being answered, as Django's request.build_absolute_uri builds it (the Host
   header, checked against ALLOWED_HOSTS, and the scheme, honouring
   SECURE_PROXY_SSL_HEADER), so a site served on any address links back to that address;
3. with no request (an email sent by the worker): the default Wagtail site's host name and
   port, except that a site on this machine (127.0.0.1, localhost) gives way to the
   address `peninsula serve` is answering on (PENINSULA_SERVED_URL, which serve sets for
   itself and its worker), so `peninsula serve --port 8001` sends links to port 8001.
"""

from __future__ import annotations

import time

from django.conf import settings
from django.core.signals import setting_changed
from django.db.models.signals import post_delete, post_save
from django.dispatch import receiver
from wagtail.models import Site

LOOPBACK_HOSTS = {"127.0.0.1", "localhost", "::1", "[::1]"}
FALLBACK = "http://127.0.0.1:8000"


def base_url(request=None) -> str:
    """The public address, without a trailing slash: https://www.example.org"""
    if configured := getattr(settings, "PENINSULA_BASE_URL", ""):
        return configured.rstrip("/")
    if request is not None:
        return request.build_absolute_uri("/").rstrip("/")
    return _without_request()


def absolute(path: str, request=None, *, base: str | None = None) -> str:
    """`path` as a full URL (left alone when it already is one)."""
    if path.startswith(("http://", "https://")):
        return path
    return (base or base_url(request)) + path


# The default site's address, looked up at most this often per process: a campaign
# personalises tens of thousands of messages, each asking. A site saved in this process
# is seen at once (the signal below); one saved elsewhere within this many seconds.
_REMEMBER_SECONDS = 10
_remembered: tuple[float, str] | None = None


def _without_request() -> str:
    global _remembered
    if _remembered is not None and time.monotonic() - _remembered[0] < _REMEMBER_SECONDS:
        return _remembered[1]
    served = getattr(settings, "PENINSULA_SERVED_URL", "")
    site = Site.objects.filter(is_default_site=True).only("hostname", "port").first()
    if site is not None and (site.hostname not in LOOPBACK_HOSTS or not served):
        url = site.root_url.rstrip("/")
    else:
        url = (served or FALLBACK).rstrip("/")
    _remembered = (time.monotonic(), url)
    return url


@receiver(post_save, sender=Site)
@receiver(post_delete, sender=Site)
@receiver(setting_changed)
def forget(**kwargs):
    global _remembered
    _remembered = None
