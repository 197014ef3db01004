"""schema.org JSON-LD for each kind of page (https://schema.org, and the properties
Google's rich results require for Article, Event, Person, Organization and BreadcrumbList).

Builders take the page and a `Context` of what they share (request, institute, image),
and return plain dicts; `script_json` makes them safe inside a <script> element.
"""

import json
from dataclasses import dataclass

from django.templatetags.static import static

from peninsula.publications.models import PublicationType

SCHEMA = "https://schema.org"
TYPES = {
    PublicationType.ARTICLE: "Article",
    PublicationType.BRIEF: "Article",
    PublicationType.REPORT: "Report",
    PublicationType.PODCAST: "PodcastEpisode",
    PublicationType.EVENT: "Event",
    PublicationType.VIDEO: "VideoObject",
}


@dataclass
class Context:
    request: object
    institute: object
    url: str  # the page's canonical URL
    image_url: str = ""

    def absolute(self, path: str) -> str:
        return self.request.build_absolute_uri(path)


def script_json(data) -> str:
    """JSON that cannot close the <script> element it sits in."""
    text = json.dumps(data, ensure_ascii=False, separators=(",", ":"))
    return text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")


def organization(ctx: Context) -> dict:
    institute = ctx.institute
    data = {
        "@type": "Organization",
        "@id": ctx.absolute("/#organization"),
        "name": institute.name,
        "url": ctx.absolute("/"),
        "logo": ctx.absolute(static("peninsula/img/logo.svg")),
    }
    if institute.postal_address:
        data["address"] = {
            "@type": "PostalAddress",
            "streetAddress": ", ".join(institute.postal_address.split("\n")).strip(),
        }
    if institute.email:
        data["email"] = institute.email
    if institute.phone:
        data["telephone"] = institute.phone
    if links := [url for _label, url in institute.social_links]:
        data["sameAs"] = links
    return data


def person_ref(person, ctx: Context) -> dict:
    return {
        "@type": "Person",
        "name": person.title,
        "url": ctx.absolute(person.get_url(ctx.request)),
    }


def person(page, ctx: Context) -> dict:
    data = {**person_ref(page, ctx), "@context": SCHEMA}
    if page.job_title:
        data["jobTitle"] = page.job_title
    data["affiliation"] = (
        {"@type": "Organization", "name": page.affiliation}
        if page.affiliation
        else {"@type": "Organization", "name": ctx.institute.name, "url": ctx.absolute("/")}
    )
    if page.summary:
        data["description"] = page.summary
    if ctx.image_url:
        data["image"] = ctx.image_url
    if page.x_url:
        data["sameAs"] = [page.x_url]
    return data


def iso_duration(seconds) -> str:
    hours, rest = divmod(int(seconds), 3600)
    minutes, secs = divmod(rest, 60)
    return f"PT{hours}H{minutes}M{secs}S"


def publication(page, ctx: Context) -> dict:
    """The page's own entity: Article, Report, PodcastEpisode, Event or VideoObject."""
    kind = TYPES[PublicationType(page.publication_type)]
    authors = [person_ref(person, ctx) for person in page.author_people]
    data = {
        "@context": SCHEMA,
        "@type": kind,
        "@id": ctx.url,
        "url": ctx.url,
        "name": page.title,
        "description": page.summary or page.subtitle or page.title,
    }
    if ctx.image_url:
        data["image"] = [ctx.image_url]
    keywords = [term.name for terms in page.classification.values() for term in terms]
    if kind in ("Article", "Report"):
        data.update(
            headline=page.title[:110],
            datePublished=page.date.isoformat(),
            author=authors or [organization_ref(ctx)],
            publisher=organization_ref(ctx),
            mainEntityOfPage=ctx.url,
        )
        if page.last_published_at:
            data["dateModified"] = page.last_published_at.isoformat()
        if keywords:
            data["keywords"] = ", ".join(keywords)
    if kind == "Report":
        data.update(report_details(page, ctx))
    elif kind == "PodcastEpisode":
        data.update(episode_details(page, ctx, authors))
    elif kind == "Event":
        data.update(event_details(page, ctx))
    elif kind == "VideoObject":
        data.update(
            uploadDate=page.date.isoformat(),
            thumbnailUrl=[ctx.image_url or ctx.absolute(static("peninsula/img/logo.svg"))],
            contentUrl=(
                ctx.absolute(page.video_file.url) if page.video_file_id else page.video_url
            ),
        )
        if page.player_url:
            data["embedUrl"] = page.player_url
        if page.duration_seconds:
            data["duration"] = iso_duration(page.duration_seconds)
    return data


