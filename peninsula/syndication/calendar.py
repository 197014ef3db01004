"""iCalendar (RFC 5545) files: one per event, and a subscribable feed of upcoming events,
written with the icalendar library (escaping, line folding, value types).

Times are written as UTC instants (`DTSTART:20300514T003000Z`), the form RFC 5545 lets a
file use without a VTIMEZONE block: every calendar shows them at the right moment in its
reader's own zone. An event given without a start time is an all-day event on its local
dates. The event's own zone is kept in the description, as readers see it on the page.
"""

from datetime import UTC, timedelta

import icalendar
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
REFRESH = timedelta(hours=6)  # how often subscribed calendars should fetch the feed again


def vevent(event, request, now) -> icalendar.Event:
    domain = request.get_host().split(":")[0]
    component = icalendar.Event()
    component.add("uid", f"{event.translation_key}@{domain}")
    component.add("dtstamp", now)
    if event.start_time is None:
        last_day = event.end_date or event.start_date
        component.add("dtstart", event.start_date)
        component.add("dtend", last_day + timedelta(days=1))  # exclusive
    else:
        start, end = event.utc_span()
        component.add("dtstart", start.astimezone(UTC))
        if end is not None and end > start:
            component.add("dtend", end.astimezone(UTC))
    url = request.build_absolute_uri(event.get_url(request))
    local = f"{event.start:%Y-%m-%d %H:%M} {event.zone_abbreviation} ({event.time_zone})"
    location = ", ".join(
        filter(None, [event.venue_name, " ".join(event.venue_address.split()), event.online_url])
    )
    component.add("summary", event.title)
    component.add(
        "description", "\n\n".join(filter(None, [event.summary, f"Local time: {local}", url]))
    )
    component.add("url", url)
    if location:
        component.add("location", location)
    if event.last_published_at:
        component.add("last-modified", event.last_published_at.astimezone(UTC))
    component.add("status", "CONFIRMED")
    component.add("transp", "OPAQUE")
    return component


def calendar_text(events, request, name: str) -> str:
    now = timezone.now().astimezone(UTC)
    calendar = icalendar.Calendar()
    calendar.add("version", "2.0")
    calendar.add("prodid", f"-//{name}//Peninsula//EN")
    calendar.add("calscale", "GREGORIAN")
    calendar.add("method", "PUBLISH")
    # Typed explicitly: the library writes an X- property it does not know unescaped.
    calendar.add("x-wr-calname", icalendar.vText(name))
    calendar.add("refresh-interval", REFRESH, parameters={"VALUE": "DURATION"})
    calendar.add("x-published-ttl", icalendar.vDuration(REFRESH))
    for event in events:
        calendar.add_component(vevent(event, request, now))
    return calendar.to_ical().decode()


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
