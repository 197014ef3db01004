from peninsula.publications.models.base import PublicationAuthor, PublicationPage, PublicationType
from peninsula.publications.models.series import SeriesPage
from peninsula.publications.models.types import (
    ArticlePage,
    BriefPage,
    EventPage,
    EventSpeaker,
    PodcastEpisodePage,
    ReportPage,
    VideoPage,
)

__all__ = [
    "ArticlePage",
    "BriefPage",
    "EventPage",
    "EventSpeaker",
    "PodcastEpisodePage",
    "PublicationAuthor",
    "PublicationPage",
    "PublicationType",
    "ReportPage",
    "SeriesPage",
    "VideoPage",
]