def organization_ref(ctx: Context) -> dict:
    return {
        "@type": "Organization",
        "@id": ctx.absolute("/#organization"),
        "name": ctx.institute.name,
    }


def report_details(page, ctx) -> dict:
    data = {}
    if page.pdf:
        data["encoding"] = {
            "@type": "MediaObject",
            "contentUrl": ctx.absolute(page.pdf.url),
            "encodingFormat": "application/pdf",
        }
    if page.page_count:
        data["numberOfPages"] = page.page_count
    return data


def episode_details(page, ctx, authors) -> dict:
    data = {"datePublished": page.date.isoformat()}
    if page.audio_source:
        data["associatedMedia"] = {
            "@type": "MediaObject",
            "contentUrl": ctx.absolute(page.audio_source),
        }
    if page.duration_seconds:
        data["duration"] = iso_duration(page.duration_seconds)
    if page.episode_number:
        data["episodeNumber"] = page.episode_number
    if page.series:
        data["partOfSeries"] = {
            "@type": "PodcastSeries",
            "name": page.series.title,
            "url": ctx.absolute(page.series.url),
        }
    if authors:
        data["author"] = authors
    return data


def event_details(page, ctx) -> dict:
    start, end = page.start, page.end
    data = {
        "startDate": start.isoformat() if page.start_time else page.start_date.isoformat(),
        "eventStatus": "https://schema.org/EventScheduled",
        "organizer": organization_ref(ctx),
    }
    if end:
        data["endDate"] = end.isoformat() if page.end_time else end.date().isoformat()
    places = []
    if page.venue_name:
        place = {"@type": "Place", "name": page.venue_name}
        place["address"] = {
            "@type": "PostalAddress",
            "streetAddress": " ".join(page.venue_address.split()) or page.venue_name,
        }
        places.append(place)
    if page.online_url:
        places.append({"@type": "VirtualLocation", "url": page.online_url})
    if places:
        data["location"] = places[0] if len(places) == 1 else places
    mode = "Mixed" if len(places) == 2 else ("Online" if page.online_url else "Offline")
    data["eventAttendanceMode"] = f"https://schema.org/{mode}EventAttendanceMode"
    speakers = [person_ref(s.person, ctx) for s in page.speakers.select_related("person")]
    if speakers:
        data["performer"] = speakers
    if page.registration_url:
        data["offers"] = {
            "@type": "Offer",
            "url": page.registration_url,
            "availability": "https://schema.org/InStock",
        }
    return data


def breadcrumbs(trail, ctx: Context) -> dict:
    """trail: (name, absolute url) pairs from the home page down to this page."""
    return {
        "@context": SCHEMA,
        "@type": "BreadcrumbList",
        "itemListElement": [
            {"@type": "ListItem", "position": number, "name": name, "item": url}
            for number, (name, url) in enumerate(trail, start=1)
        ],
    }


def website(ctx: Context) -> dict:
    return {
        "@context": SCHEMA,
        "@type": "WebSite",
        "name": ctx.institute.name,
        "url": ctx.absolute("/"),
        "publisher": {"@id": ctx.absolute("/#organization")},
        "potentialAction": {
            "@type": "SearchAction",
            "target": ctx.absolute("/search/") + "?q={search_term_string}",
            "query-input": "required name=search_term_string",
        },
    }
