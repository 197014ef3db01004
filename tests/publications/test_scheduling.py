"""Scheduled publishing: a page set to go live later goes live when the worker's job runs."""

import datetime
import time

import pytest
from django.utils import timezone

from peninsula.core.worker import publish_due_pages
from peninsula.search.counts import published_count
from tests import factories

pytestmark = pytest.mark.django_db


def schedule(page, when):
    page.go_live_at = when
    revision = page.save_revision(approved_go_live_at=when)
    revision.publish()
    page.refresh_from_db()
    return page


def test_page_scheduled_in_the_future_waits(client, series):
    page = factories.ArticlePageFactory(series=series, live=False, title="Embargoed")
    schedule(page, timezone.now() + datetime.timedelta(hours=1))
    publish_due_pages()
    page.refresh_from_db()
    assert not page.live
    assert client.get(f"{series.url}{page.slug}/").status_code == 404
    assert published_count() == 0


def test_due_page_goes_live_when_the_scheduler_runs(client, series):
    page = factories.ArticlePageFactory(series=series, live=False, title="Embargoed")
    schedule(page, timezone.now() + datetime.timedelta(seconds=1))
    assert not page.live
    time.sleep(1.2)
    publish_due_pages()
    page.refresh_from_db()
    assert page.live
    assert client.get(page.url).status_code == 200
    assert published_count() == 1
