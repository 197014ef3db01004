"""factory_boy factories for Peninsula's models. Pages are added under a parent page."""

import datetime
import io

import factory
from django.core.files.images import ImageFile
from PIL import Image as PILImage

from peninsula.assets.models import CustomDocument, CustomImage
from peninsula.home.models import HomePage, StandardPage
from peninsula.people.models import PeopleIndexPage, PersonPage
from peninsula.publications import models as pub
from peninsula.taxonomy.models import Region, Theme, Topic


def home_page() -> HomePage:
    return HomePage.objects.get()


def png_file(name="test.png", size=(640, 360), colour=(18, 60, 105)):
    buffer = io.BytesIO()
    PILImage.new("RGB", size, colour).save(buffer, "PNG")
    return ImageFile(buffer, name=name)


class PageFactory(factory.django.DjangoModelFactory):
    """Adds the page as a live child of `parent` (the home page by default)."""

    class Meta:
        abstract = True

    title = factory.Sequence(lambda n: f"Page {n}")

    @classmethod
    def _create(cls, model_class, *args, parent=None, **kwargs):
        page = model_class(*args, **kwargs)
        (parent or home_page()).add_child(instance=page)
        revision = page.save_revision()
        if page.live:
            revision.publish()
        page.refresh_from_db()
        return page


class ThemeFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Theme
        django_get_or_create = ("name",)

    name = factory.Sequence(lambda n: f"Theme {n}")


class RegionFactory(ThemeFactory):
    class Meta:
        model = Region
        django_get_or_create = ("name",)

    name = factory.Sequence(lambda n: f"Region {n}")


class TopicFactory(ThemeFactory):
    class Meta:
        model = Topic
        django_get_or_create = ("name",)

    name = factory.Sequence(lambda n: f"Topic {n}")


class ImageFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = CustomImage

    title = factory.Sequence(lambda n: f"Image {n}")
    file = factory.LazyFunction(png_file)
    credit = "Photo: Test Studio"


class DocumentFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = CustomDocument

    title = factory.Sequence(lambda n: f"Document {n}")
    file = factory.django.FileField(filename="report.pdf", data=b"%PDF-1.4\n%%EOF\n")


class SeriesPageFactory(PageFactory):
    class Meta:
        model = pub.SeriesPage

    title = factory.Sequence(lambda n: f"Series {n}")
    introduction = "A series about the peninsula."


class PeopleIndexPageFactory(PageFactory):
    class Meta:
        model = PeopleIndexPage

    title = "Experts"
    slug = "experts"


def people_index() -> PeopleIndexPage:
    return PeopleIndexPage.objects.first() or PeopleIndexPageFactory()


class PersonPageFactory(PageFactory):
    class Meta:
        model = PersonPage

    title = factory.Sequence(lambda n: f"Min-ji Kim {n}")
    job_title = "Non-Resident Fellow"

    @classmethod
    def _create(cls, model_class, *args, parent=None, **kwargs):
        return super()._create(model_class, *args, parent=parent or people_index(), **kwargs)


class PublicationFactory(PageFactory):
    """Any publication type; pass `series=` (created when missing) and `authors=[person, ...]`."""

    class Meta:
        abstract = True

    title = factory.Sequence(lambda n: f"Publication {n}")
    date = factory.Sequence(lambda n: datetime.date(2025, 1, 1) + datetime.timedelta(days=n))
    summary = "What the alliance means for the peninsula."

    @classmethod
    def _create(
        cls, model_class, *args, series=None, authors=(), themes=(), regions=(), topics=(), **kwargs
    ):
        page = model_class(*args, **kwargs)
        page.themes.set(themes)
        page.regions.set(regions)
        page.topics.set(topics)
        for order, person in enumerate(authors):
            page.authors.add(pub.PublicationAuthor(person=person, sort_order=order))
        (series or SeriesPageFactory()).add_child(instance=page)
        revision = page.save_revision()
        if page.live:
            revision.publish()
        page.refresh_from_db()
        return page


class ArticlePageFactory(PublicationFactory):
    class Meta:
        model = pub.ArticlePage


class BriefPageFactory(PublicationFactory):
    class Meta:
        model = pub.BriefPage


class ReportPageFactory(PublicationFactory):
    class Meta:
        model = pub.ReportPage


class PodcastEpisodePageFactory(PublicationFactory):
    class Meta:
        model = pub.PodcastEpisodePage

    audio_url = "https://media.example.org/episode.mp3"
    duration_seconds = 1865


class EventPageFactory(PublicationFactory):
    class Meta:
        model = pub.EventPage

    start_date = datetime.date(2030, 5, 14)
    start_time = datetime.time(9, 30)
    end_time = datetime.time(11, 0)
    time_zone = "Asia/Seoul"
    venue_name = "Peninsula Institute conference room"


class VideoPageFactory(PublicationFactory):
    class Meta:
        model = pub.VideoPage

    video_url = "https://www.youtube.com/watch?v=abcdefghijk"
    duration_seconds = 600


class StandardPageFactory(PageFactory):
    class Meta:
        model = StandardPage

    title = factory.Sequence(lambda n: f"About {n}")
    introduction = "Who we are and how we work."


# Pages editors shape: landing pages, news, departments (helper-6).
class LandingPageFactory(PageFactory):
    class Meta:
        model = "home.LandingPage"

    title = factory.Sequence(lambda n: f"Programme {n}")
    introduction = "A programme on deterrence."


class NewsIndexPageFactory(PageFactory):
    class Meta:
        model = "press.NewsIndexPage"

    title = "News"
    slug = "news"


class NewsPageFactory(PageFactory):
    class Meta:
        model = "press.NewsPage"

    title = factory.Sequence(lambda n: f"Press release {n}")
    date = factory.Sequence(lambda n: datetime.date(2025, 1, 1) + datetime.timedelta(days=n))
    summary = "The institute announces something."

    @classmethod
    def _create(cls, model_class, *args, parent=None, **kwargs):
        from peninsula.press.models import NewsIndexPage

        parent = parent or NewsIndexPage.objects.first() or NewsIndexPageFactory()
        return super()._create(model_class, *args, parent=parent, **kwargs)


class DepartmentFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = "people.Department"
        django_get_or_create = ("name",)

    name = factory.Sequence(lambda n: f"Department {n}")
