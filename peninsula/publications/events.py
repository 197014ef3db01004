"""Events as listings show them: by when they happen, not when they were posted.

An events-only listing (the Events series, /publications/events/) is split in two:
Upcoming, soonest first, and Past, latest first and paginated. Cards of events anywhere
(listings, home, related) show the event's own date and time in its own time zone;
`attach_event_times` gives them that in one query for a page of cards.
"""

from django.conf import settings
from django.core.paginator import Paginator
from django.db.models import Q
from django.utils import timezone

from peninsula.publications.models import EventPage, PublicationPage, PublicationType

# Upcoming events are few; a listing shows them all on its first page, up to this many.
UPCOMING_LIMIT = 50
_TIME_FIELDS = ("start_date", "start_time", "end_date", "end_time", "time_zone", "starts_at",
                "ends_at")  # fmt: skip


def attach_event_times(items: list) -> list:
    """Set `item.event_when` (an EventPage with only its time fields) on each event card,
    in one query for all of them; other cards are left alone."""
    ids = [item.pk for item in items if item.publication_type == PublicationType.EVENT]
    if not ids:
        return items
    found = {event.pk: event for event in EventPage.objects.filter(pk__in=ids).only(*_TIME_FIELDS)}
    for item in items:
        if item.pk in found:
            item.event_when = found[item.pk]
    return items


def _upcoming(now) -> Q:
    """Not over yet: ends (or, without an end, starts) from now on."""
    return Q(eventpage__ends_at__gte=now) | Q(
        eventpage__ends_at__isnull=True, eventpage__starts_at__gte=now
    )


def _past(now) -> Q:
    return Q(eventpage__ends_at__lt=now) | Q(
        eventpage__ends_at__isnull=True, eventpage__starts_at__lt=now
    )


def is_events_only(queryset) -> bool:
    """True when the live publications of `queryset` are all events (and there are some)."""
    return (
        queryset.filter(publication_type=PublicationType.EVENT).exists()
        and not queryset.exclude(publication_type=PublicationType.EVENT).exists()
    )


def event_listing(queryset, page_number) -> dict:
    """{"upcoming": cards soonest first (first page only), "past_page": a Paginator page of
    past cards latest first} for a queryset of events (a ListingFilter's filtered())."""
    from peninsula.publications.listing import with_bylines

    now = timezone.now()
    events = queryset.filter(publication_type=PublicationType.EVENT).order_by()
    past_ids = events.filter(_past(now)).order_by("-eventpage__starts_at", "-pk")
    paginator = Paginator(
        past_ids.values_list("pk", flat=True), settings.PENINSULA_LISTING_PAGE_SIZE
    )
    past_page = paginator.get_page(page_number)
    upcoming = []
    if past_page.number == 1:
        upcoming_ids = events.filter(_upcoming(now)).order_by("eventpage__starts_at", "pk")
        upcoming = _cards_in_order(list(upcoming_ids.values_list("pk", flat=True)[:UPCOMING_LIMIT]))
    past_page.object_list = _cards_in_order(list(past_page.object_list))
    with_bylines(upcoming + past_page.object_list)
    return {"upcoming": upcoming, "past_page": past_page}


def _cards_in_order(ids: list[int]) -> list:
    from peninsula.publications.listing import cards

    rows = {row.pk: row for row in cards(PublicationPage.objects.filter(pk__in=ids))}
    return attach_event_times([rows[pk] for pk in ids if pk in rows])
