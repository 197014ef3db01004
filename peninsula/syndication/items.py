"""Publications as feed items: a bounded page of rows with everything a feed entry shows,
fetched in a fixed number of queries whatever the number of items."""

import mimetypes
from dataclasses import dataclass
from urllib.parse import urlsplit

from peninsula.assets.models import CustomDocument
from peninsula.publications.listing import card_queryset, with_bylines
from peninsula.publications.models import PodcastEpisodePage, PublicationType, ReportPage
from peninsula.publications.models.base import attach_classifications


@dataclass
class Media:
    """The type-specific fields feeds need, read without loading the whole specific page."""

    pdf: CustomDocument | None = None
    page_count: int | None = None
    audio: CustomDocument | None = None
    audio_url: str = ""
    duration_seconds: int | None = None
    episode_number: int | None = None


@dataclass(frozen=True)
class File:
    url: str  # as served; absolute, or a path on this site
    length: int
    mime_type: str


def feed_items(queryset, limit):
    """The first `limit` publications of `queryset`, with authors, terms and media attached.

    Six queries at most: the rows (with hero image), their authors, their themes, regions
    and topics, report fields, episode fields, and their documents.
    """
    items = with_bylines(list(card_queryset(queryset)[:limit]))
    attach_classifications(items)
    attach_media(items)
    return items


def attach_media(items):
    """Set `item.media` on every publication: PDFs of reports, audio of podcast episodes."""
    ids = {kind: [] for kind in (PublicationType.REPORT, PublicationType.PODCAST)}
    for item in items:
        item.media = Media()
        if item.publication_type in ids:
            ids[item.publication_type].append(item.pk)
    by_pk = {item.pk: item for item in items}
    documents = {}
    if ids[PublicationType.REPORT]:
        for pk, pdf_id, page_count in ReportPage.objects.filter(
            pk__in=ids[PublicationType.REPORT]
        ).values_list("pk", "pdf_id", "page_count"):
            by_pk[pk].media.page_count = page_count
            documents[pdf_id] = (pk, "pdf")
    if ids[PublicationType.PODCAST]:
        rows = PodcastEpisodePage.objects.filter(pk__in=ids[PublicationType.PODCAST]).values_list(
            "pk", "audio_id", "audio_url", "duration_seconds", "episode_number"
        )
        for pk, audio_id, audio_url, duration, number in rows:
            media = by_pk[pk].media
            media.audio_url, media.duration_seconds, media.episode_number = (
                audio_url,
                duration,
                number,
            )
            documents[audio_id] = (pk, "audio")
    documents.pop(None, None)
    for document in CustomDocument.objects.filter(pk__in=documents):
        pk, field = documents[document.pk]
        setattr(by_pk[pk].media, field, document)


def enclosure(item) -> File | None:
    """The file a feed entry carries: a report's PDF or an episode's audio."""
    media = getattr(item, "media", None)
    if media is None:
        return None
    if media.pdf is not None:
        return document_file(media.pdf, "application/pdf")
    if media.audio is not None:
        return document_file(media.audio, "audio/mpeg")
    if media.audio_url:
        # An outside file: its size is unknown here, and feeds allow 0 for "unknown".
        guessed = mimetypes.guess_type(urlsplit(media.audio_url).path)[0]
        return File(media.audio_url, 0, guessed or "audio/mpeg")
    return None


def document_file(document, default_type) -> File:
    size = document.file_size
    if size is None:
        try:
            size = document.get_file_size() or 0
        except OSError:  # the file is missing from storage; still list the entry
            size = 0
    guessed = mimetypes.guess_type(document.filename)[0]
    return File(document.url, size, guessed or default_type)


def categories(item) -> list[str]:
    """Themes, regions and topics, as attach_classifications left them."""
    return [term.name for terms in item.classification.values() for term in terms]
