"""What the index holds for each kind of thing: an `Entry` built from a page or a term.

An entry's `fields` are analyzed and weighted (title above tags above summary above body);
`text` is kept as plain text for snippets.
"""

import datetime
from dataclasses import dataclass, field

from peninsula.core.blocks import stored_text
from peninsula.core.text import indexable_text
from peninsula.search.limits import capped
from peninsula.search.models import DocumentKind
from peninsula.search.pdf import document_text

FIELD_WEIGHTS = {"title": 3.0, "tags": 2.0, "summary": 1.5, "body": 1.0}
MAX_TEXT_CHARS = 200_000


@dataclass
class Entry:
    key: str
    kind: str
    title: str
    url: str = ""
    summary: str = ""
    meta: str = ""
    publication_type: str = ""
    series_id: int | None = None
    date: datetime.date | None = None
    fields: dict[str, str] = field(default_factory=dict)
    facets: list[tuple[str, int]] = field(default_factory=list)

    def __post_init__(self):
        # Bounded before analysis, which costs many times the text's size (search/limits.py).
        self.fields = {name: capped(value or "") for name, value in self.fields.items()}

    @property
    def text(self) -> str:
        return " ".join(filter(None, [self.fields.get("summary"), self.fields.get("body")]))[
            :MAX_TEXT_CHARS
        ]


def page_key(page_id: int) -> str:
    return f"page:{page_id}"


def _stream_text(value) -> str:
    if not value:
        return ""
    return " ".join(part for part in stored_text(value.stream_block, value.raw_data) if part)


def publication_entry(page) -> Entry:
    from peninsula.publications.models import EventPage, PodcastEpisodePage, ReportPage

    people = page.author_people
    classification = page.classification
    series = page.series
    terms = [term for name in ("themes", "regions", "topics") for term in classification[name]]
    body = [_stream_text(page.body)]
    if isinstance(page, PodcastEpisodePage):
        body.append(indexable_text(page.transcript))
    if isinstance(page, EventPage):
        body += [page.venue_name, page.venue_address, indexable_text(page.transcript)]
        body += [speaker.person.title for speaker in page.speakers.all() if speaker.person_id]
    if isinstance(page, ReportPage) and page.pdf_id:
        body.append(document_text(page.pdf))
    author_names = [person.title for person in people]
    series_title = series.title if series else ""
    return Entry(
        key=page_key(page.pk),
        kind=DocumentKind.PUBLICATION,
        title=page.title,
        url=page.__dict__.get("search_url") or page.url or "",
        summary=page.summary or page.subtitle,
        meta=" · ".join(filter(None, [page.type_label, series_title, ", ".join(author_names)])),
        publication_type=page.publication_type,
        series_id=page.series_page_id,
        date=page.date,
        fields={
            "title": page.title,
            "tags": " ".join([*author_names, series_title, *(term.name for term in terms)]),
            "summary": " ".join(filter(None, [page.subtitle, page.summary])),
            "body": " ".join(filter(None, body)),
        },
        facets=[
            *(
                (name[:-1], term.pk)
                for name in ("themes", "regions", "topics")
                for term in classification[name]
            ),
            *(("author", person.pk) for person in people),
        ],  # fmt: skip
    )


def person_entry(page) -> Entry:
    role = ", ".join(filter(None, [page.job_title, page.affiliation]))
    return Entry(
        key=page_key(page.pk),
        kind=DocumentKind.PERSON,
        title=page.title,
        url=page.url or "",
        summary=page.summary or role,
        meta=role,
        fields={
            "title": page.title,
            "tags": role,
            "summary": page.summary,
            "body": indexable_text(page.bio),
        },
    )


def series_entry(page) -> Entry:
    return Entry(
        key=page_key(page.pk),
        kind=DocumentKind.SERIES,
        title=page.title,
        url=page.url or "",
        summary=page.introduction,
        meta="Series",
        fields={"title": page.title, "summary": page.introduction},
    )


def standard_page_entry(page) -> Entry:
    return Entry(
        key=page_key(page.pk),
        kind=DocumentKind.PAGE,
        title=page.title,
        url=page.url or "",
        summary=page.introduction,
        fields={
            "title": page.title,
            "summary": page.introduction,
            "body": _stream_text(page.body),
        },
    )


def taxonomy_entry(term) -> Entry:
    kind = term._meta.model_name  # theme, region, topic
    return Entry(
        key=f"{kind}:{term.pk}",
        kind=kind,
        title=term.name,
        url=term.get_absolute_url(),
        summary=term.description,
        meta=term._meta.verbose_name.capitalize(),
        fields={"title": term.name, "summary": term.description},
    )


def entry_for_page(page, *, check_restrictions: bool = True) -> Entry | None:
    """The entry of a live, public page, or None when the page is not to be found."""
    from peninsula.home.models import StandardPage
    from peninsula.people.models import PersonPage
    from peninsula.publications.models import PublicationPage, SeriesPage

    page = page.specific
    if not page.live or (check_restrictions and page.get_view_restrictions().exists()):
        return None
    if isinstance(page, PublicationPage):
        return publication_entry(page)
    if isinstance(page, PersonPage):
        return person_entry(page)
    if isinstance(page, SeriesPage):
        return series_entry(page)
    if isinstance(page, StandardPage):
        return standard_page_entry(page)
    return None
