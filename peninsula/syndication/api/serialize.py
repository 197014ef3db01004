"""Model instances to API dicts, with absolute URLs."""

from django.urls import reverse

from peninsula.publications.models import PublicationType
from peninsula.syndication import items as feed_items


def absolute(request, path):
    return request.build_absolute_uri(path) if path else ""


def term(request, term):
    return {
        "slug": term.slug,
        "name": term.name,
        "url": absolute(request, term.get_absolute_url()),
    }


def term_full(request, item):
    kind = item.publication_field
    feed = reverse("syndication:feed", kwargs={"kind": kind, "slug": item.slug, "fmt": "rss"})
    return {
        **term(request, item),
        "description": item.description,
        "feed_url": absolute(request, feed),
    }


def person_ref(request, person):
    return {
        "id": person.pk,
        "name": person.title,
        "url": absolute(request, person.get_url(request)),
    }


def publication(request, page):
    series = page.series
    return {
        "id": page.pk,
        "type": PublicationType(page.publication_type).slug,
        "title": page.title,
        "subtitle": page.subtitle,
        "date": page.date,
        "summary": page.summary,
        "url": absolute(request, page.get_url(request)),
        "last_published_at": page.last_published_at,
        "series": series
        and {
            "id": page.series_page_id,
            "title": series.title,
            "url": absolute(request, series.url),
        },
        "authors": [person_ref(request, person) for person in page.author_people],
        **{
            name: [term(request, item) for item in terms]
            for name, terms in page.classification.items()
        },
    }


def publication_detail(request, page):
    """`page` is the specific page, with `media` attached (see items.attach_media)."""
    data = publication(request, page)
    file = feed_items.enclosure(page)
    kind = page.publication_type
    if kind == PublicationType.REPORT:
        data["pdf_url"] = absolute(request, file.url) if file else None
        data["page_count"] = page.page_count
    elif kind == PublicationType.PODCAST:
        data["audio_url"] = absolute(request, file.url) if file else None
        data["duration_seconds"] = page.duration_seconds
        data["episode_number"] = page.episode_number
    elif kind == PublicationType.EVENT:
        data.update(
            start=page.start,
            end=page.end,
            time_zone=page.time_zone,
            venue_name=page.venue_name,
            venue_address=page.venue_address,
            online_url=page.online_url,
            registration_url=page.registration_url,
            calendar_url=absolute(request, reverse("syndication:event_ics", args=[page.pk])),
        )
    elif kind == PublicationType.VIDEO:
        data["video_url"] = page.video_url
        data["duration_seconds"] = page.duration_seconds
    return data


def person(request, page):
    feed = reverse("syndication:feed", kwargs={"kind": "authors", "slug": page.slug, "fmt": "rss"})
    return {
        **person_ref(request, page),
        "job_title": page.job_title,
        "affiliation": page.affiliation,
        "summary": page.summary,
        "is_expert": page.is_expert,
        "feed_url": absolute(request, feed),
    }


def series(request, page, podcast_slugs):
    feed = reverse("syndication:feed", kwargs={"kind": "series", "slug": page.slug, "fmt": "rss"})
    podcast = reverse("syndication:podcast", args=[page.slug]) if page.pk in podcast_slugs else ""
    return {
        "id": page.pk,
        "title": page.title,
        "url": absolute(request, page.get_url(request)),
        "introduction": page.introduction,
        "feed_url": absolute(request, feed),
        "podcast_url": absolute(request, podcast) or None,
    }
