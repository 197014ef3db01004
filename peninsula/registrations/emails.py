"""The emails a person registering gets: plain text and HTML, the event's calendar file
attached whenever they hold a place, and a signed link to cancel in every one."""

from __future__ import annotations

from email.utils import formataddr, parseaddr
from urllib.parse import urlsplit

import css_inline
from django.conf import settings
from django.core.mail import EmailMultiAlternatives
from django.template.loader import render_to_string
from django.urls import reverse
from wagtail.models import Site

from peninsula.core import urls_base
from peninsula.registrations import tokens

# kind: (subject prefix, whether the message carries the calendar file)
KINDS = {
    "confirmed": ("You're registered", True),
    "waiting": ("You're on the waiting list", False),
    "promoted": ("A place has come up: you're registered", True),
    "reminder": ("Reminder", True),
    "cancelled": ("Registration cancelled", False),
}
_INLINER = css_inline.CSSInliner(load_remote_stylesheets=False)


def institute():
    from peninsula.core.models import InstituteSettings

    site = Site.objects.filter(is_default_site=True).first()
    return InstituteSettings.for_site(site) if site else InstituteSettings()


def sender(name: str) -> str:
    """DEFAULT_FROM_EMAIL, with the institute's name shown unless it names someone already."""
    display, address = parseaddr(settings.DEFAULT_FROM_EMAIL)
    if display or not address or not name:
        return settings.DEFAULT_FROM_EMAIL
    return formataddr((name, address))


def cancel_url(registration, base: str | None = None) -> str:
    path = reverse("registrations:cancel", args=[tokens.make_token(registration)])
    return urls_base.absolute(path, base=base)


class _EmailRequest:
    """What the calendar writer asks of a request (the host, absolute links, the site),
    for an email built with no request at hand: the worker's reminders and confirmations."""

    def __init__(self, base: str):
        self._base = base
        self._wagtail_site = Site.objects.filter(is_default_site=True).first()

    def get_host(self) -> str:
        return urlsplit(self._base).netloc

    def build_absolute_uri(self, location: str = "/") -> str:
        return urls_base.absolute(location, base=self._base)


def calendar_file(event, name: str, base: str) -> str:
    from peninsula.syndication.calendar import calendar_text

    return calendar_text([event], _EmailRequest(base), name)


def message(registration, kind: str, base: str | None = None) -> EmailMultiAlternatives:
    prefix, with_calendar = KINDS[kind]
    event = registration.event
    base = base or urls_base.base_url()
    institute_settings = institute()
    subject = f"{prefix}: {event.title}"
    context = {
        "kind": kind,
        "registration": registration,
        "event": event,
        "event_url": urls_base.absolute(event.get_url() or "/", base=base),
        "cancel_url": cancel_url(registration, base),
        "institute": institute_settings,
        "subject": subject,
    }
    text = render_to_string("registrations/email/registration.txt", context)
    html = _INLINER.inline(render_to_string("registrations/email/registration.html", context))
    email = EmailMultiAlternatives(
        subject=subject,
        body=text,
        from_email=sender(institute_settings.name),
        to=[formataddr((registration.name, registration.email))],
    )
    email.attach_alternative(html, "text/html")
    if with_calendar:
        email.attach(
            f"{event.slug}.ics",
            calendar_file(event, institute_settings.name or "Events", base),
            "text/calendar",
        )
    return email
