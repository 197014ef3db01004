import datetime

import pytest
from django.core.files.base import ContentFile

from peninsula.assets.models import CustomDocument
from tests import factories

MP3_BYTES = b"ID3\x03\x00\x00\x00\x00\x00\x00" + b"\xff\xfb\x90\x00" * 256


@pytest.fixture
def content(institute, series, author):
    """One of each publication type, a podcast series with an uploaded and an outside
    episode, and themes, regions and topics, as a small institute would have them."""
    institute.email = "press@harbour.example"
    institute.x_url = "https://x.com/harbourinst"
    institute.save()
    theme = factories.ThemeFactory(name="Security", slug="security")
    region = factories.RegionFactory(name="Korean Peninsula", slug="korean-peninsula")
    topic = factories.TopicFactory(name="Nuclear Policy", slug="nuclear-policy")
    second = factories.PersonPageFactory(title="Min-ji Kim", slug="min-ji-kim")
    reports = factories.SeriesPageFactory(title="Reports and Papers", slug="reports-and-papers")
    podcasts = factories.SeriesPageFactory(
        title="Peninsula Talks", slug="peninsula-talks", introduction="Conversations."
    )
    events = factories.SeriesPageFactory(title="Events", slug="events")
    pdf = factories.DocumentFactory(title="Alliance report")
    audio = CustomDocument(title="Episode 1 audio")
    audio.file.save("episode-1.mp3", ContentFile(MP3_BYTES), save=False)
    audio.save()
    image = factories.ImageFactory()
    return {
        "theme": theme,
        "region": region,
        "topic": topic,
        "author": author,
        "second": second,
        "series": series,
        "reports": reports,
        "podcasts": podcasts,
        "events": events,
        "pdf": pdf,
        "audio": audio,
        "article": factories.ArticlePageFactory(
            title="The alliance & its future",
            slug="alliance-future",
            series=series,
            authors=[author, second],
            themes=[theme],
            regions=[region],
            topics=[topic],
            hero_image=image,
            date=datetime.date(2025, 3, 1),
        ),
        "brief": factories.BriefPageFactory(
            title="Weekly brief", series=series, authors=[second], date=datetime.date(2025, 3, 2)
        ),
        "report": factories.ReportPageFactory(
            title="Deterrence in the 2030s",
            slug="deterrence",
            series=reports,
            authors=[author],
            themes=[theme],
            pdf=pdf,
            page_count=42,
            date=datetime.date(2025, 2, 1),
        ),
        "episode": factories.PodcastEpisodePageFactory(
            title="Episode 1",
            series=podcasts,
            authors=[author],
            audio=audio,
            audio_url="",
            episode_number=1,
            date=datetime.date(2025, 1, 10),
        ),
        "outside_episode": factories.PodcastEpisodePageFactory(
            title="Episode 2", series=podcasts, episode_number=2, date=datetime.date(2025, 1, 17)
        ),
        "event": factories.EventPageFactory(
            title="Seoul roundtable",
            series=events,
            venue_address="1 Sejong-daero\nSeoul",
            date=datetime.date(2025, 1, 5),
        ),
        "video": factories.VideoPageFactory(
            title="Explainer", series=series, date=datetime.date(2025, 1, 3)
        ),
        "draft": factories.ArticlePageFactory(title="Unpublished draft", series=series, live=False),
    }
