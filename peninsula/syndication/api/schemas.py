"""The shapes the API answers with; ninja turns them into the OpenAPI document."""

import datetime as dt
from typing import Annotated, Literal

from ninja import Field, Schema

from peninsula.publications.models import PublicationType

TypeSlug = Literal[tuple(kind.slug for kind in PublicationType)]
# A page id as the databases can hold it (a larger number would overflow, not just miss).
PageId = Annotated[int, Field(ge=1, le=2**63 - 1)]


class PublicationFilters(Schema):
    type: TypeSlug | None = Field(None, description="A publication type.")
    series: str | None = Field(None, description="A series' slug.")
    theme: str | None = Field(None, description="A theme's slug.")
    region: str | None = Field(None, description="A region's slug.")
    topic: str | None = Field(None, description="A topic's slug.")
    author: str | None = Field(None, description="An author's slug.")
    date_from: dt.date | None = Field(None, description="Published on or after.")
    date_to: dt.date | None = Field(None, description="Published on or before.")


class Error(Schema):
    detail: str


class TermRef(Schema):
    slug: str
    name: str
    url: str


class PersonRef(Schema):
    id: int
    name: str
    url: str


class SeriesRef(Schema):
    id: int
    title: str
    url: str


class PublicationSummary(Schema):
    id: int
    type: str
    title: str
    subtitle: str
    date: dt.date
    summary: str
    url: str
    last_published_at: dt.datetime | None
    series: SeriesRef | None
    authors: list[PersonRef]
    themes: list[TermRef]
    regions: list[TermRef]
    topics: list[TermRef]


class PublicationDetail(PublicationSummary):
    """Type-specific fields are null where they do not apply."""

    pdf_url: str | None = None
    page_count: int | None = None
    audio_url: str | None = None
    duration_seconds: int | None = None
    episode_number: int | None = None
    start: dt.datetime | None = None
    end: dt.datetime | None = None
    time_zone: str | None = None
    venue_name: str | None = None
    venue_address: str | None = None
    online_url: str | None = None
    registration_url: str | None = None
    calendar_url: str | None = None
    video_url: str | None = None


class Person(Schema):
    id: int
    name: str
    url: str
    job_title: str
    affiliation: str
    summary: str
    is_expert: bool
    feed_url: str


class Series(Schema):
    id: int
    title: str
    url: str
    introduction: str
    feed_url: str
    podcast_url: str | None


class Term(Schema):
    slug: str
    name: str
    description: str
    url: str
    feed_url: str
