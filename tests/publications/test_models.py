import datetime
import zoneinfo

import pytest
from django.core.exceptions import ValidationError

from peninsula.publications.models import EventPage, PublicationPage, PublicationType
from peninsula.publications.models.types import format_duration
from tests import factories

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    ("factory", "kind"),
    [
        (factories.ArticlePageFactory, PublicationType.ARTICLE),
        (factories.BriefPageFactory, PublicationType.BRIEF),
        (factories.ReportPageFactory, PublicationType.REPORT),
        (factories.PodcastEpisodePageFactory, PublicationType.PODCAST),
        (factories.EventPageFactory, PublicationType.EVENT),
        (factories.VideoPageFactory, PublicationType.VIDEO),
    ],
)
def test_each_type_records_its_kind_on_the_shared_table(factory, kind, series):
    page = factory(series=series)
    shared = PublicationPage.objects.get(pk=page.pk)
    assert shared.publication_type == kind
    assert shared.get_parent().specific == series


def test_authors_keep_their_order(series):
    first = factories.PersonPageFactory(title="Ana Lee")
    second = factories.PersonPageFactory(title="Bo Han")
    page = factories.ArticlePageFactory(series=series, authors=[second, first])
    assert [person.title for person in page.author_people] == ["Bo Han", "Ana Lee"]


def test_bio_line_is_built_from_the_person_record(author):
    assert author.full_bio_line("Harbour Institute") == (
        "Jane Park is a Non-Resident Fellow at Harbour Institute."
    )
    author.job_title = "Adjunct Fellow"
    author.affiliation = "Yonsei University"
    assert author.full_bio_line("Harbour Institute") == (
        "Jane Park is an Adjunct Fellow at Yonsei University."
    )
    author.bio_line = "Jane Park writes on trade."
    assert author.full_bio_line("Harbour Institute") == "Jane Park writes on trade."


def test_person_sort_name_defaults_to_family_name_first():
    person = factories.PersonPageFactory(title="Min-jun Choi")
    assert person.sort_name == "Choi, Min-jun"


def test_event_times_are_kept_in_the_event_time_zone(series):
    event = factories.EventPageFactory(
        series=series,
        start_date=datetime.date(2030, 5, 14),
        start_time=datetime.time(9, 30),
        end_time=datetime.time(11, 0),
        time_zone="Asia/Seoul",
    )
    assert event.start == datetime.datetime(
        2030, 5, 14, 9, 30, tzinfo=zoneinfo.ZoneInfo("Asia/Seoul")
    )
    # 09:30 in Seoul (UTC+9) is 00:30 UTC.
    assert event.starts_at == datetime.datetime(2030, 5, 14, 0, 30, tzinfo=datetime.UTC)
    assert event.ends_at == datetime.datetime(2030, 5, 14, 2, 0, tzinfo=datetime.UTC)
    assert event.zone_abbreviation == "KST"
    assert event.is_upcoming


def test_event_must_not_end_before_it_starts(series):
    event = EventPage(
        title="Backwards",
        start_date=datetime.date(2030, 5, 14),
        end_date=datetime.date(2030, 5, 13),
        venue_name="Room 1",
        time_zone="UTC",
    )
    with pytest.raises(ValidationError) as error:
        event.clean()
    assert "end_date" in error.value.message_dict


def test_event_needs_a_venue_or_an_online_link():
    event = EventPage(title="Nowhere", start_date=datetime.date(2030, 5, 14), time_zone="UTC")
    with pytest.raises(ValidationError) as error:
        event.clean()
    assert "venue_name" in error.value.message_dict


def test_durations_read_like_clocks():
    assert format_duration(None) == ""
    assert format_duration(65) == "1:05"
    assert format_duration(3725) == "1:02:05"


def test_related_publications_share_a_theme(series):
    security = factories.ThemeFactory(name="Security")
    trade = factories.ThemeFactory(name="Trade")
    page = factories.ArticlePageFactory(series=series, themes=[security])
    sibling = factories.ArticlePageFactory(series=series, themes=[security])
    factories.ArticlePageFactory(series=series, themes=[trade])
    assert list(page.related_publications()) == [PublicationPage.objects.get(pk=sibling.pk)]


def test_related_publications_are_the_three_newest_live_ones(series):
    security = factories.ThemeFactory(name="Security")
    page = factories.ArticlePageFactory(series=series, themes=[security])
    siblings = [factories.BriefPageFactory(series=series, themes=[security]) for _ in range(4)]
    siblings[-1].unpublish()
    related = page.related_publications()
    assert [item.pk for item in related] == [item.pk for item in siblings[2::-1]]


def test_a_publication_without_a_theme_relates_to_the_latest_others(series):
    trade = factories.ThemeFactory(name="Trade")
    older = factories.ArticlePageFactory(series=series, themes=[trade])
    page = factories.ArticlePageFactory(series=series)
    newer = factories.ArticlePageFactory(series=series)
    assert [item.pk for item in page.related_publications()] == [newer.pk, older.pk]


def test_a_preview_relates_by_the_themes_being_edited(series):
    security = factories.ThemeFactory(name="Security")
    trade = factories.ThemeFactory(name="Trade")
    page = factories.ArticlePageFactory(series=series, themes=[security])
    on_trade = factories.ArticlePageFactory(series=series, themes=[trade])
    factories.ArticlePageFactory(series=series, themes=[security])
    page.themes = [trade]  # in memory, as the editor's form leaves it for a preview
    assert [item.pk for item in page.related_publications()] == [on_trade.pk]


def test_publication_type_slugs_round_trip():
    for kind in PublicationType:
        assert PublicationType.from_slug(kind.slug) is kind
    assert PublicationType.from_slug("nonsense") is None


def test_saving_the_shared_row_keeps_the_type(series):
    report = factories.ReportPageFactory(series=series)
    shared = PublicationPage.objects.get(pk=report.pk)
    shared.save()
    assert PublicationPage.objects.get(pk=report.pk).publication_type == PublicationType.REPORT


def test_an_unsaved_page_knows_its_type():
    from peninsula.publications.models import VideoPage

    assert VideoPage(title="New").type_label == "Video"


def test_listing_copies_follow_publish_unpublish_and_moves(series):
    """is_live and series_page mirror the page tree, so listings can skip joining it."""
    page = factories.ArticlePageFactory(series=series)
    shared = PublicationPage.objects.get(pk=page.pk)
    assert shared.is_live and shared.series_page_id == series.pk

    page.unpublish()
    assert not PublicationPage.objects.get(pk=page.pk).is_live
    assert not PublicationPage.objects.listed().filter(pk=page.pk).exists()

    page.save_revision().publish()
    assert PublicationPage.objects.listed().filter(pk=page.pk).exists()

    other = factories.SeriesPageFactory(title="Briefs")
    page.move(other, pos="last-child")
    assert PublicationPage.objects.get(pk=page.pk).series_page_id == other.pk


def test_draft_is_not_listed(series):
    page = factories.ArticlePageFactory(series=series, live=False)
    assert not PublicationPage.objects.get(pk=page.pk).is_live
