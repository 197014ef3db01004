"""iCalendar (RFC 5545) files: one per event, and a subscribable feed of upcoming events.

Times are written as UTC instants (`DTSTART:20300514T003000Z`), the form RFC 5545 lets a
file use without a VTIMEZONE block: every calendar shows them at the right moment in its
reader's own zone. An event given without a start time is an all-day event on its local
dates. The event's own zone is kept in the description, as readers see it on the page.
"""

from datetime import UTC, timedelta

from django.conf import settings
from django.db.models import Q
from django.http import HttpResponse
from django.shortcuts import get_object_or_404
from django.utils import timezone
from wagtail.models import Site

from peninsula.core import chrome
from peninsula.publications.models import EventPage
from peninsula.syndication.scopes import public

CONTENT_TYPE = "text/calendar; charset=utf-8"


def escape(text: str) -> str:
    """TEXT value escaping (RFC 5545 3.3.11)."""
    return (
        text.replace("\\", "\\\\")
        .replace(";", "\\;")
        .replace(",", "\\,")
        .replace("\r\n", "\\n")
        .replace("\n", "\\n")
    )


def fold(line: str) -> str:
    """Lines longer than 75 octets continue on the next line after a space (3.1)."""
    encoded = line.encode()
    if len(encoded) <= 75:
        return line
    parts, start, limit = [], 0, 75
    while start < len(encoded):
        end = min(start + limit, len(encoded))
        while end < len(encoded) and (encoded[end] & 0xC0) == 0x80:  # not inside a character
            end -= 1
        parts.append(encoded[start:end].decode())
        start, limit = end, 74  # continuation lines start with the space
    return "\r\n ".join(parts)


def utc_stamp(moment) -> str:
    return moment.astimezone(UTC).strftime("%Y%m%dT%H%M%SZ")


def event_lines(event, request, now) -> list[str]:
    domain = request.get_host().split(":")[0]
    lines = [
        "BEGIN:VEVENT",
        f"UID:{event.translation_key}@{domain}",
        f"DTSTAMP:{utc_stamp(now)}",
    ]
    if event.start_time is None:
        last_day = event.end_date or event.start_date
        lines += [
            f"DTSTART;VALUE=DATE:{event.start_date:%Y%m%d}",
            f"DTEND;VALUE=DATE:{last_day + timedelta(days=1):%Y%m%d}",
        ]
    else:
        start, end = event.utc_span()
        lines.append(f"DTSTART:{utc_stamp(start)}")
        if end is not None and end > start:
            lines.append(f"DTEND:{utc_stamp(end)}")
    url = request.build_absolute_uri(event.get_url(request))
    local = f"{event.start:%Y-%m-%d %H:%M} {event.zone_abbreviation} ({event.time_zone})"
    description = "\n\n".join(filter(None, [event.summary, f"Local time: {local}", url]))
    location = ", ".join(
        filter(None, [event.venue_name, " ".join(event.venue_address.split()), event.online_url])
    )
    lines += [
        f"SUMMARY:{escape(event.title)}",
        f"DESCRIPTION:{escape(description)}",
        f"URL:{url}",
    ]
    if location:
        lines.append(f"LOCATION:{escape(location)}")
    if event.last_published_at:
        lines.append(f"LAST-MODIFIED:{utc_stamp(event.last_published_at)}")
    lines += ["STATUS:CONFIRMED", "TRANSP:OPAQUE", "END:VEVENT"]
    return lines


def calendar_text(events, request, name: str) -> str:
    now = timezone.now()
    lines = [
        "BEGIN:VCALENDAR",
        "VERSION:2.0",
        f"PRODID:-//{escape(name)}//Peninsula//EN",
        "CALSCALE:GREGORIAN",
        "METHOD:PUBLISH",
        f"X-WR-CALNAME:{escape(name)}",
        "REFRESH-INTERVAL;VALUE=DURATION:PT6H",
        "X-PUBLISHED-TTL:PT6H",
    ]
    for event in events:
        lines += event_lines(event, request, now)
    lines.append("END:VCALENDAR")
    return "".join(fold(line) + "\r\n" for line in lines)


def upcoming_events():
    """Live, public events that have not ended, soonest first, bounded."""
    now = timezone.now()
    return (
        public(EventPage.objects.filter(is_live=True))
        .filter(Q(ends_at__gte=now) | Q(ends_at__isnull=True, starts_at__gte=now))
        .order_by("starts_at", "pk")[: settings.PENINSULA_CALENDAR_LENGTH]
    )


def _response(text, filename):
    response = HttpResponse(text, content_type=CONTENT_TYPE)
    response["Content-Disposition"] = f'inline; filename="{filename}"'
    return response


def event_ics(request, pk):
    """One event, for 'Add to calendar'."""
    event = get_object_or_404(public(EventPage.objects.filter(is_live=True)), pk=pk)
    name = chrome.institute_settings(Site.find_for_request(request)).name
    return _response(calendar_text([event], request, name), f"{event.slug}.ics")


def upcoming_ics(request):
    """The calendar to subscribe to: every upcoming event."""
    name = chrome.institute_settings(Site.find_for_request(request)).name
    return _response(calendar_text(upcoming_events(), request, f"{name} events"), "events.ics")
