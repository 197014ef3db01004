"""One page model per publication type, each adding only the fields of its own."""

import zoneinfo
from datetime import UTC, datetime

from django.core.exceptions import ValidationError
from django.db import models
from django.utils import timezone
from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel, InlinePanel, MultiFieldPanel
from wagtail.fields import RichTextField
from wagtail.models import Orderable
from wagtail.search import index

from peninsula.core.embeds import player_url
from peninsula.publications.models.base import (
    PublicationPage,
    PublicationType,
    publication_edit_handler,
)

TIME_ZONE_CHOICES = [
    (name, name.replace("_", " ")) for name in sorted(zoneinfo.available_timezones())
]


def format_duration(seconds: int | None) -> str:
    """'1:02:05' or '42:07' for an episode or video length."""
    if not seconds:
        return ""
    hours, rest = divmod(int(seconds), 3600)
    minutes, secs = divmod(rest, 60)
    return f"{hours}:{minutes:02d}:{secs:02d}" if hours else f"{minutes}:{secs:02d}"


class ArticlePage(PublicationPage):
    """Commentary: a blog post or op-ed."""

    kind = PublicationType.ARTICLE
    edit_handler = publication_edit_handler()
    template = "publications/article_page.html"

    class Meta:
        verbose_name = "commentary"
        verbose_name_plural = "commentary"


class BriefPage(PublicationPage):
    """A short newsletter brief, often weekly."""

    issue_number = models.PositiveIntegerField(null=True, blank=True)

    kind = PublicationType.BRIEF
    edit_handler = publication_edit_handler([FieldPanel("issue_number")])
    template = "publications/article_page.html"

    class Meta:
        verbose_name = "brief"


class ReportPage(PublicationPage):
    """A report or paper, usually with a PDF."""

    pdf = models.ForeignKey(
        "assets.CustomDocument",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name="PDF",
    )
    page_count = models.PositiveIntegerField(null=True, blank=True)

    kind = PublicationType.REPORT
    edit_handler = publication_edit_handler([FieldPanel("pdf"), FieldPanel("page_count")])
    template = "publications/report_page.html"

    class Meta:
        verbose_name = "report or paper"
        verbose_name_plural = "reports and papers"


class PodcastEpisodePage(PublicationPage):
    audio = models.ForeignKey(
        "assets.CustomDocument",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text="An uploaded audio file (MP3 or M4A).",
    )
    audio_url = models.URLField(blank=True, help_text="Or the address of the audio file elsewhere.")
    duration_seconds = models.PositiveIntegerField("duration (seconds)", null=True, blank=True)
    episode_number = models.PositiveIntegerField(null=True, blank=True)
    transcript = RichTextField(blank=True, features=["bold", "italic", "link", "h3"])

    kind = PublicationType.PODCAST
    edit_handler = publication_edit_handler(
        [
            FieldPanel("audio"),
            FieldPanel("audio_url"),
            FieldPanel("duration_seconds"),
            FieldPanel("episode_number"),
            FieldPanel("transcript"),
        ],
        heading="Episode",
    )
    search_fields = [*PublicationPage.search_fields, index.SearchField("transcript")]
    template = "publications/podcast_episode_page.html"

    class Meta:
        verbose_name = "podcast episode"

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["podcast"] = self.subscription()
        return context

    def subscription(self) -> dict | None:
        """The series' podcast feed and the podcast apps its editor linked, for "Subscribe
        to this podcast"; None for an episode outside a series."""
        from django.urls import reverse

        from peninsula.publications.models.series import SeriesPage

        series_id = self.series_page_id or (self.get_parent().pk if self.depth else None)
        series = (
            SeriesPage.objects.filter(pk=series_id)
            .only("title", "slug", *(f.name for f in SeriesPage.podcast_app_fields()))
            .first()
        )
        if series is None:
            return None
        return {
            "title": series.title,
            "feed_url": reverse("syndication:podcast", args=[series.slug]),
            "apps": series.podcast_apps(),
        }

    @property
    def audio_source(self) -> str:
        return self.audio.url if self.audio else self.audio_url

    @property
    def duration(self) -> str:
        return format_duration(self.duration_seconds)


