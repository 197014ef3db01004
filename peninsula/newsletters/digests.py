"""Automatic digests: new publications on the themes and series a subscriber follows.

A publication is written down as sent (DigestEntry, unique per subscriber) in the same
transaction that decides to send it, before the message goes out; so nobody ever gets the
same publication twice, even if a worker dies mid-send (that person then misses it once).
"""

from __future__ import annotations

from datetime import timedelta

from django.conf import settings
from django.core.mail import get_connection
from django.db import IntegrityError, transaction
from django.db.models import Q
from django.utils import timezone

from peninsula.newsletters import emails
from peninsula.newsletters.models import DigestEntry, Subscriber

MAX_ITEMS = 20


def due_subscribers(frequency: str, now=None, page_ids=None):
    """Active subscribers of `frequency` who follow something; with `page_ids`, only those
    who follow a theme or the series of one of these publications."""
    now = now or timezone.now()
    people = Subscriber.objects.filter(status=Subscriber.Status.ACTIVE, frequency=frequency)
    if page_ids is None:
        people = people.filter(Q(themes__isnull=False) | Q(series__isnull=False))
    else:
        theme_ids, series_ids = _followed_in(page_ids)
        people = people.filter(Q(themes__in=theme_ids) | Q(series__in=series_ids))
    people = people.distinct()
    if frequency == Subscriber.Frequency.WEEKLY:
        week_ago = now - timedelta(days=7)
        people = people.filter(Q(last_digest_at__isnull=True) | Q(last_digest_at__lte=week_ago))
    return people


def _followed_in(page_ids) -> tuple[list[int], list[int]]:
    """(theme ids, series ids) of the listed publications among `page_ids`."""
    from peninsula.publications.models import PublicationPage

    pages = PublicationPage.objects.listed().filter(pk__in=page_ids)
    theme_ids = pages.filter(themes__isnull=False).values_list("themes", flat=True)
    series_ids = pages.exclude(series_page=None).values_list("series_page_id", flat=True)
    return list(set(theme_ids)), list(set(series_ids))


def new_publications_for(subscriber: Subscriber, page_ids=None):
    """What `subscriber` follows, published since they joined and not yet sent to them,
    newest first; with `page_ids`, among these publications only."""
    from peninsula.publications.models import PublicationPage

    theme_ids = list(subscriber.themes.values_list("pk", flat=True))
    series_ids = list(subscriber.series.values_list("pk", flat=True))
    since = subscriber.confirmed_at or subscriber.created_at
    already = DigestEntry.objects.filter(subscriber=subscriber).values("publication_id")
    pages = PublicationPage.objects.listed()
    if page_ids is not None:
        pages = pages.filter(pk__in=page_ids)
    return (
        pages.filter(Q(themes__in=theme_ids) | Q(series_page__in=series_ids))
        .filter(first_published_at__gte=since)
        .exclude(pk__in=already)
        .distinct()
        .order_by("-first_published_at")[:MAX_ITEMS]
    )


def send_digest(subscriber: Subscriber, connection=None, page_ids=None) -> int:
    """Send one subscriber their digest if there is anything new (among `page_ids`, when
    given). Returns items sent."""
    with transaction.atomic():
        pages = [page.specific for page in new_publications_for(subscriber, page_ids)]
        if not pages:
            return 0
        try:
            DigestEntry.objects.bulk_create(
                [DigestEntry(subscriber=subscriber, publication=page) for page in pages]
            )
        except IntegrityError:
            return 0  # another worker is sending this digest right now
        Subscriber.objects.filter(pk=subscriber.pk).update(last_digest_at=timezone.now())
    message = emails.personalise(emails.render_digest(subscriber, pages), subscriber)
    message.connection = connection
    message.send()
    return len(pages)


def send_due_digests(frequency: str, page_ids=None) -> int:
    """Send the digests due at `frequency`; returns how many people got one.

    `page_ids`: the publications just published (peninsula.publishing queues them with the
    as-published digests), so only the people who follow them are looked at, and only these
    publications; None: every subscriber, everything new (the weekly sweep)."""
    if page_ids is not None:
        page_ids = list(page_ids)
        if not page_ids:
            return 0
    connection = get_connection(settings.PENINSULA_NEWSLETTER_EMAIL_BACKEND)
    sent = 0
    try:
        for subscriber in due_subscribers(frequency, page_ids=page_ids).iterator(chunk_size=500):
            sent += bool(send_digest(subscriber, connection, page_ids))
    finally:
        connection.close()
    return sent
