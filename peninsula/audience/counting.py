"""Counting a page view and reading the most-read list back.

A view is one more on today's row for the page (UTC day): an UPDATE that adds one, or the
row's INSERT if this is the day's first, so no read comes before the write and concurrent
views never lose a count. The "most read" list sums those rows over a window of days.
"""

from __future__ import annotations

from datetime import timedelta

from django.core.cache import cache
from django.db import IntegrityError, transaction
from django.db.models import F, Sum
from django.utils import timezone

from peninsula.audience.models import PageViewDay

MOST_READ_CACHE_SECONDS = 600


def today():
    return timezone.now().date()  # USE_TZ: UTC


def record_view(page_id: int, day=None) -> None:
    day = day or today()
    if PageViewDay.objects.filter(page_id=page_id, day=day).update(views=F("views") + 1):
        return
    try:
        with transaction.atomic():
            PageViewDay.objects.create(page_id=page_id, day=day, views=1)
    except IntegrityError:  # another view created the row first
        PageViewDay.objects.filter(page_id=page_id, day=day).update(views=F("views") + 1)


def most_read_ids(days: int = 30, limit: int = 10, until=None) -> list[tuple[int, int]]:
    """(page id, views) of the most-read live publications over the last `days` days up to
    `until` (today), most read first; ties go to the newer page."""
    from peninsula.publications.models import PublicationPage

    until = until or today()
    since = until - timedelta(days=days - 1)
    rows = (
        PageViewDay.objects.filter(
            day__range=(since, until),
            page_id__in=PublicationPage.objects.live().values("pk"),
        )
        .values("page_id")
        .annotate(total=Sum("views"))
        .order_by("-total", "-page_id")[:limit]
    )
    return [(row["page_id"], row["total"]) for row in rows]


def most_read(days: int = 30, limit: int = 10) -> list[tuple[object, int]]:
    """(publication, views) pairs, most read first: the live pages, specific."""
    from peninsula.publications.models import PublicationPage

    ranked = most_read_ids(days, limit)
    pages = PublicationPage.objects.live().in_bulk([pk for pk, _ in ranked])
    return [(pages[pk], views) for pk, views in ranked if pk in pages]


def cached_most_read(days: int = 30, limit: int = 5) -> list[tuple[object, int]]:
    """most_read() for reader pages: the list changes slowly, so it is kept ten minutes."""
    key = f"peninsula:audience:most-read:{days}:{limit}"
    ids = cache.get(key)
    if ids is None:
        ids = most_read_ids(days, limit)
        cache.set(key, ids, MOST_READ_CACHE_SECONDS)
    from peninsula.publications.models import PublicationPage

    pages = PublicationPage.objects.live().in_bulk([pk for pk, _ in ids])
    return [(pages[pk], views) for pk, views in ids if pk in pages]