class EventPage(PublicationPage):
    """An event. Times are entered as on the clock where it happens, in its time zone."""

    start_date = models.DateField()
    start_time = models.TimeField(null=True, blank=True)
    end_date = models.DateField(null=True, blank=True)
    end_time = models.TimeField(null=True, blank=True)
    time_zone = models.CharField(max_length=64, choices=TIME_ZONE_CHOICES, default="Asia/Seoul")
    venue_name = models.CharField(max_length=255, blank=True)
    venue_address = models.TextField(blank=True)
    online_url = models.URLField(blank=True, help_text="Livestream or video-call link.")
    registration_url = models.URLField(
        blank=True, help_text="Registration on another site. Leave empty to register here."
    )
    takes_registrations = models.BooleanField(
        "take registrations on this site",
        default=False,
        db_default=False,  # bulk writers (the generator) insert rows without these columns
        help_text="Readers register on the event page; see the list under Registrations.",
    )
    capacity = models.PositiveIntegerField(
        null=True, blank=True, help_text="Places available. Leave empty for no limit."
    )
    waiting_list = models.BooleanField(
        default=True,
        db_default=True,
        help_text="When every place is taken, readers join a waiting list and are given a "
        "place, in order, when someone cancels.",
    )
    recording_url = models.URLField(
        blank=True,
        default="",
        db_default="",
        help_text="The YouTube or Vimeo page of the recording, once it has happened.",
    )
    transcript = RichTextField(
        blank=True, default="", db_default="", features=["bold", "italic", "link", "h3"]
    )
    # Derived on save, in UTC, for ordering and "upcoming" queries.
    starts_at = models.DateTimeField(null=True, editable=False, db_index=True)
    ends_at = models.DateTimeField(null=True, editable=False)

    kind = PublicationType.EVENT
    edit_handler = publication_edit_handler(
        [
            MultiFieldPanel(
                [
                    FieldPanel("start_date"),
                    FieldPanel("start_time"),
                    FieldPanel("end_date"),
                    FieldPanel("end_time"),
                    FieldPanel("time_zone"),
                ],
                heading="When",
            ),
            MultiFieldPanel(
                [FieldPanel("venue_name"), FieldPanel("venue_address"), FieldPanel("online_url")],
                heading="Where",
            ),
            InlinePanel("speakers", label="Speaker", heading="Speakers"),
            MultiFieldPanel(
                [
                    FieldPanel("takes_registrations"),
                    FieldPanel("capacity"),
                    FieldPanel("waiting_list"),
                    FieldPanel("registration_url"),
                ],
                heading="Registration",
            ),
            InlinePanel(
                "registration_questions",
                label="Question",
                heading="Questions for people registering (optional)",
            ),
            MultiFieldPanel(
                [FieldPanel("recording_url"), FieldPanel("transcript")],
                heading="After the event",
            ),
        ],
        heading="Event",
    )
    search_fields = [*PublicationPage.search_fields, index.SearchField("transcript")]
    template = "publications/event_page.html"

    class Meta:
        verbose_name = "event"

    def clean(self):
        super().clean()
        if self.end_date and self.end_date < self.start_date:
            raise ValidationError({"end_date": "The event cannot end before it starts."})
        if not (self.venue_name or self.online_url):
            raise ValidationError({"venue_name": "Give a venue, an online link, or both."})
        if self.takes_registrations and self.registration_url:
            raise ValidationError(
                {"registration_url": "Register here or on another site, not both."}
            )

    def save(self, *args, **kwargs):
        self.starts_at, self.ends_at = self.utc_span()
        super().save(*args, **kwargs)

    def _local(self, day, time):
        return datetime.combine(day, time or datetime.min.time(), tzinfo=self.zone)

    @property
    def zone(self) -> zoneinfo.ZoneInfo:
        return zoneinfo.ZoneInfo(self.time_zone)

    @property
    def start(self) -> datetime:
        return self._local(self.start_date, self.start_time)

    @property
    def end(self) -> datetime | None:
        if not (self.end_date or self.end_time):
            return None
        return self._local(self.end_date or self.start_date, self.end_time)

    def utc_span(self):
        end = self.end
        return self.start.astimezone(UTC), end.astimezone(UTC) if end else None

    @property
    def is_upcoming(self) -> bool:
        return (self.ends_at or self.starts_at) >= timezone.now()

    @property
    def zone_abbreviation(self) -> str:
        return self.start.strftime("%Z")

    @property
    def recording_player_url(self) -> str | None:
        return player_url(self.recording_url) if self.recording_url else None

    @property
    def registration_open(self) -> bool:
        """Registration here closes when the event starts."""
        return (
            self.takes_registrations
            and self.starts_at is not None
            and self.starts_at > timezone.now()
        )


class EventSpeaker(Orderable):
    page = ParentalKey(EventPage, on_delete=models.CASCADE, related_name="speakers")
    person = models.ForeignKey(
        "people.PersonPage", on_delete=models.CASCADE, related_name="speaking"
    )
    role = models.CharField(max_length=100, blank=True, help_text="e.g. 'Moderator'.")

    panels = [FieldPanel("person"), FieldPanel("role")]

    def __str__(self):
        return f"{self.person} at {self.page}"


class VideoPage(PublicationPage):
    video_file = models.ForeignKey(
        "assets.CustomDocument",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text="A video file (.mp4 or .webm) played on the site itself: readers' browsers "
        "contact no one else. Preferred over the address below when both are set.",
    )
    video_url = models.URLField(
        blank=True,
        help_text="The YouTube or Vimeo page of the video, played with YouTube's no-cookie "
        "player or Vimeo's; any other address is shown as a link.",
    )
    duration_seconds = models.PositiveIntegerField("duration (seconds)", null=True, blank=True)

    kind = PublicationType.VIDEO
    edit_handler = publication_edit_handler(
        [FieldPanel("video_file"), FieldPanel("video_url"), FieldPanel("duration_seconds")],
        heading="Video",
    )
    template = "publications/video_page.html"

    class Meta:
        verbose_name = "video"

    def clean(self):
        super().clean()
        if not self.video_file_id and not self.video_url:
            raise ValidationError({"video_url": "Choose a video file or give its address."})

    @property
    def player_url(self) -> str | None:
        return player_url(self.video_url)

    @property
    def duration(self) -> str:
        return format_duration(self.duration_seconds)
