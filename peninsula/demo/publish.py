"""Turn the demo's content into live publication pages, skipping any that already exist."""

import datetime

from django.utils import timezone

from peninsula.assets.models import CustomDocument
from peninsula.demo import files
from peninsula.demo.content import DC_VENUE, SEOUL_VENUE, Piece
from peninsula.demo.content import base as markup
from peninsula.demo.setup import existing_child, publish_child
from peninsula.publications import models as pub
from peninsula.registrations.models import RegistrationQuestion

MODELS = {
    "article": pub.ArticlePage,
    "brief": pub.BriefPage,
    "report": pub.ReportPage,
    "podcast": pub.PodcastEpisodePage,
    "event": pub.EventPage,
    "video": pub.VideoPage,
}
SITE_HOST = "haneul-institute.example"
AUDIO_TITLE = "The Long Table: theme music (demo)"
VIDEO_TITLE = "Haneul Institute explainer (demo film)"


class Publisher:
    """Creates the pages; holds what every page needs (people, terms, images, series)."""

    def __init__(self, *, series, people, terms, heroes, collection, institute_name):
        self.series = series
        self.people = people
        self.terms = terms
        self.heroes = heroes
        self.collection = collection
        self.institute_name = institute_name
        self.today = timezone.localdate()
        self._audio = None
        self._video = None

    def publish(self, piece: Piece) -> bool:
        """Create the piece's page unless its series already has one with that slug."""
        parent = self.series[piece.kind]
        model = MODELS[piece.kind]
        if existing_child(parent, model, piece.slug):
            return False
        page = model(
            title=piece.title,
            slug=piece.slug,
            subtitle=piece.subtitle,
            summary=piece.summary,
            date=self.today - datetime.timedelta(days=piece.days_ago),
            body=markup.stream_data(piece.slug, piece.body, piece.notes),
            featured=piece.featured,
        )
        if piece.hero is not None:
            hero = self.heroes[piece.hero % len(self.heroes)]
            page.hero_image, page.hero_caption = hero, hero.caption
        page.themes.set([self.terms["themes"][slug] for slug in piece.themes])
        page.regions.set([self.terms["regions"][slug] for slug in piece.regions])
        page.topics.set([self.terms["topics"][slug] for slug in piece.topics])
        for order, slug in enumerate(dict.fromkeys(piece.authors)):
            page.authors.add(pub.PublicationAuthor(person=self.people[slug], sort_order=order))
        getattr(self, f"_fill_{piece.kind}", lambda page, piece: None)(page, piece)
        publish_child(parent, page)
        return True

    def _fill_brief(self, page, piece):
        page.issue_number = piece.extra.get("issue_number")

    def _fill_report(self, page, piece):
        title = f"{piece.title} (PDF)"
        document = CustomDocument.objects.filter(title=title).first()
        data, page_count = files.report_pdf(
            piece.title, markup.sections(piece.body), self.institute_name
        )
        if document is None:
            document = CustomDocument.objects.create(
                title=title,
                file=files.content_file(data, f"{piece.slug}.pdf"),
                description=piece.summary,
                collection=self.collection,
            )
        page.pdf, page.page_count = document, page_count

    def _fill_podcast(self, page, piece):
        page.audio = self.audio()
        page.duration_seconds = piece.extra["duration_seconds"]
        page.episode_number = piece.extra.get("episode_number")
        page.transcript = "".join(
            f"<p><b>{markup.inline(speaker)}:</b> {markup.inline(line)}</p>"
            for speaker, line in piece.extra["transcript"]
        )

    def _fill_event(self, page, piece):
        extra = piece.extra
        page.start_date = self.today - datetime.timedelta(days=piece.days_ago)
        # Announced three to five weeks ahead; never dated in the future, and spread out so
        # upcoming events do not all share today's date at the top of listings.
        lead = datetime.timedelta(days=21 + len(piece.slug) % 15)
        recent = self.today - datetime.timedelta(days=3 + sum(map(ord, piece.slug)) % 45)
        page.date = min(recent, page.start_date - lead)
        hour, minute = extra["start_time"]
        page.start_time = datetime.time(hour, minute)
        if "end_time" in extra:
            page.end_time = datetime.time(*extra["end_time"])
        else:
            start = datetime.datetime.combine(page.start_date, page.start_time)
            page.end_time = (start + datetime.timedelta(hours=extra["duration_hours"])).time()
        page.time_zone = extra["time_zone"]
        venue = extra["venue"]
        if venue == "in_person":
            venue = SEOUL_VENUE if extra.get("in_seoul") else DC_VENUE
        if venue:
            page.venue_name, page.venue_address = venue
        if extra.get("online") or not venue:
            page.online_url = f"https://live.{SITE_HOST}/{piece.slug}"
        if extra.get("registration") == "here":  # on the site (peninsula/registrations)
            page.takes_registrations, page.capacity = True, extra["capacity"]
            for order, (label, kind, choices) in enumerate(extra.get("questions", [])):
                page.registration_questions.add(
                    RegistrationQuestion(
                        label=label,
                        field_type=kind,
                        choices=choices,
                        required=kind == "radio",
                        sort_order=order,
                    )
                )
        elif extra.get("registration"):
            page.registration_url = f"https://{SITE_HOST}/register/{piece.slug}"
        if extra.get("recording"):
            # A made-up host, like the video pages': the demo embeds no one else's video.
            page.recording_url = f"https://video.{SITE_HOST}/watch/{piece.slug}"
            page.transcript = "".join(
                f"<p><b>{markup.inline(speaker)}:</b> {markup.inline(line)}</p>"
                for speaker, line in extra["transcript"]
            )
        for order, (slug, role) in enumerate(extra["speakers"]):
            page.speakers.add(
                pub.EventSpeaker(person=self.people[slug], role=role, sort_order=order)
            )

    def _fill_video(self, page, piece):
        # The demo's own short film, played on the site (no one else's video embedded); the
        # address on a made-up host stands for the copy on the institute's video channel.
        page.video_file = self.video()
        page.video_url = f"https://video.{SITE_HOST}/watch/{piece.slug}"
        page.duration_seconds = piece.extra["duration_seconds"]

    def video(self) -> CustomDocument:
        """One eight-second film, shared by every video page to keep the demo small."""
        if self._video is None:
            self._video = CustomDocument.objects.filter(title=VIDEO_TITLE).first()
        if self._video is None:
            self._video = CustomDocument.objects.create(
                title=VIDEO_TITLE,
                file=files.content_file(files.demo_video(), "haneul-explainer.webm"),
                description="An eight-second animated title card made for the demo "
                "(scripts/make_demo_video.py).",
                collection=self.collection,
            )
        return self._video

    def audio(self) -> CustomDocument:
        """One short generated sting, shared by every episode to keep the demo small."""
        if self._audio is None:
            self._audio = CustomDocument.objects.filter(title=AUDIO_TITLE).first()
        if self._audio is None:
            self._audio = CustomDocument.objects.create(
                title=AUDIO_TITLE,
                file=files.content_file(files.podcast_sting(), "the-long-table-theme.wav"),
                description="A six-second pentatonic phrase generated for the demo.",
                collection=self.collection,
            )
        return self._audio
