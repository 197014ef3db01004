"""Automatic digests of new publications on followed themes and series."""

import datetime

import pytest
from django.utils import timezone

from peninsula.newsletters.digests import send_due_digests
from peninsula.newsletters.models import DigestEntry
from tests import factories
from tests.newsletters.factories import SubscriberFactory

pytestmark = pytest.mark.django_db


def titles(received):
    return received.message.get_body(("plain",)).get_content()


def test_a_digest_lists_new_matching_publications_and_never_repeats_one(smtp, series, institute):
    security = factories.ThemeFactory(name="Security")
    economy = factories.ThemeFactory(name="Economy")
    other_series = factories.SeriesPageFactory(title="Events")
    reader = SubscriberFactory(email="follower@example.org", frequency="as_published")
    reader.themes.set([security])
    reader.series.set([series])
    reader.confirmed_at = timezone.now() - datetime.timedelta(days=1)
    reader.save()
    factories.ArticlePageFactory(series=other_series, title="On security", themes=[security])
    factories.ArticlePageFactory(series=series, title="In the followed series")
    factories.ArticlePageFactory(series=other_series, title="About the economy", themes=[economy])
    factories.ArticlePageFactory(series=series, title="A draft", live=False)

    assert send_due_digests("as_published") == 1
    [digest] = smtp.to(reader.email)
    text = titles(digest)
    assert "On security" in text and "In the followed series" in text
    assert "About the economy" not in text and "A draft" not in text
    assert digest.message["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"
    assert "Washington, DC 20001" in text

    # Nothing new: nothing sent. Something new: only that.
    assert send_due_digests("as_published") == 0
    factories.ArticlePageFactory(series=series, title="Fresh piece")
    assert send_due_digests("as_published") == 1
    latest = titles(smtp.to(reader.email)[-1])
    assert "Fresh piece" in latest and "On security" not in latest
    assert DigestEntry.objects.filter(subscriber=reader).count() == 3


def test_weekly_digests_wait_a_week_and_skip_the_back_catalogue(smtp, series):
    factories.ArticlePageFactory(series=series, title="Published before they joined")
    reader = SubscriberFactory(email="weekly@example.org", frequency="weekly")
    reader.series.set([series])
    factories.ArticlePageFactory(series=series, title="Published after")
    assert send_due_digests("weekly") == 1
    text = titles(smtp.to(reader.email)[0])
    assert "Published after" in text and "Published before they joined" not in text
    factories.ArticlePageFactory(series=series, title="Another one")
    assert send_due_digests("weekly") == 0  # the week is not over
    reader.last_digest_at = timezone.now() - datetime.timedelta(days=8)
    reader.save()
    assert send_due_digests("weekly") == 1


def test_unsubscribed_and_unconfirmed_people_get_no_digest(smtp, series):
    for status in ("pending", "unsubscribed", "suppressed"):
        person = SubscriberFactory(status=status, frequency="as_published")
        person.series.set([series])
    factories.ArticlePageFactory(series=series, title="News")
    assert send_due_digests("as_published") == 0
    assert smtp.received == []


def test_publishing_a_page_sends_the_as_published_digest(smtp, series, on_commit):
    reader = SubscriberFactory(email="eager@example.org", frequency="as_published")
    reader.series.set([series])
    on_commit(factories.ArticlePageFactory, series=series, title="Hot off the press")
    assert "Hot off the press" in titles(smtp.to(reader.email)[0])


def test_an_as_published_digest_considers_only_the_pages_published(smtp, series):
    """The task gets the ids of the publications just published: only their followers are
    looked at, and only these publications are sent (the rest wait for their own publish)."""
    from peninsula.newsletters.digests import due_subscribers

    security = factories.ThemeFactory(name="Security")
    theme_reader = SubscriberFactory(email="theme@example.org", frequency="as_published")
    theme_reader.themes.set([security])
    series_reader = SubscriberFactory(email="series@example.org", frequency="as_published")
    series_reader.series.set([series])
    other_series = factories.SeriesPageFactory(title="Events")
    factories.ArticlePageFactory(series=series, title="Waiting in the series")
    published = factories.ArticlePageFactory(
        series=other_series, title="On security", themes=[security]
    )

    assert list(due_subscribers("as_published", page_ids=[published.pk])) == [theme_reader]
    assert send_due_digests("as_published", [published.pk]) == 1
    assert "On security" in titles(smtp.to(theme_reader.email)[0])
    assert smtp.to(series_reader.email) == []
    assert send_due_digests("as_published", []) == 0
    # Without ids (as the weekly sweep runs), everything new is considered.
    assert send_due_digests("as_published") == 1
    assert "Waiting in the series" in titles(smtp.to(series_reader.email)[0])
